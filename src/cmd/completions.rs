//! `rabat-hub completions <shell>` and `rabat-hub man`: a shell's
//! completion script and the manual page, made from the command line's
//! own definition (clap_complete and clap_mangen, only here), printed on
//! stdout. The release archives carry both.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: &CompletionsArgs) -> ExitCode {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "rabat-hub", &mut std::io::stdout());
    ExitCode::SUCCESS
}

pub fn man() -> ExitCode {
    let page = clap_mangen::Man::new(Cli::command());
    match page.render(&mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}",
                crate::t!("completions-cannot-write", why = e.to_string())
            );
            ExitCode::FAILURE
        }
    }
}
