//! The output folder is replaced whole or not at all.

use crate::support::{Site, parse_all, snapshot};

#[test]
fn a_failed_build_leaves_the_previous_site_byte_for_byte() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let before = snapshot(&site.path("public"));
    assert!(before.len() > 10);

    // Break a file, and change another so a half-written site would show.
    site.write(
        "content/practices/ofii-cameroon.en.md",
        "---\ntitle: \"Changed\"\ncountries: [cm]\n---\n",
    );
    site.write(
        "content/practices/anpe-togo.fr.md",
        "---\ntitle: [unclosed\n---\n",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert_eq!(snapshot(&site.path("public")), before);
    // Nothing is left beside it either.
    let leftovers: Vec<String> = std::fs::read_dir(&site.root)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        // The lock beside it stays (a build waits on it, so it is never
        // deleted).
        leftovers
            .iter()
            .all(|n| !n.starts_with(".public") || n == ".public.lock"),
        "{leftovers:?}"
    );
}

#[test]
fn a_good_build_replaces_stale_files() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    std::fs::remove_file(site.path("content/practices/anpe-togo.fr.md")).expect("rm");
    site.build(&[]);
    assert!(!site.exists("public/fr/pratiques/anpe-togo"));
}

#[test]
fn no_search_leaves_only_the_index_out() {
    let site = Site::fixture("graph/cross-links");
    site.build(&[]);
    let with: Vec<String> = snapshot(&site.path("public")).into_keys().collect();
    site.build(&["--no-search"]);
    let without: Vec<String> = snapshot(&site.path("public")).into_keys().collect();
    let index = |p: &String| p.contains("/pagefind/");
    assert!(with.iter().any(index), "a build has a search index");
    assert!(!without.iter().any(index), "{without:?}");
    let rest: Vec<&String> = with.iter().filter(|p| !index(p)).collect();
    assert_eq!(rest, without.iter().collect::<Vec<_>>());
}

#[test]
fn a_page_that_cannot_be_written_is_reported_at_the_file_that_makes_it() {
    // A real write error: the build runs with a limit on the size of a
    // file (64 KB; `trap` lets the write fail instead of the signal
    // ending the process), and one fiche's page is larger than that.
    let site = Site::fixture("bad-input/minimal");
    let long: String = (0..4000)
        .map(|i| format!("Paragraphe {i} d’un long texte.\n\n"))
        .collect();
    let file = "content/pages/longue.fr.md";
    site.write(file, &format!("---\ntitle: Longue\n---\n\n{long}"));
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("trap '' XFSZ; ulimit -f 128; exec \"$0\" \"$@\"")
        .arg(crate::support::bin())
        .args(["build", "--no-search", "--format", "json", "--root"])
        .arg(&site.root);
    let out = crate::support::in_english(&mut cmd)
        .output()
        .expect("run sh");
    assert!(!out.status.success());
    let diags = parse_all(&out);
    let d = diags
        .iter()
        .find(|d| d.message.starts_with("cannot write the site"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert!(d.message.contains("longue/index.html"), "{}", d.message);
    assert!(d.message.contains("File too large"), "{}", d.message);
    assert_eq!(d.file, file, "{d:?}");
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("free space")),
        "{d:?}"
    );
    // Nothing was published.
    assert!(!site.path("public").exists());
}
