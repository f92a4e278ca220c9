//! Pairing by file name, the switcher, hreflang, missing translations,
//! dates and sorting the language's way.

use crate::support::{Site, parse_diags};

#[test]
fn translations_pair_by_file_name_and_link_each_other() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let fr = site.page("fr/pratiques/ofii-cameroon/");
    let en = site.page("en/practices/ofii-cameroon/");
    assert_eq!(fr.lang(), "fr");
    assert_eq!(en.lang(), "en");
    assert_eq!(
        fr.text("h1"),
        "Aide de l'OFII à la création d'entreprise au Cameroun"
    );
    assert_eq!(
        en.text("h1"),
        "OFII support to business creation in Cameroon"
    );

    // The visible switcher links the other language, in that language.
    let other = fr.one(".lang-switch a");
    assert_eq!(
        other.value().attr("href"),
        Some("/en/practices/ofii-cameroon/")
    );
    assert_eq!(other.value().attr("hreflang"), Some("en"));
    assert_eq!(other.value().attr("lang"), Some("en"));
    assert_eq!(
        fr.attr(".lang-switch [aria-current]", "lang").as_deref(),
        Some("fr")
    );

    // And the head says it to machines, with absolute addresses.
    let alternates: Vec<(String, String)> = en
        .all("link[rel=alternate][hreflang]")
        .into_iter()
        .map(|l| {
            (
                l.value().attr("hreflang").unwrap_or("").into(),
                l.value().attr("href").unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        vec![
            (
                "fr".to_string(),
                "https://hub.example.org/fr/pratiques/ofii-cameroon/".to_string()
            ),
            (
                "en".to_string(),
                "https://hub.example.org/en/practices/ofii-cameroon/".to_string()
            ),
        ]
    );
}

#[test]
fn a_missing_translation_is_marked_never_a_broken_link() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let fr = site.page("fr/pratiques/anpe-togo/");
    assert!(
        fr.all(".lang-switch a").is_empty(),
        "no link to a page that does not exist"
    );
    assert_eq!(
        fr.text(".lang-switch .unavailable"),
        "English (traduction non disponible)"
    );
    assert!(fr.all("link[rel=alternate][hreflang=en]").is_empty());
    assert!(!site.exists("public/en/practices/anpe-togo"));

    // The English list still shows the fiche, marked French, linking to it.
    let list = site.page("en/practices/");
    let items = list.all(".items .item h2 a");
    let anpe = items
        .iter()
        .find(|a| a.value().attr("href") == Some("/fr/pratiques/anpe-togo/"))
        .expect("the French-only fiche is listed in English");
    assert_eq!(anpe.value().attr("lang"), Some("fr"));
    assert!(
        list.texts(".items .item h2")
            .iter()
            .any(|t| t.ends_with("(in French)"))
    );
}

#[test]
fn check_reports_missing_translations_and_strict_fails_on_them() {
    let site = Site::fixture("languages/pairing");
    let out = site.run(&["check", "--format", "json"]);
    assert!(out.status.success());
    let diags = parse_diags(&out);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, "warning");
    assert_eq!(diags[0].file, "content/practices/anpe-togo.fr.md");
    assert_eq!(
        diags[0].message,
        "the practice `anpe-togo` has no `en` version"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("translate it into `content/practices/anpe-togo.en.md`")
    );

    let strict = site.run(&["check", "--strict", "--format", "json"]);
    assert!(!strict.status.success());
    assert_eq!(parse_diags(&strict)[0].severity, "error");
}

#[test]
fn dates_are_written_the_language_way() {
    let site = Site::fixture("languages/dates-and-sorting");
    site.build(&[]);
    let fr = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    let en = site.page("en/meetings/2021-01-21-rvr-webinar/");
    assert_eq!(fr.text("dl.facts time"), "21 janvier 2021");
    assert_eq!(
        fr.attr("dl.facts time", "datetime").as_deref(),
        Some("2021-01-21")
    );
    assert_eq!(en.text("dl.facts time"), "21 January 2021");
    let steering = site.page("fr/reunions/2022-03-01-steering/");
    assert_eq!(
        steering.texts("dl.facts time"),
        vec!["1er mars 2022", "2 mars 2022"]
    );
    assert_eq!(
        site.page("en/meetings/2022-03-01-steering/")
            .texts("dl.facts time"),
        vec!["1 March 2022", "2 March 2022"]
    );
}

