//! Report tables as one Excel workbook (`rust_xlsxwriter`): a sheet per table, its title in
//! the first row, headings in the second (bold, wrapped, with filters), both frozen, columns
//! as wide as their contents (within limits), and each unit's number format: `18.5%`,
//! `£1,372,800`, `1,234` for counts, `23.4` for caseloads, points and ratios, `0.75` or
//! `2.6` for FTE. Printed, a sheet is A4 landscape, one page wide.
//!
//! Numbers keep every digit (a sum in Excel is exact) and show the app's decimals through
//! their format; counts of cases are rounded towards zero first, as the app shows them
//! (capacity is never overstated).

use super::files::{Existing, ExportError, shown, write_files};
use crate::model::figures::Unit;
use crate::model::report::{Cell, ReportTable};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// Excel's longest text in a cell (UTF-16 units), less room for "…".
const MAX_TEXT: usize = 32_000;

/// Narrowest and widest a column is made, in characters.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Widest a sheet is, in characters, to be shrunk to a page's width when printed.
const PRINTED_WIDTH: usize = 260;

/// Rows looked at to size columns: what a screen shows and more; a long name further down is
/// cut off, not hidden (the cell keeps it).
const ROWS_MEASURED: usize = 2_000;

/// The formats of a sheet: one per unit, the title, the headings, text. Every cell sits at
/// the top of its row, level with the first line of a wrapped one.
struct Formats {
    title: Format,
    heading: Format,
    text: Format,
    wrapped: Format,
    general: Format,
    percent: Format,
    money: Format,
    count: Format,
    one_decimal: Format,
    fte: Format,
}

impl Formats {
    fn new() -> Self {
        let top = || Format::new().set_align(FormatAlign::Top);
        let number = |format: &str| top().set_num_format(format);
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            heading: top()
                .set_bold()
                .set_text_wrap()
                .set_border_bottom(FormatBorder::Thin),
            text: top(),
            wrapped: top().set_text_wrap(),
            general: top(),
            percent: number("0.0%"),
            money: number("\"£\"#,##0"),
            count: number("#,##0"),
            one_decimal: number("#,##0.0"),
            fte: number("#,##0.0#"),
        }
    }

    /// The format of a number in `unit` (Excel's General without one).
    fn of(&self, unit: Option<Unit>) -> &Format {
        match unit {
            None => &self.general,
            Some(Unit::Percent) => &self.percent,
            Some(Unit::Money) => &self.money,
            Some(Unit::Cases) => &self.count,
            Some(Unit::Caseload | Unit::Points | Unit::Ratio) => &self.one_decimal,
            Some(Unit::Fte) => &self.fte,
        }
    }
}

/// Writes `tables` as a workbook to `path`, whole or not at all; a file already there is
/// replaced only with [`Existing::Replace`]. `title` is the workbook's (its properties).
pub fn write_workbook(
    tables: &[ReportTable],
    title: &str,
    path: &Path,
    existing: Existing,
) -> Result<(), ExportError> {
    // Refused before the workbook is put together for nothing.
    if existing == Existing::Keep && path.is_file() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    let bytes = workbook_bytes(tables, title)
        .map_err(|why| ExportError::Failed(format!("{} was not written: {why}", shown(path))))?;
    write_files(&[(path.to_path_buf(), bytes)], existing)
}

/// `tables` as the bytes of an .xlsx workbook, a sheet each, in order. `Err` says what could
/// not be written, in words (a sheet's name, a limit of Excel's).
pub fn workbook_bytes(tables: &[ReportTable], title: &str) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(title));
    let formats = Formats::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        write_sheet(sheet, table, &formats)
            .map_err(|e| format!("the sheet \"{}\" could not be made: {e}", table.name))?;
    }
    workbook
        .save_to_buffer()
        .map_err(|e| format!("the workbook could not be put together: {e}"))
}

