//! Reads a YAML text once into a tree of nodes that keep their line and
//! column, enforcing the limits while it reads: a size limit, a nesting
//! limit, and no anchors or aliases.
//!
//! Why the limits: editors write flat fields, so they cost them nothing,
//! while each one stops a hostile or broken file. Anchors and aliases can
//! expand a few lines into billions of values; deep `[[[…]]]` and huge
//! values make every later step slow. The event parser of yaml-rust2 never
//! expands an alias, and we stop at the first event over a limit, so a
//! hostile text costs no more than reading it up to there.
//!
//! Fails closed: a text the parser cannot read is an error, never handed
//! on unchecked.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::error::{Limit, Pos, YamlError};

/// The most bytes a YAML text may have: front matter is a screenful of
/// short fields, config.yaml a few pages.
pub const MAX_BYTES: usize = 64 * 1024;

/// The deepest nesting of lists and mappings: front matter needs 3
/// (`documents: [{ title: … }]`), config.yaml 4.
pub const MAX_DEPTH: usize = 16;

/// A value of the document, where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `plain` when written without quotes or block indicator: only then
    /// can it mean null, a boolean or a number.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    pub fn empty_map() -> Node {
        Node {
            value: Value::Map(Vec::new()),
            pos: Pos { line: 1, column: 1 },
        }
    }

    /// True for a plain `~`, `null` or nothing at all.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if is_null_text(text))
    }

    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Scalar { text, .. } if text == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar key.
    pub fn key_text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

pub fn is_null_text(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn pos(m: &Marker) -> Pos {
    Pos {
        line: m.line().max(1),
        column: m.col() + 1,
    }
}

/// Where a byte offset of `yaml` is.
pub fn pos_of_offset(yaml: &str, offset: usize) -> Pos {
    let mut cut = offset.min(yaml.len());
    while !yaml.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &yaml[..cut];
    Pos {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
}

/// The one reading of `yaml`: its first document as a tree (an empty
/// document is an empty mapping), or the first problem, located.
pub fn read(yaml: &str) -> Result<Node, YamlError> {
    if yaml.len() > MAX_BYTES {
        return Err(YamlError::Limit {
            limit: Limit::Size {
                kib: yaml.len().div_ceil(1024),
                max_kib: MAX_BYTES / 1024,
            },
            pos: pos_of_offset(yaml, MAX_BYTES),
        });
    }
    if yaml.trim().is_empty() {
        return Ok(Node::empty_map());
    }
    let mut parser = Parser::new_from_str(yaml);
    // Open collections: each a node being filled, and for a mapping the
    // key waiting for its value.
    let mut stack: Vec<(Node, Option<Node>)> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let at = pos(e.marker());
            // An alias of an anchor never defined stops the parser: it is
            // an alias all the same.
            if char_at(yaml, at) == Some('*') {
                YamlError::Limit {
                    limit: Limit::Alias,
                    pos: at,
                }
            } else {
                YamlError::Syntax { pos: at }
            }
        })?;
        let at = pos(&mark);
        let node = match event {
            Event::StreamEnd | Event::DocumentEnd if root.is_some() || stack.is_empty() => {
                return Ok(root.unwrap_or_else(Node::empty_map));
            }
            Event::Alias(_) => {
                return Err(YamlError::Limit {
                    limit: Limit::Alias,
                    pos: at,
                });
            }
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor > 0 =>
            {
                return Err(YamlError::Limit {
                    limit: Limit::Anchor,
                    pos: anchor_pos(yaml, at),
                });
            }
            Event::Scalar(text, style, _, _) => Node {
                value: Value::Scalar {
                    text,
                    plain: style == TScalarStyle::Plain,
                },
                pos: at,
            },
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(YamlError::Limit {
                        limit: Limit::Depth { max: MAX_DEPTH },
                        pos: at,
                    });
                }
                let value = if matches!(event, Event::SequenceStart(..)) {
                    Value::Seq(Vec::new())
                } else {
                    Value::Map(Vec::new())
                };
                stack.push((Node { value, pos: at }, None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some((node, _)) => node,
                None => continue,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((parent, pending)) => match &mut parent.value {
                Value::Seq(items) => items.push(node),
                Value::Map(entries) => match pending.take() {
                    None => {
                        // A block mapping's event comes after its first
                        // key; the mapping starts where that key does.
                        if entries.is_empty() && node.pos < parent.pos {
                            parent.pos = node.pos;
                        }
                        *pending = Some(node);
                    }
                    Some(key) => entries.push((key, node)),
                },
                Value::Scalar { .. } => {}
            },
        }
        // A second document is not front matter: stop at the first.
        if stack.is_empty() && root.is_some() {
            return Ok(root.unwrap_or_else(Node::empty_map));
        }
    }
}

fn char_at(yaml: &str, at: Pos) -> Option<char> {
    yaml.lines().nth(at.line - 1)?.chars().nth(at.column - 1)
}

/// The parser marks the anchored value; the `&name` before it is what the
/// editor must remove.
fn anchor_pos(yaml: &str, at: Pos) -> Pos {
    let column = yaml
        .lines()
        .nth(at.line - 1)
        .and_then(|l| {
            l.chars()
                .take(at.column)
                .collect::<Vec<_>>()
                .iter()
                .rposition(|c| *c == '&')
        })
        .map_or(at.column, |c| c + 1);
    Pos {
        line: at.line,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(yaml: &str) -> YamlError {
        read(yaml).expect_err("refused")
    }

    #[test]
    fn keeps_positions() {
        let t = read("title: x\nchallenges:\n  - a\n  - b\nloc: { city: Y, country: cm }\n")
            .expect("ok");
        let ch = t.get("challenges").expect("challenges");
        let Value::Seq(items) = &ch.value else {
            panic!("a list")
        };
        assert_eq!(items[1].pos, Pos { line: 4, column: 5 });
        let c = t
            .get("loc")
            .and_then(|l| l.get("country"))
            .expect("country");
        assert_eq!(
            c.pos,
            Pos {
                line: 5,
                column: 26
            }
        );
    }

    #[test]
    fn anchors_aliases_depth_and_size_are_refused_where_they_are() {
        let at = |e: YamlError| (e.pos().line, e.pos().column);
        assert_eq!(at(err("title: x\nsummary: &s text\n")), (2, 10));
        assert_eq!(at(err("title: x\nthemes: &t [a]\n")), (2, 9));
        assert_eq!(at(err("title: x\nsummary: *nowhere\n")), (2, 10));
        let deep = format!("title: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert_eq!(at(err(&deep)), (1, 23));
        let long = format!("title: x\nsummary: {}\n", "y".repeat(MAX_BYTES));
        assert_eq!(at(err(&long)), (2, MAX_BYTES - 9 + 1));
    }

    #[test]
    fn a_tab_after_a_key_does_not_let_aliases_through() {
        // Whatever the parser makes of the tab, the alias never passes.
        let y = "title:\tx\nsummary: *a\n";
        assert!(read(y).is_err());
    }

    #[test]
    fn thousands_of_aliases_are_refused_at_the_first() {
        let mut y = String::from("a: &a [x]\n");
        for i in 0..3000 {
            y.push_str(&format!("k{i}: [*a, *a, *a]\n"));
        }
        let t = std::time::Instant::now();
        assert!(read(&y).is_err());
        assert!(t.elapsed().as_millis() < 500);
    }
}
