//! `_headers`, the file of response headers that static hosts read
//! (Netlify, Cloudflare Pages): every attachment is sent as a download
//! (`Content-Disposition: attachment`), so that a document of a bundle is
//! never shown as part of the site. `serve` reads the same file
//! (`downloads`), so a preview answers as the host will.
//!
//! `hosting` writes these rules into the one `_headers`, after its policy
//! and cache rules.

use std::collections::BTreeSet;

use crate::site::Site;

/// A path of the site and the headers sent with it.
pub type Rule = (String, Vec<(&'static str, String)>);

/// Every attachment of every entity page, as a download.
pub fn download_rules(site: &Site) -> Vec<Rule> {
    let mut paths = BTreeSet::new();
    for e in site.entities.values() {
        for v in e.versions.values() {
            for a in &e.attachments {
                paths.insert(format!("{}{}", v.path, a.name));
            }
        }
    }
    paths
        .into_iter()
        .map(|p| {
            (
                format!("/{}", crate::escape::url_path(&p)),
                vec![("Content-Disposition", "attachment".to_string())],
            )
        })
        .collect()
}

/// The paths (as output paths, `fr/x/a.pdf`) that a `_headers` file sends
/// as downloads.
pub fn downloads(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut path: Option<&str> = None;
    for line in text.lines() {
        if !line.starts_with(char::is_whitespace) {
            path = Some(line.trim());
        } else if let Some(p) = path
            && let Some((k, v)) = line.trim().split_once(':')
            && k.eq_ignore_ascii_case("content-disposition")
            && v.trim().starts_with("attachment")
            && let Some(decoded) = crate::escape::url_path_decoded(p.trim_start_matches('/'))
        {
            out.insert(decoded);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_downloads_written_are_the_ones_read_back() {
        // As `hosting` writes a rule, among others.
        let path = format!("/{}", crate::escape::url_path("fr/m/compte rendu é.pdf"));
        assert_eq!(path, "/fr/m/compte%20rendu%20%C3%A9.pdf");
        let text = format!(
            "/*\n  X-Content-Type-Options: nosniff\n\n{path}\n  Content-Disposition: attachment\n\n/fr/other\n  Cache-Control: no-store\n"
        );
        let back: Vec<String> = downloads(&text).into_iter().collect();
        assert_eq!(back, vec!["fr/m/compte rendu é.pdf".to_string()]);
    }
}
