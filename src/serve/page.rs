//! What the preview adds to pages: the small script that reloads them when
//! the site changes, and the page that shows a failed build's errors.
//! Only `serve` uses these; `build` output never contains them.

use crate::diag::Diagnostic;
use crate::messages::{Arg, Language, text_in};

pub const RELOAD_PATH: &str = "__rabat/reload.js";
pub const EVENTS_PATH: &str = "__rabat/events";

/// Listens to the server's events and reloads on a new build.
pub const RELOAD_JS: &str = r#"// rabat-hub serve: reload this page when the site is rebuilt.
(function () {
  var events = new EventSource("/__rabat/events");
  events.addEventListener("reload", function () { window.location.reload(); });
  // serve --navigate: go to the page of the file saved last.
  events.addEventListener("navigate", function (e) {
    if (e.data === window.location.pathname) { window.location.reload(); }
    else { window.location.assign(e.data); }
  });
})();
"#;

/// `html` with the reload script added before `</body>`.
pub fn inject_reload(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"/{RELOAD_PATH}\"></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}\n{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}\n").into_bytes(),
    }
}

use crate::escape::html_text as escape;

/// A readable page of a failed build's problems, in the editor's language
/// (the one of the terminal's messages); the reload script brings the site
/// back once fixed.
pub fn error_page(errors: &[Diagnostic]) -> Vec<u8> {
    error_page_in(crate::messages::chosen(), errors)
}

fn error_page_in(lang: Language, errors: &[Diagnostic]) -> Vec<u8> {
    let words = |id: &str, count: usize| text_in(lang, id, &[("count", Arg::Count(count))]);
    let mut items = String::new();
    for d in errors {
        let place = d
            .span
            .as_ref()
            .map(|s| format!("{}:{}:{}", s.file, s.line, s.column))
            .unwrap_or_default();
        items.push_str("<li class=\"problem\">\n");
        items.push_str(&format!(
            "<p><strong class=\"severity\">{}</strong> <span class=\"message\">{}</span></p>\n",
            escape(&words(
                if d.is_error() {
                    "severity-error"
                } else {
                    "severity-warning"
                },
                0
            )),
            escape(&d.message)
        ));
        if !place.is_empty() {
            items.push_str(&format!(
                "<p class=\"place\"><code>{}</code></p>\n",
                escape(&place)
            ));
        }
        items.push_str(&format!("<pre>{}</pre>\n", escape(&d.to_human())));
        if let Some(help) = &d.help {
            items.push_str(&format!("<p class=\"help\">{}</p>\n", escape(help)));
        }
        items.push_str("</li>\n");
    }
    let count = errors.iter().filter(|d| d.is_error()).count();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n<main id=\"main\" class=\"build-errors\">\n<h1>{heading}</h1>\n<p>{fix}</p>\n<ol class=\"problems\">\n{items}</ol>\n</main>\n<script src=\"/{RELOAD_PATH}\"></script>\n</body>\n</html>\n",
        lang = lang.tag(),
        title = escape(&words("serve-errors-title", count)),
        heading = escape(&words("serve-errors-heading", count)),
        fix = escape(&words("serve-errors-fix", count)),
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: Language, errors: &[Diagnostic]) -> String {
        String::from_utf8(error_page_in(lang, errors)).unwrap_or_default()
    }

    #[test]
    fn the_error_page_is_in_the_editors_language_with_its_plurals() {
        let one = [Diagnostic::error("`<b>` is wrong".to_string())];
        let fr = page(Language::Fr, &one);
        assert!(fr.contains("<html lang=\"fr\">"), "{fr}");
        assert!(fr.contains("<title>Le site a 1 erreur</title>"), "{fr}");
        assert!(fr.contains("<h1>Le site ne peut pas être construit</h1>"));
        assert!(fr.contains(">erreur</strong>"), "{fr}");
        assert!(!fr.contains("cannot be built"), "{fr}");
        assert!(fr.contains("`&lt;b&gt;` is wrong"), "{fr}");
        let two = [one[0].clone(), one[0].clone()];
        let en = page(Language::En, &two);
        assert!(en.contains("<html lang=\"en\">"), "{en}");
        assert!(en.contains("<title>The site has 2 errors</title>"), "{en}");
        assert!(!en.contains("Le site"), "{en}");
    }
}
