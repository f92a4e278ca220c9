//! `config.yaml`: read strictly (`RawConfig`), then checked into `Config`.
//!
//! Every problem is a diagnostic that points into config.yaml; the build
//! goes no further without a valid configuration.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean};
use crate::kind::{Kind, check_id};
use crate::lang::Lang;
use crate::yaml::{self, Seg, Source};

mod base_url;
mod identity;
mod media;
pub use base_url::BaseUrl;
pub use identity::{Identity, Image};
pub use media::Media;

#[cfg(test)]
mod tests;

pub const FILE: &str = "config.yaml";

/// URL segments under `/<lang>/` that the generator's own pages take.
pub const RESERVED_SEGMENTS: [&str; 5] = ["themes", "organisations", "matrix", "search", "editors"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: BTreeMap<String, String>,
    #[serde(default)]
    description: BTreeMap<String, String>,
    base_url: String,
    default_language: String,
    languages: Vec<String>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default)]
    sections: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    taxonomies: RawTaxonomies,
    #[serde(default)]
    unsafe_html: bool,
    #[serde(default)]
    cms: Option<CmsConfig>,
    #[serde(default)]
    identity: identity::RawIdentity,
    #[serde(default)]
    media: Media,
}

/// Where the published web editor (`/admin/`) saves: a Git host's
/// repository and branch (`cms: { backend: github, repo: owner/name }`).
/// Without it, `build` publishes no `/admin/`; `serve` always has one,
/// saving into the local checkout.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CmsConfig {
    /// `github` or `gitlab`.
    pub backend: String,
    /// `owner/name`.
    pub repo: String,
    #[serde(default = "default_branch")]
    pub branch: String,
    /// The OAuth server that signs editors in (Decap's `base_url`), when
    /// not the Git host's own PKCE flow.
    #[serde(default)]
    pub auth_url: Option<String>,
    /// The OAuth application's client id, for the PKCE sign-in
    /// (Decap's `app_id`), which needs no server of our own.
    #[serde(default)]
    pub app_id: Option<String>,
}

fn default_branch() -> String {
    "main".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTaxonomies {
    #[serde(default)]
    themes: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    organisations: BTreeMap<String, BTreeMap<String, String>>,
}

/// Text in every language of the site.
pub type Localized = BTreeMap<Lang, String>;

#[derive(Debug, Clone)]
pub struct Config {
    pub title: Localized,
    pub description: Localized,
    pub base_url: BaseUrl,
    pub default_language: Lang,
    /// The default language first, then the others in the order listed.
    pub languages: Vec<Lang>,
    pub theme: String,
    sections: BTreeMap<(Kind, Lang), String>,
    /// Theme id → label per language.
    pub themes: BTreeMap<String, Localized>,
    /// Organisation id → label per language.
    pub organisations: BTreeMap<String, Localized>,
    /// Raw HTML in bodies is published as written, not sanitised: only
    /// for a site whose every contributor is trusted (`unsafe_html: true`).
    pub unsafe_html: bool,
    /// The published web editor, when config.yaml asks for one.
    pub cms: Option<CmsConfig>,
    /// The site's tagline, logo, funders, footer text and links.
    pub identity: Identity,
    /// How images are resized; when originals and documents are heavy.
    pub media: Media,
}

impl Config {
    /// The URL segment of a kind's pages in a language.
    /// The terms of a taxonomy, with their labels.
    pub fn terms(&self, taxonomy: crate::kind::Taxonomy) -> &BTreeMap<String, Localized> {
        match taxonomy {
            crate::kind::Taxonomy::Themes => &self.themes,
            crate::kind::Taxonomy::Organisations => &self.organisations,
        }
    }

    pub fn section(&self, kind: Kind, lang: &Lang) -> &str {
        self.sections
            .get(&(kind, lang.clone()))
            .map_or(kind.folder(), String::as_str)
    }

    pub fn lang(&self, code: &str) -> Option<&Lang> {
        self.languages.iter().find(|l| l.as_str() == code)
    }
}

/// Reads and checks `root/config.yaml`.
pub fn load(root: &Path) -> Result<Config, Diagnostics> {
    let path = root.join(FILE);
    // A link could point anywhere on the machine, and a pipe would make
    // the read wait forever: only a regular file is read.
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && !meta.is_file()
    {
        let mut d = Diagnostics::new();
        d.push(
            Diagnostic::error(crate::t!("config-not-regular", file = FILE))
                .at(Span::file(FILE))
                .help(crate::t!("config-not-regular-help")),
        );
        return Err(d);
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            let mut d = Diagnostics::new();
            d.push(
                Diagnostic::error(crate::t!(
                    "config-cannot-read",
                    file = FILE,
                    why = e.to_string()
                ))
                .at(Span::file(FILE))
                .help(crate::t!(
                    "config-cannot-read-help",
                    root = root.display().to_string()
                )),
            );
            return Err(d);
        }
    };
    parse(&text)
}

