//! The one module that knows the YAML library (serde_yaml today).
//!
//! Front matter, `config.yaml` and the theme's UI strings all go through
//! here, so replacing serde_yaml by a maintained fork touches one `use`.
//! It turns the library's errors into diagnostics in the editor's terms and
//! can find where any value of a document sits (`locate`), which the rest of
//! the program needs to point at a bad reference.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_yaml as lib;

use crate::diag::{Diagnostic, Span, did_you_mean};

mod blank;
mod guard;
pub use blank::parse_without_blanks;
pub use guard::{MAX_BYTES, MAX_DEPTH};

/// A YAML text inside a file: the file's path (for diagnostics), the whole
/// file's text (for the quoted source line) and the line where the YAML
/// starts (front matter starts on line 2, after `---`).
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub yaml: &'a str,
    /// 1-based line of the file where `yaml` starts.
    pub first_line: usize,
}

impl<'a> Source<'a> {
    /// A whole file of YAML.
    pub fn whole(file: &'a str, text: &'a str) -> Source<'a> {
        Source {
            file,
            file_text: text,
            yaml: text,
            first_line: 1,
        }
    }

    /// A span at a 1-based line and column of the YAML text, sized to the
    /// token found there.
    pub fn span(&self, line: usize, column: usize) -> Span {
        let file_line = self.first_line + line.saturating_sub(1);
        let len = self
            .yaml
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| token_len(l, column))
            .unwrap_or(1);
        Span::at(self.file, self.file_text, file_line, column, len)
    }

    /// The span of the value at `path`, or of the document start when the
    /// path cannot be found (so a diagnostic always has a place).
    pub fn span_of(&self, path: &[Seg<'_>]) -> Span {
        match locate(self.yaml, path) {
            Some((l, c)) => self.span(l, c),
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

/// Parses `src` into `T`; any error, from the YAML syntax or from the type,
/// becomes one diagnostic pointing where the library stopped. YAML over
/// the limits of `guard` (size, nesting, anchors and aliases) is refused
/// before the library sees it.
pub fn parse<T: DeserializeOwned>(src: Source<'_>) -> Result<T, Box<Diagnostic>> {
    guard::check(&src)?;
    // An empty document is an empty mapping to an editor; serde_yaml would
    // call it "EOF while parsing a value".
    let yaml = if src.yaml.trim().is_empty() {
        "{}"
    } else {
        src.yaml
    };
    lib::from_str::<T>(yaml).map_err(|e| Box::new(to_diagnostic(&src, &e)))
}

/// Line and column (1-based) of the value at `path` in `yaml`.
///
/// Only for YAML that `parse` accepted (so within the guard's limits).
///
/// The library has no spans, but it stamps the position of the node it is
/// reading on any error raised there; so we walk to the node and fail on
/// purpose. Only used when something is wrong, so the second parse is cheap.
pub fn locate(yaml: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    let de = lib::Deserializer::from_str(yaml);
    match (Seek { path }).deserialize(de) {
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

const FOUND: &str = "\u{0}located";

struct Seek<'p> {
    path: &'p [Seg<'p>],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.path.first() {
            None => d.deserialize_any(Found),
            Some(Seg::Key(_)) => d.deserialize_map(self),
            Some(Seg::Index(_)) => d.deserialize_seq(self),
        }
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping or a sequence")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some(Seg::Key(want)) = self.path.first() else {
            return Ok(());
        };
        while let Some(key) = map.next_key::<KeyText>()? {
            if key.0.as_deref() == Some(*want) {
                return map.next_value_seed(Seek {
                    path: &self.path[1..],
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some(Seg::Index(want)) = self.path.first() else {
            return Ok(());
        };
        for _ in 0..*want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek {
            path: &self.path[1..],
        })?;
        Ok(())
    }
}

/// A mapping key as text when it is a scalar, so odd keys never abort a walk.
struct KeyText(Option<String>);

impl<'de> de::Deserialize<'de> for KeyText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<KeyText, D::Error> {
        let v = <lib::Value as serde::Deserialize>::deserialize(d)?;
        Ok(KeyText(match v {
            lib::Value::String(s) => Some(s),
            lib::Value::Number(n) => Some(n.to_string()),
            lib::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }))
    }
}

struct Found;

impl<'de> Visitor<'de> for Found {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
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

/// The library's error, reworded for an editor, at the library's position.
fn to_diagnostic(src: &Source<'_>, e: &lib::Error) -> Diagnostic {
    let raw = e.to_string();
    // libyaml says where it gave up and, after ", while", where the
    // construct it could not finish began: an unclosed quote is found at
    // the end of the text but was opened on its own line.
    let context = raw.split_once(", while ").and_then(|(_, ctx)| {
        let (what, at) = ctx.split_once(" at line ")?;
        let (line, column) = at.split_once(" column ")?;
        Some((
            what.to_string(),
            line.trim().parse::<usize>().ok()?,
            column.trim().parse::<usize>().ok()?,
        ))
    });
    let span = match (&context, e.location()) {
        (Some((_, line, column)), _) => src.span(*line, *column),
        (None, Some(l)) => src.span(l.line(), l.column()),
        (None, None) => src.span(1, 1),
    };
    // serde_yaml appends " at line L column C" (and sometimes more context);
    // the span already says where.
    let text = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    // A tab in the indentation: libyaml names the construct it was
    // scanning, but the editor needs the tab itself.
    if text.contains("found a tab character")
        && let Some(l) = e.location()
    {
        return Diagnostic::error("a tab character is used for indentation")
            .at(src.span(l.line(), l.column()))
            .label("a tab")
            .help("YAML indents with spaces only: replace the tab by spaces");
    }
    // A leading "path: " names the nested field; keep it as context.
    let (path, msg) = split_path(&text);
    let field = |p: &Option<String>| p.as_ref().map(|p| format!(" in `{p}`")).unwrap_or_default();

    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (name, expected) = backticked_and_list(rest);
        let hint = did_you_mean(&name, expected.iter().map(String::as_str));
        let help = match hint {
            Some(h) => format!("did you mean `{h}`?"),
            None if expected.is_empty() => "this place takes no fields".to_string(),
            None => format!("the fields allowed here are {}", list(&expected)),
        };
        return Diagnostic::error(format!("unknown field `{name}`{}", field(&path)))
            .at(span)
            .label("not a field here")
            .help(help);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (name, expected) = backticked_and_list(rest);
        let hint = did_you_mean(&name, expected.iter().map(String::as_str))
            .map(|h| format!("did you mean `{h}`?"))
            .unwrap_or_else(|| format!("use one of {}", list(&expected)));
        return Diagnostic::error(format!("`{name}` is not an allowed value{}", field(&path)))
            .at(span)
            .label("not allowed here")
            .help(hint);
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::error(format!("missing required field `{name}`{}", field(&path)))
            .at(span)
            .help(format!("add a line `{name}: …`"));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return Diagnostic::error(format!(
            "wrong type{}: expected {expected}, found {found}",
            field(&path)
        ))
        .at(span)
        .label(format!("expected {expected}"))
        .help(type_hint(expected));
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        return Diagnostic::error(format!(
            "invalid value{}: expected {expected}, found {found}",
            field(&path)
        ))
        .at(span)
        .label(format!("expected {expected}"));
    }
    if e.location().is_some() && path.is_none() && is_syntax_error(msg) {
        let msg = match &context {
            Some((what, _, _)) if what.contains("quoted scalar") => {
                "this quoted text is never closed".to_string()
            }
            Some((what, _, _)) if what.contains("flow sequence") => {
                "this list `[…]` is never closed".to_string()
            }
            Some((what, _, _)) if what.contains("flow mapping") => {
                "this mapping `{…}` is never closed".to_string()
            }
            Some((what, _, _)) => format!("{msg}, {what}"),
            None => msg.to_string(),
        };
        return Diagnostic::error(format!("malformed YAML: {msg}"))
            .at(span)
            .help("check the indentation, the `key: value` form and the quotes; a value holding `: ` or starting with a special character needs quotes");
    }
    // Our own messages (a bad date, a bad id) arrive as custom errors and
    // are already worded for editors: "message" or "message|help".
    let (message, help) = match msg.split_once('\u{1}') {
        Some((m, h)) => (m.to_string(), Some(h.to_string())),
        None => (msg.to_string(), None),
    };
    // The quoted source line already shows which field it is.
    Diagnostic::error(message).at(span).help_opt(help)
}

/// Separates a custom message from its hint, for `de::Error::custom`.
pub fn message_with_help(message: &str, help: &str) -> String {
    format!("{message}\u{1}{help}")
}

fn is_syntax_error(msg: &str) -> bool {
    const SYNTAX: [&str; 8] = [
        "did not find expected",
        "mapping values are not allowed",
        "found character that cannot start",
        "found unexpected end of stream",
        "found undefined tag handle",
        "could not find expected",
        "found a tab character",
        "block sequence entries are not allowed",
    ];
    SYNTAX.iter().any(|s| msg.contains(s))
        || msg.contains("while parsing")
        || msg.contains("while scanning")
}

fn split_path(text: &str) -> (Option<String>, &str) {
    // Paths look like `countries[0]` or `location.city`: no spaces.
    if let Some((p, m)) = text.split_once(": ")
        && !p.contains(' ')
        && !p.is_empty()
        && p != "invalid type"
    {
        return (Some(p.to_string()), m);
    }
    (None, text)
}

/// From "name`, expected one of `a`, `b`" take the name and [a, b].
fn backticked_and_list(rest: &str) -> (String, Vec<String>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected = tail
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    (name.to_string(), expected)
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn type_hint(expected: &str) -> String {
    if expected.contains("sequence") {
        "write a list: `[a, b]` or one `- item` a line".to_string()
    } else if expected.contains("bool") {
        "write `true` or `false`".to_string()
    } else if expected.contains("string") {
        "write text; put it in quotes if it looks like a number, a list or a mapping".to_string()
    } else if expected.contains("map") || expected.contains("struct") {
        "write a mapping of `key: value` lines".to_string()
    } else {
        format!("write {expected}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Fm {
        title: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    fn src(yaml: &str) -> Source<'_> {
        Source {
            file: "a.md",
            file_text: yaml,
            yaml,
            first_line: 1,
        }
    }

    #[test]
    fn unknown_field_points_at_key_with_hint() {
        let y = "title: x\ntitel: y\n";
        let d = parse::<Fm>(src(y)).unwrap_err();
        let s = d.span.clone().unwrap();
        assert_eq!((s.line, s.column), (2, 1));
        assert_eq!(d.message, "unknown field `titel`");
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn wrong_type_points_at_value() {
        let y = "title: x\ntags: 3\n";
        let d = parse::<Fm>(src(y)).unwrap_err();
        let s = d.span.clone().unwrap();
        assert_eq!((s.line, s.column), (2, 7));
        assert!(d.message.starts_with("wrong type"), "{}", d.message);
    }

    #[test]
    fn syntax_error_is_malformed_yaml() {
        let y = "title: \"unclosed\nother: y\n";
        let d = parse::<BTreeMap<String, String>>(src(y)).unwrap_err();
        assert!(d.message.starts_with("malformed YAML"), "{}", d.message);
        assert!(d.span.is_some());
    }

    #[test]
    fn a_tab_in_the_indentation_is_pointed_at() {
        let y = "title: x\n\tsummary: y\n";
        let d = parse::<BTreeMap<String, String>>(src(y)).unwrap_err();
        let s = d.span.clone().unwrap();
        assert_eq!(d.message, "a tab character is used for indentation");
        assert_eq!((s.line, s.column), (2, 1));
    }

    #[test]
    fn locate_finds_list_items_and_nested_keys() {
        let y = "title: x\nchallenges:\n  - a\n  - employer-reluctanse\nloc: { city: Yaoundé, country: cm }\n";
        assert_eq!(
            locate(y, &[Seg::Key("challenges"), Seg::Index(1)]),
            Some((4, 5))
        );
        assert_eq!(
            locate(y, &[Seg::Key("loc"), Seg::Key("country")]),
            Some((5, 32))
        );
        assert_eq!(locate(y, &[Seg::Key("nope")]), None);
        let s = src(y).span_of(&[Seg::Key("challenges"), Seg::Index(1)]);
        assert_eq!(s.len, "employer-reluctanse".len());
    }
}
