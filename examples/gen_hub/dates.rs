//! Dates of the synthetic hub's meetings and updates.

use super::rng::Rng;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// A date between 2006 (the Rabat Declaration) and 2025. Days stop at
    /// 26 so that an end date two days later is still in the month.
    pub fn random(rng: &mut Rng) -> Date {
        Date {
            year: rng.range(2006, 2025) as u16,
            month: rng.range(1, 12) as u8,
            day: rng.range(1, 26) as u8,
        }
    }

    pub fn plus_days(self, n: u8) -> Date {
        Date {
            day: self.day + n,
            ..self
        }
    }
}
