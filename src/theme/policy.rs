//! The Content-Security-Policy the theme's pages work under (README,
//! "Security"): everything from the site itself, no inline script or
//! style, WebAssembly allowed for the search, no frames, no plug-ins.
//! `serve` sends it, `_headers` asks hosts to, and pages carry it in a
//! `<meta>` for hosts that send no headers (GitHub Pages).

/// The policy as a header.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The policy as a `<meta http-equiv>` can carry it: browsers ignore
/// `frame-ancestors` there (and warn), so it is left out; the rest is the
/// header's, word for word.
pub fn meta_policy() -> String {
    CONTENT_SECURITY_POLICY
        .split("; ")
        .filter(|d| !d.starts_with("frame-ancestors"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_meta_policy_is_the_header_without_frame_ancestors() {
        let meta = super::meta_policy();
        assert!(!meta.contains("frame-ancestors"));
        assert!(meta.contains("script-src 'self' 'wasm-unsafe-eval'"));
        assert_eq!(
            format!("{meta}; frame-ancestors 'none'"),
            super::CONTENT_SECURITY_POLICY
        );
    }
}
