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

#[test]
fn two_copies_on_different_paths_give_identical_bytes() {
    let a = Site::bundled_hub();
    let b = Site::bundled_hub();
    assert_ne!(a.root, b.root);
    a.build(&[]);
    // A second later, from another folder: neither the time nor the path
    // may show in the output.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    b.build(&[]);
    let (x, y) = (snapshot(&a.path("public")), snapshot(&b.path("public")));
    assert!(x.len() > 100);
    assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
    for (path, bytes) in &x {
        assert!(bytes == &y[path], "{path} differs between the two copies");
    }
}
