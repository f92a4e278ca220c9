//! Themes' and organisations' pages with a text of their own
//! (`content/themes/<id>.<lang>.md`, `content/organisations/<id>.<lang>.md`):
//! shown at the top of the term's page in its language and used as the
//! page's description; every mistake in such a file reported at its line
//! and column, in French and in English.

use crate::support::{Diag, Page, Site, parse_all, parse_diags};

const FIXTURE: &str = "pages/described-terms";
const THEME_FR: &str = "content/themes/return-readmission-reintegration.fr.md";

fn description(page: &Page) -> String {
    page.attr("meta[name='description']", "content")
        .unwrap_or_default()
}

/// The term's text, and whether it comes before the first list of items.
fn text_before_lists(page: &Page) -> (String, bool) {
    let text = page.text(".term-text");
    let html = page.0.root_element().html();
    let first_list = html.find("<h2").unwrap_or(usize::MAX);
    let at = html.find("term-text").unwrap_or(usize::MAX);
    (text, at < first_list)
}

#[test]
fn a_term_page_shows_its_text_first_and_describes_itself_with_it() {
    let site = Site::fixture(FIXTURE);
    site.build(&[]);

    // A theme with a summary: the summary is the description, the text is
    // shown (Markdown: bold, an `@/` link in the page's language).
    for (lang, practices, summary, words) in [
        (
            "fr",
            "pratiques",
            "Le retour des migrants dans leur pays d'origine et leur réintégration durable.",
            "retour volontaire",
        ),
        (
            "en",
            "practices",
            "Migrants' return to their countries of origin and their lasting reintegration.",
            "voluntary return",
        ),
    ] {
        let page = site.page(&format!("{lang}/themes/return-readmission-reintegration/"));
        assert_eq!(description(&page), summary, "{lang}");
        assert_eq!(
            page.attr("meta[property='og:description']", "content")
                .as_deref(),
            Some(summary),
            "{lang}"
        );
        let (text, first) = text_before_lists(&page);
        assert!(first, "{lang}: the text comes before the lists");
        assert!(text.contains(words), "{lang}: {text}");
        assert_eq!(page.text(".term-text strong"), words, "{lang}");
        assert_eq!(
            page.attr(".term-text a", "href").as_deref(),
            Some(format!("/{lang}/{practices}/ofii-cameroon/").as_str()),
            "{lang}"
        );
        // The items tagged with it are still listed, under the text.
        assert_eq!(
            page.all(&format!(
                "section.links a[href='/{lang}/{practices}/ofii-cameroon/']"
            ))
            .len(),
            1,
            "{lang}"
        );
    }

    // An organisation with a text and no summary: the text's first words
    // describe the page, cut at a word, about 160 characters.
    for (lang, start, word) in [
        ("fr", "Office français de", "réintégration"),
        ("en", "The French Office for", "reintegration"),
    ] {
        let page = site.page(&format!("{lang}/organisations/ofii/"));
        let d = description(&page);
        assert!(d.contains(start), "{lang}: {d}");
        assert!(d.ends_with('…') && d.chars().count() <= 161, "{lang}: {d}");
        let (text, first) = text_before_lists(&page);
        assert!(first && text.contains(word), "{lang}: {text}");
    }

    // A term without a text: no text block, the site's description.
    for (lang, site_description) in [
        ("fr", "Un site pour les tests."),
        ("en", "A site for tests."),
    ] {
        let page = site.page(&format!("{lang}/themes/protection-asylum/"));
        assert!(page.all(".term-text").is_empty(), "{lang}");
        assert_eq!(description(&page), site_description, "{lang}");
    }
}

/// `check --format json --lang <lang>` (with `extra`); its diagnostics.
fn check(site: &Site, lang: &str, extra: &[&str]) -> Vec<Diag> {
    let mut args = vec!["check", "--format", "json", "--lang", lang];
    args.extend(extra);
    let out = site.run(&args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_diags(&out)
}

fn errors_in<'d>(diags: &'d [Diag], file: &str) -> Vec<&'d Diag> {
    diags
        .iter()
        .filter(|d| d.file == file && d.severity == "error")
        .collect()
}

