//! Resolves `@/kind/id#anchor` links in bodies, for one page's language.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diag::did_you_mean;
use crate::kind::Kind;
use crate::lang::Lang;
use crate::markdown::{Heading, LinkError, ResolveLink, Resolved};
use crate::t;

use super::model::EntityKey;

/// What a link needs of one published version.
pub struct Target {
    pub path: String,
    pub headings: Vec<Heading>,
    /// Its title, so a reference can be suggested by name.
    pub title: String,
}

/// Published versions by entity and language, and the drafts left out.
pub struct Targets {
    pub versions: BTreeMap<EntityKey, BTreeMap<Lang, Target>>,
    pub drafts: std::collections::BTreeSet<EntityKey>,
    /// The images and documents a body may show or link to.
    pub media: super::media::MediaPaths,
}

pub struct Resolver<'a> {
    pub targets: &'a Targets,
    pub config: &'a Config,
    pub lang: &'a Lang,
    pub prefix: &'a str,
    /// The output path of the page the body is on, for relative addresses.
    pub page: String,
}

impl ResolveLink for Resolver<'_> {
    fn document(&self, address: &str) -> Option<crate::markdown::DocumentFacts> {
        self.targets
            .media
            .document(&self.page, self.prefix, address)
    }

    fn picture(&self, address: &str) -> Option<crate::images::Picture> {
        self.targets.media.picture(&self.page, self.prefix, address)
    }

    fn resolve(&self, target: &str) -> Result<Resolved, LinkError> {
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let form = t!("link-at-form");
        let [folder, id] = parts[..] else {
            return Err(err(
                t!("link-not-entity", target = target),
                None,
                Some(form),
            ));
        };
        let Some(kind) = Kind::from_folder(folder) else {
            let hint = did_you_mean(folder, Kind::folders()).map(|h| t!("did-you-mean", name = h));
            return Err(err(
                t!("link-not-a-kind", folder = folder),
                hint,
                Some(form),
            ));
        };
        let key = EntityKey {
            kind,
            id: id.to_string(),
        };
        let Some(versions) = self.targets.versions.get(&key) else {
            if self.targets.drafts.contains(&key) {
                return Err(err(
                    t!("link-draft", kind = kind.name(), id = id),
                    None,
                    Some(t!("link-draft-help")),
                ));
            }
            let ids = self
                .targets
                .versions
                .keys()
                .filter(|k| k.kind == kind)
                .map(|k| k.id.as_str());
            let hint = did_you_mean(id, ids).map(|h| t!("did-you-mean", name = h));
            return Err(err(
                t!("link-no-entity", kind = kind.name(), id = id),
                hint,
                None,
            ));
        };
        let (lang, t) = match versions.get(self.lang) {
            Some(t) => (self.lang, t),
            None => self
                .config
                .languages
                .iter()
                .find_map(|l| versions.get(l).map(|t| (l, t)))
                .ok_or_else(|| {
                    err(
                        t!("link-no-entity", kind = kind.name(), id = id),
                        None,
                        None,
                    )
                })?,
        };
        let mut url = format!("{}{}", self.prefix, t.path);
        if let Some(anchor) = anchor {
            if !t.headings.iter().any(|h| h.id == anchor) {
                let slug = crate::markdown::slugify(anchor);
                let hint = t
                    .headings
                    .iter()
                    .find(|h| h.id == slug)
                    .map(|h| h.id.clone())
                    .or_else(|| did_you_mean(&slug, t.headings.iter().map(|h| h.id.as_str())))
                    .map(|h| t!("did-you-mean", name = format!("#{h}")));
                let list: Vec<String> = t.headings.iter().map(|h| format!("`#{}`", h.id)).collect();
                let help = if list.is_empty() {
                    t!("link-version-no-headings", lang = lang.as_str(), id = id)
                } else {
                    t!("link-headings-are", list = list.join(", "))
                };
                return Err(err(
                    t!(
                        "link-no-heading-in-version",
                        kind = kind.name(),
                        id = id,
                        anchor = anchor,
                        lang = lang.as_str()
                    ),
                    hint,
                    Some(help),
                ));
            }
            url.push('#');
            url.push_str(anchor);
        }
        Ok(Resolved {
            url,
            fallback_lang: (lang != self.lang).then(|| lang.to_string()),
        })
    }
}

fn err(message: String, label: Option<String>, help: Option<String>) -> LinkError {
    LinkError {
        message,
        label,
        help,
    }
}
