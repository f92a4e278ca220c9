//! The commands. Each runs the pipeline it needs, prints the diagnostics
//! in the chosen format and returns the exit code; nothing below `cmd`
//! prints or exits.

pub mod build;
pub mod check;
pub mod completions;
pub mod init;
pub mod new;
pub mod preview;
pub mod serve;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::Format;
use crate::diag::{Diagnostic, Diagnostics};
use crate::history::History;
use crate::output::Artifact;
use crate::site::{self, Site};
use crate::timings::Timings;
use crate::{config, discover, output, theme};

/// What a run of the pipeline gives: the site and its files when there
/// was no error, and every problem found on the way.
pub struct Generated {
    pub site: Option<Site>,
    pub artifacts: Vec<Artifact>,
    /// The paths of the files handed to the sink (`generate_into`).
    pub sent: Vec<String>,
    pub diags: Diagnostics,
    /// How long each stage took (printed with `--timings`).
    pub timings: Timings,
}

/// What a run of the pipeline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Every page, file and search index, for `publish`.
    Build,
    /// The same without the search index (`build --no-search`).
    BuildWithoutSearch,
    /// Everything `build` would report, without making the site: bodies
    /// are checked but not turned into HTML, every template is rendered on
    /// a sample of pages (`output::validate`), no search index is built.
    Check,
}

/// config → discover → front matter → markdown → site → theme → output.
/// Stops after a stage whose errors would make the next one meaningless,
/// but reports everything found up to there.
pub fn generate(root: &Path, drafts: bool, base_url: Option<&str>) -> Generated {
    generate_for(root, drafts, base_url, Purpose::Build)
}

/// `generate` for a purpose: with `Purpose::Check`, no artifacts.
pub fn generate_for(
    root: &Path,
    drafts: bool,
    base_url: Option<&str>,
    purpose: Purpose,
) -> Generated {
    generate_into(root, drafts, base_url, purpose, None)
}

/// `generate_for`; with a sink, a build hands its pages and search index
/// to it as they are made instead of returning them (`Generated::sent`
/// names them).
pub fn generate_into(
    root: &Path,
    drafts: bool,
    base_url: Option<&str>,
    purpose: Purpose,
    sink: Option<output::Sink<'_>>,
) -> Generated {
    let mut diags = Diagnostics::new();
    let mut timings = Timings::default();
    let failed = |diags, timings| Generated {
        site: None,
        artifacts: Vec::new(),
        sent: Vec::new(),
        diags,
        timings,
    };
    let mut config = match config::load(root) {
        Ok(c) => c,
        Err(d) => return failed(d, timings),
    };
    if let Some(url) = base_url {
        config.base_url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
    }
    // The theme is independent of the content: load it alongside, so a
    // broken template and a broken fiche are reported together.
    let (theme, ((tree, found), history)) = rayon::join(
        || theme::load(root, &config),
        || rayon::join(|| discover::discover(root, &config), || History::read(root)),
    );
    timings.lap("discover");
    diags.extend(found);
    if let Some(why) = &history.reason {
        diags.push(Diagnostic::note(format!(
            "dates come from front matter only, and translations are not compared: {why}"
        )));
    }
    let history = std::sync::Arc::new(history);
    let (site, assembled) = site::assemble(
        config,
        tree,
        &site::Options {
            drafts,
            history,
            validate_only: purpose == Purpose::Check,
        },
        &mut timings,
    );
    diags.extend(assembled);
    let theme = match theme {
        Ok(t) => t,
        Err(d) => {
            diags.extend(d);
            return failed(diags, timings);
        }
    };
    if diags.has_errors() {
        return failed(diags, timings);
    }
    let search = purpose == Purpose::Build;
    let (artifacts, sent, rendered) = match (purpose, sink) {
        (Purpose::Check, _) => (Vec::new(), Vec::new(), output::validate(&site, &theme)),
        (_, Some(sink)) => output::artifacts_into(&site, &theme, search, sink),
        (Purpose::Build, None) => {
            let (a, d) = output::artifacts(&site, &theme);
            (a, Vec::new(), d)
        }
        (Purpose::BuildWithoutSearch, None) => {
            let (a, d) = output::artifacts_without_search(&site, &theme);
            (a, Vec::new(), d)
        }
    };
    timings.lap("pages");
    diags.extend(rendered);
    Generated {
        site: Some(site),
        artifacts,
        sent,
        diags,
        timings,
    }
}

/// Prints diagnostics to stderr in `format`, sorted by place.
pub fn report(diags: &Diagnostics, format: Format) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diags.sorted() {
        let line = render(d, format);
        let _ = writeln!(err, "{line}");
    }
    if format == Format::Human && !diags.is_empty() {
        let (e, w) = (diags.error_count(), diags.warning_count());
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let _ = writeln!(err, "{}, {}", plural(e, "error"), plural(w, "warning"));
    }
}

fn render(d: &Diagnostic, format: Format) -> String {
    match format {
        Format::Human => d.to_human(),
        Format::Json => d.to_json(),
        Format::Github => d.to_github(),
    }
}

pub fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