/// Checks a configuration given as text (the file's content).
pub fn parse(text: &str) -> Result<Config, Diagnostics> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let whole = Source::whole(FILE, text);
    let mut diags = Diagnostics::new();
    // Read once; the tree then places every value a check points at.
    let tree = match yaml::read(&whole) {
        Ok(t) => t,
        Err(e) => {
            diags.push(yaml::to_diagnostic(&whole, &e));
            return Err(diags);
        }
    };
    let src = whole.with_tree(&tree);
    let raw: RawConfig = match yaml::typed(&tree) {
        Ok(r) => r,
        Err(e) => {
            diags.push(yaml::to_diagnostic(&src, &e));
            return Err(diags);
        }
    };
    let at = |path: &[Seg<'_>]| src.span_of(path);

    let mut languages = Vec::new();
    for (i, code) in raw.languages.iter().enumerate() {
        match Lang::parse(code) {
            Ok(l) if languages.contains(&l) => diags.push(
                Diagnostic::error(crate::t!("config-language-twice", code = code.as_str()))
                    .at(at(&[Seg::Key("languages"), Seg::Index(i)])),
            ),
            Ok(l) => languages.push(l),
            Err(m) => {
                diags.push(Diagnostic::error(m).at(at(&[Seg::Key("languages"), Seg::Index(i)])))
            }
        }
    }
    if raw.languages.is_empty() {
        diags.push(
            Diagnostic::error(crate::t!("config-no-languages"))
                .at(at(&[Seg::Key("languages")]))
                .help(crate::t!("config-no-languages-help")),
        );
    }
    let default_language = match languages
        .iter()
        .find(|l| l.as_str() == raw.default_language)
    {
        Some(l) => l.clone(),
        None => {
            diags.push(
                Diagnostic::error(crate::t!(
                    "config-default-language",
                    code = &raw.default_language
                ))
                .at(at(&[Seg::Key("default_language")]))
                .help(crate::t!("config-default-language-help")),
            );
            languages
                .first()
                .cloned()
                .unwrap_or_else(|| Lang::parse("fr").unwrap_or_else(|_| unreachable!()))
        }
    };
    languages.sort_by_key(|l| *l != default_language);

    let title = localized(&raw.title, &["title"], &languages, &src, &mut diags, true);
    let description = localized(
        &raw.description,
        &["description"],
        &languages,
        &src,
        &mut diags,
        false,
    );

    let base_url = match BaseUrl::parse(raw.base_url.trim()) {
        Ok(u) => u,
        Err(why) => {
            diags.push(
                Diagnostic::error(crate::t!(
                    "config-base-url",
                    url = raw.base_url.trim(),
                    why = why
                ))
                .at(at(&[Seg::Key("base_url")]))
                .help(crate::t!("config-base-url-help")),
            );
            BaseUrl::parse("/").unwrap_or_else(|_| unreachable!("`/` is a base URL"))
        }
    };

    if let Err(why) = check_id(&raw.theme) {
        diags.push(
            Diagnostic::error(crate::t!("config-theme-name", name = &raw.theme, why = why))
                .at(at(&[Seg::Key("theme")])),
        );
    }

    let mut sections = BTreeMap::new();
    let mut taken: BTreeMap<(Lang, String), Kind> = BTreeMap::new();
    for (folder, per_lang) in &raw.sections {
        let Some(kind) = Kind::from_folder(folder) else {
            diags.push(
                Diagnostic::error(crate::t!("link-not-a-kind", folder = folder.as_str()))
                    .at(at(&[Seg::Key("sections"), Seg::Key(folder)]))
                    .help_opt(
                        did_you_mean(folder, Kind::folders())
                            .map(|h| crate::t!("did-you-mean", name = h)),
                    ),
            );
            continue;
        };
        for (code, segment) in per_lang {
            let here = [Seg::Key("sections"), Seg::Key(folder), Seg::Key(code)];
            let Some(lang) = languages.iter().find(|l| l.as_str() == code) else {
                diags.push(unknown_language(code, &languages, at(&here)));
                continue;
            };
            if RESERVED_SEGMENTS.contains(&segment.as_str()) {
                diags.push(
                    Diagnostic::error(crate::t!(
                        "config-reserved-segment",
                        segment = segment.as_str()
                    ))
                    .at(at(&here))
                    .help(crate::t!(
                        "config-reserved-segment-help",
                        list = RESERVED_SEGMENTS.join(", ")
                    )),
                );
            }
            if let Err(why) = check_id(segment) {
                diags.push(
                    Diagnostic::error(crate::t!("fm-bad-slug", slug = segment.as_str(), why = why))
                        .at(at(&here)),
                );
            }
            if let Some(other) = taken.insert((lang.clone(), segment.clone()), kind) {
                diags.push(
                    Diagnostic::error(crate::t!(
                        "config-segment-twice",
                        segment = segment.as_str(),
                        code = code.as_str(),
                        one = other.folder(),
                        two = kind.folder()
                    ))
                    .at(at(&here)),
                );
            }
            sections.insert((kind, lang.clone()), segment.clone());
        }
    }

    let themes = taxonomy(
        &raw.taxonomies.themes,
        "themes",
        &languages,
        &src,
        &mut diags,
    );
    let organisations = taxonomy(
        &raw.taxonomies.organisations,
        "organisations",
        &languages,
        &src,
        &mut diags,
    );

    if let Some(cms) = &raw.cms {
        check_cms(cms, &at, &mut diags);
    }
    let identity = identity::check(&raw.identity, &languages, &src, &mut diags);
    if let Some(why) = raw.media.widths_problem() {
        diags.push(
            Diagnostic::error(why)
                .at(at(&[Seg::Key("media"), Seg::Key("widths")]))
                .help(crate::t!("config-media-widths-help")),
        );
    }

    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Config {
        title,
        description,
        base_url,
        default_language,
        languages,
        theme: raw.theme,
        sections,
        themes,
        organisations,
        unsafe_html: raw.unsafe_html,
        cms: raw.cms,
        identity,
        media: raw.media,
    })
}