#[test]
fn lists_sort_alphabetically_with_accents_folded() {
    let site = Site::fixture("languages/dates-and-sorting");
    // The countries list groups by region: Egypt in Europe here, so that
    // its accented French name sorts among the others.
    for lang in ["fr", "en"] {
        let file = format!("content/countries/eg.{lang}.md");
        let text = site
            .read(&file)
            .replace("region: north-africa", "region: europe");
        site.write(&file, &text);
    }
    site.build(&[]);
    let fr = site.page("fr/pays/").texts(".items .item h3");
    assert_eq!(
        fr,
        vec![
            "Allemagne",
            "Danemark",
            "Égypte",
            "Espagne",
            "Estonie",
            "France"
        ]
    );
    let en = site.page("en/countries/").texts(".items .item h3");
    assert_eq!(
        en,
        vec!["Denmark", "Egypt", "Estonia", "France", "Germany", "Spain"]
    );
    // Meetings: newest first.
    let meetings = site.page("en/meetings/").texts(".items .item h2");
    assert_eq!(
        meetings,
        vec![
            "Steering Committee",
            "Webinar on voluntary return and reintegration"
        ]
    );
}

/// The words of the theme's French and English strings that a page of
/// another language must not show: every value at least four characters
/// long that differs from the Portuguese one, and the label formats' words.
/// A flat file of UI strings, read by the site's own YAML reader.
fn ui_strings(text: &str) -> std::collections::BTreeMap<String, String> {
    use rabat_hub::yaml::{Source, Value, read};
    let tree = read(&Source::whole("strings.yaml", text)).expect("yaml");
    let Value::Map(entries) = tree.value else {
        panic!("a mapping")
    };
    entries
        .into_iter()
        .filter_map(|(k, v)| match (k.value, v.value) {
            (Value::Scalar { text: k, .. }, Value::Scalar { text: v, .. }) => Some((k, v)),
            _ => None,
        })
        .collect()
}

fn french_and_english_words(pt: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    let mut words = Vec::new();
    for lang in ["fr", "en"] {
        let path = crate::support::repo().join(format!("themes/default/i18n/{lang}.yaml"));
        let text = std::fs::read_to_string(path).expect("strings");
        for (key, value) in ui_strings(&text) {
            let theirs = pt.get(&key).map(String::as_str);
            if value.chars().count() >= 4 && !value.contains('{') && theirs != Some(value.as_str())
            {
                words.push(value);
            }
        }
    }
    words
}

#[test]
fn a_third_language_shows_only_its_own_words() {
    let site = Site::fixture("languages/third-language");
    site.build(&[]);
    let pt_file = site.path("themes/default/i18n/pt.yaml");
    let pt = ui_strings(&std::fs::read_to_string(pt_file).expect("pt strings"));
    let foreign = french_and_english_words(&pt);
    assert!(foreign.len() > 100, "{} words", foreign.len());
    let out = site.path("public");
    let mut pages = 0;
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&out).sort_by_file_name() {
        let entry = entry.expect("walk");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).expect("page");
        let doc = scraper::Html::parse_document(&html);
        // What a reader sees or hears: text, and the attributes that are
        // read out or shown (labels, titles, alternatives, descriptions).
        // (Not the JSON-LD's schema.org words, which are data.)
        let mut shown: Vec<String> = doc
            .root_element()
            .descendants()
            .filter(|n| {
                n.parent()
                    .and_then(scraper::ElementRef::wrap)
                    .is_none_or(|p| !matches!(p.value().name(), "script" | "style"))
            })
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        for el in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for attr in ["aria-label", "title", "alt", "placeholder", "content"] {
                if let Some(v) = el.value().attr(attr) {
                    shown.push(v.to_string());
                }
            }
        }
        let shown = shown.join("\n");
        for w in &foreign {
            if shown.contains(w.as_str()) {
                found.push(format!(
                    "{}: {w:?}",
                    path.strip_prefix(&out).expect("in").display()
                ));
            }
        }
        assert!(html.contains("<html lang=\"pt\""), "{}", path.display());
        pages += 1;
    }
    assert!(pages >= 10, "{pages} pages");
    assert_eq!(found, Vec::<String>::new());
    // The words the renderer adds come from the language's strings.
    let practice = site.page("pt/praticas/anpe-togo/");
    assert_eq!(
        practice.one(".table-scroll").value().attr("aria-label"),
        Some("Tabela")
    );
    let meeting = site.page("pt/reunioes/2021-01-21-webinar/");
    assert_eq!(
        meeting.one(".footnote-back").value().attr("aria-label"),
        Some("Voltar à chamada da nota")
    );
}
