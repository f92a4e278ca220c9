//! The benchmark's synthetic hub (examples/gen-hub.rs): a small one builds
//! and checks without error with the real binary, the same seed writes the
//! same bytes, and the Hugo twin builds too where Hugo is installed.

#[path = "../../examples/gen_hub/mod.rs"]
mod gen_hub;

use std::path::Path;
use std::process::Command;

use crate::support::{bin, parse_diags, repo, snapshot};

fn generate(out: &Path, hugo: Option<&Path>) -> gen_hub::Summary {
    gen_hub::generate(&gen_hub::Options {
        entities: 60,
        seed: 7,
        out: out.to_path_buf(),
        hugo: hugo.map(Path::to_path_buf),
        repo: repo(),
    })
    .expect("generate")
}

fn run(args: &[&str], root: &Path) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--format", "json"])
        .output()
        .expect("run rabat-hub")
}

#[test]
fn a_generated_hub_checks_and_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("hub");
    let summary = generate(&site, None);
    assert_eq!(summary.counts.iter().map(|(_, n)| n).sum::<usize>(), 60);
    assert!(
        summary.counts.iter().all(|(_, n)| *n > 0),
        "{:?}",
        summary.counts
    );
    assert!(summary.files > summary.versions && summary.bytes > 100_000);

    let check = run(&["check"], &site);
    let diags = parse_diags(&check);
    let errors: Vec<_> = diags.iter().filter(|d| d.severity == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(check.status.success());
    // Only missing translations: no loose end in the graph.
    assert!(
        diags.iter().all(|d| d.message.contains("version")),
        "{diags:#?}"
    );

    let build = run(&["build"], &site);
    assert!(build.status.success(), "{:?}", parse_diags(&build));
    let pages = snapshot(&site.join("public"))
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(pages >= summary.versions, "{pages} pages");
    let body = std::fs::read_to_string(site.join("public/en/matrix/index.html")).expect("matrix");
    assert!(body.contains("<table"));
}

#[test]
fn the_same_seed_writes_the_same_hub_and_its_hugo_twin_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b, hugo) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("hugo"),
    );
    generate(&a, Some(&hugo));
    generate(&b, None);
    let (first, second) = (snapshot(&a.join("content")), snapshot(&b.join("content")));
    assert!(first.len() > 100);
    assert!(first == second, "two runs with one seed differ");
    assert!(hugo.join("hugo.yaml").exists());
    assert!(hugo.join("content/countries").is_dir());

    // Hugo is optional here (the benchmark needs it, the tests do not).
    let Ok(out) = Command::new("hugo")
        .arg("--source")
        .arg(&hugo)
        .arg("--quiet")
        .output()
    else {
        eprintln!("hugo is not installed: its build is not tested");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(hugo.join("public/fr/index.html").exists());
}
