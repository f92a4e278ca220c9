//! Names the commit the binary is built from, for `rabat-hub --version`:
//! `git rev-parse --short=12 HEAD`, or `RABAT_HUB_COMMIT` when set (a
//! source archive without Git), else "unknown". The same checkout always
//! gives the same string; nothing here reads the clock.

use std::path::PathBuf;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RABAT_HUB_COMMIT");
    // The built-in theme is embedded (src/theme/files.rs): a file added
    // to or removed from it must rebuild the binary too.
    println!("cargo:rerun-if-changed=themes/default");
    let commit = std::env::var("RABAT_HUB_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown".to_string());
    // Built again when HEAD moves: HEAD itself, the branch it names, and
    // packed refs (only files that exist: a missing one would rebuild
    // every time).
    let mut watched: Vec<PathBuf> = Vec::new();
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        watched.push(PathBuf::from(&dir).join("HEAD"));
    }
    if let Some(common) = git(&["rev-parse", "--git-common-dir"]) {
        watched.push(PathBuf::from(&common).join("packed-refs"));
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watched.push(PathBuf::from(&common).join(branch));
        }
    }
    for path in watched.iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!("cargo:rustc-env=RABAT_HUB_COMMIT={commit}");
}
