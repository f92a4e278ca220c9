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
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
            (
                FICHE,
                6,
                7,
                "`2021-02-30` is not a date: month 2 of 2021 has 28 days"
            ),
            (FICHE, 11, 22, "there is no practice `nope`"),
            (
                FICHE,
                11,
                59,
                "`#résultats` is not written as the heading's id on this page"
            ),
            (
                FICHE,
                13,
                10,
                "there is no image at `/fr/pratiques/retour/carte.png` on this site"
            ),
        ]
    );
    let by_line = |l: u64| {
        diags
            .iter()
            .find(|d| d.file == FICHE && d.line == l)
            .expect("found")
    };
    assert_eq!(by_line(3).help.as_deref(), Some("did you mean `summary`?"));
    assert_eq!(by_line(4).label.as_deref(), Some("did you mean `sn`?"));
    assert_eq!(
        by_line(5).label.as_deref(),
        Some("did you mean `coordination`?")
    );
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
            "l’élément de type « pratique » `retour` n’a pas de version `en`",
            "champ inconnu `sumary`",
            "pays inconnu : `sen`",
            "défi inconnu : `coordinaton`",
            "`2021-02-30` n’est pas une date : le mois 2 de 2021 a 28 jours",
            "il n’y a pas d’élément de type « pratique » `nope`",
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
    let out = crate::support::hub()
        .args(["check", "--root"])
        .arg(&s.root)
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("erreur: champ inconnu `sumary`\n"), "{text}");
    assert!(
        text.contains("  = aide: vouliez-vous dire `summary` ?\n"),
        "{text}"
    );
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
    s.write_bytes("static/logo.png", &crate::images::small_png());
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
    s.write_bytes("static/logo.png", &crate::images::small_png());
    let out = s.run(&["check", "--format", "json"]);
    assert!(
        out.status.success(),
        "{text}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn site_paths_relative_paths_and_their_anchors_are_checked() {
    let d = one_in_body("Voir [x](/fr/pratiques/nope/).");
    assert_eq!(
        at(&d),
        (
            FICHE,
            8,
            10,
            "there is no page or file at `/fr/pratiques/nope/` on this site"
        )
    );
    assert_eq!(d.label.as_deref(), Some("did you mean `/fr/pratiques/`?"));
    let d = one_in_body("Voir [x](../nope/).");
    assert_eq!(
        at(&d),
        (
            FICHE,
            8,
            10,
            "there is no page or file at `/fr/pratiques/nope/` on this site"
        )
    );
    let d = one_in_body("Voir [x](/fr/pays/sn/#contexte).");
    assert_eq!(
        at(&d),
        (FICHE, 8, 10, "`/fr/pays/sn/` has no heading `#contexte`")
    );
    let d = one_in_body("Voir [x](annexe.pfd).");
    assert_eq!(
        d.label.as_deref(),
        Some("did you mean `/fr/pratiques/retour/annexe.pdf`?")
    );
    fine(
        "[a](annexe.pdf) [b](/fr/pays/sn/) [c](../../pays/sn/) [d](/logo.png) [e](#resultats) [f](/en/practices/retour/#results) [g](https://example.org/x) [h](mailto:a@b.org) <irc://host/x>",
    );
    // Whatever the plan of the output publishes is there to link to: the
    // theme's files, the data files, the search page.
    fine("[a](/style.css) [b](/favicon.svg) [c](/fr/graph.json) [d](/en/search/) [e](/robots.txt)");
}

#[test]
fn what_the_plan_finds_comes_back_with_the_content_errors() {
    let s = site();
    s.write(
        FICHE,
        "---\ntitle: Retour\ncountries: [sen]\n---\n\nVoir [x](/fr/nope/).\n",
    );
    // A static file where the French home page goes.
    s.write("static/fr/index.html", "<p>x</p>");
    let diags = check(&s, "en");
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.contains(&"unknown country `sen`"), "{messages:?}");
    assert!(
        messages.contains(&"there is no page or file at `/fr/nope/` on this site"),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("two files would be published at `/fr/index.html`")),
        "{messages:?}"
    );
}

