//! Opening a file of the site without following symbolic links: the one
//! way `discover`, `publish` and `serve` open a file they copy or read as
//! it is. A link swapped in for a file after it was found (by a pull
//! request's checkout or by anyone on the machine while `serve` runs)
//! could lead anywhere on the machine; a named pipe would block the read.
//!
//! On Linux the open itself refuses a link (`O_NOFOLLOW`, through rustix;
//! `publish` also uses rustix for its swap and `serve::priority` for a
//! thread's priority) and does not wait on a pipe (`O_NONBLOCK`), and the
//! opened file is checked to be a regular one. A [`Pinned`] file also
//! remembers which file it was when the build found it (device and inode),
//! so that a folder on its path replaced by a link later finds a
//! different file, which is refused.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Which file a path named when it was pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    dev: u64,
    ino: u64,
}

/// Opens `path` for reading if it is a regular file reached without a
/// symbolic link as its last part.
pub fn open_regular(path: &Path) -> io::Result<(File, Identity)> {
    let file = open_no_follow(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(crate::t!("io-not-regular")));
    }
    Ok((file, identity(&meta)))
}

/// Reads the whole of a regular file, never through a link.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let (mut file, _) = open_regular(path)?;
    let mut out = Vec::new();
    file.read_to_end(&mut out)?;
    Ok(out)
}

/// A file of the site as the build found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    path: PathBuf,
    id: Identity,
}

impl Pinned {
    /// Pins `path`, an absolute path: none of its parts may be a link
    /// (its canonical form is itself) and it must be a regular file.
    pub fn new(path: &Path) -> io::Result<Pinned> {
        let (_, id) = open_regular(path)?;
        if std::fs::canonicalize(path)? != path {
            return Err(io::Error::other(crate::t!("io-path-through-link")));
        }
        Ok(Pinned {
            path: path.to_path_buf(),
            id,
        })
    }

    /// The file's bytes now, if the path still names the file pinned.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        let (mut file, id) = open_regular(&self.path)?;
        if id != self.id {
            return Err(io::Error::other(crate::t!("io-file-swapped")));
        }
        let mut out = Vec::new();
        file.read_to_end(&mut out)?;
        Ok(out)
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Identity {
    use std::os::unix::fs::MetadataExt;
    Identity {
        dev: meta.dev(),
        ino: meta.ino(),
    }
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> Identity {
    Identity { dev: 0, ino: 0 }
}

#[cfg(target_os = "linux")]
fn open_no_follow(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags, open};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    match open(path, flags, Mode::empty()) {
        Ok(fd) => Ok(File::from(fd)),
        Err(rustix::io::Errno::LOOP) => Err(io::Error::other(crate::t!("io-symlink"))),
        Err(e) => Err(io::Error::from(e)),
    }
}

/// Elsewhere: look, then open (a link swapped in between the two is not
/// caught; Linux is where the hub is built and previewed).
#[cfg(not(target_os = "linux"))]
fn open_no_follow(path: &Path) -> io::Result<File> {
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(io::Error::other(crate::t!("io-symlink")));
    }
    if !meta.is_file() {
        return Err(io::Error::other(crate::t!("io-not-regular")));
    }
    File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_pipes_and_swapped_files_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dir = std::fs::canonicalize(dir.path()).expect("canonical");
        let file = dir.join("a.txt");
        std::fs::write(&file, "a").expect("write");
        let secret = dir.join("secret.txt");
        std::fs::write(&secret, "secret").expect("write");
        let pinned = Pinned::new(&file).expect("pin");
        // Held open, so the pinned inode cannot be reused by the files below.
        let _keep = File::open(&file).expect("open");
        assert_eq!(pinned.read().expect("read"), b"a");

        std::fs::remove_file(&file).expect("rm");
        std::os::unix::fs::symlink(&secret, &file).expect("link");
        assert!(read_regular(&file).is_err());
        assert!(pinned.read().is_err());
        std::fs::remove_file(&file).expect("rm");
        std::fs::copy(&secret, &file).expect("copy");
        assert!(pinned.read().is_err(), "another file at the same path");
        assert!(read_regular(&dir).is_err(), "a folder");
    }
}
