//! `rabat-hub init [DIR]`: starts a hub of content only (`scaffold::init`)
//! and says what to do next.

use std::process::ExitCode;

use super::{exit, report};
use crate::cli::{Format, InitArgs};
use crate::diag::Diagnostics;

pub fn run(args: &InitArgs) -> ExitCode {
    match crate::scaffold::init::init(&args.dir, args.force) {
        Ok(written) => {
            for path in &written {
                println!("{}", path.display());
            }
            let dir = args.dir.display();
            eprintln!(
                "a new hub is in {dir}: run `rabat-hub serve --open --root {dir}` to see it, \
                 `rabat-hub check --root {dir}` before each commit; \
                 .github/workflows/hub.yml checks pull requests and publishes main to GitHub Pages"
            );
            exit(false)
        }
        Err(d) => {
            let mut diags = Diagnostics::new();
            diags.push(d);
            report(&diags, Format::Human);
            exit(true)
        }
    }
}
