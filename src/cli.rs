//! The command line, as clap types only.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The version and the commit it was built from (see build.rs).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("RABAT_HUB_COMMIT"),
    ")"
);

#[derive(Parser, Debug)]
#[command(
    name = "rabat-hub",
    version = VERSION,
    about = "Builds the Rabat Process knowledge hub: a bilingual, cross-linked static site"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into DIR/public (or --output)
    Build(BuildArgs),
    /// Check the site without writing anything; reports missing translations too
    Check(CheckArgs),
    /// Build the site and serve it on 127.0.0.1 for preview, rebuilding on every save
    Serve(ServeArgs),
    /// Write the files of a new entity, in every language of the site
    New(NewArgs),
    /// Start a new hub of content only in DIR: config, example content, CI workflow
    Init(InitArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `rabat-hub man > rabat-hub.1`
    Man,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// Where to start the hub (created if missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Write into a folder that is not empty (files of the same name are replaced)
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The kind: meeting, practice, country, challenge, recommendation or page
    pub kind: String,
    /// The id: lower-case letters a-z, digits and single hyphens (a country: its ISO code)
    pub id: String,
    /// Only these languages, comma-separated (default: all the site's)
    #[arg(long)]
    pub lang: Option<String>,
    /// The site's folder, holding config.yaml and content/
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print problems
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site's folder, holding config.yaml and content/
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include drafts (`draft: true`)
    #[arg(long)]
    pub drafts: bool,
    /// How to print problems
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The language of the messages (default: from LC_ALL, LC_MESSAGES
    /// or LANG, else English)
    #[arg(long, value_enum)]
    pub lang: Option<MessageLang>,
    /// Where resized images are kept between builds (default:
    /// ROOT/.cache)
    #[arg(long)]
    pub cache_dir: Option<PathBuf>,
}

/// A language the messages can be printed in.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageLang {
    Fr,
    En,
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: ROOT/public)
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Override config.yaml's base_url, e.g. for a preview deployment
    #[arg(long)]
    pub base_url: Option<String>,
    /// Print how long each stage took to stderr (for benchmarks)
    #[arg(long)]
    pub timings: bool,
    /// Leave the search index out (its pages then find nothing): faster,
    /// for a quick look or to time the rest
    #[arg(long)]
    pub no_search: bool,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Treat warnings (missing translations) as errors
    #[arg(long)]
    pub strict: bool,
    /// Also name the site's files that override the theme's
    #[arg(long, short)]
    pub verbose: bool,
    /// Print how long each stage took to stderr (for benchmarks)
    #[arg(long)]
    pub timings: bool,
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 8321)]
    pub port: u16,
    /// Address to listen on; the default, 127.0.0.1, is reachable only
    /// from this computer
    #[arg(long)]
    pub bind: Option<std::net::IpAddr>,
    /// Open the site in the browser once it is served
    #[arg(long)]
    pub open: bool,
    /// After each save, open pages go to the page of the file saved
    /// (like Hugo's --navigateToChanged)
    #[arg(long)]
    pub navigate: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Readable: file:line:col, the line, a caret, a hint
    Human,
    /// One JSON object a line
    Json,
    /// GitHub Actions annotations
    Github,
}
