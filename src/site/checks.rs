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
            Diagnostic::error(crate::t!("link-draft", kind = what, id = r.id))
                .at(span)
                .label(crate::t!("site-not-published"))
                .help(crate::t!("site-draft-reference-help"))
        } else if let Some(other) = Kind::ALL.into_iter().find(|k| {
            targets.versions.contains_key(&EntityKey {
                kind: *k,
                id: r.id.to_string(),
            })
        }) {
            Diagnostic::error(crate::t!(
                "site-wrong-kind",
                id = r.id,
                other = crate::t!("kind-name", kind = other.name()),
                kind = what
            ))
            .at(span)
            .label(crate::t!("site-expected-kind", kind = what))
            .help(crate::t!("site-field-takes", field = r.field, kind = what))
        } else {
            super::refs::unknown(&r, targets).at(span)
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
            Diagnostic::error(crate::t!("site-not-in-bundle", file = file.as_str())).at(span);
        diags.push(match did_you_mean(file, names.iter().map(String::as_str)) {
            Some(h) => diag.label(crate::t!("did-you-mean", name = h)),
            None => diag
                .label(crate::t!("site-no-such-file"))
                .help(if item.doc.bundle {
                    crate::t!("site-put-file-in-bundle")
                } else {
                    crate::t!("site-make-a-bundle")
                }),
        });
    }
}
