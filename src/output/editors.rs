//! The editors' page of a language (`/<lang>/editors/`): every translation
//! that is behind the other language, the longest behind first, and every
//! missing one. Linked only from the footer, under "for editors".

use serde::Serialize;

use super::Artifact;
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::site::behind;
use crate::theme::Views;

#[derive(Serialize)]
struct Stale {
    title: String,
    url: String,
    lang: String,
    file: String,
    newer_lang: String,
    newer_url: String,
    newer_file: String,
    newer_date: String,
    commits: usize,
    days: i64,
}

#[derive(Serialize)]
struct Missing {
    title: String,
    url: String,
    lang: String,
    file: String,
    missing: Vec<String>,
}

pub fn path(lang: &Lang) -> String {
    format!("{lang}/editors/")
}

pub fn render(views: &Views<'_>, lang: &Lang) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    let here = path(lang);
    let title = views.word(lang, "editors_title");
    let page = views.page(lang, &here, title, None, None, &|l| Some(path(l)));
    let stale: Vec<Stale> = behind(site)
        .into_iter()
        .map(|b| Stale {
            title: b.version.common.title.clone(),
            url: site.url(&b.version.path),
            lang: b.version.lang.to_string(),
            file: b.version.file.clone(),
            newer_lang: b.newer.lang.to_string(),
            newer_url: site.url(&b.newer.path),
            newer_file: b.newer.file.clone(),
            newer_date: b
                .newer
                .last_change
                .as_ref()
                .map(|c| views.date(&c.date, lang))
                .unwrap_or_default(),
            commits: b.commits,
            days: b.days,
        })
        .collect();
    // Missing translations, the oldest present version first.
    let mut missing: Vec<(i64, Missing)> = site
        .entities
        .values()
        .filter(|e| e.versions.len() < site.config.languages.len())
        .filter_map(|e| {
            let (v, _) = e.version_for(lang, &site.config.languages)?;
            let absent: Vec<String> = site
                .config
                .languages
                .iter()
                .filter(|l| !e.versions.contains_key(*l))
                .map(Lang::to_string)
                .collect();
            let time = v.last_change.as_ref().map_or(i64::MAX, |c| c.time);
            Some((
                time,
                Missing {
                    title: v.common.title.clone(),
                    url: site.url(&v.path),
                    lang: v.lang.to_string(),
                    file: v.file.clone(),
                    missing: absent,
                },
            ))
        })
        .collect();
    missing.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.file.cmp(&b.1.file)));
    let mut ctx = tera::Context::new();
    ctx.insert("page", &page);
    ctx.insert("stale", &stale);
    ctx.insert(
        "missing",
        &missing.into_iter().map(|(_, m)| m).collect::<Vec<_>>(),
    );
    ctx.insert("history", &site.history_note);
    Ok(Artifact::page(
        &here,
        views.theme.render("editors.html", &ctx)?,
    ))
}
