//! Reading dates from cells: a spreadsheet's own dates, its day numbers (46113 is 1 April 2026)
//! and dates written as text, day first as in the UK. A plan counts in months, so a date
//! becomes its month.

use super::table::{Cell, Date};
use super::values::{parse_number, quoted};
use crate::model::YearMonth;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date from a cell: a spreadsheet date, a spreadsheet's day number (46113 is 1 April
/// 2026), or text written day first (`01/04/2026`, `1-Apr-26`, `1 April 2026`), year first
/// (`2026-04-01`, `2026-04`) or as a month (`April 2026`). Ordered month first (`04/15/2026`)
/// is refused: UK dates are day first.
pub fn read_date(cell: &Cell) -> Result<Option<Date>, String> {
    let bad = |why: &str| format!("{} is not a date{why}", quoted(cell));
    let date = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(date) => *date,
        Cell::Number(n) => serial_date(*n).ok_or_else(|| bad(""))?,
        Cell::Text(text) => parse_date_text(text).map_err(|why| bad(&why))?,
    };
    Ok(Some(date))
}

/// The month of a date, when it is within the years a plan may cover.
pub fn month_of(date: Date, cell: &Cell) -> Result<YearMonth, String> {
    u16::try_from(date.year)
        .ok()
        .and_then(|year| YearMonth::new(year, date.month))
        .ok_or_else(|| {
            format!(
                "{} is outside the years a plan covers ({} to {})",
                quoted(cell),
                YearMonth::MIN_YEAR,
                YearMonth::MAX_YEAR
            )
        })
}

/// A spreadsheet's day number as a date (days since 30 December 1899, as Excel and LibreOffice
/// count for any date after February 1900).
pub fn serial_date(serial: f64) -> Option<Date> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // 25,569 is 1 January 1970.
    Some(civil_from_days(serial.floor() as i64 - 25_569))
}

/// The date `days` after 1 January 1970 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// The day number of `date` in the spreadsheet's count (the inverse of [`serial_date`]).
pub fn date_serial(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + 25_569
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The last day of `month` in `year`: where a month's end is written as a date.
pub fn last_day(year: i32, month: u8) -> u8 {
    days_in_month(year, month)
}

fn date(year: i32, month: i64, day: i64) -> Result<Date, String> {
    let month = u8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(" (there is no such month)")?;
    let day = u8::try_from(day)
        .ok()
        .filter(|&d| d >= 1 && d <= days_in_month(year, month))
        .ok_or(" (there is no such day in that month)")?;
    Ok(Date { year, month, day })
}

fn month_number(word: &str) -> Option<i64> {
    let word = word.to_lowercase();
    let word = word.get(..3)?;
    MONTHS.iter().position(|m| *m == word).map(|i| i as i64 + 1)
}

/// Two-digit years are this century: `26` is 2026.
fn full_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    match text.len() {
        2 => Some(2000 + year),
        4 => Some(year),
        _ => None,
    }
}

/// The date part of a date and time: "01/04/2026 00:00" and "2026-04-01T00:00:00" end at
/// the time.
fn without_time(text: &str) -> &str {
    text.char_indices()
        .filter(|&(_, c)| c == 'T' || c == ' ')
        .find(|&(i, _)| {
            let rest = &text[i + 1..];
            rest.starts_with(|c: char| c.is_ascii_digit()) && rest.contains(':')
        })
        .map_or(text, |(i, _)| &text[..i])
}

fn parse_date_text(text: &str) -> Result<Date, String> {
    let text = without_time(text.trim());
    if let Some(n) = parse_number(text, false)
        && !text.contains(['/', '-', '.'])
    {
        return serial_date(n).ok_or_else(String::new);
    }
    let parts: Vec<&str> = text
        .split(['/', '-', '.', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str| p.parse::<i64>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let year = full_year(y).ok_or_else(String::new)?;
            date(
                year,
                number(m).ok_or_else(String::new)?,
                number(d).ok_or_else(String::new)?,
            )
        }
        [y, m] if y.len() == 4 && number(y).is_some() && number(m).is_some() => date(
            full_year(y).ok_or_else(String::new)?,
            number(m).unwrap_or(0),
            1,
        ),
        [d, m, y] => {
            let year = full_year(y).ok_or_else(String::new)?;
            let day = number(d).ok_or_else(String::new)?;
            let month = match number(m) {
                Some(m) => m,
                None => month_number(m).ok_or_else(String::new)?,
            };
            if month > 12 && day <= 12 {
                return Err(" written day/month/year (is it month first?)".into());
            }
            date(year, month, day)
        }
        [m, y] => {
            let month = month_number(m).ok_or_else(String::new)?;
            date(full_year(y).ok_or_else(String::new)?, month, 1)
        }
        _ => Err(String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::text(t)
    }

    fn day(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn dates_in_uk_iso_and_spreadsheet_forms() {
        let april = Ok(Some(day(2026, 4, 1)));
        for written in [
            "01/04/2026",
            "1/4/2026",
            "01-04-2026",
            "01.04.26",
            "2026-04-01",
            "2026-04-01T00:00:00",
            "01/04/2026 00:00",
            "1 April 2026",
            "01-Apr-2026",
            "1-Apr-26",
            "April 2026",
            "2026-04",
            "46113",
        ] {
            assert_eq!(read_date(&text(written)), april, "{written}");
        }
        assert_eq!(read_date(&Cell::Number(46113.0)), april);
        assert_eq!(
            read_date(&text("04/15/2026")),
            Err("'04/15/2026' is not a date written day/month/year (is it month first?)".into())
        );
        assert_eq!(
            read_date(&text("31/02/2026")),
            Err("'31/02/2026' is not a date (there is no such day in that month)".into())
        );
        assert_eq!(read_date(&text("soon")), Err("'soon' is not a date".into()));
    }

    #[test]
    fn spreadsheet_day_numbers_count_from_the_end_of_1899() {
        // Excel shows 1 January 1900 as day 1 (and a 29 February 1900 that never was), so
        // from March 1900 on day n is 30 December 1899 + n days.
        assert_eq!(serial_date(61.0), Some(day(1900, 3, 1)));
        assert_eq!(serial_date(25_569.0), Some(day(1970, 1, 1)));
        assert_eq!(serial_date(45_943.541), Some(day(2025, 10, 13)));
        assert_eq!(serial_date(46_477.0), Some(day(2027, 3, 31)));
        assert_eq!(date_serial(day(2027, 3, 31)), 46_477);
        assert_eq!(date_serial(day(2024, 2, 29)), 45_351);
        assert_eq!(serial_date(45_351.0), Some(day(2024, 2, 29)));
        assert_eq!(serial_date(-5.0), None);
    }
}
