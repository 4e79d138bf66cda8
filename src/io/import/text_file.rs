//! CSV and other delimited text: the encoding worked out from the bytes, the delimiter from
//! the first lines, the fields read by the `csv` crate.

use super::{RowSink, SinkError};
use crate::model::import::{Cell, Row};
use encoding_rs::{UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// The text of a file: UTF-8 (a byte-order mark dropped), UTF-16 with its mark (Excel's
/// "Unicode text"), or else Windows-1252, which Excel writes for "CSV" on Windows and which
/// gives every byte a character. `Err` for binary content.
pub(super) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, &'static str> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        UTF_8.decode_without_bom_handling(rest).0
    } else if bytes.starts_with(b"\xFF\xFE") {
        UTF_16LE.decode_with_bom_removal(bytes).0
    } else if bytes.starts_with(b"\xFE\xFF") {
        UTF_16BE.decode_with_bom_removal(bytes).0
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        }
    };
    if looks_binary(&text) {
        return Err(
            "is not a table: it holds binary data, not text. Export the report from its system \
             as CSV or as an Excel workbook (.xlsx)",
        );
    }
    Ok(text)
}

/// Text whose first 64 KB hold a NUL or more than one control character in a hundred (other
/// than tabs and line breaks) is not a text table.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(65_536).collect();
    let controls = sample
        .iter()
        .filter(|&&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    sample.contains(&'\0') || controls * 100 > sample.len()
}

/// The delimiter of the first 50 lines: of comma, semicolon and tab, the one that splits the
/// most lines into the same number of fields (quoted text aside). A comma when none does.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (b',', 0usize, 0usize);
    for delimiter in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, delimiter))
            .collect();
        // The most common non-zero count, and how many lines have it.
        let mut mode = (0usize, 0usize);
        for &c in counts.iter().filter(|&&c| c > 0) {
            let lines_with = counts.iter().filter(|&&d| d == c).count();
            if (lines_with, c) > (mode.1, mode.0) {
                mode = (c, lines_with);
            }
        }
        if (mode.1, mode.0) > (best.1, best.2) {
            best = (delimiter, mode.1, mode.0);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            n += 1;
        }
    }
    n
}

/// Reads every record of `text` into `sink`, numbered as a spreadsheet numbers its rows.
pub(super) fn read(text: &str, delimiter: u8, sink: &mut RowSink) -> Result<(), SinkError> {
    let total = text.len().max(1) as f32;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut number = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                return Err(SinkError::Text(format!(
                    "row {} could not be read as CSV: {e}",
                    number + 1
                )));
            }
        }
        number += 1;
        let mut cells: Vec<Cell> = record.iter().map(Cell::text).collect();
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if cells.len() > crate::model::import::MAX_COLUMNS {
            return Err(SinkError::Table(
                crate::model::import::TableError::TooManyColumns,
            ));
        }
        let at = reader.position().byte() as f32;
        sink.push(Row { number, cells }, || at / total)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_byte_order_marks_are_read() {
        // "Siân" and "£" as Excel writes them on Windows: â is 0xE2, £ is 0xA3.
        let bytes = b"Name,Pay\nSi\xE2n,\xA332,000\n";
        assert_eq!(decode(bytes).unwrap(), "Name,Pay\nSiân,£32,000\n");
        assert_eq!(decode("\u{feff}Name".as_bytes()).unwrap(), "Name");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Siân\tFTE".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "Siân\tFTE");
        assert!(decode(b"\x00\x01\x02binary\x00").is_err());
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_lines_alike() {
        assert_eq!(sniff_delimiter("Name,Team\nA,B\n"), b',');
        // Semicolons, with decimal commas inside the fields and a title line above.
        assert_eq!(
            sniff_delimiter("Staff report\nName;FTE;Team\nA;0,8;North\nB;1;South\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("Name\tTeam\tFTE\nA, B\tNorth\t1\n"), b'\t');
        assert_eq!(
            sniff_delimiter("\"Evans, Siân\",North\n\"Smith, Jo\",South\n"),
            b','
        );
        assert_eq!(sniff_delimiter("just words\n"), b',');
    }
}
