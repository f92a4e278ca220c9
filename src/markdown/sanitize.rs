//! Raw HTML in bodies, made safe: the rendered body goes through ammonia
//! with one allow-list (the only module that knows ammonia), and each raw
//! HTML fragment is scanned against the same list so the editor is told
//! what was removed and where. Also which link addresses a body may use.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Tags a body may hold: text structure, tables, images. No scripts,
/// styles, frames, forms or embedded objects.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes any allowed tag may have. No `style` (the site is served
/// with a Content-Security-Policy that forbids inline styles) and no `on…`.
const GENERIC_ATTRIBUTES: &[&str] = &["class", "dir", "id", "lang", "title"];

/// Attributes of particular tags.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["aria-label", "href", "hreflang"]),
    ("blockquote", &["cite"]),
    ("del", &["cite", "datetime"]),
    // The scrolling region around a table.
    ("div", &["aria-label", "role", "tabindex"]),
    // `srcset` and `sizes` as the renderer writes them for a picture:
    // addresses of the site (another host's would be refused by the CSP).
    (
        "img",
        &[
            "alt", "decoding", "height", "loading", "sizes", "src", "srcset", "width",
        ],
    ),
    ("ins", &["cite", "datetime"]),
    ("ol", &["start"]),
    ("pre", &["data-lang", "tabindex"]),
    ("q", &["cite"]),
    ("source", &["sizes", "srcset", "type"]),
    ("td", &["colspan", "headers", "rowspan"]),
    ("th", &["colspan", "headers", "rowspan", "scope"]),
    ("time", &["datetime"]),
];

/// Attributes holding an address.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite"];

/// The address schemes a link or an image may use; anything else
/// (`javascript:`, `data:`, `vbscript:`…) could run code or smuggle content.
/// ammonia's own default list of schemes that cannot run code or carry
/// content: a valid CommonMark autolink such as `<irc://host/x>` passes.
const URL_SCHEMES: &[&str] = &[
    "bitcoin",
    "ftp",
    "ftps",
    "geo",
    "http",
    "https",
    "im",
    "irc",
    "ircs",
    "magnet",
    "mailto",
    "mms",
    "mx",
    "news",
    "nntp",
    "openpgp4fpr",
    "sip",
    "sms",
    "smsto",
    "ssh",
    "tel",
    "url",
    "webcal",
    "wtai",
    "xmpp",
];

fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        let per_tag: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
            .iter()
            .map(|(t, a)| (*t, a.iter().copied().collect()))
            .collect();
        b.tags(TAGS.iter().copied().collect())
            .clean_content_tags(["script", "style"].into_iter().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(per_tag)
            .url_schemes(URL_SCHEMES.iter().copied().collect())
            // The hub's own links need no `rel`; external ones open in the
            // same tab, so there is no opener to protect.
            .link_rel(None)
            .strip_comments(true);
        b
    })
}

/// `html` with everything outside the allow-list removed.
pub fn clean(html: &str) -> String {
    builder().clean(html).to_string()
}

