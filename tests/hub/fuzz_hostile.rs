//! Property tests, round two: whatever `config.yaml` says and whatever
//! files a bundle holds, the pipeline (in process) gives a site or
//! diagnostics, never a panic or a hang; and a site it gives keeps its
//! promises: robots.txt and print.css hold no line or rule of the
//! config's making, every XML file parses, every attachment published is
//! a document type and listed as a download, no HTML, script or SVG of a
//! bundle is published. `PROPTEST_CASES` sets how many cases run (module
//! name `fuzz_…`, so `cargo test fuzz` runs these with the others).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rabat_hub::output::{Artifact, Content};

use crate::fuzz::{cases, generate, text_of};
use crate::support::Site;

/// The promises every site made keeps, whatever its input.
fn check_site(artifacts: &[Artifact]) -> Result<(), TestCaseError> {
    let robots = text_of(artifacts, "robots.txt").unwrap_or_default();
    prop_assert_eq!(robots.lines().count(), 4, "robots.txt: {:?}", robots);
    prop_assert!(
        robots
            .lines()
            .nth(3)
            .is_some_and(|l| l.starts_with("Sitemap: "))
    );
    let print = text_of(artifacts, "print.css").unwrap_or_default();
    prop_assert_eq!(print.lines().count(), 2, "print.css: {:?}", print);
    prop_assert_eq!(print.matches('"').count(), 2, "print.css: {:?}", print);
    let rules = (print.matches('{').count(), print.matches('}').count());
    prop_assert_eq!(rules, (1, 1), "print.css: {:?}", print);
    prop_assert!(!print.contains('\\'), "print.css: {:?}", print);
    for a in artifacts.iter().filter(|a| a.path.ends_with(".xml")) {
        let text = text_of(artifacts, &a.path).unwrap_or_default();
        if let Err(e) = roxmltree::Document::parse(&text) {
            return Err(TestCaseError::fail(format!("{} is not XML: {e}", a.path)));
        }
    }
    Ok(())
}

fn config_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://hub.example.org/".to_string()),
        Just("https://".to_string()),
        Just("http://".to_string()),
        Just("//".to_string()),
        Just("/".to_string()),
        Just("evil.test".to_string()),
        Just("\\n".to_string()),
        Just("\\r".to_string()),
        Just("\\f".to_string()),
        Just("\\e[2J".to_string()),
        Just("\\uFFFE".to_string()),
        Just("\\\"".to_string()),
        Just("\\\\".to_string()),
        Just("}".to_string()),
        Just(";".to_string()),
        Just(":".to_string()),
        Just("@".to_string()),
        Just("?".to_string()),
        Just("#".to_string()),
        Just("..".to_string()),
        Just(" ".to_string()),
        Just("é".to_string()),
        Just("<script>".to_string()),
        "[a-z0-9.-]{1,8}",
    ]
}

#[test]
fn any_config_gives_a_site_or_diagnostics_and_the_site_keeps_its_promises() {
    let site = Site::fixture("bad-input/minimal");
    let base = site.read("config.yaml");
    let kept: Vec<String> = base
        .lines()
        .filter(|l| !l.starts_with("base_url:") && !l.starts_with("title:"))
        .map(str::to_string)
        .collect();
    // Half the addresses begin as a good one does, so that many cases
    // build a site whose promises are then checked.
    let start = prop_oneof![
        Just(String::new()),
        Just("https://hub.example.org".to_string()),
        Just("http://127.0.0.1:8321/".to_string()),
        Just("/".to_string()),
    ];
    let strategy = (
        start,
        prop::collection::vec(config_piece(), 0..6),
        prop::collection::vec(config_piece(), 0..4),
    );
    let built = std::sync::atomic::AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config::with_cases(cases(24)));
    let result = runner.run(&strategy, |(start, url, title)| {
        let config = format!(
            "base_url: \"{start}{}\"\ntitle: {{ fr: \"{}\", en: \"T\" }}\n{}\n",
            url.concat(),
            title.concat(),
            kept.join("\n")
        );
        site.write("config.yaml", &config);
        match generate(site.root.clone())? {
            Some(artifacts) => {
                built.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                check_site(&artifacts)
            }
            None => Ok(()),
        }
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let built = built.into_inner();
    eprintln!(
        "fuzz_hostile config: {} cases, {built} built a site",
        cases(24)
    );
    assert!(
        built > 0 || cases(24) < 16,
        "no case built a site: the test checks nothing"
    );
}

fn name_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("evil".to_string()),
        Just("index".to_string()),
        Just(".html".to_string()),
        Just(".htm".to_string()),
        Just(".js".to_string()),
        Just(".svg".to_string()),
        Just(".pdf".to_string()),
        Just(".PDF".to_string()),
        Just(".png".to_string()),
        Just(".md".to_string()),
        Just(".fr".to_string()),
        Just(".tar.gz".to_string()),
        Just("sub/".to_string()),
        Just("con".to_string()),
        Just("com1".to_string()),
        Just(" ".to_string()),
        Just("\r\n".to_string()),
        Just("\u{1b}".to_string()),
        Just("é".to_string()),
        Just("%2e".to_string()),
        Just("A".to_string()),
        "[a-z]{1,6}",
    ]
}

#[test]
fn any_bundle_file_gives_a_site_or_diagnostics_and_only_documents_are_published() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let bundle = "content/meetings/2021-01-21-rvr-webinar";
    // Half the names end as a document's does.
    let ending = prop_oneof![
        Just(""),
        Just(".pdf"),
        Just(".png"),
        Just(".txt"),
        Just(".docx"),
        Just(".html"),
        Just(".svg"),
    ];
    let strategy = (
        prop::collection::vec(name_piece(), 1..5),
        ending,
        prop::collection::vec(any::<u8>(), 0..64),
    );
    let published = std::sync::atomic::AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config::with_cases(cases(24)));
    let result = runner.run(&strategy, |(pieces, ending, bytes)| {
        let name = format!("{}{ending}", pieces.concat());
        let parts: Vec<&str> = name.split('/').collect();
        // Only names a folder can hold: no empty, `.` or `..` part.
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
        {
            return Ok(());
        }
        let folder = site.path(bundle);
        let extra = folder.join("extra");
        let _ = std::fs::remove_dir_all(&extra);
        site.write_bytes(&format!("{bundle}/extra/{name}"), &bytes);
        let outcome = generate(site.root.clone());
        let _ = std::fs::remove_dir_all(&extra);
        let Some(artifacts) = outcome? else {
            return Ok(());
        };
        check_site(&artifacts)?;
        let headers = text_of(&artifacts, "_headers").unwrap_or_default();
        let downloads = rabat_hub::output::downloads(&headers);
        for a in artifacts
            .iter()
            .filter(|a| a.path.contains("/2021-01-21-rvr-webinar/"))
            .filter(|a| !a.path.ends_with("/2021-01-21-rvr-webinar/index.html"))
        {
            let file = a
                .path
                .rsplit("2021-01-21-rvr-webinar/")
                .next()
                .unwrap_or("");
            prop_assert_eq!(rabat_hub::file_types::refuse_attachment(file), None);
            prop_assert!(downloads.contains(&a.path), "{} is not a download", a.path);
            prop_assert!(matches!(a.content, Content::Copy(_)));
            if a.path.contains("/extra/") {
                published.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let published = published.into_inner();
    eprintln!(
        "fuzz_hostile bundle: {} cases, {published} files published",
        cases(24)
    );
}
