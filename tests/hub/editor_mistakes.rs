//! The mistakes a new editor makes, each caught in the run that sees it,
//! at its exact place, in words an editor can act on, in French and in
//! English: no mistake hides another, no broken link or image publishes.

use crate::support::{Diag, Site, parse_diags};

const FICHE: &str = "content/practices/retour.fr.md";

/// `bad-input/minimal` with two countries (Senegal, Sweden) and a
/// challenge, so references have something to miss.
fn site() -> Site {
    let s = Site::fixture("bad-input/minimal");
    for (id, fr, en) in [("sn", "Sénégal", "Senegal"), ("se", "Suède", "Sweden")] {
        s.write(
            &format!("content/countries/{id}.fr.md"),
            &format!("---\ntitle: {fr}\nregion: west-africa\n---\n"),
        );
        s.write(
            &format!("content/countries/{id}.en.md"),
            &format!("---\ntitle: {en}\nregion: west-africa\n---\n"),
        );
    }
    for lang in ["fr", "en"] {
        s.write(
            &format!("content/challenges/coordination.{lang}.md"),
            "---\ntitle: Coordination\n---\n",
        );
    }
    s
}

fn check(s: &Site, lang: &str) -> Vec<Diag> {
    let out = s.run(&["check", "--format", "json", "--lang", lang]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    parse_diags(&out)
}

fn at(d: &Diag) -> (&str, u64, u64, &str) {
    (d.file.as_str(), d.line, d.column, d.message.as_str())
}

fn found<'a>(diags: &'a [Diag], file: &str) -> Vec<(&'a str, u64, u64, &'a str)> {
    diags.iter().filter(|d| d.file == file).map(at).collect()
}

const FIVE: &str = "---
title: Retour volontaire
sumary: Une ou deux phrases.
countries: [sen]
challenges: [coordinaton]
date: 2021-02-30
---

## Résultats

Voir [l'autre fiche](@/practices/nope) et [les résultats](#résultats).

![Carte](carte.png)
";

#[test]
fn five_mistakes_in_front_matter_and_body_come_back_in_one_run_with_the_warnings() {
    let s = site();
    s.write(FICHE, FIVE);
    let diags = check(&s, "en");
    assert_eq!(
        found(&diags, FICHE),
        vec![
            (FICHE, 1, 1, "the practice `retour` has no `en` version"),
            (FICHE, 3, 1, "unknown field `sumary`"),
            (FICHE, 4, 13, "unknown country `sen`"),
            (FICHE, 5, 14, "unknown challenge `coordinaton`"),
            (FICHE, 6, 7, "`2021-02-30` is not a date: month 2 of 2021 has 28 days"),
            (FICHE, 11, 22, "there is no practice `nope`"),
            (FICHE, 11, 59, "`#résultats` is not written as the heading's id on this page"),
            (FICHE, 13, 10, "there is no image at `/fr/pratiques/retour/carte.png` on this site"),
        ]
    );
    let by_line = |l: u64| diags.iter().find(|d| d.file == FICHE && d.line == l).expect("found");
    assert_eq!(by_line(3).help.as_deref(), Some("did you mean `summary`?"));
    assert_eq!(by_line(4).label.as_deref(), Some("did you mean `sn`?"));
    assert_eq!(by_line(5).label.as_deref(), Some("did you mean `coordination`?"));
    let anchor = diags
        .iter()
        .find(|d| d.file == FICHE && d.column == 59)
        .expect("anchor");
    assert_eq!(anchor.label.as_deref(), Some("did you mean `#resultats`?"));
}

#[test]
fn the_same_mistakes_in_french() {
    let s = site();
    s.write(FICHE, FIVE);
    let diags = check(&s, "fr");
    let messages: Vec<&str> = found(&diags, FICHE).into_iter().map(|d| d.3).collect();
    assert_eq!(
        messages,
        vec![
            "the practice `retour` has no `en` version",
            "champ inconnu `sumary`",
            "pays inconnu : `sen`",
            "défi inconnu : `coordinaton`",
            "`2021-02-30` is not a date: month 2 of 2021 has 28 days",
            "there is no practice `nope`",
            "`#résultats` n’est pas écrit comme l’identifiant du titre sur cette page",
            "il n’y a pas d’image à `/fr/pratiques/retour/carte.png` sur ce site",
        ]
    );
    let country = diags.iter().find(|d| d.line == 4).expect("country");
    assert_eq!(country.label.as_deref(), Some("vouliez-vous dire `sn` ?"));
}

#[test]
fn the_locale_chooses_the_language_when_lang_is_not_given() {
    let s = site();
    s.write(FICHE, FIVE);
    let out = std::process::Command::new(crate::support::bin())
        .args(["check", "--root"])
        .arg(&s.root)
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("erreur: champ inconnu `sumary`\n"), "{text}");
    assert!(text.contains("  = aide: vouliez-vous dire `summary` ?\n"), "{text}");
    assert!(text.contains("7 erreurs, 2 avertissements"), "{text}");
}

/// One body line `text` in a fiche that is otherwise right; the one
/// diagnostic of `check`, and `build` fails on it too.
fn one_in_body(text: &str) -> Diag {
    let s = site();
    s.write(
        FICHE,
        &format!("---\ntitle: Retour\ncountries: [sn]\n---\n\n## Résultats\n\n{text}\n"),
    );
    s.write(
        "content/practices/retour.en.md",
        "---\ntitle: Return\ncountries: [sn]\n---\n\n## Results\n",
    );
    s.write("content/practices/retour/annexe.pdf", "%PDF");
    s.write("static/logo.png", "png");
    let all: Vec<Diag> = check(&s, "en")
        .into_iter()
        .filter(|d| d.severity == "error")
        .collect();
    let built = s.run(&["build", "--format", "json"]);
    assert_eq!(built.status.code(), Some(1), "build must fail too");
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().expect("one")
}

