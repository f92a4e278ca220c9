//! The fast path of `serve`: an edit that keeps the site's shape (its
//! address, references, tags, aliases and headings) is swapped into the
//! site as it is, without assembling it again.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::assemble::{Body, Item, Memo, Remembered};
use super::bodies::{link_key, render_body};
use super::checks::check_document_files;
use super::model::{EntityKey, Site, Version};
use super::refs::references;
use crate::diag::Diagnostics;
use crate::discover::Document;
use crate::frontmatter::{self, Fields};
use crate::markdown;

/// What `patch_version` changed in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patched {
    /// The text only: nothing but the entity's own pages shows it.
    Body(EntityKey),
    /// The front matter too (a title, a summary, a date…), but nothing that
    /// moves the site around it (`same_shape`): its own pages and every
    /// page that shows it must be rendered again.
    FrontMatter(EntityKey),
}

/// The fast path of `serve`: `doc` is a new text of a version already in
/// `site`. When its address, references, tags, aliases and headings are
/// what they were, the site keeps its shape (the graph, the link targets
/// of every other body): swap the new front matter and body in. `None`
/// when that does not hold (or the file has a problem): the caller then
/// assembles the whole site, which also reports the problem.
pub fn patch_version(site: &mut Site, memo: &mut Memo, doc: Document) -> Option<Patched> {
    let key = EntityKey {
        kind: doc.kind?,
        id: doc.id.clone()?,
    };
    let targets = memo.targets.as_ref()?;
    let (parsed, parse_diags) = frontmatter::parse(&doc, &site.config).ok()?;
    if !parse_diags.is_empty() {
        return None;
    }
    let entity = site.entities.get(&key)?;
    let version = entity.versions.get(&doc.lang)?;
    let fields = parsed.fields.as_ref()?;
    if version.file != doc.file || !same_shape(version, &parsed.common, fields) {
        return None;
    }
    let front_matter_changed = version.common != parsed.common || &version.fields != fields;
    let headings = markdown::scan_headings(parsed.body(&doc));
    if headings != version.headings {
        return None;
    }
    let item = Item { doc, parsed };
    if front_matter_changed {
        // What assemble checks of a front matter beyond its references
        // (which are the same, to the same targets).
        let names = entity.attachments.iter().map(|a| a.name.clone()).collect();
        let mut d = Diagnostics::new();
        check_document_files(&item, &BTreeMap::from([(key.clone(), names)]), &mut d);
        if !d.is_empty() {
            return None;
        }
    }
    let Item { doc, parsed } = item;
    let (r, d) = render_body(
        &doc,
        &parsed,
        targets,
        &site.config,
        &site.path_prefix,
        &memo.labels,
        true,
    );
    if !d.is_empty() {
        return None;
    }
    let body = Body {
        html: Arc::from(r.html),
        headings: r.headings,
        links: r.links.iter().filter_map(|l| link_key(l)).collect(),
        addresses: r.addresses,
        diags: Vec::new(),
    };
    let version = site.entities.get_mut(&key)?.versions.get_mut(&doc.lang)?;
    version.html = Arc::clone(&body.html);
    version.addresses = body.addresses.clone();
    if front_matter_changed {
        version.sort_key = crate::lang::sort_key(&parsed.common.title);
        version.common = parsed.common.clone();
        version.fields = parsed.fields.clone()?;
    }
    memo.docs.insert(
        doc.file.clone(),
        Remembered {
            fingerprint: doc.fingerprint,
            key: Some(key.clone()),
            parsed: Ok((parsed, parse_diags)),
            headings: Some(headings),
            body: Some(body),
        },
    );
    Some(if front_matter_changed {
        Patched::FrontMatter(key)
    } else {
        Patched::Body(key)
    })
}

