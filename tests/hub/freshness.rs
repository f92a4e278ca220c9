//! Translations that fall behind, read from Git: fixture sites committed
//! in temporary repositories with fixed dates.

use std::process::Command;

use crate::support::{Site, git, parse_all, parse_diags};

fn commit(site: &Site, date: &str, message: &str) {
    git(site, &["add", "-A"], date);
    git(site, &["commit", "-q", "-m", message], date);
}

fn edit(site: &Site, file: &str, from: &str, to: &str) {
    let text = site.read(file);
    assert!(text.contains(from), "{file} has no {from:?}");
    site.write(file, &text.replace(from, to));
}

/// The pairing fixture with three commits:
/// 2026-01-05 everything; 2026-03-03 the English OFII fiche;
/// 2026-03-10 the French Cameroon profile.
fn history() -> Site {
    let site = Site::fixture("languages/pairing");
    git(&site, &["init", "-q", "-b", "main"], "2026-01-05");
    commit(&site, "2026-01-05", "first");
    edit(
        &site,
        "content/practices/ofii-cameroon.en.md",
        "The English text.",
        "The English text, revised.",
    );
    commit(&site, "2026-03-03", "revise the English fiche");
    edit(
        &site,
        "content/countries/cm.fr.md",
        "title: Cameroun",
        "title: \"Cameroun\"",
    );
    commit(&site, "2026-03-10", "quote the title");
    site
}

#[test]
fn check_warns_of_translations_behind_oldest_first() {
    let site = history();
    let out = site.run(&["check", "--format", "json"]);
    assert!(out.status.success());
    let got: Vec<(String, String, String)> = parse_diags(&out)
        .into_iter()
        .filter(|d| d.message.contains("is behind"))
        .map(|d| (d.file, d.message, d.help.unwrap_or_default()))
        .collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[0].0, "content/countries/cm.en.md");
    assert_eq!(
        got[0].1,
        "the `en` version of the country `cm` is behind its `fr` version by 2 commits and 64 days"
    );
    assert!(
        got[0]
            .2
            .starts_with("`content/countries/cm.fr.md` was changed by commit "),
        "{}",
        got[0].2
    );
    assert!(got[0].2.contains(" on 2026-03-10;"));
    assert_eq!(got[1].0, "content/practices/ofii-cameroon.fr.md");
    assert_eq!(
        got[1].1,
        "the `fr` version of the practice `ofii-cameroon` is behind its `en` version by 1 commit and 57 days"
    );
    assert!(!site.run(&["check", "--strict"]).status.success());

    // On GitHub, at the file that changed: the pull request shows it.
    let github = site.run(&["check", "--format", "github"]);
    let text = String::from_utf8_lossy(&github.stderr);
    assert!(
        text.lines().any(|l| l.starts_with(
            "::warning file=content/practices/ofii-cameroon.en.md,line=1,col=1::the `fr` version"
        )),
        "{text}"
    );
}

#[test]
fn a_page_behind_says_so_in_its_language_and_every_page_shows_its_last_update() {
    let site = history();
    site.build(&[]);
    let fr = site.page("fr/pratiques/ofii-cameroon/");
    assert_eq!(
        fr.text(".translation-notice"),
        "La version anglaise a été mise à jour le 3 mars 2026."
    );
    assert_eq!(
        fr.attr(".translation-notice a", "href").as_deref(),
        Some("/en/practices/ofii-cameroon/")
    );
    assert_eq!(fr.text(".updated time"), "5 janvier 2026");
    let en = site.page("en/practices/ofii-cameroon/");
    assert!(en.all(".translation-notice").is_empty());
    assert_eq!(en.text(".updated time"), "3 March 2026");
    let cm = site.page("en/countries/cm/");
    assert_eq!(
        cm.text(".translation-notice"),
        "The French version was updated on 10 March 2026."
    );
    // `updated:` in front matter wins over Git.
    edit(
        &site,
        "content/practices/ofii-cameroon.en.md",
        "countries: [cm]",
        "countries: [cm]\nupdated: 2026-03-20",
    );
    site.build(&[]);
    assert_eq!(
        site.page("en/practices/ofii-cameroon/")
            .text(".updated time"),
        "20 March 2026"
    );
}

#[test]
fn translation_checked_silences_the_alarm_in_both_directions() {
    let site = history();
    edit(
        &site,
        "content/practices/ofii-cameroon.fr.md",
        "countries: [cm]",
        "countries: [cm]\ntranslation_checked: 2026-03-12",
    );
    commit(&site, "2026-03-12", "checked against the English version");
    let out = site.run(&["check", "--format", "json"]);
    let behind: Vec<String> = parse_diags(&out)
        .into_iter()
        .filter(|d| d.message.contains("is behind"))
        .map(|d| d.file)
        .collect();
    assert_eq!(behind, vec!["content/countries/cm.en.md"]);
    site.build(&[]);
    assert!(
        site.page("fr/pratiques/ofii-cameroon/")
            .all(".translation-notice")
            .is_empty()
    );
    assert!(
        site.page("en/practices/ofii-cameroon/")
            .all(".translation-notice")
            .is_empty()
    );
}

#[test]
fn the_editors_page_lists_what_is_behind_oldest_first_and_what_is_missing() {
    let site = history();
    site.build(&[]);
    let page = site.page("fr/editors/");
    assert_eq!(page.text("h1"), "Traductions à revoir");
    let stale: Vec<String> = page
        .all("ol.stale li code")
        .into_iter()
        .map(crate::support::text_of)
        .collect();
    assert_eq!(
        stale,
        vec![
            "content/countries/cm.en.md",
            "content/practices/ofii-cameroon.fr.md"
        ]
    );
    let missing: Vec<String> = page
        .all("ol.missing li code")
        .into_iter()
        .map(crate::support::text_of)
        .collect();
    assert_eq!(missing, vec!["content/practices/anpe-togo.fr.md"]);
    // Reachable, under its label, from the footer of every page.
    let home = site.page("fr/");
    assert_eq!(
        home.attr(".for-editors a", "href").as_deref(),
        Some("/fr/editors/")
    );
}

#[test]
fn without_git_or_in_a_shallow_clone_the_build_works_and_says_why_once() {
    // No Git at all: every fixture copy.
    let plain = Site::fixture("languages/pairing");
    let out = plain.run(&["check", "--format", "json"]);
    assert!(out.status.success());
    let notes: Vec<String> = parse_all(&out)
        .into_iter()
        .filter(|d| d.severity == "note")
        .map(|d| d.message)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("not in a Git checkout"), "{notes:?}");
    plain.build(&[]);
    assert!(
        plain
            .page("fr/pratiques/ofii-cameroon/")
            .all(".updated")
            .is_empty()
    );

    // A shallow clone of a real history.
    let origin = history();
    let shallow = tempfile::tempdir().expect("tmp");
    let target = shallow.path().join("site");
    let url = format!("file://{}", origin.root.display());
    let out = Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(&target)
        .output()
        .expect("git clone");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = crate::support::hub()
        .args(["check", "--format", "json", "--root"])
        .arg(&target)
        .output()
        .expect("check");
    assert!(check.status.success());
    let all = parse_all(&check);
    assert!(
        all.iter()
            .any(|d| d.severity == "note" && d.message.contains("shallow")),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|d| d.message.contains("is behind")),
        "a shallow clone must not guess"
    );
}
