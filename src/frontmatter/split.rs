//! Splits a Markdown file into its YAML front matter and its body, keeping
//! the byte offsets and line numbers that diagnostics need.

use crate::diag::{Diagnostic, Span};
use crate::t;

/// Where the parts of a file are: byte ranges into the file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub yaml: std::ops::Range<usize>,
    /// 1-based line of the file where the YAML starts.
    pub yaml_first_line: usize,
    pub body: std::ops::Range<usize>,
    /// 1-based line of the file where the body starts.
    pub body_first_line: usize,
}

/// Whether `line` is the Markdown text rather than YAML: after a blank
/// line (or a Markdown heading, a YAML comment), at the left margin, and
/// not a `field:` line (fields are lower case), a list item or a quoted
/// value. YAML would refuse
/// it, or read a sentence with `: ` as an unknown field.
fn prose(line: &str, previous: Option<&str>) -> bool {
    let after_gap = previous.is_some_and(|p| p.trim().is_empty() || p.starts_with('#'));
    let t = line.trim_end();
    if !after_gap
        || t.is_empty()
        || is_fence(line)
        || line.starts_with([' ', '\t', '#', '-', '"', '\'', '[', '{'])
    {
        return false;
    }
    let field = t.split_once(':').is_some_and(|(k, v)| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
            && (v.is_empty() || v.starts_with(' '))
    });
    !field
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// The byte offset of the first `\r` not followed by `\n`. YAML and
/// Markdown count such a lone carriage return as a line break, the rest of
/// the program does not: refusing it keeps every line number right.
fn lone_carriage_return(text: &str) -> Option<usize> {
    text.match_indices('\r')
        .map(|(i, _)| i)
        .find(|&i| !text[i + 1..].starts_with('\n'))
}

/// Finds the `---` fences. A file must open with one: every entity needs
/// at least a title.
pub fn split(file: &str, text: &str) -> Result<(Parts, Option<Diagnostic>), Box<Diagnostic>> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    if let Some(cr) = lone_carriage_return(text) {
        let d = Diagnostic::error(t!("fm-lone-cr"))
            .at(Span::from_offsets(file, text, cr, cr + 1))
            .help(t!("fm-lone-cr-help"));
        return Err(Box::new(d));
    }
    let mut lines = text[bom..].split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        let d = Diagnostic::error(t!("fm-no-front-matter"))
            .at(Span::at(file, text, 1, 1, first.trim_end().chars().count()))
            .help(t!("fm-no-front-matter-help"));
        return Err(Box::new(d));
    }
    let yaml_start = bom + first.len();
    let mut offset = yaml_start;
    let mut previous: Option<&str> = None;
    for (line_no, line) in (2..).zip(lines) {
        if prose(line, previous) {
            // The text began before any closing `---`: the editor forgot
            // it. Read the front matter up to the text, and the text as
            // the body, so both are checked.
            let d = Diagnostic::error(t!("fm-not-closed-before-text"))
                .at(Span::at(
                    file,
                    text,
                    line_no,
                    1,
                    line.trim_end().chars().count(),
                ))
                .label(t!("fm-not-closed-before-text-label"))
                .help(t!("fm-not-closed-help"));
            return Ok((
                Parts {
                    yaml: yaml_start..offset,
                    yaml_first_line: 2,
                    body: offset..text.len(),
                    body_first_line: line_no,
                },
                Some(d),
            ));
        }
        if is_fence(line) {
            return Ok((
                Parts {
                    yaml: yaml_start..offset,
                    yaml_first_line: 2,
                    body: offset + line.len()..text.len(),
                    body_first_line: line_no + 1,
                },
                None,
            ));
        }
        previous = Some(line);
        offset += line.len();
    }
    let d = Diagnostic::error(t!("fm-not-closed"))
        .at(Span::at(file, text, 1, 1, 3))
        .label(t!("fm-not-closed-label"))
        .help(t!("fm-not-closed-help"));
    Err(Box::new(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_lines() {
        let t = "---\ntitle: a\n---\nbody\n";
        let (p, _) = split("a.md", t).expect("ok");
        assert_eq!(&t[p.yaml.clone()], "title: a\n");
        assert_eq!(&t[p.body.clone()], "body\n");
        assert_eq!(p.body_first_line, 4);
    }

    #[test]
    fn crlf_and_bom() {
        let t = "\u{feff}---\r\ntitle: a\r\n---\r\nbody\r\n";
        let (p, _) = split("a.md", t).expect("ok");
        assert_eq!(&t[p.yaml.clone()], "title: a\r\n");
        assert_eq!(&t[p.body.clone()], "body\r\n");
    }

    #[test]
    fn mixed_line_endings_keep_their_lines_and_lone_cr_is_refused() {
        let t = "---\r\ntitle: a\n---\r\nbody\n";
        let (p, _) = split("a.md", t).expect("ok");
        assert_eq!(p.body_first_line, 4);
        let d = split("a.md", "---\ntitle: a\rsummary: b\n---\n").expect_err("lone CR");
        let s = d.span.expect("located");
        assert_eq!((s.line, s.column), (2, 9));
    }

    #[test]
    fn text_before_the_closing_fence_is_found_where_it_starts() {
        let t = "---\ntitle: a\n\nLe programme a aidé 500 personnes.\n\n---\n\nSuite\n";
        let (p, d) = split("a.md", t).expect("recovered");
        let d = d.expect("reported");
        let s = d.span.expect("located");
        assert_eq!((s.line, s.column), (4, 1));
        assert_eq!(&t[p.yaml.clone()], "title: a\n\n");
        assert_eq!(p.body_first_line, 4);
    }

    #[test]
    fn unclosed_and_missing() {
        assert!(split("a.md", "---\ntitle: a\nbody\n").is_err());
        assert!(split("a.md", "# Title\n").is_err());
        assert!(split("a.md", "").is_err());
    }
}
