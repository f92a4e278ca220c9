//! What a file is, by the end of its name: the types a bundle may hold
//! as attachments (documents a reader downloads), and the media type each
//! is served with. An attachment is a document for readers, never a page
//! or a script of the site: HTML, JavaScript (an SVG is published
//! sanitised, `images`) and anything not on the list are refused where they are found
//! (`discover`), and the ones kept are served as downloads
//! (`Content-Disposition: attachment`, by `serve` and in `_headers`).

/// Attachment types: extension (lower case) → media type.
const ATTACHMENTS: &[(&str, &str)] = &[
    // Documents.
    ("pdf", "application/pdf"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("rtf", "application/rtf"),
    ("xls", "application/vnd.ms-excel"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("ppt", "application/vnd.ms-powerpoint"),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("odp", "application/vnd.oasis.opendocument.presentation"),
    ("epub", "application/epub+zip"),
    ("csv", "text/csv; charset=utf-8"),
    ("txt", "text/plain; charset=utf-8"),
    // Images.
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    // Published sanitised, never as written (`images`): no script, no
    // event handler, no address on another host is left in it.
    ("svg", "image/svg+xml"),
    // Audio.
    ("mp3", "audio/mpeg"),
    ("m4a", "audio/mp4"),
    ("ogg", "audio/ogg"),
    ("oga", "audio/ogg"),
    ("opus", "audio/ogg"),
    ("wav", "audio/wav"),
    ("flac", "audio/flac"),
    // Video.
    ("mp4", "video/mp4"),
    ("m4v", "video/mp4"),
    ("webm", "video/webm"),
    ("ogv", "video/ogg"),
    ("mov", "video/quicktime"),
    // Archives.
    ("zip", "application/zip"),
    ("gz", "application/gzip"),
    ("tgz", "application/gzip"),
    ("tar", "application/x-tar"),
    ("bz2", "application/x-bzip2"),
    ("xz", "application/x-xz"),
    ("7z", "application/x-7z-compressed"),
];

/// The files of the site itself (theme and `static/`) that are not
/// attachments.
const SITE_FILES: &[(&str, &str)] = &[
    ("html", "text/html; charset=utf-8"),
    ("css", "text/css; charset=utf-8"),
    ("js", "text/javascript; charset=utf-8"),
    ("mjs", "text/javascript; charset=utf-8"),
    ("json", "application/json"),
    ("xml", "application/xml"),
    ("ico", "image/x-icon"),
    ("wasm", "application/wasm"),
    ("woff2", "font/woff2"),
];

fn extension(name: &str) -> String {
    let last = name.rsplit('/').next().unwrap_or(name);
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Why `name` cannot be an attachment, if it cannot.
pub fn refuse_attachment(name: &str) -> Option<String> {
    if name.chars().any(char::is_control) {
        return Some(crate::t!("name-control-character"));
    }
    if let Some(part) = name.split('/').find(|p| crate::kind::windows_reserved(p)) {
        return Some(crate::t!("windows-reserved", name = part));
    }
    let ext = extension(name);
    if ATTACHMENTS.iter().any(|(e, _)| *e == ext) {
        return None;
    }
    Some(match ext.as_str() {
        "" => crate::t!("attachment-no-type"),
        "html" | "htm" | "xhtml" | "shtml" => crate::t!("attachment-html"),
        "js" | "mjs" | "cjs" | "wasm" => crate::t!("attachment-script"),
        "svgz" => crate::t!("attachment-svgz"),
        other => crate::t!("attachment-other-type", ext = other),
    })
}

/// What a reader is told a document is: its type, as its name ends
/// (`PDF`, `DOCX`, `CSV`).
pub fn format_name(name: &str) -> String {
    extension(name).to_ascii_uppercase()
}

/// Whether a file is a document a link should describe (not an image,
/// which a page shows).
pub fn is_document(name: &str) -> bool {
    let t = media_type(name);
    !t.starts_with("image/") && t != "application/octet-stream"
}

/// The language a document's name gives it, among `languages`: the part
/// before its type, as in Markdown files (`annexe.fr.pdf` is French).
pub fn language_of<'a>(
    name: &str,
    languages: &'a [crate::lang::Lang],
) -> Option<&'a crate::lang::Lang> {
    let last = name.rsplit('/').next().unwrap_or(name);
    let mut parts = last.rsplit('.');
    parts.next()?;
    let code = parts.next()?;
    parts.next()?;
    languages.iter().find(|l| l.as_str() == code)
}

/// The types a bundle may publish, for a hint.
pub fn attachment_extensions() -> String {
    ATTACHMENTS
        .iter()
        .map(|(e, _)| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The media type `path` is served with.
pub fn media_type(path: &str) -> &'static str {
    let ext = extension(path);
    ATTACHMENTS
        .iter()
        .chain(SITE_FILES)
        .find(|(e, _)| *e == ext)
        .map_or("application/octet-stream", |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_pass_and_active_files_do_not() {
        for ok in [
            "report.pdf",
            "a/b/Minutes.DOCX",
            "map.png",
            "data.csv",
            "x.tar.gz",
        ] {
            assert_eq!(refuse_attachment(ok), None, "{ok}");
        }
        for bad in [
            "evil.html",
            "sub/index.html",
            "evil.js",
            "logo.svgz",
            "run.exe",
            "README",
            ".pdf",
            "a\r\nb.pdf",
            "aux.pdf",
            "sub/COM1.txt",
        ] {
            assert!(refuse_attachment(bad).is_some(), "{bad}");
        }
        assert_eq!(media_type("fr/x/report.PDF"), "application/pdf");
        assert_eq!(media_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(media_type("x.unknown"), "application/octet-stream");
        assert_eq!(format_name("a/Rapport.Pdf"), "PDF");
        assert!(is_document("a.pdf") && is_document("t.csv") && !is_document("p.jpg"));
        let langs = [
            crate::lang::Lang::parse("fr").expect("fr"),
            crate::lang::Lang::parse("en").expect("en"),
        ];
        assert_eq!(
            language_of("annexe.fr.pdf", &langs).map(|l| l.as_str()),
            Some("fr")
        );
        assert_eq!(
            language_of("d/report.en.docx", &langs).map(|l| l.as_str()),
            Some("en")
        );
        assert_eq!(language_of("annexe.pdf", &langs), None);
        assert_eq!(language_of("fr.pdf", &langs), None);
        assert_eq!(language_of("a.de.pdf", &langs), None);
    }
}
