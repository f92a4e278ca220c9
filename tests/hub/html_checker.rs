//! The Nu HTML Checker (vnu, from the npm package `vnu-jar` in tools/)
//! finds no error in any page of the bundled hub. Skipped, saying so,
//! without Java or `tools/node_modules/vnu-jar` (`.ci/run` installs both).

use std::process::Command;

use crate::support::{Site, repo, run_bounded};

#[test]
fn every_page_passes_the_nu_html_checker() {
    let jar = repo().join("tools/node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.exists() {
        skipped!(
            "every_page_passes_the_nu_html_checker",
            "no {} (run `npm ci` in tools/)",
            jar.display()
        );
    }
    if !Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        skipped!("every_page_passes_the_nu_html_checker", "no java");
    }
    let site = Site::bundled_hub();
    site.build(&[]);
    let mut cmd = Command::new("java");
    cmd.arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(site.path("public"));
    let out = run_bounded(cmd, site.scratch(), 300);
    // vnu writes its report on stderr.
    let report = String::from_utf8_lossy(&out.stderr);
    let parsed: serde_json::Value =
        serde_json::from_str(&report).unwrap_or_else(|_| panic!("vnu gave no report: {report}"));
    let messages = parsed["messages"].as_array().expect("messages");
    let errors: Vec<String> = messages
        .iter()
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
    assert!(
        errors.is_empty() && out.status.success(),
        "{}",
        errors.join("\n")
    );
}