/// `one_in_body`, for a body that must pass.
fn fine(text: &str) {
    let s = site();
    s.write(
        FICHE,
        &format!("---\ntitle: Retour\ncountries: [sn]\n---\n\n## Résultats\n\n{text}\n"),
    );
    s.write(
        "content/practices/retour.en.md",
        "---\ntitle: Return\ncountries: [sn]\n---\n\n## Results\n",
    );
    s.write("content/practices/retour/annexe.pdf", "%PDF");
    s.write("static/logo.png", "png");
    let out = s.run(&["check", "--format", "json"]);
    assert!(out.status.success(), "{text}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn site_paths_relative_paths_and_their_anchors_are_checked() {
    let d = one_in_body("Voir [x](/fr/pratiques/nope/).");
    assert_eq!(at(&d), (FICHE, 8, 10, "there is no page or file at `/fr/pratiques/nope/` on this site"));
    assert_eq!(d.label.as_deref(), Some("did you mean `/fr/pratiques/`?"));
    let d = one_in_body("Voir [x](../nope/).");
    assert_eq!(at(&d), (FICHE, 8, 10, "there is no page or file at `/fr/pratiques/nope/` on this site"));
    let d = one_in_body("Voir [x](/fr/pays/sn/#contexte).");
    assert_eq!(at(&d), (FICHE, 8, 10, "`/fr/pays/sn/` has no heading `#contexte`"));
    let d = one_in_body("Voir [x](annexe.pfd).");
    assert_eq!(
        d.label.as_deref(),
        Some("did you mean `/fr/pratiques/retour/annexe.pdf`?")
    );
    fine("[a](annexe.pdf) [b](/fr/pays/sn/) [c](../../pays/sn/) [d](/logo.png) [e](#resultats) [f](/en/practices/retour/#results) [g](https://example.org/x) [h](mailto:a@b.org) <irc://host/x>");
}

#[test]
fn an_at_link_without_its_slash_is_named() {
    let d = one_in_body("Voir [x](@practices/retour).");
    assert_eq!(at(&d), (FICHE, 8, 10, "`@practices/retour` is missing the `/` after `@`"));
    assert_eq!(d.label.as_deref(), Some("did you mean `@/practices/retour`?"));
}

#[test]
fn images_must_be_on_the_site() {
    let d = one_in_body("![Carte](https://example.org/carte.png)");
    assert_eq!(at(&d), (FICHE, 8, 10, "an image from another site cannot be shown"));
    assert!(d.help.as_deref().unwrap_or("").contains("Content-Security-Policy"), "{d:?}");
    let d = one_in_body("![Carte](/static/carte.png)");
    assert_eq!(at(&d), (FICHE, 8, 10, "there is no image at `/static/carte.png` on this site"));
    fine("![Logo](/logo.png) ![Annexe](annexe.pdf)");
}

#[test]
fn a_country_id_in_capitals_is_told_to_be_lower_case() {
    let s = site();
    s.write(FICHE, "---\ntitle: Retour\ncountries: [SN]\n---\n");
    let d = check(&s, "en");
    let d = d.iter().find(|d| d.file == FICHE && d.line == 3).expect("found");
    assert_eq!(at(d), (FICHE, 3, 13, "unknown country `SN`"));
    assert_eq!(d.label.as_deref(), Some("ids are lower case: `sn`"));
}

#[test]
fn file_names_get_a_rename_never_a_change_of_config() {
    let s = site();
    s.write("content/practices/fiche.FR.md", "---\ntitle: x\ncountries: [sn]\n---\n");
    s.write("content/practices/autre.fr.md.txt", "---\ntitle: x\n---\n");
    let out = s.run(&["check", "--format", "json"]);
    let all = parse_diags(&out);
    let upper = all
        .iter()
        .find(|d| d.file == "content/practices/fiche.FR.md")
        .expect("reported");
    assert_eq!(upper.help.as_deref(), Some("rename the file to `fiche.fr.md`"));
    assert!(!upper.help.as_deref().unwrap_or("").contains("config.yaml"));
    let txt = all
        .iter()
        .find(|d| d.file == "content/practices/autre.fr.md.txt")
        .expect("reported");
    assert_eq!(txt.severity, "warning");
    assert_eq!(
        txt.message,
        "`autre.fr.md.txt` looks like a Markdown file, but its name does not end in `.md`, so it is not published"
    );
    assert_eq!(txt.help.as_deref(), Some("rename the file to `autre.fr.md`"));
}

#[test]
fn github_annotations_name_files_from_the_repository_and_keep_the_label() {
    let s = site();
    s.write(FICHE, "---\ntitle: Retour\ncountries: [sen]\n---\n");
    let git = std::process::Command::new("git")
        .arg("init")
        .arg("-q")
        .arg(s.scratch())
        .status()
        .expect("git");
    assert!(git.success());
    let out = s.run(&["check", "--format", "github", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.lines().any(|l| l
            == "::error file=site/content/practices/retour.fr.md,line=3,col=13::unknown country `sen` — did you mean `sn`?"),
        "{text}"
    );
}
