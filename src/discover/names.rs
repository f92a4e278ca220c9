//! What a path in `content/` names: a file's kind, id and language from
//! its folder and its name (`practices/retour.fr.md`, a bundle's
//! `meetings/<id>/index.en.md` and its attachments), and every mistake in
//! a name, with the rename that fixes it.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Attachment, Found, SourceTree};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean};
use crate::kind::{Kind, Taxonomy, check_id, suggest_id};
use crate::lang::Lang;

#[allow(clippy::too_many_arguments)]
pub(super) fn classify(
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
            if kind.is_none() && Taxonomy::from_folder(&parts[0]).is_none() {
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
                Some(("_index", lang)) => found.push(Found::new(path, rel, lang)),
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
            if let Some(taxonomy) = Taxonomy::from_folder(&parts[0]) {
                return term_text(parts, is_dir, path, rel, taxonomy, config, found, diags);
            }
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
            Diagnostic::error(crate::t!(
                "file-attachment-refused",
                name = crate::diag::escape_controls(&name),
                why = why
            ))
            .at(Span::file(rel))
            .help(crate::t!(
                "file-attachment-refused-help",
                list = crate::file_types::attachment_extensions()
            )),
        );
        return;
    }
    // Opened now, so that `check` finds an attachment `build` could not copy.
    let bytes = match crate::nofollow::open_regular(path) {
        Ok((file, _)) => file.metadata().map_or(0, |m| m.len()),
        Err(e) => {
            diags.push(
                Diagnostic::error(crate::t!(
                    "file-cannot-read",
                    file = rel,
                    why = e.to_string()
                ))
                .at(Span::file(rel))
                .help(crate::t!("file-cannot-read-help")),
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
        kind: Some(kind),
        id,
        bundle,
        ..Found::new(path, rel, lang)
    });
}

/// `content/themes/<id>.<lang>.md` (or `organisations/`): the text of a
/// term's page, for a term config.yaml has. Nothing else lives there.
#[allow(clippy::too_many_arguments)]
fn term_text(
    parts: &[String],
    is_dir: bool,
    path: &Path,
    rel: &str,
    taxonomy: Taxonomy,
    config: &Config,
    found: &mut Vec<Found>,
    diags: &mut Diagnostics,
) {
    if parts.len() > 2 {
        // Reported with its folder.
        return;
    }
    if is_dir {
        diags.push(
            Diagnostic::error(crate::t!("file-term-folder", folder = taxonomy.name()))
                .at(Span::file(rel))
                .help(crate::t!("file-term-folder-help", folder = taxonomy.name())),
        );
        return;
    }
    let Some(stem) = parts[1].strip_suffix(".md") else {
        return ignored(rel, diags);
    };
    let Some((id, lang)) = split_lang(stem, rel, config, diags) else {
        return;
    };
    let terms = config.terms(taxonomy);
    if !terms.contains_key(id) {
        let d = Diagnostic::error(crate::t!(
            "file-unknown-term",
            what = taxonomy.name(),
            id = id
        ))
        .at(Span::file(rel));
        diags.push(match did_you_mean(id, terms.keys().map(String::as_str)) {
            Some(h) => d.help(crate::t!(
                "file-rename",
                name = format!("{h}.{}.md", lang.as_str())
            )),
            None => d.help(crate::t!(
                "file-unknown-term-help",
                what = taxonomy.name(),
                list = terms.keys().cloned().collect::<Vec<_>>().join(", ")
            )),
        });
        return;
    }
    found.push(Found {
        term: Some((taxonomy, id.to_string())),
        ..Found::new(path, rel, lang)
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
pub(super) fn without_duplicates(found: Vec<Found>, diags: &mut Diagnostics) -> Vec<Found> {
    type Key = (
        Option<Kind>,
        Option<String>,
        Option<(Taxonomy, String)>,
        Lang,
    );
    let mut seen: BTreeMap<Key, String> = BTreeMap::new();
    let mut kept = Vec::with_capacity(found.len());
    for f in found {
        let key = (f.kind, f.id.clone(), f.term.clone(), f.lang.clone());
        if let Some(first) = seen.get(&key) {
            let what = match (&f.kind, &f.id, &f.term) {
                (Some(k), Some(id), _) => crate::t!("file-what-entity", kind = k.name(), id = id),
                (Some(k), None, _) => crate::t!("file-what-list", kind = k.name()),
                (None, _, Some((t, id))) => crate::t!("file-what-term", what = t.name(), id = id),
                (None, _, None) => crate::t!("file-what-home"),
            };
            diags.push(
                Diagnostic::error(crate::t!(
                    "file-duplicate-version",
                    lang = f.lang.as_str(),
                    what = what
                ))
                .at(Span::file(&f.file))
                .help(crate::t!("file-duplicate-version-help", other = first)),
            );
            continue;
        }
        seen.insert(key, f.file.clone());
        kept.push(f);
    }
    kept
}
