//! Calendar months, the time unit of every date in a plan (contracts, absences).

use super::shown::{printable, shortened};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar month such as April 2026, written `"2026-04"` in plan files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    /// 1 = January ... 12 = December.
    month: u8,
}

/// Why a text is not a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthParseError(pub String);

impl fmt::Display for MonthParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a month: write it as YYYY-MM, e.g. 2026-04",
            printable(&shortened(&self.0))
        )
    }
}

impl YearMonth {
    /// The earliest and latest years a plan may mention; anything else is a typo.
    pub const MIN_YEAR: u16 = 1990;
    pub const MAX_YEAR: u16 = 2200;

    /// `None` when the month is not 1-12 or the year is outside the accepted range.
    pub fn new(year: u16, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && (Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year))
            .then_some(Self { year, month })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// Months elapsed since January of year 0: makes month arithmetic plain integer arithmetic.
    pub fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index() - self.index()
    }

    /// The month `n` months after this one (before it when `n` is negative), if still in range.
    pub fn plus_months(self, n: i32) -> Option<Self> {
        let index = self.index().checked_add(n)?;
        let year = u16::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Self::new(year, month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = MonthParseError;

    /// Exactly `YYYY-MM`: four digits, a hyphen, two digits. Nothing else is taken for a month
    /// (no spaces, signs or one-digit months), so a file means one thing only.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || MonthParseError(text.to_owned());
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        let (year, month) = match (text.get(..4), text.get(4..5), text.get(5..)) {
            (Some(year), Some("-"), Some(month)) if month.len() == 2 => (year, month),
            _ => return Err(err()),
        };
        if !digits(year) || !digits(month) {
            return Err(err());
        }
        let year: u16 = year.parse().map_err(|_| err())?;
        let month: u8 = month.parse().map_err(|_| err())?;
        Self::new(year, month).ok_or_else(err)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(text: &str) -> YearMonth {
        text.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_year_month() {
        assert_eq!(ym("2026-04").to_string(), "2026-04");
        assert_eq!(ym("2026-04"), YearMonth::new(2026, 4).unwrap());
    }

    #[test]
    fn rejects_impossible_months() {
        for bad in [
            "2026-13",
            "2026-00",
            "26-04",
            "2026",
            "April 2026",
            "1899-01",
            "2026--1",
            "",
            // Only exactly YYYY-MM, digits only.
            " 2026-+4 ",
            "2026-+4",
            "2026-4",
            " 2026-04",
            "2026-04 ",
            "+026-04",
            "2026-004",
            "2026-0é",
            "２０２６-04",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn the_refusal_quotes_the_text_escaped_and_short() {
        let error = "\u{1b}[2J".parse::<YearMonth>().unwrap_err().to_string();
        assert_eq!(
            error,
            "'\\u{1b}[2J' is not a month: write it as YYYY-MM, e.g. 2026-04"
        );
        let long = "9".repeat(1_000_000).parse::<YearMonth>().unwrap_err();
        assert!(long.to_string().len() < 200);
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        // April 2026 + 12 months = April 2027; + 9 months = January 2027.
        assert_eq!(ym("2026-04").plus_months(12), Some(ym("2027-04")));
        assert_eq!(ym("2026-04").plus_months(9), Some(ym("2027-01")));
        assert_eq!(ym("2027-01").plus_months(-1), Some(ym("2026-12")));
        assert_eq!(ym("2026-04").months_until(ym("2027-03")), 11);
        assert_eq!(ym("2200-12").plus_months(1), None);
    }
}