#[test]
fn a_mistake_in_a_term_text_is_reported_at_its_line_and_column_in_both_languages() {
    let site = Site::fixture(FIXTURE);
    // A title (the name is config.yaml's), and a link to nothing.
    site.write(
        THEME_FR,
        "---\nsummary: \"Le retour.\"\ntitle: \"Retour\"\n---\n\nVoir [la fiche](@/practices/nowhere).\n",
    );
    for (lang, help) in [
        (
            "fr",
            "le nom d’un thème ou d’une organisation est son libellé dans config.yaml (`taxonomies:`) ; l’en-tête de son texte n’a que `summary`",
        ),
        (
            "en",
            "a theme's or organisation's name is its label in config.yaml (`taxonomies:`); its text's front matter has `summary` only",
        ),
    ] {
        let diags = check(&site, lang, &[]);
        let mut here = errors_in(&diags, THEME_FR);
        here.sort_by_key(|d| (d.line, d.column));
        let at: Vec<(u64, u64)> = here.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(3, 1), (6, 17)], "{lang}: {diags:#?}");
        assert_eq!(here[0].help.as_deref(), Some(help), "{lang}");
        assert!(here[0].message.contains("title"), "{lang}");
        assert!(here[1].message.contains("nowhere"), "{lang}");
    }

    // A file for a theme config.yaml does not have: at the file, with the
    // rename that fixes it.
    std::fs::remove_file(site.path(THEME_FR)).expect("rm");
    let typo = "content/themes/protection-asyl.fr.md";
    site.write(typo, "---\n---\n\nLa protection.\n");
    for (lang, message) in [
        (
            "fr",
            "config.yaml n’a pas de thème `protection-asyl` : un fichier de content/themes/ est le texte de la page d’un terme que config.yaml déclare",
        ),
        (
            "en",
            "config.yaml has no theme `protection-asyl`: a file of content/themes/ is the text of the page of a term config.yaml declares",
        ),
    ] {
        let diags = check(&site, lang, &[]);
        let here = errors_in(&diags, typo);
        assert_eq!(here.len(), 1, "{lang}: {diags:#?}");
        assert_eq!((here[0].line, here[0].column), (1, 1));
        assert_eq!(here[0].message, message, "{lang}");
        assert!(
            here[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("protection-asylum.fr.md")),
            "{lang}: {:?}",
            here[0].help
        );
    }
}

#[test]
fn a_term_text_in_one_language_only_is_a_missing_translation() {
    let site = Site::fixture(FIXTURE);
    std::fs::remove_file(site.path("content/organisations/ofii.en.md")).expect("rm");
    // A warning: the build goes on, `check --strict` fails on it.
    site.build(&[]);
    let out = site.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let diags = parse_all(&out);
    let d = diags
        .iter()
        .find(|d| d.file == "content/organisations/ofii.fr.md")
        .unwrap_or_else(|| panic!("no warning at the French text: {diags:#?}"));
    assert_eq!(
        d.message,
        "the text of the organisation `ofii` has no `en` version"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("translate it into `content/organisations/ofii.en.md`")
    );
    // The English page stands without it, described by the site.
    let page = site.page("en/organisations/ofii/");
    assert!(page.all(".term-text").is_empty());
    assert_eq!(description(&page), "A site for tests.");
}

#[test]
fn serve_shows_a_term_text_as_it_is_written_edited_and_removed() {
    use std::time::Duration;
    let site = Site::fixture(FIXTURE);
    let serving = crate::served::Served::start_with(&site.root, &[], &[]);
    let page = "/en/themes/protection-asylum/";
    let limit = Duration::from_secs(20);
    assert!(!serving.get(page).1.contains("term-text"));
    let file = "content/themes/protection-asylum.en.md";
    site.write(file, "---\n---\n\nWho needs **protection**.\n");
    assert!(
        serving
            .wait_for(page, limit, |_, b| b
                .contains("Who needs <strong>protection</strong>"))
            .is_some(),
        "a new text is shown"
    );
    site.write(file, "---\n---\n\nWho needs **asylum**.\n");
    assert!(
        serving
            .wait_for(page, limit, |_, b| b.contains("<strong>asylum</strong>"))
            .is_some(),
        "an edited text is shown"
    );
    std::fs::remove_file(site.path(file)).expect("rm");
    assert!(
        serving
            .wait_for(page, limit, |_, b| !b.contains("term-text"))
            .is_some(),
        "a removed text is gone"
    );
}
