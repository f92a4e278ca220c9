//! What each kind's front matter may hold: one strict struct per kind
//! (unknown fields are errors), the common fields written once by a macro.

use serde::Deserialize;

use super::types::{
    Actor, CountryStatus, Date, DocumentRef, Location, MeetingType, Period, PracticeStatus, Region,
};
use crate::kind::Kind;

/// The fields every kind has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Common {
    pub title: String,
    pub summary: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub draft: bool,
    pub themes: Vec<String>,
    pub aliases: Vec<String>,
    pub slug: Option<String>,
    /// An editor checked this translation against the other language on
    /// that day: changes made there before it do not make it "behind".
    pub translation_checked: Option<Date>,
    /// Where the fields that name output paths were written.
    pub located: Located,
}

/// Where a version's `aliases` and `slug` are in its file, so that a
/// path they make that cannot be written (a clash, a name too long) is
/// reported at the line that makes it. Equal whatever it holds: moving a
/// line changes nothing another page shows.
#[derive(Debug, Clone, Default)]
pub struct Located {
    pub aliases: Vec<crate::diag::Span>,
    pub slug: Option<crate::diag::Span>,
}

impl PartialEq for Located {
    fn eq(&self, _: &Located) -> bool {
        true
    }
}

impl Eq for Located {}

pub const COMMON_FIELDS: [&str; 9] = [
    "title",
    "summary",
    "date",
    "updated",
    "draft",
    "themes",
    "aliases",
    "slug",
    "translation_checked",
];

/// Declares a kind's raw struct (common fields + its own, strict) and the
/// struct of its own fields that the rest of the program sees.
macro_rules! kind_front_matter {
    ($raw:ident => $fields:ident, $names:ident { $( $(#[$attr:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct $raw {
            title: String,
            #[serde(default)] summary: Option<String>,
            #[serde(default)] date: Option<Date>,
            #[serde(default)] updated: Option<Date>,
            #[serde(default)] draft: bool,
            #[serde(default)] themes: Vec<String>,
            #[serde(default)] aliases: Vec<String>,
            #[serde(default)] slug: Option<String>,
            #[serde(default)] translation_checked: Option<Date>,
            $( $(#[$attr])* $field: $ty, )*
        }

        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $fields {
            $( pub $field: $ty, )*
        }

        /// This kind's own field names, as editors write them.
        pub const $names: &[&str] = &[$( kind_front_matter!(@name $field) ),*];

        impl $raw {
            pub(super) fn into_parts(self) -> (Common, $fields) {
                let common = Common {
                    title: self.title,
                    summary: self.summary,
                    date: self.date,
                    updated: self.updated,
                    draft: self.draft,
                    themes: self.themes,
                    aliases: self.aliases,
                    slug: self.slug,
                    translation_checked: self.translation_checked,
                    located: Located::default(),
                };
                (common, $fields { $( $field: self.$field ),* })
            }
        }
    };
    (@name r#type) => { "type" };
    (@name $field:ident) => { stringify!($field) };
}

kind_front_matter!(RawMeeting => Meeting, MEETING_FIELDS {
    r#type: MeetingType,
    #[serde(default)] end_date: Option<Date>,
    #[serde(default)] location: Option<Location>,
    #[serde(default)] chairs: Vec<String>,
    #[serde(default)] countries: Vec<String>,
    #[serde(default)] organisations: Vec<String>,
    #[serde(default)] challenges: Vec<String>,
    #[serde(default)] recommendations: Vec<String>,
    #[serde(default)] practices: Vec<String>,
    #[serde(default)] documents: Vec<DocumentRef>,
});

kind_front_matter!(RawPractice => Practice, PRACTICE_FIELDS {
    countries: Vec<String>,
    #[serde(default)] organisations: Vec<String>,
    #[serde(default)] period: Option<Period>,
    #[serde(default)] status: Option<PracticeStatus>,
    #[serde(default)] challenges: Vec<String>,
    #[serde(default)] recommendations: Vec<String>,
    #[serde(default)] meetings: Vec<String>,
});

kind_front_matter!(RawCountry => Country, COUNTRY_FIELDS {
    region: Region,
    #[serde(default)] status: Option<CountryStatus>,
    #[serde(default)] focal_point: Option<String>,
});

kind_front_matter!(RawChallenge => Challenge, CHALLENGE_FIELDS {
    #[serde(default)] related: Vec<String>,
});

kind_front_matter!(RawRecommendation => Recommendation, RECOMMENDATION_FIELDS {
    addresses: Vec<String>,
    #[serde(default)] actors: Vec<Actor>,
});

kind_front_matter!(RawPage => Page, PAGE_FIELDS {});

/// The text of a home or list page: a title and a summary, nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIndex {
    pub(super) title: String,
    #[serde(default)]
    pub(super) summary: Option<String>,
}

/// The text of a theme's or organisation's page: its name is config.yaml's
/// label, so a summary (the page's description) and nothing else.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTermText {
    #[serde(default)]
    pub(super) summary: Option<String>,
}

/// A kind's own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fields {
    Meeting(Meeting),
    Practice(Practice),
    Country(Country),
    Challenge(Challenge),
    Recommendation(Recommendation),
    Page(Page),
}

/// The fields a kind has beyond the common ones.
pub fn kind_fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Meeting => MEETING_FIELDS,
        Kind::Practice => PRACTICE_FIELDS,
        Kind::Country => COUNTRY_FIELDS,
        Kind::Challenge => CHALLENGE_FIELDS,
        Kind::Recommendation => RECOMMENDATION_FIELDS,
        Kind::Page => PAGE_FIELDS,
    }
}
