//! The words of diagnostics, in the editor's language: the one module that
//! knows Fluent (`fluent-bundle`). Each language is a catalogue,
//! `fr.ftl` and `en.ftl`, embedded in the binary; a message is asked for
//! by its id with named arguments, and counts choose their plural form by
//! the language's rules (`{ $count -> [one] … *[other] … }`).
//!
//! The language is chosen once, by `cmd`, from `--lang` or the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`); English when none is given.
//! Unit tests that need another language ask `text_in`.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[cfg(test)]
mod tests;

/// A language diagnostics can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Fr,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Fr, Language::En];

    /// From a code or a locale (`fr`, `fr_FR.UTF-8`, `en-GB`).
    pub fn parse(s: &str) -> Option<Language> {
        let code: String = s
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match code.as_str() {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Language::Fr => include_str!("fr.ftl"),
            Language::En => include_str!("en.ftl"),
        }
    }

    /// Its BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }
}

/// The language of the locale, as POSIX orders the variables: `LC_ALL`,
/// then `LC_MESSAGES`, then `LANG`; the first set and not empty decides.
pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Option<Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| get(v).filter(|s| !s.is_empty()))
        .map(|s| Language::parse(&s))
        .next()
        .flatten()
}

static CHOSEN: OnceLock<Language> = OnceLock::new();

/// Sets the language of every message of this run; the first call wins.
pub fn choose(lang: Language) {
    let _ = CHOSEN.set(lang);
}

pub fn chosen() -> Language {
    CHOSEN.get().copied().unwrap_or(Language::En)
}

/// A value given to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Count(usize),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n)
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Language) -> &'static Bundle {
    static FR: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Language::Fr => &FR,
        Language::En => &EN,
    };
    cell.get_or_init(|| {
        // The catalogues are part of the binary and checked by the tests
        // (`every_message_formats_in_every_language`).
        let resource =
            FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
        let id = lang
            .tag()
            .parse()
            .unwrap_or_else(|_| unreachable!("`fr` and `en` are language tags"));
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // Terminals and CI logs show Unicode isolation marks as garbage.
        b.set_use_isolating(false);
        let _ = b.add_resource(resource);
        b
    })
}

/// The message `id` in the language of this run.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(chosen(), id, args)
}

/// The message `id` in `lang`; the id itself when the catalogue lacks it
/// (which a test forbids).
pub fn text_in(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            Arg::Count(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// Every message id of a language's catalogue, for the tests: the lines
/// that start a message, `id = …`.
pub fn ids(lang: Language) -> Vec<String> {
    lang.catalogue()
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// Whether each catalogue parses without an error, for the tests.
pub fn parse_errors(lang: Language) -> usize {
    match FluentResource::try_new(lang.catalogue().to_string()) {
        Ok(_) => 0,
        Err((_, e)) => e.len(),
    }
}

/// `text` with the arguments written `name = value`.
#[macro_export]
macro_rules! t {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::text($id, &[$((stringify!($name), $crate::messages::Arg::from($value))),*])
    };
}

/// A file's size in the words of this run's language: `240 KB`, `3.8 MB`
/// (`240 Ko`, `3,8 Mo` in French).
pub fn file_size(bytes: u64) -> String {
    let (n, id) = if bytes >= 1_000_000 {
        (format!("{:.1}", bytes as f64 / 1e6), "size-mb")
    } else {
        (format!("{:.0}", (bytes as f64 / 1e3).max(1.0)), "size-kb")
    };
    let n = n.replace('.', &text("decimal-mark", &[]));
    text(id, &[("n", Arg::Text(n))])
}
