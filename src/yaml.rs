//! The one module that reads YAML: front matter, `config.yaml` and the
//! theme's UI strings all come through here.
//!
//! One reading a text: `tree` walks the events of yaml-rust2's parser
//! (which never expands an alias) into a tree of nodes that keep their line
//! and column, refusing what is over the limits as it reads; `de` reads
//! that tree into the program's types through serde; `explain` names the
//! editor's mistake where the parser stopped. Every problem is a typed
//! `YamlError`, worded for the editor by `error::to_diagnostic` in the
//! language of the run. (serde_yaml, and the libyaml inside it, are no
//! longer used: their errors came as English text and their values
//! without a place.)

mod blank;
mod de;
mod error;
mod explain;
mod tree;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Span};

pub use error::{Found, Limit, Mistake, Pos, Shape, Typed, YamlError, to_diagnostic};
pub use tree::{MAX_BYTES, MAX_DEPTH, Node, Value};

/// A YAML text inside a file: the file's path (for diagnostics), the whole
/// file's text (for the quoted source line) and the line where the YAML
/// starts (front matter starts on line 2, after `---`); and its tree, once
/// read, to find where a value is without reading the text again.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub yaml: &'a str,
    /// 1-based line of the file where `yaml` starts.
    pub first_line: usize,
    pub tree: Option<&'a Node>,
}

impl<'a> Source<'a> {
    /// A whole file of YAML.
    pub fn whole(file: &'a str, text: &'a str) -> Source<'a> {
        Source {
            file,
            file_text: text,
            yaml: text,
            first_line: 1,
            tree: None,
        }
    }

    pub fn with_tree(self, tree: &'a Node) -> Source<'a> {
        Source {
            tree: Some(tree),
            ..self
        }
    }

    /// A span at a 1-based line and column of the YAML text, sized to the
    /// token found there.
    pub fn span(&self, line: usize, column: usize) -> Span {
        let len = self
            .yaml
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| token_len(l, column))
            .unwrap_or(1);
        self.span_len(line, column, len)
    }

    /// A span of `len` characters at a line and column of the YAML text.
    pub fn span_len(&self, line: usize, column: usize, len: usize) -> Span {
        let file_line = self.first_line + line.saturating_sub(1);
        Span::at(self.file, self.file_text, file_line, column, len)
    }

    /// The span of the value at `path`, or of the document start when the
    /// path cannot be found (so a diagnostic always has a place).
    pub fn span_of(&self, path: &[Seg<'_>]) -> Span {
        let found = match self.tree {
            Some(t) => locate(t, path),
            None => tree::read(self.yaml).ok().and_then(|t| locate(&t, path)),
        };
        match found {
            Some(p) => self.span(p.line, p.column),
            None => self.span(1, 1),
        }
    }
}

