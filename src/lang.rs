//! Languages: the checked `Lang` code and the rules that differ by language
//! (alphabetical order). Month names and date patterns are UI strings and
//! come from the theme's `i18n/<lang>.yaml`.

use std::fmt;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A language code as the site lists it: 2 or 3 lower-case ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    pub fn parse(code: &str) -> Result<Lang, String> {
        let ok = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
        if ok {
            Ok(Lang(code.to_string()))
        } else {
            Err(crate::t!("lang-not-a-code", code = code))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text with accents and ligatures folded away: "Égypte" → "Egypte",
/// "œuvre" → "oeuvre".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'ß' => out.push_str("ss"),
            c if is_combining_mark(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The key lists sort by in French and English: accents and case folded,
/// punctuation and spaces ignored; the original text breaks ties so the
/// order is total and the same on every machine.
pub fn sort_key(text: &str) -> (String, String) {
    let primary: String = fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (primary, text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn egypte_sorts_among_the_es() {
        let mut names = vec![
            "France",
            "Égypte",
            "Espagne",
            "Danemark",
            "Éthiopie",
            "Estonie",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec![
                "Danemark",
                "Égypte",
                "Espagne",
                "Estonie",
                "Éthiopie",
                "France"
            ]
        );
    }

    #[test]
    fn lang_codes() {
        assert!(Lang::parse("fr").is_ok());
        assert!(Lang::parse("FR").is_err());
        assert!(Lang::parse("french").is_err());
    }
}
