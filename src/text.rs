//! How figures are written for people, shared by the command line and the desktop app so both
//! say the same thing the same way. A missing value ("no value", e.g. the caseload of a team
//! with no case-holders) is always an en dash, never NaN or 0.

/// Names from a plan file made safe to print: [`printable`] writes control characters out
/// (`\n`, `\u{1b}`), so a name can neither act on a terminal nor start a new line of a table;
/// [`shortened`] keeps the first 80 characters of a name, so one name cannot make every row of a
/// table megabytes wide. Defined in the model, whose own messages need them; every front end
/// uses them from here.
pub use crate::model::shown::{count, grouped, month_label, printable, shortened, thousands};

use crate::model::figures::Unit;

pub mod axis_labels;

/// Shown for a figure that has no value.
pub const NO_VALUE: &str = "–";

/// `0.253` → `25.3%`.
pub fn percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(
        || NO_VALUE.to_owned(),
        |f| format!("{}%", grouped(f * 100.0, 1)),
    )
}

/// One decimal place, thousands separated: `13.0769` → `13.1`, `12345.67` → `12,345.7`.
pub fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| NO_VALUE.to_owned(), |v| grouped(v, 1))
}

/// Whole cases, rounded towards zero so capacity is never overstated, thousands separated:
/// `14.9` → `14`, `-3.2` → `-3`, `577977` → `577,977`.
pub fn whole_cases(value: f64) -> String {
    grouped(value.trunc(), 0)
}

/// A value on a chart's axis, with as many decimals as the distance between marks needs
/// (none for a step of 1 or more, one for 0.5, two for 0.05) and thousands separated:
/// `300000, step 100000` → `300,000`.
pub fn axis_number(value: f64, step: f64) -> String {
    let decimals = if step > 0.0 && step < 1.0 {
        (-step.log10()).ceil().clamp(0.0, 4.0) as usize
    } else {
        0
    };
    grouped(value, decimals)
}

/// Whole cases and the word: `1 case`, `14 cases`, `1,234 cases` (see [`whole_cases`]).
pub fn cases(value: f64) -> String {
    format!("{} {}", whole_cases(value), case_noun(value))
}

fn case_noun(value: f64) -> &'static str {
    if value.trunc().abs() == 1.0 {
        "case"
    } else {
        "cases"
    }
}

/// Headroom in cases, said the way a manager would: `room for 14 more cases`, or
/// `64 cases over capacity` when it is negative.
pub fn headroom(value: f64) -> String {
    if value < 0.0 {
        format!("{} over capacity", cases(-value))
    } else {
        format!("room for {} more {}", whole_cases(value), case_noun(value))
    }
}

/// FTE with up to two decimals, trailing zeros dropped, thousands separated: `2.60` → `2.6`,
/// `3.00` → `3`, `1234.5` → `1,234.5`.
pub fn fte(value: f64) -> String {
    decimal(value)
}

