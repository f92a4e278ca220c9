//! Section 5 of the contract: every edge shown from both ends, in both
//! languages, with the fallback to the other language marked.
//!
//! The fixture `graph/cross-links` writes each link once: the meeting names
//! `anpe-togo` in `practices`, while `border-desks` names the meeting in its
//! own `meetings`; `employer-reluctance` names `coordination-gaps` as
//! related; `porous-borders` exists only in French.

use std::sync::OnceLock;

use crate::support::{Site, parse_diags};

/// Built once: every test here only reads it.
fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixture("graph/cross-links");
        s.build(&[]);
        s
    })
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_challenge_lists_recommendations_meetings_practices_countries_and_related() {
    let fr = site().page("fr/defis/coordination-gaps/");
    assert_eq!(
        fr.titles("Recommandations qui y répondent"),
        v(&[
            "Approche multipartite",
            "Mécanisme national de coordination"
        ])
    );
    assert_eq!(fr.titles("Identifié lors de"), v(&["Webinaire"]));
    assert_eq!(
        fr.titles("Pratiques qui s'y attaquent"),
        v(&["Services de l'ANPE"])
    );
    // Togo through the practice; Cameroon where the meeting took place.
    assert_eq!(fr.titles("Pays concernés"), v(&["Cameroun", "Togo"]));
    // Written on the other challenge only.
    assert_eq!(fr.titles("Défis liés"), v(&["Réticence des employeurs"]));

    let en = site().page("en/challenges/coordination-gaps/");
    assert_eq!(
        en.titles("Recommendations that address it"),
        v(&[
            "Multi-stakeholder approach",
            "National coordination mechanism"
        ])
    );
    assert_eq!(en.titles("Identified at"), v(&["Webinar"]));
    assert_eq!(en.titles("Practices that tackle it"), v(&["ANPE services"]));
    assert_eq!(en.titles("Countries concerned"), v(&["Cameroon", "Togo"]));
    assert_eq!(en.titles("Related challenges"), v(&["Employer reluctance"]));
    // Right under the title, in words, each a link to its list.
    assert_eq!(
        en.texts(".entity-head .connections a"),
        v(&[
            "addressed by 2 recommendations",
            "tackled by 1 practice",
            "raised at 1 meeting",
            "2 countries",
            "1 related challenge"
        ])
    );
    for a in en.all(".entity-head .connections a") {
        let id = a
            .value()
            .attr("href")
            .unwrap_or_default()
            .trim_start_matches('#');
        assert!(
            !en.all(&format!("section.links[id='{id}'] li")).is_empty(),
            "{id}"
        );
    }
    assert_eq!(
        fr.texts(".entity-head .connections a"),
        v(&[
            "visé par 2 recommandations",
            "traité par 1 pratique",
            "soulevé lors de 1 réunion",
            "2 pays",
            "1 défi lié"
        ])
    );
}

#[test]
fn a_recommendation_lists_its_challenges_meetings_and_practices() {
    let en = site().page("en/recommendations/coordination-mechanism/");
    assert_eq!(en.titles("Challenges addressed"), v(&["Coordination gaps"]));
    assert_eq!(en.titles("Made at"), v(&["Webinar"]));
    assert_eq!(en.titles("Put into practice by"), v(&["ANPE services"]));
    let fr = site().page("fr/recommendations/multi-stakeholder/");
    assert_eq!(
        fr.titles("Défis traités"),
        v(&["Coordination insuffisante", "Frontières poreuses"])
    );
    assert_eq!(
        fr.titles("Mise en pratique par"),
        v(&["Guichets frontaliers"])
    );
}

#[test]
fn a_link_to_an_entity_missing_in_the_language_falls_back_marked() {
    let en = site().page("en/recommendations/multi-stakeholder/");
    let list = en.list("Challenges addressed");
    assert_eq!(
        list,
        vec![
            (
                "Coordination gaps".to_string(),
                "/en/challenges/coordination-gaps/".to_string()
            ),
            (
                "Frontières poreuses".to_string(),
                "/fr/defis/porous-borders/".to_string()
            ),
        ]
    );
    let fallback = en
        .all("section.links li > a[hreflang=fr]")
        .into_iter()
        .map(|a| a.value().attr("lang"))
        .collect::<Vec<_>>();
    assert_eq!(fallback, vec![Some("fr")]);
    assert!(
        en.texts("section.links li")
            .iter()
            .any(|t| t == "Frontières poreuses (in French)")
    );
}

