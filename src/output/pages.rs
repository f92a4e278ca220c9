//! Which pages the site has, each rendered with its template: the root
//! language picker, a home and a list per kind per language, every
//! version of every entity, 404 pages, alias redirects, a search page per
//! language; then the theme's and the site's static files, the bundles'
//! attachments and the search index (built while the pages render).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use super::{Artifact, Content};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::kind::Kind;
use crate::lang::Lang;
use crate::site::{Entity, EntityKey, Site, Version};
use crate::theme::{ItemView, Theme, Views};

/// One page to render: its template, its folder, and what makes it.
enum Job<'a> {
    Root,
    Home(&'a Lang),
    List(Kind, &'a Lang),
    Entity(&'a Entity, &'a Version),
    NotFound(&'a Lang),
    /// The index of `themes` or `organisations`.
    Taxonomy(&'static str, &'a Lang),
    /// One theme or organisation.
    Term(&'static str, &'a str, &'a Lang),
    Matrix(&'a Lang),
    /// For editors: translations behind or missing.
    Editors(&'a Lang),
}

pub const TAXONOMIES: [&str; 2] = ["themes", "organisations"];

/// Which pages a partial rebuild renders (`serve` after an edit); the
/// others are still valid.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    /// Entities whose pages (and aliases and attachments) are rendered.
    pub entities: BTreeSet<EntityKey>,
    /// Kinds whose list pages are rendered.
    pub lists: BTreeSet<Kind>,
    pub home: bool,
    /// The theme and organisation indexes.
    pub taxonomies: bool,
    /// Theme or organisation pages: (taxonomy, id).
    pub terms: BTreeSet<(String, String)>,
    pub matrix: bool,
    pub graph: bool,
    /// The editors' pages (they name the translations behind or missing).
    pub editors: bool,
    /// The feeds and the sitemap (titles, summaries, dates, addresses).
    pub web: bool,
    /// When set (a fast patch in `serve`), only pages in these languages
    /// can show the change: the others are left as they are, except the
    /// pages of the entities in `own`, rendered in every language.
    pub langs: Option<BTreeSet<Lang>>,
    pub own: BTreeSet<EntityKey>,
}

pub fn artifacts(site: &Site, theme: &Theme) -> (Vec<Artifact>, Diagnostics) {
    artifacts_scoped(site, theme, None)
}

/// The whole site without its search index (`build --no-search`): the
/// search pages are there and find nothing.
pub fn artifacts_without_search(site: &Site, theme: &Theme) -> (Vec<Artifact>, Diagnostics) {
    let (out, _, diags) = artifacts_with(site, theme, None, false, None);
    (out, diags)
}

/// The site's files; with a scope, only the pages in it.
pub fn artifacts_scoped(
    site: &Site,
    theme: &Theme,
    scope: Option<&Scope>,
) -> (Vec<Artifact>, Diagnostics) {
    let (out, _, diags) = artifacts_with(site, theme, scope, scope.is_none(), None);
    (out, diags)
}

/// Where `build` sends each page and each file of the search index as
/// soon as it is made (into the folder it writes the site in), so that
/// no build holds every page until the end: at 100,000 entities they
/// would be 4.5 GB, and the disk would wait until the index is done.
pub type Sink<'a> = &'a (dyn Fn(Artifact) + Sync);

/// The whole site (`search`: with its index), its pages and index handed
/// to `sink` as they are made; the rest (the search pages, which wait for
/// the index, the data files, redirects and copies) returned, with the
/// paths of what went to `sink`.
pub fn artifacts_into(
    site: &Site,
    theme: &Theme,
    search: bool,
    sink: Sink<'_>,
) -> (Vec<Artifact>, Vec<String>, Diagnostics) {
    artifacts_with(site, theme, None, search, Some(sink))
}

/// A made file: handed on (its path kept) or kept.
enum Placed {
    Sent(String),
    Kept(Artifact),
}

fn place(a: Artifact, sink: Option<Sink<'_>>) -> Placed {
    match sink {
        Some(sink) => {
            let path = a.path.clone();
            sink(a);
            Placed::Sent(path)
        }
        None => Placed::Kept(a),
    }
}

fn artifacts_with(
    site: &Site,
    theme: &Theme,
    scope: Option<&Scope>,
    search: bool,
    sink: Option<Sink<'_>>,
) -> (Vec<Artifact>, Vec<String>, Diagnostics) {
    let views = Views {
        site,
        theme,
        sample: None,
    };
    let only = scope.map(|s| &s.entities);
    let wanted = |e: &Entity| {
        only.is_none_or(|o| {
            o.contains(&EntityKey {
                kind: e.kind,
                id: e.id.clone(),
            })
        })
    };
    let all = scope.is_none();
    let want = |f: &dyn Fn(&Scope) -> bool| scope.is_none_or(f);
    let langs = &site.config.languages;
    let jobs = jobs(site, scope, &wanted);

    // The search index needs the site, not the pages: build it alongside.
    // A partial rebuild (serve) leaves it to `search_artifacts`, run after
    // the pages are shown, so a reload never waits for the index. The data
    // files (graph.json, feeds, sitemap) are made alongside too.
    let (results, ((index, bundles, mut diags), data)) = rayon::join(
        || {
            jobs.par_iter()
                .map(|j| render(&views, j).map(|a| place(a, sink)))
                .collect::<Vec<Result<Placed, Diagnostic>>>()
        },
        || {
            rayon::join(
                || {
                    if search {
                        let ((files, bundles), searched) = super::search::artifacts(site, theme);
                        let index: Vec<Placed> =
                            files.into_par_iter().map(|a| place(a, sink)).collect();
                        (index, bundles_of(bundles), searched)
                    } else {
                        (Vec::new(), BTreeMap::new(), Diagnostics::new())
                    }
                },
                || data_files(&views, want(&|s| s.graph), want(&|s| s.web)),
            )
        },
    );
    let mut out = Vec::new();
    let mut sent = Vec::new();
    let mut keep = |p: Placed| match p {
        Placed::Sent(path) => sent.push(path),
        Placed::Kept(a) => out.push(a),
    };
    index.into_iter().for_each(&mut keep);
    for r in results {
        match r {
            Ok(p) => keep(p),
            Err(d) => diags.push(d),
        }
    }
    // The search pages name the files every search needs, to preload them:
    // rendered once the index exists.
    if all {
        for l in langs {
            match search_page(&views, l, bundles.get(l)) {
                Ok(a) => out.push(a),
                Err(d) => diags.push(d),
            }
        }
    }
    out.extend(data);
    aliases(&views, &wanted, &mut out, &mut diags);
    files(site, theme, &wanted, all, &mut out);
    check_unique(&sent, &out, &mut diags);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    sent.sort();
    (out, sent, diags)
}

/// The pages to render: with a scope, only those in it (and the entities
/// `wanted` lets through).
fn jobs<'s>(
    site: &'s Site,
    scope: Option<&Scope>,
    wanted: &dyn Fn(&Entity) -> bool,
) -> Vec<Job<'s>> {
    let all = scope.is_none();
    let want = |f: &dyn Fn(&Scope) -> bool| scope.is_none_or(f);
    let langs = &site.config.languages;
    let in_lang = |l: &Lang| {
        scope
            .and_then(|s| s.langs.as_ref())
            .is_none_or(|ls| ls.contains(l))
    };
    let mut jobs = Vec::new();
    if all {
        jobs.push(Job::Root);
    }
    for l in langs.iter().filter(|l| in_lang(l)) {
        if want(&|s| s.home) {
            jobs.push(Job::Home(l));
        }
        if all {
            jobs.push(Job::NotFound(l));
        }
        // Freshness comes from Git, which edits in `serve` do not change;
        // but they show titles, and `translation_checked`.
        if want(&|s| s.editors) {
            jobs.push(Job::Editors(l));
        }
        for k in Kind::ALL {
            if want(&|s| s.lists.contains(&k)) {
                jobs.push(Job::List(k, l));
            }
        }
        if want(&|s| s.matrix) {
            jobs.push(Job::Matrix(l));
        }
        for t in TAXONOMIES {
            if want(&|s| s.taxonomies) {
                jobs.push(Job::Taxonomy(t, l));
            }
            for id in terms(site, t).keys() {
                if want(&|s| s.terms.contains(&(t.to_string(), id.clone()))) {
                    jobs.push(Job::Term(t, id, l));
                }
            }
        }
    }
    for e in site.entities.values().filter(|e| wanted(e)) {
        let own = scope.is_some_and(|s| {
            s.own.contains(&EntityKey {
                kind: e.kind,
                id: e.id.clone(),
            })
        });
        for v in e.versions.values().filter(|v| own || in_lang(&v.lang)) {
            jobs.push(Job::Entity(e, v));
        }
    }
    jobs
}

/// How many items of each list `check` renders (see `Views::sample`).
const SAMPLED_ITEMS: usize = 20;

/// What `check` renders instead of the site: every page there is one of
/// (the root, homes, lists, 404s, taxonomies, terms, the matrix, the
/// editors' and search pages) and, of the entity pages, the `sample` that
/// takes each template through its branches. Rendering every entity page
/// only repeats the same templates on other data; it is what made `check`
/// as slow as `build`. Every path the build would write is still listed,
/// so two files at one place are found. The rendered pages are dropped.
pub fn validate(site: &Site, theme: &Theme) -> Diagnostics {
    let views = Views {
        site,
        theme,
        sample: Some(SAMPLED_ITEMS),
    };
    let sample = sample(site);
    let in_sample = |e: &Entity| {
        sample.contains(&EntityKey {
            kind: e.kind,
            id: e.id.clone(),
        })
    };
    let rendered: Vec<Result<Artifact, Diagnostic>> = jobs(site, None, &in_sample)
        .par_iter()
        .map(|j| render(&views, j))
        .collect();
    let search_pages = site
        .config
        .languages
        .iter()
        .map(|l| search_page(&views, l, None));
    let path_only = |path: String| Artifact {
        path,
        content: Content::Bytes(Vec::new()),
    };
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for r in rendered.into_iter().chain(search_pages) {
        match r {
            Ok(a) => out.push(path_only(a.path)),
            Err(d) => diags.push(d),
        }
    }
    for e in site.entities.values().filter(|e| !in_sample(e)) {
        out.extend(
            e.versions
                .values()
                .map(|v| path_only(format!("{}index.html", v.path))),
        );
    }
    out.extend(
        site.config
            .languages
            .iter()
            .map(|l| path_only(super::graph::path(l))),
    );
    out.extend(super::web::paths(site).into_iter().map(path_only));
    aliases(&views, &|_| true, &mut out, &mut diags);
    files(site, theme, &|_| true, true, &mut out);
    check_unique(&[], &out, &mut diags);
    diags
}

/// The entities whose pages `check` renders: of each kind, the first and
/// the last by id, the most and the least linked in the graph (long lists
/// and empty ones), and the first with attachments, with aliases, missing
/// a language, and with a translation behind. Together they take every
/// branch of the entity templates that the data can choose.
fn sample(site: &Site) -> BTreeSet<EntityKey> {
    let languages = site.config.languages.len();
    let mut out = BTreeSet::new();
    for kind in Kind::ALL {
        let of_kind: Vec<(&EntityKey, &Entity)> = site
            .entities
            .iter()
            .filter(|(k, _)| k.kind == kind)
            .collect();
        let links = |k: &EntityKey| site.graph.degree(k);
        let picks = [
            of_kind.first().map(|(k, _)| *k),
            of_kind.last().map(|(k, _)| *k),
            of_kind
                .iter()
                .max_by_key(|(k, _)| links(k))
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .min_by_key(|(k, _)| links(k))
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| !e.attachments.is_empty())
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| e.versions.values().any(|v| !v.common.aliases.is_empty()))
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| e.versions.len() < languages)
                .map(|(k, _)| *k),
            of_kind
                .iter()
                .find(|(_, e)| !crate::site::behind_in(e).is_empty())
                .map(|(k, _)| *k),
        ];
        out.extend(picks.into_iter().flatten().cloned());
    }
    out
}

