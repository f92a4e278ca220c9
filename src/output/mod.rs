//! Everything the published site holds, as a list of artifacts (a path in
//! the output and its bytes, or a file to copy). Nothing here writes:
//! `publish` does.

mod graph;
mod pages;
pub mod search;

pub use pages::artifacts;

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Vec<u8>),
    /// A file copied as it is (attachments, static files).
    Copy(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Artifact {
    /// Relative to the output folder, `/`-separated, never `..`.
    pub path: String,
    pub content: Content,
}

impl Artifact {
    pub fn page(folder: &str, html: String) -> Artifact {
        Artifact {
            path: format!("{folder}index.html"),
            content: Content::Bytes(html.into_bytes()),
        }
    }
}
