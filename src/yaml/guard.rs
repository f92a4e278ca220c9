//! What any YAML must pass before the main YAML library reads it: a size
//! limit, a nesting limit, and no anchors or aliases.
//!
//! Why: editors write flat fields, so these limits cost them nothing, while
//! each one stops a hostile or broken file. libyaml (under serde_yaml) takes
//! quadratic time on deeply nested `[[[…]]]`, anchors and aliases can expand
//! a few lines into billions of values, and a huge value makes every later
//! step slow. serde_yaml shows no anchors and no nesting, so this walk uses
//! the event parser of yaml-rust2, which never expands an alias.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

use super::Source;
use crate::diag::Diagnostic;

/// The most bytes a YAML text may have: front matter is a screenful of
/// short fields, config.yaml a few pages.
pub const MAX_BYTES: usize = 64 * 1024;

/// The deepest nesting of lists and mappings: front matter needs 3
/// (`documents: [{ title: … }]`), config.yaml 4.
pub const MAX_DEPTH: usize = 16;

/// When the event parser fails, the YAML is malformed and serde_yaml gives
/// the clearer message; unless the text has so many `[` and `{` that
/// libyaml could take minutes to reach its own error.
const MAX_FLOW_OPENERS: usize = 1024;

/// Checks `src` against the limits; the first problem found, located.
pub fn check(src: &Source<'_>) -> Result<(), Box<Diagnostic>> {
    let yaml = src.yaml;
    if yaml.len() > MAX_BYTES {
        let mut cut = MAX_BYTES;
        while !yaml.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = &yaml[..cut];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(Box::new(
            Diagnostic::error(format!(
                "this YAML is {} KiB long, more than the {} KiB allowed",
                yaml.len().div_ceil(1024),
                MAX_BYTES / 1024
            ))
            .at(src.span(line, column))
            .label("the limit is reached here")
            .help("fields hold short values: long text belongs in the Markdown body, after the closing `---`"),
        ));
    }
    if plainly_within_limits(yaml) {
        return Ok(());
    }
    let mut parser = Parser::new_from_str(yaml);
    let mut depth = 0usize;
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(e) => e,
            Err(e) if e.info().contains("unknown anchor") => {
                return Err(alias(src, e.marker()));
            }
            Err(e) => {
                let openers = yaml.chars().filter(|c| matches!(c, '[' | '{')).count();
                if openers <= MAX_FLOW_OPENERS {
                    return Ok(());
                }
                let m = e.marker();
                return Err(Box::new(
                    Diagnostic::error(format!("malformed YAML: {}", e.info()))
                        .at(src.span(m.line(), m.col() + 1))
                        .help("check the brackets `[ ]` and braces `{ }`: each one opened must be closed"),
                ));
            }
        };
        match event {
            Event::StreamEnd => return Ok(()),
            Event::Alias(_) => return Err(alias(src, &mark)),
            Event::Scalar(_, _, anchor, _) if anchor > 0 => {
                return Err(anchored(src, &mark));
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if anchor > 0 {
                    return Err(anchored(src, &mark));
                }
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Box::new(
                        Diagnostic::error(format!(
                            "lists and mappings are nested more than {MAX_DEPTH} levels deep"
                        ))
                        .at(src.span(mark.line(), mark.col() + 1))
                        .label("too deep")
                        .help("fields are flat: a value, a list, or a list of short mappings like `documents`"),
                    ));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

/// True when `yaml` cannot break a limit, seen from its characters alone:
/// then the walk below (a second parse of every front matter, a tenth of
/// `check`) is skipped. Without `&` and `*` there is no anchor or alias.
/// Nesting: a flow collection opens with `[` or `{`, so their count
/// bounds the flow depth; a block collection nested in another starts at
/// a further column, or at the same one for a list under a key, so block
/// depth is at most twice the number of columns where a node can start,
/// and a node starts after a line's indentation and its `- `, `? `, `: `
/// indicators.
fn plainly_within_limits(yaml: &str) -> bool {
    if yaml.contains(['&', '*']) {
        return false;
    }
    let openers = yaml.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    let columns = yaml
        .lines()
        .map(|l| {
            l.bytes()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'-' | b'?' | b':'))
                .count()
        })
        .max()
        .unwrap_or(0);
    openers + 2 * (columns + 1) <= MAX_DEPTH
}

