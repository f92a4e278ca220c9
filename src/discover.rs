//! Finds what editors wrote: walks `content/` (and the site's `static/`)
//! and names each Markdown file's kind, id and language from its path.
//!
//! This is the only module that reads `content/`. It does not parse front
//! matter; it only reads each file as UTF-8 text.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean, relative};
use crate::kind::{Kind, check_id, suggest_id};
use crate::lang::Lang;

/// One Markdown file: one language version of one entity, or the text of
/// the home page (`kind: None`) or of a kind's list page (`id: None`).
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
                    Diagnostic::error(format!("cannot read `{file}`: {e}")).at(Span::file(&file)),
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
                Diagnostic::error(format!("cannot read `{}`: {e}", f.file))
                    .at(Span::file(&f.file))
                    .help("check that the file exists and that its permissions let you read it")
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

#[allow(clippy::too_many_arguments)]
fn classify(
    parts: &[String],
    is_dir: bool,
    path: &Path,
    rel: &str,
    config: &Config,
    found: &mut Vec<Found>,
    tree: &mut SourceTree,
    diags: &mut Diagnostics,
) {
    let kind = Kind::from_folder(&parts[0]);
    match (parts.len(), is_dir) {
        (1, true) => {
            if kind.is_none() {
                diags.push(
                    Diagnostic::error(crate::t!("link-not-a-kind", folder = parts[0].as_str()))
                        .at(Span::file(rel))
                        .help(match did_you_mean(&parts[0], Kind::folders()) {
                            Some(h) => crate::t!("did-you-mean", name = h),
                            None => crate::t!(
                                "file-folders-are",
                                list = Kind::folders().collect::<Vec<_>>().join(", ")
                            ),
                        }),
                );
            }
        }
        (1, false) => {
            let Some(stem) = parts[0].strip_suffix(".md") else {
                return ignored(rel, diags);
            };
            match split_lang(stem, rel, config, diags) {
                Some(("_index", lang)) => found.push(Found {
                    path: path.to_path_buf(),
                    file: rel.to_string(),
                    kind: None,
                    id: None,
                    lang,
                    bundle: false,
                }),
                Some(_) => diags.push(
                    Diagnostic::error(crate::t!("file-directly-in-content"))
                        .at(Span::file(rel))
                        .help(crate::t!(
                            "file-move-into-kind-folder",
                            list = Kind::folders().collect::<Vec<_>>().join(", ")
                        )),
                ),
                None => {}
            }
        }
        _ => {
            // Everything below an unknown folder was reported with it.
            let Some(kind) = kind else { return };
            if parts.len() == 2 && !is_dir {
                let Some(stem) = parts[1].strip_suffix(".md") else {
                    return ignored(rel, diags);
                };
                if let Some((base, lang)) = split_lang(stem, rel, config, diags) {
                    let id = if base == "_index" {
                        None
                    } else {
                        Some(base.to_string())
                    };
                    push_entity(found, diags, path, rel, kind, id, lang, false);
                }
            } else if parts.len() == 2 {
                // A bundle folder: its id is checked once its index is seen.
            } else if !is_dir {
                bundle_file(parts, path, rel, kind, config, found, tree, diags);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn bundle_file(
    parts: &[String],
    path: &Path,
    rel: &str,
    kind: Kind,
    config: &Config,
    found: &mut Vec<Found>,
    tree: &mut SourceTree,
    diags: &mut Diagnostics,
) {
    let id = parts[1].clone();
    let name = parts[2..].join("/");
    if parts.len() == 3
        && let Some(stem) = parts[2].strip_suffix(".md")
    {
        if stem == "index" || stem.starts_with("index.") {
            if let Some((_, lang)) = split_lang(stem, rel, config, diags) {
                push_entity(found, diags, path, rel, kind, Some(id), lang, true);
            }
        } else {
            diags.push(
                Diagnostic::error(crate::t!("file-bundle-text"))
                    .at(Span::file(rel))
                    .help(crate::t!("file-bundle-text-help")),
            );
        }
        return;
    }
    if let Some(why) = crate::file_types::refuse_attachment(&name) {
        diags.push(
            Diagnostic::error(format!(
                "`{}` cannot be published as an attachment: {why}",
                crate::diag::escape_controls(&name)
            ))
            .at(Span::file(rel))
            .help(format!(
                "a bundle holds documents for readers: {}; export it as one of these (a PDF, a PNG…) or remove it",
                crate::file_types::attachment_extensions()
            )),
        );
        return;
    }
    // Opened now, so that `check` finds an attachment `build` could not copy.
    let bytes = match crate::nofollow::open_regular(path) {
        Ok((file, _)) => file.metadata().map_or(0, |m| m.len()),
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("cannot read `{rel}`: {e}"))
                    .at(Span::file(rel))
                    .help("check that the file exists and that its permissions let you read it"),
            );
            return;
        }
    };
    tree.attachments.push(Attachment {
        kind,
        id,
        source: path.to_path_buf(),
        name,
        bytes,
    });
}

#[allow(clippy::too_many_arguments)]
fn push_entity(
    found: &mut Vec<Found>,
    diags: &mut Diagnostics,
    path: &Path,
    rel: &str,
    kind: Kind,
    id: Option<String>,
    lang: Lang,
    bundle: bool,
) {
    if let Some(id) = &id
        && let Err(why) = check_id(id)
    {
        let hint = suggest_id(id);
        diags.push(
            Diagnostic::error(crate::t!("file-bad-id", id = id.as_str(), why = why))
                .at(Span::file(rel))
                .help(if hint.is_empty() {
                    crate::t!("file-id-form")
                } else {
                    crate::t!("file-rename-id", id = hint)
                }),
        );
        return;
    }
    if kind == Kind::Country
        && let Some(id) = &id
        && !(id.len() == 2 && id.chars().all(|c| c.is_ascii_lowercase()))
    {
        diags.push(
            Diagnostic::error(crate::t!("file-not-country-code", id = id.as_str()))
                .at(Span::file(rel))
                .help(crate::t!("file-not-country-code-help")),
        );
        return;
    }
    found.push(Found {
        path: path.to_path_buf(),
        file: rel.to_string(),
        kind: Some(kind),
        id,
        lang,
        bundle,
    });
}

/// Splits `name.fr` into (`name`, fr); no suffix means the default language.
fn split_lang<'s>(
    stem: &'s str,
    rel: &str,
    config: &Config,
    diags: &mut Diagnostics,
) -> Option<(&'s str, Lang)> {
    match stem.rsplit_once('.') {
        None => Some((stem, config.default_language.clone())),
        Some((base, code)) => match config.lang(code) {
            Some(l) => Some((base, l.clone())),
            None => {
                diags.push(unknown_language_suffix(base, code, rel, config));
                None
            }
        },
    }
}

