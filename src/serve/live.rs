//! The site being previewed, shared between the rebuild loop and the
//! connections: the files of the last good build, the problems of the last
//! build if it failed, and a generation number that open pages watch.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::diag::Diagnostic;
use crate::nofollow::Pinned;
use crate::output::Content;

#[derive(Default)]
pub struct Snapshot {
    /// Output path (`fr/pratiques/x/index.html`) → content.
    pub files: BTreeMap<String, Arc<Content>>,
    /// The errors of the last build, when it failed: pages show them
    /// instead of a stale version until a build succeeds again.
    pub errors: Vec<Diagnostic>,
    /// The language whose 404 page answers paths outside any language.
    pub default_lang: String,
    /// Bumped by every build, good or bad.
    pub generation: u64,
    /// Each file copied as it is, as the build found it: a request reads
    /// it only while its path still names that very file.
    pub pins: BTreeMap<PathBuf, Pinned>,
    /// The paths the site's `_headers` serves as downloads.
    pub downloads: BTreeSet<String>,
    /// Where open pages go after this build instead of reloading
    /// (`serve --navigate`: the page of the file saved last).
    pub navigate: Option<String>,
}

impl Snapshot {
    /// Pins the copied files and reads the downloads of `_headers`, after
    /// `files` changed.
    fn settle(&mut self) {
        let mut pins = BTreeMap::new();
        for content in self.files.values() {
            if let Content::Copy(p) = &**content {
                // Pinned again after every build: a file saved anew since
                // is another file, which the build has just found.
                if let Ok(pin) = Pinned::new(p) {
                    pins.insert(p.clone(), pin);
                }
            }
        }
        self.pins = pins;
        self.downloads = match self.files.get(crate::output::HEADERS).map(|c| &**c) {
            Some(Content::Bytes(b)) => crate::output::downloads(&String::from_utf8_lossy(b)),
            _ => BTreeSet::new(),
        };
    }
}

#[derive(Default)]
pub struct Live {
    state: Mutex<Snapshot>,
    changed: Condvar,
}

impl Live {
    pub fn new() -> Arc<Live> {
        Arc::new(Live::default())
    }

    /// Runs `f` on the current snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&Snapshot) -> T) -> T {
        // A poisoned lock means a connection thread panicked mid-read; the
        // snapshot itself is only replaced whole, so it is still sound.
        let guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard)
    }

    /// Replaces the files after a good build, or keeps them and records
    /// the errors of a bad one; then wakes every waiting page.
    pub fn publish(
        &self,
        files: Option<BTreeMap<String, Arc<Content>>>,
        errors: Vec<Diagnostic>,
        default_lang: &str,
    ) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = files {
            s.files = f;
            s.settle();
        }
        s.errors = errors;
        s.default_lang = default_lang.to_string();
        s.generation += 1;
        s.navigate = None;
        drop(s);
        self.changed.notify_all();
    }

    /// Adds or replaces files without telling open pages: for the search
    /// index, which catches up after the pages were shown.
    pub fn add_quietly(&self, files: &[(String, Arc<Content>)]) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        for (path, content) in files {
            // serve's web editor saves locally: the published one (made
            // with the data files when config.yaml has `cms:`) stays out.
            if crate::cms::is_admin(path) {
                continue;
            }
            s.files.insert(path.clone(), Arc::clone(content));
        }
        s.settle();
    }

    /// `publish`, after which open pages go to `to` (a path on the site)
    /// rather than reload.
    pub fn publish_navigating(
        &self,
        files: BTreeMap<String, Arc<Content>>,
        default_lang: &str,
        to: String,
    ) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.files = files;
        s.errors = Vec::new();
        s.default_lang = default_lang.to_string();
        s.generation += 1;
        s.navigate = Some(to);
        drop(s);
        self.changed.notify_all();
    }

    pub fn generation(&self) -> u64 {
        self.read(|s| s.generation)
    }

    /// Waits until the generation differs from `seen`, or `timeout`
    /// passes; returns the generation then.
    pub fn wait_change(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.generation == seen)
            .unwrap_or_else(|p| p.into_inner());
        guard.generation
    }
}