/// A setting or target as people write it: up to two decimals, trailing zeros dropped,
/// thousands separated: `18.0` → `18`, `17.5` → `17.5`, `1500.25` → `1,500.25`.
pub fn decimal(value: f64) -> String {
    let text = grouped(value, 2);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Whole pounds with thousands separated: `1372800.4` → `£1,372,800`; negative `-£3,200`.
pub fn money(value: f64) -> String {
    if !value.is_finite() {
        return NO_VALUE.to_owned();
    }
    let whole = value.abs().round() as u64;
    let sign = if value < 0.0 && whole > 0 { "-" } else { "" };
    format!("{sign}£{}", thousands(whole))
}

/// A number as a plain formatter writes it, with its whole part's thousands separated, for
/// input fields: `45000` → `45,000`, `-1234.50` → `-1,234.50`; other text is left alone.
pub fn with_separators(plain: &str) -> String {
    let (sign, unsigned) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = unsigned
        .split_once('.')
        .map_or((unsigned, None), |(w, f)| (w, Some(f)));
    match whole.parse::<u64>() {
        Ok(n) if whole.chars().all(|c| c.is_ascii_digit()) => match fraction {
            Some(f) => format!("{sign}{}.{f}", thousands(n)),
            None => format!("{sign}{}", thousands(n)),
        },
        _ => plain.to_owned(),
    }
}

/// A number typed by a person: thousands separators and spaces are ignored and `−` is a
/// minus: `45,000` → 45000, `−2.5` → -2.5; `None` for anything else.
pub fn parse_number(typed: &str) -> Option<f64> {
    let plain: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    plain.parse().ok()
}

/// A difference with its sign: `+360`, `-2.5`, `0`, written by `format`.
pub fn signed(value: f64, format: impl Fn(f64) -> String) -> String {
    if value > 0.0 {
        format!("+{}", format(value))
    } else if value < 0.0 {
        format!("-{}", format(-value))
    } else {
        format(0.0)
    }
}

/// A figure of the catalogue written as its unit says; "no value" when it has none.
pub fn figure_value(unit: Unit, value: Option<f64>) -> String {
    let Some(v) = value else {
        return NO_VALUE.to_owned();
    };
    match unit {
        Unit::Fte => fte(v),
        Unit::Cases => whole_cases(v),
        Unit::Caseload | Unit::Ratio | Unit::Points => one_decimal(Some(v)),
        Unit::Percent => percent(Some(v)),
        Unit::Money => money(v),
    }
}

/// A difference between two values of a figure, with its sign. Percentages differ in
/// percentage points; cases are rounded, not truncated, so +359.9 reads +360.
pub fn figure_difference(unit: Unit, delta: f64) -> String {
    match unit {
        Unit::Percent => signed(delta * 100.0, |v| format!("{} pts", grouped(v, 1))),
        Unit::Cases => signed(delta, |v| grouped(v.round(), 0)),
        other => signed(delta, |v| figure_value(other, Some(v))),
    }
}

/// When an option breaks even against the baseline, in words.
pub fn break_even(b: crate::model::money::BreakEven) -> String {
    use crate::model::money::BreakEven;
    match b {
        BreakEven::NeverAbove => "never costs more".to_owned(),
        BreakEven::In { month, offset } => {
            format!("{} (month {offset})", month_label(month))
        }
        BreakEven::NotWithin => "not within the plan".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_figures_and_missing_values() {
        assert_eq!(percent(Some(0.2534)), "25.3%");
        assert_eq!(percent(None), NO_VALUE);
        assert_eq!(one_decimal(Some(34.0 / 2.6)), "13.1");
        assert_eq!(whole_cases(14.9), "14");
        assert_eq!(whole_cases(-3.2), "-3");
        assert_eq!(fte(2.6), "2.6");
        assert_eq!(fte(3.0), "3");
        assert_eq!(fte(0.25), "0.25");
        assert_eq!(headroom(14.1), "room for 14 more cases");
        assert_eq!(headroom(-63.9), "63 cases over capacity");
        assert_eq!(money(1_372_800.4), "£1,372,800");
        assert_eq!(money(-3_200.0), "-£3,200");
        assert_eq!(money(999.0), "£999");
        assert_eq!(thousands(11_400_000), "11,400,000");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(0), "0");
        assert_eq!(printable("North\nTotal"), "North\\nTotal");
        assert_eq!(signed(360.0, whole_cases), "+360");
        assert_eq!(signed(-2.5, |v| format!("{v:.1}")), "-2.5");
        assert_eq!(month_label("2027-04".parse().unwrap()), "Apr 2027");
        assert_eq!(figure_value(Unit::Money, Some(3_813.3)), "£3,813");
        assert_eq!(figure_value(Unit::Caseload, None), NO_VALUE);
        assert_eq!(figure_difference(Unit::Percent, -0.0123), "-1.2 pts");
        assert_eq!(figure_difference(Unit::Cases, 359.9), "+360");
        assert_eq!(figure_difference(Unit::Fte, -0.5), "-0.5");
    }

    #[test]
    fn every_number_people_read_has_its_thousands_separated() {
        assert_eq!(whole_cases(577_977.0), "577,977");
        assert_eq!(whole_cases(-12_345.9), "-12,345");
        assert_eq!(whole_cases(-0.4), "0");
        assert_eq!(money(300_000.0), "£300,000");
        assert_eq!(money(-1_234_567.5), "-£1,234,568");
        assert_eq!(one_decimal(Some(12_345.67)), "12,345.7");
        assert_eq!(percent(Some(123.456)), "12,345.6%");
        assert_eq!(fte(1_234.5), "1,234.5");
        assert_eq!(fte(1_000.0), "1,000");
        assert_eq!(decimal(18.0), "18");
        assert_eq!(decimal(17.5), "17.5");
        assert_eq!(decimal(100.0), "100"); // zeros of the whole part stay
        assert_eq!(decimal(1_500.25), "1,500.25");
        assert_eq!(headroom(-12_000.0), "12,000 cases over capacity");
        assert_eq!(headroom(1.5), "room for 1 more case");
        assert_eq!(cases(1.9), "1 case");
        assert_eq!(cases(-1.2), "-1 case");
        assert_eq!(cases(0.0), "0 cases");
        assert_eq!(cases(2_500.0), "2,500 cases");
        assert_eq!(figure_value(Unit::Cases, Some(577_977.2)), "577,977");
        assert_eq!(figure_value(Unit::Points, Some(20_345.06)), "20,345.1");
        assert_eq!(figure_difference(Unit::Cases, 12_345.6), "+12,346");
        assert_eq!(figure_difference(Unit::Money, -1_500.0), "-£1,500");
        assert_eq!(axis_number(300_000.0, 100_000.0), "300,000");
        assert_eq!(with_separators("45000"), "45,000");
        assert_eq!(with_separators("-1234.50"), "-1,234.50");
        assert_eq!(with_separators("12"), "12");
        assert_eq!(with_separators("inf"), "inf");
        assert_eq!(parse_number("45,000"), Some(45_000.0));
        assert_eq!(parse_number(" −2.5 "), Some(-2.5));
        assert_eq!(parse_number("£45,000"), None);
        assert_eq!(axis_number(2.5, 0.5), "2.5");
        assert_eq!(axis_number(0.25, 0.05), "0.25");
        assert_eq!(axis_number(-1_000.0, 500.0), "-1,000");
    }
}
