//! Every GitHub workflow of the repository, the composite action and the
//! GitLab example validate against the hosts' schemas (PyPI
//! `check-jsonschema`, whose built-in `vendor.*` schemas need no network;
//! `.ci/run` installs it). Without it the tests say SKIPPED, which fails
//! CI.

use std::path::PathBuf;
use std::process::Command;

use crate::support::repo;

fn have_tool() -> bool {
    Command::new("check-jsonschema")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn validate(schema: &str, files: &[PathBuf]) -> std::process::Output {
    Command::new("check-jsonschema")
        .arg("--builtin-schema")
        .arg(schema)
        .args(files)
        .output()
        .expect("run check-jsonschema")
}

fn workflows() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(repo().join(".github/workflows"))
        .expect("workflows")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_workflow_and_the_action_match_the_schemas() {
    if !have_tool() {
        skipped!(
            "every_workflow_and_the_action_match_the_schemas",
            "check-jsonschema is not installed (pip install check-jsonschema)"
        );
    }
    let files = workflows();
    let names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for wanted in ["hub.yml", "release.yml"] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} missing");
    }
    for (schema, files) in [
        ("vendor.github-workflows", files),
        ("vendor.github-actions", vec![repo().join("action.yml")]),
        (
            "vendor.gitlab-ci",
            vec![repo().join("examples/gitlab-ci.yml")],
        ),
    ] {
        let out = validate(schema, &files);
        assert!(
            out.status.success(),
            "{schema}: {files:?}\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The check can fail: a workflow whose job has no `runs-on`, an action
/// with no `runs`.
#[test]
fn an_invalid_workflow_or_action_is_refused() {
    if !have_tool() {
        skipped!(
            "an_invalid_workflow_or_action_is_refused",
            "check-jsonschema is not installed (pip install check-jsonschema)"
        );
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let workflow = tmp.path().join("bad.yml");
    std::fs::write(
        &workflow,
        "name: bad\non: push\njobs:\n  a:\n    steps:\n      - run: echo\n",
    )
    .expect("write");
    assert!(
        !validate("vendor.github-workflows", &[workflow])
            .status
            .success()
    );
    let action = tmp.path().join("action.yml");
    std::fs::write(&action, "name: bad\ndescription: no runs\n").expect("write");
    assert!(
        !validate("vendor.github-actions", &[action])
            .status
            .success()
    );
}

/// `init` writes the same workflow as the repository's sample.
#[test]
fn init_writes_the_sample_workflow() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = crate::support::hub()
        .args(["init"])
        .arg(tmp.path().join("hub"))
        .output()
        .expect("init");
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("hub/.github/workflows/hub.yml")).expect("read"),
        std::fs::read_to_string(repo().join(".github/workflows/hub.yml")).expect("read")
    );
}
