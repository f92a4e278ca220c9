//! Each image made once: within a run (the variants of one photo, and its
//! copies beside each language's page, share one decoding) and between
//! runs, in a folder outside the output (`.cache/images/` at the site
//! root, or `--cache-dir`), one folder per image named by a hash of its
//! bytes and of the settings. An image already there is read back, never
//! decoded again; a folder is written whole under another name and then
//! renamed, so a killed build leaves no half of one.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::{Format, Settings, Unreadable, Variant, process};

/// Which file of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Output {
    /// At the image's own path: upright, without metadata (an SVG:
    /// sanitised).
    Original,
    Variant(Variant),
}

impl Output {
    fn file_name(&self, format: Format) -> String {
        match self {
            Output::Original => format!("original.{}", format.extension()),
            Output::Variant(v) => format!("{}.{}", v.width, v.format.extension()),
        }
    }
}

/// Where an image's files are.
enum Stored {
    Disk(PathBuf),
    /// When the cache folder cannot be written: kept for the run.
    Memory(BTreeMap<String, Vec<u8>>),
}

/// One source file, as last seen: a new size or time is a new file.
struct Entry {
    stamp: (u64, Option<SystemTime>),
    made: OnceLock<Result<Stored, Unreadable>>,
}

/// The images of a site: how they are made and where they are kept.
pub struct Images {
    settings: Settings,
    /// `<cache>/images/`; `None`: nothing kept between runs.
    folder: Option<PathBuf>,
    /// `serve`: files are made when first asked for (or by the warming
    /// thread), never while a page waits to be rendered.
    lazy: bool,
    memo: Mutex<HashMap<PathBuf, Arc<Entry>>>,
    /// How many images were decoded and encoded (not read from the cache)
    /// by this value: `--timings` prints it.
    made: AtomicU64,
}

impl std::fmt::Debug for Images {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Images")
            .field("settings", &self.settings)
            .field("folder", &self.folder)
            .field("lazy", &self.lazy)
            .finish_non_exhaustive()
    }
}

impl Default for Images {
    /// Default settings, nothing kept between runs.
    fn default() -> Images {
        Images::new(Settings::default(), None, false)
    }
}

impl Images {
    /// `cache`: the cache folder (`images/` is made inside it).
    pub fn new(settings: Settings, cache: Option<&Path>, lazy: bool) -> Images {
        Images {
            settings,
            folder: cache.map(|c| c.join("images")),
            lazy,
            memo: Mutex::default(),
            made: AtomicU64::new(0),
        }
    }

    /// `<cache>/images/`, when kept between runs.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether files are made when asked for (`serve`).
    pub fn lazy(&self) -> bool {
        self.lazy
    }

    /// How many images were made rather than read from the cache.
    pub fn made(&self) -> u64 {
        self.made.load(Ordering::Relaxed)
    }

    /// One file of the image at `source`, made or read from the cache.
    pub fn bytes(&self, source: &Path, format: Format, out: Output) -> Result<Vec<u8>, Unreadable> {
        let entry = self.entry(source);
        let stored = entry
            .made
            .get_or_init(|| self.make(source, format))
            .as_ref()
            .map_err(Clone::clone)?;
        let name = out.file_name(format);
        match stored {
            Stored::Disk(dir) => crate::discover::read_regular(&dir.join(&name))
                .map_err(|e| Unreadable(crate::t!("img-cache-unreadable", why = e.to_string()))),
            Stored::Memory(files) => files
                .get(&name)
                .cloned()
                .ok_or_else(|| Unreadable(crate::t!("img-not-made"))),
        }
    }

    /// A file to make later: `serve` answers with it.
    pub fn pending(self: &Arc<Self>, source: &Path, format: Format, out: Output) -> Pending {
        Pending {
            images: Arc::clone(self),
            source: source.to_path_buf(),
            format,
            out,
        }
    }