#[test]
fn a_meeting_lists_practices_from_either_side_of_the_edge() {
    let fr = site().page("fr/reunions/2021-01-21-webinar/");
    assert_eq!(
        fr.titles("Pratiques présentées"),
        v(&["Guichets frontaliers", "Services de l'ANPE"])
    );
    assert_eq!(
        fr.titles("Défis identifiés"),
        v(&["Coordination insuffisante"])
    );
    assert_eq!(
        fr.titles("Recommandations formulées"),
        v(&["Mécanisme national de coordination"])
    );
    assert_eq!(fr.titles("Pays participants"), v(&["Togo"]));
    let facts = fr.texts("dl.facts dd");
    assert!(
        facts.contains(&"Yaoundé, Cameroun".to_string()),
        "{facts:?}"
    );
    assert!(facts.contains(&"France".to_string()), "chairs: {facts:?}");
    assert!(
        facts.contains(&"OIM".to_string()),
        "organisations: {facts:?}"
    );
}

#[test]
fn a_practice_lists_meetings_from_either_side_of_the_edge() {
    // Written on the meeting.
    assert_eq!(
        site()
            .page("en/practices/anpe-togo/")
            .titles("Presented at"),
        v(&["Webinar"])
    );
    // Written on the practice.
    assert_eq!(
        site()
            .page("en/practices/border-desks/")
            .titles("Presented at"),
        v(&["Webinar"])
    );
    let fr = site().page("fr/pratiques/border-desks/");
    assert_eq!(fr.titles("Défis traités"), v(&["Frontières poreuses"]));
    assert_eq!(
        fr.titles("Recommandations mises en pratique"),
        v(&["Approche multipartite"])
    );
}

#[test]
fn a_country_lists_practices_meetings_and_what_they_reach() {
    let cm = site().page("en/countries/cm/");
    assert_eq!(
        cm.titles("Practices implemented here"),
        v(&["Border desks"])
    );
    assert_eq!(cm.titles("Meetings hosted"), v(&["Webinar"]));
    assert!(cm.titles("Meetings co-chaired").is_empty());
    assert_eq!(
        cm.titles("Related challenges"),
        v(&["Coordination gaps", "Frontières poreuses"])
    );
    assert_eq!(
        cm.titles("Related recommendations"),
        v(&[
            "Multi-stakeholder approach",
            "National coordination mechanism"
        ])
    );
    assert_eq!(
        site().page("fr/pays/fr/").titles("Réunions coprésidées"),
        v(&["Webinaire"])
    );
    let tg = site().page("fr/pays/tg/");
    assert_eq!(
        tg.titles("Réunions auxquelles le pays a pris part"),
        v(&["Webinaire"])
    );
    assert_eq!(
        tg.titles("Pratiques mises en œuvre"),
        v(&["Services de l'ANPE"])
    );
}

#[test]
fn theme_and_organisation_pages_list_everything_tagged() {
    let theme = site().page("fr/themes/return-readmission-reintegration/");
    assert_eq!(theme.text("h1"), "Retour et réintégration");
    assert_eq!(theme.titles("Réunions"), v(&["Webinaire"]));
    assert_eq!(theme.titles("Défis"), v(&["Coordination insuffisante"]));
    let iom = site().page("en/organisations/iom/");
    assert_eq!(iom.titles("Meetings"), v(&["Webinar"]));
    assert_eq!(iom.titles("Good practices"), v(&["Border desks"]));
    let index = site().page("en/organisations/");
    assert_eq!(index.texts(".terms li"), v(&["IOM 2", "OFII 0"]));
    // The entity pages link their tags.
    let webinar = site().page("en/meetings/2021-01-21-webinar/");
    assert!(webinar.all("a[href='/en/organisations/iom/']").len() == 1);
    assert!(
        webinar
            .all("a[href='/en/themes/return-readmission-reintegration/']")
            .len()
            == 1
    );
}

