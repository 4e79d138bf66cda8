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
    fn long_names_are_cut_at_a_character_boundary() {
        assert_eq!(shortened("North"), "North");
        let exact = "é".repeat(SHOWN_NAME_CHARS);
        assert_eq!(shortened(&exact), exact);
        let long = "é".repeat(SHOWN_NAME_CHARS + 1);
        assert_eq!(shortened(&long), format!("{exact}…"));
    }
}
