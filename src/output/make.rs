//! Renders the plan: every job for `build`, the jobs that show a change
//! for `serve`, a sample for `check` (`validate`). The search index needs
//! the site, not the pages, so `build` makes it alongside them; the
//! search pages, which preload its first files, come once it exists.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::Artifact;
use super::pages::render;
use super::plan::{Job, Page, Selection, Shown, plan};
use super::search::Bundle;
use crate::diag::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::site::{EntityKey, Site};
use crate::theme::{Theme, Views};

/// Where `build` sends each file as soon as it is made (into the folder
/// it writes the site in), so that no build holds every page until the
/// end: at 100,000 entities they would be 4.5 GB, and the disk would wait
/// until the index is done.
pub type Sink<'a> = &'a (dyn Fn(Artifact) + Sync);

/// What the plan of the output says of the content, before anything is
/// rendered: two files at one place (`clashes`), links and images to
/// nothing the site publishes (`addresses`).
pub fn check_plan(site: &Site, jobs: &[Job<'_>]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    super::clashes::check(jobs, &mut diags);
    super::addresses::check(site, jobs, None, &mut diags);
    diags
}

/// `check_plan` after serve patched `edited` into a site whose shape (its
/// paths) stayed as it was: only their bodies can have changed what they
/// link to.
pub fn check_edited(site: &Site, jobs: &[Job<'_>], edited: &BTreeSet<EntityKey>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    super::addresses::check(site, jobs, Some(edited), &mut diags);
    diags
}

/// The whole site, with its search index; `jobs` is its plan.
pub fn artifacts(site: &Site, theme: &Theme, jobs: &[Job<'_>]) -> (Vec<Artifact>, Diagnostics) {
    let (out, _, diags) = everything(site, theme, jobs, true, None);
    (out, diags)
}

/// The whole site without its search index (`build --no-search`): the
/// search pages are there and find nothing.
pub fn artifacts_without_search(
    site: &Site,
    theme: &Theme,
    jobs: &[Job<'_>],
) -> (Vec<Artifact>, Diagnostics) {
    let (out, _, diags) = everything(site, theme, jobs, false, None);
    (out, diags)
}

/// The whole site (`search`: with its index), each file handed to `sink`
/// as it is made, but the search pages, returned with the paths of what
/// went to `sink`.
pub fn artifacts_into(
    site: &Site,
    theme: &Theme,
    jobs: &[Job<'_>],
    search: bool,
    sink: Sink<'_>,
) -> (Vec<Artifact>, Vec<String>, Diagnostics) {
    everything(site, theme, jobs, search, Some(sink))
}

fn views<'a>(site: &'a Site, theme: &'a Theme, sample: Option<usize>) -> Views<'a> {
    Views {
        site,
        theme,
        sample,
    }
}

fn everything(
    site: &Site,
    theme: &Theme,
    jobs: &[Job<'_>],
    search: bool,
    sink: Option<Sink<'_>>,
) -> (Vec<Artifact>, Vec<String>, Diagnostics) {
    let views = views(site, theme, None);
    let mut diags = Diagnostics::new();
    let (now, later): (Vec<&Job>, Vec<&Job>) = jobs
        .iter()
        .partition(|j| !matches!(j.page, Page::Search(_)));
    let no_bundles = BTreeMap::new();
    let hand_on = |a: Artifact| -> Result<String, Artifact> {
        match sink {
            Some(sink) => {
                let path = a.path.clone();
                sink(a);
                Ok(path)
            }
            None => Err(a),
        }
    };
    let (made, (index, bundles, searched)) = rayon::join(
        || {
            now.par_iter()
                .map(|j| render(&views, j, &no_bundles).map(hand_on))
                .collect::<Vec<_>>()
        },
        || {
            if !search {
                return (Vec::new(), BTreeMap::new(), Diagnostics::new());
            }
            let deliver = |files: Vec<Artifact>| files.into_iter().map(hand_on).collect::<Vec<_>>();
            let ((index, bundles), searched) = super::search::artifacts(site, theme, deliver);
            let index: Vec<Result<String, Artifact>> = index.into_iter().flatten().collect();
            (index, bundles_of(bundles), searched)
        },
    );
    diags.extend(searched);
    let mut out = Vec::new();
    let mut sent = Vec::new();
    for r in made {
        match r {
            Ok(Ok(path)) => sent.push(path),
            Ok(Err(a)) => out.push(a),
            Err(d) => diags.push(d),
        }
    }
    for r in index {
        match r {
            Ok(path) => sent.push(path),
            Err(a) => out.push(a),
        }
    }
    for j in later {
        match render(&views, j, &bundles) {
            Ok(a) => out.push(a),
            Err(d) => diags.push(d),
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    sent.sort();
    (out, sent, diags)
}

/// The files that show `changes` (`serve` after an edit); with `data`,
/// graph.json, the feeds and the sitemap too, when they show them.
pub fn render_showing(
    site: &Site,
    theme: &Theme,
    jobs: &[Job<'_>],
    changes: &[Shown],
    data: bool,
) -> (Vec<Artifact>, Diagnostics) {
    let views = views(site, theme, None);
    let selection = Selection::of(site, changes, data);
    let no_bundles = BTreeMap::new();
    let made: Vec<Result<Artifact, Diagnostic>> = jobs
        .par_iter()
        .filter(|j| selection.wants(j))
        .map(|j| render(&views, j, &no_bundles))
        .collect();
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for r in made {
        match r {
            Ok(a) => out.push(a),
            Err(d) => diags.push(d),
        }
    }
    (out, diags)
}

/// The search index and search pages, with graph.json, the feeds and the
/// sitemap, for `serve` after an edit (in the background).
pub fn search_artifacts(site: &Site, theme: &Theme) -> (Vec<Artifact>, Diagnostics) {
    let views = views(site, theme, None);
    let jobs = plan(site, &theme.statics);
    let (((mut out, bundles), mut diags), data) = rayon::join(
        || {
            let ((files, bundles), diags) = super::search::artifacts(site, theme, |files| files);
            (
                (files.into_iter().flatten().collect::<Vec<_>>(), bundles),
                diags,
            )
        },
        || {
            jobs.par_iter()
                .filter(|j| matches!(j.page, Page::Data(_)))
                .map(|j| render(&views, j, &BTreeMap::new()))
                .collect::<Vec<_>>()
        },
    );
    let bundles = bundles_of(bundles);
    let searches = jobs
        .iter()
        .filter(|j| matches!(j.page, Page::Search(_)))
        .map(|j| render(&views, j, &bundles));
    for r in data.into_iter().chain(searches) {
        match r {
            Ok(a) => out.push(a),
            Err(d) => diags.push(d),
        }
    }
    (out, diags)
}

/// What changed between two sites, as the pages that show it see it:
/// `touched` entities (their files or bodies changed) and `reshown` ones
/// (a patch already changed their front matter in `old`). An entity whose front matter
/// changed is shown again in both sites' surroundings: the pages that
/// listed it and those that list it now.
pub fn changed_between(
    old: &Site,
    new: &Site,
    touched: &BTreeSet<EntityKey>,
    reshown: &BTreeSet<EntityKey>,
) -> Vec<Shown> {
    let mut out = Vec::new();
    for key in touched {
        let (before, after) = (old.entities.get(key), new.entities.get(key));
        if before.is_none() || after.is_none() || links_changed(old, new, key) {
            out.push(Shown::Links(key.clone()));
        } else if reshown.contains(key) || front_matter_changed(before, after) {
            out.push(Shown::FrontMatter(key.clone(), None));
        } else {
            out.push(Shown::Text(key.clone()));
            continue;
        }
        // What showed it in the old site and may no longer.
        if before.is_some() {
            out.extend(
                old.graph
                    .shown_by(key)
                    .into_iter()
                    .filter(|k| new.entities.contains_key(k))
                    .map(Shown::Pages),
            );
            for t in crate::kind::Taxonomy::ALL {
                out.extend(
                    old.graph
                        .terms_of(t, key)
                        .map(|id| Shown::Term(t, id.clone())),
                );
            }
        }
    }
    out
}

/// Whether the entity's neighbours in the graph or its tags differ.
fn links_changed(old: &Site, new: &Site, key: &EntityKey) -> bool {
    old.graph.shown_by(key) != new.graph.shown_by(key)
        || crate::kind::Taxonomy::ALL
            .into_iter()
            .any(|t| !old.graph.terms_of(t, key).eq(new.graph.terms_of(t, key)))
}

/// Whether what other pages show of an entity (front matter, address,
/// languages) differs between two builds. A change to the text alone is
/// seen only on the entity's own pages.
fn front_matter_changed(a: Option<&crate::site::Entity>, b: Option<&crate::site::Entity>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.versions.len() != b.versions.len()
                || a.versions
                    .iter()
                    .zip(&b.versions)
                    .any(|((la, va), (lb, vb))| {
                        la != lb
                            || va.common != vb.common
                            || va.fields != vb.fields
                            || va.path != vb.path
                    })
        }
        (None, None) => false,
        _ => true,
    }
}

/// The paths `old` published that the new plan `jobs` does not: `serve`
/// drops them.
pub fn gone(old: &Site, jobs: &[Job<'_>], theme: &Theme) -> Vec<String> {
    let now: BTreeSet<&str> = jobs.iter().map(|j| j.path.as_str()).collect();
    plan(old, &theme.statics)
        .into_iter()
        .map(|j| j.path)
        .filter(|p| !now.contains(p.as_str()))
        .collect()
}

/// How many items of each list `check` renders (see `Views::sample`).
const SAMPLED_ITEMS: usize = 20;

/// What `check` renders instead of the site: every job there is one of
/// (the root, homes, lists, 404s, taxonomies, terms, the matrix, the
/// editors' and search pages, the redirects) and, of the entity pages, the
/// `sample` that takes each template through its branches. Rendering
/// every entity page only repeats the same templates on other data; it is
/// what made `check` as slow as `build`. Every path of the plan is
/// checked all the same, so two files at one place are found. The
/// rendered pages are dropped.
pub fn validate(site: &Site, theme: &Theme, jobs: &[Job<'_>]) -> Diagnostics {
    let views = views(site, theme, Some(SAMPLED_ITEMS));
    let sample = super::sample::sample(site);
    let mut diags = Diagnostics::new();
    let rendered: Vec<Diagnostic> = jobs
        .par_iter()
        .filter(|j| match j.page {
            Page::Entity(..) => j.entity().is_some_and(|k| sample.contains(&k)),
            Page::Attachment(..)
            | Page::Variant(..)
            | Page::Static(_)
            | Page::StaticVariant(..)
            | Page::Data(_) => false,
            _ => true,
        })
        .filter_map(|j| render(&views, j, &BTreeMap::new()).err())
        .collect();
    diags.extend(rendered);
    diags
}

fn bundles_of(bundles: Vec<Bundle>) -> BTreeMap<Lang, Bundle> {
    bundles.into_iter().map(|b| (b.lang.clone(), b)).collect()
}
