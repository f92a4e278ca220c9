//! Messages in the editor's language: the same mistake, at the same file,
//! line and column, in French (`--lang fr`) and in English (`--lang en`),
//! for the messages of each stage (discovery, config.yaml, the theme, the
//! output's paths).

use crate::support::{Diag, Site, parse_diags};

/// `check --format json --lang <lang>`, which must fail; its diagnostics.
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

/// The one error of `file`, as (line, column, message, help).
fn one_in(diags: &[Diag], file: &str) -> (u64, u64, String, Option<String>) {
    let here: Vec<&Diag> = diags
        .iter()
        .filter(|d| d.file == file && d.severity == "error")
        .collect();
    assert_eq!(here.len(), 1, "{file}: {diags:#?}");
    let d = here[0];
    (d.line, d.column, d.message.clone(), d.help.clone())
}

/// Each language's words for the same place: `(lang, message, help)`.
fn in_both(s: &Site, file: &str, line: u64, column: u64, words: [(&str, &str, &str); 2]) {
    for (lang, message, help) in words {
        let (l, c, m, h) = one_in(&check(s, lang), file);
        assert_eq!((l, c, m.as_str()), (line, column, message), "{lang}");
        assert_eq!(h.as_deref(), Some(help), "{lang}");
    }
}

/// `in_both` for a help whose middle (a list that grows) is not compared:
/// `(lang, message, help's start, help's end)`.
fn in_both_around(
    s: &Site,
    file: &str,
    line: u64,
    column: u64,
    words: [(&str, &str, &str, &str); 2],
) {
    for (lang, message, start, end) in words {
        let (l, c, m, h) = one_in(&check(s, lang), file);
        assert_eq!((l, c, m.as_str()), (line, column, message), "{lang}");
        let h = h.unwrap_or_default();
        assert!(h.starts_with(start) && h.ends_with(end), "{lang}: {h}");
    }
}

#[test]
fn a_script_in_a_bundle_is_refused_in_both_languages() {
    let s = Site::fixture("bad-input/minimal");
    for lang in ["fr", "en"] {
        s.write(
            &format!("content/meetings/m/index.{lang}.md"),
            "---\ntitle: M\ndate: 2021-01-21\ntype: webinar\nlocation: online\n---\n",
        );
    }
    s.write("content/meetings/m/carte.js", "alert(1)");
    in_both_around(
        &s,
        "content/meetings/m/carte.js",
        1,
        1,
        [
            (
                "fr",
                "`carte.js` ne peut pas être publié comme pièce jointe : un script s’exécuterait dans le site",
                "le dossier d’un élément contient des documents pour les lecteurs : .pdf .doc",
                " ; exportez-le dans l’un de ces formats (un PDF, un PNG…) ou retirez-le",
            ),
            (
                "en",
                "`carte.js` cannot be published as an attachment: a script would run as part of the site",
                "a bundle holds documents for readers: .pdf .doc",
                "; export it as one of these (a PDF, a PNG…) or remove it",
            ),
        ],
    );
}

#[test]
fn two_files_for_one_version_are_named_in_both_languages() {
    let s = Site::fixture("bad-input/minimal");
    let text = "---\ntitle: A\n---\n";
    // No suffix is the default language, `fr`: both are the French `a`.
    s.write("content/pages/a.fr.md", text);
    s.write("content/pages/a.md", text);
    s.write("content/pages/a.en.md", text);
    in_both(
        &s,
        "content/pages/a.md",
        1,
        1,
        [
            (
                "fr",
                "deux fichiers sont la version `fr` de l’élément de type « page » `a`",
                "`content/pages/a.fr.md` est l’autre ; un identifiant est unique dans son type : renommez ou supprimez l’un des deux",
            ),
            (
                "en",
                "two files are the `fr` version of the page `a`",
                "`content/pages/a.fr.md` is the other; an id is unique within its kind: rename or remove one",
            ),
        ],
    );
}

#[test]
fn a_base_url_with_a_query_says_why_in_both_languages() {
    let s = Site::fixture("bad-input/minimal");
    let config = s.read("config.yaml");
    let line = config
        .lines()
        .position(|l| l.starts_with("base_url:"))
        .expect("a base_url line") as u64
        + 1;
    s.write(
        "config.yaml",
        &config.replace(
            "base_url: \"https://hub.example.org/\"",
            "base_url: \"https://hub.example.org/?x=1\"",
        ),
    );
    in_both(
        &s,
        "config.yaml",
        line,
        11,
        [
            (
                "fr",
                "`https://hub.example.org/?x=1` ne peut pas être le `base_url` du site : elle contient une requête ou un fragment (`?`, `#`)",
                "écrivez l’adresse du site, comme `https://example.org/`, ou son chemin sur l’hébergeur, comme `/hub/`",
            ),
            (
                "en",
                "`https://hub.example.org/?x=1` cannot be the site's `base_url`: it holds a query or a fragment (`?`, `#`)",
                "write the site's address, like `https://example.org/`, or its path on the host, like `/hub/`",
            ),
        ],
    );
}