#[test]
fn an_at_link_without_its_slash_is_named() {
    let d = one_in_body("Voir [x](@practices/retour).");
    assert_eq!(
        at(&d),
        (
            FICHE,
            8,
            10,
            "`@practices/retour` is missing the `/` after `@`"
        )
    );
    assert_eq!(
        d.label.as_deref(),
        Some("did you mean `@/practices/retour`?")
    );
}

#[test]
fn images_must_be_on_the_site() {
    let d = one_in_body("![Carte](https://example.org/carte.png)");
    assert_eq!(
        at(&d),
        (FICHE, 8, 10, "an image from another site cannot be shown")
    );
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("Content-Security-Policy"),
        "{d:?}"
    );
    let d = one_in_body("![Carte](/static/carte.png)");
    assert_eq!(
        at(&d),
        (
            FICHE,
            8,
            10,
            "there is no image at `/static/carte.png` on this site"
        )
    );
    fine("![Logo](/logo.png) ![Annexe](annexe.pdf)");
}

#[test]
fn a_country_id_in_capitals_is_told_to_be_lower_case() {
    let s = site();
    s.write(FICHE, "---\ntitle: Retour\ncountries: [SN]\n---\n");
    let d = check(&s, "en");
    let d = d
        .iter()
        .find(|d| d.file == FICHE && d.line == 3)
        .expect("found");
    assert_eq!(at(d), (FICHE, 3, 13, "unknown country `SN`"));
    assert_eq!(d.label.as_deref(), Some("ids are lower case: `sn`"));
}

