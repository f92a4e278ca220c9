//! Property tests over the whole pipeline (config → … → output, in
//! process): whatever bytes a content file holds, the run gives the page or
//! diagnostics, never a panic, a hang or a stack overflow, and a page it
//! gives is inert (no script, style or handler survives). `PROPTEST_CASES`
//! sets how many cases run; the default keeps `cargo test` quick, and a
//! long run is
//! `PROPTEST_CASES=20000 cargo test --release --test hub fuzz`.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use rabat_hub::output::{Artifact, Content};

use crate::support::{Site, live_markup};

const FILE: &str = "content/pages/x.fr.md";

/// How many cases each property runs: `PROPTEST_CASES`, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Runs the whole pipeline on `root` in a thread, as `build` does: the
/// files it made, or `None` when it reported errors. A run over 30 s is a
/// hang and a panic is a failure (the thread's channel closes unanswered).
pub fn generate(root: PathBuf) -> Result<Option<Vec<Artifact>>, TestCaseError> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        use rabat_hub::pipeline::{Changes, Pipeline, Purpose, Settings};
        let settings = Settings {
            purpose: Purpose::Build,
            drafts: false,
            base_url: None,
            cache_dir: None,
        };
        let g = Pipeline::new(&root, settings).run(Changes::Everything, None);
        let _ = tx.send((!g.diags.has_errors()).then_some(g.artifacts));
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(o) => Ok(o),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(TestCaseError::fail("the pipeline hung")),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(TestCaseError::fail("the pipeline panicked"))
        }
    }
}

/// The text of the page at `path` among `artifacts`.
pub fn text_of(artifacts: &[Artifact], path: &str) -> Option<String> {
    artifacts
        .iter()
        .find(|a| a.path == path)
        .and_then(|a| match &a.content {
            Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            Content::Copy(_) | Content::Image(_) => None,
        })
}

/// Writes `bytes` as the content file and checks the run's outcome.
fn check(site: &Site, bytes: &[u8]) -> Result<(), TestCaseError> {
    site.write_bytes(FILE, bytes);
    let Some(artifacts) = generate(site.root.clone())? else {
        return Ok(());
    };
    match text_of(&artifacts, "fr/pages/x/index.html") {
        Some(html) => {
            let live = live_markup(&scraper::Html::parse_document(&html));
            prop_assert!(live.is_empty(), "live markup {live:?} in\n{html}");
            Ok(())
        }
        // A draft is left out without a word; nothing else may vanish.
        None => {
            prop_assert!(
                String::from_utf8_lossy(bytes).contains("draft"),
                "neither a page nor a diagnostic"
            );
            Ok(())
        }
    }
}

fn run(strategy: impl Strategy<Value = Vec<u8>>) {
    let site = Site::fixture("bad-input/minimal");
    let mut runner = TestRunner::new(Config::with_cases(cases(48)));
    if let Err(e) = runner.run(&strategy, |bytes| check(&site, &bytes)) {
        panic!("{e}");
    }
}

/// Pieces of Markdown and of HTML, friendly and hostile.
fn body_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("## Titre {#id}".to_string()),
        Just("## T {onclick=alert(1) style=x}".to_string()),
        Just("*".to_string()),
        Just("_".to_string()),
        Just("`".to_string()),
        Just("```yaml\n".to_string()),
        Just("```\n".to_string()),
        Just("    ".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("| a | b |\n|:-:|--:|\n".to_string()),
        Just("[lien](@/pages/about)".to_string()),
        Just("[x](@/pages/nope#h)".to_string()),
        Just("[x](https://e.org)".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("![i](data:image/png;base64,AA)".to_string()),
        Just("<https://e.org>".to_string()),
        Just("[^1]".to_string()),
        Just("[^1]: note".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("<script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:alert(1)\">a</a>".to_string()),
        Just("<a href=\" java\nscript:x\">".to_string()),
        Just("<iframe src=//e.org>".to_string()),
        Just("<style>*{}</style>".to_string()),
        Just("<p style=\"x\" onclick='y'>".to_string()),
        Just("<svg onload=alert(1)>".to_string()),
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\"".to_string()),
        Just("&amp;".to_string()),
        Just("\r\n".to_string()),
        Just("é".to_string()),
        "[a-zA-Z ]{1,12}",
    ]
}

#[test]
fn any_bytes_give_a_page_or_diagnostics() {
    run(prop::collection::vec(any::<u8>(), 0..3000));
}

#[test]
fn any_front_matter_gives_a_page_or_diagnostics() {
    let piece = prop_oneof![
        Just("title: ".to_string()),
        Just("summary: ".to_string()),
        Just("draft: true".to_string()),
        Just("slug: ".to_string()),
        Just("aliases: [/a/]".to_string()),
        Just("themes: [return-readmission-reintegration]".to_string()),
        Just("date: 2021-02-30".to_string()),
        Just("\n".to_string()),
        Just(": ".to_string()),
        Just("- ".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("\"".to_string()),
        Just("\t".to_string()),
        Just("<script>".to_string()),
        "[a-z]{1,6}",
    ];
    run(prop::collection::vec(piece, 0..40)
        .prop_map(|p| format!("---\n{}\n---\n\nTexte.\n", p.concat()).into_bytes()));
}

#[test]
fn any_body_gives_a_page_or_diagnostics_and_the_page_is_inert() {
    run(prop::collection::vec(body_piece(), 0..60)
        .prop_map(|p| format!("---\ntitle: T\n---\n{}", p.concat()).into_bytes()));
}
