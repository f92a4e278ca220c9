//! `check` validates without making the site (bodies are not turned into
//! HTML, entity templates run on a sample of pages, no search index): it
//! must still report everything `build` reports, at the same places.

use std::collections::BTreeSet;

use crate::support::{Diag, Site, parse_diags};

fn key(d: &Diag) -> (String, String, u64, u64, String) {
    (
        d.severity.clone(),
        d.file.clone(),
        d.line,
        d.column,
        d.message.clone(),
    )
}

const FIXTURES: [&str; 15] = [
    "errors/bad-at-link",
    "errors/bad-date",
    "errors/draft-reference",
    "errors/duplicate-id",
    "errors/invalid-id",
    "errors/malformed-yaml",
    "errors/missing-ui-string",
    "errors/several-at-once",
    "errors/unknown-field",
    "errors/unknown-ids",
    "errors/unknown-reference",
    "errors/wrong-kind-reference",
    "errors/wrong-type",
    "hostile/everywhere",
    "graph/cross-links",
];

#[test]
fn check_reports_everything_build_reports_on_every_fixture() {
    for name in FIXTURES {
        let site = Site::fixture(name);
        let built = site.run(&["build", "--format", "json"]);
        let checked = site.run(&["check", "--format", "json"]);
        let from_build: BTreeSet<_> = parse_diags(&built).iter().map(key).collect();
        let from_check: BTreeSet<_> = parse_diags(&checked).iter().map(key).collect();
        let missed: Vec<_> = from_build.difference(&from_check).collect();
        assert!(missed.is_empty(), "{name}: check missed {missed:?}");
        // What check adds are warnings (translations, loose ends), so it
        // fails exactly when build does.
        let extra: Vec<_> = from_check
            .difference(&from_build)
            .filter(|k| k.0 != "warning")
            .collect();
        assert!(extra.is_empty(), "{name}: check alone found {extra:?}");
        assert_eq!(
            built.status.success(),
            checked.status.success(),
            "{name}: build and check disagree on the exit status"
        );
    }
}

#[test]
fn check_writes_nothing() {
    let site = Site::fixture("graph/cross-links");
    let out = site.run(&["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!site.path("public").exists());
}

#[test]
fn check_renders_entity_templates() {
    let site = Site::fixture("graph/cross-links");
    let template = site.read("themes/default/templates/practice.html");
    let broken = template.replacen(
        "{% block content %}",
        "{% block content %}{{ no_such_variable.field }}",
        1,
    );
    assert_ne!(broken, template, "practice.html has no content block");
    site.write("themes/default/templates/practice.html", &broken);
    let out = site.run(&["check", "--format", "json"]);
    assert!(!out.status.success());
    let diags = parse_diags(&out);
    assert!(
        diags
            .iter()
            .any(|d| d.file == "themes/default/templates/practice.html"
                && d.message.starts_with("template error:")),
        "{diags:?}"
    );
}
