//! Same input, same bytes.

use crate::support::{Site, snapshot};

#[test]
fn building_twice_gives_identical_bytes() {
    let site = Site::bundled_hub();
    let first = site.path("first");
    let second = site.path("second");
    site.build(&["--output", first.to_str().unwrap_or_default()]);
    site.build(&["--output", second.to_str().unwrap_or_default()]);
    let (a, b) = (snapshot(&first), snapshot(&second));
    assert!(a.len() > 100);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
}
