//! SVG is a document, not only a picture: it can hold scripts, event
//! handlers and references to other hosts. Each is published through
//! Cloudflare's `svg-hush`, an allow-list of SVG's elements and attributes
//! with every address kept to the site itself.

use super::Unreadable;

/// The SVG `bytes` with nothing active left in it.
pub(super) fn sanitise(bytes: &[u8]) -> Result<Vec<u8>, Unreadable> {
    let mut out = Vec::new();
    svg_hush::Filter::new()
        .filter(bytes, &mut out)
        .map_err(|e| {
            Unreadable(format!(
                "{e}: {}",
                std::error::Error::source(&e)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ))
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_other_hosts_are_removed() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
<script>alert(1)</script>
<rect width="10" height="10" fill="red" onclick="alert(2)"/>
<image xlink:href="https://tracker.example/p.png" width="1" height="1"/>
<a href="javascript:alert(3)"><circle r="2"/></a>
</svg>"#;
        let out = String::from_utf8(sanitise(svg).expect("well-formed")).expect("UTF-8");
        for gone in [
            "script",
            "alert",
            "onclick",
            "tracker.example",
            "javascript",
        ] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        assert!(out.contains("<rect"), "{out}");
    }

    #[test]
    fn what_is_not_xml_is_refused() {
        assert!(sanitise(b"<svg><rect></svg>").is_err());
    }
}
