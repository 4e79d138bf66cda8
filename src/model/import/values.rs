//! Reading one cell's value: FTE, weekly hours, dates, counts, names. Each reader returns
//! `Ok(None)` for an empty cell, the value, or what is wrong in a service manager's words
//! (the caller adds the row and column: "row 48, FTE: '1.2' is more than full time").

use super::table::{Cell, Date};
use super::words::normalise;
use crate::model::YearMonth;
use crate::model::shown::{number, printable, shortened};
use crate::model::validate::{MAX_CASE_COUNT, MIN_FTE};

/// A cell's text as a message quotes it: escaped and at most 80 characters.
pub fn quoted(cell: &Cell) -> String {
    format!("'{}'", printable(&shortened(&cell.shown())))
}

/// A number from text as spreadsheets write it: `0.8`, `80%` (0.8), `1,234` or, where the
/// file uses decimal commas, `0,8`. `None` when the text is not a number.
pub fn parse_number(text: &str, decimal_comma: bool) -> Option<f64> {
    let text = text.trim();
    let (text, percent) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let plain: String = if decimal_comma && !text.contains('.') {
        text.replace(',', ".")
    } else {
        text.replace(',', "")
    };
    let plain = plain.replace('−', "-");
    if plain.is_empty()
        || !plain
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    let value: f64 = plain.parse().ok()?;
    value
        .is_finite()
        .then_some(if percent { value / 100.0 } else { value })
}

fn cell_number(cell: &Cell, decimal_comma: bool) -> Result<Option<f64>, ()> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Text(t) => parse_number(t, decimal_comma).map(Some).ok_or(()),
        Cell::Date(_) => Err(()),
    }
}

/// An FTE: above 0, at most 1 (full time). "Full time" is read as 1.
pub fn read_fte(cell: &Cell, decimal_comma: bool) -> Result<Option<f64>, String> {
    if let Cell::Text(t) = cell
        && matches!(
            normalise(t).as_str(),
            "full time" | "ft" | "f t" | "fulltime"
        )
    {
        return Ok(Some(1.0));
    }
    let fte = cell_number(cell, decimal_comma).map_err(|()| {
        format!(
            "{} is not a number: write an FTE such as 1 or 0.6",
            quoted(cell)
        )
    })?;
    fte.map(|fte| check_fte(fte, cell)).transpose()
}

fn check_fte(fte: f64, cell: &Cell) -> Result<f64, String> {
    if fte > 1.0 {
        Err(format!("{} is more than full time", quoted(cell)))
    } else if fte <= 0.0 {
        Err(format!(
            "{} is not above 0: an FTE is above 0 and at most 1",
            quoted(cell)
        ))
    } else if fte < MIN_FTE {
        Err(format!(
            "{} is less than the smallest FTE, {MIN_FTE}",
            quoted(cell)
        ))
    } else {
        Ok(fte)
    }
}

/// Weekly hours as an FTE: hours divided by the full-time week, to four decimal places.
pub fn read_hours(
    cell: &Cell,
    full_time_hours: f64,
    decimal_comma: bool,
) -> Result<Option<f64>, String> {
    let hours = cell_number(cell, decimal_comma).map_err(|()| {
        format!(
            "{} is not a number of hours: write it such as 37 or 22.5",
            quoted(cell)
        )
    })?;
    let Some(hours) = hours else {
        return Ok(None);
    };
    if hours > full_time_hours {
        return Err(format!(
            "{} hours is more than the full-time week of {} hours",
            quoted(cell),
            number(full_time_hours)
        ));
    }
    let fte = (hours / full_time_hours * 10_000.0).round() / 10_000.0;
    check_fte(fte, cell).map(Some).map_err(|_| {
        format!(
            "{} hours is not enough for a post: at least {} hours of a {}-hour week",
            quoted(cell),
            number(MIN_FTE * full_time_hours),
            number(full_time_hours)
        )
    })
}

/// A count of cases: a whole number from 0 to the plausible most.
pub fn read_count(cell: &Cell, decimal_comma: bool) -> Result<u32, String> {
    let value = cell_number(cell, decimal_comma)
        .map_err(|()| format!("{} is not a number of cases", quoted(cell)))?
        .unwrap_or(0.0);
    if value < 0.0 || value.fract() != 0.0 {
        return Err(format!("{} is not a whole number of cases", quoted(cell)));
    }
    if value > f64::from(MAX_CASE_COUNT) {
        return Err(format!(
            "{} is more than the plausible {MAX_CASE_COUNT} cases",
            quoted(cell)
        ));
    }
    Ok(value as u32)
}

