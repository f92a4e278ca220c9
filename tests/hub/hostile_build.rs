//! Hostile input to `build`, round two: active files in a bundle, an
//! output folder pointed at the site's inputs, two builds at once.

use std::collections::BTreeSet;

use crate::support::{Site, snapshot};

#[test]
fn active_files_in_a_bundle_are_errors_at_their_path() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let bundle = "content/meetings/2021-01-21-rvr-webinar";
    let files = [
        ("evil.html", "<script>alert(1)</script>"),
        ("evil.js", "alert(1)"),
        ("sub/index.html", "<script>alert(2)</script>"),
        // An SVG is published sanitised (tests/hub/images.rs); a
        // compressed one cannot be looked into.
        ("logo.svgz", "\x1f\u{8b}"),
        ("tool.exe", "MZ"),
    ];
    for (name, text) in files {
        site.write(&format!("{bundle}/{name}"), text);
    }
    let errors = site.build_errors();
    let mut at: Vec<(String, String)> = errors
        .iter()
        .map(|d| (d.file.clone(), d.message.clone()))
        .collect();
    at.sort();
    let mut expected: Vec<(String, String)> = files
        .iter()
        .map(|(name, _)| {
            let why = match *name {
                "evil.html" | "sub/index.html" => {
                    "an HTML file would be a page of the site, with its scripts".to_string()
                }
                "evil.js" => "a script would run as part of the site".to_string(),
                "logo.svgz" => {
                    "a compressed SVG cannot be checked for scripts: publish it as `.svg`"
                        .to_string()
                }
                _ => "`.exe` files are not among the types a bundle may publish".to_string(),
            };
            (
                format!("{bundle}/{name}"),
                format!("`{name}` cannot be published as an attachment: {why}"),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(at, expected);
    assert!(!site.exists("public"), "nothing was published");
    // `check` says the same.
    let check = site.run(&["check", "--format", "json"]);
    assert!(!check.status.success());
    assert_eq!(crate::support::parse_diags(&check).len(), files.len());

    // Documents are published, and listed as downloads for the host.
    for (name, _) in files {
        std::fs::remove_file(site.path(&format!("{bundle}/{name}"))).expect("rm");
    }
    site.write_bytes(&format!("{bundle}/photo.JPG"), &crate::images::small_jpeg());
    site.build(&[]);
    assert!(site.exists("public/fr/reunions/2021-01-21-rvr-webinar/photo.JPG"));
    let headers = site.read("public/_headers");
    for path in [
        "/fr/reunions/2021-01-21-rvr-webinar/annexe.pdf",
        "/en/meetings/2021-01-21-rvr-webinar/photo.JPG",
    ] {
        assert!(
            headers.contains(&format!("{path}\n  Content-Disposition: attachment\n")),
            "{headers}"
        );
    }
}

#[test]
fn an_output_onto_the_sites_inputs_is_refused_and_nothing_is_deleted() {
    let site = Site::fixture("bad-input/minimal");
    let before = snapshot(&site.root);
    for output in [".", "content", "content/pages", "themes", "static", ".."] {
        let out = crate::support::hub()
            .args(["build", "--format", "json", "--output"])
            .arg(site.root.join(output))
            .arg("--root")
            .arg(&site.root)
            .output()
            .expect("run");
        assert!(!out.status.success(), "--output {output} was accepted");
        let diags = crate::support::parse_diags(&out);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].message.starts_with("cannot build into"),
            "{}",
            diags[0].message
        );
        assert_eq!(
            snapshot(&site.root),
            before,
            "--output {output} changed the site"
        );
    }
    // A folder of its own is fine.
    site.build(&["--output", site.path("out").to_str().expect("utf-8")]);
    assert!(site.exists("out/fr/index.html"));
}

#[test]
fn two_builds_at_once_into_one_output_leave_it_complete() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&["--no-search"]);
    let public = site.path("public");
    let expected: BTreeSet<String> = snapshot(&public).into_keys().collect();
    assert!(expected.len() > 20, "{}", expected.len());
    for round in 0..20 {
        let spawn = || {
            crate::support::hub()
                .args(["build", "--no-search", "--format", "json", "--root"])
                .arg(&site.root)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let now: BTreeSet<String> = snapshot(&public).into_keys().collect();
        assert_eq!(now, expected, "round {round}: public/ is not complete");
        let left: Vec<String> = std::fs::read_dir(&site.root)
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".staging-") || n.ends_with(".previous"))
            .collect();
        assert!(left.is_empty(), "round {round}: left {left:?}");
    }
}
