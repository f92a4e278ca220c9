//! Which entity pages `check` renders to validate the entity templates:
//! a few of each kind, chosen to take the templates through every branch
//! the data can choose.

use std::collections::BTreeSet;

use crate::kind::Kind;
use crate::site::{Entity, EntityKey, Site};

/// The entities whose pages `check` renders: of each kind, the first and
/// the last by id, the most and the least linked in the graph (long lists
/// and empty ones), and the first with attachments, with aliases, missing
/// a language, and with a translation behind. Together they take every
/// branch of the entity templates that the data can choose.
pub fn sample(site: &Site) -> BTreeSet<EntityKey> {
    let languages = site.config.languages.len();
    let mut out = BTreeSet::new();
    for kind in Kind::ALL {
        let of_kind: Vec<(&EntityKey, &Entity)> = site
            .entities
            .iter()
            .filter(|(k, _)| k.kind == kind)
            .collect();
        let links = |k: &EntityKey| site.graph.degree(k);
        let picks = [
            of_kind.first().map(|(k, _)| *k),
            of_kind.last().map(|(k, _)| *k),
            of_kind
                .iter()
                .max_by_key(|(k, _)| links(k))
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .min_by_key(|(k, _)| links(k))
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| !e.attachments.is_empty())
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| e.versions.values().any(|v| !v.common.aliases.is_empty()))
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| e.versions.len() < languages)
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| !crate::site::behind_in(e).is_empty())
                .map(|(k, _)| *k),
        ];
        out.extend(picks.into_iter().flatten().cloned());
    }
    out
}
