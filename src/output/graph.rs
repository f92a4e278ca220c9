//! `/<lang>/graph.json`: the hub's knowledge as data, for other tools.
//! Every entity (in the language, or its fallback, marked), every edge as
//! written in front matter, and the theme and organisation tags.

use serde::Serialize;

use super::{Artifact, Content};
use crate::kind::Taxonomy;
use crate::lang::Lang;
use crate::site::{EntityKey, Site};

#[derive(Serialize)]
struct Graph<'a> {
    language: &'a str,
    entities: Vec<Node>,
    edges: Vec<Edge>,
    themes: Vec<Term>,
    organisations: Vec<Term>,
}

#[derive(Serialize)]
struct Node {
    /// `kind/id`, the name edges use.
    key: String,
    kind: &'static str,
    id: String,
    title: String,
    url: String,
    /// The language of this version: the graph's, or a fallback.
    language: String,
    themes: Vec<String>,
    organisations: Vec<String>,
}

#[derive(Serialize)]
struct Edge {
    from: String,
    field: &'static str,
    to: String,
}

#[derive(Serialize)]
struct Term {
    id: String,
    label: String,
    url: String,
}

fn key(k: &EntityKey) -> String {
    format!("{}/{}", k.kind.name(), k.id)
}

/// Where `graph_json` puts the file of `lang`.
pub fn path(lang: &Lang) -> String {
    format!("{lang}/graph.json")
}

pub fn graph_json(site: &Site, lang: &Lang) -> Artifact {
    let entities = site
        .entities
        .iter()
        .filter_map(|(k, e)| {
            let (v, _) = e.version_for(lang, &site.config.languages)?;
            Some(Node {
                key: key(k),
                kind: k.kind.name(),
                id: k.id.clone(),
                title: v.common.title.clone(),
                url: site.permalink(&v.path),
                language: v.lang.to_string(),
                themes: site.graph.terms_of(Taxonomy::Themes, k).cloned().collect(),
                organisations: site
                    .graph
                    .terms_of(Taxonomy::Organisations, k)
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    let edges = site
        .graph
        .edges()
        .map(|e| Edge {
            from: key(&e.from),
            field: e.field,
            to: key(&e.to),
        })
        .collect();
    let terms = |taxonomy: Taxonomy| {
        site.config
            .terms(taxonomy)
            .iter()
            .map(|(id, labels)| Term {
                id: id.clone(),
                label: labels.get(lang).cloned().unwrap_or_default(),
                url: site.permalink(&Site::taxonomy_path(taxonomy, lang, Some(id))),
            })
            .collect()
    };
    let g = Graph {
        language: lang.as_str(),
        entities,
        edges,
        themes: terms(Taxonomy::Themes),
        organisations: terms(Taxonomy::Organisations),
    };
    // Serializing plain strings and numbers cannot fail.
    let json = serde_json::to_vec_pretty(&g).unwrap_or_default();
    let bytes = crate::escape::json_in_html(json);
    Artifact {
        path: path(lang),
        content: Content::Bytes(bytes),
    }
}
