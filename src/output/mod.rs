//! Everything the published site holds: the plan of its files (`plan`),
//! each made by `pages` (or `web`, `graph`, `matrix`, `editors`, `search`)
//! into an artifact, a path in the output and its bytes or a file to copy.
//! `make` renders the plan for each command. Nothing here writes:
//! `publish` does.

mod addresses;
mod clashes;
mod editors;
mod graph;
mod headers;
pub mod hosting;
mod make;
mod matrix;
mod pages;
mod plan;
mod sample;
pub mod search;
mod web;

pub use headers::downloads;
pub use hosting::HEADERS;
pub use make::{
    Sink, artifacts, artifacts_into, artifacts_without_search, changed_between, check_edited,
    check_plan, gone, render_showing, search_artifacts, validate,
};
pub use plan::{Job, Page, Shown, Source, plan};

use std::path::PathBuf;

/// The Content-Security-Policy the published site works under (see
/// `theme::CONTENT_SECURITY_POLICY`, whose pages need it).
pub use crate::theme::CONTENT_SECURITY_POLICY;

#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Vec<u8>),
    /// A file copied as it is (attachments, static files).
    Copy(PathBuf),
    /// An image file `serve` makes when it is asked for, so that no page
    /// waits for an image (`build` makes them as it goes: `Bytes`).
    Image(crate::images::Pending),
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_documents_the_policy_the_site_is_built_for() {
        let readme = include_str!("../../README.md");
        let header = format!(
            "Content-Security-Policy: {}",
            super::CONTENT_SECURITY_POLICY
        );
        assert!(readme.contains(&header), "README.md must show: {header}");
    }
}
