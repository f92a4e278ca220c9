//! The value types of front matter fields, each checked as it is read so
//! that a bad value is reported at its own line and column.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::t;
use crate::yaml::message_with_help;

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn parse(s: &str) -> Result<Date, String> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && s.chars()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(message_with_help(
                &t!("date-not-a-date", value = s),
                &t!("date-not-a-date-help"),
            ));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (num(0..4) as i32, num(5..7), num(8..10));
        if !(1..=12).contains(&month) {
            return Err(message_with_help(
                &t!("date-no-month", value = s, month = month as usize),
                &t!("date-no-month-help"),
            ));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(message_with_help(
                &t!(
                    "date-no-day",
                    value = s,
                    month = month as usize,
                    year = year.to_string(),
                    days = days_in_month(year, month) as usize
                ),
                &t!("date-no-day-help"),
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days-from-civil algorithm.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`, for machines (datetime attributes, sitemaps, feeds).
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&t!("date-shape"))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse(s).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingType {
    Webinar,
    ThematicMeeting,
    SeniorOfficialsMeeting,
    MinisterialConference,
    SteeringCommittee,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PracticeStatus {
    Planned,
    Ongoing,
    Completed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    NorthAfrica,
    WestAfrica,
    CentralAfrica,
    Europe,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountryStatus {
    Partner,
    Observer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    Governments,
    LocalAuthorities,
    CivilSociety,
    PrivateSector,
    InternationalOrganisations,
    Diaspora,
}

/// Where a meeting took place: a city in a country, or `online`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    Online,
    Place { city: String, country: String },
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Location, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Place {
            city: String,
            country: String,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Location;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&t!("location-shape"))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Location, E> {
                if s == "online" {
                    Ok(Location::Online)
                } else {
                    Err(E::custom(message_with_help(
                        &t!("location-not-a-location", value = s),
                        &t!("location-not-a-location-help"),
                    )))
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Location, A::Error> {
                let p = Place::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Location::Place {
                    city: p.city,
                    country: p.country,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A document of a meeting: a file of its bundle or a web address.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    pub title: String,
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: u16,
    #[serde(default)]
    pub end: Option<u16>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("2021-01-21").map(|d| d.iso()),
            Ok("2021-01-21".to_string())
        );
        assert!(Date::parse("2021-02-30").is_err());
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2021-2-3").is_err());
        assert!(Date::parse("2021-13-01").is_err());
        let d = |s: &str| Date::parse(s).map(|d| d.days()).unwrap_or(0);
        assert_eq!(d("1970-01-01"), 0);
        assert_eq!(d("2021-01-21"), 18_648);
        assert_eq!(d("2026-03-04") - d("2026-02-27"), 5);
    }
}
