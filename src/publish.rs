//! The only code that writes the output folder. It writes the whole site
//! into a staging folder beside the output, then swaps it in, so readers
//! and a failed or killed build never see a half-written site.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::output::{Artifact, Content};

/// Writes `artifacts` as the new content of `out`.
pub fn publish(out: &Path, artifacts: &[Artifact]) -> io::Result<()> {
    let (parent, name) = split(out)?;
    fs::create_dir_all(&parent)?;
    recover(out)?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let written = write_all(&staging, artifacts);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    swap(out, &staging, &parent, &name)
}

fn split(out: &Path) -> io::Result<(PathBuf, String)> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "the output folder needs a name",
            )
        })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
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
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    Ok(())
}

fn swap(out: &Path, staging: &Path, parent: &Path, name: &str) -> io::Result<()> {
    let old = old_name(parent, name);
    if out.exists() {
        fs::rename(out, &old)?;
    }
    if let Err(e) = fs::rename(staging, out) {
        if old.exists() {
            let _ = fs::rename(&old, out);
        }
        return Err(e);
    }
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}

fn write_all(dir: &Path, artifacts: &[Artifact]) -> io::Result<()> {
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
        fs::create_dir_all(f)?;
    }
    artifacts.par_iter().try_for_each(|a| {
        let target = safe_join(dir, &a.path)?;
        match &a.content {
            Content::Bytes(b) => fs::write(&target, b),
            Content::Copy(src) => fs::copy(src, &target).map(|_| ()),
        }
    })
}

/// `dir/path`, refusing any path that could leave `dir`.
fn safe_join(dir: &Path, path: &str) -> io::Result<PathBuf> {
    let rel = Path::new(path);
    let ok = !path.is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !ok {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: `{path}`"),
        ));
    }
    Ok(dir.join(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> Artifact {
        Artifact {
            path: path.into(),
            content: Content::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn replaces_whole_folder_and_refuses_escapes() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        publish(&out, &[page("a/index.html", "1"), page("old.html", "x")]).expect("first");
        publish(&out, &[page("a/index.html", "2")]).expect("second");
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).expect("read"),
            "2"
        );
        assert!(!out.join("old.html").exists());
        assert!(publish(&out, &[page("../evil", "x")]).is_err());
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).expect("read"),
            "2"
        );
    }

    #[test]
    fn recovers_from_a_swap_cut_in_the_middle() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        publish(&out, &[page("index.html", "good")]).expect("first");
        fs::rename(&out, old_name(tmp.path(), "public")).expect("simulate");
        recover(&out).expect("recover");
        assert_eq!(
            fs::read_to_string(out.join("index.html")).expect("read"),
            "good"
        );
    }
}
