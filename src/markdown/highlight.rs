//! Code blocks highlighted by syntect as CSS classes (`hl-…`), so the
//! theme's stylesheet sets the colours and pages carry no inline style.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The HTML of a code block, `<pre><code>` included, coloured when
/// `colour` is set. An unknown language is shown plain rather than
/// refused: a code block is never an error.
pub fn code_block(lang: Option<&str>, code: &str, colour: bool) -> String {
    let escaped_lang = lang.map(crate::escape::html_attr);
    let open = match &escaped_lang {
        // Focusable: a long line scrolls, and a keyboard must reach it.
        Some(l) => format!(
            "<pre class=\"code\" tabindex=\"0\" data-lang=\"{l}\"><code class=\"language-{l}\">"
        ),
        None => "<pre class=\"code\" tabindex=\"0\"><code>".to_string(),
    };
    let inner = lang
        .filter(|_| colour)
        .and_then(|l| highlight(l, code))
        .unwrap_or_else(|| crate::escape::html_text(code));
    format!("{open}{inner}</code></pre>\n")
}

fn highlight(lang: &str, code: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang).or_else(|| {
        (lang == "yml")
            .then(|| set.find_syntax_by_extension("yaml"))
            .flatten()
    })?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_is_highlighted_with_classes() {
        let html = code_block(Some("yaml"), "title: x\n", true);
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
    }

    #[test]
    fn unknown_language_is_plain_and_escaped() {
        let html = code_block(Some("nope"), "<b>", true);
        assert!(html.contains("&lt;b&gt;"));
    }
}
