//! The site's address (`base_url` in config.yaml, or `--base-url`),
//! parsed once: an absolute `http://` or `https://` address with a host
//! (`https://example.org/hub/`), or a path of the host the site is put on
//! (`/hub/`). It reaches every page's links, the feeds, the sitemap,
//! robots.txt and the print stylesheet, so nothing in it may start an
//! address elsewhere (`//evil.test/`), end a line or a CSS string.
//! Always ends with `/`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// The whole address, ending with `/`.
    text: String,
    /// Where its path begins (0 for a path alone).
    path_start: usize,
}

impl BaseUrl {
    /// Parses an address; the error says why it cannot be the site's.
    pub fn parse(raw: &str) -> Result<BaseUrl, String> {
        if let Some(c) = raw.chars().find(|c| c.is_control()) {
            return Err(crate::t!(
                "url-control-character",
                code = c.escape_unicode().to_string()
            ));
        }
        if let Some(c) = raw
            .chars()
            .find(|c| c.is_whitespace() || "\"'<>\\^`{|}".contains(*c))
        {
            return Err(crate::t!("url-character", char = c.to_string()));
        }
        if raw.contains(['?', '#']) {
            return Err(crate::t!("url-query"));
        }
        let path_start = if raw.starts_with('/') {
            if raw.starts_with("//") {
                return Err(crate::t!("url-double-slash-start"));
            }
            0
        } else {
            let lower = raw.to_ascii_lowercase();
            let rest = if lower.starts_with("https://") {
                8
            } else if lower.starts_with("http://") {
                7
            } else {
                return Err(crate::t!("url-scheme"));
            };
            if !raw[..rest]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == ':' || c == '/')
            {
                return Err(crate::t!("url-scheme-case"));
            }
            let host_end = raw[rest..].find('/').map_or(raw.len(), |i| rest + i);
            check_host(&raw[rest..host_end])?;
            host_end
        };
        let path = &raw[path_start..];
        if path.split('/').any(|s| s == "." || s == "..") {
            return Err(crate::t!("url-dots"));
        }
        if path.contains("//") {
            return Err(crate::t!("url-double-slash"));
        }
        let mut text = raw.to_string();
        if !text.ends_with('/') {
            text.push('/');
        }
        Ok(BaseUrl { text, path_start })
    }

    /// The whole address, ending with `/`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The address of `path` (relative to the site root) on the site.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.text, path)
    }

    /// The site's path under its host: `/` or `/hub/`.
    pub fn path(&self) -> &str {
        &self.text[self.path_start..]
    }

    /// `https://example.org` (no path), or `None` for a path alone.
    pub fn origin(&self) -> Option<&str> {
        (self.path_start > 0).then(|| &self.text[..self.path_start])
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn check_host(authority: &str) -> Result<(), String> {
    if authority.contains('@') {
        return Err(crate::t!("url-user"));
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        match v6.split_once(']') {
            Some((ip, rest)) if ip.parse::<std::net::Ipv6Addr>().is_ok() => {
                (ip, rest.strip_prefix(':'))
            }
            _ => return Err(crate::t!("url-bad-ip")),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(crate::t!("url-no-host"));
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if !authority.starts_with('[') && !host.split('.').all(label_ok) {
        return Err(crate::t!("url-bad-host", host = host));
    }
    if let Some(p) = port
        && p.parse::<u16>().is_err()
    {
        return Err(crate::t!("url-bad-port", port = p));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_paths_are_kept_with_a_trailing_slash() {
        let u = BaseUrl::parse("https://example.org/hub").expect("valid");
        assert_eq!(u.as_str(), "https://example.org/hub/");
        assert_eq!(u.path(), "/hub/");
        assert_eq!(u.origin(), Some("https://example.org"));
        assert_eq!(u.join("fr/"), "https://example.org/hub/fr/");
        let u = BaseUrl::parse("http://127.0.0.1:8321/").expect("valid");
        assert_eq!((u.path(), u.origin()), ("/", Some("http://127.0.0.1:8321")));
        let u = BaseUrl::parse("https://x.org").expect("valid");
        assert_eq!((u.as_str(), u.path()), ("https://x.org/", "/"));
        let u = BaseUrl::parse("/hub").expect("valid");
        assert_eq!((u.as_str(), u.path(), u.origin()), ("/hub/", "/hub/", None));
        assert!(BaseUrl::parse("http://[::1]:80/").is_ok());
    }

    #[test]
    fn other_hosts_line_ends_and_css_breaks_are_refused() {
        for bad in [
            "//evil.test/",
            "https://x.org/\nDisallow: /",
            "https://x.org/\u{c}}body{display:none",
            "https://x.org/\"",
            "https://",
            "https:///path",
            "https://user@x.org/",
            "javascript:alert(1)",
            "x.org",
            "https://x.org/a b/",
            "https://x.org:99999/",
            "https://x.org/../",
            "https://x.org/?q",
            "HTTPS://x.org/",
            "",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad:?}");
        }
    }
}
