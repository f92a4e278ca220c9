//! The hub as data, before any file is written: every entity with its id,
//! languages, titles, headings and references. Both writers (rabat-hub and
//! Hugo) print this one plan, so the two sites hold the same content.
//!
//! References only ever point to published entities, and every challenge
//! is addressed by some recommendation and every recommendation backed by
//! some practice, so `check` has few loose ends to report.

use super::countries::COUNTRIES;
pub use super::dates::Date;
use super::documents::documents;
pub use super::documents::{Document, attachment_name};
use super::lexicon::{Lexicon, Vocabulary};
use super::rng::Rng;
use super::words::{ACTIONS, ACTORS, CITIES, HEADINGS, MEETING_TYPES, PROBLEMS, SCHEMES, TOPICS};

pub const LANGS: [&str; 2] = ["fr", "en"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Country,
    Challenge,
    Recommendation,
    Meeting,
    Practice,
    Page,
}

impl Kind {
    /// The order entities are laid out in the plan.
    pub const ALL: [Kind; 6] = [
        Kind::Country,
        Kind::Challenge,
        Kind::Recommendation,
        Kind::Meeting,
        Kind::Practice,
        Kind::Page,
    ];

    pub fn folder(self) -> &'static str {
        match self {
            Kind::Country => "countries",
            Kind::Challenge => "challenges",
            Kind::Recommendation => "recommendations",
            Kind::Meeting => "meetings",
            Kind::Practice => "practices",
            Kind::Page => "pages",
        }
    }
}

pub struct Meeting {
    /// Index into `MEETING_TYPES`.
    pub ty: usize,
    pub date: Date,
    pub end_date: Option<Date>,
    /// `None` for an online meeting; otherwise a city and a country entity.
    pub location: Option<(&'static str, usize)>,
    pub chairs: Vec<usize>,
    pub countries: Vec<usize>,
    pub organisations: Vec<usize>,
    pub challenges: Vec<usize>,
    pub recommendations: Vec<usize>,
    pub practices: Vec<usize>,
    pub documents: Vec<Document>,
}

pub struct Practice {
    pub countries: Vec<usize>,
    pub organisations: Vec<usize>,
    pub period: Option<(u16, Option<u16>)>,
    pub status: Option<&'static str>,
    pub challenges: Vec<usize>,
    pub recommendations: Vec<usize>,
    pub meetings: Vec<usize>,
}

/// A kind's own fields; references are indices into `Plan::entities`,
/// organisations into `Plan::organisations`.
pub enum Fields {
    Meeting(Meeting),
    Practice(Practice),
    /// Index into `COUNTRIES`, and the focal point if one is named.
    Country(usize, Option<[String; 2]>),
    Challenge {
        related: Vec<usize>,
    },
    Recommendation {
        addresses: Vec<usize>,
        actors: Vec<&'static str>,
    },
    Page,
}

pub struct Entity {
    pub kind: Kind,
    pub id: String,
    /// Which of `LANGS` this entity is written in.
    pub langs: [bool; 2],
    pub draft: bool,
    /// Written as a folder with an attachment beside its text.
    pub bundle: bool,
    pub title: [String; 2],
    pub summary: [String; 2],
    /// Indices into `HEADINGS[lang]`, distinct within a version.
    pub headings: [Vec<usize>; 2],
    pub themes: Vec<usize>,
    pub updated: Option<Date>,
    /// Whether each version keeps an old URL as an alias.
    pub alias: bool,
    /// Whether each version overrides its last URL segment.
    pub slug: bool,
    pub fields: Fields,
}

impl Entity {
    /// The language a link from a page in `lang` lands in: the page's own,
    /// or the other one (rabat-hub marks it as a fallback).
    pub fn resolved_lang(&self, lang: usize) -> usize {
        if self.langs[lang] { lang } else { 1 - lang }
    }
}

pub struct Plan {
    pub seed: u64,
    /// The words of running text, by language.
    pub lexicon: [Lexicon; 2],
    /// Entities of each kind, in the order of `Kind::ALL`.
    pub counts: [(Kind, usize); 6],
    pub entities: Vec<Entity>,
    /// Every entity that is not a draft: what references may name.
    pub published: Vec<usize>,
    pub themes: Vec<Term>,
    pub organisations: Vec<Term>,
}

/// A theme or an organisation of config.yaml, with its labels.
pub struct Term {
    pub id: String,
    pub label: [String; 2],
}

/// How many entities of each kind a hub of `n` has: the 57 states at most,
/// a few free pages, and the rest in the proportions of a real hub.
pub fn counts(n: usize) -> [(Kind, usize); 6] {
    let countries = (n * 15 / 100).clamp(3, COUNTRIES.len());
    let pages = (n / 150).clamp(1, 8);
    let rest = n.saturating_sub(countries + pages).max(12);
    let meetings = (rest * 10 / 85).max(2);
    let practices = (rest * 35 / 85).max(4);
    let challenges = (rest * 15 / 85).max(2);
    let recommendations = rest
        .saturating_sub(meetings + practices + challenges)
        .max(2);
    [
        (Kind::Country, countries),
        (Kind::Challenge, challenges),
        (Kind::Recommendation, recommendations),
        (Kind::Meeting, meetings),
        (Kind::Practice, practices),
        (Kind::Page, pages),
    ]
}

impl Plan {
    pub fn new(
        n: usize,
        seed: u64,
        vocabulary: Vocabulary,
        themes: Vec<Term>,
        organisations: Vec<Term>,
    ) -> Plan {
        let mut plan = Plan {
            seed,
            lexicon: [0, 1].map(|lang| Lexicon::new(vocabulary, lang, n, seed)),
            counts: counts(n),
            entities: Vec::with_capacity(n),
            published: Vec::new(),
            themes,
            organisations,
        };
        let recommendations = plan.range(Kind::Recommendation).len();
        for (kind, count) in plan.counts {
            for i in 0..count {
                let e = plan.entity(kind, i, recommendations);
                plan.entities.push(e);
            }
        }
        plan.published = (0..plan.entities.len())
            .filter(|i| !plan.entities[*i].draft)
            .collect();
        plan.link();
        plan
    }

