//! The commands: each turns its arguments into the pipeline's settings,
//! runs it (`pipeline::Pipeline`), prints the diagnostics in the chosen
//! format and returns the exit code. Nothing below `cmd` prints or exits.

pub mod build;
pub mod check;
pub mod new;
pub mod serve;

use std::io::Write as _;
use std::process::ExitCode;

use crate::cli::Format;
use crate::diag::{Diagnostic, Diagnostics};

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
        let _ = writeln!(
            err,
            "{}, {}",
            crate::t!("summary-errors", count = e),
            crate::t!("summary-warnings", count = w)
        );
    }
}

/// `report`, for a site at `root`: GitHub annotations name files from the
/// repository's top level, where GitHub looks for them.
pub fn report_at(diags: &Diagnostics, format: Format, root: &std::path::Path) {
    if format != Format::Github {
        return report(diags, format);
    }
    let prefix = crate::history::repo_prefix(root).unwrap_or_default();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diags.sorted() {
        let _ = writeln!(err, "{}", d.to_github_in(&prefix));
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
