//! `rabat-hub check`: everything `build` checks, plus missing translations
//! (warnings; errors with `--strict`), without writing anything.

use std::process::ExitCode;

use super::{Purpose, exit, generate_for, report};
use crate::cli::{CheckArgs, Format};
use crate::diag::{Diagnostic, Diagnostics, Severity, Span};
use crate::site::Site;

pub fn run(args: &CheckArgs) -> ExitCode {
    let g = generate_for(&args.site.root, args.site.drafts, None, Purpose::Check);
    let mut timings = g.timings;
    let mut diags = g.diags;
    if let Some(site) = &g.site {
        diags.extend(missing_translations(site));
        diags.extend(loose_ends(site));
        diags.extend(stale_translations(site));
    }
    if args.verbose {
        diags.extend(overrides(&args.site.root));
    }
    timings.lap("check");
    if args.strict {
        let strict: Vec<Diagnostic> = diags
            .into_iter()
            .map(|mut d| {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
                d
            })
            .collect();
        diags = Diagnostics::new();
        diags.extend(strict);
    }
    report(&diags, args.site.format);
    if args.timings {
        eprint!("{}", timings.report());
    }
    let failed = diags.has_errors();
    if args.site.format == Format::Human && !failed {
        eprintln!("the site is valid");
    }
    exit(failed)
}

/// A note for each file of the site that takes the place of the theme's.
fn overrides(root: &std::path::Path) -> Diagnostics {
    let mut d = Diagnostics::new();
    if let Ok(config) = crate::config::load(root) {
        for o in crate::theme::overrides(root, &config) {
            d.push(
                Diagnostic::note(format!("{} overrides the theme's {}", o.file, o.replaces))
                    .at(Span::file(&o.file)),
            );
        }
    }
    d
}

/// One warning per entity version that exists in one language and not in
/// another, at the file that exists.
pub fn missing_translations(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    for e in site.entities.values() {
        let Some(present) = e.versions.values().next() else {
            continue;
        };
        for lang in &site.config.languages {
            if e.versions.contains_key(lang) {
                continue;
            }
            let expected = expected_file(
                &present.file,
                &present.lang,
                lang,
                &site.config.default_language,
            );
            d.push(
                Diagnostic::warning(format!(
                    "the {} `{}` has no `{lang}` version",
                    e.kind.name(),
                    e.id
                ))
                .at(Span::file(&present.file))
                .help(format!("translate it into `{expected}`")),
            );
        }
    }
    d
}

/// Challenges no recommendation addresses, and recommendations no
/// meeting or practice backs: the graph's loose ends, for editors to tie.
pub fn loose_ends(site: &Site) -> Diagnostics {
    use crate::kind::Kind;
    let mut d = Diagnostics::new();
    for (key, e) in &site.entities {
        let Some(v) = e
            .versions
            .get(&site.config.default_language)
            .or_else(|| e.versions.values().next())
        else {
            continue;
        };
        match key.kind {
            Kind::Challenge if site.graph.sources(key, Kind::Recommendation, "addresses").is_empty() => d.push(
                Diagnostic::warning(format!("no recommendation addresses the challenge `{}`", e.id))
                    .at(Span::file(&v.file))
                    .help(format!("add `{}` to the `addresses` of the recommendations that answer it", e.id)),
            ),
            Kind::Recommendation
                if site.graph.sources(key, Kind::Meeting, "recommendations").is_empty()
                    && site.graph.sources(key, Kind::Practice, "recommendations").is_empty() =>
            {
                d.push(
                    Diagnostic::warning(format!("no meeting or practice backs the recommendation `{}`", e.id))
                        .at(Span::file(&v.file))
                        .help(format!(
                            "add `{}` to the `recommendations` of the meeting that made it or of a practice that applies it",
                            e.id
                        )),
                )
            }
            _ => {}
        }
    }
    d
}

/// One warning per translation behind the other language, at its file.
pub fn stale_translations(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    for b in crate::site::behind(site) {
        let Some(newer) = &b.newer.last_change else {
            continue;
        };
        let short = &newer.commit[..newer.commit.len().min(10)];
        let plural = |n: i64, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        d.push(
            Diagnostic::warning(format!(
                "the `{}` version of the {} `{}` is behind its `{}` version by {} and {}",
                b.version.lang,
                b.entity.kind.name(),
                b.entity.id,
                b.newer.lang,
                plural(b.commits as i64, "commit"),
                plural(b.days, "day"),
            ))
            .at(Span::file(&b.version.file))
            .help(format!(
                "`{}` was changed by commit {short} on {}; bring this translation up to date, or add `translation_checked: {}` to its front matter once you have checked it",
                b.newer.file,
                newer.date.iso(),
                newer.date.iso()
            )),
        );
    }
    d
}

/// The file name the missing translation would have.
fn expected_file(
    file: &str,
    have: &crate::lang::Lang,
    want: &crate::lang::Lang,
    default: &crate::lang::Lang,
) -> String {
    let with = format!(".{have}.md");
    if let Some(stem) = file.strip_suffix(&with) {
        return format!("{stem}.{want}.md");
    }
    if have == default
        && let Some(stem) = file.strip_suffix(".md")
    {
        return format!("{stem}.{want}.md");
    }
    file.to_string()
}
