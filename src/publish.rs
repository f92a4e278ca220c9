//! The only code that writes the output folder. It writes the whole site
//! into a staging folder beside the output, then swaps it in, so readers
//! and a failed or killed build never see a half-written site.
//!
//! On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)` (through
//! rustix, used elsewhere only for a thread's priority in
//! `serve/priority.rs`): at every instant the output folder is the
//! whole old site or the whole new one. Elsewhere, or on a filesystem
//! without it, two renames: the old site aside, the new one in; a build
//! killed between them leaves the old site aside, and `recover` puts it
//! back at the start of the next build.
//!
//! One build at a time writes an output folder: a build takes an advisory
//! lock on `.<name>.lock` beside it (`File::lock`) before it clears what
//! killed builds left and makes its staging folder, and holds it until
//! its site is in place; a second build into the same folder waits for
//! it. Under the lock, a staging folder found is a dead build's (its
//! process is gone), never a live one's. Where the output may go at all
//! (never onto the site's own inputs) is `check_output`'s to say.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use std::sync::{Mutex, OnceLock, mpsc};

use rayon::prelude::*;

use crate::output::{Artifact, Content, Sink};

/// Threads that write a streamed site: they mostly wait on the disk, so
/// more than the processors.
const WRITERS: usize = 4;

/// The moments of `publish` a caller may watch (tests interrupt a build
/// there to check that a killed build loses nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Half of the files are written into the staging folder.
    Writing,
    /// Every file is written; the output folder is still the old site.
    Staged,
    /// Two-rename swap only: the old site is aside, the new one not yet
    /// in place.
    OldAside,
    /// The new site is in place; the old one is not yet deleted.
    Swapped,
}

/// How the new site was put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swap {
    /// There was no previous site: one rename.
    First,
    /// One atomic exchange of the two folders.
    Exchange,
    /// Two renames (no atomic exchange on this system).
    Renames,
}

/// Writes `artifacts` as the new content of `out`.
pub fn publish(out: &Path, artifacts: &[Artifact]) -> io::Result<Swap> {
    publish_with(out, artifacts, &mut |_| {})
}

/// `publish`, calling `watch` at each `Stage`.
pub fn publish_with(
    out: &Path,
    artifacts: &[Artifact],
    watch: &mut dyn FnMut(Stage),
) -> io::Result<Swap> {
    let staging = Staging::begin(out)?;
    staging.write_all(artifacts, watch)?;
    staging.commit(watch)
}

/// The new site being written beside `out`: files go in as they are made
/// (`write`, from any thread, so `build` need not hold every page until
/// the end), then `commit` swaps the folder in. Dropped before that, it is
/// deleted: the output folder never sees it.
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    dir: PathBuf,
    /// Whether the folder is made (at the first file: a build that fails
    /// before it has any touches nothing on disk), or why it could not be.
    ready: OnceLock<Result<(), (io::ErrorKind, String)>>,
    /// The lock on the output folder, held from the first file to the end.
    lock: Mutex<Option<fs::File>>,
    done: bool,
}

