//! Watches what a site is made of (content/, themes/, static/, the root's
//! templates/, i18n/ and data/, config.yaml) and hands the rebuild loop
//! one batch of changed paths per save: an editor's save that writes a
//! file in several steps is one change. Also Git's HEAD and refs, so a
//! new commit (or a checkout) rebuilds and translation freshness follows
//! without a restart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

/// What a batch of changes touched.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Change {
    pub paths: BTreeSet<PathBuf>,
}

pub struct Watcher {
    // Kept alive: dropping it stops the notifications. Locked to watch a
    // site folder made after the start (a first `templates/`).
    inner: std::sync::Mutex<RecommendedWatcher>,
    events: Receiver<PathBuf>,
    git: Option<GitDirs>,
}

/// Where a checkout keeps HEAD (its git dir) and the refs (the common
/// dir: the same but for a linked worktree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitDirs {
    pub git_dir: PathBuf,
    pub common: PathBuf,
}

impl GitDirs {
    /// The repository `root` is in, found by walking up to a `.git`
    /// (a folder, or a worktree's `gitdir:` file), without running Git.
    pub fn find(root: &Path) -> Option<GitDirs> {
        // The watcher reports real paths: compare with real paths.
        let real = |p: PathBuf| p.canonicalize().unwrap_or(p);
        GitDirs::find_as_written(root).map(|g| GitDirs {
            git_dir: real(g.git_dir),
            common: real(g.common),
        })
    }

    fn find_as_written(root: &Path) -> Option<GitDirs> {
        let mut dir = Some(root);
        while let Some(d) = dir {
            let dot = d.join(".git");
            if dot.is_dir() {
                return Some(GitDirs {
                    git_dir: dot.clone(),
                    common: dot,
                });
            }
            if dot.is_file() {
                let text = std::fs::read_to_string(&dot).ok()?;
                let git_dir = d.join(text.trim().strip_prefix("gitdir:")?.trim());
                let common = std::fs::read_to_string(git_dir.join("commondir"))
                    .map(|c| git_dir.join(c.trim()))
                    .unwrap_or_else(|_| git_dir.clone());
                return Some(GitDirs { git_dir, common });
            }
            dir = d.parent();
        }
        None
    }

    /// Whether a change at `path` moves HEAD: HEAD itself, a ref, packed
    /// refs; not Git's lock files, index or objects.
    pub fn moves_head(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".lock") {
            return false;
        }
        path == self.git_dir.join("HEAD")
            || path == self.common.join("packed-refs")
            || path.starts_with(self.common.join("refs"))
    }
}

/// Quiet time that closes a batch; a save rarely spreads wider.
const SETTLE: Duration = Duration::from_millis(60);
/// A stream of changes still yields a rebuild this often.
const MAX_BATCH: Duration = Duration::from_millis(500);

