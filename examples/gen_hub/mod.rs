//! Synthetic hubs for benchmarks: a deterministic plan of N entities
//! (`plan`), Markdown bodies (`body`) and front matter (`fm`) written out for
//! rabat-hub (`rabat`) and, optionally, the same content for Hugo (`hugo`).
//!
//! Shared by `examples/gen-hub.rs` and the integration test that builds a
//! small generated hub; included by path in both, it depends only on std
//! and on rabat-hub's config loader (for the themes and organisations).

mod body;
mod common;
mod countries;
mod dates;
mod documents;
mod files;
mod fm;
mod hugo;
mod lexicon;
mod morphemes;
mod plan;
mod rabat;
mod rng;
mod words;

use std::io;
use std::path::PathBuf;

pub use lexicon::Vocabulary;
use plan::{LANGS, Plan, Term};

pub struct Options {
    /// How many entities (each in one or two languages).
    pub entities: usize,
    pub seed: u64,
    /// The words of running text (see `lexicon`).
    pub vocabulary: Vocabulary,
    /// The rabat-hub site to write.
    pub out: PathBuf,
    /// The Hugo site to write as well, if any.
    pub hugo: Option<PathBuf>,
    /// The repository: its config.yaml and theme are copied.
    pub repo: PathBuf,
}

pub struct Summary {
    /// Entities of each kind, by content folder.
    pub counts: Vec<(&'static str, usize)>,
    /// Language versions written (Markdown files of entities).
    pub versions: usize,
    pub files: usize,
    pub bytes: u64,
    /// Distinct words running text is drawn from, by language.
    pub vocabulary: [usize; 2],
}

pub fn generate(opts: &Options) -> io::Result<Summary> {
    let config = rabat_hub::config::load(&opts.repo).map_err(|d| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("the repository's config.yaml is invalid: {d:?}"),
        )
    })?;
    let terms = |table: &std::collections::BTreeMap<String, rabat_hub::config::Localized>| {
        table
            .iter()
            .map(|(id, labels)| Term {
                id: id.clone(),
                label: LANGS.map(|l| {
                    labels
                        .iter()
                        .find(|(lang, _)| lang.as_str() == l)
                        .map_or_else(|| id.clone(), |(_, s)| s.clone())
                }),
            })
            .collect::<Vec<_>>()
    };
    let plan = Plan::new(
        opts.entities,
        opts.seed,
        opts.vocabulary,
        terms(&config.themes),
        terms(&config.organisations),
    );
    let mut written = files::Written::default();
    rabat::write(&plan, &opts.repo, &opts.out, &mut written)?;
    if let Some(dir) = &opts.hugo {
        hugo::write(&plan, &opts.repo, dir, &mut written)?;
    }
    Ok(Summary {
        counts: plan.counts.iter().map(|(k, n)| (k.folder(), *n)).collect(),
        versions: plan
            .entities
            .iter()
            .map(|e| e.langs.iter().filter(|l| **l).count())
            .sum(),
        files: written.files,
        bytes: written.bytes,
        vocabulary: plan.lexicon.each_ref().map(|l| l.len()),
    })
}