/// The scheme of `url` when it has one the hub does not allow, as browsers
/// read it (ignoring case, and the tabs and line breaks they skip).
pub fn forbidden_scheme(url: &str) -> Option<String> {
    let squeezed: String = url
        .trim_start_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = squeezed.split_once(':')?;
    let is_scheme = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (is_scheme && !URL_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// An attribute value as the browser reads it: character references
/// (`&#106;`, `&#x6A`, `&colon;`, `&Tab;`…) decoded, so that a disguised
/// `javascript:` is seen, and reported, like a plain one. Only the names
/// that can take part in a scheme are decoded; others stay as written.
fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let (decoded, used) = if let Some(num) = after.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(digits.len());
            let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok();
            let semi = usize::from(digits[len..].starts_with(';'));
            match code.and_then(char::from_u32) {
                Some(c) if len > 0 => (Some(c), 1 + usize::from(hex) + len + semi),
                _ => (None, 0),
            }
        } else {
            let named = [
                ("colon;", ':'),
                ("Tab;", '\t'),
                ("NewLine;", '\n'),
                ("amp;", '&'),
                ("lpar;", '('),
                ("rpar;", ')'),
            ];
            named
                .iter()
                .find(|(n, _)| after.starts_with(n))
                .map_or((None, 0), |(n, c)| (Some(*c), n.len()))
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Elements that never hold others, so never add to the nesting.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The number of open HTML elements after `fragment`, `depth` being the
/// number before it. A fast, generous count (an element whose end tag may
/// be left out counts as open), used to refuse absurd nesting before the
/// sanitiser's parser, whose time grows with depth, sees it.
///
/// Also the deepest it went within the fragment: a fragment that opens
/// and closes 30,000 elements ends where it began but nests 30,000 deep.
pub fn open_elements(mut depth: usize, fragment: &str) -> (usize, usize) {
    let bytes = fragment.as_bytes();
    let mut i = 0;
    let mut deepest = depth;
    while let Some(lt) = fragment[i..].find('<').map(|p| p + i) {
        i = lt + 1;
        if fragment[i..].starts_with("!--") {
            i = fragment[i..]
                .find("-->")
                .map_or(fragment.len(), |p| p + i + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = fragment[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(fragment.len() - start);
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = fragment[start..start + len].to_ascii_lowercase();
        let end = fragment[start..]
            .find('>')
            .map_or(fragment.len(), |p| p + start);
        i = end;
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !fragment[..end].ends_with('/') {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    (depth, deepest)
}

/// One thing the sanitiser will remove from a raw HTML fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Byte offset in the fragment.
    pub offset: usize,
    pub len: usize,
    pub message: String,
}

/// What `clean` will remove from `fragment`, for the editor: tags and
/// attributes outside the allow-list and forbidden addresses. A reading
/// for messages only; `clean` is what makes the page safe.
pub fn removed(fragment: &str) -> Vec<Removed> {
    let mut out = Vec::new();
    let bytes = fragment.as_bytes();
    let mut i = 0;
    while let Some(lt) = fragment[i..].find('<').map(|p| p + i) {
        i = lt + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = fragment[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(fragment.len() - name_start);
        let name = fragment[name_start..name_start + name_len].to_ascii_lowercase();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        if !TAGS.contains(&name.as_str()) {
            if !closing {
                out.push(Removed {
                    offset: lt,
                    len: name_len + 1,
                    message: crate::t!("md-tag-removed", name = name.as_str()),
                });
            }
            i = name_start + name_len;
            continue;
        }
        i = name_start + name_len;
        if !closing {
            i = attributes(fragment, i, &name, &mut out);
        }
    }
    out
}

/// Scans the attributes of an allowed tag from `i` to its `>`; returns
/// where the scan stopped.
fn attributes(fragment: &str, mut i: usize, tag: &str, out: &mut Vec<Removed>) -> usize {
    let allowed = |attr: &str| {
        GENERIC_ATTRIBUTES.contains(&attr)
            || TAG_ATTRIBUTES
                .iter()
                .any(|(t, a)| *t == tag && a.contains(&attr))
    };
    let bytes = fragment.as_bytes();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return i;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=>/".contains(&bytes[i]) {
            i += 1;
        }
        let attr = fragment[start..i].to_ascii_lowercase();
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            let quote = bytes.get(i).copied().filter(|q| *q == b'"' || *q == b'\'');
            let value_start = i + usize::from(quote.is_some());
            let value_end = match quote {
                Some(q) => fragment[value_start..]
                    .find(q as char)
                    .map_or(fragment.len(), |p| p + value_start),
                None => fragment[value_start..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(fragment.len(), |p| p + value_start),
            };
            value = Some(&fragment[value_start..value_end]);
            i = (value_end + usize::from(quote.is_some())).min(fragment.len());
        }
        if attr.is_empty() {
            i += 1;
            continue;
        }
        if !allowed(&attr) {
            out.push(Removed {
                offset: start,
                len: attr.len(),
                message: crate::t!("md-attribute-removed", name = attr.as_str()),
            });
        } else if URL_ATTRIBUTES.contains(&attr.as_str())
            && let Some(scheme) = value
                .map(decode_references)
                .and_then(|v| forbidden_scheme(&v))
        {
            out.push(Removed {
                offset: start,
                len: attr.len(),
                message: crate::t!("md-scheme-removed", scheme = scheme.as_str()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_styles_and_frames_are_removed() {
        let html = "<p onclick=\"x()\" style=\"color:red\">a</p><script>alert(1)</script>\
                    <iframe src=\"https://e.org\"></iframe><style>p{}</style>\
                    <a href=\"javascript:alert(1)\">b</a><img src=\"data:image/png;base64,AA\" alt=\"c\">";
        assert_eq!(clean(html), "<p>a</p><a>b</a><img alt=\"c\">");
    }

    #[test]
    fn the_hub_s_own_markup_is_kept() {
        let html = "<h2 id=\"x\">T</h2><a href=\"/fr/a/\" hreflang=\"en\" class=\"fallback\">A</a>\
                    <pre class=\"code\" data-lang=\"yaml\"><code class=\"hl-source\">x</code></pre>";
        assert_eq!(clean(html), html);
    }

    #[test]
    fn forbidden_schemes_as_browsers_read_them() {
        assert_eq!(
            forbidden_scheme("javascript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            forbidden_scheme(" JaVa\tScript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            forbidden_scheme("data:text/html,x").as_deref(),
            Some("data")
        );
        assert_eq!(forbidden_scheme("vbscript:x").as_deref(), Some("vbscript"));
        assert_eq!(forbidden_scheme("https://e.org/a:b"), None);
        assert_eq!(forbidden_scheme("mailto:a@b.org"), None);
        assert_eq!(forbidden_scheme("/fr/a:b/"), None);
        assert_eq!(forbidden_scheme("annexe.pdf"), None);
        assert_eq!(forbidden_scheme("#note"), None);
        assert_eq!(forbidden_scheme("irc://host/x"), None);
        for disguised in [
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106avascript:alert(1)",
            "java&Tab;script:alert(1)",
            "javascript&colon;alert(1)",
            "&#x26;#106;avascript:x",
        ] {
            let decoded = decode_references(disguised);
            if disguised.starts_with("&#x26;") {
                // Decoded once, as the browser does: `&#106;avascript:`
                // is text, not an address.
                assert_eq!(forbidden_scheme(&decoded), None, "{decoded}");
            } else {
                assert_eq!(
                    forbidden_scheme(&decoded).as_deref(),
                    Some("javascript"),
                    "{disguised}"
                );
            }
        }
        assert_eq!(decode_references("a&b&#;c&#xZ;"), "a&b&#;c&#xZ;");
    }

    #[test]
    fn open_elements_are_counted_generously() {
        assert_eq!(open_elements(0, "<div><p>a</p><br><img src=x/>"), (1, 2));
        assert_eq!(open_elements(2, "</div></div></div>"), (0, 2));
        assert_eq!(open_elements(0, "<!-- <div> --> a < b <x/>"), (0, 0));
        assert_eq!(open_elements(0, &"<div>".repeat(1000)), (1000, 1000));
        let balanced = "<div>".repeat(30_000) + &"</div>".repeat(30_000);
        assert_eq!(open_elements(0, &balanced), (0, 30_000));
    }

    #[test]
    fn what_is_removed_is_named_at_its_place() {
        let r = removed("<b onclick=x>b</b> <iframe src=y></iframe> <a href='data:x'>");
        let got: Vec<(usize, &str)> = r.iter().map(|r| (r.offset, r.message.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "the HTML attribute `onclick` is not allowed in the text"),
                (19, "the HTML tag `<iframe>` is not allowed in the text"),
                (46, "`data:` addresses are not allowed in the text"),
            ]
        );
        assert_eq!(removed("a < b, <em title=\"x>y\">ok</em>"), vec![]);
    }
}
