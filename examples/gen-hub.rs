//! Writes a synthetic hub of N entities, to measure rabat-hub (and Hugo)
//! on more content than the real hub has:
//!
//! ```sh
//! cargo run --release --example gen-hub -- --entities 10000 --out /tmp/hub \
//!     [--seed 1] [--vocabulary zipf|small] [--hugo /tmp/hub-hugo]
//! rabat-hub build --root /tmp/hub
//! hugo --source /tmp/hub-hugo
//! ```
//!
//! The same arguments give the same bytes. See `bench/run.sh`.

#[path = "gen_hub/mod.rs"]
mod gen_hub;

use std::path::PathBuf;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Writes a synthetic Rabat Process hub for benchmarks")]
struct Args {
    /// Entities to generate (countries stop at the 57 real ones)
    #[arg(long)]
    entities: usize,
    /// Folder of the rabat-hub site (its content/ and themes/ are replaced)
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator: the same seed gives the same hub
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The words of running text: `zipf`, real text's shape (a common
    /// vocabulary for half the words, a long tail growing with the hub),
    /// or `small`, 80 words per language on every page (the worst case
    /// for a search's first query)
    #[arg(long, default_value = "zipf", value_parser = ["zipf", "small"])]
    vocabulary: String,
    /// Also write the equivalent Hugo site into this folder
    #[arg(long)]
    hugo: Option<PathBuf>,
}

fn main() {
    let args = Args::parse();
    let opts = gen_hub::Options {
        entities: args.entities,
        seed: args.seed,
        vocabulary: gen_hub::Vocabulary::parse(&args.vocabulary)
            .unwrap_or_else(|| unreachable!("clap checks the value")),
        out: args.out,
        hugo: args.hugo,
        repo: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    };
    let start = std::time::Instant::now();
    let summary = gen_hub::generate(&opts).expect("cannot write the generated hub");
    let counts: Vec<String> = summary
        .counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    eprintln!(
        "generated {} entities ({}), {} language versions, {} vocabulary of {} / {} words (fr / en), {} files, {:.1} MB in {:.1} s",
        args.entities,
        counts.join(", "),
        summary.versions,
        args.vocabulary,
        summary.vocabulary[0],
        summary.vocabulary[1],
        summary.files,
        summary.bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
}
