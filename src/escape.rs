//! Escaping, one function for each language the site is written in: text
//! and attribute values of HTML, XML (feeds, sitemap, SVG), JSON placed
//! inside HTML, and CSS strings. Every module that writes one of these by
//! hand (not through Tera's autoescaping) calls these, so a character is
//! never escaped one way here and another way there.

/// `s` with each character `entity` names replaced by it, and those
/// `allowed` refuses dropped.
fn escaped(s: &str, entity: fn(char) -> Option<&'static str>, allowed: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match entity(c) {
            Some(e) => out.push_str(e),
            None if allowed(c) => out.push(c),
            None => {}
        }
    }
    out
}

/// `&`, `<`, `>` and `"`: what ends or changes HTML text or markup.
fn markup(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        _ => None,
    }
}

/// Text between HTML tags: `&`, `<`, `>` and `"`, as pulldown-cmark
/// escapes the text it writes (so a highlighted code block and a plain
/// one escape alike).
pub fn html_text(s: &str) -> String {
    escaped(s, markup, |_| true)
}

/// An HTML attribute value in double quotes: the text's escapes and `'`,
/// so it is safe in single quotes too.
pub fn html_attr(s: &str) -> String {
    escaped(
        s,
        |c| if c == '\'' { Some("&#39;") } else { markup(c) },
        |_| true,
    )
}

/// Whether XML 1.0 allows `c` at all (its `Char` production): tab, line
/// feed, carriage return, and everything from U+0020 but U+FFFE and
/// U+FFFF (a Rust string holds no unpaired surrogate).
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// XML text or attribute value: the five predefined entities, and every
/// character XML 1.0 forbids dropped (an escape would not help: `&#1;` is
/// not well-formed either).
pub fn xml(s: &str) -> String {
    escaped(
        s,
        |c| if c == '\'' { Some("&apos;") } else { markup(c) },
        xml_allows,
    )
}

/// JSON that stays inert inside a `<script>` element or an HTML attribute:
/// `<`, `>` and `&` occur only inside JSON strings, where their `\u`
/// escapes mean the same. One pass over the bytes: graph.json is large on
/// a large site.
pub fn json_in_html(json: Vec<u8>) -> Vec<u8> {
    if !json.iter().any(|b| matches!(b, b'<' | b'>' | b'&')) {
        return json;
    }
    let mut out = Vec::with_capacity(json.len() + 1024);
    for b in json {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            _ => out.push(b),
        }
    }
    out
}

/// The inside of a double-quoted CSS string: `"` and `\` escaped, and
/// every control character (a line break ends a CSS string, a form feed
/// too) written as a hexadecimal escape, so nothing can close the string
/// or the rule.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A URL path: every byte but the unreserved ones and `/` written `%XX`
/// (a space or an accent in a file name; `*` and `:` mean something in
/// `_headers`), so what is echoed in a header is plain ASCII.
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inverse of `url_path`: `%XX` read back, `None` when an escape is
/// cut short or the bytes are not UTF-8.
pub fn url_path_decoded(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_escapes_what_would_end_its_own_context() {
        assert_eq!(html_text("a<b>&c\"'"), "a&lt;b&gt;&amp;c&quot;'");
        assert_eq!(html_attr("a<b>&c\"'"), "a&lt;b&gt;&amp;c&quot;&#39;");
        assert_eq!(xml("a<b>&c\"'"), "a&lt;b&gt;&amp;c&quot;&apos;");
        assert_eq!(css_string("x\"; } body{\\"), "x\\\"; } body{\\\\");
        assert_eq!(css_string("a\nb\u{c}c"), "a\\a b\\c c");
    }

    #[test]
    fn a_url_path_reads_back_as_written() {
        let p = "fr/m/compte rendu é.pdf";
        assert_eq!(url_path(p), "fr/m/compte%20rendu%20%C3%A9.pdf");
        assert_eq!(url_path_decoded(&url_path(p)).as_deref(), Some(p));
        assert_eq!(url_path_decoded("a%2"), None);
    }

    #[test]
    fn xml_drops_what_xml_forbids() {
        assert_eq!(
            xml("a\u{1}b\u{FFFE}c\u{FFFF}d\te\u{FFFD}"),
            "abcd\te\u{FFFD}"
        );
        assert!(roxml_ok(&format!("<t>{}</t>", xml("\u{0}\u{b}\u{FFFF}x"))));
    }

    /// Well-formedness without a parser: every character allowed.
    fn roxml_ok(doc: &str) -> bool {
        doc.chars().all(xml_allows)
    }

    #[test]
    fn json_keeps_its_meaning_and_never_closes_a_script() {
        let json = serde_json::to_string(&["</script><b>&amp;"]).expect("json");
        let safe = String::from_utf8(json_in_html(json.into_bytes())).expect("UTF-8");
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Vec<String> = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, ["</script><b>&amp;"]);
    }
}
