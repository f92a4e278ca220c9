//! The one file that knows Pagefind, and the tokio runtime it runs on:
//! records in, the files of one language's search bundle out.
//!
//! Each language gets its own index, built on its own current-thread
//! runtime, so the languages can be indexed side by side and the runtime
//! never leaks out of this file. Records go in as custom records: the text
//! and facets come from the site model, so Pagefind never has to parse
//! the pages we rendered.
//!
//! Two things Pagefind does that the rest of our code never would: making
//! an index reads the working directory (it resolves paths we never give
//! it) and the variable `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (the size of
//! the index's chunks), which `small_index_chunks` sets for the binary.
//! Its output is otherwise a function of the records and their order: the
//! unit test below and the hub's determinism test build twice and compare
//! every byte.

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::records::Record;

/// The word locations after which Pagefind closes an index chunk: 5,000
/// instead of its 20,000. A first search fetches the one chunk that holds
/// its word; with smaller chunks that chunk holds fewer of the words
/// beside it. Measured on the generated 10,000-entity hub, on Lighthouse's
/// mobile line (bench/search.sh): "Cameroun" went from 291 KB and 2.26 s
/// to 178 KB and 1.71 s, a word on every page from 402 KB to 289 KB; the
/// metadata file grew by 1 KB. Smaller still (1,500) changed nothing.
const INDEX_CHUNK_SIZE: &str = "5000";

/// Pagefind reads the chunk size only from its environment variable
/// `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`: sets it, unless the user did.
///
/// # Safety
/// Setting the environment is only sound while no other thread exists:
/// call this first thing in `main`.
#[allow(unsafe_code)] // the one place the crate touches the environment
pub unsafe fn small_index_chunks() {
    const VAR: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";
    if std::env::var_os(VAR).is_none() {
        // SAFETY: the caller promises a single thread (see above).
        unsafe { std::env::set_var(VAR, INDEX_CHUNK_SIZE) };
    }
}

/// One file of a search bundle, named relative to the bundle's folder.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Builds the search bundle of `lang` (an ISO 639-1 code: it picks the
/// stemmer) from `records`, in their order.
///
/// A panic inside Pagefind (or in the runtime it needs: tokio panics when
/// the system refuses it a thread) comes back as an error, so it becomes a
/// diagnostic beside the others instead of ending the program; nothing of
/// the half-built index is kept.
pub fn bundle(lang: &str, records: Vec<Record>) -> Result<Vec<File>, String> {
    let built = std::panic::catch_unwind(move || {
        let mut indexer = Indexer::new(lang)?;
        for r in records {
            indexer.add(r)?;
        }
        indexer.finish()
    });
    built.unwrap_or_else(|panic| Err(panic_message(panic.as_ref())))
}

/// The text a panic was raised with (`panic!` gives a `&str` or a
/// `String`; anything else is unusual enough to say so).
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| crate::t!("search-panic-no-message"))
}

/// One language's index being filled; `finish` builds it into files.
pub struct Indexer {
    runtime: tokio::runtime::Runtime,
    index: PagefindIndex,
    lang: String,
}

impl Indexer {
    pub fn new(lang: &str) -> Result<Indexer, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| crate::t!("search-no-runtime", why = e.to_string()))?;
        let options = PagefindServiceConfig::builder()
            .force_language(lang.to_string())
            .build();
        let index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        Ok(Indexer {
            runtime,
            index,
            lang: lang.to_string(),
        })
    }

    pub fn add(&mut self, r: Record) -> Result<(), String> {
        let added = self.index.add_custom_record(
            r.url,
            r.content,
            self.lang.clone(),
            Some(r.meta),
            Some(r.filters),
            None,
        );
        self.runtime
            .block_on(added)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    pub fn finish(mut self) -> Result<Vec<File>, String> {
        let files = self
            .runtime
            .block_on(self.index.get_files())
            .map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            .map(|f| File {
                name: f.filename.to_string_lossy().replace('\\', "/"),
                bytes: f.contents,
            })
            .filter(|f| shipped(&f.name))
            .collect())
    }
}

/// What the browser needs: the search API (`pagefind.js`), the language's
/// WebAssembly, the entry and meta files, the index, filter and fragment
/// chunks. Pagefind's own interfaces (`pagefind-ui`, modular and
/// component UIs, highlighting), its web worker (our page runs the search
/// on the main thread, one download fewer) and the stemmer-less
/// WebAssembly for pages of no known language are left out: the theme's
/// `search.js` is the interface.
fn shipped(name: &str) -> bool {
    name == "pagefind.js"
        || name == "pagefind-entry.json"
        || (name.starts_with("wasm.") && name != "wasm.unknown.pagefind")
        || name.ends_with(".pf_meta")
        || name.starts_with("index/")
        || name.starts_with("filter/")
        || name.starts_with("fragment/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn record(url: &str, title: &str, content: &str, country: &str) -> Record {
        Record {
            url: url.to_string(),
            content: content.to_string(),
            meta: BTreeMap::from([("title".to_string(), title.to_string())]),
            filters: BTreeMap::from([("country".to_string(), vec![country.to_string()])]),
        }
    }

    #[test]
    fn a_bundle_has_what_the_browser_needs_and_nothing_else() {
        let files = bundle(
            "fr",
            vec![
                record(
                    "/fr/a/",
                    "A",
                    "Réintégration des migrants de retour.",
                    "Cameroun",
                ),
                record("/fr/b/", "B", "Emploi des jeunes.", "Togo"),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        for wanted in ["pagefind.js", "pagefind-entry.json", "wasm.fr.pagefind"] {
            assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
        }
        for prefix in ["index/", "filter/", "fragment/"] {
            assert!(names.iter().any(|n| n.starts_with(prefix)), "no {prefix}");
        }
        assert!(names.iter().any(|n| n.ends_with(".pf_meta")));
        assert!(
            !names
                .iter()
                .any(|n| n.contains("ui") || n.contains("worker"))
        );
        assert_eq!(
            files
                .iter()
                .filter(|f| f.name.starts_with("fragment/"))
                .count(),
            2
        );
        let entry = files
            .iter()
            .find(|f| f.name == "pagefind-entry.json")
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
            .unwrap_or_default();
        let entry: serde_json::Value = serde_json::from_str(&entry).unwrap_or_default();
        assert_eq!(entry["languages"]["fr"]["page_count"], 2);
    }

    #[test]
    fn a_panic_while_indexing_comes_back_as_an_error() {
        // A real panic on the real path: tokio refuses to block on a
        // runtime from inside another one, as it refuses when the system
        // has no thread left for it.
        let outer = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let got =
            outer.block_on(async { bundle("fr", vec![record("/fr/a/", "A", "Emploi.", "Togo")]) });
        let message = got.err().unwrap_or_default();
        assert!(message.contains("runtime"), "{message}");
    }

    #[test]
    fn the_same_records_give_the_same_bytes() {
        let make = || {
            let records = (0..50)
                .map(|i| {
                    record(
                        &format!("/fr/p{i}/"),
                        &format!("Page {i}"),
                        &format!("Retour volontaire et réintégration, numéro {i}."),
                        if i % 2 == 0 { "Cameroun" } else { "Togo" },
                    )
                })
                .collect();
            let mut files = bundle("fr", records).unwrap_or_else(|e| panic!("{e}"));
            files.sort_by(|a, b| a.name.cmp(&b.name));
            files
                .into_iter()
                .map(|f| (f.name, f.bytes))
                .collect::<Vec<_>>()
        };
        assert!(make() == make(), "two bundles of the same records differ");
    }
}
