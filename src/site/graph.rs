//! The knowledge graph: every reference of every front matter, as edges
//! that can be read from both ends. Editors write a link once; each page
//! shows it, whichever side it was written on.
//!
//! Built once from the published entities. An entity's edges are the
//! union of its language versions' references, so a link written in one
//! language only is still shown in both.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Entity, EntityKey};
use super::refs::references;
use crate::frontmatter::Fields;
use crate::kind::{Kind, Taxonomy};

/// A reference as written: `from.field` names `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: EntityKey,
    pub field: &'static str,
    pub to: EntityKey,
}

#[derive(Debug, Default, Clone)]
pub struct Graph {
    /// Edges by source, in a stable order.
    out: BTreeMap<EntityKey, BTreeSet<(&'static str, EntityKey)>>,
    /// The same edges by target.
    inbound: BTreeMap<EntityKey, BTreeSet<(&'static str, EntityKey)>>,
    /// Entity → theme ids and organisation ids.
    themes: BTreeMap<EntityKey, BTreeSet<String>>,
    organisations: BTreeMap<EntityKey, BTreeSet<String>>,
    /// The same tags by term, for the term pages.
    by_theme: BTreeMap<String, BTreeSet<EntityKey>>,
    by_organisation: BTreeMap<String, BTreeSet<EntityKey>>,
    /// (challenge, recommendation) → practices that address the one and
    /// apply the other: the numbers of the matrix, counted once.
    behind: BTreeMap<(EntityKey, EntityKey), usize>,
}

static EMPTY: BTreeSet<EntityKey> = BTreeSet::new();

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
        for (key, terms) in &g.themes {
            for t in terms {
                g.by_theme.entry(t.clone()).or_default().insert(key.clone());
            }
        }
        for (key, terms) in &g.organisations {
            for t in terms {
                g.by_organisation
                    .entry(t.clone())
                    .or_default()
                    .insert(key.clone());
            }
        }
        for key in entities.keys().filter(|k| k.kind == Kind::Practice) {
            let challenges = g.targets(key, "challenges");
            let recommendations = g.targets(key, "recommendations");
            for c in &challenges {
                for r in &recommendations {
                    *g.behind.entry((c.clone(), r.clone())).or_default() += 1;
                }
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

    /// How many edges start or end at `key`.
    pub fn degree(&self, key: &EntityKey) -> usize {
        self.out.get(key).map_or(0, BTreeSet::len) + self.inbound.get(key).map_or(0, BTreeSet::len)
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

    /// The terms of `taxonomy` that `key` is tagged with.
    pub fn terms_of(&self, taxonomy: Taxonomy, key: &EntityKey) -> impl Iterator<Item = &String> {
        let by = match taxonomy {
            Taxonomy::Themes => &self.themes,
            Taxonomy::Organisations => &self.organisations,
        };
        by.get(key).into_iter().flatten()
    }

    /// Every entity tagged with term `id` of `taxonomy`.
    pub fn tagged(&self, taxonomy: Taxonomy, id: &str) -> &BTreeSet<EntityKey> {
        let by = match taxonomy {
            Taxonomy::Themes => &self.by_theme,
            Taxonomy::Organisations => &self.by_organisation,
        };
        by.get(id).unwrap_or(&EMPTY)
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

    /// Every entity whose page lists `key`: the inverse of `lists`. Its
    /// neighbours either way, and for a country, a challenge or a
    /// recommendation those two steps away through a practice or a
    /// meeting (a challenge's countries, a country's challenges and
    /// recommendations). A few more than needed at most, never fewer.
    pub fn shown_by(&self, key: &EntityKey) -> BTreeSet<EntityKey> {
        let direct: BTreeSet<&EntityKey> = self
            .out
            .get(key)
            .into_iter()
            .chain(self.inbound.get(key))
            .flatten()
            .map(|(_, k)| k)
            .collect();
        let far: &[Kind] = match key.kind {
            Kind::Country => &[Kind::Challenge, Kind::Recommendation],
            Kind::Challenge | Kind::Recommendation => &[Kind::Country],
            _ => &[],
        };
        let mut shown: BTreeSet<EntityKey> = direct.iter().map(|k| (*k).clone()).collect();
        if !far.is_empty() {
            for via in direct
                .iter()
                .filter(|k| matches!(k.kind, Kind::Practice | Kind::Meeting))
            {
                shown.extend(
                    self.out
                        .get(*via)
                        .into_iter()
                        .flatten()
                        .filter(|(_, t)| far.contains(&t.kind))
                        .map(|(_, t)| t.clone()),
                );
            }
        }
        shown.remove(key);
        shown
    }

    /// How many practices address `challenge` and put `recommendation`
    /// into practice: the evidence behind one cell of the matrix.
    pub fn practices_behind(&self, challenge: &EntityKey, recommendation: &EntityKey) -> usize {
        self.behind
            .get(&(challenge.clone(), recommendation.clone()))
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn every_page_that_lists_an_entity_is_one_it_is_shown_by() {
        // The repository's own hub: every kind, meetings with a place,
        // chairs and practices, challenges related to each other.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::load(root).expect("config.yaml");
        let (tree, _) = crate::discover::discover(root, &config);
        let (site, diags) = crate::site::assemble(
            config,
            tree,
            &crate::site::Options::default(),
            &mut crate::timings::Timings::default(),
        );
        assert!(!diags.has_errors());
        let mut pairs = 0;
        for page in site.entities.keys() {
            for (name, listed) in site.graph.lists(page, &site.entities) {
                for shown in &listed {
                    assert!(
                        site.graph.shown_by(shown).contains(page),
                        "{page:?} lists {shown:?} under {name}, but is not among the pages that show it"
                    );
                    pairs += 1;
                }
            }
        }
        assert!(
            pairs > 100,
            "only {pairs} links: the hub is too small to tell"
        );
    }
}
