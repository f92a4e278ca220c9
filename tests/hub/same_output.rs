//! `serve` and `build` run one pipeline: every file `build` writes is
//! what `serve` answers at its path, byte for byte, apart from the
//! live-reload script that `serve` adds to pages. A serve that drifted
//! from build (another base URL, a page made another way, a file left
//! out) fails here.

use crate::served::Served;
use crate::support::Site;

/// What `serve` adds before `</body>` (src/serve/page.rs).
const RELOAD: &str = "<script src=\"/__rabat/reload.js\"></script>\n";

#[test]
fn serve_answers_every_file_build_writes_with_the_same_bytes() {
    let site = Site::bundled_hub();
    // A broken attachment name or an alias: the hub has both kinds of
    // file; a draft too would be left out by both alike. A photo, which
    // serve makes when asked for and build as it goes.
    let bundle = "content/meetings/2021-01-21-rvr-webinar";
    site.write_bytes(
        &format!("{bundle}/photo.jpg"),
        &crate::images::photo_on_its_side(600, 800),
    );
    let fr = site.read(&format!("{bundle}/index.fr.md"));
    site.write(
        &format!("{bundle}/index.fr.md"),
        &format!("{fr}\n![Photo de groupe](photo.jpg)\n"),
    );
    let served = Served::start(&site.root);
    let out = site.scratch().join("built");
    let base_url = format!("{}/", served.base);
    let built = site.run(&[
        "build",
        "--base-url",
        &base_url,
        "--output",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let mut compared = 0;
    let mut differ = Vec::new();
    for entry in walkdir::WalkDir::new(&out).sort_by_file_name() {
        let entry = entry.expect("walk");
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&out)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let written = std::fs::read(entry.path()).expect("read");
        let (status, _, body) = served.get_bytes(&format!("/{rel}"));
        let answered = if rel.ends_with(".html") {
            String::from_utf8_lossy(&body)
                .replacen(RELOAD, "", 1)
                .into_bytes()
        } else {
            body
        };
        if status != 200 || answered != written {
            differ.push(format!(
                "/{rel}: status {status}, {} bytes served, {} written",
                answered.len(),
                written.len()
            ));
        }
        compared += 1;
    }
    assert!(
        compared > 400,
        "only {compared} files: the hub is all there?"
    );
    assert_eq!(differ, Vec::<String>::new(), "of {compared} files");
}

#[test]
fn serve_reports_a_broken_template_and_a_broken_fiche_together() {
    let site = Site::bundled_hub();
    site.write(
        "themes/default/templates/practice.html",
        "{% extends \"base.html\" %}{% block main %}{{ entity.title | nope }}{% endblock %}",
    );
    let fiche = "content/practices/anpe-togo.fr.md";
    let text = std::fs::read_to_string(site.path(fiche)).expect("fiche");
    site.write(fiche, &text.replacen("title:", "titel:", 1));
    let (served, log) = Served::start_logged(&site.root, &["--format", "json"]);
    let mut lines = Vec::new();
    while let Ok(line) = log.recv_timeout(std::time::Duration::from_secs(30)) {
        let done = line.contains("the browser shows them");
        lines.push(line);
        if done {
            break;
        }
    }
    let errors: Vec<serde_json::Value> = lines
        .iter()
        .filter(|l| l.starts_with('{'))
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(
        errors.iter().any(|d| d["message"]
            .as_str()
            .is_some_and(|m| m.contains("practice.html"))),
        "the template's error: {lines:#?}"
    );
    assert!(
        errors.iter().any(|d| d["file"] == fiche && d["line"] == 2),
        "the fiche's error: {lines:#?}"
    );
    drop(served);
}
