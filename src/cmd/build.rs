//! `rabat-hub build`: generate, then publish into the output folder only
//! when there was no error (the previous site stays as it was otherwise).

use std::process::ExitCode;
use std::time::Instant;

use super::{exit, generate, report};
use crate::cli::{BuildArgs, Format};
use crate::diag::{Diagnostic, Diagnostics};
use crate::publish::publish;

pub fn run(args: &BuildArgs) -> ExitCode {
    let start = Instant::now();
    let root = &args.site.root;
    let out = args.output.clone().unwrap_or_else(|| root.join("public"));
    let g = generate(root, args.site.drafts, args.base_url.as_deref());
    let mut timings = g.timings;
    let mut diags = g.diags;
    if diags.has_errors() {
        report(&diags, args.site.format);
        if args.site.format == Format::Human {
            eprintln!("nothing was written: {} is unchanged", out.display());
        }
        return exit(true);
    }
    if let Err(e) = publish(&out, &g.artifacts) {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(format!(
            "cannot write the site to {}: {e}",
            out.display()
        )));
        diags.extend(d);
        report(&diags, args.site.format);
        return exit(true);
    }
    timings.lap("write");
    report(&diags, args.site.format);
    if args.timings {
        eprint!("{}", timings.report());
    }
    if args.site.format == Format::Human {
        let pages = g
            .artifacts
            .iter()
            .filter(|a| a.path.ends_with(".html"))
            .count();
        eprintln!(
            "built {pages} pages ({} files) into {} in {:.2} s",
            g.artifacts.len(),
            out.display(),
            start.elapsed().as_secs_f64()
        );
    }
    exit(false)
}
