//! The site's own face comes from its config.yaml and content, not from
//! the theme: another hub built with the theme shows its name, tagline,
//! logo, funders' band and footer links, and no word of the Rabat Process.

use crate::support::{Site, parse_diags, text_of};

const CONFIG: &str = r#"title: { fr: "Observatoire des mobilités du Sahel", en: "Sahel Mobility Observatory" }
description: { fr: "Un autre observatoire.", en: "Another observatory." }
base_url: "https://sahel.example.org/"
default_language: fr
languages: [fr, en]
sections:
  meetings: { fr: reunions, en: meetings }
  practices: { fr: pratiques, en: practices }
  countries: { fr: pays, en: countries }
  challenges: { fr: defis, en: challenges }
identity:
  tagline: { fr: "Ce que la région a appris", en: "What the region has learned" }
  footer: { fr: "Publié par l'Observatoire.", en: "Published by the Observatory." }
  logo: { file: img/emblem.svg, width: 48, height: 48 }
  funders:
    file: img/funders.svg
    width: 300
    height: 60
    alt: { fr: "Avec le soutien de la Fondation Exemple", en: "Supported by the Example Foundation" }
  links: [legal, contact]
taxonomies:
  themes:
    return-readmission-reintegration: { fr: "Retour et réintégration", en: "Return and reintegration" }
    protection-asylum: { fr: "Protection et asile", en: "Protection and asylum" }
  organisations:
    iom: { fr: "OIM", en: "IOM" }
    ofii: { fr: "OFII", en: "OFII" }
"#;

const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\"/></svg>\n";

fn observatory() -> Site {
    let site = Site::fixture("graph/cross-links");
    site.write("config.yaml", CONFIG);
    site.write("static/img/emblem.svg", SVG);
    site.write("static/img/funders.svg", SVG);
    for (file, title) in [
        ("legal.fr.md", "Mentions légales"),
        ("legal.en.md", "Legal notice"),
        ("contact.fr.md", "Nous écrire"),
        ("contact.en.md", "Write to us"),
    ] {
        site.write(
            &format!("content/pages/{file}"),
            &format!("---\ntitle: \"{title}\"\n---\nText.\n"),
        );
    }
    site
}

#[test]
fn another_hub_shows_its_own_name_logo_funders_and_footer_links() {
    let site = observatory();
    site.build(&[]);
    let pages = [
        ("fr/", "fr"),
        ("en/", "en"),
        ("en/challenges/", "en"),
        ("en/challenges/coordination-gaps/", "en"),
        ("fr/defis/coordination-gaps/", "fr"),
        ("en/matrix/", "en"),
        ("en/search/", "en"),
        ("fr/pages/legal/", "fr"),
    ];
    for (path, lang) in pages {
        let page = site.page(path);
        let (name, tagline, footer, funders, links) = if lang == "fr" {
            (
                "Observatoire des mobilités du Sahel",
                "Ce que la région a appris",
                "Publié par l'Observatoire.",
                "Avec le soutien de la Fondation Exemple",
                ["Mentions légales", "Nous écrire"],
            )
        } else {
            (
                "Sahel Mobility Observatory",
                "What the region has learned",
                "Published by the Observatory.",
                "Supported by the Example Foundation",
                ["Legal notice", "Write to us"],
            )
        };
        assert_eq!(page.texts(".brand-name"), vec![name.to_string()], "{path}");
        assert_eq!(page.texts(".tagline"), vec![tagline.to_string()], "{path}");
        let logo = page.one(".brand img.logo");
        assert_eq!(logo.value().attr("src"), Some("/img/emblem.svg"), "{path}");
        assert_eq!(logo.value().attr("width"), Some("48"));
        assert_eq!(logo.value().attr("height"), Some("48"));
        // Beside the name, the logo says nothing more.
        assert_eq!(logo.value().attr("alt"), Some(""));
        let band = page.one("footer .funders img");
        assert_eq!(band.value().attr("src"), Some("/img/funders.svg"));
        assert_eq!(band.value().attr("alt"), Some(funders));
        assert_eq!(
            page.texts("footer .site-links a"),
            links.map(String::from).to_vec(),
            "{path}"
        );
        assert!(page.texts("footer p").iter().any(|p| p == footer), "{path}");
        // No editors' link in the public footer.
        assert!(page.all("footer a[href$='/editors/']").is_empty(), "{path}");
        // Nothing of the theme names the Rabat Process: not the text, not
        // an attribute (the map's label, the title).
        let html = page.0.html();
        assert!(!html.contains("Rabat"), "{path}: {}", {
            let i = html.find("Rabat").unwrap_or(0);
            &html[i.saturating_sub(80)..(i + 40).min(html.len())]
        });
        assert!(
            text_of(page.one("title")).ends_with(name) || path.len() == 3,
            "{path}"
        );
    }
    // The footer links go to the hub's own pages, in the page's language.
    let en = site.page("en/");
    assert_eq!(
        en.all("footer .site-links a")
            .iter()
            .map(|a| a.value().attr("href").unwrap_or_default().to_string())
            .collect::<Vec<_>>(),
        vec!["/en/pages/legal/", "/en/pages/contact/"]
    );
}

#[test]
fn an_identity_image_or_page_that_does_not_exist_is_an_error_in_config_yaml() {
    let site = observatory();
    site.write(
        "config.yaml",
        &CONFIG
            .replace("img/emblem.svg", "img/missing.svg")
            .replace("[legal, contact]", "[legal, privacy]"),
    );
    let out = site.run(&["build", "--format", "json"]);
    assert!(!out.status.success());
    let diags = parse_diags(&out);
    let at = |needle: &str| {
        diags
            .iter()
            .find(|d| d.message.contains(needle))
            .map(|d| (d.file.clone(), d.line))
            .unwrap_or_else(|| panic!("no diagnostic naming {needle}: {diags:?}"))
    };
    assert_eq!(at("img/missing.svg"), ("config.yaml".to_string(), 14));
    assert_eq!(at("privacy"), ("config.yaml".to_string(), 20));
}
