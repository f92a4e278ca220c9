//! The files `rabat-hub new` writes: one per language, the kind's front
//! matter filled in with placeholders and comments that say what to put
//! there. Each placeholder is marked `# ✎` (the body's with a leading
//! `✎`): `build` and `serve` show the page, and `check` warns of every
//! mark left, so `check --strict` fails until the editor has written the
//! real values. Pure: `cmd::new` does the I/O. `init` writes a whole new
//! hub (`rabat-hub init`).

pub mod init;

use crate::config::Config;
use crate::frontmatter::PLACEHOLDER;
use crate::kind::Kind;
use crate::lang::Lang;
use crate::messages::{self, Language};

/// What a new entity needs from the site around it.
pub struct Context<'a> {
    pub config: &'a Config,
    /// Today, `YYYY-MM-DD`, for meetings.
    pub today: &'a str,
    /// An existing country, for the fields that require one.
    pub a_country: Option<&'a str>,
    /// An existing challenge, for a recommendation's `addresses`.
    pub a_challenge: Option<&'a str>,
}

/// A file to write, relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    pub path: String,
    pub text: String,
}

/// "ofii-cameroon" → "Ofii cameroon": a title that is obviously a draft.
fn title_from(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn path(kind: Kind, id: &str, lang: &Lang) -> String {
    match kind {
        // Meetings are bundles: their documents go beside the text.
        Kind::Meeting => format!("content/{}/{id}/index.{lang}.md", kind.folder()),
        _ => format!("content/{}/{id}.{lang}.md", kind.folder()),
    }
}

/// The files for a new entity in `langs`. `Err` says why it cannot be made
/// (a required reference with nothing to point to yet), in the editor's
/// language. The hints in a file are in the file's language when the
/// catalogues have it, else in the editor's.
pub fn files(
    kind: Kind,
    id: &str,
    langs: &[Lang],
    cx: &Context<'_>,
) -> Result<Vec<NewFile>, String> {
    let mut out = Vec::new();
    for lang in langs {
        let hint = |id: &str| {
            let language = Language::parse(lang.as_str()).unwrap_or_else(messages::chosen);
            messages::text_in(language, id, &[])
        };
        let body = format!("{PLACEHOLDER} {}\n", hint("new-body"));
        let fields = kind_fields(kind, cx, &hint, id)?;
        let text = format!(
            "---\ntitle: \"{title}\"  # {PLACEHOLDER} {title_hint}\nsummary: \"{summary}\"  # {PLACEHOLDER} {summary_hint}\n{fields}# themes: [{theme}]\n# draft: true  # {draft_hint}\n---\n{body}",
            title = title_from(id),
            title_hint = hint("new-title-hint"),
            summary = hint("new-summary"),
            summary_hint = hint("new-summary-hint"),
            theme = cx
                .config
                .themes
                .keys()
                .next()
                .map_or("a-theme-id", String::as_str),
            draft_hint = hint("new-draft-hint"),
        );
        out.push(NewFile {
            path: path(kind, id, lang),
            text,
        });
    }
    Ok(out)
}

impl Context<'_> {
    /// The date a meeting's id begins with (`2026-03-04-webinar`), else
    /// today: a placeholder either way, marked as such.
    fn date_of<'a>(&'a self, id: &'a str) -> &'a str {
        match id.get(..10) {
            Some(d) if crate::frontmatter::types::Date::parse(d).is_ok() => d,
            _ => self.today,
        }
    }
}

fn kind_fields(
    kind: Kind,
    cx: &Context<'_>,
    hint: &dyn Fn(&str) -> String,
    id: &str,
) -> Result<String, String> {
    let country = || cx.a_country.ok_or_else(|| crate::t!("new-no-country"));
    Ok(match kind {
        Kind::Meeting => format!(
            "date: {today}  # {PLACEHOLDER} {d}\ntype: webinar  # {PLACEHOLDER} webinar, thematic-meeting, senior-officials-meeting, ministerial-conference, steering-committee, other\n# end_date: {today}\nlocation: online  # {PLACEHOLDER} {l}\n# chairs: []\n# countries: []\n# organisations: []\n# challenges: []\n# recommendations: []\n# practices: []\n# documents:\n#   - {{ title: \"…\", file: annexe.pdf }}\n",
            today = cx.date_of(id),
            d = hint("new-meeting-date"),
            l = hint("new-meeting-location"),
        ),
        Kind::Practice => format!(
            "countries: [{c}]  # {PLACEHOLDER} {h}\n# organisations: []\n# period: {{ start: 2020, end: 2022 }}\n# status: ongoing  # planned, ongoing, completed\n# challenges: []\n# recommendations: []\n# meetings: []\n",
            c = country()?,
            h = hint("new-practice-countries"),
        ),
        Kind::Country => format!(
            "region: west-africa  # {PLACEHOLDER} north-africa, west-africa, central-africa, europe\nstatus: partner  # {PLACEHOLDER} partner, observer\n# focal_point: \"{h}\"\n",
            h = hint("new-country-focal-point"),
        ),
        Kind::Challenge => "# related: []\n".to_string(),
        Kind::Recommendation => format!(
            "addresses: [{c}]  # {PLACEHOLDER} {h}\n# actors: [governments]  # governments, local-authorities, civil-society, private-sector, international-organisations, diaspora\n",
            c = cx
                .a_challenge
                .ok_or_else(|| crate::t!("new-no-challenge"))?,
            h = hint("new-recommendation-addresses"),
        ),
        Kind::Page => String::new(),
    })
}

/// Today's date in UTC as `YYYY-MM-DD`, from days since 1970-01-01.
pub fn civil_date(days_since_epoch: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days_since_epoch + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(18_648), "2021-01-21");
        assert_eq!(civil_date(20_783), "2026-11-26");
    }

    #[test]
    fn titles() {
        assert_eq!(title_from("ofii-cameroon"), "Ofii cameroon");
    }

    #[test]
    fn hints_are_in_the_files_language_or_else_the_editors() {
        let yaml = "title: { fr: T, en: T, pt: T }\nbase_url: /\ndefault_language: fr\nlanguages: [fr, en, pt]\n";
        let config = crate::config::parse(yaml).unwrap_or_else(|d| panic!("{d:?}"));
        let cx = Context {
            config: &config,
            today: "2026-12-01",
            a_country: Some("ma"),
            a_challenge: None,
        };
        let files = files(Kind::Meeting, "2026-12-01-x", &config.languages, &cx)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = |lang: &str| {
            files
                .iter()
                .find(|f| f.path.ends_with(&format!(".{lang}.md")))
                .map(|f| f.text.clone())
                .unwrap_or_default()
        };
        assert!(
            text("fr").contains("premier jour de la réunion"),
            "{}",
            text("fr")
        );
        assert!(text("fr").contains("Le texte, en Markdown"));
        assert!(text("en").contains("first day of the meeting"));
        // No catalogue in Portuguese: the editor's language (English here).
        assert!(text("pt").contains("first day of the meeting"));
        assert!(!text("en").contains("réunion"));
        // A required reference with nothing to point to is refused.
        let none = files_of_recommendation(&cx);
        assert!(none.contains("challenge"), "{none}");
    }

    fn files_of_recommendation(cx: &Context<'_>) -> String {
        files(Kind::Recommendation, "r", &cx.config.languages, cx)
            .err()
            .unwrap_or_default()
    }
}