/// The web editor's repository must be one the CMS can reach.
fn check_cms(cms: &CmsConfig, at: &dyn Fn(&[Seg<'_>]) -> Span, diags: &mut Diagnostics) {
    if !matches!(cms.backend.as_str(), "github" | "gitlab") {
        diags.push(
            Diagnostic::error(crate::t!("config-cms-backend", name = &cms.backend))
                .at(at(&[Seg::Key("cms"), Seg::Key("backend")]))
                .help(crate::t!("config-cms-backend-help")),
        );
    }
    let parts: Vec<&str> = cms.repo.split('/').collect();
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.trim().is_empty() || p.contains(char::is_whitespace))
    {
        diags.push(
            Diagnostic::error(crate::t!("config-cms-repo", name = &cms.repo))
                .at(at(&[Seg::Key("cms"), Seg::Key("repo")]))
                .help(crate::t!("config-cms-repo-help")),
        );
    }
}

fn unknown_language(code: &str, languages: &[Lang], span: Span) -> Diagnostic {
    let names: Vec<&str> = languages.iter().map(Lang::as_str).collect();
    Diagnostic::error(crate::t!(
        "config-unknown-language",
        code = code,
        list = names.join(", ")
    ))
    .at(span)
    .help(crate::t!("config-unknown-language-help"))
}

/// A `{ fr: …, en: … }` map checked against the site's languages.
fn localized(
    raw: &BTreeMap<String, String>,
    path: &[&str],
    languages: &[Lang],
    src: &Source<'_>,
    diags: &mut Diagnostics,
    required: bool,
) -> Localized {
    let segs: Vec<Seg<'_>> = path.iter().map(|k| Seg::Key(k)).collect();
    let mut out = Localized::new();
    for (code, text) in raw {
        let mut here = segs.clone();
        here.push(Seg::Key(code));
        match languages.iter().find(|l| l.as_str() == code) {
            Some(l) => {
                // Titles and labels reach pages, feeds and terminals: a
                // control character there is a mistake, or an attack.
                if let Some(c) = text
                    .chars()
                    .find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
                {
                    diags.push(
                        Diagnostic::error(crate::t!(
                            "config-control-character",
                            path = path.join("."),
                            code = c.escape_unicode().to_string()
                        ))
                        .at(src.span_of(&here))
                        .help(crate::t!("config-control-character-help")),
                    );
                }
                out.insert(l.clone(), text.clone());
            }
            None => diags.push(unknown_language(code, languages, src.span_of(&here))),
        }
    }
    if required || !raw.is_empty() {
        for l in languages {
            if !out.contains_key(l) {
                diags.push(
                    Diagnostic::error(crate::t!(
                        "config-no-text",
                        path = path.join("."),
                        lang = l.as_str()
                    ))
                    .at(src.span_of(&segs))
                    .help(crate::t!("config-no-text-help", lang = l.as_str())),
                );
            }
        }
    }
    out
}

fn taxonomy(
    raw: &BTreeMap<String, BTreeMap<String, String>>,
    name: &str,
    languages: &[Lang],
    src: &Source<'_>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Localized> {
    let mut out = BTreeMap::new();
    for (id, labels) in raw {
        if let Err(why) = check_id(id) {
            diags.push(
                Diagnostic::error(crate::t!(
                    "config-bad-term-id",
                    id = id.as_str(),
                    what = name,
                    why = why
                ))
                .at(src.span_of(&[Seg::Key("taxonomies"), Seg::Key(name), Seg::Key(id)]))
                .help(crate::t!("fm-use", value = crate::kind::suggest_id(id))),
            );
        }
        let l = localized(
            labels,
            &["taxonomies", name, id],
            languages,
            src,
            diags,
            true,
        );
        out.insert(id.clone(), l);
    }
    out
}