fn alias(src: &Source<'_>, mark: &Marker) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error("YAML aliases (`*name`) are not allowed")
            .at(src.span(mark.line(), mark.col() + 1))
            .label("an alias")
            .help("write the value out in full where it is needed"),
    )
}

fn anchored(src: &Source<'_>, mark: &Marker) -> Box<Diagnostic> {
    // The parser marks the value; the `&name` before it is what to remove.
    let column = src
        .yaml
        .lines()
        .nth(mark.line().saturating_sub(1))
        .and_then(|l| {
            l.chars()
                .take(mark.col() + 1)
                .collect::<Vec<_>>()
                .iter()
                .rposition(|c| *c == '&')
        })
        .unwrap_or(mark.col());
    Box::new(
        Diagnostic::error("YAML anchors (`&name`) are not allowed")
            .at(src.span(mark.line(), column + 1))
            .label("an anchor")
            .help("remove `&` and its name, and write the value out in full wherever it is needed"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcut_takes_plain_front_matter_and_nothing_risky() {
        let plain = "title: \"Austria: network\"\nthemes: [a]\ncountries: [\"cf\", \"gm\"]\nperiod: { start: 2021 }\ndocuments:\n  - title: Report\n    file: r.pdf\n";
        assert!(plainly_within_limits(plain));
        assert!(check(&src(plain)).is_ok());
        let risky = [
            "a: &x 1\nb: *x\n",
            "a: [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]\n",
            "- - - - - - - - - a\n",
        ];
        for yaml in risky {
            assert!(!plainly_within_limits(yaml), "{yaml}");
        }
        // Too deep by indentation alone: the walk must see it.
        let deep: String = (0..=MAX_DEPTH)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(MAX_DEPTH + 1)
            + "v\n";
        assert!(!plainly_within_limits(&deep));
        assert!(check(&src(&deep)).is_err());
    }

    fn src(yaml: &str) -> Source<'_> {
        Source::whole("a.md", yaml)
    }

    fn err(yaml: &str) -> (String, usize, usize) {
        let d = check(&src(yaml)).expect_err("refused");
        let s = d.span.clone().expect("located");
        (d.message, s.line, s.column)
    }

    #[test]
    fn plain_front_matter_passes() {
        let y = "title: \"Q&A: 5 * 3\"\nsummary: a & b, *not an alias*\ndocuments:\n  - { title: x, file: a.pdf }\n";
        assert!(check(&src(y)).is_ok());
    }

    #[test]
    fn anchors_and_aliases_are_refused_where_they_are() {
        assert_eq!(
            err("title: x\nsummary: &s text\n"),
            ("YAML anchors (`&name`) are not allowed".into(), 2, 10)
        );
        assert_eq!(
            err("title: x\nthemes: &t [a]\n"),
            ("YAML anchors (`&name`) are not allowed".into(), 2, 9)
        );
        assert_eq!(
            err("title: x\nsummary: *nowhere\n"),
            ("YAML aliases (`*name`) are not allowed".into(), 2, 10)
        );
    }

    #[test]
    fn too_deep_and_too_long() {
        let deep = format!("title: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            err(&deep),
            (
                "lists and mappings are nested more than 16 levels deep".into(),
                1,
                23
            )
        );
        let long = format!("title: x\nsummary: {}\n", "y".repeat(MAX_BYTES));
        let (message, line, column) = err(&long);
        assert_eq!(
            message,
            "this YAML is 65 KiB long, more than the 64 KiB allowed"
        );
        assert_eq!((line, column), (2, MAX_BYTES - 9 + 1));
    }

    #[test]
    fn unclosed_brackets_by_the_thousand_are_refused_quickly() {
        // Malformed from the first line, with many (shallow) lists after.
        let y = format!(
            "title: \"unclosed\n{}",
            "- [a]\n".repeat(MAX_FLOW_OPENERS + 1)
        );
        let (message, _, _) = err(&y);
        assert!(message.starts_with("malformed YAML:"), "{message}");
    }
}