/// graph.json in each language (with `graph`); the feeds, the sitemap
/// and what goes with them (with `web`): made side by side.
fn data_files(views: &Views<'_>, graph: bool, web: bool) -> Vec<Artifact> {
    let site = views.site;
    let (mut out, more) = rayon::join(
        || {
            if graph {
                site.config
                    .languages
                    .par_iter()
                    .map(|l| super::graph::graph_json(site, l))
                    .collect()
            } else {
                Vec::new()
            }
        },
        || {
            if web {
                let feed_title = |l: &Lang| {
                    format!(
                        "{} — {}",
                        site.config.title.get(l).map_or("", String::as_str),
                        word(views, l, "feed_title")
                    )
                };
                let mut web = super::web::artifacts(site, &feed_title);
                // The web editor, when config.yaml asks for one (src/cms/).
                let editor = crate::cms::published(&site.config, &views.theme.strings);
                web.extend(editor.into_iter().map(|(path, b)| Artifact {
                    path,
                    content: Content::Bytes(b),
                }));
                web
            } else {
                Vec::new()
            }
        },
    );
    out.extend(more);
    out
}

/// The terms of a taxonomy, from config.yaml.
fn terms<'s>(site: &'s Site, taxonomy: &str) -> &'s BTreeMap<String, crate::config::Localized> {
    match taxonomy {
        "themes" => &site.config.themes,
        _ => &site.config.organisations,
    }
}

