//! Every reference a front matter makes to another entity, with the path
//! to it in the YAML so a bad one can be pointed at.

use crate::frontmatter::Fields;
use crate::kind::Kind;

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
