//! The mistakes editors make in YAML, recognised from the text itself so
//! each is named at the place that is wrong: a tab, a quote never closed
//! (at the quote that opens it), an apostrophe that closes a quoted text
//! too early, a line indented too far, a Unicode line break.
//!
//! `before_reading` finds what the parser would accept but mean otherwise
//! (a list item joined to the one above, a Unicode line break); `syntax`
//! explains a place where the parser stopped.

use super::error::{Mistake, Pos, YamlError};

fn mistake(mistake: Mistake, line: usize, column: usize, len: usize) -> YamlError {
    YamlError::Mistake {
        mistake,
        pos: Pos { line, column },
        len,
    }
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// Lines that end a block scalar's header (`summary: >`, `- |-`): what
/// follows, indented, is text, not YAML structure.
fn opens_block_scalar(line: &str) -> bool {
    let t = line.trim_end();
    let t = t.split(" #").next().unwrap_or(t).trim_end();
    let last = t.rsplit([' ', ':']).next().unwrap_or("");
    !last.is_empty()
        && last.starts_with(['|', '>'])
        && last[1..]
            .chars()
            .all(|c| matches!(c, '-' | '+') || c.is_ascii_digit())
        && (t.len() == last.len() || t[..t.len() - last.len()].ends_with([' ', ':']))
}

/// What the parser would read without complaint but not as meant.
pub fn before_reading(yaml: &str) -> Option<YamlError> {
    for (i, line) in yaml.split('\n').enumerate() {
        for (col, c) in line.chars().enumerate() {
            let code = match c {
                '\u{2028}' => "U+2028",
                '\u{2029}' => "U+2029",
                '\u{85}' => "U+0085",
                _ => continue,
            };
            return Some(mistake(Mistake::UnicodeBreak { code }, i + 1, col + 1, 1));
        }
    }
    joined_list_item(yaml)
}

/// `  - a` then `   - b`: one space too many makes `b` part of the text
/// of `a` ("a - b"), and the error would come later, about a value that
/// is not what the editor wrote.
fn joined_list_item(yaml: &str) -> Option<YamlError> {
    let mut prev: Option<&str> = None;
    let mut block: Option<usize> = None;
    for (i, line) in yaml.lines().enumerate() {
        if is_blank_or_comment(line) {
            continue;
        }
        let ind = indent(line);
        if let Some(b) = block {
            if ind > b {
                continue;
            }
            block = None;
        }
        if let Some(p) = prev {
            let p_ind = indent(p);
            let p_item = p.trim_start().strip_prefix("- ").map(str::trim);
            let scalar_item = p_item.is_some_and(|v| {
                !v.is_empty()
                    && !v.ends_with(':')
                    && !v.contains(": ")
                    && !v.starts_with(['[', '{', '"', '\''])
            });
            if scalar_item && ind > p_ind && line.trim_start().starts_with("- ") {
                return Some(mistake(Mistake::Indentation, i + 1, 1, ind.max(1)));
            }
        }
        if opens_block_scalar(line) {
            block = Some(ind);
        }
        prev = Some(line);
    }
    None
}

/// Why the parser stopped at `at`: the first mistake found from the top
/// that can explain it, or `Other` at the parser's place.
pub fn syntax(yaml: &str, at: Pos) -> YamlError {
    let lines: Vec<&str> = yaml.lines().collect();
    let upto = at.line.min(lines.len());
    // A tab in an indentation (the parser may stop on the line before,
    // reading the tab as part of a value); then any tab on the line where
    // it stopped.
    for (i, line) in lines.iter().enumerate() {
        let lead: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if let Some(col) = lead.chars().position(|c| c == '\t') {
            return mistake(Mistake::Tab, i + 1, col + 1, 1);
        }
    }
    if let Some(line) = lines.get(upto.saturating_sub(1))
        && let Some(col) = line.chars().position(|c| c == '\t')
    {
        return mistake(Mistake::Tab, upto, col + 1, 1);
    }
    if let Some(q) = quotes(&lines, upto) {
        return q;
    }
    if let Some(i) = indentation(&lines, upto) {
        return i;
    }
    mistake(Mistake::Other, at.line, at.column, 1)
}

/// Where a quoted value starts on a line: after `key: ` or `- `.
fn value_start(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = indent(line);
    while chars.get(i) == Some(&'-') && chars.get(i + 1) == Some(&' ') {
        i += 2;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
    }
    if matches!(chars.get(i), Some('"' | '\'')) {
        return Some(i);
    }
    let mut j = i;
    while j + 1 < chars.len() {
        if chars[j] == ':' && chars[j + 1] == ' ' {
            let mut k = j + 1;
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
            return matches!(chars.get(k), Some('"' | '\'')).then_some(k);
        }
        if chars[j] == '#' || chars[j] == '"' || chars[j] == '\'' {
            return None;
        }
        j += 1;
    }
    None
}

/// The character index where a quoted text opened at `open` closes on
/// the same line, if it does.
fn closing(chars: &[char], open: usize) -> Option<usize> {
    let q = chars[open];
    let mut i = open + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if q == '"' => i += 1,
            '\'' if q == '\'' && chars.get(i + 1) == Some(&'\'') => i += 1,
            c if c == q => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn quotes(lines: &[&str], upto: usize) -> Option<YamlError> {
    let mut i = 0;
    while i < upto.max(1) && i < lines.len() {
        let line = lines[i];
        let Some(open) = value_start(line) else {
            i += 1;
            continue;
        };
        let chars: Vec<char> = line.chars().collect();
        let q = chars[open];
        match closing(&chars, open) {
            Some(close) => {
                let rest: String = chars[close + 1..].iter().collect();
                let rest = rest.trim();
                if !rest.is_empty() && !rest.starts_with(['#', ',', ']', '}']) {
                    // The quote closed early: an apostrophe inside the text.
                    let end = chars
                        .iter()
                        .rposition(|c| *c == q)
                        .filter(|&e| e > close)
                        .unwrap_or(chars.len());
                    let inner: String = chars[open + 1..end].iter().collect();
                    let fixed = if q == '\'' {
                        format!("'{}'", inner.replace('\'', "''"))
                    } else {
                        format!("\"{}\"", inner.replace('"', "\\\""))
                    };
                    return Some(mistake(
                        Mistake::QuoteInside { quote: q, fixed },
                        i + 1,
                        close + 1,
                        1,
                    ));
                }
                i += 1;
            }
            None => {
                // A quoted text may go on over several lines: closed on a
                // later line with nothing after it, it is fine; closed
                // where more text follows, the quote that closes is
                // someone else's opening one.
                let later = lines[i + 1..].iter().enumerate().find_map(|(n, l)| {
                    let c: Vec<char> = l.chars().collect();
                    (0..c.len())
                        .find(|&k| {
                            c[k] == q
                                && !(q == '"' && k > 0 && c[k - 1] == '\\')
                                && !(q == '\'' && c.get(k + 1) == Some(&'\''))
                        })
                        .map(|k| (n, c[k + 1..].iter().collect::<String>()))
                });
                match later {
                    Some((n, rest))
                        if rest.trim().is_empty()
                            || rest.trim().starts_with(['#', ',', ']', '}']) =>
                    {
                        i += n + 2;
                    }
                    _ => {
                        return Some(mistake(
                            Mistake::UnclosedQuote { quote: q },
                            i + 1,
                            open + 1,
                            1,
                        ));
                    }
                }
            }
        }
    }
    None
}

/// A line indented further than the one above when that one opens
/// nothing, or back to a depth no line above has.
fn indentation(lines: &[&str], upto: usize) -> Option<YamlError> {
    let mut seen: Vec<usize> = Vec::new();
    let mut prev: Option<&str> = None;
    for (i, line) in lines.iter().enumerate().take(upto) {
        if is_blank_or_comment(line) {
            continue;
        }
        let ind = indent(line);
        if let Some(p) = prev {
            let p_ind = indent(p);
            let opens = p.trim_end().ends_with(':') || p.trim() == "-" || opens_block_scalar(p);
            let wrong = (ind > p_ind && !opens) || (ind < p_ind && !seen.contains(&ind));
            if wrong && i + 1 == upto {
                return Some(mistake(Mistake::Indentation, i + 1, 1, ind.max(1)));
            }
        }
        seen.push(ind);
        prev = Some(line);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(yaml: &str, line: usize, column: usize) -> (Mistake, usize, usize) {
        match syntax(yaml, Pos { line, column }) {
            YamlError::Mistake { mistake, pos, .. } => (mistake, pos.line, pos.column),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_apostrophe_trap_is_named_with_the_fix() {
        let (m, l, c) = found("title: 'L'OIM au Sénégal'\n", 1, 11);
        assert_eq!(
            m,
            Mistake::QuoteInside {
                quote: '\'',
                fixed: "'L''OIM au Sénégal'".into()
            }
        );
        assert_eq!((l, c), (1, 10));
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let (m, l, c) = found("title: \"Unclosed\nsummary: x\ndate: 2021-01-01\n", 4, 1);
        assert_eq!(m, Mistake::UnclosedQuote { quote: '"' });
        assert_eq!((l, c), (1, 8));
        // Closed on the next line: a text on two lines, not a mistake.
        let ok = "summary: \"one\n  two\"\ntitle: x: y\n";
        assert_eq!(found(ok, 3, 9).0, Mistake::Other);
    }

    #[test]
    fn tabs_and_indentation() {
        assert_eq!(
            found("title: x\n\tsummary: y\n", 2, 1),
            (Mistake::Tab, 2, 1)
        );
        assert_eq!(
            found("title: x\n summary: y\n", 2, 9),
            (Mistake::Indentation, 2, 1)
        );
        let joined = before_reading("challenges:\n  - a\n   - b\n").expect("found");
        assert_eq!(joined.pos(), Pos { line: 3, column: 1 });
        assert!(before_reading("challenges:\n  - a\n  - b\nsummary: >\n  x\n   - y\n").is_none());
    }

    #[test]
    fn unicode_line_breaks_are_found_at_their_place() {
        let e = before_reading("title: a\nsummary: b\u{2028}c\n").expect("found");
        assert_eq!(
            e.pos(),
            Pos {
                line: 2,
                column: 11
            }
        );
    }
}
