//! What the web editor shows for each front-matter field: the widget, the
//! label's key in the theme's strings, whether it is required, and whether
//! each language has its own value (title, summary, body) or both files
//! share it (dates, references). One table, read field by field from the
//! schema's own lists (`COMMON_FIELDS`, `kind_fields`), so that a field
//! added to the schema and not here is found by the tests.

use serde::de::DeserializeOwned;

use crate::frontmatter::types::{Actor, CountryStatus, MeetingType, PracticeStatus, Region};
use crate::kind::Kind;

/// How a field is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Widget {
    /// One line of text.
    Line,
    /// A paragraph (the summary).
    Paragraph,
    /// The Markdown body.
    Body,
    /// A calendar date, written `YYYY-MM-DD`.
    Date,
    Bool,
    /// A list of lines (aliases).
    Lines,
    /// A URL segment: the id rules as the pattern.
    Segment,
    /// One of a closed list of values; `prefix` + value is the label's key.
    Choice {
        values: &'static [&'static str],
        prefix: &'static str,
        multiple: bool,
    },
    /// Ids of entities of a kind, picked by title.
    Reference {
        kind: Kind,
        multiple: bool,
    },
    /// Terms of a taxonomy of config.yaml (`themes`, `organisations`).
    Terms {
        taxonomy: &'static str,
    },
    /// `{ city, country }`.
    Location,
    /// `{ start, end }`, years.
    Period,
    /// `[{ title, file | url }]`, files uploaded into the bundle.
    Documents,
}

/// Whether the two language versions of an entity hold their own value
/// of the field or the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    PerLanguage,
    Shared,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    /// The key of its label in the theme's UI strings.
    pub label: &'static str,
    pub widget: Widget,
    pub required: bool,
    pub sharing: Sharing,
}

/// The serde names of an enumeration's values, as front matter writes
/// them, asked of the type itself: a value added to the type appears in
/// the editor's select without a change here.
pub fn variants<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};
    struct Grab(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Stop {
            Stop
        }
    }
    impl<'de> de::Deserializer<'de> for &mut Grab {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(variants);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct identifier ignored_any
        }
    }
    let mut grab = Grab(None);
    let _ = T::deserialize(&mut grab);
    grab.0.unwrap_or(&[])
}

const fn field(
    name: &'static str,
    label: &'static str,
    widget: Widget,
    required: bool,
    sharing: Sharing,
) -> FieldSpec {
    FieldSpec {
        name,
        label,
        widget,
        required,
        sharing,
    }
}

fn refs(kind: Kind) -> Widget {
    Widget::Reference {
        kind,
        multiple: true,
    }
}

fn choice<T: DeserializeOwned>(prefix: &'static str, multiple: bool) -> Widget {
    Widget::Choice {
        values: variants::<T>(),
        prefix,
        multiple,
    }
}

