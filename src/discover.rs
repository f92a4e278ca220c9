//! Finds what editors wrote: walks `content/` (and the site's `static/`)
//! and names each Markdown file's kind, id and language from its path.
//!
//! This is the only module that reads `content/`. It does not parse front
//! matter; it only reads each file as UTF-8 text. What a path names is
//! `names`; the `static/` folder is `statics`.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, relative};
use crate::kind::{Kind, Taxonomy};
use crate::lang::Lang;

mod names;
mod statics;

use names::{classify, without_duplicates};
use statics::discover_static;

/// One Markdown file: one language version of one entity, or the text of
/// the home page (`kind: None`), of a kind's list page (`id: None`) or of
/// a theme's or organisation's page (`term`, with neither kind nor id).
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the site root, `/`-separated, for diagnostics.
    pub file: String,
    /// Shared, so a rebuild that keeps the file need not copy it.
    pub text: Arc<String>,
    /// A hash of `text`: equal fingerprints, equal files.
    pub fingerprint: u64,
    pub kind: Option<Kind>,
    /// `None` for an `_index` file.
    pub id: Option<String>,
    pub lang: Lang,
    /// Written as `<id>/index.<lang>.md`, with attachments beside it.
    pub bundle: bool,
    /// The term whose page shows this text (`content/themes/<id>.<lang>.md`).
    pub term: Option<(Taxonomy, String)>,
}

/// A file in a bundle folder, published beside the entity's pages.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub kind: Kind,
    pub id: String,
    pub source: PathBuf,
    /// Path inside the bundle, `/`-separated.
    pub name: String,
    /// Its size when it was found, for the links that name it.
    pub bytes: u64,
}

/// A file of the site's `static/` folder, copied as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub source: PathBuf,
    /// Path inside `static/`, `/`-separated; also its path in the output.
    pub name: String,
}

#[derive(Debug, Default)]
pub struct SourceTree {
    pub documents: Vec<Document>,
    pub attachments: Vec<Attachment>,
    pub statics: Vec<StaticFile>,
}

/// A Markdown file found, before it is read.
struct Found {
    path: PathBuf,
    file: String,
    kind: Option<Kind>,
    id: Option<String>,
    lang: Lang,
    bundle: bool,
    term: Option<(Taxonomy, String)>,
}

impl Found {
    /// The file at `path` (`rel` in the site), in `lang`: a home or list
    /// page's text until a kind, an id or a term says otherwise.
    fn new(path: &Path, rel: &str, lang: Lang) -> Found {
        Found {
            path: path.to_path_buf(),
            file: rel.to_string(),
            kind: None,
            id: None,
            lang,
            bundle: false,
            term: None,
        }
    }
}

/// The files read by the previous discovery, for `serve`: a file whose
/// size and modification time have not changed is not read again.
#[derive(Debug, Default, Clone)]
pub struct ReadCache {
    files: HashMap<PathBuf, Cached>,
}

#[derive(Debug, Clone)]
struct Cached {
    modified: Option<SystemTime>,
    len: u64,
    text: Arc<String>,
    fingerprint: u64,
}

