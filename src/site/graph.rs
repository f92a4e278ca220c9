//! The knowledge graph: every reference of every front matter, as edges
//! that can be read from both ends. Editors write a link once; each page
//! shows it, whichever side it was written on.
//!
//! Built once from the published entities. An entity's edges are the
//! union of its language versions' references, so a link written in one
//! language only is still shown in both.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::model::{Entity, EntityKey};
use super::refs::references;
use crate::frontmatter::Fields;
use crate::kind::Kind;

/// A reference as written: `from.field` names `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: EntityKey,
    pub field: &'static str,
    pub to: EntityKey,
}

#[derive(Debug, Default)]
pub struct Graph {
    /// Edges by source, in a stable order.
    out: BTreeMap<EntityKey, BTreeSet<(&'static str, EntityKey)>>,
    /// The same edges by target.
    inbound: BTreeMap<EntityKey, BTreeSet<(&'static str, EntityKey)>>,
    /// Entity → theme ids and organisation ids.
    themes: BTreeMap<EntityKey, BTreeSet<String>>,
    organisations: BTreeMap<EntityKey, BTreeSet<String>>,
}

/// The lists an entity page shows, by name; each sorted later by title.
pub type Lists = BTreeMap<&'static str, BTreeSet<EntityKey>>;

impl Graph {
    pub fn build(entities: &BTreeMap<EntityKey, Entity>) -> Graph {
        let mut g = Graph::default();
        for (key, e) in entities {
            for v in e.versions.values() {
                for r in references(&v.fields) {
                    let to = EntityKey {
                        kind: r.kind,
                        id: r.id.to_string(),
                    };
                    // Only published targets: references to anything else
                    // were reported as errors already.
                    if !entities.contains_key(&to) {
                        continue;
                    }
                    g.out
                        .entry(key.clone())
                        .or_default()
                        .insert((r.field, to.clone()));
                    g.inbound
                        .entry(to)
                        .or_default()
                        .insert((r.field, key.clone()));
                }
                g.themes
                    .entry(key.clone())
                    .or_default()
                    .extend(v.common.themes.iter().cloned());
                let orgs: &[String] = match &v.fields {
                    Fields::Meeting(m) => &m.organisations,
                    Fields::Practice(p) => &p.organisations,
                    _ => &[],
                };
                g.organisations
                    .entry(key.clone())
                    .or_default()
                    .extend(orgs.iter().cloned());
            }
        }
        g
    }

    /// Every edge, in a stable order (for graph.json).
    pub fn edges(&self) -> impl Iterator<Item = Edge> + '_ {
        self.out.iter().flat_map(|(from, tos)| {
            tos.iter().map(move |(field, to)| Edge {
                from: from.clone(),
                field,
                to: to.clone(),
            })
        })
    }

    /// What `key` names in `field`.
    pub fn targets(&self, key: &EntityKey, field: &str) -> BTreeSet<EntityKey> {
        self.out
            .get(key)
            .into_iter()
            .flatten()
            .filter(|(f, _)| *f == field)
            .map(|(_, t)| t.clone())
            .collect()
    }

    /// The entities of `kind` that name `key` in `field`.
    pub fn sources(&self, key: &EntityKey, kind: Kind, field: &str) -> BTreeSet<EntityKey> {
        self.inbound
            .get(key)
            .into_iter()
            .flatten()
            .filter(|(f, s)| *f == field && s.kind == kind)
            .map(|(_, s)| s.clone())
            .collect()
    }

    pub fn themes_of(&self, key: &EntityKey) -> impl Iterator<Item = &String> {
        self.themes.get(key).into_iter().flatten()
    }

    pub fn organisations_of(&self, key: &EntityKey) -> impl Iterator<Item = &String> {
        self.organisations.get(key).into_iter().flatten()
    }

    /// Every entity tagged with theme `id`.
    pub fn tagged_theme(&self, id: &str) -> BTreeSet<EntityKey> {
        self.themes
            .iter()
            .filter(|(_, t)| t.contains(id))
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// Every entity naming organisation `id`.
    pub fn tagged_organisation(&self, id: &str) -> BTreeSet<EntityKey> {
        self.organisations
            .iter()
            .filter(|(_, o)| o.contains(id))
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The lists section 5 of the contract promises on an entity's page.
    pub fn lists(&self, key: &EntityKey, entities: &BTreeMap<EntityKey, Entity>) -> Lists {
        let mut l = Lists::new();
        let mut put = |name: &'static str, keys: BTreeSet<EntityKey>| {
            l.entry(name).or_default().extend(keys);
        };
        match key.kind {
            Kind::Challenge => {
                let practices = self.sources(key, Kind::Practice, "challenges");
                let meetings = self.sources(key, Kind::Meeting, "challenges");
                let mut countries = BTreeSet::new();
                for p in &practices {
                    countries.extend(self.targets(p, "countries"));
                }
                for m in &meetings {
                    countries.extend(self.targets(m, "location"));
                }
                let mut related = self.targets(key, "related");
                related.extend(self.sources(key, Kind::Challenge, "related"));
                put(
                    "recommendations",
                    self.sources(key, Kind::Recommendation, "addresses"),
                );
                put("meetings", meetings);
                put("practices", practices);
                put("countries", countries);
                put("related", related);
            }
            Kind::Recommendation => {
                put("challenges", self.targets(key, "addresses"));
                put(
                    "meetings",
                    self.sources(key, Kind::Meeting, "recommendations"),
                );
                put(
                    "practices",
                    self.sources(key, Kind::Practice, "recommendations"),
                );
            }
            Kind::Meeting => {
                let mut practices = self.targets(key, "practices");
                practices.extend(self.sources(key, Kind::Practice, "meetings"));
                put("challenges", self.targets(key, "challenges"));
                put("recommendations", self.targets(key, "recommendations"));
                put("practices", practices);
                put("countries", self.targets(key, "countries"));
                put("chairs", self.targets(key, "chairs"));
            }
            Kind::Practice => {
                let mut meetings = self.targets(key, "meetings");
                meetings.extend(self.sources(key, Kind::Meeting, "practices"));
                put("countries", self.targets(key, "countries"));
                put("challenges", self.targets(key, "challenges"));
                put("recommendations", self.targets(key, "recommendations"));
                put("meetings", meetings);
            }
            Kind::Country => {
                let practices = self.sources(key, Kind::Practice, "countries");
                let held = self.sources(key, Kind::Meeting, "location");
                let chaired = self.sources(key, Kind::Meeting, "chairs");
                let attended = self.sources(key, Kind::Meeting, "countries");
                let mut challenges = BTreeSet::new();
                let mut recommendations = BTreeSet::new();
                for via in practices
                    .iter()
                    .chain(&held)
                    .chain(&chaired)
                    .chain(&attended)
                {
                    challenges.extend(self.targets(via, "challenges"));
                    recommendations.extend(self.targets(via, "recommendations"));
                }
                put("practices", practices);
                put("meetings_held", held);
                put("meetings_chaired", chaired);
                put("meetings_attended", attended);
                put("challenges", challenges);
                put("recommendations", recommendations);
            }
            Kind::Page => {}
        }
        // A list names only what exists (and never the page itself).
        for set in l.values_mut() {
            set.retain(|k| k != key && entities.contains_key(k));
        }
        l
    }

    /// Practices that address `challenge` and put `recommendation` into
    /// practice: the evidence behind one cell of the matrix.
    pub fn practices_behind(
        &self,
        challenge: &EntityKey,
        recommendation: &EntityKey,
    ) -> BTreeSet<EntityKey> {
        let a = self.sources(challenge, Kind::Practice, "challenges");
        let b = self.sources(recommendation, Kind::Practice, "recommendations");
        a.intersection(&b).cloned().collect()
    }

    /// How many practices are behind each (challenge id, recommendation id)
    /// cell of the matrix that has any: `practices_behind(c, r).len()` for
    /// every pair at once, in one pass over the practices.
    pub fn practices_per_pair(&self) -> HashMap<(&str, &str), usize> {
        let mut counts = HashMap::new();
        for (from, edges) in &self.out {
            if from.kind != Kind::Practice {
                continue;
            }
            let named = |field: &str| -> Vec<&str> {
                edges
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, to)| to.id.as_str())
                    .collect()
            };
            let recommendations = named("recommendations");
            for c in named("challenges") {
                for r in &recommendations {
                    *counts.entry((c, *r)).or_insert(0) += 1;
                }
            }
        }
        counts
    }
}
