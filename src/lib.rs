//! rabat-hub turns the Markdown of a Rabat Process knowledge hub into a
//! bilingual static site.
//!
//! Data flows one way, one module a stage: `config` reads config.yaml;
//! `discover` walks content/ and names each file's kind, id and language;
//! `frontmatter` checks each file's YAML against its kind (through `yaml`,
//! the only module that knows the YAML library); `markdown` renders bodies;
//! `site` pairs translations, gives URLs and checks every reference;
//! `theme` loads the Tera templates and UI strings and renders pages;
//! `output` makes every file of the published site (for `build`, handing
//! pages on as they are made); `publish` writes them aside and swaps them
//! in. `cms` makes the web editor at `/admin/` from the same schema and
//! config. `cmd` runs the commands on top. `diag` carries
//! every problem found, with its place, to whoever prints it.

pub mod cli;
pub mod cmd;
pub mod cms;
pub mod config;
pub mod diag;
pub mod discover;
pub mod frontmatter;
pub mod history;
pub mod kind;
pub mod lang;
pub mod markdown;
pub mod output;
pub mod publish;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod theme;
pub mod timings;
pub mod typography;
pub mod yaml;
