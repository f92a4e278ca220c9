//! `rabat-hub new <kind> <id>`: writes the files of a new entity in every
//! language of the site (or `--lang`), refusing an invalid or taken id.

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{exit, report};
use crate::cli::NewArgs;
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::kind::{Kind, check_id, suggest_id};
use crate::scaffold::{Context, civil_date, files};
use crate::{config, discover};

fn fail(message: String, help: Option<String>, args: &NewArgs) -> ExitCode {
    let mut d = Diagnostics::new();
    d.push(Diagnostic::error(message).help_opt(help));
    report(&d, args.format);
    exit(true)
}

pub fn run(args: &NewArgs) -> ExitCode {
    let root = &args.root;
    let config = match config::load(root) {
        Ok(c) => c,
        Err(d) => {
            report(&d, args.format);
            return exit(true);
        }
    };
    let Some(kind) = Kind::from_folder(&args.kind)
        .or_else(|| Kind::ALL.into_iter().find(|k| k.name() == args.kind))
    else {
        let names: Vec<&str> = Kind::ALL.into_iter().map(Kind::name).collect();
        let hint = did_you_mean(&args.kind, names.iter().copied())
            .map(|h| crate::t!("did-you-mean", name = h));
        return fail(
            crate::t!("link-not-a-kind", folder = &args.kind),
            hint.or_else(|| Some(crate::t!("new-kinds-are", list = names.join(", ")))),
            args,
        );
    };
    let id = &args.id;
    if let Err(why) = check_id(id) {
        return fail(
            crate::t!("file-bad-id", id = id, why = why),
            Some(crate::t!("new-id-form", id = suggest_id(id))),
            args,
        );
    }
    if kind == Kind::Country && !(id.len() == 2 && id.chars().all(|c| c.is_ascii_lowercase())) {
        return fail(
            crate::t!("file-not-country-code", id = id),
            Some(crate::t!("new-country-code-help")),
            args,
        );
    }
    let langs = match &args.lang {
        None => config.languages.clone(),
        Some(list) => {
            let mut langs = Vec::new();
            for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                match config.lang(code) {
                    Some(l) => langs.push(l.clone()),
                    None => {
                        let known: Vec<&str> =
                            config.languages.iter().map(|l| l.as_str()).collect();
                        return fail(
                            crate::t!("new-unknown-language", code = code),
                            Some(crate::t!("new-languages-are", list = known.join(", "))),
                            args,
                        );
                    }
                }
            }
            langs
        }
    };

    // What exists already: the id must be free, and required references
    // need something to point to.
    let (tree, _) = discover::discover(root, &config);
    let ids_of = |k: Kind| -> Vec<&str> {
        let mut v: Vec<&str> = tree
            .documents
            .iter()
            .filter(|d| d.kind == Some(k))
            .filter_map(|d| d.id.as_deref())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    if let Some(existing) = tree
        .documents
        .iter()
        .find(|d| d.kind == Some(kind) && d.id.as_deref() == Some(id))
    {
        return fail(
            crate::t!("new-exists", kind = kind.name(), id = id),
            Some(crate::t!("new-exists-help", file = &existing.file)),
            args,
        );
    }
    let countries = ids_of(Kind::Country);
    let challenges = ids_of(Kind::Challenge);
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let today = civil_date((seconds / 86_400) as i64);
    let cx = Context {
        config: &config,
        today: &today,
        a_country: countries.first().copied(),
        a_challenge: challenges.first().copied(),
    };
    let new = match files(kind, id, &langs, &cx) {
        Ok(f) => f,
        Err(why) => {
            return fail(
                crate::t!("new-cannot-create", kind = kind.name(), id = id),
                Some(why),
                args,
            );
        }
    };
    for f in &new {
        let target = root.join(&f.path);
        if target.exists() {
            return fail(crate::t!("new-file-exists", file = &f.path), None, args);
        }
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, &f.text));
        if let Err(e) = written {
            return fail(
                crate::t!("file-cannot-write", file = &f.path, why = e.to_string()),
                None,
                args,
            );
        }
    }
    for f in &new {
        println!("{}", f.path);
    }
    for l in &langs {
        let section = config.section(kind, l);
        let url = format!("http://127.0.0.1:8321/{l}/{section}/{id}/");
        eprintln!("  {}", crate::t!("new-next", url = url));
    }
    exit(false)
}
