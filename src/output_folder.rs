//! Where `build` may write the site: never onto the site's own inputs.
//! Publishing replaces the output folder whole, so `--output content`
//! (or `.`, or `themes`) would delete what the site is made from. Checked
//! before anything is written; `cmd` only calls it.

use std::path::{Component, Path, PathBuf};

use crate::diag::Diagnostic;

/// What a site is made from, relative to its root.
const INPUTS: &[&str] = &["content", "static", "themes", "config.yaml", ".git"];

/// `Err` when `out` is the site's root, lies inside one of its inputs, or
/// holds any of them.
pub fn check_output(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let target = absolute(out);
    let refuse = |why: String| {
        Err(Diagnostic::error(crate::t!(
            "output-refused",
            folder = out.display().to_string(),
            why = why
        ))
        .help(crate::t!("output-refused-help")))
    };
    if target == root {
        return refuse(crate::t!("output-is-root"));
    }
    if root.starts_with(&target) {
        return refuse(crate::t!("output-holds-root"));
    }
    for input in INPUTS {
        let input_path = root.join(input);
        if target.starts_with(&input_path) {
            return refuse(crate::t!("output-inside-input", input = *input));
        }
    }
    Ok(())
}

/// `p` made absolute, `.` and `..` resolved, and links resolved as far as
/// the path exists (the output folder may not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut lexical = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            c => lexical.push(c),
        }
    }
    // The longest existing ancestor, canonical; the rest appended.
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(mut out) = std::fs::canonicalize(existing) {
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return lexical,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inputs_the_root_and_its_parents_are_refused() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        for d in ["content/meetings", "static", "themes/default"] {
            std::fs::create_dir_all(root.join(d)).expect("mkdir");
        }
        std::fs::write(root.join("config.yaml"), "").expect("write");
        for bad in [
            root.clone(),
            root.join("."),
            root.join("content"),
            root.join("content/meetings/new"),
            root.join("static"),
            root.join("themes"),
            root.join("themes/default/../default"),
            tmp.path().to_path_buf(),
            root.join("config.yaml"),
            root.join("public/.."),
        ] {
            assert!(check_output(&root, &bad).is_err(), "{}", bad.display());
        }
        for ok in [
            root.join("public"),
            root.join("out/site"),
            tmp.path().join("elsewhere"),
            root.join("contents"),
        ] {
            assert!(check_output(&root, &ok).is_ok(), "{}", ok.display());
        }
    }
}
