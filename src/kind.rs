//! The six kinds of entity, named by the folder directly under `content/`.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Meeting,
    Practice,
    Country,
    Challenge,
    Recommendation,
    Page,
}

impl Kind {
    /// In the order the site's navigation shows them.
    pub const ALL: [Kind; 6] = [
        Kind::Meeting,
        Kind::Practice,
        Kind::Challenge,
        Kind::Recommendation,
        Kind::Country,
        Kind::Page,
    ];

    /// The folder under `content/`, also the default URL segment.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Meeting => "meetings",
            Kind::Practice => "practices",
            Kind::Country => "countries",
            Kind::Challenge => "challenges",
            Kind::Recommendation => "recommendations",
            Kind::Page => "pages",
        }
    }

    /// The singular, as messages and templates name it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Practice => "practice",
            Kind::Country => "country",
            Kind::Challenge => "challenge",
            Kind::Recommendation => "recommendation",
            Kind::Page => "page",
        }
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.folder() == folder)
    }

    pub fn folders() -> impl Iterator<Item = &'static str> {
        Kind::ALL.into_iter().map(Kind::folder)
    }
}

/// The two ways config.yaml tags entities: by theme of the action plans,
/// and by organisation. Each has an index page and a page per term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Taxonomy {
    Themes,
    Organisations,
}

impl Taxonomy {
    pub const ALL: [Taxonomy; 2] = [Taxonomy::Themes, Taxonomy::Organisations];

    /// Its key in config.yaml and front matter, and its URL segment.
    pub fn name(self) -> &'static str {
        match self {
            Taxonomy::Themes => "themes",
            Taxonomy::Organisations => "organisations",
        }
    }

    /// The taxonomy whose terms' texts a folder of `content/` holds
    /// (`content/themes/<id>.<lang>.md`).
    pub fn from_folder(folder: &str) -> Option<Taxonomy> {
        Taxonomy::ALL.into_iter().find(|t| t.name() == folder)
    }
}

/// Ids and URL segments: lower-case ASCII letters, digits and single
/// hyphens, not starting or ending with a hyphen. Returns why not.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err(crate::t!("id-empty"));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(if c.is_uppercase() {
            crate::t!("id-upper-case")
        } else if c == ' ' {
            crate::t!("id-space")
        } else if c == '_' {
            crate::t!("id-underscore")
        } else if !c.is_ascii() {
            crate::t!("id-non-ascii", char = c.to_string())
        } else {
            crate::t!("id-character", char = c.to_string())
        });
    }
    if id.starts_with('-') || id.ends_with('-') {
        return Err(crate::t!("id-hyphen-ends"));
    }
    if id.contains("--") {
        return Err(crate::t!("id-double-hyphen"));
    }
    if windows_reserved(id) {
        return Err(crate::t!("windows-reserved", name = id));
    }
    Ok(())
}

/// Whether Windows refuses `name` as a file or folder name: `con`, `prn`,
/// `aux`, `nul`, `com1`…`com9`, `lpt1`…`lpt9`, in any case, with any
/// extension (`aux.pdf`), and the same with superscript digits.
pub fn windows_reserved(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end_matches(' ')
        .to_lowercase();
    if matches!(
        stem.as_str(),
        "con" | "prn" | "aux" | "nul" | "conin$" | "conout$"
    ) {
        return true;
    }
    let mut chars = stem.chars();
    let head: String = chars.by_ref().take(3).collect();
    let digit: Vec<char> = chars.collect();
    (head == "com" || head == "lpt")
        && matches!(digit.as_slice(), [d] if ('1'..='9').contains(d) || matches!(d, '¹' | '²' | '³'))
}

/// The id an editor probably meant: lower case, accents and other
/// characters turned into single hyphens.
pub fn suggest_id(id: &str) -> String {
    let folded = crate::lang::fold(id);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(check_id("ofii-cameroon").is_ok());
        assert!(check_id("2021-01-21-rvr-webinar").is_ok());
        assert!(check_id("Ofii").is_err());
        assert!(check_id("a--b").is_err());
        assert!(check_id("a b").is_err());
        assert!(check_id("défi").is_err());
        assert!(check_id("-a").is_err());
        assert_eq!(suggest_id("Défi Numéro_1"), "defi-numero-1");
        for reserved in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"] {
            assert!(check_id(reserved).is_err(), "{reserved}");
        }
        for fine in ["com", "com10", "lpt0", "console", "auxiliary", "null"] {
            assert!(check_id(fine).is_ok(), "{fine}");
        }
        assert!(windows_reserved("AUX.pdf") && windows_reserved("nul.tar.gz"));
    }
}
