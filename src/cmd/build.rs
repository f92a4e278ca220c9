//! `rabat-hub build`: generate, then publish into the output folder only
//! when there was no error (the previous site stays as it was otherwise).

use std::process::ExitCode;
use std::time::Instant;

use std::io;
use std::path::Path;

use super::{exit, report};
use crate::cli::{BuildArgs, Format};
use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::{Changes, Pipeline, Purpose, Settings};
use crate::publish::{Stage, Staging};

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
    if let Err(d) = crate::output_folder::check_output(root, &out) {
        let mut diags = Diagnostics::new();
        diags.push(d);
        report(&diags, args.site.format);
        return exit(true);
    }
    let settings = Settings {
        purpose: if args.no_search {
            Purpose::BuildWithoutSearch
        } else {
            Purpose::Build
        },
        drafts: args.site.drafts,
        base_url: args.base_url.clone(),
        cache_dir: args.site.cache_dir.clone(),
    };
    let mut pipeline = Pipeline::new(root, settings);
    // The site is written into a staging folder as it is made, and put in
    // place only if the build has no error: dropped, the folder goes.
    let staging = match Staging::begin(&out) {
        Ok(s) => s,
        Err(e) => return cannot_write(&out, &e, None, Diagnostics::new(), args.site.format),
    };
    let (g, failed_write) = staging.stream(|sink| pipeline.run(Changes::Everything, Some(sink)));
    let mut timings = g.timings;
    let diags = g.diags;
    if diags.has_errors() {
        drop(staging);
        super::report_at(&diags, args.site.format, &args.site.root);
        if args.site.format == Format::Human {
            eprintln!(
                "{}",
                crate::t!("build-nothing-written", folder = out.display().to_string())
            );
        }
        return exit(true);
    }
    if let Some(e) = failed_write {
        let source = crate::publish::failed_path(&e).and_then(|p| pipeline.source_of(p));
        return cannot_write(&out, &e, source, diags, args.site.format);
    }
    pause_if(pause, "generated");
    let published = staging
        .write_all(&g.artifacts, &mut |stage| {
            pause_if(pause, stage_name(stage))
        })
        .and_then(|()| staging.commit(&mut |stage| pause_if(pause, stage_name(stage))));
    if let Err(e) = published {
        let source = crate::publish::failed_path(&e).and_then(|p| pipeline.source_of(p));
        return cannot_write(&out, &e, source, diags, args.site.format);
    }
    timings.lap("write");
    super::report_at(&diags, args.site.format, &args.site.root);
    if args.timings {
        eprint!("{}", timings.report());
    }
    if args.site.format == Format::Human {
        let made = g.artifacts.len() + g.sent.len();
        let paths = g.artifacts.iter().map(|a| &a.path).chain(&g.sent);
        let pages = paths.filter(|p| p.ends_with(".html")).count();
        eprintln!(
            "{}",
            crate::t!(
                "build-done",
                pages = pages,
                files = made,
                folder = out.display().to_string(),
                seconds = format!("{:.2}", start.elapsed().as_secs_f64())
            )
        );
    }
    exit(false)
}

/// A write that failed, at the content file that makes the file when
/// there is one (`source`, relative to the site root).
fn cannot_write(
    out: &Path,
    e: &io::Error,
    source: Option<String>,
    mut diags: Diagnostics,
    format: Format,
) -> ExitCode {
    let mut d = Diagnostic::error(crate::t!(
        "build-cannot-write",
        folder = out.display().to_string(),
        why = e.to_string()
    ));
    if let Some(file) = source {
        d = d
            .at(crate::diag::Span::file(&file))
            .help(crate::t!("build-cannot-write-help"));
    }
    diags.push(d);
    report(&diags, format);
    exit(true)
}
