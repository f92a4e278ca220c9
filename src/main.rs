use std::process::ExitCode;

use clap::Parser;
use rabat_hub::cli::{Cli, Command};
use rabat_hub::cmd;

// Building the search index allocates and frees millions of small strings
// and maps; glibc's allocator spent about a third of the indexing time
// there (bench/search.sh measures it).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // SAFETY: the first statement of main: no other thread exists yet.
    #[allow(unsafe_code)]
    unsafe {
        rabat_hub::output::search::small_index_chunks()
    };
    let cli = Cli::parse();
    match &cli.command {
        Command::Build(a) => cmd::build::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Init(a) => cmd::init::run(a),
        Command::Completions(a) => cmd::completions::completions(a),
        Command::Man => cmd::completions::man(),
    }
}
