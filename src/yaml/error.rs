//! What can be wrong with a YAML text, as data: each problem a variant
//! with its place, worded for an editor only when it becomes a diagnostic
//! (`to_diagnostic`, through the message catalogue). Nothing here reads
//! another library's English.

use crate::diag::{Diagnostic, did_you_mean};
use crate::t;

use super::Source;

/// A 1-based line and column (in characters) of the YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A limit of `tree::read`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    Size { kib: usize, max_kib: usize },
    Depth { max: usize },
    Alias,
    Anchor,
}

/// A syntax mistake, as `explain` recognised it from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// A tab where YAML wants spaces.
    Tab,
    /// A quote opened and never closed.
    UnclosedQuote { quote: char },
    /// A quote closed too early by an apostrophe or a quote inside the
    /// text: `title: 'L'OIM au Sénégal'`.
    QuoteInside { quote: char, fixed: String },
    /// A line indented further than the one above, joining it.
    Indentation,
    /// U+2028, U+2029 or U+0085: a line break for YAML, not for editors.
    UnicodeBreak { code: &'static str },
    /// Anything else the parser refused.
    Other,
}

/// What the expected value is, in the editor's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Text,
    List,
    Mapping,
    Number,
    Bool,
    /// One of these words (an enumeration's values).
    OneOf(&'static [&'static str]),
    /// Our own types say what they take ("a date written YYYY-MM-DD").
    Described(String),
}

/// What was found instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Nothing,
    List,
    Mapping,
    Other(String),
}

/// The problems of the typed reading, raised through serde.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    UnknownField {
        name: String,
        expected: &'static [&'static str],
    },
    UnknownVariant {
        value: String,
        expected: &'static [&'static str],
    },
    MissingField {
        name: &'static str,
    },
    WrongType {
        found: Found,
        expected: Shape,
    },
    InvalidValue {
        found: Found,
        expected: Shape,
    },
    /// Our own types' messages (a bad date, a bad location).
    Custom {
        message: String,
        help: Option<String>,
    },
}

/// One problem of a YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlError {
    /// The parser stopped here; `explain` turns it into a `Mistake`.
    Syntax {
        pos: Pos,
    },
    Mistake {
        mistake: Mistake,
        pos: Pos,
        len: usize,
    },
    Limit {
        limit: Limit,
        pos: Pos,
    },
    Typed {
        error: Typed,
        /// The keys and indexes from the document down to the value.
        path: Vec<String>,
        pos: Pos,
    },
}

impl YamlError {
    pub fn pos(&self) -> Pos {
        match self {
            YamlError::Syntax { pos }
            | YamlError::Mistake { pos, .. }
            | YamlError::Limit { pos, .. }
            | YamlError::Typed { pos, .. } => *pos,
        }
    }
}

fn code_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shape_words(s: &Shape) -> String {
    match s {
        Shape::Text => t!("yaml-shape-text"),
        Shape::List => t!("yaml-shape-list"),
        Shape::Mapping => t!("yaml-shape-mapping"),
        Shape::Number => t!("yaml-shape-number"),
        Shape::Bool => t!("yaml-shape-bool"),
        Shape::OneOf(list) => t!("yaml-shape-one-of", list = code_list(list)),
        Shape::Described(d) => d.clone(),
    }
}

fn found_words(f: &Found) -> String {
    match f {
        Found::Text(s) => t!("yaml-found-text", value = s.as_str()),
        Found::Number(n) => t!("yaml-found-number", value = n.as_str()),
        Found::Bool(b) => t!("yaml-found-bool", value = b.to_string()),
        Found::Nothing => t!("yaml-found-nothing"),
        Found::List => t!("yaml-found-list"),
        Found::Mapping => t!("yaml-found-mapping"),
        Found::Other(o) => o.clone(),
    }
}

fn shape_help(s: &Shape) -> Option<String> {
    Some(match s {
        Shape::List => t!("yaml-help-list"),
        Shape::Bool => t!("yaml-help-bool"),
        Shape::Text => t!("yaml-help-text"),
        Shape::Mapping => t!("yaml-help-mapping"),
        Shape::Number => t!("yaml-help-number"),
        Shape::OneOf(_) | Shape::Described(_) => return None,
    })
}

/// The path as an editor reads it: `documents[0].url`.
fn path_text(path: &[String]) -> String {
    let mut out = String::new();
    for p in path {
        if p.starts_with('[') {
            out.push_str(p);
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(p);
        }
    }
    out
}