/// A name, or `None` for blank. A number is not a name (a column of the wrong kind).
pub fn read_text(cell: &Cell, what: &str) -> Result<Option<String>, String> {
    match cell {
        Cell::Empty => Ok(None),
        // A CSV file's cells are all text: a number there is still not a name.
        Cell::Text(t) if parse_number(t, false).is_none() => {
            Ok(Some(unescape_formula(t).to_owned()))
        }
        Cell::Text(_) | Cell::Number(_) | Cell::Date(_) => {
            Err(format!("{} is a number or date, not {what}", quoted(cell)))
        }
    }
}

/// A cell's text whatever it holds (employee numbers are numbers in a workbook).
pub fn read_code(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(t) => Some(unescape_formula(t).to_owned()),
        other => Some(other.shown()),
    }
}

/// Text the app's export protected from being run as a spreadsheet formula (`'=Smith`) back
/// as it was.
pub fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

/// A name that says the post is vacant: "Vacant", "VACANCY", "Vacant post", "-".
pub fn is_vacancy(name: &str) -> bool {
    let words = normalise(name);
    words.is_empty()
        || matches!(
            words.as_str(),
            "vacant" | "vacancy" | "vacant post" | "vacancy post" | "tbc" | "n a" | "none"
        )
}

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
    fn fte_is_read_from_numbers_percentages_and_decimal_commas() {
        assert_eq!(read_fte(&text("0.8"), false), Ok(Some(0.8)));
        assert_eq!(read_fte(&text("80%"), false), Ok(Some(0.8)));
        assert_eq!(read_fte(&text("0,6"), true), Ok(Some(0.6)));
        assert_eq!(read_fte(&Cell::Number(1.0), false), Ok(Some(1.0)));
        assert_eq!(read_fte(&text("Full time"), false), Ok(Some(1.0)));
        assert_eq!(read_fte(&Cell::Empty, false), Ok(None));
        assert_eq!(
            read_fte(&text("1.2"), false),
            Err("'1.2' is more than full time".into())
        );
        assert_eq!(
            read_fte(&text("0"), false),
            Err("'0' is not above 0: an FTE is above 0 and at most 1".into())
        );
        assert_eq!(
            read_fte(&text("half"), false),
            Err("'half' is not a number: write an FTE such as 1 or 0.6".into())
        );
    }

    #[test]
    fn hours_are_a_share_of_the_full_time_week() {
        // 22.5 / 37 = 0.608108... → 0.6081; 18.5 / 37 = 0.5 exactly.
        assert_eq!(read_hours(&text("22.5"), 37.0, false), Ok(Some(0.6081)));
        assert_eq!(read_hours(&text("18,5"), 37.0, true), Ok(Some(0.5)));
        assert_eq!(read_hours(&text("36"), 36.0, false), Ok(Some(1.0)));
        assert_eq!(
            read_hours(&text("40"), 37.0, false),
            Err("'40' hours is more than the full-time week of 37 hours".into())
        );
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

    #[test]
    fn counts_names_and_vacancies() {
        assert_eq!(read_count(&text("12"), false), Ok(12));
        assert_eq!(read_count(&Cell::Empty, false), Ok(0));
        assert_eq!(
            read_count(&text("2.5"), false),
            Err("'2.5' is not a whole number of cases".into())
        );
        assert_eq!(
            read_text(&Cell::Number(10234.0), "a name"),
            Err("'10234' is a number or date, not a name".into())
        );
        assert_eq!(
            read_text(&text("'=Smith"), "a name"),
            Ok(Some("=Smith".into()))
        );
        assert_eq!(
            read_text(&text("12345"), "a name"),
            Err("'12345' is a number or date, not a name".into())
        );
        assert_eq!(read_code(&Cell::Number(10234.0)), Some("10234".into()));
        assert!(is_vacancy("VACANT POST"));
        assert!(is_vacancy("-"));
        assert!(!is_vacancy("Siân Evans"));
    }
}