/// The field `name` of `kind` (a common field or the kind's own), or
/// `None` when the table does not know it.
pub fn spec(kind: Kind, name: &str) -> Option<FieldSpec> {
    use Sharing::{PerLanguage as Own, Shared};
    let meeting = kind == Kind::Meeting;
    Some(match (kind, name) {
        (_, "title") => field("title", "cms_title", Widget::Line, true, Own),
        (_, "summary") => field("summary", "cms_summary", Widget::Paragraph, false, Own),
        (_, "date") => field("date", "date", Widget::Date, meeting, Shared),
        (_, "updated") => field("updated", "updated", Widget::Date, false, Own),
        (_, "draft") => field("draft", "cms_draft", Widget::Bool, false, Shared),
        (_, "themes") => field(
            "themes",
            "themes",
            Widget::Terms { taxonomy: "themes" },
            false,
            Shared,
        ),
        (_, "aliases") => field("aliases", "cms_aliases", Widget::Lines, false, Own),
        (_, "slug") => field("slug", "cms_slug", Widget::Segment, false, Own),
        (_, "translation_checked") => field(
            "translation_checked",
            "cms_translation_checked",
            Widget::Date,
            false,
            Own,
        ),
        (_, "organisations") => field(
            "organisations",
            "organisations",
            Widget::Terms {
                taxonomy: "organisations",
            },
            false,
            Shared,
        ),
        (Kind::Meeting, "type") => field(
            "type",
            "meeting_type",
            choice::<MeetingType>("meeting_type_", false),
            true,
            Shared,
        ),
        (Kind::Meeting, "end_date") => {
            field("end_date", "cms_end_date", Widget::Date, false, Shared)
        }
        (Kind::Meeting, "location") => {
            field("location", "location", Widget::Location, false, Shared)
        }
        (Kind::Meeting, "chairs") => field("chairs", "chairs", refs(Kind::Country), false, Shared),
        (Kind::Meeting, "countries") => {
            field("countries", "countries", refs(Kind::Country), false, Shared)
        }
        (Kind::Meeting, "challenges") => field(
            "challenges",
            "challenges",
            refs(Kind::Challenge),
            false,
            Shared,
        ),
        (Kind::Meeting, "recommendations") => field(
            "recommendations",
            "recommendations",
            refs(Kind::Recommendation),
            false,
            Shared,
        ),
        (Kind::Meeting, "practices") => field(
            "practices",
            "practices",
            refs(Kind::Practice),
            false,
            Shared,
        ),
        // Each language titles its documents in its own words.
        (Kind::Meeting, "documents") => {
            field("documents", "documents", Widget::Documents, false, Own)
        }
        (Kind::Practice, "countries") => {
            field("countries", "countries", refs(Kind::Country), true, Shared)
        }
        (Kind::Practice, "period") => field("period", "period", Widget::Period, false, Shared),
        (Kind::Practice, "status") => field(
            "status",
            "status",
            choice::<PracticeStatus>("practice_status_", false),
            false,
            Shared,
        ),
        (Kind::Practice, "challenges") => field(
            "challenges",
            "challenges_addressed",
            refs(Kind::Challenge),
            false,
            Shared,
        ),
        (Kind::Practice, "recommendations") => field(
            "recommendations",
            "recommendations_applied",
            refs(Kind::Recommendation),
            false,
            Shared,
        ),
        (Kind::Practice, "meetings") => field(
            "meetings",
            "presented_at",
            refs(Kind::Meeting),
            false,
            Shared,
        ),
        (Kind::Country, "region") => field(
            "region",
            "region",
            choice::<Region>("region_", false),
            true,
            Shared,
        ),
        (Kind::Country, "status") => field(
            "status",
            "status",
            choice::<CountryStatus>("country_status_", false),
            false,
            Shared,
        ),
        (Kind::Country, "focal_point") => {
            field("focal_point", "focal_point", Widget::Line, false, Own)
        }
        (Kind::Challenge, "related") => field(
            "related",
            "related_challenges",
            refs(Kind::Challenge),
            false,
            Shared,
        ),
        (Kind::Recommendation, "addresses") => field(
            "addresses",
            "challenges_addressed",
            refs(Kind::Challenge),
            true,
            Shared,
        ),
        (Kind::Recommendation, "actors") => field(
            "actors",
            "actors",
            choice::<Actor>("actor_", true),
            false,
            Shared,
        ),
        _ => return None,
    })
}

/// The body, which is no field of the front matter but is edited beside
/// them.
pub fn body() -> FieldSpec {
    field(
        "body",
        "cms_body",
        Widget::Body,
        false,
        Sharing::PerLanguage,
    )
}

/// The labels' keys the editor needs beyond the fields' own: the parts of
/// a location, a period and a document.
pub const PART_LABELS: [&str; 7] = [
    "cms_city",
    "cms_country",
    "cms_period_start",
    "cms_period_end",
    "cms_document_title",
    "cms_document_file",
    "cms_document_url",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enumeration_names_its_values_as_front_matter_writes_them() {
        assert_eq!(
            variants::<PracticeStatus>(),
            &["planned", "ongoing", "completed"]
        );
        assert!(variants::<MeetingType>().contains(&"senior-officials-meeting"));
    }
}
