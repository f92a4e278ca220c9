//! Property tests: any text at all, and text made of the pieces YAML and
//! front matter are built from, gives checked front matter or diagnostics,
//! never a panic or a hang, for every kind. `PROPTEST_CASES` sets how many
//! cases run (a modest number by default, to keep `cargo test` quick).

use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;

use crate::config::{self, Config};
use crate::discover::Document;
use crate::kind::Kind;

fn config() -> Config {
    let yaml = "title: { fr: T, en: T }\nbase_url: https://x.org/\ndefault_language: fr\nlanguages: [fr, en]\ntaxonomies:\n  themes:\n    a: { fr: A, en: A }\n";
    config::parse(yaml).unwrap_or_else(|d| panic!("test config: {d:?}"))
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128)
}

/// Runs `f` on another thread and fails if it takes over ten seconds: a
/// hang is a failure, not a stuck test run.
fn within_ten_seconds(f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        f();
        let _ = tx.send(());
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("front matter parsing hung"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("front matter parsing panicked"),
    }
}

/// The pieces front matter is made of, and the ones that break it.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("title: ".to_string()),
        Just("date: 2021-02-30".to_string()),
        Just("date: 2021-01-21".to_string()),
        Just("type: webinar".to_string()),
        Just("countries: ".to_string()),
        Just("documents:\n  - { title: d, file: a.pdf }".to_string()),
        Just("location: { city: x, country: cm }".to_string()),
        Just("aliases: [/a/../b/]".to_string()),
        Just("slug: ".to_string()),
        Just("themes: [a, b]".to_string()),
        Just("period: { start: 2020, end: 1999 }".to_string()),
        Just(": ".to_string()),
        Just("- ".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(", ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("  ".to_string()),
        Just("# ".to_string()),
        Just("|\n".to_string()),
        Just(">-\n".to_string()),
        Just("!!str ".to_string()),
        Just("!custom ".to_string()),
        Just("? ".to_string()),
        Just("...\n".to_string()),
        Just("%YAML 1.2\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("é".to_string()),
        Just("\u{0}".to_string()),
        "[a-z0-9-]{1,8}",
    ]
}

fn soup() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(piece(), 0..80)).prop_map(|(fence, pieces)| {
        let body = pieces.concat();
        if fence { format!("---\n{body}") } else { body }
    })
}

fn parse_as_every_kind(text: String) {
    let config = config();
    for (kind, id) in Kind::ALL
        .into_iter()
        .map(|k| (Some(k), Some("x".to_string())))
        .chain([(None, None), (Some(Kind::Page), None)])
    {
        let doc = Document {
            file: "content/x.fr.md".into(),
            fingerprint: crate::discover::fingerprint(&text),
            text: std::sync::Arc::new(text.clone()),
            kind,
            id,
            lang: config.default_language.clone(),
            bundle: false,
            term: None,
        };
        match super::parse(&doc, &config) {
            // Whatever was accepted can be located for a diagnostic.
            Ok((parsed, _)) => {
                let src = parsed.source(&doc);
                let _ = src.span_of(&[crate::yaml::Seg::Key("title")]);
                let _ = parsed.body(&doc);
            }
            Err(d) => assert!(d.has_errors(), "a refusal says why"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_text_gives_front_matter_or_diagnostics(text in any::<String>()) {
        within_ten_seconds(move || parse_as_every_kind(text));
    }

    #[test]
    fn front_matter_soup_gives_front_matter_or_diagnostics(text in soup()) {
        within_ten_seconds(move || parse_as_every_kind(text));
    }
}
