//! The challenge × recommendation matrix page, in two forms of the same
//! facts: a table (rows are challenges, columns recommendations, a mark
//! where one addresses the other and the number of practices behind
//! each) for wide screens, and a list, each challenge with the
//! recommendations that address it and the practices that link the two,
//! which phones show in place of the table and to which the table's
//! counts link. Past a thousand cells a grid is unreadable and its size
//! explodes, so a large hub gets the list alone, each challenge's
//! recommendations folded under a line that counts them (`dense` tells
//! the template which).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Artifact;
use crate::diag::Diagnostic;
use crate::kind::Kind;
use crate::lang::Lang;
use crate::site::{EntityKey, Site};
use crate::theme::{LinkView, Views};

/// The most cells drawn as a grid: past about 30 × 30 a table is not
/// read (a screen shows a few columns of it) and its page is heavy on a
/// phone's line (the generated 200-entity hub's 29 × 52 weighed 240 KB).
const MAX_CELLS: usize = 1_000;

#[derive(Serialize)]
struct Cell {
    addresses: bool,
    practices: usize,
    /// The anchor of this pair in the list form, where its practices are.
    anchor: String,
}

#[derive(Serialize)]
struct Row {
    challenge: LinkView,
    /// One per column, in the table.
    cells: Vec<Cell>,
    /// The recommendations that address it or that practices tackling it
    /// apply, in the list.
    pairs: Vec<Pair>,
    /// How many practices those pairs name, each once.
    practices: usize,
}

#[derive(Serialize)]
struct Pair {
    recommendation: LinkView,
    addresses: bool,
    /// The practices that tackle the challenge by applying it.
    practices: Vec<LinkView>,
    anchor: String,
}

fn key(kind: Kind, id: &str) -> EntityKey {
    EntityKey {
        kind,
        id: id.to_string(),
    }
}

pub fn render(views: &Views<'_>, lang: &Lang) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    let path = Site::matrix_path(lang);
    let title = views.word(lang, "matrix_title");
    let page = views.page(lang, &path, title, None, None, &|l| {
        Some(Site::matrix_path(l))
    });
    let keys = |k: Kind| site.of_kind(k).map(|e| key(k, &e.id)).collect::<Vec<_>>();
    let challenges = views.link_list(&keys(Kind::Challenge), lang);
    let recommendations = views.link_list(&keys(Kind::Recommendation), lang);
    let dense = challenges.len() * recommendations.len() <= MAX_CELLS;
    let anchor = |c: &str, r: &str| format!("m-{c}--{r}");

    let rows: Vec<Row> = challenges
        .into_iter()
        .map(|c| {
            let ck = key(Kind::Challenge, &c.id);
            let by = site.graph.sources(&ck, Kind::Recommendation, "addresses");
            // Recommendation → the practices that tackle the challenge and
            // apply it.
            let mut behind: BTreeMap<EntityKey, BTreeSet<EntityKey>> =
                by.iter().map(|r| (r.clone(), BTreeSet::new())).collect();
            for p in site.graph.sources(&ck, Kind::Practice, "challenges") {
                for r in site.graph.targets(&p, "recommendations") {
                    behind.entry(r).or_default().insert(p.clone());
                }
            }
            let cells = if dense {
                recommendations
                    .iter()
                    .map(|r| {
                        let rk = key(Kind::Recommendation, &r.id);
                        Cell {
                            addresses: by.contains(&rk),
                            practices: behind.get(&rk).map_or(0, BTreeSet::len),
                            anchor: anchor(&c.id, &r.id),
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let pairs = views
                .link_list(behind.keys(), lang)
                .into_iter()
                .map(|r| {
                    let rk = key(Kind::Recommendation, &r.id);
                    Pair {
                        addresses: by.contains(&rk),
                        practices: behind
                            .get(&rk)
                            .map(|p| views.link_list(p, lang))
                            .unwrap_or_default(),
                        anchor: anchor(&c.id, &r.id),
                        recommendation: r,
                    }
                })
                .collect();
            let practices = behind.values().flatten().collect::<BTreeSet<_>>().len();
            Row {
                challenge: c,
                cells,
                pairs,
                practices,
            }
        })
        .collect();

    let mut ctx = tera::Context::new();
    ctx.insert("page", &page);
    ctx.insert("dense", &dense);
    ctx.insert(
        "recommendations",
        &if dense { recommendations } else { Vec::new() },
    );
    ctx.insert("rows", &rows);
    Ok(Artifact::page(
        &path,
        views.theme.render("matrix.html", &ctx)?,
    ))
}
