//! `rabat-hub build`: generate, then publish into the output folder only
//! when there was no error (the previous site stays as it was otherwise).

use std::process::ExitCode;
use std::time::Instant;

use super::{Purpose, exit, generate_for, report};
use crate::cli::{BuildArgs, Format};
use crate::diag::{Diagnostic, Diagnostics};
use crate::publish::{Stage, publish_with};

/// For the tests of interrupted builds: set to a moment of the build
/// (`generated`, `writing`, `staged`, `old-aside` or `swapped`), the build
/// prints `paused at <moment>` to stderr there and waits to be killed.
/// Read here only: nothing below `cmd` reads the environment.
const PAUSE_AT: &str = "RABAT_HUB_PAUSE_AT";

fn pause_if(wanted: Option<&str>, here: &str) {
    if wanted == Some(here) {
        eprintln!("paused at {here}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Writing => "writing",
        Stage::Staged => "staged",
        Stage::OldAside => "old-aside",
        Stage::Swapped => "swapped",
    }
}

pub fn run(args: &BuildArgs) -> ExitCode {
    let pause = std::env::var(PAUSE_AT).ok();
    let pause = pause.as_deref();
    let start = Instant::now();
    let root = &args.site.root;
    let out = args.output.clone().unwrap_or_else(|| root.join("public"));
    let purpose = if args.no_search {
        Purpose::BuildWithoutSearch
    } else {
        Purpose::Build
    };
    let g = generate_for(root, args.site.drafts, args.base_url.as_deref(), purpose);
    let mut timings = g.timings;
    let mut diags = g.diags;
    if diags.has_errors() {
        report(&diags, args.site.format);
        if args.site.format == Format::Human {
            eprintln!("nothing was written: {} is unchanged", out.display());
        }
        return exit(true);
    }
    pause_if(pause, "generated");
    let published = publish_with(&out, &g.artifacts, &mut |stage| {
        pause_if(pause, stage_name(stage));
    });
    if let Err(e) = published {
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
