//! `rabat-hub check`: everything `build` checks, plus missing translations
//! (warnings; errors with `--strict`), without writing anything.

use std::process::ExitCode;

use super::{exit, report_at};
use crate::cli::{CheckArgs, Format};
use crate::diag::{Diagnostic, Diagnostics, Severity, Span};
use crate::pipeline::{Changes, Pipeline, Purpose, Settings};

pub fn run(args: &CheckArgs) -> ExitCode {
    let settings = Settings {
        purpose: Purpose::Check,
        drafts: args.site.drafts,
        base_url: None,
        cache_dir: args.site.cache_dir.clone(),
    };
    let g = Pipeline::new(&args.site.root, settings).run(Changes::Everything, None);
    let timings = g.timings;
    let mut diags = g.diags;
    if args.verbose {
        diags.extend(overrides(&args.site.root));
    }
    if args.strict {
        let strict: Vec<Diagnostic> = diags
            .into_iter()
            .map(|mut d| {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
                d
            })
            .collect();
        diags = Diagnostics::new();
        diags.extend(strict);
    }
    report_at(&diags, args.site.format, &args.site.root);
    if args.timings {
        eprint!("{}", timings.report());
    }
    let failed = diags.has_errors();
    if args.site.format == Format::Human && !failed {
        eprintln!("{}", crate::t!("site-valid"));
    }
    exit(failed)
}

/// A note for each file of the site that takes the place of the theme's.
fn overrides(root: &std::path::Path) -> Diagnostics {
    let mut d = Diagnostics::new();
    if let Ok(config) = crate::config::load(root) {
        for o in crate::theme::overrides(root, &config) {
            d.push(
                Diagnostic::note(crate::t!(
                    "check-override",
                    file = &o.file,
                    replaces = &o.replaces
                ))
                .at(Span::file(&o.file)),
            );
        }
    }
    d
}
