//! Where a theme's files come from. Layers, each overriding the one before
//! file by file, as Hugo and Zola let a site override its theme:
//!
//! 1. the default theme built into the binary (`themes/default/` of this
//!    repository, embedded at compile time), so a site needs no `themes/`;
//! 2. the site's own `themes/<name>/` folder, when there is one (a theme
//!    other than `default` has no built-in layer: it is whole on its own);
//! 3. the site root's `templates/`, `static/`, `i18n/` and `data/`.
//!
//! The only code that knows `include_dir`; it reads only regular files,
//! never through a symbolic link.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics, Span, relative};

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The theme built into the binary.
pub const DEFAULT: &str = "default";

/// The folders of a theme; the site root may hold each of them too.
pub const PARTS: [&str; 4] = ["templates", "static", "i18n", "data"];

/// What a file holds: a file of the site to read, or bytes of the binary.
#[derive(Debug, Clone)]
pub enum Body {
    Disk(PathBuf),
    BuiltIn(&'static [u8]),
    /// Made from the configuration (the print stylesheet).
    Made(std::sync::Arc<[u8]>),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Inside the theme, `/`-separated: `templates/base.html`.
    pub name: String,
    /// The file as diagnostics name it: relative to the site root, or
    /// `(built-in) themes/default/…` for a file of the binary.
    pub shown: String,
    pub body: Body,
}

impl ThemeFile {
    pub fn bytes(&self) -> std::io::Result<Vec<u8>> {
        match &self.body {
            Body::Disk(p) => crate::discover::read_regular(p),
            Body::BuiltIn(b) => Ok(b.to_vec()),
            Body::Made(b) => Ok(b.to_vec()),
        }
    }
}

/// A file of a later layer that takes the place of an earlier one's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The overriding file, relative to the site root.
    pub file: String,
    /// The file it replaces, as diagnostics name it.
    pub replaces: String,
}

/// Every file of the theme, each from its topmost layer.
#[derive(Debug, Default)]
pub struct Layers {
    pub files: BTreeMap<String, ThemeFile>,
    pub overrides: Vec<Override>,
    /// Where the site would put a file to add or override one, relative to
    /// the site root: `themes/<name>/` when the site has the folder, else
    /// the root itself (`""`).
    pub home: String,
}

impl Layers {
    /// The files under `part/`, by their name inside it.
    pub fn part<'a>(&'a self, part: &'a str) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> {
        self.files.iter().filter_map(move |(name, f)| {
            name.strip_prefix(part)
                .and_then(|n| n.strip_prefix('/'))
                .map(|n| (n, f))
        })
    }

    fn add(&mut self, file: ThemeFile) {
        // A copy of the same bytes replaces nothing worth naming (this
        // repository's own themes/default/, say).
        if let Some(old) = self.files.get(&file.name)
            && old.bytes().ok() != file.bytes().ok()
        {
            self.overrides.push(Override {
                file: file.shown.clone(),
                replaces: old.shown.clone(),
            });
        }
        self.files.insert(file.name.clone(), file);
    }
}

/// The layers of the theme `name` for the site at `root`.
pub fn gather(root: &Path, name: &str) -> Result<Layers, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut layers = Layers::default();
    if name == DEFAULT {
        built_in(&BUILT_IN, &mut layers);
    }
    let folder = format!("themes/{name}");
    for part in [String::new()]
        .into_iter()
        .chain(PARTS.map(|p| format!("/{p}")))
    {
        if let Err(d) = crate::discover::real_folder(root, &format!("{folder}{part}")) {
            diags.push(d);
            return Err(diags);
        }
    }
    let dir = root.join(&folder);
    if dir.is_dir() {
        layers.home = format!("{folder}/");
        for part in PARTS {
            disk(root, &dir, part, &mut layers);
        }
    } else if name != DEFAULT {
        diags.push(
            Diagnostic::error(crate::t!("theme-missing", name = name))
                .at(Span::file(crate::config::FILE))
                .help(crate::t!("theme-missing-help", name = name)),
        );
        return Err(diags);
    }
    for part in PARTS {
        // `static/` is the site's own: `discover` reports a linked one.
        match crate::discover::real_folder(root, part) {
            Err(_) if part == "static" => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
            Ok(()) => disk(root, root, part, &mut layers),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(layers)
}

fn built_in(dir: &'static Dir<'static>, layers: &mut Layers) {
    for f in dir.files() {
        let name = f.path().to_string_lossy().replace('\\', "/");
        if !PARTS.iter().any(|p| name.starts_with(&format!("{p}/"))) {
            continue;
        }
        layers.add(ThemeFile {
            shown: format!("(built-in) themes/{DEFAULT}/{name}"),
            name,
            body: Body::BuiltIn(f.contents()),
        });
    }
    for d in dir.dirs() {
        built_in(d, layers);
    }
}

/// The regular files of `base/part`, sorted.
fn disk(root: &Path, base: &Path, part: &str, layers: &mut Layers) {
    let dir = base.join(part);
    if !dir.is_dir() {
        return;
    }
    for e in WalkDir::new(&dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        // A link among the templates or UI strings is kept, so reading it
        // fails and says why (rather than the built-in file standing in
        // unseen); elsewhere only regular files are published.
        .filter(|e| {
            e.file_type().is_file()
                || (!e.file_type().is_dir() && matches!(part, "templates" | "i18n"))
        })
    {
        layers.add(ThemeFile {
            name: format!("{part}/{}", relative(&dir, e.path())),
            shown: relative(root, e.path()),
            body: Body::Disk(e.path().to_path_buf()),
        });
    }
}

/// The built-in default theme's files, by name.
#[cfg(test)]
fn built_in_files() -> Vec<(String, &'static [u8])> {
    let mut layers = Layers::default();
    built_in(&BUILT_IN, &mut layers);
    layers
        .files
        .into_iter()
        .filter_map(|(n, f)| match f.body {
            Body::BuiltIn(b) => Some((n, b)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_holds_every_file_of_themes_default() {
        let files = built_in_files();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        for name in [
            "templates/base.html",
            "templates/partials/item.html",
            "static/style.css",
            "i18n/fr.yaml",
            "data/outlines.txt",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
    }

    #[test]
    fn a_site_file_overrides_the_built_in_one() {
        let tmp = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(tmp.path().join("templates")).expect("mkdir");
        std::fs::write(tmp.path().join("templates/page.html"), "mine").expect("write");
        let layers = gather(tmp.path(), DEFAULT).expect("layers");
        let page = &layers.files["templates/page.html"];
        assert_eq!(page.shown, "templates/page.html");
        assert_eq!(page.bytes().expect("read"), b"mine");
        assert_eq!(
            layers.overrides,
            vec![Override {
                file: "templates/page.html".into(),
                replaces: "(built-in) themes/default/templates/page.html".into()
            }]
        );
        assert_eq!(
            layers.files["templates/base.html"].shown,
            "(built-in) themes/default/templates/base.html"
        );
    }

    #[test]
    fn another_theme_must_exist_and_stands_alone() {
        let tmp = tempfile::tempdir().expect("tmp");
        assert!(gather(tmp.path(), "mine").is_err());
        std::fs::create_dir_all(tmp.path().join("themes/mine/templates")).expect("mkdir");
        std::fs::write(tmp.path().join("themes/mine/templates/a.html"), "a").expect("write");
        let layers = gather(tmp.path(), "mine").expect("layers");
        assert_eq!(layers.files.len(), 1);
        assert_eq!(layers.home, "themes/mine/");
    }
}
