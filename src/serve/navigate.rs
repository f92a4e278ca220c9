//! `serve --navigate`: the page of the file an editor saved last, so open
//! pages go there after the rebuild (as Hugo's `--navigateToChanged`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::site::Site;

/// The address of the page that shows the most recently modified of
/// `changed` (absolute paths under `root`): an entity version's page (a
/// bundle's attachment: its entity's page in the same language, else the
/// first), the home page or a kind's list for their texts. `None` when no
/// page shows any of them (a template, config.yaml, a deleted file).
pub fn page_saved_last(site: &Site, root: &Path, changed: &BTreeSet<PathBuf>) -> Option<String> {
    let newest = changed
        .iter()
        .filter_map(|p| {
            let modified = std::fs::metadata(p).and_then(|m| m.modified()).ok()?;
            Some((modified, p))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))?
        .1;
    page_of(site, &crate::diag::relative(root, newest), newest)
}

fn page_of(site: &Site, rel: &str, path: &Path) -> Option<String> {
    for e in site.entities.values() {
        if let Some(v) = e.versions.values().find(|v| v.file == rel) {
            return Some(site.url(&v.path));
        }
        if e.attachments.iter().any(|a| a.source == path) {
            return e.versions.values().next().map(|v| site.url(&v.path));
        }
    }
    // The text of a theme's or organisation's page.
    if let Some((taxonomy, id, lang)) = site
        .terms
        .iter()
        .find_map(|(key, text)| (text.file == rel).then_some(key))
    {
        return Some(site.url(&Site::taxonomy_path(*taxonomy, lang, Some(id.as_str()))));
    }
    // The text of the home page (`content/_index.fr.md`) or of a list
    // (`content/practices/_index.fr.md`).
    let rest = rel.strip_prefix("content/")?;
    let (folder, file) = rest.rsplit_once('/').unwrap_or(("", rest));
    let lang = file.strip_prefix("_index.")?.strip_suffix(".md")?;
    let lang = site.config.languages.iter().find(|l| l.as_str() == lang)?;
    if folder.is_empty() {
        return Some(site.url(&Site::home_path(lang)));
    }
    let kind = crate::kind::Kind::from_folder(folder)?;
    Some(site.url(&site.list_path(kind, lang)))
}
