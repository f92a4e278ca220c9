//! The plan of the output: every file the site publishes, as a job that
//! knows its path and what of the content it shows. `build` renders every
//! job, `check` renders a sample and checks that no two jobs share a path,
//! `serve` renders the jobs that show what changed and drops the paths the
//! new plan no longer has. A new kind of page is one new `Page` variant:
//! its path, what it shows and how it renders sit side by side here and in
//! `pages.rs`.
//!
//! The search index is not planned: Pagefind names its files by their
//! content, so their paths are known only once the index is made; they all
//! live in a folder of their own (`search::bundle_path`).

use std::collections::{BTreeMap, BTreeSet};

use crate::discover::Attachment;
use crate::images::Variant;
use crate::kind::{Kind, Taxonomy};
use crate::lang::Lang;
use crate::site::{Entity, EntityKey, Site, Version};
use crate::theme::StaticAsset;

/// What one file is.
#[derive(Debug, Clone, Copy)]
pub enum Page<'s> {
    /// The bilingual language picker at `/`.
    Root,
    Home(&'s Lang),
    List(Kind, &'s Lang),
    Entity(&'s Entity, &'s Version),
    NotFound(&'s Lang),
    /// The index of a taxonomy.
    Taxonomy(Taxonomy, &'s Lang),
    /// One theme or organisation.
    Term(Taxonomy, &'s str, &'s Lang),
    Matrix(&'s Lang),
    /// For editors: translations behind or missing.
    Editors(&'s Lang),
    /// Waits for the search index: it preloads the index's first files.
    Search(&'s Lang),
    /// A redirect from an old address to a version.
    Alias(&'s Entity, &'s Version, &'s str),
    /// A file of a bundle, beside a version's page (an image: upright,
    /// without its metadata; an SVG: sanitised).
    Attachment(&'s Entity, &'s Version, &'s Attachment),
    /// A resized copy of a bundle's image, beside it.
    Variant(&'s Entity, &'s Version, &'s Attachment, Variant),
    /// A resized copy of an image of `static/`, beside it.
    StaticVariant(&'s StaticAsset, Variant),
    /// A file of the theme's or the site's `static/` (the theme's statics
    /// hold the site's: see `theme::files`), or a hashed copy of one.
    Static(&'s StaticAsset),
    /// What static hosts read besides pages (`hosting`).
    Hosting(super::hosting::HostFile),
    /// graph.json, the feeds, the sitemap and what goes with them: data
    /// that shows every entity, which `serve` makes after a reload.
    Data(Data<'s>),
}

#[derive(Debug, Clone, Copy)]
pub enum Data<'s> {
    Graph(&'s Lang),
    Feed(&'s Lang),
    Sitemap,
    Robots,
    /// A file of the web editor at `/admin/` (src/cms/), when config.yaml
    /// asks for one.
    Editor(&'static str),
}

/// A file to make: where it goes and what it is.
#[derive(Debug, Clone)]
pub struct Job<'s> {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub page: Page<'s>,
}

impl<'s> Job<'s> {
    /// The entity whose own file this is (its pages, aliases, attachments).
    pub fn entity(&self) -> Option<EntityKey> {
        match self.page {
            Page::Entity(e, _)
            | Page::Alias(e, ..)
            | Page::Attachment(e, ..)
            | Page::Variant(e, ..) => Some(key(e)),
            _ => None,
        }
    }

    /// The language the file is in, if it is in one.
    pub fn lang(&self) -> Option<&'s Lang> {
        match self.page {
            Page::Home(l)
            | Page::List(_, l)
            | Page::NotFound(l)
            | Page::Taxonomy(_, l)
            | Page::Term(_, _, l)
            | Page::Matrix(l)
            | Page::Editors(l)
            | Page::Search(l)
            | Page::Data(Data::Graph(l) | Data::Feed(l)) => Some(l),
            Page::Entity(_, v)
            | Page::Alias(_, v, _)
            | Page::Attachment(_, v, _)
            | Page::Variant(_, v, ..) => Some(&v.lang),
            Page::Root
            | Page::Static(_)
            | Page::StaticVariant(..)
            | Page::Hosting(_)
            | Page::Data(_) => None,
        }
    }
}

/// The content a file comes from, when one content file makes it.
pub enum Source<'s> {
    /// A content file, relative to the site root.
    File(&'s str),
    /// A file found on disk (an attachment), as found.
    Path(&'s std::path::Path),
}

impl<'s> Job<'s> {
    /// Which content file makes this file: a version's page and its
    /// aliases come from the version's file, an attachment from itself.
    pub fn source(&self) -> Option<Source<'s>> {
        match self.page {
            Page::Entity(_, v) | Page::Alias(_, v, _) => Some(Source::File(&v.file)),
            Page::Attachment(_, _, a) => Some(Source::Path(&a.source)),
            _ => None,
        }
    }
}

fn key(e: &Entity) -> EntityKey {
    EntityKey {
        kind: e.kind,
        id: e.id.clone(),
    }
}

/// Every file of `site` (with the theme's `statics`), in a fixed order:
/// the root, then each language's pages, the entities' pages with their
/// aliases and attachments, the static files, the hosts' files, the data
/// files.
pub fn plan<'s>(site: &'s Site, statics: &'s [StaticAsset]) -> Vec<Job<'s>> {
    let mut jobs = vec![Job {
        path: "index.html".to_string(),
        page: Page::Root,
    }];
    let mut page = |folder: String, page: Page<'s>| {
        jobs.push(Job {
            path: format!("{folder}index.html"),
            page,
        })
    };
    for l in &site.config.languages {
        page(Site::home_path(l), Page::Home(l));
        page(crate::output::editors::path(l), Page::Editors(l));
        for k in Kind::ALL {
            page(site.list_path(k, l), Page::List(k, l));
        }
        page(Site::matrix_path(l), Page::Matrix(l));
        for t in Taxonomy::ALL {
            page(Site::taxonomy_path(t, l, None), Page::Taxonomy(t, l));
            for id in site.config.terms(t).keys() {
                page(Site::taxonomy_path(t, l, Some(id)), Page::Term(t, id, l));
            }
        }
        page(Site::search_path(l), Page::Search(l));
    }
    for e in site.entities.values() {
        for v in e.versions.values() {
            page(v.path.clone(), Page::Entity(e, v));
        }
    }
    for l in &site.config.languages {
        jobs.push(Job {
            path: format!("{l}/404.html"),
            page: Page::NotFound(l),
        });
    }
    for e in site.entities.values() {
        for v in e.versions.values() {
            for alias in &v.common.aliases {
                jobs.push(Job {
                    path: alias_path(alias),
                    page: Page::Alias(e, v, alias),
                });
            }
            for a in &e.attachments {
                let path = format!("{}{}", v.path, a.name);
                for variant in image_variants(site, &a.source) {
                    jobs.push(Job {
                        path: crate::images::variant_name(&path, &variant),
                        page: Page::Variant(e, v, a, variant),
                    });
                }
                jobs.push(Job {
                    path,
                    page: Page::Attachment(e, v, a),
                });
            }
        }
    }
    for f in statics {
        if let crate::theme::Body::Disk(source) = &f.body {
            for variant in image_variants(site, source) {
                jobs.push(Job {
                    path: crate::images::variant_name(&f.name, &variant),
                    page: Page::StaticVariant(f, variant),
                });
            }
        }
        jobs.push(Job {
            path: f.name.clone(),
            page: Page::Static(f),
        });
    }
    // A site's own `_headers` or `404.html` in `static/` wins.
    for host in super::hosting::HostFile::ALL {
        if !statics.iter().any(|f| f.name == host.path()) {
            jobs.push(Job {
                path: host.path().to_string(),
                page: Page::Hosting(host),
            });
        }
    }
    for l in &site.config.languages {
        jobs.push(Job {
            path: crate::output::graph::path(l),
            page: Page::Data(Data::Graph(l)),
        });
        jobs.push(Job {
            path: Site::feed_path(l),
            page: Page::Data(Data::Feed(l)),
        });
    }
    for (path, data) in [
        (crate::output::web::SITEMAP, Data::Sitemap),
        (crate::output::web::ROBOTS, Data::Robots),
    ] {
        jobs.push(Job {
            path: path.to_string(),
            page: Page::Data(data),
        });
    }
    if site.config.cms.is_some() {
        for name in crate::cms::FILES {
            jobs.push(Job {
                path: format!("{}{name}", crate::cms::FOLDER),
                page: Page::Data(Data::Editor(name)),
            });
        }
    }
    jobs
}

/// The resized copies of the image at `source`, if it is one the site
/// probed (a bundle's or `static/`'s).
fn image_variants(site: &Site, source: &std::path::Path) -> Vec<Variant> {
    match site.probes.get(source) {
        Some(Ok(p)) => crate::images::variants(p, site.images.settings()),
        _ => Vec::new(),
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

/// A change to the content, as the pages that show it see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The text of a version changed: only its entity's own pages show it.
    Text(EntityKey),
    /// What other pages show of an entity changed (a title, a summary, a
    /// date, a field, its address, its languages), as seen in these
    /// languages (all of them: `None`).
    FrontMatter(EntityKey, Option<BTreeSet<Lang>>),
    /// What links to it or from it changed (it came or went, or its
    /// references or tags did): the counts of the home pages, the
    /// taxonomies' indexes and the matrix change too.
    Links(EntityKey),
    /// An entity whose pages must be made again because the site around it
    /// moved (it listed, or lists, something that changed).
    Pages(EntityKey),
    /// A theme or organisation page whose members changed.
    Term(Taxonomy, String),
}

impl Shown {
    pub fn key(&self) -> Option<&EntityKey> {
        match self {
            Shown::Text(k) | Shown::FrontMatter(k, _) | Shown::Links(k) | Shown::Pages(k) => {
                Some(k)
            }
            Shown::Term(..) => None,
        }
    }
}

/// Which jobs show a set of changes: everything the plan needs to tell,
/// worked out once for the set, so that each job is a few look-ups.
pub struct Selection {
    /// Entities whose own files are made in every language.
    whole: BTreeSet<EntityKey>,
    /// Entities whose pages show a changed front matter, with the languages it is
    /// seen in (`None`: all).
    shows: BTreeMap<EntityKey, Option<BTreeSet<Lang>>>,
    /// Kinds some of whose entities changed their front matter: their lists (and the
    /// practices list, which names countries).
    kinds: BTreeMap<Kind, Option<BTreeSet<Lang>>>,
    terms: BTreeMap<(Taxonomy, String), Option<BTreeSet<Lang>>>,
    /// Whether links came or went (the home pages' and indexes' counts).
    links: bool,
    /// Languages in which any front matter changed (`None` inside: all); nothing
    /// changed when empty.
    front_matters: Option<Option<BTreeSet<Lang>>>,
    /// A change of a challenge, a recommendation or a practice: the matrix.
    matrix: Option<Option<BTreeSet<Lang>>>,
    /// Whether the data files are made (not in serve's patched pass).
    data: bool,
}

/// Adds `langs` to what `map` holds for `k` (`None` meaning all).
fn widen<K: Ord>(
    map: &mut BTreeMap<K, Option<BTreeSet<Lang>>>,
    k: K,
    langs: &Option<BTreeSet<Lang>>,
) {
    match (map.get_mut(&k), langs) {
        (None, _) => {
            map.insert(k, langs.clone());
        }
        (Some(slot), None) => *slot = None,
        (Some(None), Some(_)) => {}
        (Some(Some(have)), Some(more)) => have.extend(more.iter().cloned()),
    }
}

/// The union of two language sets, `None` meaning all.
fn union(a: &mut Option<Option<BTreeSet<Lang>>>, b: &Option<BTreeSet<Lang>>) {
    match (a.as_mut(), b) {
        (None, _) => *a = Some(b.clone()),
        (Some(None), _) => {}
        (Some(slot), None) => *slot = None,
        (Some(Some(have)), Some(more)) => have.extend(more.iter().cloned()),
    }
}

fn seen_in(langs: &Option<Option<BTreeSet<Lang>>>, lang: Option<&Lang>) -> bool {
    match (langs, lang) {
        (None, _) => false,
        (Some(None), _) | (Some(Some(_)), None) => true,
        (Some(Some(set)), Some(l)) => set.contains(l),
    }
}

impl Selection {
    pub fn of(site: &Site, changes: &[Shown], data: bool) -> Selection {
        let mut s = Selection {
            whole: BTreeSet::new(),
            shows: BTreeMap::new(),
            kinds: BTreeMap::new(),
            terms: BTreeMap::new(),
            links: false,
            front_matters: None,
            matrix: None,
            data,
        };
        for change in changes {
            match change {
                Shown::Text(k) | Shown::Pages(k) => {
                    s.whole.insert(k.clone());
                }
                Shown::FrontMatter(k, langs) => s.front_matter(site, k, langs),
                Shown::Links(k) => {
                    s.links = true;
                    s.front_matter(site, k, &None);
                    if matches!(
                        k.kind,
                        Kind::Challenge | Kind::Recommendation | Kind::Practice
                    ) {
                        // A practice's references are the matrix's numbers.
                        union(&mut s.matrix, &None);
                    }
                }
                Shown::Term(t, id) => widen(&mut s.terms, (*t, id.clone()), &None),
            }
        }
        s
    }

    /// Every page that shows the front matter of `k`: its own, those that list it
    /// (`Graph::shown_by`), the list of its kind, its themes' and
    /// organisations' pages, the home pages (a meeting), the matrix, the
    /// editors' pages and the data files.
    fn front_matter(&mut self, site: &Site, k: &EntityKey, langs: &Option<BTreeSet<Lang>>) {
        self.whole.insert(k.clone());
        for by in site.graph.shown_by(k) {
            widen(&mut self.shows, by, langs);
        }
        widen(&mut self.kinds, k.kind, langs);
        for t in Taxonomy::ALL {
            for id in site.graph.terms_of(t, k) {
                widen(&mut self.terms, (t, id.clone()), langs);
            }
        }
        union(&mut self.front_matters, langs);
        // The matrix names challenges and recommendations.
        if matches!(k.kind, Kind::Challenge | Kind::Recommendation) {
            union(&mut self.matrix, langs);
        }
    }

    /// Whether `job` shows something of the changes.
    pub fn wants(&self, job: &Job<'_>) -> bool {
        let lang = job.lang();
        let within = |langs: &Option<BTreeSet<Lang>>| {
            langs
                .as_ref()
                .is_none_or(|set| lang.is_none_or(|l| set.contains(l)))
        };
        let kind_seen = |k: Kind| self.kinds.get(&k).is_some_and(within);
        match job.page {
            Page::Root
            | Page::NotFound(_)
            | Page::Static(_)
            | Page::StaticVariant(..)
            | Page::Hosting(_) => false,
            Page::Entity(e, _) => {
                let k = key(e);
                self.whole.contains(&k) || self.shows.get(&k).is_some_and(within)
            }
            Page::Alias(e, ..) | Page::Attachment(e, ..) | Page::Variant(e, ..) => {
                self.whole.contains(&key(e))
            }
            Page::Home(_) => self.links || kind_seen(Kind::Meeting),
            Page::List(k, _) => kind_seen(k) || (k == Kind::Practice && kind_seen(Kind::Country)),
            Page::Taxonomy(..) => self.links,
            Page::Term(t, id, _) => self.terms.get(&(t, id.to_string())).is_some_and(within),
            Page::Matrix(_) => seen_in(&self.matrix, lang),
            Page::Editors(_) => seen_in(&self.front_matters, lang),
            // The search pages wait for the index, made after a reload.
            Page::Search(_) => false,
            Page::Data(_) => self.data && (self.front_matters.is_some() || self.links),
        }
    }
}