/// One step of a path into a YAML document.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where the value at `path` starts.
pub fn locate(node: &Node, path: &[Seg<'_>]) -> Option<Pos> {
    let mut n = node;
    for seg in path {
        n = match (seg, &n.value) {
            (Seg::Key(k), Value::Map(_)) => n.get(k)?,
            (Seg::Index(i), Value::Seq(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(n.pos)
}

/// Where the value at `path` of another YAML text is (for a message about
/// one file that points into another).
pub fn locate_in(yaml: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    let t = tree::read(yaml).ok()?;
    locate(&t, path).map(|p| (p.line, p.column))
}

/// Reads the tree of `src`: the one reading of its text, limits enforced,
/// a syntax error explained.
pub fn read(src: &Source<'_>) -> Result<Node, YamlError> {
    if let Some(e) = explain::before_reading(src.yaml) {
        return Err(e);
    }
    tree::read(src.yaml).map_err(|e| match e {
        YamlError::Syntax { pos } => explain::syntax(src.yaml, pos),
        other => other,
    })
}

/// Reads `tree` into `T`, or its first problem.
pub fn typed<T: DeserializeOwned>(tree: &Node) -> Result<T, YamlError> {
    T::deserialize(de::NodeDe::new(tree)).map_err(typed_error)
}

fn typed_error(e: de::DeError) -> YamlError {
    let mut path = e.path;
    path.reverse();
    YamlError::Typed {
        error: e.error,
        path,
        pos: e.pos.unwrap_or(Pos { line: 1, column: 1 }),
    }
}

/// Parses `src` into `T`; the first problem, from the YAML or from the
/// type, becomes one diagnostic at its place. For config.yaml and the
/// theme's strings, which are one author's and short.
pub fn parse<T: DeserializeOwned>(src: Source<'_>) -> Result<T, Box<Diagnostic>> {
    let tree = read(&src).map_err(|e| Box::new(to_diagnostic(&src, &e)))?;
    typed(&tree).map_err(|e| Box::new(to_diagnostic(&src, &e)))
}

/// What `parse_all` could make of a text.
pub struct Recovered<T> {
    /// `None` only when no value of `T` could be made at all.
    pub value: Option<T>,
    pub tree: Node,
    /// Every problem found, in the order found.
    pub errors: Vec<YamlError>,
    /// The top-level fields that were wrong (left out, or replaced by a
    /// stand-in so the rest can be read): checks of their values would
    /// only repeat the error.
    pub failed: Vec<String>,
}

/// Reads `src` into `T` as far as it can be read: a wrong field is
/// reported and left out (a required one replaced by a stand-in), and the
/// rest is read again, so one mistake never hides another. A text that
/// cannot be read at all gives its error and stand-ins for every required
/// field, so the file's body is still checked.
pub fn parse_all<T: DeserializeOwned>(src: &Source<'_>) -> Recovered<T> {
    let (tree, mut errors, quiet) = match read(src) {
        Ok(t) => (t, Vec::new(), false),
        Err(e) => (Node::empty_map(), vec![e], true),
    };
    let mut work = tree.clone();
    // What the web editor writes for an empty field reads as absent.
    blank::drop_blanks(&mut work);
    if !matches!(work.value, Value::Map(_)) {
        // A document that is not a mapping: say so once, read nothing.
        let e = typed::<T>(&work).err();
        errors.extend(e);
        return Recovered {
            value: None,
            tree,
            errors,
            failed: Vec::new(),
        };
    }
    let mut failed: Vec<String> = Vec::new();
    // Stand-ins tried so far, by field.
    let mut stand_ins: Vec<(String, usize)> = Vec::new();
    let rounds = entries(&work).len() * 2 + 16;
    for _ in 0..rounds {
        let e = match T::deserialize(de::NodeDe::new(&work)) {
            Ok(v) => {
                return Recovered {
                    value: Some(v),
                    tree,
                    errors,
                    failed,
                };
            }
            Err(e) => e,
        };
        let missing = match &e.error {
            Typed::MissingField { name } if e.path.is_empty() => Some(*name),
            _ => None,
        };
        if let Some(name) = missing {
            if !quiet && !failed.iter().any(|f| f == name) {
                errors.push(typed_error(e.clone()));
            }
            if !failed.iter().any(|f| f == name) {
                failed.push(name.to_string());
            }
            stand_ins.push((name.to_string(), 0));
            set_entry(&mut work, name, stand_in(0, None));
            continue;
        }
        let Some(i) = e.top_entry else {
            errors.push(typed_error(e));
            break;
        };
        let name = entries(&work)[i].0.key_text().unwrap_or("").to_string();
        if let Some(tried) = stand_ins.iter_mut().find(|(n, _)| *n == name) {
            // The stand-in itself did not fit: the next one.
            tried.1 += 1;
            let next = stand_in(tried.1, Some(&e.error));
            match next {
                Some(node) => set_entry(&mut work, &name, Some(node)),
                None => break,
            }
            continue;
        }
        errors.push(typed_error(e));
        failed.push(name);
        if let Value::Map(entries) = &mut work.value {
            entries.remove(i);
        }
    }
    Recovered {
        value: None,
        tree,
        errors,
        failed,
    }
}

fn entries(n: &Node) -> &[(Node, Node)] {
    match &n.value {
        Value::Map(e) => e,
        _ => &[],
    }
}

/// The `n`th value tried in place of a wrong required field: the first
/// allowed word when the error names them, else empty text, an empty
/// list, an empty mapping, a zero.
fn stand_in(n: usize, error: Option<&Typed>) -> Option<Node> {
    let word = match error {
        Some(Typed::UnknownVariant { expected, .. })
        | Some(Typed::WrongType {
            expected: Shape::OneOf(expected),
            ..
        }) => expected.first().copied(),
        _ => None,
    };
    let scalar = |text: &str, plain: bool| Value::Scalar {
        text: text.to_string(),
        plain,
    };
    let value = match (word, n) {
        (Some(w), _) => scalar(w, true),
        (None, 0) => scalar("", false),
        (None, 1) => Value::Seq(Vec::new()),
        (None, 2) => Value::Map(Vec::new()),
        (None, 3) => scalar("0", true),
        _ => return None,
    };
    Some(Node {
        value,
        pos: Pos { line: 1, column: 1 },
    })
}

fn set_entry(map: &mut Node, key: &str, value: Option<Node>) {
    let Some(value) = value else { return };
    let Value::Map(entries) = &mut map.value else {
        return;
    };
    entries.retain(|(k, _)| k.key_text() != Some(key));
    entries.push((
        Node {
            value: Value::Scalar {
                text: key.to_string(),
                plain: true,
            },
            pos: value.pos,
        },
        value,
    ));
}

/// Length of the YAML token starting at a 1-based column of a line: a
/// quoted string to its closing quote, a plain scalar to the next flow
/// indicator or comment.
fn token_len(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    let Some(&first) = rest.first() else { return 1 };
    let len = if first == '"' || first == '\'' {
        rest.iter()
            .skip(1)
            .position(|&c| c == first)
            .map_or(rest.len(), |p| p + 2)
    } else {
        // A plain scalar ends at a flow indicator, a comment, or the `: `
        // that makes it a key (a URL's `://` does not end it).
        let end = (0..rest.len())
            .find(|&i| {
                matches!(rest[i], ',' | ']' | '}' | '#')
                    || (rest[i] == ':' && rest.get(i + 1).is_none_or(|c| c.is_whitespace()))
            })
            .unwrap_or(rest.len());
        rest[..end]
            .iter()
            .collect::<String>()
            .trim_end()
            .chars()
            .count()
    };
    len.max(1)
}

/// Separates a custom message from its hint, for `de::Error::custom`.
pub fn message_with_help(message: &str, help: &str) -> String {
    format!("{message}\u{1}{help}")
}

#[cfg(test)]
mod tests;
