//! Loads a theme (from its layers, see `files`) and reports its problems
//! as diagnostics: a template's syntax error at the template's own line, a
//! UI string missing in one language, a template the site needs that the
//! theme lacks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::assets::StaticAsset;
use super::files::{self, Layers, Override};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span};
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
    /// What the theme publishes: its static files, the print stylesheet
    /// and the hashed copies of stylesheets and scripts.
    pub statics: Vec<StaticAsset>,
    /// A stylesheet's or script's name → the hashed name pages link.
    pub assets: BTreeMap<String, String>,
    /// Country outlines for the partner map (`data/outlines.txt`), empty
    /// when the theme has none.
    pub outlines: super::map::Outlines,
    /// The site's files that take the place of the theme's.
    pub overrides: Vec<Override>,
}

pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
    let layers = files::gather(root, &config.theme)?;
    let mut diags = Diagnostics::new();
    let strings = i18n(&layers, config, &mut diags);
    let (tera, sources) = templates(&layers, &strings, &mut diags);
    let (statics, assets) = super::assets::statics(&layers, &config.base_url);
    if diags.has_errors() {
        return Err(diags);
    }
    // Optional: a theme without outlines draws no map.
    let outlines = layers
        .files
        .get("data/outlines.txt")
        .and_then(|f| f.bytes().ok())
        .and_then(|b| String::from_utf8(b).ok())
        .map(|t| super::map::Outlines::parse(&t))
        .unwrap_or_default();
    Ok(Theme {
        tera,
        sources,
        strings,
        statics,
        assets,
        outlines,
        overrides: layers.overrides,
    })
}

/// The files of the site that override the theme's, without loading it
/// (`check --verbose`).
pub fn overrides(root: &Path, config: &Config) -> Vec<Override> {
    files::gather(root, &config.theme)
        .map(|l| l.overrides)
        .unwrap_or_default()
}

fn templates(
    layers: &Layers,
    strings: &BTreeMap<Lang, Strings>,
    diags: &mut Diagnostics,
) -> (tera::Tera, BTreeMap<String, (String, String)>) {
    let mut sources = BTreeMap::new();
    for (name, f) in layers.part("templates") {
        match f.bytes().map(String::from_utf8) {
            Ok(Ok(text)) => {
                sources.insert(name.to_string(), (f.shown.clone(), text));
            }
            Ok(Err(_)) => diags.push(
                Diagnostic::error(crate::t!("theme-not-utf8", file = f.shown.as_str()))
                    .at(Span::file(&f.shown))
                    .help(crate::t!("file-not-utf8-help")),
            ),
            Err(e) => diags.push(
                Diagnostic::error(crate::t!(
                    "file-cannot-read",
                    file = &f.shown,
                    why = e.to_string()
                ))
                .at(Span::file(&f.shown)),
            ),
        }
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Before the templates: Tera checks the functions they call.
    super::counts::register(&mut tera, strings);
    let all: Vec<(&str, &str)> = sources
        .iter()
        .map(|(n, (_, t))| (n.as_str(), t.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(all) {
        diags.push(tera_diagnostic(&e, &sources));
    }
    for name in REQUIRED_TEMPLATES {
        if !sources.contains_key(name) {
            let file = format!("{}templates/{name}", layers.home);
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
            Diagnostic::error(crate::t!("theme-template-error", why = r.message())).at(Span::at(
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
            Diagnostic::error(crate::t!("theme-template-error", why = message))
        }
    }
}

fn i18n(layers: &Layers, config: &Config, diags: &mut Diagnostics) -> BTreeMap<Lang, Strings> {
    let mut out = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for lang in &config.languages {
        let name = format!("i18n/{lang}.yaml");
        let Some(f) = layers.files.get(&name) else {
            let file = format!("{}{name}", layers.home);
            diags.push(
                Diagnostic::error(crate::t!("theme-no-strings", lang = lang.as_str()))
                    .at(Span::file(&file))
                    .help(crate::t!("theme-no-strings-help", file = file.as_str())),
            );
            continue;
        };
        let file = f.shown.clone();
        let text = match f.bytes().map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(_)) => {
                diags.push(
                    Diagnostic::error(crate::t!("theme-not-utf8", file = file.as_str()))
                        .at(Span::file(&file))
                        .help(crate::t!("file-not-utf8-help")),
                );
                continue;
            }
            Err(e) => {
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
        match yaml::parse::<Strings>(Source::whole(&file, &text)) {
            Ok(s) => {
                out.insert(lang.clone(), s);
            }
            Err(d) => diags.push(*d),
        }
        texts.insert(lang.clone(), (file, text));
    }
    // A key in one language and not in another is an error in the file
    // that lacks it: the page would otherwise show a hole. A count's
    // categories differ by language (`_one`, `_few`…): only its `_other`
    // form is required everywhere, and with it any category.
    let all: BTreeSet<&String> = out.values().flat_map(|s| s.keys()).collect();
    for (lang, strings) in &out {
        let (file, text) = &texts[lang];
        for key in strings.keys() {
            let Some((base, cat)) = crate::plural::split_key(key) else {
                continue;
            };
            let other = format!("{base}_other");
            if cat != "other" && !strings.contains_key(&other) {
                diags.push(
                    Diagnostic::error(crate::t!(
                        "theme-count-no-other",
                        key = key.as_str(),
                        other = other.as_str(),
                        lang = lang.as_str()
                    ))
                    .at(Span::at(file, text, 1, 1, 1))
                    .help(crate::t!(
                        "theme-count-no-other-help",
                        other = other.as_str(),
                        file = file.as_str()
                    )),
                );
            }
        }
        for key in &all {
            if crate::plural::split_key(key).is_some_and(|(_, cat)| cat != "other") {
                continue;
            }
            if strings.contains_key(*key) {
                continue;
            }
            let (other, (other_file, other_text)) = out
                .iter()
                .find(|(_, s)| s.contains_key(*key))
                .map(|(l, _)| (l, &texts[l]))
                .unwrap_or_else(|| unreachable!("every key comes from some language"));
            let line = yaml::locate_in(other_text, &[Seg::Key(key)]).map_or(0, |(l, _)| l);
            diags.push(
                Diagnostic::error(crate::t!(
                    "theme-string-missing",
                    key = key.as_str(),
                    lang = lang.as_str()
                ))
                .at(Span::at(file, text, 1, 1, 1))
                .help(crate::t!(
                    "theme-string-missing-help",
                    key = key.as_str(),
                    file = file.as_str(),
                    other_file = other_file.as_str(),
                    other = other.as_str(),
                    line = line
                )),
            );
        }
    }
    out
}

impl Theme {
    /// Renders a template; an error is a diagnostic at the template's line.
    pub fn render(&self, template: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map_err(|e| tera_diagnostic(&e, &self.sources))
    }

    /// Whether the theme has the template `name` (one the generator can
    /// do without).
    pub fn has_template(&self, name: &str) -> bool {
        self.sources.contains_key(name)
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
                    sizes: crate::typography::SizeWords {
                        kb: word("size_kb"),
                        mb: word("size_mb"),
                        decimal_mark: word("decimal_mark"),
                    },
                    languages: s
                        .iter()
                        .filter_map(|(k, v)| {
                            Some((k.strip_prefix("lang_")?.to_string(), v.clone()))
                        })
                        .collect(),
                };
                (lang.clone(), labels)
            })
            .collect()
    }
}
