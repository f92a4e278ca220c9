//! What `assemble` checks of a front matter beyond its own fields: that
//! every reference names a published entity of the right kind, and that a
//! meeting's documents are files of its bundle.

use std::collections::BTreeMap;

use super::assemble::Item;
use super::bodies::key_of;
use super::links::Targets;
use super::model::EntityKey;
use super::refs::{Ref, references};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::frontmatter::Fields;
use crate::kind::Kind;
use crate::yaml::Seg;

pub(super) fn check_references(item: &Item, targets: &Targets, diags: &mut Diagnostics) {
    let Some(fields) = &item.parsed.fields else {
        return;
    };
    for r in references(fields) {
        let key = EntityKey {
            kind: r.kind,
            id: r.id.to_string(),
        };
        if targets.versions.contains_key(&key) {
            continue;
        }
        let src = item.parsed.source(&item.doc);
        let span = src.span_of(&ref_path(&r));
        let what = r.kind.name();
        let d = if targets.drafts.contains(&key) {
            Diagnostic::error(format!("the {what} `{}` is a draft", r.id))
                .at(span)
                .label("not published")
                .help("a published page cannot point to a draft: publish it, or remove this reference")
        } else if let Some(other) = Kind::ALL.into_iter().find(|k| {
            targets.versions.contains_key(&EntityKey {
                kind: *k,
                id: r.id.to_string(),
            })
        }) {
            Diagnostic::error(format!("`{}` is a {}, not a {what}", r.id, other.name()))
                .at(span)
                .label(format!("expected a {what} id"))
                .help(format!("`{}` takes {} ids", r.field, what))
        } else {
            let ids = targets
                .versions
                .keys()
                .filter(|k| k.kind == r.kind)
                .map(|k| k.id.as_str());
            let d = Diagnostic::error(format!("unknown {what} `{}`", r.id)).at(span);
            match did_you_mean(r.id, ids) {
                Some(h) => d.label(format!("did you mean `{h}`?")),
                None => d.label(format!("no {what} has this id")).help(format!(
                    "{what} ids are the file names in content/{}/",
                    r.kind.folder()
                )),
            }
        };
        diags.push(d);
    }
}

fn ref_path(r: &Ref<'_>) -> Vec<Seg<'static>> {
    let mut p = vec![Seg::Key(r.field)];
    if let Some(i) = r.index {
        p.push(Seg::Index(i));
    }
    if let Some(k) = r.key {
        p.push(Seg::Key(k));
    }
    p
}

/// A meeting's `documents: [{ file: … }]` must name a file of its bundle.
pub(super) fn check_document_files(
    item: &Item,
    bundle_files: &BTreeMap<EntityKey, Vec<String>>,
    diags: &mut Diagnostics,
) {
    let Some(Fields::Meeting(m)) = &item.parsed.fields else {
        return;
    };
    let names = bundle_files
        .get(&key_of(&item.doc))
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, d) in m.documents.iter().enumerate() {
        let Some(file) = &d.file else { continue };
        if names.contains(file) {
            continue;
        }
        let span = item.parsed.source(&item.doc).span_of(&[
            Seg::Key("documents"),
            Seg::Index(i),
            Seg::Key("file"),
        ]);
        let diag =
            Diagnostic::error(format!("`{file}` is not a file of this meeting's bundle")).at(span);
        diags.push(match did_you_mean(file, names.iter().map(String::as_str)) {
            Some(h) => diag.label(format!("did you mean `{h}`?")),
            None => diag.label("no such file").help(if item.doc.bundle {
                "put the file in the meeting's folder, beside its index.<lang>.md files".to_string()
            } else {
                "a meeting with files must be a bundle: move it to `meetings/<id>/index.<lang>.md` and put the file beside it".to_string()
            }),
        });
    }
}
