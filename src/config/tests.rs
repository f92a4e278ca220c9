use super::*;

const GOOD: &str = "title: { fr: Titre, en: Title }\nbase_url: https://x.org\ndefault_language: fr\nlanguages: [en, fr]\nsections:\n  practices: { fr: pratiques, en: practices }\n";

#[test]
fn good_config() {
    let c = parse(GOOD).expect("valid");
    assert_eq!(c.base_url.as_str(), "https://x.org/");
    assert_eq!(c.languages[0].as_str(), "fr");
    let en = c.lang("en").cloned().expect("en");
    assert_eq!(c.section(Kind::Practice, &c.languages[0]), "pratiques");
    assert_eq!(c.section(Kind::Meeting, &en), "meetings");
}

#[test]
fn unknown_key_and_missing_translation() {
    let bad = GOOD.replace(
        "title: { fr: Titre, en: Title }",
        "title: { fr: Titre }\ntheme_colour: red",
    );
    let d = parse(&bad).expect_err("invalid");
    let first = d.iter().next().expect("one");
    assert!(first.message.contains("theme_colour"), "{}", first.message);
}

#[test]
fn missing_language_text_is_located() {
    let bad = GOOD.replace("{ fr: Titre, en: Title }", "{ fr: Titre }");
    let d = parse(&bad).expect_err("invalid");
    let e = d.iter().next().expect("one");
    assert_eq!(e.message, "`title` has no text in `en`");
    assert_eq!(e.span.as_ref().map(|s| (s.line, s.column)), Some((1, 8)));
}