/// A file name whose language suffix is not one of the site's: the fix is
/// always to rename the file (the site's languages are not the editor's
/// to change for a typo).
fn unknown_language_suffix(base: &str, code: &str, rel: &str, config: &Config) -> Diagnostic {
    let known: Vec<&str> = config.languages.iter().map(Lang::as_str).collect();
    let lower = code.to_lowercase();
    let d = Diagnostic::error(crate::t!(
        "file-unknown-language",
        code = code,
        list = known.join(", ")
    ))
    .at(Span::file(rel));
    if known.contains(&lower.as_str()) {
        return d.label(crate::t!("file-lower-case-label")).help(crate::t!(
            "file-rename",
            name = format!("{base}.{lower}.md")
        ));
    }
    match did_you_mean(&lower, known.iter().copied()) {
        Some(l) => d.help(crate::t!("file-rename", name = format!("{base}.{l}.md"))),
        None => d.help(crate::t!(
            "file-name-with-language",
            names = known
                .iter()
                .map(|l| format!("`{base}.{l}.md`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn ignored(rel: &str, diags: &mut Diagnostics) {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    // A Markdown file under another name: `fiche.fr.md.txt` (an editor
    // that adds `.txt`), `fiche.fr.MD`, `fiche.fr.markdown`.
    let lower = name.to_lowercase();
    let meant = lower
        .find(".md.")
        .map(|i| &name[..i + 3])
        .map(str::to_string)
        .or_else(|| {
            lower
                .strip_suffix(".markdown")
                .map(|_| format!("{}.md", &name[..name.len() - ".markdown".len()]))
        })
        .or_else(|| {
            (lower.ends_with(".md") && !name.ends_with(".md"))
                .then(|| format!("{}.md", &name[..name.len() - 3]))
        });
    if let Some(meant) = meant {
        diags.push(
            Diagnostic::warning(crate::t!("file-markdown-misnamed", name = name))
                .at(Span::file(rel))
                .help(crate::t!("file-rename", name = meant)),
        );
        return;
    }
    diags.push(
        Diagnostic::warning(crate::t!("file-not-published"))
            .at(Span::file(rel))
            .help(crate::t!("file-not-published-help")),
    );
}

/// Two files for one language version of one entity: the first one (in
/// path order) is kept, the other reported.
fn without_duplicates(found: Vec<Found>, diags: &mut Diagnostics) -> Vec<Found> {
    let mut seen: BTreeMap<(Option<Kind>, Option<String>, Lang), String> = BTreeMap::new();
    let mut kept = Vec::with_capacity(found.len());
    for f in found {
        let key = (f.kind, f.id.clone(), f.lang.clone());
        if let Some(first) = seen.get(&key) {
            let what = match (&f.kind, &f.id) {
                (Some(k), Some(id)) => format!("the {} `{id}`", k.name()),
                (Some(k), None) => format!("the {} list page", k.folder()),
                (None, _) => "the home page".to_string(),
            };
            diags.push(
                Diagnostic::error(format!("two files are the `{}` version of {what}", f.lang))
                    .at(Span::file(&f.file))
                    .help(format!("`{first}` is the other; an id is unique within its kind: rename or remove one")),
            );
            continue;
        }
        seen.insert(key, f.file.clone());
        kept.push(f);
    }
    kept
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
                return Err(Diagnostic::error(format!(
                    "`{shown}/` is a symbolic link; the generator does not follow links out of the site's folder"
                ))
                .at(Span::file(&shown))
                .help(format!("make `{shown}/` a real folder inside the site")));
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

fn discover_static(root: &Path, diags: &mut Diagnostics) -> Vec<StaticFile> {
    let dir = root.join("static");
    if let Err(d) = real_folder(root, "static") {
        diags.push(d);
        return Vec::new();
    }
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(&dir).min_depth(1).sort_by_file_name() {
        match entry {
            // A name with a line break or an escape would reach headers
            // and terminals as it is.
            Ok(e) if e.file_name().to_string_lossy().chars().any(char::is_control) => diags.push(
                Diagnostic::error(format!(
                    "`{}` cannot be published: its name holds a control character",
                    crate::diag::escape_controls(&relative(root, e.path()))
                ))
                .at(Span::file(&relative(root, e.path())))
                .help("rename it with letters, digits, `-`, `_` and `.`"),
            ),
            Ok(e) if crate::kind::windows_reserved(&e.file_name().to_string_lossy()) => diags.push(
                Diagnostic::error(format!(
                    "`{}` is a name Windows reserves for a device: a clone of the site on Windows could not hold the file",
                    relative(root, e.path())
                ))
                .at(Span::file(&relative(root, e.path())))
                .help("rename it"),
            ),
            Ok(e) if e.file_type().is_file() => out.push(StaticFile {
                source: e.path().to_path_buf(),
                name: relative(&dir, e.path()),
            }),
            Ok(e) if !e.file_type().is_dir() => diags.push(
                Diagnostic::warning(
                    "only regular files of static/ are published; this link or special file is ignored",
                )
                .at(Span::file(&relative(root, e.path())))
                .help("copy the file into static/ instead"),
            ),
            Ok(_) => {}
            Err(e) => diags.push(
                Diagnostic::error(format!("cannot read static/: {e}")).at(Span::file("static")),
            ),
        }
    }
    out
}
