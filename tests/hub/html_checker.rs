//! The Nu HTML Checker (vnu, from the npm package `vnu-jar` in tools/)
//! finds no error in any page of the bundled hub, nor of a hub with
//! missing translations (links to the other language, on the map too).
//! Skipped, saying so, without Java or `tools/node_modules/vnu-jar`
//! (`.ci/run` installs both).

use std::process::Command;

use crate::support::{Site, repo, run_bounded};

#[test]
fn every_page_passes_the_nu_html_checker() {
    let site = Site::bundled_hub();
    site.build(&[]);
    if let Some(why) = no_vnu() {
        skipped!("every_page_passes_the_nu_html_checker", "{why}");
    }
    let errors = vnu_errors(&site);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn a_hub_with_missing_translations_passes_the_nu_html_checker() {
    // A country, a challenge in French only: the English pages link them
    // marked as French (`hreflang`, `lang`), the English map too.
    let site = Site::fixture("graph/cross-links");
    site.write(
        "content/countries/sn.fr.md",
        "---\ntitle: \"Sénégal\"\nregion: west-africa\n---\n",
    );
    site.build(&[]);
    let map = site.read("public/en/countries/index.html");
    assert!(
        map.contains("<a href=\"/fr/pays/sn/\" tabindex=\"-1\" lang=\"fr\">"),
        "{map}"
    );
    if let Some(why) = no_vnu() {
        skipped!(
            "a_hub_with_missing_translations_passes_the_nu_html_checker",
            "{why}"
        );
    }
    let errors = vnu_errors(&site);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

fn jar() -> std::path::PathBuf {
    repo().join("tools/node_modules/vnu-jar/build/dist/vnu.jar")
}

/// Why vnu cannot run here, if it cannot.
fn no_vnu() -> Option<String> {
    if !jar().exists() {
        return Some(format!("no {} (run `npm ci` in tools/)", jar().display()));
    }
    let java = Command::new("java").arg("-version").output();
    (!java.is_ok_and(|o| o.status.success())).then(|| "no java".to_string())
}

/// vnu's errors on every page of `site`'s `public/`.
fn vnu_errors(site: &Site) -> Vec<String> {
    let jar = jar();
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
    let mut errors: Vec<String> = messages
        .iter()
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
    if errors.is_empty() && !out.status.success() {
        errors.push(format!("vnu failed: {}", out.status));
    }
    errors
}
