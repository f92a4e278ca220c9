//! The search index: for each language, a Pagefind bundle at
//! `/<lang>/pagefind/` that the theme's search page loads piece by piece.
//! `records` says what is indexed (from the site model), `text` turns a
//! rendered body into plain text, `pagefind` is the only file that knows
//! the Pagefind library.

mod pagefind;
mod records;
mod text;

pub use pagefind::{File, Indexer, bundle};
pub use records::{FILTERS, Record, records};

use rayon::prelude::*;

use super::{Artifact, Content};
use crate::diag::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::site::Site;
use crate::theme::Theme;

/// The folder of a language's search bundle, relative to the site root.
pub fn bundle_path(lang: &Lang) -> String {
    format!("{lang}/pagefind/")
}

/// Every file of every language's search bundle. The languages are
/// indexed side by side, one thread each.
pub fn artifacts(site: &Site, theme: &Theme) -> (Vec<Artifact>, Diagnostics) {
    let built: Vec<(&Lang, Result<Vec<pagefind::File>, String>)> = site
        .config
        .languages
        .par_iter()
        .map(|lang| {
            let records = records::records(site, theme.strings(lang), lang);
            (lang, pagefind::bundle(lang.as_str(), records))
        })
        .collect();
    let mut out = Vec::new();
    let mut diags = Diagnostics::new();
    for (lang, files) in built {
        match files {
            Ok(files) => out.extend(files.into_iter().map(|f| Artifact {
                path: format!("{}{}", bundle_path(lang), f.name),
                content: Content::Bytes(f.bytes),
            })),
            Err(e) => diags.push(
                Diagnostic::error(format!("cannot build the search index for `{lang}`: {e}"))
                    .help("this is a fault of the generator, not of the content: please report it"),
            ),
        }
    }
    (out, diags)
}
