//! `rabat-hub new`: a new entity in every language, passing `check`.

use crate::support::Site;

fn new(site: &Site, args: &[&str]) -> std::process::Output {
    let mut all = vec!["new"];
    all.extend(args);
    site.run(&all)
}

fn stdout_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_kind_gets_a_file_per_language_that_passes_check() {
    let site = Site::fixture("languages/pairing");
    let cases = [
        (
            "country",
            "tg",
            vec!["content/countries/tg.fr.md", "content/countries/tg.en.md"],
        ),
        (
            "challenge",
            "coordination-gaps",
            vec![
                "content/challenges/coordination-gaps.fr.md",
                "content/challenges/coordination-gaps.en.md",
            ],
        ),
        (
            "recommendation",
            "coordination-mechanism",
            vec![
                "content/recommendations/coordination-mechanism.fr.md",
                "content/recommendations/coordination-mechanism.en.md",
            ],
        ),
        (
            "practice",
            "border-desks",
            vec![
                "content/practices/border-desks.fr.md",
                "content/practices/border-desks.en.md",
            ],
        ),
        (
            "meetings",
            "2026-03-04-webinar",
            vec![
                "content/meetings/2026-03-04-webinar/index.fr.md",
                "content/meetings/2026-03-04-webinar/index.en.md",
            ],
        ),
        (
            "page",
            "glossary",
            vec![
                "content/pages/glossary.fr.md",
                "content/pages/glossary.en.md",
            ],
        ),
    ];
    for (kind, id, paths) in cases {
        let out = new(&site, &[kind, id]);
        assert!(
            out.status.success(),
            "new {kind} {id}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(stdout_lines(&out), paths, "new {kind} {id}");
        for p in &paths {
            assert!(site.exists(p), "{p}");
        }
        let check = site.run(&["check"]);
        assert!(
            check.status.success(),
            "after new {kind} {id}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    site.build(&[]);
    assert_eq!(
        site.page("en/practices/border-desks/").text("h1"),
        "Border desks"
    );
    assert_eq!(
        site.page("fr/recommendations/coordination-mechanism/")
            .titles("Défis traités"),
        vec!["Coordination gaps"]
    );
    // A meeting is dated today.
    let meeting = site.read("content/meetings/2026-03-04-webinar/index.fr.md");
    let date = meeting
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .expect("a date line");
    let date = date.split_whitespace().next().unwrap_or("");
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "{date}"
    );
    assert_eq!(date, "2026-03-04", "the date the id begins with");
}

#[test]
fn every_placeholder_left_is_a_warning_naming_its_field_and_fails_strict() {
    let site = Site::fixture("languages/pairing");
    let out = new(&site, &["meeting", "2021-05-10-webinaire", "--lang", "fr"]);
    assert!(out.status.success());
    let file = "content/meetings/2021-05-10-webinaire/index.fr.md";
    let check = site.run(&["check", "--format", "json", "--lang", "en"]);
    assert!(
        check.status.success(),
        "warnings only: build and serve show the page"
    );
    let found: Vec<(u64, u64, String)> = crate::support::parse_diags(&check)
        .into_iter()
        .filter(|d| d.file == file && d.message.contains("placeholder"))
        .map(|d| (d.line, d.column, d.message))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                2,
                8,
                "`title` still holds the placeholder `rabat-hub new` wrote".to_string()
            ),
            (
                3,
                10,
                "`summary` still holds the placeholder `rabat-hub new` wrote".to_string()
            ),
            (
                4,
                7,
                "`date` still holds the placeholder `rabat-hub new` wrote".to_string()
            ),
            (
                5,
                7,
                "`type` still holds the placeholder `rabat-hub new` wrote".to_string()
            ),
            (
                7,
                11,
                "`location` still holds the placeholder `rabat-hub new` wrote".to_string()
            ),
            (
                19,
                1,
                "the text still begins with the placeholder `rabat-hub new` wrote".to_string()
            ),
        ]
    );
    assert!(!site.run(&["check", "--strict"]).status.success());
    site.build(&[]);
}

#[test]
fn lang_option_writes_only_those_languages() {
    let site = Site::fixture("languages/pairing");
    let out = new(&site, &["practice", "solo", "--lang", "fr"]);
    assert!(out.status.success());
    assert_eq!(stdout_lines(&out), vec!["content/practices/solo.fr.md"]);
    assert!(!site.exists("content/practices/solo.en.md"));
}

#[test]
fn invalid_and_taken_ids_are_refused_with_a_reason() {
    let site = Site::fixture("languages/pairing");
    let cases = [
        (
            vec!["practice", "Aide_OFII"],
            "error: `Aide_OFII` is not a valid id: it contains an upper-case letter",
        ),
        (
            vec!["practice", "ofii-cameroon"],
            "error: the practice `ofii-cameroon` already exists",
        ),
        (
            vec!["country", "cameroon"],
            "error: `cameroon` is not a country code",
        ),
        (
            vec!["fiche", "x"],
            "error: `fiche` is not a kind of content",
        ),
        (
            vec!["recommendation", "r"],
            "error: cannot create the recommendation `r`",
        ),
    ];
    for (args, first_line) in cases {
        let out = new(&site, &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.lines().next(),
            Some(first_line),
            "{args:?}:\n{stderr}"
        );
    }
    // Nothing was written by the refusals.
    assert!(!site.exists("content/practices/Aide_OFII.fr.md"));
    assert!(!site.exists("content/recommendations/r.fr.md"));
}
