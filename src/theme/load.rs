//! Loads a theme and reports its problems as diagnostics: a template's
//! syntax error at the template's own line, a UI string missing in one
//! language, a template the site needs that the theme lacks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, relative};
use crate::discover::StaticFile;
use crate::lang::Lang;
use crate::yaml::{self, Seg, Source};

/// UI strings of one language: key → text.
pub type Strings = BTreeMap<String, String>;

/// Every template the generator renders.
pub const REQUIRED_TEMPLATES: [&str; 16] = [
    "search.html",
    "taxonomy.html",
    "term.html",
    "matrix.html",
    "editors.html",
    "root.html",
    "home.html",
    "list.html",
    "meeting.html",
    "practice.html",
    "country.html",
    "challenge.html",
    "recommendation.html",
    "page.html",
    "alias.html",
    "404.html",
];

pub struct Theme {
    pub(super) tera: tera::Tera,
    /// Template name → (file relative to the site root, source), to quote
    /// the template's line in a diagnostic.
    pub(super) sources: BTreeMap<String, (String, String)>,
    pub strings: BTreeMap<Lang, Strings>,
    pub statics: Vec<StaticFile>,
    /// Country outlines for the partner map (`data/outlines.txt`), empty
    /// when the theme has none.
    pub outlines: super::map::Outlines,
}

pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::new();
    let dir = root.join("themes").join(&config.theme);
    for part in ["", "/templates", "/static", "/i18n"] {
        let rel = format!("themes/{}{part}", config.theme);
        if let Err(d) = crate::discover::real_folder(root, &rel) {
            diags.push(d);
            return Err(diags);
        }
    }
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error(crate::t!("theme-missing", name = &config.theme))
                .at(Span::file(crate::config::FILE))
                .help(crate::t!("theme-missing-help", name = &config.theme)),
        );
        return Err(diags);
    }
    let (tera, sources) = templates(root, &dir, &mut diags);
    let strings = i18n(root, &dir, config, &mut diags);
    let statics = files(&dir.join("static"));
    if diags.has_errors() {
        return Err(diags);
    }
    // Optional: a theme without outlines draws no map. Only a regular
    // file is read, like every file of the site.
    let outlines_file = dir.join("data").join("outlines.txt");
    let outlines = match std::fs::symlink_metadata(&outlines_file) {
        Ok(m) if m.is_file() => std::fs::read_to_string(&outlines_file)
            .map(|t| super::map::Outlines::parse(&t))
            .unwrap_or_default(),
        _ => super::map::Outlines::default(),
    };
    Ok(Theme {
        tera,
        sources,
        strings,
        statics,
        outlines,
    })
}