impl Watcher {
    pub fn new(root: &Path) -> notify::Result<Watcher> {
        let (tx, rx) = channel();
        let mut inner = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            // Reading a file (the build itself does) is not a change.
            if let Ok(event) = res
                && writes(&event.kind)
            {
                for p in event.paths {
                    let _ = tx.send(p);
                }
            }
        })?;
        for dir in WATCHED {
            let d = root.join(dir);
            if d.is_dir() {
                inner.watch(&d, RecursiveMode::Recursive)?;
            }
        }
        // The root itself, not recursively: config.yaml, and static/ or
        // content/ appearing later.
        inner.watch(root, RecursiveMode::NonRecursive)?;
        // Git: HEAD in its folder, the refs in theirs. Not being able to
        // watch them only costs the freshness of a new commit.
        let git = GitDirs::find(root).filter(|g| {
            inner
                .watch(&g.git_dir, RecursiveMode::NonRecursive)
                .and_then(|()| {
                    if g.common != g.git_dir {
                        inner.watch(&g.common, RecursiveMode::NonRecursive)?;
                    }
                    inner.watch(&g.common.join("refs"), RecursiveMode::Recursive)
                })
                .is_ok()
        });
        Ok(Watcher {
            inner: std::sync::Mutex::new(inner),
            events: rx,
            git,
        })
    }

    /// Blocks until something relevant changed, then returns the batch.
    /// `None` when the watcher is gone.
    pub fn next(&self, root: &Path) -> Option<Change> {
        self.next_within(root, None)
    }

    /// `next`, but after `quiet` passes without a relevant change, an
    /// empty batch: the caller's moment for work that can wait.
    pub fn next_within(&self, root: &Path, quiet: Option<Duration>) -> Option<Change> {
        let mut change = Change::default();
        let since = Instant::now();
        loop {
            let first = match quiet {
                None => self.events.recv().ok()?,
                Some(q) => match self.events.recv_timeout(q.saturating_sub(since.elapsed())) {
                    Ok(p) => p,
                    Err(RecvTimeoutError::Timeout) => return Some(change),
                    Err(RecvTimeoutError::Disconnected) => return None,
                },
            };
            if self.relevant(root, &first) {
                self.adopt(root, &first);
                change.paths.insert(first);
                break;
            }
        }
        let start = Instant::now();
        while start.elapsed() < MAX_BATCH {
            match self.events.recv_timeout(SETTLE) {
                Ok(p) if self.relevant(root, &p) => {
                    self.adopt(root, &p);
                    change.paths.insert(p);
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Some(change)
    }

    /// A site folder that appeared (`templates/` made after the start)
    /// is watched from now on, so the files saved in it are seen.
    fn adopt(&self, root: &Path, path: &Path) {
        let made = path.parent() == Some(root)
            && path
                .file_name()
                .is_some_and(|n| WATCHED.iter().any(|w| n == *w))
            && path.is_dir();
        if made {
            let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            // Watched already, or gone again: nothing to add.
            let _ = inner.watch(path, RecursiveMode::Recursive);
        }
    }

    fn relevant(&self, root: &Path, path: &Path) -> bool {
        relevant(root, path) || self.git.as_ref().is_some_and(|g| g.moves_head(path))
    }
}

/// The site's folders that are watched, each recursively.
const WATCHED: [&str; 6] = ["content", "themes", "static", "templates", "i18n", "data"];

/// Whether an event changes what a file holds or where it is.
fn writes(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Editors' swap and backup files, and anything outside the site's
/// inputs, never trigger a rebuild.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let Some(first) = parts.next() else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let noise = name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.starts_with(".#");
    if noise {
        return false;
    }
    first == "config.yaml" || WATCHED.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevance() {
        let root = Path::new("/site");
        assert!(relevant(root, Path::new("/site/content/practices/a.fr.md")));
        assert!(relevant(root, Path::new("/site/config.yaml")));
        assert!(!relevant(root, Path::new("/site/public/index.html")));
        assert!(!relevant(root, Path::new("/site/content/.a.fr.md.swp")));
        assert!(!relevant(root, Path::new("/site/content/a.fr.md~")));
        assert!(!relevant(root, Path::new("/elsewhere/content/a.md")));
        assert!(relevant(root, Path::new("/site/templates/page.html")));
        assert!(relevant(root, Path::new("/site/i18n/fr.yaml")));
        assert!(!relevant(root, Path::new("/site/.git/HEAD")));
    }

    #[test]
    fn git_head_and_refs_move_head_and_nothing_else_does() {
        let tmp = tempfile::tempdir().expect("tmp");
        let site = tmp.path().join("repo/site");
        std::fs::create_dir_all(&site).expect("mkdir");
        std::fs::create_dir_all(tmp.path().join("repo/.git/refs/heads")).expect("mkdir");
        let g = GitDirs::find(&site).expect("found above the site");
        let git = tmp.path().join("repo/.git").canonicalize().expect("real");
        assert_eq!(g.git_dir, git);
        assert!(g.moves_head(&git.join("HEAD")));
        assert!(g.moves_head(&git.join("refs/heads/main")));
        assert!(g.moves_head(&git.join("packed-refs")));
        assert!(!g.moves_head(&git.join("refs/heads/main.lock")));
        assert!(!g.moves_head(&git.join("index")));
        assert!(!g.moves_head(&git.join("objects/ab/cdef")));
    }

    #[test]
    fn a_linked_worktree_keeps_head_apart_from_the_refs() {
        let tmp = tempfile::tempdir().expect("tmp");
        let main = tmp.path().join("main/.git");
        let wt = main.join("worktrees/other");
        std::fs::create_dir_all(&wt).expect("mkdir");
        std::fs::write(wt.join("commondir"), "../..\n").expect("write");
        let site = tmp.path().join("other");
        std::fs::create_dir_all(&site).expect("mkdir");
        std::fs::write(site.join(".git"), format!("gitdir: {}\n", wt.display())).expect("write");
        let g = GitDirs::find(&site).expect("found");
        let (wt, main) = (
            wt.canonicalize().expect("real"),
            main.canonicalize().expect("real"),
        );
        assert_eq!(
            (g.git_dir.clone(), g.common.clone()),
            (wt.clone(), main.clone())
        );
        assert!(g.moves_head(&wt.join("HEAD")));
        assert!(g.moves_head(&main.join("refs/heads/other")));
        assert!(!g.moves_head(&main.join("HEAD")));
    }
}