impl Staging {
    /// The staging folder of `out`, made when the first file comes.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        let (parent, name) = split(out)?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        Ok(Staging {
            out: out.to_path_buf(),
            parent,
            name,
            dir,
            ready: OnceLock::new(),
            lock: Mutex::new(None),
            done: false,
        })
    }

    /// Puts back what an interrupted build left, and makes the empty
    /// staging folder, once.
    fn ready(&self) -> io::Result<()> {
        let made = self.ready.get_or_init(|| {
            let make = || -> io::Result<()> {
                fs::create_dir_all(&self.parent)?;
                let lock = lock(&self.parent, &self.name)?;
                if let Ok(mut held) = self.lock.lock() {
                    *held = Some(lock);
                }
                recover(&self.out)?;
                if self.dir.exists() {
                    fs::remove_dir_all(&self.dir)?;
                }
                fs::create_dir_all(&self.dir)
            };
            make().map_err(|e| (e.kind(), e.to_string()))
        });
        made.clone()
            .map_err(|(kind, why)| io::Error::new(kind, why))
    }

    /// Writes one file into the staging folder.
    pub fn write(&self, a: &Artifact) -> io::Result<()> {
        self.write_with(a, &mut HashSet::new())
    }

    /// `write`, skipping the folders in `made` (those this thread made
    /// already) and adding the one it makes. A `mkdir` of a folder that
    /// exists still locks its parent for writing: asked again for each of
    /// a search bundle's thousands of files, it made the writers queue on
    /// that lock (4 % of a 2,000-entity build's time, 2026-12-02).
    fn write_with(&self, a: &Artifact, made: &mut HashSet<PathBuf>) -> io::Result<()> {
        self.ready()?;
        let target = safe_join(&self.dir, &a.path)?;
        if let Some(p) = target.parent()
            && !made.contains(p)
        {
            fs::create_dir_all(p).map_err(|e| named(e, Path::new(&a.path)))?;
            made.insert(p.to_path_buf());
        }
        put(&target, a)
    }

    /// Runs `make` with a sink that writes each file it is given on
    /// writer threads of their own, while `make` goes on: a file waits
    /// on the disk (its folder and itself go through the filesystem's
    /// journal), and that wait must not hold the processors that render
    /// the pages and build the index. Returns what `make` returned and
    /// the first error a write met.
    pub fn stream<R>(&self, make: impl FnOnce(Sink<'_>) -> R) -> (R, Option<io::Error>) {
        // A few hundred files in flight at most: the sink waits beyond
        // that, so memory stays bounded when the disk is the slower.
        let (tx, rx) = mpsc::sync_channel::<Artifact>(512);
        let rx = Mutex::new(rx);
        let failed: Mutex<Option<io::Error>> = Mutex::new(None);
        let made = std::thread::scope(|scope| {
            for _ in 0..WRITERS {
                scope.spawn(|| {
                    let mut made = HashSet::new();
                    loop {
                        // A poisoned lock: another writer panicked; stop.
                        let Ok(next) = rx.lock().map(|r| r.recv()) else {
                            break;
                        };
                        let Ok(a) = next else { break }; // `make` is done
                        if let Err(e) = self.write_with(&a, &mut made)
                            && let Ok(mut first) = failed.lock()
                        {
                            first.get_or_insert(e);
                        }
                    }
                });
            }
            let made = {
                let sink = |a: Artifact| {
                    // Sending fails only when every writer has stopped,
                    // which a panic would report on its own.
                    let _ = tx.send(a);
                };
                make(&sink)
            };
            drop(tx); // the writers drain what is left, then stop
            made
        });
        (made, failed.into_inner().ok().flatten())
    }

    /// Writes `artifacts`, in parallel, calling `watch(Stage::Writing)`
    /// half way.
    pub fn write_all(
        &self,
        artifacts: &[Artifact],
        watch: &mut dyn FnMut(Stage),
    ) -> io::Result<()> {
        self.ready()?;
        write_all(&self.dir, artifacts, watch)
    }

    /// Puts the staging folder in the place of `out`.
    pub fn commit(mut self, watch: &mut dyn FnMut(Stage)) -> io::Result<Swap> {
        self.ready()?;
        watch(Stage::Staged);
        let swapped = swap(&self.out, &self.dir, &self.parent, &self.name, watch);
        // Swapped, the staging folder is gone or is the old site, which
        // `swap` deletes; not swapped, `drop` deletes it.
        self.done = swapped.is_ok();
        swapped
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done && self.ready.get().is_some_and(Result::is_ok) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn split(out: &Path) -> io::Result<(PathBuf, String)> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                crate::t!("publish-output-needs-name"),
            )
        })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

/// Waits for the lock of the output folder `parent/name` and takes it.
fn lock(parent: &Path, name: &str) -> io::Result<fs::File> {
    let path = parent.join(format!(".{name}.lock"));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| named(e, &path))?;
    file.lock().map_err(|e| named(e, &path))?;
    Ok(file)
}