pub fn fingerprint(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

pub fn discover(root: &Path, config: &Config) -> (SourceTree, Diagnostics) {
    discover_with(root, config, &mut ReadCache::default())
}

/// `doc` read again from disk (its new text and fingerprint), for `serve`
/// when a save touched only files it already knows.
pub fn read_again(root: &Path, doc: &Document) -> Option<Document> {
    let text = String::from_utf8(read_regular(&root.join(&doc.file)).ok()?).ok()?;
    Some(Document {
        fingerprint: fingerprint(&text),
        text: Arc::new(text),
        ..doc.clone()
    })
}

/// `discover`, reusing and then updating `cache`.
pub fn discover_with(
    root: &Path,
    config: &Config,
    cache: &mut ReadCache,
) -> (SourceTree, Diagnostics) {
    let mut diags = Diagnostics::new();
    let content = root.join("content");
    let mut found = Vec::new();
    let mut tree = SourceTree::default();
    if let Err(d) = real_folder(root, "content") {
        diags.push(d);
        return (tree, diags);
    }
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(crate::t!("file-no-content"))
                .at(Span::file("content"))
                .help(crate::t!("file-no-content-help")),
        );
        return (tree, diags);
    }

    let walk = WalkDir::new(&content)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let file = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| "content".into());
                diags.push(
                    Diagnostic::error(crate::t!(
                        "file-cannot-read",
                        file = &file,
                        why = e.to_string()
                    ))
                    .at(Span::file(&file)),
                );
                continue;
            }
        };
        let rel = relative(root, entry.path());
        if entry.file_type().is_symlink() {
            diags.push(
                Diagnostic::warning(crate::t!("file-symlink"))
                    .at(Span::file(&rel))
                    .help(crate::t!("file-symlink-help")),
            );
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        if !is_dir && !entry.file_type().is_file() {
            diags.push(
                Diagnostic::warning(crate::t!("file-special"))
                    .at(Span::file(&rel))
                    .help(crate::t!("file-special-help")),
            );
            continue;
        }
        let parts: Vec<String> = entry
            .path()
            .strip_prefix(&content)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        classify(
            &parts,
            is_dir,
            entry.path(),
            &rel,
            config,
            &mut found,
            &mut tree,
            &mut diags,
        );
    }

    if found.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(crate::t!("file-empty-content"))
                .at(Span::file("content"))
                .help(crate::t!("file-empty-content-help")),
        );
    }
    let found = without_duplicates(found, &mut diags);

    let previous = &*cache;
    let read: Vec<Result<(Document, PathBuf, Cached), Diagnostic>> = found
        .into_par_iter()
        .map(|f| {
            let cannot = |e: std::io::Error| {
                Diagnostic::error(crate::t!(
                    "file-cannot-read",
                    file = &f.file,
                    why = e.to_string()
                ))
                .at(Span::file(&f.file))
                .help(crate::t!("file-cannot-read-help"))
            };
            let meta = std::fs::metadata(&f.path).map_err(cannot)?;
            let (modified, len) = (meta.modified().ok(), meta.len());
            let cached = match previous.files.get(&f.path) {
                Some(c) if c.modified.is_some() && c.modified == modified && c.len == len => {
                    c.clone()
                }
                _ => {
                    let bytes = read_regular(&f.path).map_err(cannot)?;
                    let text = String::from_utf8(bytes).map_err(|e| {
                        let at = e.utf8_error().valid_up_to();
                        let good = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
                        let line = good.matches('\n').count() + 1;
                        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                        Diagnostic::error(crate::t!("file-not-utf8", file = &f.file, offset = at))
                            .at(Span::at(&f.file, &good, line, column, 1))
                            .help(crate::t!("file-not-utf8-help"))
                    })?;
                    Cached {
                        modified,
                        len,
                        fingerprint: fingerprint(&text),
                        text: Arc::new(text),
                    }
                }
            };
            let doc = Document {
                file: f.file,
                text: Arc::clone(&cached.text),
                fingerprint: cached.fingerprint,
                kind: f.kind,
                id: f.id,
                lang: f.lang,
                bundle: f.bundle,
                term: f.term,
            };
            Ok((doc, f.path, cached))
        })
        .collect();
    let mut next = ReadCache::default();
    let read: Vec<Result<Document, Diagnostic>> = read
        .into_iter()
        .map(|r| {
            r.map(|(doc, path, cached)| {
                next.files.insert(path, cached);
                doc
            })
        })
        .collect();
    *cache = next;
    for r in read {
        match r {
            Ok(d) => tree.documents.push(d),
            Err(d) => diags.push(d),
        }
    }

    tree.statics = discover_static(root, &mut diags);
    (tree, diags)
}
/// Reads a file of the site, refusing a symbolic link (it could lead out
/// of the site's folder) and anything but a regular file (reading a named
/// pipe would wait forever).
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    crate::nofollow::read_regular(path)
}

/// Checks that `root/rel` (a `/`-separated path) is not reached through a
/// symbolic link: the generator reads only what is inside the site's
/// folder, and a link could lead anywhere on the machine. A missing
/// folder is fine here; its user says whether it must exist.
pub fn real_folder(root: &Path, rel: &str) -> Result<(), Diagnostic> {
    let mut path = root.to_path_buf();
    let mut shown = String::new();
    for part in rel.split('/') {
        path.push(part);
        if !shown.is_empty() {
            shown.push('/');
        }
        shown.push_str(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(
                    Diagnostic::error(crate::t!("folder-symlink", folder = &shown))
                        .at(Span::file(&shown))
                        .help(crate::t!("folder-symlink-help", folder = &shown)),
                );
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}
