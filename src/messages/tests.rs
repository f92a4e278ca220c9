use super::*;

#[test]
fn both_catalogues_have_the_same_ids() {
    let fr = ids(Language::Fr);
    let en = ids(Language::En);
    let missing_fr: Vec<&String> = en.iter().filter(|i| !fr.contains(i)).collect();
    let missing_en: Vec<&String> = fr.iter().filter(|i| !en.contains(i)).collect();
    assert!(missing_fr.is_empty(), "fr.ftl lacks {missing_fr:?}");
    assert!(missing_en.is_empty(), "en.ftl lacks {missing_en:?}");
    assert!(fr.len() > 10);
}

#[test]
fn every_message_formats_in_every_language() {
    for lang in Language::ALL {
        assert_eq!(parse_errors(lang), 0, "{lang:?}");
        for id in ids(lang) {
            let out = text_in(lang, &id, &[]);
            assert_ne!(out, id, "{lang:?} {id}");
        }
    }
}

#[test]
fn counts_take_the_plural_of_the_language() {
    let one = text_in(Language::Fr, "summary-errors", &[("count", Arg::Count(1))]);
    let two = text_in(Language::Fr, "summary-errors", &[("count", Arg::Count(2))]);
    assert_eq!(one, "1 erreur");
    assert_eq!(two, "2 erreurs");
    assert_eq!(
        text_in(Language::En, "summary-errors", &[("count", Arg::Count(1))]),
        "1 error"
    );
}

#[test]
fn the_locale_chooses_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        from_locale(env(&[("LANG", "fr_FR.UTF-8")])),
        Some(Language::Fr)
    );
    assert_eq!(
        from_locale(env(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "en_GB")])),
        Some(Language::En)
    );
    assert_eq!(from_locale(env(&[("LANG", "C")])), None);
    assert_eq!(Language::parse("en-GB"), Some(Language::En));
}

#[test]
fn kinds_are_named_in_the_language_with_their_gender() {
    let args = |k: &str| vec![("kind", Arg::from(k)), ("id", Arg::from("x"))];
    assert_eq!(
        text_in(Language::En, "ref-unknown", &args("country")),
        "unknown country `x`"
    );
    assert_eq!(
        text_in(Language::Fr, "ref-unknown", &args("country")),
        "pays inconnu : `x`"
    );
    assert_eq!(
        text_in(Language::Fr, "ref-unknown", &args("practice")),
        "pratique inconnue : `x`"
    );
    assert_eq!(
        text_in(Language::Fr, "fm-a-kind", &[("kind", Arg::from("meeting"))]),
        "un élément de type « réunion »"
    );
}

#[test]
fn braces_are_written_as_braces() {
    assert_eq!(
        text_in(Language::En, "location-not-a-location-help", &[]),
        "write `location: online`, or `location: { city: Yaoundé, country: cm }`"
    );
}
