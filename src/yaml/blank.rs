//! What a web editor writes for a field left empty: `status: ""`,
//! `draft: null`, `period: { start: null, end: null }`. Read as if the
//! field were not there, so that a file saved by the CMS (src/cms/) means
//! what the editor saw: nothing filled in. The nodes keep their places, so
//! every other problem is still reported where it is.
//!
//! A title is kept even when empty (its own check says so), and an empty
//! list stays a list (it already reads as none).

use super::tree::{Node, Value};

fn is_blank(n: &Node) -> bool {
    match &n.value {
        Value::Scalar { text, plain } => {
            (*plain && super::tree::is_null_text(text)) || text.trim().is_empty()
        }
        Value::Map(entries) => entries.is_empty(),
        Value::Seq(_) => false,
    }
}

/// Drops the blank entries of every mapping in `node` (and the mappings
/// left empty by it).
pub fn drop_blanks(node: &mut Node) {
    match &mut node.value {
        Value::Map(entries) => {
            for (_, v) in entries.iter_mut() {
                drop_blanks(v);
            }
            entries.retain(|(k, v)| k.key_text() == Some("title") || !is_blank(v));
        }
        Value::Seq(items) => items.iter_mut().for_each(drop_blanks),
        Value::Scalar { .. } => {}
    }
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
        let mut t = crate::yaml::tree::read(yaml).ok()?;
        drop_blanks(&mut t);
        crate::yaml::typed::<Doc>(&t).ok()
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
        assert_eq!(read("title: T\nperiod: { end: 2020, start: null }\n"), None);
        assert!(
            read("title: ''\n").is_some_and(|d| d.title.is_empty()),
            "the title's own check"
        );
    }
}
