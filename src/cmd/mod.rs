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
