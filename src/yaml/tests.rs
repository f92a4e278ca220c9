use std::collections::BTreeMap;

use super::*;

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fm {
    title: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    draft: bool,
}

fn src(yaml: &str) -> Source<'_> {
    Source::whole("a.md", yaml)
}

fn place(d: &Diagnostic) -> (usize, usize) {
    let s = d.span.clone().expect("located");
    (s.line, s.column)
}

#[test]
fn unknown_field_is_typed_and_points_at_key_with_hint() {
    let y = "title: x\ntitel: y\n";
    let t = read(&src(y)).expect("read");
    let e = typed::<Fm>(&t).expect_err("unknown");
    match &e {
        YamlError::Typed {
            error: Typed::UnknownField { name, expected },
            pos,
            ..
        } => {
            assert_eq!(name, "titel");
            assert!(expected.contains(&"title"));
            assert_eq!(*pos, Pos { line: 2, column: 1 });
        }
        other => panic!("{other:?}"),
    }
    let d = to_diagnostic(&src(y), &e);
    assert_eq!(d.message, "unknown field `titel`");
    assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn wrong_type_points_at_value() {
    let y = "title: x\ntags: 3\n";
    let d = parse::<Fm>(src(y)).unwrap_err();
    assert_eq!(place(&d), (2, 7));
    assert_eq!(
        d.message,
        "wrong type in `tags`: expected a list, found the number 3"
    );
}

#[test]
fn every_wrong_field_is_reported_in_one_reading() {
    let y = "title: x\ntitel: y\ntags: 3\ndraft: maybe\nother: 1\n";
    let r = parse_all::<Fm>(&src(y));
    assert!(r.value.is_some());
    let lines: Vec<usize> = r.errors.iter().map(|e| e.pos().line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5]);
    assert_eq!(r.failed, vec!["titel", "tags", "draft", "other"]);
}

#[test]
fn a_missing_required_field_is_reported_once_and_stood_in_for() {
    let r = parse_all::<Fm>(&src("tags: [a]\n"));
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert_eq!(r.value.map(|v| v.tags), Some(vec!["a".to_string()]));
}

#[test]
fn unreadable_yaml_still_gives_stand_ins_and_one_error() {
    let r = parse_all::<Fm>(&src("title: 'L'OIM au Sénégal'\n"));
    assert_eq!(r.errors.len(), 1);
    assert!(r.value.is_some());
    let d = to_diagnostic(&src("title: 'L'OIM au Sénégal'\n"), &r.errors[0]);
    assert_eq!(place(&d), (1, 10));
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("'L''OIM au Sénégal'"),
        "{d:?}"
    );
}

#[test]
fn syntax_error_is_malformed_yaml_named() {
    let y = "title: \"unclosed\nother: y\n";
    let d = parse::<BTreeMap<String, String>>(src(y)).unwrap_err();
    assert_eq!(place(&d), (1, 8));
    assert_eq!(
        d.message,
        "this quoted text is never closed: the `\"` that opens it has no partner"
    );
}

#[test]
fn a_tab_in_the_indentation_is_pointed_at() {
    let y = "title: x\n\tsummary: y\n";
    let d = parse::<BTreeMap<String, String>>(src(y)).unwrap_err();
    assert_eq!(d.message, "a tab character is used where YAML needs spaces");
    assert_eq!(place(&d), (2, 1));
}

#[test]
fn locate_finds_list_items_and_nested_keys() {
    let y = "title: x\nchallenges:\n  - a\n  - employer-reluctanse\nloc: { city: Yaoundé, country: cm }\n";
    let t = read(&src(y)).expect("read");
    assert_eq!(
        locate(&t, &[Seg::Key("challenges"), Seg::Index(1)]),
        Some(Pos { line: 4, column: 5 })
    );
    assert_eq!(
        locate(&t, &[Seg::Key("loc"), Seg::Key("country")]),
        Some(Pos {
            line: 5,
            column: 32
        })
    );
    assert_eq!(locate(&t, &[Seg::Key("nope")]), None);
    let s = src(y)
        .with_tree(&t)
        .span_of(&[Seg::Key("challenges"), Seg::Index(1)]);
    assert_eq!(s.len, "employer-reluctanse".len());
}

#[test]
fn nested_errors_name_their_field() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Top {
        documents: Vec<Doc>,
    }
    let d = parse::<Top>(src("documents:\n  - { titel: x }\n")).unwrap_err();
    assert_eq!(
        d.message,
        "missing required field `title` in `documents[0]`"
    );
    assert_eq!(place(&d), (2, 5));
}
