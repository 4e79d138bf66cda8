//! Excel workbooks (.xlsx), read with `calamine` cell by cell, so a sheet with a stray cell far
//! away is not laid out in memory as one huge grid: cells past the limits stop the read.

use super::{ImportError, RowSink, SinkError};
use crate::model::import::{Cell, Date, MAX_COLUMNS, Row};
use calamine::{DataRef, Reader, Xlsx};
use std::io::Cursor;
use std::path::Path;

/// How every .xlsx file (a zip archive) begins.
pub(super) const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, String> {
    Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        format!("{e} (is it an Excel workbook saved as .xlsx, or another kind of zip file?)")
    })
}

/// The names of the workbook's sheets, in order.
pub(super) fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(open(bytes)?.sheet_names())
}

/// Reads the sheet `wanted` (compared without case) or the first into `sink`; returns the
/// sheet's name.
pub(super) fn read(
    bytes: &[u8],
    wanted: Option<&str>,
    sink: &mut RowSink,
    source: &Path,
) -> Result<(Result<(), SinkError>, String), ImportError> {
    let workbook_error = |detail: String| ImportError::Workbook {
        file: source.to_owned(),
        detail,
    };
    let mut workbook = open(bytes).map_err(workbook_error)?;
    let sheets = workbook.sheet_names();
    let name = match wanted {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.trim().eq_ignore_ascii_case(wanted.trim()))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                file: source.to_owned(),
                sheet: wanted.to_owned(),
                sheets: sheets.clone(),
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| workbook_error("it has no sheets".into()))?,
    };
    let mut cells = workbook
        .worksheet_cells_reader(&name)
        .map_err(|e| workbook_error(format!("sheet \"{name}\" could not be read: {e}")))?;
    let last_row = cells.dimensions().end.0.max(1) as f32;
    let mut row: Option<Row> = None;
    let result = loop {
        let cell = match cells.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break Ok(()),
            Err(e) => break Err(SinkError::Workbook(format!("sheet \"{name}\": {e}"))),
        };
        let (r, c) = cell.get_position();
        let value = to_cell(cell.get_value());
        if value.is_empty() {
            continue;
        }
        if c as usize >= MAX_COLUMNS {
            break Err(SinkError::Table(
                crate::model::import::TableError::TooManyColumns,
            ));
        }
        let number = r as usize + 1;
        if row.as_ref().is_some_and(|row| row.number != number) {
            let done = row.take().expect("a row is being read");
            if let Err(e) = sink.push(done, || r as f32 / last_row) {
                break Err(e);
            }
        }
        let current = row.get_or_insert_with(|| Row {
            number,
            cells: Vec::new(),
        });
        let c = c as usize;
        if current.cells.len() <= c {
            current.cells.resize(c + 1, Cell::Empty);
        }
        current.cells[c] = value;
    };
    let result = match (result, row) {
        (Ok(()), Some(last)) => sink.push(last, || 1.0),
        (result, _) => result,
    };
    Ok((result, name))
}

/// A workbook cell as a table's cell: text trimmed, numbers as numbers, dates as dates.
fn to_cell(value: &DataRef) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            Cell::Date(Date {
                year: i32::from(year),
                month,
                day,
            })
        }
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::text(s),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}
