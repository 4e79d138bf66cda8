//! The example plan's tables written as an Excel workbook and as CSV files, read back (the
//! workbook with calamine, the files with csv) and compared cell by cell with the tables and
//! with the plan's own figures.

use calamine::{Data, Reader, Xlsx};
use caseload_planner::io::default_scenarios;
use caseload_planner::io::export::{
    Existing, ExportError, csv_file_name, write_csv_tables, write_workbook,
};
use caseload_planner::model::anonymise::WorkerNames;
use caseload_planner::model::figures::{FigureId, Unit, figure};
use caseload_planner::model::projection::monte_carlo;
use caseload_planner::model::report::{Cell, ReportTable, formula_safe, report_tables_of};
use caseload_planner::model::{ScenarioId, assess};
use std::path::Path;

fn example_tables() -> Vec<ReportTable> {
    let set = default_scenarios();
    // A few runs are enough to have bands to write.
    let bands = monte_carlo(set.baseline(), 20, 7);
    report_tables_of(&set, ScenarioId::BASELINE, Some(&bands), WorkerNames::Real)
}

fn sheet(path: &Path, name: &str) -> calamine::Range<Data> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    workbook.worksheet_range(name).unwrap()
}

fn at(range: &calamine::Range<Data>, row: usize, col: usize) -> Data {
    range.get((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_workbook_has_a_sheet_per_table_with_every_cell_as_written() {
    let tables = example_tables();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.xlsx");
    write_workbook(&tables, "Example", &path, Existing::Keep).unwrap();

    let workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(workbook.sheet_names(), names);
    for table in &tables {
        let range = sheet(&path, &table.name);
        assert_eq!(at(&range, 0, 0), Data::String(table.title.clone()));
        for (col, column) in table.columns.iter().enumerate() {
            assert_eq!(at(&range, 1, col), Data::String(column.heading.clone()));
        }
        assert_eq!(range.height(), table.rows.len() + 2, "{}", table.name);
        for (r, row) in table.rows.iter().enumerate() {
            for (col, (cell, column)) in row.iter().zip(&table.columns).enumerate() {
                let read = at(&range, r + 2, col);
                let expected = match (cell, cell.number_in(column)) {
                    (_, Some((value, Some(Unit::Cases)))) => Data::Float(value.trunc()),
                    (_, Some((value, _))) => Data::Float(value),
                    (Cell::Text(text), None) => Data::String(text.clone()),
                    _ => Data::Empty,
                };
                assert_eq!(read, expected, "{} row {r} column {col}", table.name);
            }
        }
    }

    // The plan's own figures: its posts and workers, and the whole service's caseload.
    let set = default_scenarios();
    let plan = set.baseline();
    let posts = sheet(&path, "Posts");
    assert_eq!(posts.height(), plan.posts.len() + 2);
    for (r, post) in plan.posts.iter().enumerate() {
        let worker = post.worker.clone().unwrap_or_else(|| "Vacant".into());
        assert_eq!(at(&posts, r + 2, 1), Data::String(worker));
    }
    let teams = sheet(&path, "Teams");
    let service = teams.height() - 1;
    assert_eq!(at(&teams, service, 0), Data::String("Whole service".into()));
    let caseload = figure(FigureId::Caseload);
    let col = (0..teams.width())
        .find(|&c| at(&teams, 1, c) == Data::String(caseload.label.into()))
        .unwrap();
    let Data::Float(read) = at(&teams, service, col) else {
        panic!("no caseload")
    };
    assert_eq!(Some(read), caseload.of(&assess(plan).service));
    // 573 cases held by 23.4 case-holding FTE (the example's own notes say "near 25").
    assert!((read - 573.0 / 23.4).abs() < 1e-9, "{read}");
}

#[test]
fn csv_files_read_back_as_the_tables_numbers_as_numbers() {
    let tables = example_tables();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("made for the export");
    let written = write_csv_tables(&tables, &folder, Existing::Keep).unwrap();
    assert_eq!(written.len(), tables.len());
    for table in &tables {
        let path = folder.join(csv_file_name(table));
        let bytes = std::fs::read(&path).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        let text = text
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark first");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), table.rows.len() + 1, "{}", table.name);
        for (heading, column) in records[0].iter().zip(&table.columns) {
            let suffix = match column.unit {
                Some(Unit::Percent) => " (%)",
                Some(Unit::Money) => " (£)",
                _ => "",
            };
            assert_eq!(heading, format!("{}{suffix}", column.heading));
        }
        for (record, row) in records[1..].iter().zip(&table.rows) {
            for ((field, cell), column) in record.iter().zip(row).zip(&table.columns) {
                match (cell, cell.number_in(column)) {
                    (_, Some((value, unit))) => {
                        let read: f64 = field.parse().unwrap_or_else(|_| {
                            panic!("{field} in {} is not a number", table.name)
                        });
                        let (shown, within) = match unit {
                            Some(Unit::Percent) => (value * 100.0, 0.05),
                            Some(Unit::Cases) => (value.trunc(), 0.0),
                            Some(Unit::Money) => (value, 0.5),
                            Some(Unit::Fte) => (value, 0.005),
                            Some(_) => (value, 0.05),
                            None => (value, 0.0),
                        };
                        assert!(
                            (read - shown).abs() <= within + 1e-9,
                            "{field} for {value} in {}",
                            table.name
                        );
                    }
                    (Cell::Text(text), None) => assert_eq!(field, formula_safe(text)),
                    _ => assert_eq!(field, ""),
                }
            }
        }
    }
    // A second export into the same folder is refused, and nothing is changed.
    let before = std::fs::read(&written[0]).unwrap();
    let again = write_csv_tables(&tables[..1], &folder, Existing::Keep);
    assert_eq!(again, Err(ExportError::Exists(written[0].clone())));
    assert_eq!(std::fs::read(&written[0]).unwrap(), before);
}