    /// The indices of a kind's entities in `entities`.
    pub fn range(&self, kind: Kind) -> std::ops::Range<usize> {
        let mut start = 0;
        for (k, n) in self.counts {
            if k == kind {
                return start..start + n;
            }
            start += n;
        }
        start..start
    }

    /// One entity's identity and text, without its references yet.
    /// `recommendations` is their count: the practices that back them
    /// first are never drafts.
    fn entity(&self, kind: Kind, i: usize, recommendations: usize) -> Entity {
        let mut rng = Rng::derive(self.seed, &[1, kind as u64, i as u64]);
        let topic = *rng.pick(&TOPICS);
        let (id, title, fields) = match kind {
            Kind::Country => {
                let (code, fr, en, _, _) = COUNTRIES[i];
                let focal = rng.percent(60).then(|| {
                    [
                        format!("Ministère chargé de la migration ({fr})"),
                        format!("Ministry in charge of migration ({en})"),
                    ]
                });
                (
                    code.to_string(),
                    [fr.to_string(), en.to_string()],
                    Fields::Country(i, focal),
                )
            }
            Kind::Challenge => {
                let (pid, fr, en) = *rng.pick(&PROBLEMS);
                (
                    format!("{pid}-{i}"),
                    [format!("{fr} : {}", topic.1), format!("{en}: {}", topic.2)],
                    Fields::Challenge {
                        related: Vec::new(),
                    },
                )
            }
            Kind::Recommendation => {
                let (aid, fr, en) = *rng.pick(&ACTIONS);
                (
                    format!("{aid}-{i}"),
                    [
                        format!("{fr} pour {}", topic.1),
                        format!("{en} for {}", topic.2),
                    ],
                    Fields::Recommendation {
                        addresses: Vec::new(),
                        actors: Vec::new(),
                    },
                )
            }
            Kind::Meeting => {
                let ty = rng.below(MEETING_TYPES.len());
                let date = Date::random(&mut rng);
                let city = *rng.pick(&CITIES);
                let (_, fr, en) = MEETING_TYPES[ty];
                (
                    format!("{date}-{}-{i}", topic.0),
                    [
                        format!("{fr} {} ({city}, {})", topic.1, date.year),
                        format!("{en} {} ({city}, {})", topic.2, date.year),
                    ],
                    Fields::Meeting(Meeting {
                        ty,
                        date,
                        end_date: None,
                        location: None,
                        chairs: Vec::new(),
                        countries: Vec::new(),
                        organisations: Vec::new(),
                        challenges: Vec::new(),
                        recommendations: Vec::new(),
                        practices: Vec::new(),
                        documents: Vec::new(),
                    }),
                )
            }
            Kind::Practice => {
                let (fr_scheme, en_scheme) = *rng.pick(&SCHEMES);
                let (code, fr, en, _, _) = *rng.pick(&COUNTRIES);
                (
                    format!("{}-{code}-{i}", topic.0),
                    [
                        format!("{fr} : {fr_scheme} pour {}", topic.1),
                        format!("{en}: {en_scheme} for {}", topic.2),
                    ],
                    Fields::Practice(Practice {
                        countries: Vec::new(),
                        organisations: Vec::new(),
                        period: None,
                        status: None,
                        challenges: Vec::new(),
                        recommendations: Vec::new(),
                        meetings: Vec::new(),
                    }),
                )
            }
            Kind::Page => (
                format!("page-{i}"),
                [
                    format!("Fiche d'information n° {}", i + 1),
                    format!("Information sheet no. {}", i + 1),
                ],
                Fields::Page,
            ),
        };
        // A few entities exist in one language only (rabat-hub shows them
        // in the other language's lists, marked); countries are complete.
        let langs = match kind {
            Kind::Country | Kind::Page => [true, true],
            _ if rng.percent(3) => [true, false],
            _ if rng.percent(3) => [false, true],
            _ => [true, true],
        };
        // Drafts only where nothing needs them: practices beyond those that
        // back a recommendation (see `link`), and free pages.
        let draft = match kind {
            Kind::Practice => i >= recommendations && rng.percent(1),
            Kind::Page => i > 0 && rng.percent(10),
            _ => false,
        };
        let bundle = match kind {
            Kind::Meeting => rng.percent(20),
            Kind::Practice => rng.percent(5),
            _ => false,
        };
        let headings = [
            rng.distinct(3, 6, HEADINGS[0].len()),
            rng.distinct(3, 6, HEADINGS[1].len()),
        ];
        let summary = [
            self.lexicon[0].sentence(&mut rng, 15, 35),
            self.lexicon[1].sentence(&mut rng, 15, 35),
        ];
        let themes = rng.distinct(1, 2, self.themes.len());
        let updated = rng.percent(20).then(|| Date::random(&mut rng));
        let movable = matches!(kind, Kind::Meeting | Kind::Practice);
        Entity {
            kind,
            id,
            langs,
            draft,
            bundle,
            title,
            summary,
            headings,
            themes,
            updated,
            alias: movable && rng.percent(2),
            slug: movable && rng.percent(1),
            fields,
        }
    }

