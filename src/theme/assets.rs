//! The theme's static files as the site publishes them: each under its
//! own name, and each stylesheet and script also under a name with a hash
//! of its content (`style.3f2a1b9c0d.css`), which the pages link. A
//! changed stylesheet gets a new address, so a host may let browsers keep
//! one for a year (`_headers`) and a reader never gets new pages with an
//! old stylesheet. Also the print stylesheet, made from `base_url`.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::files::{Body, Layers};

/// A file the theme publishes at `name` (relative to the site root).
#[derive(Debug, Clone)]
pub struct StaticAsset {
    pub name: String,
    pub body: Body,
}

impl StaticAsset {
    /// The file as a diagnostic names it.
    pub fn describe(&self) -> String {
        match &self.body {
            Body::Disk(p) => crate::diag::display_path(p),
            Body::BuiltIn(_) => crate::t!("theme-built-in-file", name = &self.name),
            Body::Made(_) => crate::t!("theme-generated-file", name = &self.name),
        }
    }
}

/// The generated print stylesheet's name.
pub const PRINT_CSS: &str = "print.css";

/// The statics of `layers`, the print stylesheet, and the hashed copies;
/// with the map from each stylesheet's or script's name to its hashed one.
pub fn statics(
    layers: &Layers,
    base_url: &crate::config::BaseUrl,
) -> (Vec<StaticAsset>, BTreeMap<String, String>) {
    let mut out: Vec<StaticAsset> = layers
        .part("static")
        .map(|(name, f)| StaticAsset {
            name: name.to_string(),
            body: f.body.clone(),
        })
        .collect();
    if !out.iter().any(|a| a.name == PRINT_CSS) {
        out.push(StaticAsset {
            name: PRINT_CSS.to_string(),
            body: Body::Made(Arc::from(print_css(base_url).into_bytes())),
        });
    }
    let mut hashed = BTreeMap::new();
    let mut copies = Vec::new();
    for a in &out {
        let Some(dot) = a.name.rfind('.') else {
            continue;
        };
        let ext = &a.name[dot + 1..];
        if !matches!(ext, "css" | "js" | "mjs") {
            continue;
        }
        let bytes = match &a.body {
            Body::Disk(p) => match crate::discover::read_regular(p) {
                Ok(b) => b,
                // Unreadable: published under its own name only, and the
                // copy reports the error.
                Err(_) => continue,
            },
            Body::BuiltIn(b) => b.to_vec(),
            Body::Made(b) => b.to_vec(),
        };
        let name = format!("{}.{}.{ext}", &a.name[..dot], fingerprint(&bytes));
        hashed.insert(a.name.clone(), name.clone());
        copies.push(StaticAsset {
            name,
            body: a.body.clone(),
        });
    }
    out.extend(copies);
    out.sort_by(|a, b| a.name.cmp(&b.name));
    (out, hashed)
}

/// FNV-1a, 64 bits, as ten hex digits: the same bytes always give the
/// same name, on every platform and every version of Rust.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:016x}", h)[..10].to_string()
}

/// The site's origin for the print stylesheet, which shows each link's
/// full address (`var(--site)` before a root-relative `href`).
fn print_css(base: &crate::config::BaseUrl) -> String {
    // Checked at load (no quote, backslash or control character), and
    // escaped all the same: a CSS string is its own language.
    let quoted = crate::escape::css_string(base.origin().unwrap_or(""));
    format!(
        "/* Generated: the site's address, for printed links. */\n:root {{ --site: \"{quoted}\"; }}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> crate::config::BaseUrl {
        crate::config::BaseUrl::parse(s).expect("a base URL")
    }

    #[test]
    fn a_changed_file_gets_another_name() {
        assert_eq!(fingerprint(b"a{}"), fingerprint(b"a{}"));
        assert_ne!(fingerprint(b"a{}"), fingerprint(b"a{ }"));
        assert_eq!(fingerprint(b"").len(), 10);
    }

    #[test]
    fn stylesheets_and_scripts_get_a_hashed_copy() {
        let layers = super::super::files::gather(std::path::Path::new("/nonexistent"), "default")
            .expect("built-in");
        let (statics, hashed) = statics(&layers, &url("https://example.org/hub/"));
        let style = &hashed["style.css"];
        assert!(style.starts_with("style.") && style.ends_with(".css"));
        assert!(hashed.contains_key("search.js"));
        assert!(hashed.contains_key(PRINT_CSS));
        assert!(!hashed.contains_key("favicon.svg"));
        assert!(statics.iter().any(|a| &a.name == style));
        assert!(statics.iter().any(|a| a.name == "style.css"));
        assert!(print_css(&url("https://example.org/hub/")).contains("\"https://example.org\""));
    }
}
