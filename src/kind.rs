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
}

/// Ids and URL segments: lower-case ASCII letters, digits and single
/// hyphens, not starting or ending with a hyphen. Returns why not.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("an id cannot be empty".into());
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        let what = if c.is_uppercase() {
            "an upper-case letter".to_string()
        } else if c == ' ' {
            "a space".to_string()
        } else if c == '_' {
            "an underscore".to_string()
        } else if !c.is_ascii() {
            format!("the non-ASCII character `{c}`")
        } else {
            format!("the character `{c}`")
        };
        return Err(format!("it contains {what}"));
    }
    if id.starts_with('-') || id.ends_with('-') {
        return Err("it starts or ends with a hyphen".into());
    }
    if id.contains("--") {
        return Err("it contains a double hyphen".into());
    }
    Ok(())
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
    }
}
