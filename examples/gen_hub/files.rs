//! Writing files: parents created on the way, folders copied whole, and a
//! count of what was written for the summary.

use std::fs;
use std::io;
use std::path::Path;

#[derive(Default)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

impl Written {
    pub fn write(&mut self, path: &Path, text: &str) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }

    /// Copies the folder `from` into `to`, recursively.
    pub fn copy_dir(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::create_dir_all(to)?;
        let mut entries: Vec<fs::DirEntry> = fs::read_dir(from)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                self.copy_dir(&entry.path(), &target)?;
            } else {
                self.bytes += fs::copy(entry.path(), &target)?;
                self.files += 1;
            }
        }
        Ok(())
    }
}

/// Removes `path` if it exists: the generator owns the folders it writes,
/// and a smaller hub must not keep a bigger one's files.
pub fn clear(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
