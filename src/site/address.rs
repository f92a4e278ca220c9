//! How an address written in a body names a path of the output: read
//! from the folder of the page it is on (`fr/pratiques/x/`), under the
//! site's base path. Shared by the check of every address against the
//! plan (`output::addresses`) and by what a body shows of an image or a
//! document it names (`media`).

/// Splits `a/b#c?d` into the path and the anchor.
pub fn path_and_anchor(address: &str) -> (&str, Option<&str>) {
    let (rest, anchor) = match address.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (address, None),
    };
    (rest.split('?').next().unwrap_or(rest), anchor)
}

/// `rel` read from the folder of the page at `page` (`fr/pratiques/x/`).
pub fn join(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if rel.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// The scheme of an address, when it has one (`https`, `mailto`).
pub fn scheme(address: &str) -> Option<&str> {
    let (s, _) = address.split_once(':')?;
    (!s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

/// The path in the output (not decoded) that an address's `path` part
/// names from the page at `page`, `prefix` being the site's base path;
/// `None` when it climbs out of the site.
pub fn site_path(page: &str, prefix: &str, path: &str) -> Option<String> {
    match path.strip_prefix('/') {
        Some(abs) => {
            let base = prefix.trim_start_matches('/');
            Some(abs.strip_prefix(base).unwrap_or(abs).to_string())
        }
        None => join(page, path),
    }
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(h);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The output path a link or image of the page at `page` names, decoded,
/// when it is a path of this site (not `#anchor`, not another host).
pub fn target(page: &str, prefix: &str, address: &str) -> Option<String> {
    if address.starts_with('#') || address.starts_with("//") || scheme(address).is_some() {
        return None;
    }
    let (path, _) = path_and_anchor(address);
    Some(percent_decode(&site_path(page, prefix, path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_read_from_the_page_folder() {
        assert_eq!(
            join("fr/pratiques/x/", "annexe.pdf").as_deref(),
            Some("fr/pratiques/x/annexe.pdf")
        );
        assert_eq!(
            join("fr/pratiques/x/", "../y/").as_deref(),
            Some("fr/pratiques/y/")
        );
        assert_eq!(join("fr/", "../../x"), None);
        assert_eq!(
            target("fr/r/x/", "/hub/", "photo%20a.jpg?v=1#t").as_deref(),
            Some("fr/r/x/photo a.jpg")
        );
        assert_eq!(
            target("fr/r/x/", "/hub/", "/hub/guide/a.png").as_deref(),
            Some("guide/a.png")
        );
        assert_eq!(target("fr/", "/", "https://e.org/a.png"), None);
    }
}
