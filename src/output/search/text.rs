//! The readable text of a rendered Markdown body, for the search index:
//! tags dropped, entities decoded, block ends kept as spaces so words of
//! two paragraphs never run together. The body is HTML we rendered
//! ourselves (pulldown-cmark escapes `&`, `<`, `>` and `"`), so a small
//! scanner suffices; no HTML parser is needed.

/// Elements whose content is never text a reader searches for.
const SKIPPED: [&str; 2] = ["script", "style"];

pub fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            decode_into(&rest[..lt], &mut out);
        }
        let after = &rest[lt + 1..];
        let opens_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(gt) = after.find('>').filter(|_| opens_tag) else {
            // A lone `<` in raw HTML: keep it as text.
            if skipping.is_none() {
                out.push('<');
            }
            rest = after;
            continue;
        };
        let tag = &after[..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match skipping {
            Some(s) if tag.starts_with('/') && name == s => skipping = None,
            Some(_) => {}
            None => {
                if let Some(s) = SKIPPED.iter().find(|s| **s == name)
                    && !tag.starts_with('/')
                {
                    skipping = Some(s);
                }
                // Any tag may separate words (`<br>`, `</p><p>`, `</td><td>`);
                // a space too many costs nothing, one too few glues words.
                // A heading's end is a dash: an excerpt across it reads
                // "Results — The agency…", not "Results The agency…".
                if is_heading(&name) && tag.starts_with('/') {
                    out.push_str(" \u{2014} ");
                } else if !is_inline(&name) {
                    out.push(' ');
                }
            }
        }
        rest = &after[gt + 1..];
    }
    if skipping.is_none() {
        decode_into(rest, &mut out);
    }
    squeeze(&out)
}

/// Inline elements sit inside words as often as between them
/// (`re<em>int</em>egration` is rare, `<em>a</em>` common): no space.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "em"
            | "strong"
            | "code"
            | "span"
            | "sup"
            | "sub"
            | "b"
            | "i"
            | "abbr"
            | "mark"
            | "del"
            | "ins"
            | "small"
            | "s"
            | "u"
    )
}

fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| decode(&after[..semi]).map(|c| (c, semi)));
        match entity {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn decode(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)
        }
    }
}

/// Runs of white space as one space, none at the ends.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn drops_tags_and_keeps_words_apart() {
        assert_eq!(
            plain(
                "<h2 id=\"a\">Réintégration</h2><p>Un <em>appui</em> durable.</p><ul><li>un</li><li>deux</li></ul>"
            ),
            "Réintégration — Un appui durable. un deux"
        );
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(
            plain("<p>R&amp;D &lt;b&gt; &quot;x&quot; l&#39;OFII &#x2013; fin</p>"),
            "R&D <b> \"x\" l'OFII – fin"
        );
    }

    #[test]
    fn leaves_out_scripts_and_keeps_stray_signs() {
        assert_eq!(
            plain("<p>a < b & c</p><script>var x = '<p>';</script><p>d</p>"),
            "a < b & c d"
        );
    }
}
