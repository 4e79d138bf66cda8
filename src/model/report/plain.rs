//! Numbers and text as a spreadsheet reads them: plain digits with a `.` decimal point and no
//! thousands separators (a separator would make Excel or LibreOffice read text), rounded as
//! the app shows each unit, and text on one line that no spreadsheet takes for a formula.

use crate::model::figures::Unit;

/// How a percentage is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentAs {
    /// `18.5%`: pasted into Excel or LibreOffice it is the number 0.185 shown as a percentage.
    Sign,
    /// `18.5`, under a heading that says "(%)": LibreOffice opens a CSV file's `18.5%` as text
    /// (unless "detect special numbers" is ticked), but reads `18.5` as a number.
    Points,
}

/// `value` as the app shows it in `unit`, for a spreadsheet: one decimal for caseloads,
/// points, ratios and percentages (of the percentage), up to two for FTE, whole pounds, and
/// whole cases rounded towards zero (capacity is never overstated). Without a unit, every
/// digit. Never `-0`; a value that is not finite (never made by the model) is left empty.
pub fn spreadsheet_number(value: f64, unit: Option<Unit>, percent: PercentAs) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let Some(unit) = unit else {
        return plain(value);
    };
    let fixed = |v: f64, decimals: usize| {
        let text = format!("{v:.decimals$}");
        // "-0.0" is zero.
        if text
            .trim_start_matches('-')
            .bytes()
            .all(|b| matches!(b, b'0' | b'.'))
        {
            format!("{:.decimals$}", 0.0)
        } else {
            text
        }
    };
    match unit {
        Unit::Caseload | Unit::Points | Unit::Ratio => fixed(value, 1),
        Unit::Cases => fixed(value.trunc(), 0),
        Unit::Money => fixed(value, 0),
        Unit::Fte => {
            let text = fixed(value, 2);
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
        Unit::Percent => {
            let points = fixed(value * 100.0, 1);
            match percent {
                PercentAs::Sign => format!("{points}%"),
                PercentAs::Points => points,
            }
        }
    }
}

/// Every digit, never in exponent form (Rust's `Display` for `f64` never uses one).
fn plain(value: f64) -> String {
    if value == 0.0 {
        "0".to_owned()
    } else {
        value.to_string()
    }
}

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) with an
/// apostrophe before it, which Excel and LibreOffice take as "this is text" and do not show.
pub fn formula_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// `text` on one line: tabs and line breaks become spaces, so a name cannot add a column or a
/// row to a pasted table.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_app_rounds_them_without_separators() {
        let n = |v, unit| spreadsheet_number(v, Some(unit), PercentAs::Sign);
        assert_eq!(n(0.18523, Unit::Percent), "18.5%");
        assert_eq!(n(-0.02, Unit::Percent), "-2.0%");
        assert_eq!(
            spreadsheet_number(0.18523, Some(Unit::Percent), PercentAs::Points),
            "18.5"
        );
        assert_eq!(n(1_372_800.4, Unit::Money), "1372800");
        assert_eq!(n(23.45678, Unit::Caseload), "23.5");
        assert_eq!(n(359.9, Unit::Cases), "359");
        assert_eq!(n(-3.2, Unit::Cases), "-3");
        assert_eq!(n(2.6, Unit::Fte), "2.6");
        assert_eq!(n(3.0, Unit::Fte), "3");
        assert_eq!(n(0.126, Unit::Fte), "0.13");
        assert_eq!(n(12345.67, Unit::Points), "12345.7");
        assert_eq!(n(-0.04, Unit::Ratio), "0.0", "never -0");
        assert_eq!(n(-0.0001, Unit::Percent), "0.0%");
        assert_eq!(spreadsheet_number(0.75, None, PercentAs::Sign), "0.75");
        assert_eq!(spreadsheet_number(220.0, None, PercentAs::Sign), "220");
        assert_eq!(spreadsheet_number(-0.0, None, PercentAs::Sign), "0");
        assert_eq!(spreadsheet_number(f64::NAN, None, PercentAs::Sign), "");
    }

    #[test]
    fn text_stays_text_on_one_line() {
        assert_eq!(formula_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(formula_safe("-1"), "'-1");
        assert_eq!(formula_safe("North"), "North");
        assert_eq!(one_line("a\tb\r\nc"), "a b  c");
    }
}