/// A write or read that failed, and the file it was for: a path in the
/// output (`fr/pages/x/index.html`), or the source of a copy.
#[derive(Debug)]
pub struct FileError {
    pub path: String,
    pub error: io::Error,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`: {}", self.path, self.error)
    }
}

impl std::error::Error for FileError {}

/// The file, relative to the output folder, a failed write was for, when
/// `e` says (`FileError`).
pub fn failed_path(e: &io::Error) -> Option<&str> {
    e.get_ref()?
        .downcast_ref::<FileError>()
        .map(|f| f.path.as_str())
}

/// `e`, saying which file it is about.
fn named(e: io::Error, path: &Path) -> io::Error {
    let kind = e.kind();
    io::Error::new(
        kind,
        FileError {
            path: crate::diag::display_path(path),
            error: e,
        },
    )
}

/// Whether the build whose staging folder ends in `-<pid>` may still be
/// running. Under the lock no other build is, but a process of that
/// number that lives (a build of an older version, without the lock) is
/// left alone.
fn may_be_running(pid: &str) -> bool {
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    pid != std::process::id()
        && cfg!(target_os = "linux")
        && Path::new("/proc").join(pid.to_string()).exists()
}

/// The folder an interrupted swap left: the old site, renamed aside.
fn old_name(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.previous"))
}

/// After a build killed between the two renames of `swap`, the previous
/// site is under its aside name: put it back. Also drop stale staging
/// folders of builds that died.
fn recover(out: &Path) -> io::Result<()> {
    let (parent, name) = split(out)?;
    let old = old_name(&parent, &name);
    if old.exists() {
        if out.exists() {
            fs::remove_dir_all(&old)?;
        } else {
            fs::rename(&old, out)?;
        }
    }
    let prefix = format!(".{name}.staging-");
    if let Ok(entries) = fs::read_dir(&parent) {
        for e in entries.flatten() {
            let file_name = e.file_name().to_string_lossy().into_owned();
            if let Some(pid) = file_name.strip_prefix(&prefix)
                && !may_be_running(pid)
            {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    Ok(())
}

fn swap(
    out: &Path,
    staging: &Path,
    parent: &Path,
    name: &str,
    watch: &mut dyn FnMut(Stage),
) -> io::Result<Swap> {
    if fs::symlink_metadata(out).is_err() {
        fs::rename(staging, out)?;
        watch(Stage::Swapped);
        return Ok(Swap::First);
    }
    if exchange(staging, out)? {
        // `staging` now holds the previous site; a build killed before it
        // is gone leaves it to `recover`, like any stale staging folder.
        watch(Stage::Swapped);
        fs::remove_dir_all(staging)?;
        return Ok(Swap::Exchange);
    }
    swap_by_renames(out, staging, parent, name, watch)?;
    Ok(Swap::Renames)
}

/// Exchanges the two folders atomically; `false` when the system or the
/// filesystem cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // EINVAL: a filesystem without RENAME_EXCHANGE; ENOSYS: a kernel
        // older than 3.15.
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// The portable swap: old site aside, new site in, old site deleted.
fn swap_by_renames(
    out: &Path,
    staging: &Path,
    parent: &Path,
    name: &str,
    watch: &mut dyn FnMut(Stage),
) -> io::Result<()> {
    let old = old_name(parent, name);
    fs::rename(out, &old)?;
    watch(Stage::OldAside);
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(e);
    }
    watch(Stage::Swapped);
    fs::remove_dir_all(&old)
}

fn write_all(dir: &Path, artifacts: &[Artifact], watch: &mut dyn FnMut(Stage)) -> io::Result<()> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for a in artifacts {
        let target = safe_join(dir, &a.path)?;
        if let Some(p) = target.parent() {
            folders.push(p.to_path_buf());
        }
    }
    folders.sort();
    folders.dedup();
    for f in &folders {
        fs::create_dir_all(f).map_err(|e| named(e, f.strip_prefix(dir).unwrap_or(f)))?;
    }
    let write = |a: &Artifact| put(&safe_join(dir, &a.path)?, a);
    let (first, second) = artifacts.split_at(artifacts.len() / 2);
    first.par_iter().try_for_each(write)?;
    watch(Stage::Writing);
    second.par_iter().try_for_each(write)
}

/// Writes one file at `target`; an error names the file (its path in the
/// output, or the source of a copy that could not be read).
fn put(target: &Path, a: &Artifact) -> io::Result<()> {
    let out = Path::new(&a.path);
    match &a.content {
        Content::Bytes(b) => fs::write(target, b).map_err(|e| named(e, out)),
        Content::Copy(src) => {
            // Never through a link swapped in since the file was found.
            let (mut from, _) = crate::nofollow::open_regular(src).map_err(|e| named(e, src))?;
            let mut to = fs::File::create(target).map_err(|e| named(e, out))?;
            io::copy(&mut from, &mut to).map_err(|e| named(e, out))?;
            Ok(())
        }
        Content::Image(p) => {
            let bytes = p
                .bytes()
                .map_err(|why| named(io::Error::other(why.0), out))?;
            fs::write(target, bytes).map_err(|e| named(e, out))
        }
    }
}

/// `dir/path`, refusing any path that could leave `dir`.
fn safe_join(dir: &Path, path: &str) -> io::Result<PathBuf> {
    let rel = Path::new(path);
    let ok = !path.is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !ok {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::t!("publish-outside-output", path = path),
        ));
    }
    Ok(dir.join(rel))
}

#[cfg(test)]
mod tests;
