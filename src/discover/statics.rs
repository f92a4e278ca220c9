//! The site's `static/` folder: its files, copied as they are, and the
//! names that could not be.

use std::path::Path;

use walkdir::WalkDir;

use super::{StaticFile, real_folder};
use crate::diag::{Diagnostic, Diagnostics, Span, relative};

pub(super) fn discover_static(root: &Path, diags: &mut Diagnostics) -> Vec<StaticFile> {
    let dir = root.join("static");
    if let Err(d) = real_folder(root, "static") {
        diags.push(d);
        return Vec::new();
    }
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(&dir).min_depth(1).sort_by_file_name() {
        match entry {
            // A name with a line break or an escape would reach headers
            // and terminals as it is.
            Ok(e)
                if e.file_name()
                    .to_string_lossy()
                    .chars()
                    .any(char::is_control) =>
            {
                diags.push(
                    Diagnostic::error(crate::t!(
                        "static-control-character",
                        name = crate::diag::escape_controls(&relative(root, e.path()))
                    ))
                    .at(Span::file(&relative(root, e.path())))
                    .help(crate::t!("static-control-character-help")),
                )
            }
            Ok(e) if crate::kind::windows_reserved(&e.file_name().to_string_lossy()) => diags.push(
                Diagnostic::error(crate::t!(
                    "windows-reserved",
                    name = relative(root, e.path())
                ))
                .at(Span::file(&relative(root, e.path())))
                .help(crate::t!("rename-it")),
            ),
            Ok(e) if e.file_type().is_file() => out.push(StaticFile {
                source: e.path().to_path_buf(),
                name: relative(&dir, e.path()),
            }),
            Ok(e) if !e.file_type().is_dir() => diags.push(
                Diagnostic::warning(crate::t!("static-not-regular"))
                    .at(Span::file(&relative(root, e.path())))
                    .help(crate::t!("static-not-regular-help")),
            ),
            Ok(_) => {}
            Err(e) => diags.push(
                Diagnostic::error(crate::t!(
                    "file-cannot-read",
                    file = "static/",
                    why = e.to_string()
                ))
                .at(Span::file("static")),
            ),
        }
    }
    out
}