    /// Draws every reference, now that every entity exists.
    fn link(&mut self) {
        let ranges: Vec<std::ops::Range<usize>> =
            Kind::ALL.iter().map(|k| self.range(*k)).collect();
        let [
            countries,
            challenges,
            recommendations,
            meetings,
            practices,
            _,
        ] = <[_; 6]>::try_from(ranges).unwrap_or_else(|_| unreachable!("six kinds"));
        let published = |plan: &Plan, r: &std::ops::Range<usize>| -> Vec<usize> {
            r.clone().filter(|i| !plan.entities[*i].draft).collect()
        };
        let pub_practices = published(self, &practices);
        let (orgs, seed) = (self.organisations.len(), self.seed);
        for idx in 0..self.entities.len() {
            let mut rng = Rng::derive(seed, &[2, idx as u64]);
            let kind = self.entities[idx].kind;
            // `k` distinct entities of a range, never `idx` itself.
            let mut some = |r: &std::ops::Range<usize>, lo: usize, hi: usize| -> Vec<usize> {
                let mut v: Vec<usize> = rng
                    .distinct(lo, hi, r.len())
                    .into_iter()
                    .map(|x| r.start + x)
                    .collect();
                v.retain(|x| *x != idx);
                v
            };
            let fields = match kind {
                Kind::Challenge => Fields::Challenge {
                    related: some(&challenges, 0, 3),
                },
                Kind::Recommendation => {
                    // Each challenge is addressed at least once.
                    let nth = idx - recommendations.start;
                    let mut addresses = vec![challenges.start + nth % challenges.len()];
                    for c in some(&challenges, 0, 2) {
                        if !addresses.contains(&c) {
                            addresses.push(c);
                        }
                    }
                    let mut r2 = Rng::derive(seed, &[3, idx as u64]);
                    let actors = r2
                        .distinct(1, 3, ACTORS.len())
                        .into_iter()
                        .map(|a| ACTORS[a])
                        .collect();
                    Fields::Recommendation { addresses, actors }
                }
                Kind::Meeting => {
                    let chairs = some(&countries, 1, 2);
                    let attended = some(&countries, 2, 8);
                    let challenges = some(&challenges, 2, 8);
                    let recs = some(&recommendations, 2, 8);
                    let mut r2 = Rng::derive(seed, &[3, idx as u64]);
                    let practices: Vec<usize> = r2
                        .distinct(1, 6, pub_practices.len())
                        .into_iter()
                        .map(|x| pub_practices[x])
                        .collect();
                    let organisations = r2.distinct(1, 5, orgs);
                    let e = &self.entities[idx];
                    let Fields::Meeting(m) = &e.fields else {
                        unreachable!("a meeting has meeting fields")
                    };
                    let date = m.date;
                    let ty = m.ty;
                    let location = (!r2.percent(30)).then(|| {
                        let country = countries.start + r2.below(countries.len());
                        (*r2.pick(&CITIES), country)
                    });
                    let documents = documents(&mut r2, e);
                    Fields::Meeting(Meeting {
                        ty,
                        date,
                        end_date: r2.percent(25).then(|| date.plus_days(r2.range(1, 2) as u8)),
                        location,
                        chairs,
                        countries: attended,
                        organisations,
                        challenges,
                        recommendations: recs,
                        practices,
                        documents,
                    })
                }
                Kind::Practice => {
                    // Each recommendation is backed by at least one practice.
                    let nth = idx - practices.start;
                    let mut recs = Vec::new();
                    if nth < recommendations.len() {
                        recs.push(recommendations.start + nth);
                    }
                    for r in some(&recommendations, 0, 2) {
                        if !recs.contains(&r) {
                            recs.push(r);
                        }
                    }
                    let countries = some(&countries, 1, 3);
                    let challenges = some(&challenges, 1, 3);
                    let meetings = some(&meetings, 0, 2);
                    let mut r2 = Rng::derive(seed, &[3, idx as u64]);
                    let start = r2.range(2008, 2024) as u16;
                    Fields::Practice(Practice {
                        countries,
                        organisations: r2.distinct(0, 3, orgs),
                        period: r2.percent(70).then(|| {
                            let end = r2.percent(50).then(|| start + r2.range(1, 4) as u16);
                            (start, end)
                        }),
                        status: r2
                            .percent(80)
                            .then(|| *r2.pick(&["planned", "ongoing", "completed"])),
                        challenges,
                        recommendations: recs,
                        meetings,
                    })
                }
                Kind::Country | Kind::Page => continue,
            };
            self.entities[idx].fields = fields;
        }
    }
}
