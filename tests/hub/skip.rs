//! The one way a test says it did not run. libtest captures what `eprintln!`
//! prints and shows it only for a failing test, so a test that returns
//! early would read as `ok` with nothing said; `skipped!` writes to the
//! process's standard error itself, where `cargo test` shows it, as
//! `SKIPPED <test>: <why>`. `.ci/run` counts those lines and fails when
//! there is any: in CI every tool a test needs is installed, and a test
//! that skipped there did not run.

/// `skipped!("test_name", "why {}", x)`: prints the line, then returns
/// from the test.
macro_rules! skipped {
    ($test:expr, $($why:tt)+) => {{
        $crate::skip::say($test, &format!($($why)+));
        return;
    }};
}

/// Writes `SKIPPED <test>: <why>` past libtest's capture.
pub fn say(test: &str, why: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {why}");
}