#[test]
fn an_alias_onto_the_home_page_is_a_clash_in_both_languages() {
    let s = Site::fixture("bad-input/minimal");
    s.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\naliases:\n  - /fr/ancienne/\n  - \"/fr/\"\n---\n",
    );
    in_both(
        &s,
        "content/pages/x.fr.md",
        5,
        5,
        [
            (
                "fr",
                "deux fichiers seraient publiés à `/fr/index.html`",
                "l’alias `/fr/` de `content/pages/x.fr.md` prend la place déjà prise par une page générée ; un alias ou un fichier statique ne peut pas prendre la place d’une page",
            ),
            (
                "en",
                "two files would be published at `/fr/index.html`",
                "the alias `/fr/` of `content/pages/x.fr.md` takes the place of a generated page; an alias or a static file may not take the place of a page",
            ),
        ],
    );
}

#[test]
fn a_ui_string_missing_in_one_language_is_named_in_both_languages() {
    let s = Site::fixture("bad-input/minimal");
    // The site's own copy of the theme's French strings, one key short.
    let fr = std::fs::read_to_string(crate::support::repo().join("themes/default/i18n/fr.yaml"))
        .expect("the theme's French strings");
    let en = std::fs::read_to_string(crate::support::repo().join("themes/default/i18n/en.yaml"))
        .expect("the theme's English strings");
    let kept: String = fr
        .lines()
        .filter(|l| !l.starts_with("in_en:"))
        .map(|l| format!("{l}\n"))
        .collect();
    s.write("themes/default/i18n/fr.yaml", &kept);
    let line = en
        .lines()
        .position(|l| l.starts_with("in_en:"))
        .expect("`in_en` in English") as u64
        + 1;
    let file = "themes/default/i18n/fr.yaml";
    in_both(
        &s,
        file,
        1,
        1,
        [
            (
                "fr",
                "le texte d’interface `in_en` manque en `fr`",
                &format!(
                    "ajoutez `in_en: \"…\"` à {file} ; themes/default/i18n/en.yaml l’a pour `en` (ligne {line})"
                ),
            ),
            (
                "en",
                "UI string `in_en` is missing in `fr`",
                &format!(
                    "add `in_en: \"…\"` to {file}; themes/default/i18n/en.yaml has it for `en` (line {line})"
                ),
            ),
        ],
    );
}

/// The words of a message outside its `code` quotes, in lower case.
fn prose(text: &str) -> String {
    text.split('`')
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words that French messages never hold and English ones often do.
const ENGLISH: [&str; 9] = [
    " the ", " is ", " not ", " cannot ", " with ", " must ", " it ", " of ", " this ",
];

fn english_in(d: &Diag) -> Vec<&'static str> {
    let words = [Some(&d.message), d.label.as_ref(), d.help.as_ref()]
        .into_iter()
        .flatten()
        .map(|t| format!(" {} ", prose(t)))
        .collect::<String>();
    ENGLISH.into_iter().filter(|w| words.contains(w)).collect()
}

#[test]
fn a_french_run_has_no_english_words_whatever_the_mistakes() {
    let s = Site::fixture("bad-input/minimal");
    // Mistakes of every stage: names, bundles, static files, front
    // matter, links, the output's paths.
    s.write(
        "content/practices/retour.fr.md",
        "---\ntitle: Retour\nsumary: x\ncountries: [sen]\ndate: 2021-02-30\n---\n\n[x](@/practices/nope) ![](absente.png)\n",
    );
    s.write("content/practices/Retour-Bis.fr.md", "---\ntitle: x\n---\n");
    s.write("content/practices/a.md", "---\ntitle: A\n---\n");
    s.write("content/practices/a.fr.md", "---\ntitle: A\n---\n");
    s.write("content/practices/b.de.md", "---\ntitle: B\n---\n");
    s.write("content/pratiques/c.fr.md", "---\ntitle: C\n---\n");
    s.write("content/challenges/notes.txt", "notes");
    s.write(
        "content/meetings/m/index.fr.md",
        "---\ntitle: M\ndate: 2021-01-21\ntype: webinar\nlocation: [x]\n---\n",
    );
    s.write("content/meetings/m/carte.js", "alert(1)");
    s.write("content/meetings/m/page.html", "<p>x</p>");
    s.write("static/aux.txt", "x");
    s.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\naliases: [\"/fr/\", \"/fr/Old/\", \"/fr/old/\"]\nslug: Bad_Slug\n---\n",
    );
    let fr = check(&s, "fr");
    let en = check(&s, "en");
    assert_eq!(fr.len(), en.len(), "the same mistakes in both languages");
    assert!(fr.len() >= 12, "{fr:#?}");
    let english: Vec<String> = fr
        .iter()
        .filter(|d| !english_in(d).is_empty())
        .map(|d| format!("{:?}: {d:?}", english_in(d)))
        .collect();
    assert!(english.is_empty(), "{}", english.join("\n"));
    // The same words mark the English run: the check can fail.
    assert!(
        en.iter().filter(|d| !english_in(d).is_empty()).count() >= en.len() / 2,
        "{en:#?}"
    );
}
