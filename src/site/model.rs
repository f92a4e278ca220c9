//! The site's types: entities, their language versions, and the lookups
//! templates need (a link to an entity in a language, with fallback).

use std::collections::BTreeMap;

use crate::config::Config;
use crate::discover::Attachment;
use crate::frontmatter::{Common, Fields};
use crate::kind::{Kind, Taxonomy};
use crate::lang::Lang;
use crate::markdown::Heading;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityKey {
    pub kind: Kind,
    pub id: String,
}

/// One language version of an entity.
#[derive(Debug, Clone)]
pub struct Version {
    pub lang: Lang,
    /// The source file, relative to the site root.
    pub file: String,
    pub common: Common,
    pub fields: Fields,
    /// Output folder relative to the site root, ending in `/`:
    /// `fr/pratiques/ofii-cameroon/`.
    pub path: String,
    /// Shared with the build memo of `serve`.
    pub html: std::sync::Arc<str>,
    pub headings: Vec<Heading>,
    /// The addresses its body makes other than `@/` links, checked against
    /// the plan of the output once it is made.
    pub addresses: Vec<crate::markdown::Address>,
    /// The title's key in the language's alphabetical order, computed
    /// once: every list this version appears in sorts by it.
    pub sort_key: (String, String),
    /// The last commit that changed its file, when Git can tell.
    pub last_change: Option<crate::history::LastChange>,
}

impl Version {
    /// When it was last updated: `updated:` if the editor wrote it, else
    /// the date of the last commit that changed the file.
    pub fn updated(&self) -> Option<crate::frontmatter::types::Date> {
        self.common
            .updated
            .or_else(|| self.last_change.as_ref().map(|c| c.date))
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Kind,
    pub id: String,
    /// Published versions only (drafts are left out unless `--drafts`).
    pub versions: BTreeMap<Lang, Version>,
    pub attachments: Vec<Attachment>,
}

impl Entity {
    /// The version to show a reader of `lang`: that language's, or the
    /// first other language the site lists (then the link is marked).
    pub fn version_for<'a>(&'a self, lang: &Lang, order: &[Lang]) -> Option<(&'a Version, bool)> {
        if let Some(v) = self.versions.get(lang) {
            return Some((v, false));
        }
        order
            .iter()
            .find_map(|l| self.versions.get(l))
            .map(|v| (v, true))
    }
}

/// The text of the home page, of a kind's list page or of a term's page.
#[derive(Debug, Clone)]
pub struct IndexText {
    /// Its file, relative to the site root.
    pub file: String,
    pub title: String,
    pub summary: Option<String>,
    pub html: String,
    /// As `Version::addresses`.
    pub addresses: Vec<crate::markdown::Address>,
}

/// A link from a page in one language to an entity.
#[derive(Debug, Clone)]
pub struct LinkTo<'a> {
    pub entity: &'a Entity,
    pub version: &'a Version,
    /// True when the entity has no version in the page's language.
    pub fallback: bool,
}

/// Cloned by `serve` for the search index it makes in the background.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub entities: BTreeMap<EntityKey, Entity>,
    pub home: BTreeMap<Lang, IndexText>,
    pub lists: BTreeMap<(Kind, Lang), IndexText>,
    /// The texts of themes' and organisations' pages
    /// (`content/themes/<id>.<lang>.md`).
    pub terms: BTreeMap<(Taxonomy, String, Lang), IndexText>,
    /// Path of the site under its host, from `base_url`: `/` or `/hub/`.
    pub path_prefix: String,
    /// Whether drafts were included (`--drafts`).
    pub drafts: bool,
    /// Every reference, readable from both ends.
    pub graph: super::graph::Graph,
    /// Why translations cannot be compared, when Git cannot tell.
    pub history_note: Option<String>,
    /// Every image of its bundles and `static/`, probed.
    pub probes: std::sync::Arc<super::media::Probes>,
    /// How its images are made.
    pub images: std::sync::Arc<crate::images::Images>,
}

impl Site {
    /// A path relative to the site root as a link the browser follows.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.path_prefix, path)
    }

    /// An absolute address, for canonical links, hreflang and feeds.
    pub fn permalink(&self, path: &str) -> String {
        self.config.base_url.join(path)
    }

    pub fn entity(&self, kind: Kind, id: &str) -> Option<&Entity> {
        self.entities.get(&EntityKey {
            kind,
            id: id.to_string(),
        })
    }

    pub fn link(&self, kind: Kind, id: &str, lang: &Lang) -> Option<LinkTo<'_>> {
        let entity = self.entity(kind, id)?;
        let (version, fallback) = entity.version_for(lang, &self.config.languages)?;
        Some(LinkTo {
            entity,
            version,
            fallback,
        })
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entity> {
        self.entities.values().filter(move |e| e.kind == kind)
    }

    /// The output folder of a kind's list page in a language.
    pub fn list_path(&self, kind: Kind, lang: &Lang) -> String {
        format!("{lang}/{}/", self.config.section(kind, lang))
    }

    pub fn home_path(lang: &Lang) -> String {
        format!("{lang}/")
    }

    /// Taxonomy pages: `themes` or `organisations`, the same in every language.
    pub fn taxonomy_path(taxonomy: Taxonomy, lang: &Lang, id: Option<&str>) -> String {
        let t = taxonomy.name();
        match id {
            Some(id) => format!("{lang}/{t}/{id}/"),
            None => format!("{lang}/{t}/"),
        }
    }

    pub fn matrix_path(lang: &Lang) -> String {
        format!("{lang}/matrix/")
    }

    /// A language's Atom feed (meetings and practices).
    pub fn feed_path(lang: &Lang) -> String {
        format!("{lang}/atom.xml")
    }

    /// The search page of a language.
    pub fn search_path(lang: &Lang) -> String {
        format!("{lang}/search/")
    }
}

/// Where a version is published.
pub fn version_path(config: &Config, kind: Kind, lang: &Lang, slug: &str) -> String {
    format!("{lang}/{}/{slug}/", config.section(kind, lang))
}