fn render(views: &Views<'_>, job: &Job<'_>) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    let none = |_: &Lang| None;
    match job {
        Job::Root => {
            #[derive(Serialize)]
            struct LangView {
                lang: String,
                name: String,
                title: String,
                description: String,
                url: String,
            }
            let languages: Vec<LangView> = site
                .config
                .languages
                .iter()
                .map(|l| {
                    let t = views.theme.strings(l);
                    LangView {
                        lang: l.to_string(),
                        name: t
                            .get("language_name")
                            .cloned()
                            .unwrap_or_else(|| l.to_string()),
                        title: site.config.title.get(l).cloned().unwrap_or_default(),
                        description: site.config.description.get(l).cloned().unwrap_or_default(),
                        url: site.url(&Site::home_path(l)),
                    }
                })
                .collect();
            let lang = &site.config.default_language;
            let title = site.config.title.get(lang).cloned().unwrap_or_default();
            let page = views.page(lang, "", title, None, None, &|l| Some(Site::home_path(l)));
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("languages", &languages);
            Ok(Artifact::page("", views.theme.render("root.html", &ctx)?))
        }
        Job::Home(lang) => {
            let path = Site::home_path(lang);
            let text = site.home.get(*lang);
            let site_title = site.config.title.get(*lang).cloned().unwrap_or_default();
            let title = text.map_or(site_title, |t| t.title.clone());
            let page = views.page(
                lang,
                &path,
                title,
                text.and_then(|t| t.summary.clone()),
                None,
                &|l| Some(Site::home_path(l)),
            );
            #[derive(Serialize)]
            struct Section {
                kind: Kind,
                label: String,
                url: String,
                count: usize,
                latest: Vec<ItemView>,
            }
            let sections: Vec<Section> = Kind::ALL
                .into_iter()
                .map(|k| {
                    // Only meetings show their latest items; the others a count.
                    let items = if k == Kind::Meeting {
                        views.items(k, lang)
                    } else {
                        Vec::new()
                    };
                    Section {
                        kind: k,
                        label: views
                            .theme
                            .strings(lang)
                            .get(&format!("nav_{}", k.folder()))
                            .cloned()
                            .unwrap_or_default(),
                        url: site.url(&site.list_path(k, lang)),
                        count: views.count(k),
                        latest: items
                            .into_iter()
                            .take(if k == Kind::Meeting { 3 } else { 0 })
                            .collect(),
                    }
                })
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("intro", &text.map(|t| t.html.clone()));
            ctx.insert("sections", &sections);
            Ok(Artifact::page(
                &path,
                views.theme.render("home.html", &ctx)?,
            ))
        }
        Job::List(kind, lang) => {
            let path = site.list_path(*kind, lang);
            let text = site.lists.get(&(*kind, (*lang).clone()));
            let label = views
                .theme
                .strings(lang)
                .get(&format!("nav_{}", kind.folder()))
                .cloned()
                .unwrap_or_default();
            let title = text.map_or(label, |t| t.title.clone());
            let page = views.page(
                lang,
                &path,
                title,
                text.and_then(|t| t.summary.clone()),
                Some(*kind),
                &|l| Some(site.list_path(*kind, l)),
            );
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("kind", kind);
            ctx.insert("intro", &text.map(|t| t.html.clone()));
            ctx.insert("items", &views.items(*kind, lang));
            let map = (*kind == Kind::Country).then(|| views.map(lang)).flatten();
            ctx.insert("map", &map);
            Ok(Artifact::page(
                &path,
                views.theme.render("list.html", &ctx)?,
            ))
        }
        Job::Entity(e, v) => {
            let others = |l: &Lang| e.versions.get(l).map(|o| o.path.clone());
            let mut page = views.page(
                &v.lang,
                &v.path,
                v.common.title.clone(),
                v.common.summary.clone(),
                Some(e.kind),
                &others,
            );
            page.og_type = "article";
            page.json_ld = Some(super::web::json_ld(site, v));
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("entity", &views.entity(e, v));
            let template = format!("{}.html", e.kind.name());
            Ok(Artifact::page(
                &v.path,
                views.theme.render(&template, &ctx)?,
            ))
        }
        Job::Taxonomy(taxonomy, lang) => {
            let path = Site::taxonomy_path(taxonomy, lang, None);
            let title = word(views, lang, &format!("nav_{taxonomy}"));
            let page = views.page(lang, &path, title, None, None, &|l| {
                Some(Site::taxonomy_path(taxonomy, l, None))
            });
            #[derive(Serialize)]
            struct Term {
                id: String,
                label: String,
                url: String,
                count: usize,
            }
            let mut list: Vec<Term> = terms(site, taxonomy)
                .iter()
                .map(|(id, labels)| Term {
                    id: id.clone(),
                    label: labels.get(*lang).cloned().unwrap_or_default(),
                    url: site.url(&Site::taxonomy_path(taxonomy, lang, Some(id))),
                    count: tagged(site, taxonomy, id).len(),
                })
                .collect();
            list.sort_by_cached_key(|t| crate::lang::sort_key(&t.label));
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("taxonomy", taxonomy);
            ctx.insert("terms", &list);
            Ok(Artifact::page(
                &path,
                views.theme.render("taxonomy.html", &ctx)?,
            ))
        }
        Job::Term(taxonomy, id, lang) => {
            let path = Site::taxonomy_path(taxonomy, lang, Some(id));
            let label = terms(site, taxonomy)
                .get(*id)
                .and_then(|l| l.get(*lang))
                .cloned()
                .unwrap_or_default();
            let page = views.page(lang, &path, label.clone(), None, None, &|l| {
                Some(Site::taxonomy_path(taxonomy, l, Some(id)))
            });
            #[derive(Serialize)]
            struct Group {
                kind: Kind,
                label: String,
                items: Vec<crate::theme::LinkView>,
            }
            let all = tagged(site, taxonomy, id);
            let groups: Vec<Group> = Kind::ALL
                .into_iter()
                .map(|k| Group {
                    kind: k,
                    label: word(views, lang, &format!("nav_{}", k.folder())),
                    items: views.link_list(all.iter().filter(|e| e.kind == k), lang),
                })
                .filter(|g| !g.items.is_empty())
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("taxonomy", taxonomy);
            ctx.insert(
                "taxonomy_url",
                &site.url(&Site::taxonomy_path(taxonomy, lang, None)),
            );
            ctx.insert("term", &serde_json::json!({ "id": id, "label": label }));
            ctx.insert("groups", &groups);
            Ok(Artifact::page(
                &path,
                views.theme.render("term.html", &ctx)?,
            ))
        }
        Job::Matrix(lang) => super::matrix::render(views, lang),
        Job::Editors(lang) => super::editors::render(views, lang),
        Job::NotFound(lang) => {
            let title = views
                .theme
                .strings(lang)
                .get("not_found_title")
                .cloned()
                .unwrap_or_default();
            let path = format!("{lang}/404.html");
            let page = views.page(lang, &path, title, None, None, &none);
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            let html = views.theme.render("404.html", &ctx)?;
            Ok(Artifact {
                path,
                content: Content::Bytes(html.into_bytes()),
            })
        }
    }
}