#[test]
fn the_matrix_is_a_real_table_with_counts() {
    let en = site().page("en/matrix/");
    assert_eq!(
        en.texts("table.matrix thead th"),
        v(&[
            "Multi-stakeholder approach",
            "National coordination mechanism"
        ])
    );
    assert_eq!(
        en.texts("table.matrix tbody th[scope=row]"),
        v(&[
            "Coordination gaps",
            "Employer reluctance",
            "Frontières poreuses"
        ])
    );
    // Each cell in words: a mark and "addresses it" for screen readers,
    // the practices behind it counted in words and linked to the list
    // below the table, where they are named.
    let rows: Vec<Vec<String>> = en
        .all("table.matrix tbody tr")
        .into_iter()
        .map(|tr| {
            let td = scraper::Selector::parse("td").unwrap_or_else(|_| unreachable!());
            tr.select(&td).map(crate::support::text_of).collect()
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            // coordination gaps: both address it; ANPE links it to the mechanism
            v(&["● addresses it.", "● addresses it, 1 practice"]),
            v(&["no", "no"]),
            // porous borders: border desks apply the multi-stakeholder approach
            v(&["● addresses it, 1 practice", "no"]),
        ]
    );
    let count = en.all("table.matrix td.yes a")[0];
    let target = count
        .value()
        .attr("href")
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string();
    let pair = en.one(&format!(".matrix-list li[id='{target}']"));
    let names: Vec<String> = pair
        .select(&scraper::Selector::parse("a").unwrap_or_else(|_| unreachable!()))
        .map(crate::support::text_of)
        .collect();
    // The recommendation, then the one practice behind the cell.
    assert_eq!(names.len(), 2, "{target}: {names:?}");
    // The list form, which phones show in place of the table: every
    // challenge, each with the recommendations that address it, open (the
    // table's counts link into it).
    assert!(
        en.all(".matrix-list details")
            .iter()
            .all(|d| d.value().attr("open").is_some())
    );
    assert_eq!(
        en.texts(".matrix-list h3"),
        v(&[
            "Coordination gaps",
            "Employer reluctance",
            "Frontières poreuses"
        ])
    );
    let fr = site().page("fr/matrix/");
    assert!(
        fr.texts("table.matrix td")
            .iter()
            .any(|t| t == "● y répond, 1 pratique"),
        "{:?}",
        fr.texts("table.matrix td")
    );
}

#[test]
fn graph_json_has_every_entity_and_edge() {
    let g: serde_json::Value =
        serde_json::from_str(&site().read("public/en/graph.json")).expect("json");
    assert_eq!(g["language"], "en");
    let entities = g["entities"].as_array().expect("entities");
    assert_eq!(entities.len(), 3 + 3 + 2 + 1 + 2);
    let porous = entities
        .iter()
        .find(|e| e["key"] == "challenge/porous-borders")
        .expect("fallback entity");
    assert_eq!(porous["language"], "fr");
    assert_eq!(
        porous["url"],
        "https://hub.example.org/fr/defis/porous-borders/"
    );
    let edges = g["edges"].as_array().expect("edges");
    assert!(edges.iter().any(|e| e["from"] == "practice/border-desks"
        && e["field"] == "meetings"
        && e["to"] == "meeting/2021-01-21-webinar"));
    // One edge per reference written: 6 from the meeting, 3+4 from the
    // practices, 1 related, 1+2 addresses.
    assert_eq!(edges.len(), 17);
}

#[test]
fn check_warns_of_loose_ends_and_missing_translations() {
    let out = site().run(&["check", "--format", "json"]);
    assert!(out.status.success());
    let messages: Vec<String> = parse_diags(&out)
        .into_iter()
        .map(|d| format!("{}: {}", d.severity, d.message))
        .collect();
    assert_eq!(
        messages,
        v(&[
            "warning: no recommendation addresses the challenge `employer-reluctance`",
            "warning: the challenge `porous-borders` has no `en` version",
        ])
    );
    assert!(!site().run(&["check", "--strict"]).status.success());
}

#[test]
fn a_large_matrix_becomes_a_list_by_challenge() {
    // 70 challenges × 60 recommendations is past what a grid can show.
    let site = Site::fixture("graph/cross-links");
    for c in 0..70 {
        site.write(
            &format!("content/challenges/c{c:02}.en.md"),
            &format!("---\ntitle: \"Challenge {c:02}\"\n---\n"),
        );
    }
    for r in 0..60 {
        site.write(
            &format!("content/recommendations/r{r:02}.en.md"),
            &format!(
                "---\ntitle: \"Recommendation {r:02}\"\naddresses: [c{:02}]\n---\n",
                r % 70
            ),
        );
    }
    site.build(&[]);
    let en = site.page("en/matrix/");
    assert!(en.all("table.matrix").is_empty());
    let rows = en.all(".matrix-list .items > li");
    assert_eq!(rows.len(), 3 + 70);
    let c05 = rows
        .iter()
        .find(|li| crate::support::text_of(**li).starts_with("Challenge 05"))
        .map(|li| crate::support::text_of(*li))
        .expect("row of challenge 05");
    assert_eq!(
        c05,
        "Challenge 05 1 recommendation · 0 practices Recommendation 05 addresses it · 0 practices"
    );
    // Folded under that count, every challenge's: thousands of elements
    // laid out at once made the page slow on a phone.
    let folds = en.all(".matrix-list .items > li > details");
    // (every challenge with a recommendation: the fixture's two, and the
    // sixty the generated recommendations address)
    assert_eq!(folds.len(), 2 + 60);
    assert!(folds.iter().all(|d| d.value().attr("open").is_none()));
}
