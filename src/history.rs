//! What Git knows of `content/`: for each file, the last commit that
//! changed it (hash, author date, and its rank among the commits that
//! changed content). The only module that runs `git`.
//!
//! Outside a Git checkout, or in a shallow clone (whose oldest commit
//! looks like it created every file), there is no history to trust: the
//! site then takes dates from front matter alone, and `reason` says why.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::frontmatter::types::Date;

/// The last change to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    /// The full commit hash.
    pub commit: String,
    /// Author date, in the author's time zone, as Git wrote it.
    pub date: Date,
    /// Seconds since 1970, for ordering.
    pub time: i64,
    /// 0 for the newest commit that changed content/, 1 for the one
    /// before, and so on: the distance between two ranks counts commits.
    pub rank: usize,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    /// Site-relative path (`content/practices/x.fr.md`) → last change.
    files: HashMap<String, LastChange>,
    /// Why there is no history, when there is none.
    pub reason: Option<String>,
}

impl History {
    /// No history, for the given reason.
    pub fn none(reason: impl Into<String>) -> History {
        History {
            files: HashMap::new(),
            reason: Some(reason.into()),
        }
    }

    pub fn get(&self, file: &str) -> Option<&LastChange> {
        self.files.get(file)
    }

    pub fn is_available(&self) -> bool {
        self.reason.is_none()
    }

    /// Reads the history of `root/content` with the `git` command.
    pub fn read(root: &Path) -> History {
        let git = |args: &[&str]| -> Option<String> {
            let out = Command::new("git")
                .arg("-C")
                .arg(root)
                .args(args)
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
        };
        let Some(inside) = git(&["rev-parse", "--is-inside-work-tree"]) else {
            return History::none(crate::t!("history-no-git"));
        };
        if inside.trim() != "true" {
            return History::none(crate::t!("history-not-checkout"));
        }
        if git(&["rev-parse", "--is-shallow-repository"]).is_some_and(|s| s.trim() == "true") {
            return History::none(crate::t!("history-shallow"));
        }
        // Paths in the log are relative to the repository's top; the site
        // may be a folder inside it.
        let prefix = git(&["rev-parse", "--show-prefix"])
            .unwrap_or_default()
            .trim()
            .to_string();
        let Some(log) = git(&[
            "log",
            "--no-renames",
            "--format=%x00%H %at %ad",
            "--date=short",
            "--name-only",
            "--",
            "content",
        ]) else {
            return History::none(crate::t!("history-log-failed"));
        };
        parse_log(&log, &prefix)
    }
}

/// Parses `git log --format=%x00%H %at %ad --date=short --name-only`.
fn parse_log(log: &str, prefix: &str) -> History {
    let mut files = HashMap::new();
    for (rank, entry) in log.split('\0').filter(|e| !e.trim().is_empty()).enumerate() {
        let mut lines = entry.lines();
        let header = lines.next().unwrap_or_default();
        let mut parts = header.split(' ');
        let (Some(commit), Some(time), Some(day)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(time), Ok(date)) = (time.parse::<i64>(), Date::parse(day)) else {
            continue;
        };
        for name in lines.map(str::trim).filter(|l| !l.is_empty()) {
            let Some(rel) = name.strip_prefix(prefix) else {
                continue;
            };
            files.entry(rel.to_string()).or_insert_with(|| LastChange {
                commit: commit.to_string(),
                date,
                time,
                rank,
            });
        }
    }
    History {
        files,
        reason: None,
    }
}

/// The path of `root` inside its Git repository, with a trailing `/`
/// (`site/`, or empty at the top level); `None` outside a checkout.
/// GitHub annotations name files from the top level.
pub fn repo_prefix(root: &Path) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--show-prefix"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_change_of_each_file_wins() {
        let log = "\0bbb 200 2026-03-03\n\ncontent/a.en.md\n\0aaa 100 2026-01-02\n\ncontent/a.en.md\ncontent/a.fr.md\n";
        let h = parse_log(log, "");
        assert_eq!(
            h.get("content/a.en.md")
                .map(|c| (c.commit.as_str(), c.rank)),
            Some(("bbb", 0))
        );
        assert_eq!(
            h.get("content/a.fr.md")
                .map(|c| (c.commit.as_str(), c.rank)),
            Some(("aaa", 1))
        );
        assert_eq!(
            h.get("content/a.fr.md").map(|c| c.date.iso()),
            Some("2026-01-02".to_string())
        );
    }

    #[test]
    fn a_site_in_a_subfolder_strips_the_prefix() {
        let log = "\0ccc 1 2026-01-01\n\nhub/content/x.md\nother/content/y.md\n";
        let h = parse_log(log, "hub/");
        assert!(h.get("content/x.md").is_some());
        assert_eq!(h.files.len(), 1);
    }
}