/// The search index and search pages, with graph.json, the feeds and the
/// sitemap, for `serve` after an edit (in the background).
pub fn search_artifacts(site: &Site, theme: &Theme) -> (Vec<Artifact>, Diagnostics) {
    let views = Views {
        site,
        theme,
        sample: None,
    };
    let (((mut out, bundles), mut diags), data) = rayon::join(
        || super::search::artifacts(site, theme),
        || data_files(&views, true, true),
    );
    out.extend(data);
    let bundles = bundles_of(bundles);
    for l in &site.config.languages {
        match search_page(&views, l, bundles.get(l)) {
            Ok(a) => out.push(a),
            Err(d) => diags.push(d),
        }
    }
    (out, diags)
}

/// The search page of `lang`, preloading what its first search fetches.
fn search_page(
    views: &Views<'_>,
    lang: &Lang,
    bundle: Option<&super::search::Bundle>,
) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    let path = Site::search_path(lang);
    let title = word(views, lang, "search_title");
    let page = views.page(lang, &path, title, None, None, &|l| {
        Some(Site::search_path(l))
    });
    #[derive(Serialize)]
    struct Filter {
        name: &'static str,
        label: String,
    }
    let filters: Vec<Filter> = super::search::FILTERS
        .into_iter()
        .map(|name| Filter {
            name,
            label: word(views, lang, &format!("search_filter_{name}")),
        })
        .collect();
    let bundle_url = site.url(&super::search::bundle_path(lang));
    let mut ctx = tera::Context::new();
    ctx.insert("page", &page);
    ctx.insert("bundle_url", &bundle_url);
    ctx.insert("filters", &filters);
    ctx.insert("index_tag", &bundle.map(|b| b.tag.clone()));
    let preload: Vec<String> = bundle
        .map(|b| {
            b.preload
                .iter()
                .map(|f| format!("{bundle_url}{f}"))
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("preload", &preload);
    Ok(Artifact::page(
        &path,
        views.theme.render("search.html", &ctx)?,
    ))
}

fn bundles_of(bundles: Vec<super::search::Bundle>) -> BTreeMap<Lang, super::search::Bundle> {
    bundles.into_iter().map(|b| (b.lang.clone(), b)).collect()
}

fn word(views: &Views<'_>, lang: &Lang, key: &str) -> String {
    views
        .theme
        .strings(lang)
        .get(key)
        .cloned()
        .unwrap_or_default()
}

fn tagged<'s>(site: &'s Site, taxonomy: &str, id: &str) -> &'s BTreeSet<EntityKey> {
    match taxonomy {
        "themes" => site.graph.tagged_theme(id),
        _ => site.graph.tagged_organisation(id),
    }
}

