//! rabat-hub turns the Markdown of a Rabat Process knowledge hub into a
//! bilingual static site.
//!
//! One pipeline (`pipeline::Pipeline`), which `build`, `check` and `serve`
//! all run, the data flowing one way, one module a stage: `config` reads
//! config.yaml and `theme` loads the templates and UI strings, beside
//! `discover`, which walks content/ and names each file's kind, id and
//! language (and `history`, which asks Git when each changed);
//! `frontmatter` checks each file's YAML against its kind (through `yaml`,
//! the only module that knows the YAML libraries); `markdown` renders the
//! bodies, resolving `@/` links through `site`, which pairs translations,
//! gives URLs, checks every reference and builds the graph; `output` plans
//! every file of the published site (`output::plan`) and makes the files
//! the command needs; `publish` writes them aside and swaps them in, or
//! `serve` keeps them in memory. `cms` makes the web editor at `/admin/`
//! from the same schema and config. `cmd` parses, runs, prints and exits on
//! top. `diag` carries every problem found, with its place, to whoever
//! prints it; `escape` writes text safely into each output language.

pub mod cli;
pub mod cmd;
pub mod cms;
pub mod config;
pub mod diag;
pub mod discover;
pub mod escape;
pub mod file_types;
pub mod frontmatter;
pub mod history;
pub mod images;
pub mod kind;
pub mod lang;
pub mod markdown;
pub mod memory;
pub mod messages;
pub mod nofollow;
pub mod output;
pub mod output_folder;
pub mod pipeline;
pub mod plural;
pub mod publish;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod theme;
pub mod timings;
pub mod typography;
pub mod yaml;
