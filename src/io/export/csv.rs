//! A report table as a CSV file that opens cleanly in Excel and LibreOffice: UTF-8 with a
//! byte-order mark (without it Excel shows "Siân" as "SiÃ¢n"), a header row, CRLF line ends,
//! numbers as numbers.
//!
//! Numbers are written as the app shows them (one decimal for a caseload, whole pounds, …)
//! with a `.` decimal point and no thousands separators. A percentage is written as its
//! percentage, `18.5`, under a heading ending "(%)" (pounds likewise under "(£)"): LibreOffice
//! opens a CSV file's `18.5%` as text unless "detect special numbers" is ticked on import, so
//! the sign would make it text there; `18.5` is a number in both. In a column whose rows each
//! have their own unit, the table's "Unit" column says "%". Text that a spreadsheet would run
//! as a formula starts with an apostrophe.

use super::files::{Existing, ExportError, make_folder, remove_empty_folders, write_files};
use crate::model::figures::Unit;
use crate::model::report::{Cell, PercentAs, ReportTable, formula_safe, spreadsheet_number};
use std::path::{Path, PathBuf};

/// Writes each of `tables` as a CSV file in `folder` (made when missing), all or none; the
/// files written, in order. Files already there are replaced only with [`Existing::Replace`].
pub fn write_csv_tables(
    tables: &[ReportTable],
    folder: &Path,
    existing: Existing,
) -> Result<Vec<PathBuf>, ExportError> {
    let files: Vec<(PathBuf, Vec<u8>)> = tables
        .iter()
        .map(|t| (folder.join(csv_file_name(t)), table_csv(t)))
        .collect();
    // Refused before a folder is made for nothing.
    if existing == Existing::Keep
        && let Some((path, _)) = files.iter().find(|(path, _)| path.exists())
    {
        return Err(ExportError::Exists(path.clone()));
    }
    let made = make_folder(folder)?;
    match write_files(&files, existing) {
        Ok(()) => Ok(files.into_iter().map(|(path, _)| path).collect()),
        Err(e) => {
            remove_empty_folders(&made);
            Err(e)
        }
    }
}

/// `table` as the bytes of a CSV file.
pub fn table_csv(table: &ReportTable) -> Vec<u8> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut bytes);
    let headings = table.columns.iter().map(|c| {
        let heading = formula_safe(&c.heading);
        match c.unit {
            Some(Unit::Percent) => format!("{heading} (%)"),
            Some(Unit::Money) => format!("{heading} (£)"),
            _ => heading,
        }
    });
    // Writing to memory cannot fail.
    let _ = writer.write_record(headings);
    for row in &table.rows {
        let fields = row.iter().zip(&table.columns).map(|(cell, column)| {
            match (cell, cell.number_in(column)) {
                (_, Some((value, unit))) => spreadsheet_number(value, unit, PercentAs::Points),
                (Cell::Text(text), None) => formula_safe(text),
                _ => String::new(),
            }
        });
        let _ = writer.write_record(fields);
    }
    let _ = writer.flush();
    drop(writer);
    bytes
}

/// The file a table is written to in a folder of CSV files: "posts.csv",
/// "definitions-and-assumptions.csv".
pub fn csv_file_name(table: &ReportTable) -> String {
    let stem: String = table
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{stem}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::report::ReportColumn;

    #[test]
    fn a_table_is_utf8_with_a_bom_a_header_and_numbers_as_numbers() {
        let table = ReportTable {
            name: "Definitions and assumptions".into(),
            title: "T".into(),
            columns: vec![
                ReportColumn::text("Team"),
                ReportColumn::number("Utilisation", Unit::Percent),
                ReportColumn::number("Annual cost", Unit::Money),
                ReportColumn::number("FTE", Unit::Fte),
                ReportColumn::text("Value"),
            ],
            rows: vec![
                vec![
                    Cell::text("Siân's, \"North\""),
                    Cell::Number(0.18523),
                    Cell::Number(1_372_800.4),
                    Cell::Number(0.75),
                    Cell::Quantity(0.118, Unit::Percent),
                ],
                vec![
                    Cell::text("=1+1"),
                    Cell::Empty,
                    Cell::Number(-3_200.0),
                    Cell::Number(2.0),
                    Cell::Number(16.0),
                ],
            ],
        };
        let bytes = table_csv(&table);
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}Team,Utilisation (%),Annual cost (£),FTE,Value\r\n\
             \"Siân's, \"\"North\"\"\",18.5,1372800,0.75,11.8\r\n\
             '=1+1,,-3200,2,16\r\n"
        );
        assert_eq!(csv_file_name(&table), "definitions-and-assumptions.csv");
    }
}
