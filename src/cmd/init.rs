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
            eprintln!(
                "{}",
                crate::t!("init-done", folder = args.dir.display().to_string())
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
