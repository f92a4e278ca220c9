use std::process::ExitCode;

use clap::Parser;
use rabat_hub::cli::{Cli, Command, MessageLang};
use rabat_hub::cmd;
use rabat_hub::messages::{self, Language};

// Building the search index allocates and frees millions of small strings
// and maps; glibc's allocator spent about a third of the indexing time
// there (bench/search.sh measures it).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    rabat_hub::memory::prefer_small_pages();
    // SAFETY: before any thread is started: no other thread exists yet.
    #[allow(unsafe_code)]
    unsafe {
        rabat_hub::output::search::small_index_chunks()
    };
    let cli = Cli::parse();
    // The language of every message of this run: `--lang`, else the
    // locale's (`new` takes `--lang` for the content's languages).
    let asked = match &cli.command {
        Command::Build(a) => a.site.lang,
        Command::Check(a) => a.site.lang,
        Command::Serve(a) => a.site.lang,
        Command::New(_) | Command::Init(_) | Command::Completions(_) | Command::Man => None,
    };
    let lang = match asked {
        Some(MessageLang::Fr) => Some(Language::Fr),
        Some(MessageLang::En) => Some(Language::En),
        None => messages::from_locale(|v| std::env::var(v).ok()),
    };
    messages::choose(lang.unwrap_or(Language::En));
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
