//! The hub `rabat-hub init` starts: content only (config.yaml in both
//! languages, a home page per language and one example of each kind that
//! passes `check --strict`, a `.gitignore` for `public/`, the CI workflow
//! of `.github/workflows/hub.yml`). The files are this repository's
//! `starter/` folder, built into the binary; no theme: the built-in one
//! serves.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// Every file of a new hub: (path relative to its folder, text).
pub const FILES: &[(&str, &str)] = &[
    ("config.yaml", include_str!("../../starter/config.yaml")),
    (
        "content/_index.en.md",
        include_str!("../../starter/content/_index.en.md"),
    ),
    (
        "content/_index.fr.md",
        include_str!("../../starter/content/_index.fr.md"),
    ),
    (
        "content/challenges/skills-mismatch.en.md",
        include_str!("../../starter/content/challenges/skills-mismatch.en.md"),
    ),
    (
        "content/challenges/skills-mismatch.fr.md",
        include_str!("../../starter/content/challenges/skills-mismatch.fr.md"),
    ),
    (
        "content/countries/sn.en.md",
        include_str!("../../starter/content/countries/sn.en.md"),
    ),
    (
        "content/countries/sn.fr.md",
        include_str!("../../starter/content/countries/sn.fr.md"),
    ),
    (
        "content/meetings/2025-03-12-dakar-thematic-meeting/index.en.md",
        include_str!(
            "../../starter/content/meetings/2025-03-12-dakar-thematic-meeting/index.en.md"
        ),
    ),
    (
        "content/meetings/2025-03-12-dakar-thematic-meeting/index.fr.md",
        include_str!(
            "../../starter/content/meetings/2025-03-12-dakar-thematic-meeting/index.fr.md"
        ),
    ),
    (
        "content/pages/about.en.md",
        include_str!("../../starter/content/pages/about.en.md"),
    ),
    (
        "content/pages/about.fr.md",
        include_str!("../../starter/content/pages/about.fr.md"),
    ),
    (
        "content/practices/dakar-job-centre.en.md",
        include_str!("../../starter/content/practices/dakar-job-centre.en.md"),
    ),
    (
        "content/practices/dakar-job-centre.fr.md",
        include_str!("../../starter/content/practices/dakar-job-centre.fr.md"),
    ),
    (
        "content/recommendations/train-for-local-jobs.en.md",
        include_str!("../../starter/content/recommendations/train-for-local-jobs.en.md"),
    ),
    (
        "content/recommendations/train-for-local-jobs.fr.md",
        include_str!("../../starter/content/recommendations/train-for-local-jobs.fr.md"),
    ),
    (".gitignore", include_str!("../../starter/gitignore")),
    (
        ".github/workflows/hub.yml",
        include_str!("../../.github/workflows/hub.yml"),
    ),
];

/// Writes the starter hub into `dir` (made if missing) and returns the
/// files written. A folder with anything in it is refused unless `force`
/// (then files of the same name are replaced, others left as they are).
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>, Diagnostic> {
    let shown = dir.display().to_string();
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if !force && entries.next().is_some() {
                return Err(
                    Diagnostic::error(crate::t!("init-not-empty", folder = &shown))
                        .help(crate::t!("init-not-empty-help")),
                );
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(Diagnostic::error(crate::t!(
                "file-cannot-read",
                file = &shown,
                why = e.to_string()
            )));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        let made = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = made {
            return Err(Diagnostic::error(crate::t!(
                "file-cannot-write",
                file = path.display().to_string(),
                why = e.to_string()
            )));
        }
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_folder_that_is_not_empty_unless_forced() {
        let tmp = tempfile::tempdir().expect("tmp");
        std::fs::write(tmp.path().join("notes.txt"), "mine").expect("write");
        let err = init(tmp.path(), false).expect_err("refused");
        assert!(err.message.contains("is not empty"), "{}", err.message);
        assert!(!tmp.path().join("config.yaml").exists());
        init(tmp.path(), true).expect("forced");
        assert!(tmp.path().join("config.yaml").is_file());
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("notes.txt")).expect("read"),
            "mine"
        );
    }

    /// A file added to `starter/` must be listed in `FILES` too.
    #[test]
    fn every_file_of_the_starter_folder_is_written() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("starter");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| crate::diag::relative(&dir, e.path()).replace("gitignore", ".gitignore"))
            .collect();
        on_disk.push(".github/workflows/hub.yml".into());
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        listed.sort();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn a_new_folder_gets_content_a_gitignore_and_the_workflow() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("hub");
        let written = init(&dir, false).expect("init");
        assert_eq!(written.len(), FILES.len());
        for f in [
            ".gitignore",
            ".github/workflows/hub.yml",
            "content/_index.fr.md",
            "content/_index.en.md",
        ] {
            assert!(dir.join(f).is_file(), "{f}");
        }
        let ignored = std::fs::read_to_string(dir.join(".gitignore")).expect("read");
        assert!(ignored.contains("public/"));
        assert!(
            ignored
                .lines()
                .any(|l| l == format!("{}/", crate::pipeline::CACHE_DIR)),
            "the image cache is not committed"
        );
        assert!(!dir.join("themes").exists());
    }
}