/// The problem, worded for an editor, at its place.
pub fn to_diagnostic(src: &Source<'_>, e: &YamlError) -> Diagnostic {
    let at = |p: Pos| src.span(p.line, p.column);
    match e {
        YamlError::Syntax { pos } => Diagnostic::error(t!("yaml-malformed"))
            .at(at(*pos))
            .help(t!("yaml-malformed-help")),
        YamlError::Mistake { mistake, pos, len } => {
            let span = src.span_len(pos.line, pos.column, *len);
            let d = match mistake {
                Mistake::Tab => Diagnostic::error(t!("yaml-tab"))
                    .label(t!("yaml-tab-label"))
                    .help(t!("yaml-tab-help")),
                Mistake::UnclosedQuote { quote } => {
                    Diagnostic::error(t!("yaml-unclosed-quote", quote = quote.to_string()))
                        .label(t!("yaml-unclosed-quote-label"))
                        .help(t!("yaml-unclosed-quote-help", quote = quote.to_string()))
                }
                Mistake::QuoteInside { quote, fixed } if *quote == '\'' => {
                    Diagnostic::error(t!("yaml-apostrophe"))
                        .label(t!("yaml-apostrophe-label"))
                        .help(t!("yaml-apostrophe-help", fixed = fixed.as_str()))
                }
                Mistake::QuoteInside { fixed, .. } => Diagnostic::error(t!("yaml-quote-inside"))
                    .label(t!("yaml-apostrophe-label"))
                    .help(t!("yaml-quote-inside-help", fixed = fixed.as_str())),
                Mistake::Indentation => Diagnostic::error(t!("yaml-indentation"))
                    .label(t!("yaml-indentation-label"))
                    .help(t!("yaml-indentation-help")),
                Mistake::UnicodeBreak { code } => {
                    Diagnostic::error(t!("yaml-unicode-break", code = *code))
                        .label(t!("yaml-unicode-break-label"))
                        .help(t!("yaml-unicode-break-help"))
                }
                Mistake::Other => {
                    Diagnostic::error(t!("yaml-malformed")).help(t!("yaml-malformed-help"))
                }
            };
            d.at(span)
        }
        YamlError::Limit { limit, pos } => {
            let d = match limit {
                Limit::Size { kib, max_kib } => {
                    Diagnostic::error(t!("yaml-too-long", kib = *kib, max = *max_kib))
                        .label(t!("yaml-too-long-label"))
                        .help(t!("yaml-too-long-help"))
                }
                Limit::Depth { max } => Diagnostic::error(t!("yaml-too-deep", max = *max))
                    .label(t!("yaml-too-deep-label"))
                    .help(t!("yaml-too-deep-help")),
                Limit::Alias => Diagnostic::error(t!("yaml-alias"))
                    .label(t!("yaml-alias-label"))
                    .help(t!("yaml-alias-help")),
                Limit::Anchor => Diagnostic::error(t!("yaml-anchor"))
                    .label(t!("yaml-anchor-label"))
                    .help(t!("yaml-anchor-help")),
            };
            d.at(at(*pos))
        }
        YamlError::Typed { error, path, pos } => {
            // The last step is the field itself; the rest says where it is.
            let within = |p: &[String]| {
                if p.is_empty() {
                    String::new()
                } else {
                    t!("yaml-in-field", field = path_text(p))
                }
            };
            let span = at(*pos);
            match error {
                Typed::UnknownField { name, expected } => {
                    let parent = &path[..path.len().saturating_sub(1)];
                    let help = match did_you_mean(name, expected.iter().copied()) {
                        Some(h) => t!("did-you-mean", name = h),
                        None if expected.is_empty() => t!("yaml-no-fields-here"),
                        None => t!("yaml-fields-allowed", list = code_list(expected)),
                    };
                    Diagnostic::error(t!(
                        "yaml-unknown-field",
                        name = name.as_str(),
                        within = within(parent)
                    ))
                    .at(span)
                    .label(t!("yaml-unknown-field-label"))
                    .help(help)
                }
                Typed::UnknownVariant { value, expected } => {
                    let help = match did_you_mean(value, expected.iter().copied()) {
                        Some(h) => t!("did-you-mean", name = h),
                        None => t!("yaml-use-one-of", list = code_list(expected)),
                    };
                    Diagnostic::error(t!(
                        "yaml-unknown-value",
                        value = value.as_str(),
                        within = within(path)
                    ))
                    .at(span)
                    .label(t!("yaml-unknown-value-label"))
                    .help(help)
                }
                Typed::MissingField { name } => Diagnostic::error(t!(
                    "yaml-missing-field",
                    name = *name,
                    within = within(path)
                ))
                .at(span)
                .help(t!("yaml-missing-field-help", name = *name)),
                Typed::WrongType { found, expected } => Diagnostic::error(t!(
                    "yaml-wrong-type",
                    within = within(path),
                    expected = shape_words(expected),
                    found = found_words(found)
                ))
                .at(span)
                .label(t!("yaml-expected", expected = shape_words(expected)))
                .help_opt(shape_help(expected)),
                Typed::InvalidValue { found, expected } => Diagnostic::error(t!(
                    "yaml-invalid-value",
                    within = within(path),
                    expected = shape_words(expected),
                    found = found_words(found)
                ))
                .at(span)
                .label(t!("yaml-expected", expected = shape_words(expected))),
                Typed::Custom { message, help } => Diagnostic::error(message.clone())
                    .at(span)
                    .help_opt(help.clone()),
            }
        }
    }
}