fn templates(
    root: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> (tera::Tera, BTreeMap<String, (String, String)>) {
    let tdir = dir.join("templates");
    let mut sources = BTreeMap::new();
    for path in files(&tdir) {
        match std::fs::read_to_string(&path.source) {
            Ok(text) => {
                sources.insert(path.name.clone(), (relative(root, &path.source), text));
            }
            Err(e) => diags.push(
                Diagnostic::error(format!("cannot read template: {e}"))
                    .at(Span::file(&relative(root, &path.source))),
            ),
        }
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    let all: Vec<(&str, &str)> = sources
        .iter()
        .map(|(n, (_, t))| (n.as_str(), t.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(all) {
        diags.push(tera_diagnostic(&e, &sources));
    }
    for name in REQUIRED_TEMPLATES {
        if !sources.contains_key(name) {
            let file = relative(root, &tdir.join(name));
            diags.push(
                Diagnostic::error(crate::t!("theme-no-template", name = name.to_string()))
                    .at(Span::file(&file))
                    .help(crate::t!("theme-no-template-help", file = file.as_str())),
            );
        }
    }
    (tera, sources)
}

/// A Tera error as a diagnostic at the template's own line and column.
pub(super) fn tera_diagnostic(
    e: &tera::Error,
    sources: &BTreeMap<String, (String, String)>,
) -> Diagnostic {
    use std::error::Error as _;
    let report = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    match report {
        Some(r) => {
            let (file, text) = sources
                .get(r.filename())
                .map(|(f, t)| (f.as_str(), t.as_str()))
                .unwrap_or((r.filename(), ""));
            let s = r.span();
            let len = if s.start_line == s.end_line {
                s.end_col.saturating_sub(s.start_col)
            } else {
                1
            };
            Diagnostic::error(format!("template error: {}", r.message())).at(Span::at(
                file,
                text,
                s.start_line,
                s.start_col + 1,
                len,
            ))
        }
        None => {
            let mut message = e.to_string();
            let mut cause = e.source();
            while let Some(c) = cause {
                message.push_str(": ");
                message.push_str(&c.to_string());
                cause = c.source();
            }
            Diagnostic::error(format!("template error: {message}"))
        }
    }
}

fn i18n(
    root: &Path,
    dir: &Path,
    config: &Config,
    diags: &mut Diagnostics,
) -> BTreeMap<Lang, Strings> {
    let mut out = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for lang in &config.languages {
        let path = dir.join("i18n").join(format!("{lang}.yaml"));
        let file = relative(root, &path);
        let text = match crate::discover::read_regular(&path).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(_)) => {
                diags.push(
                    Diagnostic::error(crate::t!("theme-not-utf8", file = file.as_str()))
                        .at(Span::file(&file))
                        .help(crate::t!("file-not-utf8-help")),
                );
                continue;
            }
            Err(e) if path.exists() || path.is_symlink() => {
                diags.push(
                    Diagnostic::error(format!("cannot read {file}: {e}")).at(Span::file(&file)),
                );
                continue;
            }
            Err(_) => {
                diags.push(
                    Diagnostic::error(crate::t!("theme-no-strings", lang = lang.as_str()))
                        .at(Span::file(&file))
                        .help(crate::t!("theme-no-strings-help", file = file.as_str())),
                );
                continue;
            }
        };
        match yaml::parse::<Strings>(Source::whole(&file, &text)) {
            Ok(s) => {
                out.insert(lang.clone(), s);
            }
            Err(d) => diags.push(*d),
        }
        texts.insert(lang.clone(), (file, text));
    }
    // A key in one language and not in another is an error in the file
    // that lacks it: the page would otherwise show a hole.
    let all: BTreeSet<&String> = out.values().flat_map(|s| s.keys()).collect();
    for (lang, strings) in &out {
        let (file, text) = &texts[lang];
        for key in &all {
            if strings.contains_key(*key) {
                continue;
            }
            let (other, (other_file, other_text)) = out
                .iter()
                .find(|(_, s)| s.contains_key(*key))
                .map(|(l, _)| (l, &texts[l]))
                .unwrap_or_else(|| unreachable!("every key comes from some language"));
            let where_ = yaml::locate_in(other_text, &[Seg::Key(key)])
                .map_or(String::new(), |(l, _)| format!(" (line {l})"));
            diags.push(
                Diagnostic::error(format!("UI string `{key}` is missing in `{lang}`"))
                    .at(Span::at(file, text, 1, 1, 1))
                    .help(format!(
                        "add `{key}: \"…\"` to {file}; {other_file} has it for `{other}`{where_}"
                    )),
            );
        }
    }
    out
}

/// Every file under `dir`, sorted, with its `/`-separated name inside it.
fn files(dir: &Path) -> Vec<StaticFile> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| StaticFile {
            source: PathBuf::from(e.path()),
            name: relative(dir, e.path()),
        })
        .collect()
}

impl Theme {
    /// Renders a template; an error is a diagnostic at the template's line.
    pub fn render(&self, template: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map_err(|e| tera_diagnostic(&e, &self.sources))
    }

    pub fn strings(&self, lang: &Lang) -> &Strings {
        static EMPTY: Strings = Strings::new();
        self.strings.get(lang).unwrap_or(&EMPTY)
    }

    /// The words the Markdown renderer adds to bodies, by language.
    pub fn markdown_labels(&self) -> BTreeMap<Lang, crate::markdown::Labels> {
        self.strings
            .iter()
            .map(|(lang, s)| {
                let word = |k: &str| s.get(k).cloned().unwrap_or_default();
                let labels = crate::markdown::Labels {
                    table: word("table_label"),
                    footnote_back: word("footnote_back"),
                };
                (lang.clone(), labels)
            })
            .collect()
    }
}
