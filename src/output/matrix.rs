//! The challenge × recommendation matrix page. A real table: rows are
//! challenges, columns recommendations, a mark where one addresses the
//! other, with the number of practices behind each. Past a few thousand
//! cells a grid is unreadable and its size explodes, so a large hub gets
//! the same facts as a two-column table: each challenge with the
//! recommendations that address it.

use serde::Serialize;

use super::Artifact;
use crate::diag::Diagnostic;
use crate::kind::Kind;
use crate::lang::Lang;
use crate::site::{EntityKey, Site};
use crate::theme::{LinkView, Views};

/// The most cells drawn as a grid.
const MAX_CELLS: usize = 4_000;

#[derive(Serialize)]
struct Cell {
    addresses: bool,
    practices: usize,
}

#[derive(Serialize)]
struct Row {
    challenge: LinkView,
    /// One per column, in the dense grid.
    cells: Vec<Cell>,
    /// The recommendations that address it, in the compact table.
    addressed_by: Vec<Addressing>,
}

#[derive(Serialize)]
struct Addressing {
    recommendation: LinkView,
    practices: usize,
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

    let rows: Vec<Row> = challenges
        .into_iter()
        .map(|c| {
            let ck = key(Kind::Challenge, &c.id);
            let by = site.graph.sources(&ck, Kind::Recommendation, "addresses");
            let cells = if dense {
                recommendations
                    .iter()
                    .map(|r| {
                        let rk = key(Kind::Recommendation, &r.id);
                        Cell {
                            addresses: by.contains(&rk),
                            practices: site.graph.practices_behind(&ck, &rk),
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let addressed_by = if dense {
                Vec::new()
            } else {
                views
                    .link_list(&by, lang)
                    .into_iter()
                    .map(|r| {
                        let practices = site
                            .graph
                            .practices_behind(&ck, &key(Kind::Recommendation, &r.id));
                        Addressing {
                            recommendation: r,
                            practices,
                        }
                    })
                    .collect()
            };
            Row {
                challenge: c,
                cells,
                addressed_by,
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
