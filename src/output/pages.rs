//! How each file of the plan is made: the page's view of the site handed
//! to its template (`theme::Views`), or the bytes of a file to copy.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::{Job, Page};
use super::search::Bundle;
use super::{Artifact, Content};
use crate::diag::Diagnostic;
use crate::images::{Format, Output};
use crate::kind::Kind;
use crate::lang::Lang;
use crate::site::{Site, Version};
use crate::theme::{ItemView, Views};

/// Makes the file of `job` (a search page with what it knows of its
/// language's search `bundles`, none in `check` and `serve`'s first pass).
pub fn render(
    views: &Views<'_>,
    job: &Job<'_>,
    bundles: &BTreeMap<Lang, Bundle>,
) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    match job.page {
        Page::Root => {
            let languages: Vec<super::hosting::LanguageView> = site
                .config
                .languages
                .iter()
                .map(|l| {
                    let t = views.theme.strings(l);
                    super::hosting::LanguageView {
                        lang: l.to_string(),
                        link: t
                            .get("language_name")
                            .cloned()
                            .unwrap_or_else(|| l.to_string()),
                        title: site.config.title.get(l).cloned().unwrap_or_default(),
                        text: site.config.description.get(l).cloned().unwrap_or_default(),
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
        Page::Home(lang) => {
            let path = Site::home_path(lang);
            let text = site.home.get(lang);
            let site_title = site.config.title.get(lang).cloned().unwrap_or_default();
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
                        label: views.word(lang, &format!("nav_{}", k.folder())),
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
        Page::List(kind, lang) => {
            let path = site.list_path(kind, lang);
            let text = site.lists.get(&(kind, lang.clone()));
            let label = views.word(lang, &format!("nav_{}", kind.folder()));
            let title = text.map_or(label, |t| t.title.clone());
            let page = views.page(
                lang,
                &path,
                title,
                text.and_then(|t| t.summary.clone()),
                Some(kind),
                &|l| Some(site.list_path(kind, l)),
            );
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("kind", &kind);
            ctx.insert("intro", &text.map(|t| t.html.clone()));
            let items = views.items(kind, lang);
            // Countries by region, in the regions' order, each with its
            // count; the items stay in their list order within a group.
            if kind == Kind::Country {
                #[derive(Serialize)]
                struct Group<'i> {
                    id: String,
                    label: String,
                    items: Vec<&'i crate::theme::ItemView>,
                }
                let mut groups: Vec<Group<'_>> = Vec::new();
                for region in crate::frontmatter::types::Region::ALL {
                    let id = serde_json::to_value(region)
                        .ok()
                        .and_then(|r| r.as_str().map(str::to_string))
                        .unwrap_or_default();
                    let members: Vec<_> = items
                        .iter()
                        .filter(|i| i.group.as_deref() == Some(id.as_str()))
                        .collect();
                    if !members.is_empty() {
                        groups.push(Group {
                            label: views.word(lang, &format!("region_{id}")),
                            id,
                            items: members,
                        });
                    }
                }
                ctx.insert("groups", &groups);
            }
            ctx.insert("items", &items);
            let map = (kind == Kind::Country).then(|| views.map(lang)).flatten();
            ctx.insert("map", &map);
            Ok(Artifact::page(
                &path,
                views.theme.render("list.html", &ctx)?,
            ))
        }
        Page::Entity(e, v) => {
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
        Page::Taxonomy(taxonomy, lang) => {
            let path = Site::taxonomy_path(taxonomy, lang, None);
            let title = views.word(lang, &format!("nav_{}", taxonomy.name()));
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
            let mut list: Vec<Term> = site
                .config
                .terms(taxonomy)
                .iter()
                .map(|(id, labels)| Term {
                    id: id.clone(),
                    label: labels.get(lang).cloned().unwrap_or_default(),
                    url: site.url(&Site::taxonomy_path(taxonomy, lang, Some(id))),
                    count: site.graph.tagged(taxonomy, id).len(),
                })
                .collect();
            list.sort_by_cached_key(|t| crate::lang::sort_key(&t.label));
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("taxonomy", &taxonomy);
            ctx.insert("terms", &list);
            Ok(Artifact::page(
                &path,
                views.theme.render("taxonomy.html", &ctx)?,
            ))
        }
        Page::Term(taxonomy, id, lang) => {
            let path = Site::taxonomy_path(taxonomy, lang, Some(id));
            let label = site
                .config
                .terms(taxonomy)
                .get(id)
                .and_then(|l| l.get(lang))
                .cloned()
                .unwrap_or_default();
            // Its text from `content/<taxonomy>/<id>.<lang>.md`, when an
            // editor wrote one: shown first, and the page's description.
            let text = site.terms.get(&(taxonomy, id.to_string(), lang.clone()));
            let description = text.map(described);
            let page = views.page(lang, &path, label.clone(), description, None, &|l| {
                Some(Site::taxonomy_path(taxonomy, l, Some(id)))
            });
            #[derive(Serialize)]
            struct Group {
                kind: Kind,
                label: String,
                items: Vec<crate::theme::LinkView>,
            }
            let all = site.graph.tagged(taxonomy, id);
            let groups: Vec<Group> = Kind::ALL
                .into_iter()
                .map(|k| Group {
                    kind: k,
                    label: views.word(lang, &format!("nav_{}", k.folder())),
                    items: views.link_list(all.iter().filter(|e| e.kind == k), lang),
                })
                .filter(|g| !g.items.is_empty())
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            ctx.insert("taxonomy", &taxonomy);
            ctx.insert(
                "taxonomy_url",
                &site.url(&Site::taxonomy_path(taxonomy, lang, None)),
            );
            ctx.insert("term", &serde_json::json!({ "id": id, "label": label }));
            ctx.insert("intro", &text.map(|t| t.html.clone()));
            ctx.insert("groups", &groups);
            Ok(Artifact::page(
                &path,
                views.theme.render("term.html", &ctx)?,
            ))
        }
        Page::Matrix(lang) => super::matrix::render(views, lang),
        Page::Editors(lang) => super::editors::render(views, lang),
        Page::Search(lang) => search_page(views, lang, bundles.get(lang)),
        Page::Alias(_, v, _) => redirect(views, v, &job.path),
        Page::Attachment(_, _, a) => match image_file(views, &a.source, Output::Original) {
            Some(made) => made.map(|content| Artifact {
                path: job.path.clone(),
                content,
            }),
            None => Ok(Artifact {
                path: job.path.clone(),
                content: Content::Copy(a.source.clone()),
            }),
        },
        Page::Variant(_, _, a, v) => variant(views, &a.source, &v, &job.path),
        Page::StaticVariant(f, v) => match &f.body {
            crate::theme::Body::Disk(p) => variant(views, p, &v, &job.path),
            _ => Err(Diagnostic::error(crate::t!(
                "img-no-source",
                path = job.path.as_str()
            ))),
        },
        Page::Static(f) => {
            let made = match &f.body {
                crate::theme::Body::Disk(p) => image_file(views, p, Output::Original),
                _ => None,
            };
            match made {
                Some(made) => made.map(|content| Artifact {
                    path: job.path.clone(),
                    content,
                }),
                None => Ok(Artifact {
                    path: job.path.clone(),
                    content: match &f.body {
                        crate::theme::Body::Disk(p) => Content::Copy(p.clone()),
                        crate::theme::Body::BuiltIn(b) => Content::Bytes(b.to_vec()),
                        crate::theme::Body::Made(b) => Content::Bytes(b.to_vec()),
                    },
                }),
            }
        }
        Page::Hosting(host) => super::hosting::make(views, host),
        Page::Data(data) => Ok(super::web::data(views, data, &job.path)),
        Page::NotFound(lang) => {
            let title = views.word(lang, "not_found_title");
            // The other languages lead to their homes: the address that
            // was not found has no page in any.
            let page = views.page(lang, &job.path, title, None, None, &|l| {
                Some(Site::home_path(l))
            });
            let mut ctx = tera::Context::new();
            ctx.insert("page", &page);
            let html = views.theme.render("404.html", &ctx)?;
            Ok(Artifact {
                path: job.path.clone(),
                content: Content::Bytes(html.into_bytes()),
            })
        }
    }
}

/// The description of a page with a text of its own: its summary, else
/// the text's first words (search engines show some 160 characters).
fn described(text: &crate::site::IndexText) -> String {
    const ABOUT: usize = 160;
    if let Some(s) = text.summary.as_ref().filter(|s| !s.trim().is_empty()) {
        return s.clone();
    }
    let plain = super::search::text::plain(&text.html);
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::new();
    for w in &words {
        if !out.is_empty() && out.chars().count() + 1 + w.chars().count() > ABOUT {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// One file of the image at `source`, when the site probed it (a GIF is
/// copied as it is): made now for `build`, when asked for by `serve`.
fn image_file(
    views: &Views<'_>,
    source: &std::path::Path,
    out: Output,
) -> Option<Result<Content, Diagnostic>> {
    let site = views.site;
    let format = match site.probes.get(source)? {
        Ok(p) if p.format == Format::Gif => return None,
        Ok(p) => p.format,
        Err(why) => return Some(Err(unreadable(source, why))),
    };
    if site.images.lazy() {
        return Some(Ok(Content::Image(site.images.pending(source, format, out))));
    }
    Some(
        site.images
            .bytes(source, format, out)
            .map(Content::Bytes)
            .map_err(|why| unreadable(source, &why)),
    )
}

fn variant(
    views: &Views<'_>,
    source: &std::path::Path,
    v: &crate::images::Variant,
    path: &str,
) -> Result<Artifact, Diagnostic> {
    let content = image_file(views, source, Output::Variant(*v))
        .unwrap_or_else(|| Err(Diagnostic::error(crate::t!("img-no-source", path = path))))?;
    Ok(Artifact {
        path: path.to_string(),
        content,
    })
}

fn unreadable(source: &std::path::Path, why: &crate::images::Unreadable) -> Diagnostic {
    let file = crate::diag::display_path(source);
    Diagnostic::error(crate::t!(
        "img-unreadable",
        file = file.as_str(),
        why = why.0.as_str()
    ))
    .at(crate::diag::Span::file(&file))
    .help(crate::t!("img-unreadable-help"))
}

/// The search page of `lang`, preloading what its first search fetches.
pub(super) fn search_page(
    views: &Views<'_>,
    lang: &Lang,
    bundle: Option<&Bundle>,
) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    let path = Site::search_path(lang);
    let title = views.word(lang, "search_title");
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
            label: views.word(lang, &format!("search_filter_{name}")),
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

/// A redirect page at an alias: old addresses keep working.
fn redirect(views: &Views<'_>, v: &Version, path: &str) -> Result<Artifact, Diagnostic> {
    let site = views.site;
    let page = views.page(
        &v.lang,
        &v.path,
        v.common.title.clone(),
        v.common.summary.clone(),
        None,
        &|_| None,
    );
    let mut ctx = tera::Context::new();
    ctx.insert("page", &page);
    ctx.insert("target", &site.url(&v.path));
    ctx.insert("target_permalink", &site.permalink(&v.path));
    Ok(Artifact {
        path: path.to_string(),
        content: Content::Bytes(views.theme.render("alias.html", &ctx)?.into_bytes()),
    })
}
