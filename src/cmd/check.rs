//! `rabat-hub check`: everything `build` checks, plus missing translations
//! (warnings; errors with `--strict`), without writing anything.

use std::process::ExitCode;

use super::{Purpose, exit, generate_for};
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
    super::report_at(&diags, args.site.format, &args.site.root);
    if args.timings {
        eprint!("{}", timings.report());
    }
    let failed = diags.has_errors();
    if args.site.format == Format::Human && !failed {
        eprintln!("{}", crate::t!("site-valid"));
    }
    exit(failed)
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
                Diagnostic::warning(crate::t!(
                    "check-no-version",
                    kind = e.kind.name(),
                    id = &e.id,
                    lang = lang.as_str()
                ))
                .at(Span::file(&present.file))
                .help(crate::t!("check-no-version-help", file = expected)),
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
            Kind::Challenge
                if site
                    .graph
                    .sources(key, Kind::Recommendation, "addresses")
                    .is_empty() =>
            {
                d.push(
                    Diagnostic::warning(crate::t!("check-challenge-unaddressed", id = &e.id))
                        .at(Span::file(&v.file))
                        .help(crate::t!("check-challenge-unaddressed-help", id = &e.id)),
                )
            }
            Kind::Recommendation
                if site
                    .graph
                    .sources(key, Kind::Meeting, "recommendations")
                    .is_empty()
                    && site
                        .graph
                        .sources(key, Kind::Practice, "recommendations")
                        .is_empty() =>
            {
                d.push(
                    Diagnostic::warning(crate::t!("check-recommendation-unbacked", id = &e.id))
                        .at(Span::file(&v.file))
                        .help(crate::t!("check-recommendation-unbacked-help", id = &e.id)),
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
        d.push(
            Diagnostic::warning(crate::t!(
                "check-behind",
                lang = b.version.lang.as_str(),
                kind = b.entity.kind.name(),
                id = &b.entity.id,
                newer = b.newer.lang.as_str(),
                commits = b.commits,
                days = b.days.max(0) as usize
            ))
            .at(Span::file(&b.version.file))
            .annotate_at(Span::file(&b.newer.file))
            .help(crate::t!(
                "check-behind-help",
                file = &b.newer.file,
                commit = short,
                date = newer.date.iso()
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
