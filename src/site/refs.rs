//! Every reference a front matter makes to another entity, with the path
//! to it in the YAML so a bad one can be pointed at.

use crate::diag::{Diagnostic, did_you_mean};
use crate::frontmatter::Fields;
use crate::kind::Kind;
use crate::lang::fold;
use crate::t;

use super::links::Targets;

/// One reference: `field[index]` (or `location.country`) names `id` of `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref<'a> {
    pub field: &'static str,
    /// Index in the list; `None` for a single value.
    pub index: Option<usize>,
    /// A key under the field (`country` of `location`).
    pub key: Option<&'static str>,
    pub kind: Kind,
    pub id: &'a str,
}

fn list<'a>(out: &mut Vec<Ref<'a>>, field: &'static str, kind: Kind, ids: &'a [String]) {
    out.extend(ids.iter().enumerate().map(|(i, id)| Ref {
        field,
        index: Some(i),
        key: None,
        kind,
        id,
    }));
}

pub fn references(fields: &Fields) -> Vec<Ref<'_>> {
    let mut out = Vec::new();
    match fields {
        Fields::Meeting(m) => {
            if let Some(crate::frontmatter::types::Location::Place { country, .. }) = &m.location {
                out.push(Ref {
                    field: "location",
                    index: None,
                    key: Some("country"),
                    kind: Kind::Country,
                    id: country,
                });
            }
            list(&mut out, "chairs", Kind::Country, &m.chairs);
            list(&mut out, "countries", Kind::Country, &m.countries);
            list(&mut out, "challenges", Kind::Challenge, &m.challenges);
            list(
                &mut out,
                "recommendations",
                Kind::Recommendation,
                &m.recommendations,
            );
            list(&mut out, "practices", Kind::Practice, &m.practices);
        }
        Fields::Practice(p) => {
            list(&mut out, "countries", Kind::Country, &p.countries);
            list(&mut out, "challenges", Kind::Challenge, &p.challenges);
            list(
                &mut out,
                "recommendations",
                Kind::Recommendation,
                &p.recommendations,
            );
            list(&mut out, "meetings", Kind::Meeting, &p.meetings);
        }
        Fields::Challenge(c) => list(&mut out, "related", Kind::Challenge, &c.related),
        Fields::Recommendation(r) => list(&mut out, "addresses", Kind::Challenge, &r.addresses),
        Fields::Country(_) | Fields::Page(_) => {}
    }
    out
}

/// A name written as an id would be: folded (case and accents), with
/// anything else a hyphen: "Sénégal" → "senegal", "Côte d'Ivoire" →
/// "cote-d-ivoire".
fn as_id(s: &str) -> String {
    crate::markdown::slugify(&fold(s))
}

/// The id an editor meant by `written`, among `ids` with their titles in
/// every language: the same id in lower case; an id whose title is what
/// was written, or begins with it (`sen`, `senegal`, `Sénégal` → `sn`);
/// else the closest id. `(id, lower_case)`.
pub fn meant<'a>(
    written: &str,
    ids: impl Iterator<Item = (&'a str, Vec<&'a str>)> + Clone,
) -> Option<(String, bool)> {
    let lower = written.to_lowercase();
    if lower != written && ids.clone().any(|(id, _)| id == lower) {
        return Some((lower, true));
    }
    let w = as_id(written);
    if let Some((id, _)) = ids
        .clone()
        .find(|(_, titles)| titles.iter().any(|t| as_id(t) == w))
    {
        return Some((id.to_string(), false));
    }
    if w.chars().count() >= 3 {
        let starts: Vec<&str> = ids
            .clone()
            .filter(|(_, titles)| titles.iter().any(|t| as_id(t).starts_with(&w)))
            .map(|(id, _)| id)
            .collect();
        if let [one] = starts[..] {
            return Some((one.to_string(), false));
        }
    }
    did_you_mean(&lower, ids.map(|(id, _)| id)).map(|h| (h, false))
}

/// The diagnostic of a reference to no entity of its kind, with the id
/// the editor most likely meant; without its place.
pub fn unknown(r: &Ref<'_>, targets: &Targets) -> Diagnostic {
    let what = r.kind.name();
    let ids = targets
        .versions
        .iter()
        .filter(|(k, _)| k.kind == r.kind)
        .map(|(k, v)| {
            (
                k.id.as_str(),
                v.values().map(|t| t.title.as_str()).collect(),
            )
        });
    let d = Diagnostic::error(t!("ref-unknown", kind = what, id = r.id));
    match meant(r.id, ids) {
        Some((id, true)) => d.label(t!("ref-lower-case", id = id)),
        Some((id, false)) => d.label(t!("did-you-mean", name = id)),
        None => d.label(t!("ref-no-such-id", kind = what)).help(t!(
            "ref-ids-are",
            kind = what,
            folder = r.kind.folder()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_ids_are_found_by_name_in_every_language() {
        let ids = vec![
            ("se", vec!["Suède", "Sweden"]),
            ("sn", vec!["Sénégal", "Senegal"]),
            ("ci", vec!["Côte d’Ivoire", "Côte d'Ivoire"]),
        ];
        let m = |w: &str| meant(w, ids.clone().into_iter());
        assert_eq!(m("sen"), Some(("sn".into(), false)));
        assert_eq!(m("senegal"), Some(("sn".into(), false)));
        assert_eq!(m("Sénégal"), Some(("sn".into(), false)));
        assert_eq!(m("SN"), Some(("sn".into(), true)));
        assert_eq!(m("suede"), Some(("se".into(), false)));
        assert_eq!(m("cote-d-ivoire"), Some(("ci".into(), false)));
    }
}