#[test]
fn file_names_get_a_rename_never_a_change_of_config() {
    let s = site();
    s.write(
        "content/practices/fiche.FR.md",
        "---\ntitle: x\ncountries: [sn]\n---\n",
    );
    s.write("content/practices/autre.fr.md.txt", "---\ntitle: x\n---\n");
    let out = s.run(&["check", "--format", "json"]);
    let all = parse_diags(&out);
    let upper = all
        .iter()
        .find(|d| d.file == "content/practices/fiche.FR.md")
        .expect("reported");
    assert_eq!(
        upper.help.as_deref(),
        Some("rename the file to `fiche.fr.md`")
    );
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
    assert_eq!(
        txt.help.as_deref(),
        Some("rename the file to `autre.fr.md`")
    );
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

/// The one error of a page whose front matter is `yaml`, in `lang`.
fn yaml_error(yaml: &str, lang: &str) -> Diag {
    let s = site();
    let page = "content/pages/x.fr.md";
    s.write(page, &format!("---\n{yaml}---\n\nTexte.\n"));
    let errors: Vec<Diag> = check(&s, lang)
        .into_iter()
        .filter(|d| d.severity == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = errors.into_iter().next().expect("one");
    assert_eq!(d.file, page);
    d
}

fn place(d: &Diag) -> (u64, u64) {
    (d.line, d.column)
}

#[test]
fn the_apostrophe_trap_is_named_with_its_fix_in_both_languages() {
    let yaml = "title: 'L'OIM au Sénégal'\n";
    let en = yaml_error(yaml, "en");
    assert_eq!(place(&en), (2, 10));
    assert_eq!(en.message, "an apostrophe ends this quoted text too early");
    assert_eq!(
        en.help.as_deref(),
        Some(
            "inside '…' write an apostrophe twice, 'L''OIM au Sénégal', or put the text in double quotes"
        )
    );
    let fr = yaml_error(yaml, "fr");
    assert_eq!(place(&fr), (2, 10));
    assert_eq!(
        fr.message,
        "une apostrophe termine ce texte entre guillemets trop tôt"
    );
}

#[test]
fn an_unclosed_quote_is_found_at_the_quote_that_opens_it() {
    let d = yaml_error("title: \"Retour volontaire\nsummary: Un résumé.\n", "en");
    assert_eq!(place(&d), (2, 8));
    assert_eq!(
        d.message,
        "this quoted text is never closed: the `\"` that opens it has no partner"
    );
    let fr = yaml_error("title: \"Retour volontaire\nsummary: Un résumé.\n", "fr");
    assert_eq!(
        fr.message,
        "ce texte entre guillemets n’est jamais fermé : le `\"` qui l’ouvre n’a pas de partenaire"
    );
}

#[test]
fn a_list_item_indented_one_space_too_far_is_found_at_its_line() {
    let s = site();
    s.write(
        FICHE,
        "---\ntitle: Retour\ncountries:\n  - sn\n   - se\n---\n",
    );
    let d: Vec<Diag> = check(&s, "en")
        .into_iter()
        .filter(|d| d.file == FICHE && d.severity == "error")
        .collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        at(&d[0]),
        (
            FICHE,
            5,
            1,
            "this line is indented differently from the lines around it"
        )
    );
}

#[test]
fn a_tab_is_named_and_shown() {
    let s = site();
    let page = "content/pages/x.fr.md";
    s.write(page, "---\ntitle: x\n\tsummary: y\n---\n");
    let out = s.run(&["check", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains(
            "error: a tab character is used where YAML needs spaces\n  --> content/pages/x.fr.md:3:1\n  |\n3 | →summary: y\n  | ^ a tab\n"
        ),
        "{text}"
    );
}

#[test]
fn unicode_line_breaks_in_front_matter_are_errors_at_their_place() {
    for (ch, code) in [
        ('\u{2028}', "U+2028"),
        ('\u{2029}', "U+2029"),
        ('\u{85}', "U+0085"),
    ] {
        let d = yaml_error(&format!("title: x\nsummary: a{ch}b\n"), "en");
        assert_eq!(place(&d), (3, 11), "{code}");
        assert_eq!(
            d.message,
            format!("a {code} line separator is in the front matter")
        );
    }
}

#[test]
fn thousands_of_aliases_are_refused_quickly() {
    let mut yaml = String::from("title: x\nsummary: &a [x]\n");
    while yaml.len() < 39_000 {
        yaml.push_str("themes: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
    }
    let start = std::time::Instant::now();
    let d = yaml_error(&yaml, "en");
    assert_eq!(place(&d), (3, 10));
    assert_eq!(d.message, "YAML anchors (`&name`) are not allowed");
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn a_tab_after_the_first_key_lets_nothing_through() {
    // The text is refused whole: the alias after it never reaches a page.
    let d = yaml_error("title:\tx\nsummary: *a\n", "en");
    assert_eq!(place(&d), (2, 7));
    assert_eq!(d.message, "a tab character is used where YAML needs spaces");
}

#[test]
fn a_document_over_http_is_an_error() {
    let s = site();
    let file = "content/meetings/2021-05-10-webinaire/index.fr.md";
    s.write(
        file,
        "---\ntitle: Webinaire\ndate: 2021-05-10\ntype: webinar\nlocation: online\ndocuments:\n  - { title: Rapport, url: \"http://example.org/r.pdf\" }\n---\n",
    );
    let d: Vec<Diag> = check(&s, "en")
        .into_iter()
        .filter(|d| d.file == file && d.severity == "error")
        .collect();
    assert_eq!(
        d.iter().map(at).collect::<Vec<_>>(),
        vec![(
            file,
            7,
            28,
            "`http://example.org/r.pdf` is not a secure web address"
        )]
    );
}

#[test]
fn the_contributor_guide_shows_the_real_messages_in_each_language() {
    let s = Site::bundled_hub();
    let fr = "content/practices/anpe-togo.fr.md";
    let en = "content/practices/anpe-togo.en.md";
    let text = s.read(fr).replace(
        "challenges: [employer-reluctance, coordination-gaps]",
        "challenges: [employer-reluctanse, coordination-gaps]",
    );
    s.write(fr, &text);
    let mut lines: Vec<String> = s.read(en).lines().map(str::to_string).collect();
    lines[1] = "title: 'L'ANPE au Togo'".to_string();
    s.write(en, &(lines.join("\n") + "\n"));
    for (lang, guide) in [("fr", "contribute.fr.md"), ("en", "contribute.en.md")] {
        let out = s.run(&["check", "--lang", lang]);
        let got = String::from_utf8_lossy(&out.stderr);
        let page =
            std::fs::read_to_string(crate::support::repo().join("content/pages").join(guide))
                .expect("guide");
        let section = page
            .split("\n## ")
            .find(|s| s.contains("```\nerr"))
            .expect("the errors section");
        let shown = section
            .split("```\n")
            .nth(1)
            .expect("an example")
            .trim_end();
        assert!(
            got.contains(shown),
            "{lang}: the guide shows\n{shown}\nbut check says\n{got}"
        );
    }
}