/// Whether a new front matter of `version` leaves the site around it as
/// it was: the same address and redirects, published or not alike, the
/// same references (so the same graph) and the same theme and
/// organisation tags. Titles, summaries, dates and the other fields may
/// differ: they change what pages show, not which pages there are.
fn same_shape(version: &Version, common: &frontmatter::Common, fields: &Fields) -> bool {
    let old = &version.common;
    old.slug == common.slug
        && old.draft == common.draft
        && old.aliases == common.aliases
        && old.themes == common.themes
        && organisations(&version.fields) == organisations(fields)
        && references(&version.fields) == references(fields)
}

/// The organisations a front matter names (a tag, like a theme).
fn organisations(fields: &Fields) -> &[String] {
    match fields {
        Fields::Meeting(m) => &m.organisations,
        Fields::Practice(p) => &p.organisations,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::Kind;
    use crate::site::{Options, assemble_with};
    use crate::timings::Timings;

    /// The repository's own hub, assembled, with its memo and documents.
    fn hub() -> (Site, Memo, Vec<Document>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::load(root).expect("config.yaml");
        let (tree, _) = crate::discover::discover(root, &config);
        let docs = tree.documents.clone();
        let mut memo = Memo::remembering();
        let (site, diags, _) = assemble_with(
            config,
            tree,
            &Options::default(),
            &mut memo,
            &mut Timings::default(),
        );
        assert!(!diags.has_errors());
        (site, memo, docs)
    }

    fn edited(doc: &Document, from: &str, to: &str) -> Document {
        assert!(doc.text.contains(from), "{} has no {from:?}", doc.file);
        let text = doc.text.replacen(from, to, 1);
        Document {
            fingerprint: crate::discover::fingerprint(&text),
            text: Arc::from(text),
            ..doc.clone()
        }
    }

    const FICHE: &str = "content/practices/anpe-togo.fr.md";
    const TITLE: &str = "title: \"Togo : les services";

    #[test]
    fn a_text_or_a_title_is_patched_in_but_a_reference_is_not() {
        let (mut site, mut memo, docs) = hub();
        let doc = docs.iter().find(|d| d.file == FICHE).expect("the fiche");
        let key = EntityKey {
            kind: Kind::Practice,
            id: "anpe-togo".to_string(),
        };
        let fr = doc.lang.clone();
        let version = |site: &Site| site.entities[&key].versions[&fr].clone();

        let text = edited(
            doc,
            "## Le service",
            "## Le service\n\nUn paragraphe de plus.",
        );
        assert_eq!(
            patch_version(&mut site, &mut memo, text),
            Some(Patched::Body(key.clone()))
        );
        assert!(version(&site).html.contains("Un paragraphe de plus."));

        let title = edited(doc, TITLE, "title: \"Togo : les nouveaux services");
        assert_eq!(
            patch_version(&mut site, &mut memo, title),
            Some(Patched::FrontMatter(key.clone()))
        );
        let v = version(&site);
        assert!(v.common.title.starts_with("Togo : les nouveaux services"));
        assert_eq!(v.sort_key, crate::lang::sort_key(&v.common.title));
        assert!(
            !v.html.contains("Un paragraphe de plus."),
            "the body is the file's"
        );

        // What moves the site around the version: the full path's work.
        for (from, to) in [
            (
                "challenges: [employer-reluctance, coordination-gaps]",
                "challenges: [employer-reluctance]",
            ),
            ("themes: [return-readmission-reintegration]", "themes: []"),
            ("organisations: [anpe-togo, ofii]", "organisations: [ofii]"),
            (TITLE, "slug: ailleurs\ntitle: \"Togo : les services"),
            (TITLE, "draft: true\ntitle: \"Togo : les services"),
            (TITLE, "aliases: [/ancien/]\ntitle: \"Togo : les services"),
            ("## Le service", "## Le service public"),
            (TITLE, "title: [pas, un, titre]\nx: \"y"),
        ] {
            let before = version(&site).common.clone();
            assert_eq!(
                patch_version(&mut site, &mut memo, edited(doc, from, to)),
                None,
                "{to}"
            );
            assert_eq!(version(&site).common, before, "left as it was");
        }
    }
}