/// First row: the title; second: the headings; then a row per row of the table.
fn write_sheet(
    sheet: &mut Worksheet,
    table: &ReportTable,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(&table.name)?;
    sheet.write_string_with_format(0, 0, capped(&table.title), &formats.title)?;
    let widths = column_widths(table);
    for (col, (column, &width)) in table.columns.iter().zip(&widths).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(1, col, capped(&column.heading), &formats.heading)?;
        sheet.set_column_width(col, width as f64 + 2.0)?;
    }
    // Spreadsheets do not make a row taller for wrapped text written by another program.
    let lines = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(column, &width)| lines_of(&column.heading, width))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(1, 15.0 * lines as f64)?;
    // Text too long for its column wraps rather than running under the next.
    let wraps: Vec<bool> = widths.iter().map(|&w| w >= MAX_WIDTH).collect();
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 2;
        let mut lines = 1;
        for (col, (cell, column)) in row.iter().zip(&table.columns).enumerate() {
            let col = col as u16;
            match (cell, cell.number_in(column)) {
                (_, Some((value, unit))) => {
                    let value = if unit == Some(Unit::Cases) {
                        value.trunc()
                    } else {
                        value
                    };
                    sheet.write_number_with_format(r, col, value, formats.of(unit))?;
                }
                (Cell::Text(text), None) if wraps[usize::from(col)] => {
                    sheet.write_string_with_format(r, col, capped(text), &formats.wrapped)?;
                    lines = lines.max(lines_of(text, MAX_WIDTH));
                }
                (Cell::Text(text), None) => {
                    sheet.write_string_with_format(r, col, capped(text), &formats.text)?;
                }
                _ => {}
            }
        }
        if lines > 1 {
            sheet.set_row_height(r, 15.0 * lines as f64)?;
        }
    }
    sheet.set_freeze_panes(2, 0)?;
    // Printed: A4 landscape, the title and headings on every page, and a page wide when
    // that leaves the text readable (the teams' forty figures go over several pages).
    sheet.set_paper_size(9).set_landscape();
    if widths.iter().map(|w| w + 2).sum::<usize>() <= PRINTED_WIDTH {
        sheet.set_print_fit_to_pages(1, 0);
    }
    sheet.set_repeat_rows(0, 1)?;
    if !table.columns.is_empty() {
        let last_row = table.rows.len() as u32 + 1;
        sheet.autofilter(1, 0, last_row, table.columns.len() as u16 - 1)?;
    }
    Ok(())
}

/// Each column's width in characters: its widest value, or its heading's longest word (a
/// heading wraps), within [`MIN_WIDTH`] and [`MAX_WIDTH`].
fn column_widths(table: &ReportTable) -> Vec<usize> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(col, column)| {
            let word = column
                .heading
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let widest = table
                .rows
                .iter()
                .take(ROWS_MEASURED)
                .filter_map(|row| row.get(col))
                .map(|cell| match cell {
                    Cell::Text(text) => text.chars().count(),
                    other => other
                        .number_in(column)
                        .map_or(0, |(value, unit)| number_width(value, unit)),
                })
                .max()
                .unwrap_or(0);
            word.max(widest).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

/// Lines `text` takes wrapped at `width` characters, word by word.
fn lines_of(text: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if used > 0 && used + 1 + length > width {
            lines += 1;
            used = length;
        } else {
            used += length + usize::from(used > 0);
        }
    }
    lines
}

/// Characters a number takes in its format: digits, separators, sign, decimals, `£` or `%`.
fn number_width(value: f64, unit: Option<Unit>) -> usize {
    let shown = if unit == Some(Unit::Percent) {
        value * 100.0
    } else {
        value
    };
    let digits = if shown.abs() >= 1.0 {
        shown.abs().log10().floor() as usize + 1
    } else {
        1
    };
    let separators = digits.saturating_sub(1) / 3;
    let extra = match unit {
        None => return format!("{value}").len(),
        Some(Unit::Cases) => 0,
        Some(Unit::Money) => 1,
        Some(Unit::Percent) => 3,
        Some(Unit::Caseload | Unit::Points | Unit::Ratio) => 2,
        Some(Unit::Fte) => 3,
    };
    digits + separators + extra + usize::from(value < 0.0)
}

/// Text within Excel's limit for a cell.
fn capped(text: &str) -> String {
    // UTF-8 takes at least as many bytes as UTF-16 takes units: most text needs no count.
    if text.len() <= MAX_TEXT || text.encode_utf16().count() <= MAX_TEXT {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(MAX_TEXT / 2).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_wrap_word_by_word() {
        assert_eq!(lines_of("Utilisation", 11), 1);
        assert_eq!(lines_of("Caseload per case-holding FTE", 12), 3);
        assert_eq!(lines_of("Load (points)", 13), 1);
        assert_eq!(lines_of("Load (points)", 12), 2);
    }

    #[test]
    fn numbers_are_measured_as_their_format_shows_them() {
        assert_eq!(number_width(1_372_800.4, Some(Unit::Money)), 10); // £1,372,800
        assert_eq!(number_width(0.185, Some(Unit::Percent)), 5); // 18.5%
        assert_eq!(number_width(-3.0, Some(Unit::Cases)), 2);
        assert_eq!(number_width(0.75, None), 4);
    }
}
