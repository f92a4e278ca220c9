//! The one file that knows Pagefind, and the tokio runtime it runs on:
//! records in, the files of one language's search bundle out.
//!
//! Each language gets its own index, so the languages can be indexed side
//! by side. Records go in as custom records, all at once, read on rayon's
//! threads; the index is built into files on a current-thread runtime
//! that never leaks out of this file. The text and facets come from the
//! site model, so Pagefind never has to parse the pages we rendered.
//! Pagefind is our patched copy (`vendor/pagefind`, README: "The patched
//! Pagefind"): `add_custom_records` and `into_files` are ours.
//!
//! Two things Pagefind does that the rest of our code never would: making
//! an index reads the working directory (it resolves paths we never give
//! it) and the variable `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (the size of
//! the index's chunks), which `small_index_chunks` sets for the binary.
//! Its output is otherwise a function of the records and their order: the
//! unit test below and the hub's determinism test build twice and compare
//! every byte.

use pagefind::api::{CustomRecord, PagefindIndex};
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
/// stemmer) from batches of records, in their order: each batch is folded
/// into the index before the next is made.
///
/// A panic inside Pagefind (or in the runtime it needs: tokio panics when
/// the system refuses it a thread) comes back as an error, so it becomes a
/// diagnostic beside the others instead of ending the program; nothing of
/// the half-built index is kept.
pub fn bundle(
    lang: &str,
    batches: impl IntoIterator<Item = Vec<Record>>,
) -> Result<Vec<File>, String> {
    // AssertUnwindSafe: after a panic the indexer and the batches are
    // dropped unused, and what the batches read (the site) is not changed
    // by making records.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut indexer = Indexer::new(lang)?;
        for records in batches {
            indexer.add_all(records)?;
        }
        indexer.finish()
    }));
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

    /// Adds `records` after those added before, in their order. Pagefind
    /// reads them side by side on rayon's threads and folds each page's
    /// words into the index (`add_custom_records`, our patch): no thread
    /// of the runtime's in between, so the memory of a record is made and
    /// freed by the threads that build the index, and a page's words are
    /// not kept once they are in it.
    pub fn add_all(&mut self, records: Vec<Record>) -> Result<(), String> {
        let records = records
            .into_iter()
            .map(|r| CustomRecord {
                url: r.url,
                content: r.content,
                language: self.lang.clone(),
                meta: r.meta,
                filters: r.filters,
                sort: Default::default(),
            })
            .collect();
        self.index
            .add_custom_records(records)
            .into_iter()
            .try_for_each(|r| r.map(|_| ()).map_err(|e| e.to_string()))
    }

    pub fn finish(self) -> Result<Vec<File>, String> {
        // `into_files` (our patch, vendor/pagefind) moves the pages into
        // the index instead of copying them: the peak holds them once.
        let files = self
            .runtime
            .block_on(self.index.into_files())
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
            [vec![
                record(
                    "/fr/a/",
                    "A",
                    "Réintégration des migrants de retour.",
                    "Cameroun",
                ),
                record("/fr/b/", "B", "Emploi des jeunes.", "Togo"),
            ]],
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

    /// Records with accented words, title words also in the text, a
    /// field (`date`) on some pages only and several filter values: the
    /// paths of Pagefind's index that our patch (vendor/pagefind) changed.
    /// The first page has no date, so the index meets the fields in
    /// another order than their names' (title, then date), and "mai" is
    /// in a title and a date of the same page: the meta locations are
    /// renumbered at the end. 600 records cross the slices Pagefind reads
    /// at a time (256).
    fn varied_records() -> Vec<Record> {
        (0..600)
            .map(|i| {
                let mut r = record(
                    &format!("/fr/p{i}/"),
                    &format!("Réintégration {i} à Kédougou en mai"),
                    &format!(
                        "Réintégration des migrants de retour, numéro {i}. Kédougou, Tambacounda \
                         et Thiès: l'élan {}. Une réintégration durable.",
                        ["économique", "sociale", "psychosociale"][i % 3]
                    ),
                    ["Sénégal", "Mali", "Côte d'Ivoire"][i % 3],
                );
                if i % 4 == 1 {
                    r.meta
                        .insert("date".to_string(), format!("{} mai 2021", i % 28 + 1));
                    r.filters
                        .entry("country".to_string())
                        .or_default()
                        .push("Gambie".to_string());
                }
                r
            })
            .collect()
    }

    fn sorted(mut files: Vec<File>) -> Vec<(String, Vec<u8>)> {
        files.sort_by(|a, b| a.name.cmp(&b.name));
        files.into_iter().map(|f| (f.name, f.bytes)).collect()
    }

    #[test]
    fn records_read_side_by_side_give_the_index_of_one_at_a_time() {
        // Our path: batches of uneven sizes, each folded into the index.
        let batches: Vec<Vec<Record>> = varied_records().chunks(170).map(|c| c.to_vec()).collect();
        let batch = bundle("fr", batches).unwrap_or_else(|e| panic!("{e}"));
        // Pagefind's own path: a record at a time on the runtime, then
        // `get_files`, which copies the pages instead of moving them.
        let mut one = Indexer::new("fr").unwrap_or_else(|e| panic!("{e}"));
        for r in varied_records() {
            let added = one.index.add_custom_record(
                r.url,
                r.content,
                "fr".to_string(),
                Some(r.meta),
                Some(r.filters),
                None,
            );
            one.runtime
                .block_on(added)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let files = one
            .runtime
            .block_on(one.index.get_files())
            .unwrap_or_else(|e| panic!("{e}"));
        let one: Vec<File> = files
            .into_iter()
            .map(|f| File {
                name: f.filename.to_string_lossy().replace('\\', "/"),
                bytes: f.contents,
            })
            .filter(|f| shipped(&f.name))
            .collect();
        assert!(
            sorted(batch) == sorted(one),
            "the two ways gave different bundles"
        );
    }

    #[test]
    fn a_panic_while_indexing_comes_back_as_an_error() {
        // A real panic on the real path: tokio refuses to block on a
        // runtime from inside another one, as it refuses when the system
        // has no thread left for it.
        let outer = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let got = outer
            .block_on(async { bundle("fr", [vec![record("/fr/a/", "A", "Emploi.", "Togo")]]) });
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
            let mut files = bundle("fr", [records]).unwrap_or_else(|e| panic!("{e}"));
            files.sort_by(|a, b| a.name.cmp(&b.name));
            files
                .into_iter()
                .map(|f| (f.name, f.bytes))
                .collect::<Vec<_>>()
        };
        assert!(make() == make(), "two bundles of the same records differ");
    }
}