/// A redirect page at each alias: old addresses keep working.
fn aliases(
    views: &Views<'_>,
    wanted: &dyn Fn(&Entity) -> bool,
    out: &mut Vec<Artifact>,
    diags: &mut Diagnostics,
) {
    let site = views.site;
    for e in site.entities.values().filter(|e| wanted(e)) {
        for v in e.versions.values() {
            for alias in &v.common.aliases {
                let path = alias_path(alias);
                let mut ctx = tera::Context::new();
                let page = views.page(
                    &v.lang,
                    &v.path,
                    v.common.title.clone(),
                    v.common.summary.clone(),
                    None,
                    &|_| None,
                );
                ctx.insert("page", &page);
                ctx.insert("target", &site.url(&v.path));
                ctx.insert("target_permalink", &site.permalink(&v.path));
                match views.theme.render("alias.html", &ctx) {
                    Ok(html) => out.push(Artifact {
                        path,
                        content: Content::Bytes(html.into_bytes()),
                    }),
                    Err(d) => diags.push(d),
                }
            }
        }
    }
}

/// Where an alias's redirect page goes: `/old/page.html` is that file,
/// `/old/page/` its index.html.
fn alias_path(alias: &str) -> String {
    let trimmed = alias.trim_start_matches('/');
    if trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        trimmed.to_string()
    } else {
        format!("{}/index.html", trimmed.trim_end_matches('/'))
    }
}

