//! A form the web editor (src/cms/) writes that the contract does not:
//! a meeting picked in a relation widget is written as the bundle's entry,
//! `2021-01-21-rvr-webinar/index` (Decap names a bundle's entry by its
//! path, and no template of its gives the folder alone). Read as the id.

use super::schema::Fields;

/// The bundle suffix Decap adds to a meeting's id.
const BUNDLE_ENTRY: &str = "/index";

/// Rewrites the references the editor writes in its own form.
pub fn read_editor_forms(fields: &mut Fields) {
    if let Fields::Practice(p) = fields {
        for id in &mut p.meetings {
            if let Some(stem) = id.strip_suffix(BUNDLE_ENTRY) {
                *id = stem.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::Practice;

    #[test]
    fn a_meeting_picked_in_the_editor_reads_as_its_id() {
        let mut f = Fields::Practice(Practice {
            countries: vec!["tg".into()],
            organisations: vec![],
            period: None,
            status: None,
            challenges: vec![],
            recommendations: vec![],
            meetings: vec!["2021-01-21-rvr-webinar/index".into(), "other".into()],
        });
        read_editor_forms(&mut f);
        let Fields::Practice(p) = f else {
            unreachable!("built as a practice")
        };
        assert_eq!(p.meetings, ["2021-01-21-rvr-webinar", "other"]);
    }
}
