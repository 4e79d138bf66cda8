//! Reading one cell's value: FTE, weekly hours, counts, names (dates: `dates.rs`). Each reader returns
//! `Ok(None)` for an empty cell, the value, or what is wrong in a service manager's words
//! (the caller adds the row and column: "row 48, FTE: '1.2' is more than full time").

use super::table::Cell;
use super::words::normalise;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::text(t)
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
