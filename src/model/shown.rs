//! Names and numbers from a plan file as messages show them. A name is whatever text the file
//! holds: it may carry terminal escape sequences (which would recolour or rewrite a terminal),
//! line breaks (which would forge a row in a printed table) or megabytes of text. Every message
//! that quotes a name passes it through [`printable`], and a location keeps only a
//! [`shortened`] copy. Numbers go through [`number`], so `1e-300` is not written as 300 digits.
//!
//! Here rather than in `crate::text` because the model's own messages ([`super::Problem`],
//! month errors) quote names, and the model sits below `text`; `crate::text` re-exports them.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters kept of a name quoted in a location or message: enough to recognise it.
pub const SHOWN_NAME_CHARS: usize = 80;

/// `text` with every control character written out, so it shows as one line of plain text and
/// cannot act on a terminal: `\n`, `\r` and `\t` as such, the rest as `\u{1b}`. Control
/// characters are C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F); the bidirectional-text
/// controls (U+202A–U+202E, U+2066–U+2069) are escaped too, since they reorder what a line
/// shows. Text without any is borrowed, not copied.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first [`SHOWN_NAME_CHARS`] characters of `text`, with `…` when there were more. Not
/// escaped: pass the result through [`printable`] when showing it.
pub fn shortened(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(SHOWN_NAME_CHARS) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// `2026-04` → `Apr 2026`.
pub fn month_label(month: super::YearMonth) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let name = NAMES[usize::from(month.month().clamp(1, 12)) - 1];
    format!("{name} {}", month.year())
}

/// A count with thousands separated: `11400000` → `11,400,000`.
pub fn thousands(count: u64) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// A number with `decimals` places and its whole part's thousands separated:
/// `577977.0, 0` → `577,977`, `-12345.67, 1` → `-12,345.7`. A value that rounds to zero is
/// written without a sign; not a number or infinite is written plainly (`NaN`, `inf`).
pub fn grouped(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    let plain = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let is_zero = plain.chars().all(|c| c == '0' || c == '.');
    let sign = if value < 0.0 && !is_zero { "-" } else { "" };
    let whole = thousands(whole.parse().unwrap_or(u64::MAX));
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// A count and its noun, singular for one: `count(1, "team", "teams")` → `1 team`,
/// `count(1234, "team", "teams")` → `1,234 teams`, `0 teams`.
pub fn count(n: u64, one: &str, many: &str) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", thousands(n))
}

/// A name as it reads inside a sentence: "Child in need" -> "child in need"; a name starting
/// with an abbreviation ("PLO", "UASC") is left as it is.
pub fn in_a_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// A count of cases of a type named in a file, as a sentence says it: `3 child in need
/// cases`, `1 court / PLO case` (the name escaped and shortened).
pub fn cases_of_type(n: u64, type_name: &str) -> String {
    let kind = in_a_sentence(&printable(&shortened(type_name)));
    count(n, &format!("{kind} case"), &format!("{kind} cases"))
}

/// A number from a file as a message quotes it: plainly when it is of a plausible size
/// (`0.5`, `-45000`, `NaN`, `inf`), in scientific notation when it is tiny or huge (`1e-300`).
pub fn number(value: f64) -> String {
    let size = value.abs();
    if value.is_finite() && value != 0.0 && !(1e-4..1e9).contains(&size) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_out_and_plain_text_is_borrowed() {
        assert!(matches!(printable("Siân O'Neill"), Cow::Borrowed(_)));
        assert_eq!(printable("North\nTotal"), "North\\nTotal");
        assert_eq!(printable("a\r\tb"), "a\\r\\tb");
        assert_eq!(printable("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(printable("del\u{7f} c1\u{9b}"), "del\\u{7f} c1\\u{9b}");
        assert_eq!(printable("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(printable("\0"), "\\u{0}");
    }

    #[test]
    fn numbers_of_implausible_size_are_written_short() {
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-45_000.0), "-45000");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(f64::INFINITY), "inf");
        assert_eq!(number(1e-300), "1e-300");
        assert_eq!(number(5e-324), "5e-324");
        assert_eq!(number(-1.5e300), "-1.5e300");
    }

    #[test]
    fn numbers_people_read_have_thousands_separated() {
        assert_eq!(thousands(577_977), "577,977");
        assert_eq!(thousands(11_400_000), "11,400,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(0), "0");
        assert_eq!(grouped(577_977.0, 0), "577,977");
        assert_eq!(grouped(-12_345.67, 1), "-12,345.7");
        assert_eq!(grouped(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(grouped(999.96, 1), "1,000.0"); // rounding carries into a new group
        assert_eq!(grouped(-0.04, 1), "0.0"); // no "-0.0"
        assert_eq!(grouped(0.5, 0), "0"); // rounds half to even, as format! does
        assert_eq!(grouped(f64::NAN, 1), "NaN");
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(count(1, "team", "teams"), "1 team");
        assert_eq!(count(2, "team", "teams"), "2 teams");
        assert_eq!(count(0, "team", "teams"), "0 teams");
        assert_eq!(count(1_234, "team", "teams"), "1,234 teams");
        assert_eq!(count(1, "case-holder", "case-holders"), "1 case-holder");
    }

    #[test]
    fn long_names_are_cut_at_a_character_boundary() {
        assert_eq!(shortened("North"), "North");
        let exact = "é".repeat(SHOWN_NAME_CHARS);
        assert_eq!(shortened(&exact), exact);
        let long = "é".repeat(SHOWN_NAME_CHARS + 1);
        assert_eq!(shortened(&long), format!("{exact}…"));
    }

    #[test]
    fn names_read_as_in_a_sentence_but_abbreviations_stay() {
        assert_eq!(in_a_sentence("Child in need"), "child in need");
        assert_eq!(in_a_sentence("Court / PLO"), "court / PLO");
        assert_eq!(in_a_sentence("PLO"), "PLO");
        assert_eq!(in_a_sentence("UASC care leaver"), "UASC care leaver");
        assert_eq!(in_a_sentence("x"), "x");
        assert_eq!(in_a_sentence(""), "");
        assert_eq!(cases_of_type(3, "Child in need"), "3 child in need cases");
        assert_eq!(cases_of_type(1, "Court / PLO"), "1 court / PLO case");
        assert_eq!(cases_of_type(2, "CP\nx"), "2 CP\\nx cases");
    }
}
