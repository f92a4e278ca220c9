//! Watches what a site is made of (content/, themes/, static/,
//! config.yaml) and hands the rebuild loop one batch of changed paths per
//! save: an editor's save that writes a file in several steps is one change.

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
    // Kept alive: dropping it stops the notifications.
    _inner: RecommendedWatcher,
    events: Receiver<PathBuf>,
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
        for dir in ["content", "themes", "static"] {
            let d = root.join(dir);
            if d.is_dir() {
                inner.watch(&d, RecursiveMode::Recursive)?;
            }
        }
        // The root itself, not recursively: config.yaml, and static/ or
        // content/ appearing later.
        inner.watch(root, RecursiveMode::NonRecursive)?;
        Ok(Watcher {
            _inner: inner,
            events: rx,
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
            if relevant(root, &first) {
                change.paths.insert(first);
                break;
            }
        }
        let start = Instant::now();
        while start.elapsed() < MAX_BATCH {
            match self.events.recv_timeout(SETTLE) {
                Ok(p) if relevant(root, &p) => {
                    change.paths.insert(p);
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Some(change)
    }
}

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
    matches!(
        first.as_str(),
        "content" | "themes" | "static" | "config.yaml"
    )
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
    }
}
