//! What a web editor writes for a field left empty: `status: ""`,
//! `draft: null`, `period: { start: null, end: null }`, `themes: []`.
//! Read as if the field were not there, so that a file saved by the CMS
//! (src/cms/) means what the editor saw: nothing filled in.
//!
//! Only tried when the strict parse has failed, so files written by hand
//! go the usual way, with the usual diagnostics.

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use super::Source;

/// `src` read as `T` with every blank value left out, or `None` when the
/// YAML cannot be read, has no blank, or still does not fit `T`.
pub fn parse_without_blanks<T: DeserializeOwned>(src: &Source<'_>) -> Option<T> {
    // The same limits as the strict parse (no anchors, bounded size).
    super::guard::check(src).ok()?;
    let value: Value = serde_yaml::from_str(src.yaml).ok()?;
    let Value::Mapping(map) = value else {
        return None;
    };
    let (pruned, changed) = prune(map);
    if !changed {
        return None;
    }
    serde_yaml::from_value(Value::Mapping(pruned)).ok()
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Sequence(s) => s.is_empty(),
        Value::Mapping(m) => m.is_empty(),
        _ => false,
    }
}

/// The map without its blank entries (inner maps and the maps of lists
/// too); whether anything went.
fn prune(map: Mapping) -> (Mapping, bool) {
    let mut changed = false;
    let mut out = Mapping::new();
    for (k, v) in map {
        let v = match v {
            Value::Mapping(inner) => {
                let (inner, c) = prune(inner);
                changed |= c;
                Value::Mapping(inner)
            }
            Value::Sequence(items) => Value::Sequence(
                items
                    .into_iter()
                    .map(|item| match item {
                        Value::Mapping(m) => {
                            let (m, c) = prune(m);
                            changed |= c;
                            Value::Mapping(m)
                        }
                        other => other,
                    })
                    .collect(),
            ),
            other => other,
        };
        if is_blank(&v) {
            changed = true;
        } else {
            out.insert(k, v);
        }
    }
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        title: String,
        #[serde(default)]
        draft: bool,
        #[serde(default)]
        period: Option<Period>,
        #[serde(default)]
        status: Option<Status>,
        #[serde(default)]
        docs: Vec<Item>,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Period {
        start: u16,
        #[serde(default)]
        end: Option<u16>,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        Ongoing,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        title: String,
        #[serde(default)]
        file: Option<String>,
    }

    fn read(yaml: &str) -> Option<Doc> {
        parse_without_blanks(&Source::whole("x.md", yaml))
    }

    #[test]
    fn empty_values_are_read_as_absent() {
        let d = read(
            "title: T\ndraft: null\nstatus: \"\"\nperiod: { start: null, end: null }\ndocs:\n  - { title: A, file: '' }\n",
        );
        assert_eq!(
            d,
            Some(Doc {
                title: "T".into(),
                draft: false,
                period: None,
                status: None,
                docs: vec![Item {
                    title: "A".into(),
                    file: None
                }],
            })
        );
        let d = read("title: T\nperiod: { start: 2019, end: null }\nstatus: ongoing\ndraft: ~\n");
        assert_eq!(
            d.and_then(|d| d.period).map(|p| (p.start, p.end)),
            Some((2019, None))
        );
    }

    #[test]
    fn a_real_mistake_is_still_one() {
        assert_eq!(read("title: T\nstatus: done\ndraft: null\n"), None);
        assert_eq!(read("title: T\nstatus: ongoing\n"), None, "nothing blank");
        assert_eq!(read("title: T\nperiod: { end: 2020, start: null }\n"), None);
    }
}
