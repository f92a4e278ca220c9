//! The search index: for each language, a Pagefind bundle at
//! `/<lang>/pagefind/` that the theme's search page loads piece by piece.
//! `records` says what is indexed (from the site model), `text` turns a
//! rendered body into plain text, `pagefind` is the only file that knows
//! the Pagefind library.

mod pagefind;
mod records;
pub(super) mod text;

pub use pagefind::{File, Indexer, bundle, small_index_chunks};
pub use records::{FILTERS, Record, batches};

use rayon::prelude::*;

use super::{Artifact, Content};
use crate::diag::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::site::Site;
use crate::theme::Theme;

/// The folder of a language's search bundle, relative to the site root.
pub fn bundle_path(lang: &Lang) -> String {
    format!("{lang}/pagefind/")
}

/// Whether `path` is in a language's search bundle (`bundle_path`).
pub fn in_bundle(path: &str) -> bool {
    path.split_once('/')
        .is_some_and(|(_, rest)| rest.starts_with("pagefind/"))
}

/// What the search page of a language needs to know of its bundle.
pub struct Bundle {
    pub lang: Lang,
    /// Names the index by its content: Pagefind adds it to the entry
    /// file's address (`?ts=`), so a new index is never read with an old
    /// entry from a cache, and the address is known before the page runs.
    pub tag: String,
    /// What every first search fetches before its words' chunks, relative
    /// to the bundle's folder: the entry, the metadata, the WebAssembly.
    pub preload: Vec<String>,
}

/// How many records are made and handed to the index at a time: enough
/// to keep both cores busy, few enough that a batch's words are small
/// beside the index (Pagefind folds each page in and drops it).
pub const RECORDS_AT_ONCE: usize = 1024;

/// Up to this many entities the languages are indexed side by side, one
/// after the other above. A language's index, growing as its pages are
/// folded in, was about 2.2 GB at 100,000 entities (the whole build
/// peaked at 7.4 GB with one at a time, 2026-12-02): two at once would
/// take the build past 8 GB there. One at a time costs time (one core
/// waits while a language's pages are folded in); the limit itself was
/// not measured again.
const SIDE_BY_SIDE_UP_TO: usize = 30_000;

/// A language's index: what `deliver` made of its files, and what its
/// search page needs to know; or why it could not be built.
type Indexed<T> = Result<(T, Option<Bundle>), String>;

/// Every file of every language's search bundle, each language's given
/// to `deliver` as soon as that language is indexed (so `build` writes
/// one language's files while the next is still being folded in), and
/// what the search pages need to know of each.
pub fn artifacts<'s, T: Send>(
    site: &'s Site,
    theme: &Theme,
    deliver: impl Fn(Vec<Artifact>) -> T + Sync,
) -> ((Vec<T>, Vec<Bundle>), Diagnostics) {
    let index = |lang: &'s Lang| {
        let records = records::batches(site, theme.strings(lang), lang, RECORDS_AT_ONCE);
        let built = pagefind::bundle(lang.as_str(), records).map(|files| {
            let bundle = bundle_of(lang, &files);
            let files = files
                .into_iter()
                .map(|f| Artifact {
                    path: format!("{}{}", bundle_path(lang), f.name),
                    content: Content::Bytes(f.bytes),
                })
                .collect();
            (deliver(files), bundle)
        });
        (lang, built)
    };
    let languages = &site.config.languages;
    let built: Vec<(&Lang, Indexed<T>)> = if site.entities.len() <= SIDE_BY_SIDE_UP_TO {
        languages.par_iter().map(index).collect()
    } else {
        languages.iter().map(index).collect()
    };
    let mut out = Vec::new();
    let mut bundles = Vec::new();
    let mut diags = Diagnostics::new();
    for (lang, files) in built {
        match files {
            Ok((delivered, bundle)) => {
                bundles.extend(bundle);
                out.push(delivered);
            }
            Err(e) => diags.push(
                Diagnostic::error(crate::t!(
                    "search-index-failed",
                    lang = lang.as_str(),
                    why = e
                ))
                .help(crate::t!("generator-fault-help")),
            ),
        }
    }
    ((out, bundles), diags)
}

/// The metadata file is `pagefind.<hash>.pf_meta`, the hash naming the
/// whole index; an empty index has none.
fn bundle_of(lang: &Lang, files: &[pagefind::File]) -> Option<Bundle> {
    let tag = files.iter().find_map(|f| {
        f.name
            .strip_prefix("pagefind.")?
            .strip_suffix(".pf_meta")
            .map(str::to_string)
    })?;
    let mut preload = vec![
        format!("pagefind-entry.json?ts={tag}"),
        format!("pagefind.{tag}.pf_meta"),
    ];
    let wasm = format!("wasm.{lang}.pagefind");
    if files.iter().any(|f| f.name == wasm) {
        preload.push(wasm);
    }
    Some(Bundle {
        lang: lang.clone(),
        tag,
        preload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_files_are_told_from_pages() {
        let fr = Lang::parse("fr").expect("a language");
        assert!(in_bundle(&format!(
            "{}index/fr_1.pf_index",
            bundle_path(&fr)
        )));
        assert!(!in_bundle("fr/pratiques/pagefind/index.html"));
        assert!(!in_bundle("pagefind/x"));
    }
}