/// Every file an entity puts in the output: its pages, its aliases'
/// redirects and its attachments.
pub fn entity_files(e: &Entity) -> Vec<String> {
    let mut out = Vec::new();
    for v in e.versions.values() {
        out.push(format!("{}index.html", v.path));
        out.extend(v.common.aliases.iter().map(|a| alias_path(a)));
        out.extend(
            e.attachments
                .iter()
                .map(|a| format!("{}{}", v.path, a.name)),
        );
    }
    out
}

fn files(
    site: &Site,
    theme: &Theme,
    wanted: &dyn Fn(&Entity) -> bool,
    statics: bool,
    out: &mut Vec<Artifact>,
) {
    if statics {
        for f in theme.statics.iter().chain(&site.statics) {
            out.push(Artifact {
                path: f.name.clone(),
                content: Content::Copy(f.source.clone()),
            });
        }
    }
    for e in site.entities.values().filter(|e| wanted(e)) {
        for v in e.versions.values() {
            for a in &e.attachments {
                out.push(Artifact {
                    path: format!("{}{}", v.path, a.name),
                    content: Content::Copy(a.source.clone()),
                });
            }
        }
    }
}

/// Two artifacts at one path would silently lose one: say which. `sent`
/// are paths of generated pages already handed on.
fn check_unique(sent: &[String], out: &[Artifact], diags: &mut Diagnostics) {
    let describe = |a: &Artifact| match &a.content {
        Content::Copy(p) => crate::diag::display_path(p),
        Content::Bytes(_) => "a generated page".to_string(),
    };
    let all = sent
        .iter()
        .map(|p| (p.as_str(), None))
        .chain(out.iter().map(|a| (a.path.as_str(), Some(a))));
    let mut seen: BTreeMap<&str, Option<&Artifact>> = BTreeMap::new();
    for (path, a) in all {
        if let Some(first) = seen.insert(path, a) {
            let what = |a: Option<&Artifact>| a.map_or("a generated page".to_string(), describe);
            diags.push(
                Diagnostic::error(format!("two files would be published at `/{path}`"))
                    .at(Span::file(&what(a)))
                    .help(format!(
                        "the other is {}; an alias or a static file may not take the place of a page",
                        what(first)
                    )),
            );
        }
    }
}
