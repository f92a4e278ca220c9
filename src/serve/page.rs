//! What the preview adds to pages: the small script that reloads them when
//! the site changes, and the page that shows a failed build's errors.
//! Only `serve` uses these; `build` output never contains them.

use crate::diag::Diagnostic;

pub const RELOAD_PATH: &str = "__rabat/reload.js";
pub const EVENTS_PATH: &str = "__rabat/events";

/// Listens to the server's events and reloads on a new build.
pub const RELOAD_JS: &str = r#"// rabat-hub serve: reload this page when the site is rebuilt.
(function () {
  var events = new EventSource("/__rabat/events");
  events.addEventListener("reload", function () { window.location.reload(); });
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

/// A readable page of a failed build's problems, in both languages of the
/// hub's editors; the reload script brings the site back once fixed.
pub fn error_page(errors: &[Diagnostic]) -> Vec<u8> {
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
            if d.is_error() { "error" } else { "warning" },
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
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>The site has {count} error(s) · Le site a {count} erreur(s)</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n<main id=\"main\" class=\"build-errors\">\n<h1>The site cannot be built · Le site ne peut pas être construit</h1>\n<p>Fix the file named below and save: this page reloads by itself. · Corrigez le fichier indiqué et enregistrez : la page se recharge d'elle-même.</p>\n<ol class=\"problems\">\n{items}</ol>\n</main>\n<script src=\"/{RELOAD_PATH}\"></script>\n</body>\n</html>\n"
    )
    .into_bytes()
}
