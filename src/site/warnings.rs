//! What `check` reports beyond the errors `build` fails on: missing
//! translations, translations behind the other language, and the graph's
//! loose ends. Warnings (errors with `--strict`): they block nothing a
//! reader sees, but editors want to know.

use super::model::Site;
use crate::diag::{Diagnostic, Diagnostics, Span};

/// Every warning of this module.
pub fn warnings(site: &Site) -> Diagnostics {
    let mut d = missing_translations(site);
    d.extend(missing_term_texts(site));
    d.extend(loose_ends(site));
    d.extend(stale_translations(site));
    d
}

/// One warning per entity version that exists in one language and not in
/// another, at the file that exists.
fn missing_translations(site: &Site) -> Diagnostics {
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

/// A theme's or organisation's text written in one language and not in
/// another: the other language's page would stand without it.
fn missing_term_texts(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    let mut seen = std::collections::BTreeSet::new();
    for ((taxonomy, id, lang), text) in &site.terms {
        if !seen.insert((*taxonomy, id)) {
            continue;
        }
        for other in &site.config.languages {
            if site
                .terms
                .contains_key(&(*taxonomy, id.clone(), other.clone()))
            {
                continue;
            }
            let expected = expected_file(&text.file, lang, other, &site.config.default_language);
            d.push(
                Diagnostic::warning(crate::t!(
                    "check-no-term-text",
                    what = taxonomy.name(),
                    id = id.as_str(),
                    lang = other.as_str()
                ))
                .at(Span::file(&text.file))
                .help(crate::t!("check-no-version-help", file = expected)),
            );
        }
    }
    d
}

/// Challenges no recommendation addresses, and recommendations no
/// meeting or practice backs: the graph's loose ends, for editors to tie.
fn loose_ends(site: &Site) -> Diagnostics {
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
fn stale_translations(site: &Site) -> Diagnostics {
    let mut d = Diagnostics::new();
    for b in super::behind(site) {
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
            // GitHub shows annotations on the files a pull request
            // changed: the newer version, not the one behind.
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