    fn entry(&self, source: &Path) -> Arc<Entry> {
        let stamp = std::fs::symlink_metadata(source)
            .map(|m| (m.len(), m.modified().ok()))
            .unwrap_or((0, None));
        // Poisoned only if a thread panicked while holding it, and the
        // map is left whole by every operation done under it.
        let mut memo = self.memo.lock().unwrap_or_else(|p| p.into_inner());
        match memo.get(source) {
            Some(e) if e.stamp == stamp => Arc::clone(e),
            _ => {
                let e = Arc::new(Entry {
                    stamp,
                    made: OnceLock::new(),
                });
                memo.insert(source.to_path_buf(), Arc::clone(&e));
                e
            }
        }
    }

    fn make(&self, source: &Path, format: Format) -> Result<Stored, Unreadable> {
        let bytes = crate::discover::read_regular(source).map_err(|e| Unreadable(e.to_string()))?;
        let key = self.key(&bytes, format);
        if let Some(dir) = self.folder.as_ref().map(|f| f.join(&key))
            && dir.join(DONE).is_file()
        {
            return Ok(Stored::Disk(dir));
        }
        self.made.fetch_add(1, Ordering::Relaxed);
        let mut files = BTreeMap::new();
        if format == Format::Svg {
            files.insert(
                Output::Original.file_name(format),
                super::svg::sanitise(&bytes)?,
            );
        } else {
            let made = process::make(&bytes, format, &self.settings)?;
            files.insert(Output::Original.file_name(format), made.original);
            for (v, b) in made.variants {
                files.insert(Output::Variant(v).file_name(format), b);
            }
        }
        match self.folder.as_ref().map(|f| write_folder(f, &key, &files)) {
            Some(Ok(dir)) => Ok(Stored::Disk(dir)),
            // A cache that cannot be written costs the next run the work
            // again, nothing more.
            _ => Ok(Stored::Memory(files)),
        }
    }

    /// The cache's name for an image: its bytes and everything that
    /// decides what is made of them.
    fn key(&self, bytes: &[u8], format: Format) -> String {
        let mut h = Sha256::new();
        h.update(self.settings.fingerprint().as_bytes());
        h.update(format.extension().as_bytes());
        h.update([0]);
        h.update(bytes);
        let digest = h.finalize();
        digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }
}

/// The file a complete folder holds last.
const DONE: &str = "done";

/// Writes `files` into `<folder>/<key>/`, whole or not at all.
fn write_folder(
    folder: &Path,
    key: &str,
    files: &BTreeMap<String, Vec<u8>>,
) -> std::io::Result<PathBuf> {
    static SERIAL: AtomicU64 = AtomicU64::new(0);
    std::fs::create_dir_all(folder)?;
    let tmp = folder.join(format!(
        ".{key}.{}.{}",
        std::process::id(),
        SERIAL.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir(&tmp)?;
    let write = || -> std::io::Result<()> {
        for (name, b) in files {
            std::fs::write(tmp.join(name), b)?;
        }
        std::fs::write(tmp.join(DONE), b"")
    };
    let dir = folder.join(key);
    let result = write().and_then(|()| match std::fs::rename(&tmp, &dir) {
        Ok(()) => Ok(()),
        // Another build made it meanwhile: the same files.
        Err(_) if dir.join(DONE).is_file() => {
            std::fs::remove_dir_all(&tmp)?;
            Ok(())
        }
        Err(e) => Err(e),
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result.map(|()| dir)
}

/// A file of an image not made yet: `serve` publishes it at once and
/// makes it when a browser asks (or its warming thread gets to it).
#[derive(Clone)]
pub struct Pending {
    images: Arc<Images>,
    source: PathBuf,
    format: Format,
    out: Output,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("source", &self.source)
            .field("out", &self.out)
            .finish()
    }
}

impl Pending {
    pub fn bytes(&self) -> Result<Vec<u8>, Unreadable> {
        self.images.bytes(&self.source, self.format, self.out)
    }

    /// Makes the image's files, or finds them in the cache, reading none.
    pub fn prepare(&self) {
        let entry = self.images.entry(&self.source);
        let _ = entry
            .made
            .get_or_init(|| self.images.make(&self.source, self.format));
    }
}
