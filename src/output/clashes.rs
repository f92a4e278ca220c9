//! The output paths the build would fail to write, or write wrongly, found
//! before anything is written (`check` lists every path too, so it finds
//! them as `build` would): two files at one path, two paths that differ
//! only by case (one file on Windows and macOS), a path that is both a
//! file and a folder, a name longer than a filesystem takes. Each is
//! reported where it comes from: an alias or a slug at its line, an
//! attachment or a static file at its path.

use std::collections::BTreeMap;

use super::plan::{Job, Page};
use crate::diag::{Diagnostic, Diagnostics, Span};

/// The longest file or folder name most filesystems take, in bytes.
const MAX_NAME: usize = 255;
/// The longest path under the output folder written (Linux takes 4096
/// for the whole path, the output folder's own included).
const MAX_PATH: usize = 3800;

/// What put a file at a path.
#[derive(Clone)]
struct Origin {
    what: String,
    span: Option<Span>,
    /// Written by an editor for this path (an alias, a slug, a file), as
    /// opposed to a page the generator makes: the one to blame.
    chosen: bool,
}

fn origin(job: &Job<'_>) -> Origin {
    let file = |p: &std::path::Path| {
        let file = crate::diag::display_path(p);
        Origin {
            what: crate::t!("clash-what-file", file = file.as_str()),
            span: Some(Span::file(&file)),
            chosen: true,
        }
    };
    match job.page {
        Page::Static(f) | Page::StaticVariant(f, _) => match &f.body {
            crate::theme::Body::Disk(p) => file(p),
            _ => Origin {
                what: f.describe(),
                span: None,
                chosen: true,
            },
        },
        Page::Attachment(_, _, a) | Page::Variant(_, _, a, _) => file(&a.source),
        Page::Alias(_, v, alias) => {
            let at = v.common.aliases.iter().position(|a| a == alias);
            Origin {
                what: crate::t!(
                    "clash-what-alias",
                    alias = alias.to_string(),
                    file = &v.file
                ),
                span: Some(
                    at.and_then(|i| v.common.located.aliases.get(i).cloned())
                        .unwrap_or_else(|| Span::file(&v.file)),
                ),
                chosen: true,
            }
        }
        Page::Entity(_, v) => Origin {
            what: crate::t!("clash-what-page", file = &v.file),
            span: Some(
                v.common
                    .located
                    .slug
                    .clone()
                    .unwrap_or_else(|| Span::file(&v.file)),
            ),
            chosen: v.common.slug.is_some(),
        },
        _ => Origin {
            what: crate::t!("clash-what-generated"),
            span: None,
            chosen: false,
        },
    }
}

/// Every problem with the paths of the plan.
pub fn check(jobs: &[Job<'_>], diags: &mut Diagnostics) {
    let all: Vec<(&str, Origin)> = jobs.iter().map(|j| (j.path.as_str(), origin(j))).collect();
    let blame = |a: &Origin, b: &Origin| -> (Origin, Origin) {
        if b.chosen && !a.chosen {
            (b.clone(), a.clone())
        } else {
            (a.clone(), b.clone())
        }
    };
    let report = |at: &Origin, message: String, help: String| {
        let d = Diagnostic::error(message).help(help);
        match &at.span {
            Some(s) => d.at(s.clone()),
            None => d.at(Span::file(&crate::t!("clash-what-generated"))),
        }
    };

    let mut exact: BTreeMap<&str, &Origin> = BTreeMap::new();
    let mut folded: BTreeMap<String, (&str, &Origin)> = BTreeMap::new();
    for (path, origin) in &all {
        if let Some(first) = exact.insert(path, origin) {
            let (at, other) = blame(origin, first);
            diags.push(report(
                &at,
                crate::t!("clash-same-path", path = *path),
                crate::t!("clash-same-path-help", one = &at.what, other = &other.what),
            ));
            continue;
        }
        let lower = path.to_lowercase();
        if let Some((other_path, first)) = folded.insert(lower, (path, origin))
            && other_path != *path
        {
            let (at, other) = blame(origin, first);
            diags.push(report(
                &at,
                crate::t!("clash-case", path = *path, other = other_path),
                crate::t!("clash-case-help", one = &at.what, other = &other.what),
            ));
        }
        if let Some(part) = path.split('/').find(|p| p.len() > MAX_NAME) {
            diags.push(report(
                origin,
                crate::t!(
                    "clash-long-name",
                    name = part.chars().take(40).collect::<String>(),
                    path = *path,
                    bytes = part.len(),
                    max = MAX_NAME
                ),
                crate::t!("clash-shorten", what = &origin.what),
            ));
        } else if path.len() > MAX_PATH {
            diags.push(report(
                origin,
                crate::t!("clash-long-path", path = *path, bytes = path.len()),
                crate::t!("clash-shorten", what = &origin.what),
            ));
        }
    }
    // A file whose path is also another file's folder.
    for (path, origin) in &all {
        let mut prefix = String::new();
        for part in path.split('/') {
            if !prefix.is_empty()
                && let Some(file) = exact.get(prefix.as_str())
            {
                let (at, other) = blame(origin, file);
                diags.push(report(
                    &at,
                    crate::t!("clash-file-and-folder", path = &prefix, inner = *path),
                    crate::t!(
                        "clash-file-and-folder-help",
                        one = &at.what,
                        other = &other.what
                    ),
                ));
                break;
            }
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
        }
    }
}
