//! French typography: a narrow no-break space (U+202F) before `: ; ! ?`
//! and inside « », so that editors need not type it and a line never
//! breaks between a word and its punctuation. Applied to French text only
//! (Markdown text, titles, summaries), never to code or attributes.

/// U+202F NARROW NO-BREAK SPACE.
pub const NNBSP: char = '\u{202f}';

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == NNBSP
}

/// Whether the word that ends at `word` (the text since the last space)
/// looks like an address, where `:` and `?` belong to the address.
fn looks_like_address(word: &str) -> bool {
    // `&ouml;` written as text (`\&ouml;` in Markdown) is a character
    // reference for the reader to see, not a sentence's `;`.
    let entity = word.rsplit_once('&').is_some_and(|(_, name)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
    });
    entity
        || word.contains("://")
        || word.contains('@')
        || word.contains('/')
        || word.starts_with("www.")
        || word.starts_with("mailto")
        || word.starts_with("http")
}

/// `text` with French spacing: an existing space before `: ; ! ?` or
/// after `«` / before `»` becomes U+202F; a missing one is added after a
/// word and before a space or the end (so `10:30`, `?!` and addresses are
/// left alone).
pub fn french(text: &str) -> String {
    // Most runs of text have none of the marks spaced: copied as they are
    // (every body's text and every page's strings go through here).
    if !text.contains([':', ';', '!', '?', '«', '»']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut word_start = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match c {
            ':' | ';' | '!' | '?' => {
                let word: String = chars[word_start..i].iter().collect();
                if looks_like_address(&word) {
                    out.push(c);
                    continue;
                }
                match prev {
                    Some(p) if is_space(p) => {
                        out.pop();
                        out.push(NNBSP);
                    }
                    Some(p)
                        if (p.is_alphanumeric() || matches!(p, ')' | '»' | '*' | '"'))
                            && (c != ':' || !p.is_ascii_digit())
                            && next.is_none_or(|n| {
                                n.is_whitespace() || matches!(n, ')' | '»' | '!' | '?')
                            }) =>
                    {
                        out.push(NNBSP);
                    }
                    _ => {}
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|n| !n.is_whitespace()) {
                    out.push(NNBSP);
                }
            }
            '»' => {
                match prev {
                    Some(p) if is_space(p) => {
                        out.pop();
                        out.push(NNBSP);
                    }
                    Some(_) => out.push(NNBSP),
                    None => {}
                }
                out.push(c);
            }
            ' ' | '\u{a0}' if prev == Some('«') => out.push(NNBSP),
            c => {
                out.push(c);
                if c.is_whitespace() {
                    word_start = i + 1;
                }
            }
        }
    }
    out
}

/// Whether text in `lang` is spaced the French way: the one place that
/// knows which languages are.
pub fn french_spacing(lang: &str) -> bool {
    lang == "fr"
}

/// The words a file's size is written with in one language, from the
/// theme's strings: `{n} KB`, `{n} MB` and the decimal mark.
#[derive(Debug, Clone, Default)]
pub struct SizeWords {
    pub kb: String,
    pub mb: String,
    pub decimal_mark: String,
}

/// `240 KB`, `3.8 MB` (`240 Ko`, `3,8 Mo`): kilobytes below a
/// megabyte, whole; megabytes with one decimal.
pub fn file_size(bytes: u64, words: &SizeWords) -> String {
    let (n, pattern) = if bytes >= 1_000_000 {
        (format!("{:.1}", bytes as f64 / 1e6), &words.mb)
    } else {
        (format!("{:.0}", (bytes as f64 / 1e3).max(1.0)), &words.kb)
    };
    pattern.replace("{n}", &n.replace('.', &words.decimal_mark))
}

/// What a link to a document says of it: `PDF, 240 KB, French`.
pub fn document_meta(
    format: &str,
    bytes: u64,
    language: Option<&str>,
    words: &SizeWords,
) -> String {
    let mut parts = vec![format.to_string(), file_size(bytes, words)];
    parts.extend(language.map(str::to_string));
    parts.join(", ")
}

/// `text` as it is shown in `lang`: French spacing on French text.
pub fn for_lang(lang: &str, text: &str) -> String {
    if french_spacing(lang) {
        french(text)
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_in_each_languages_words() {
        let fr = SizeWords {
            kb: "{n}\u{a0}Ko".into(),
            mb: "{n}\u{a0}Mo".into(),
            decimal_mark: ",".into(),
        };
        assert_eq!(file_size(240_300, &fr), "240\u{a0}Ko");
        assert_eq!(file_size(3_840_000, &fr), "3,8\u{a0}Mo");
        assert_eq!(file_size(12, &fr), "1\u{a0}Ko");
        let en = SizeWords {
            kb: "{n} KB".into(),
            mb: "{n} MB".into(),
            decimal_mark: ".".into(),
        };
        assert_eq!(
            document_meta("PDF", 240_000, Some("French"), &en),
            "PDF, 240 KB, French"
        );
        assert_eq!(document_meta("DOCX", 3_840_000, None, &en), "DOCX, 3.8 MB");
    }

    fn show(s: &str) -> String {
        s.replace(NNBSP, "_")
    }

    #[test]
    fn a_typed_space_before_high_punctuation_becomes_narrow() {
        assert_eq!(
            show(&french("Pourquoi ? Parce que : oui ; non !")),
            "Pourquoi_? Parce que_: oui_; non_!"
        );
        assert_eq!(show(&french("Quoi\u{a0}?")), "Quoi_?");
    }

    #[test]
    fn a_missing_space_is_added_after_a_word() {
        assert_eq!(show(&french("Cameroun: aide")), "Cameroun_: aide");
        assert_eq!(show(&french("Vraiment?")), "Vraiment_?");
        assert_eq!(show(&french("Vraiment?!")), "Vraiment_?!");
    }

    #[test]
    fn guillemets_get_narrow_spaces_inside() {
        assert_eq!(
            show(&french("le « pacte » européen")),
            "le «_pacte_» européen"
        );
        assert_eq!(
            show(&french("le «pacte» européen")),
            "le «_pacte_» européen"
        );
    }

    #[test]
    fn times_addresses_and_english_are_left_alone() {
        assert_eq!(french("à 10:30 précises"), "à 10:30 précises");
        assert_eq!(
            french("voir https://example.org/a?b=1 : ici"),
            "voir https://example.org/a?b=1\u{202f}: ici"
        );
        assert_eq!(
            french("écrire à info@example.org"),
            "écrire à info@example.org"
        );
        assert_eq!(for_lang("en", "Why? Because: yes"), "Why? Because: yes");
    }

    #[test]
    fn spacing_twice_changes_nothing_more() {
        let once = french("« Oui » : non ? Si !");
        assert_eq!(french(&once), once);
    }
}
