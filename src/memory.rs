//! How the process takes memory from the kernel: small pages, not
//! transparent huge ones (Linux, through rustix; elsewhere nothing).
//!
//! mimalloc (the binary's allocator, `src/main.rs`) asks for huge pages
//! (`madvise(MADV_HUGEPAGE)`) on the regions it reserves. Building the
//! search index fills and frees hash tables and vectors by the million;
//! with huge pages every fresh 2 MB the allocator touches is zeroed whole
//! by the kernel, and a purged one is zeroed again when it is reused. On
//! the 2,000-entity Zipf hub that zeroing was over a quarter of the
//! build's CPU samples (`clear_page_erms`, perf); with small pages the
//! kernel time of a build fell by about 1.5 s and the peak memory did not
//! grow (README, Performance). This is the process-wide form of
//! `MIMALLOC_ALLOW_THP=0`, which mimalloc reads before `main`.

/// Turns transparent huge pages off for this process and its children.
/// Call it first thing in `main`; a failure only leaves the default.
pub fn prefer_small_pages() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
}
