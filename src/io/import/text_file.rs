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
    // The row number as a spreadsheet shows it: the reader passes over blank lines without a
    // record, and a quoted cell may run over several lines yet is one row.
    let mut number = 0u64;
    let mut carried = 0u64;
    loop {
        let before = reader.position().line();
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
        // Line breaks read: blank lines before the record, any inside its quoted cells, and its
        // own end (none for a last line without one). A record ending "\r\n" may stop at the
        // "\r": its "\n" is then read with the next record, and is not a blank line.
        let after = reader.position();
        let inside: u64 = record.iter().map(|f| f.matches('\n').count() as u64).sum();
        let read_so_far = text
            .as_bytes()
            .get(..after.byte() as usize)
            .unwrap_or_default();
        let ended = u64::from(read_so_far.ends_with(b"\n"));
        let blank = after
            .line()
            .saturating_sub(before)
            .saturating_sub(inside + ended + carried);
        carried = u64::from(
            read_so_far.ends_with(b"\r")
                && text.as_bytes().get(after.byte() as usize) == Some(&b'\n'),
        );
        number += blank + 1;
        let mut cells: Vec<Cell> = record.iter().map(Cell::text).collect();
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if cells.len() > crate::model::import::MAX_COLUMNS {
            return Err(SinkError::Table(
                crate::model::import::TableError::TooManyColumns,
            ));
        }
        let at = after.byte() as f32;
        sink.push(
            Row {
                number: usize::try_from(number).unwrap_or(usize::MAX),
                cells,
            },
            || at / total,
        )?;
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

    fn numbers(text: &str) -> Vec<usize> {
        let mut sink = RowSink {
            rows: Vec::new(),
            seen: 0,
            progress: &super::super::NoProgress,
        };
        assert!(read(text, b',', &mut sink).is_ok());
        sink.rows.iter().map(|r| r.number).collect()
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        // A blank line is a row; a quoted cell over two lines is one.
        assert_eq!(numbers("A,B\n\n\"x\ny\",z\nC,D"), [1, 3, 4]);
        assert_eq!(numbers("A,B\r\n\r\n,\r\nC,D\r\n"), [1, 4]);
        assert_eq!(numbers("\n\nA,B\n\nC,D\n\n"), [3, 5]);
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
