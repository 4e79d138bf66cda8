//! Files that are not good staff lists: each gives a clear message naming the file (and the
//! row and column where there is one), never a panic, and nothing is imported from it.

use caseload_planner::io::import::{
    ImportError, MAX_IMPORT_BYTES, NoProgress, ReadProgress, TableKind, read_table,
    read_table_bytes,
};
use caseload_planner::model::defaults;
use caseload_planner::model::import::{ImportMapping, ImportPreview, Table, preview};
use caseload_planner::model::{NextIds, Post};
use proptest::prelude::*;
use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import-files")
        .join(name)
}

fn read(name: &str) -> Result<Table, ImportError> {
    read_table(&file(name), TableKind::StaffList, None, &NoProgress)
}

/// The message for a file that cannot be read, less the file's path.
fn refusal(name: &str) -> String {
    let message = read(name).expect_err(name).to_string();
    let prefix = format!("{}: ", file(name).display());
    message
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{message} does not name the file"))
        .to_owned()
}

fn import(table: &Table) -> ImportPreview {
    let base = defaults::new_plan();
    let mapping = ImportMapping::guess(table, &base);
    preview(table, &mapping, &base, NextIds::of(&base))
}

fn messages(preview: &ImportPreview) -> Vec<String> {
    preview.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn files_that_are_no_table_say_what_they_are() {
    assert_eq!(refusal("empty.csv"), "the file has nothing in it");
    assert!(
        refusal("not-a-table.txt").starts_with("it does not look like a table"),
        "{}",
        refusal("not-a-table.txt")
    );
    assert!(refusal("binary-junk.bin").starts_with("is not a table: it holds binary data"));
    assert!(refusal("old-excel.xls").starts_with("is an old Excel workbook (.xls"));
    assert!(
        refusal("truncated.xlsx").starts_with("could not be read as an Excel workbook"),
        "{}",
        refusal("truncated.xlsx")
    );
    assert_eq!(
        refusal("headings-only.csv"),
        "it has column headings (row 1) but no rows of data under them"
    );
    let folder = read_table(&file(""), TableKind::StaffList, None, &NoProgress);
    assert!(
        folder
            .unwrap_err()
            .to_string()
            .ends_with("it is a folder, not a file")
    );
    assert!(
        read("no-such-file.csv")
            .unwrap_err()
            .to_string()
            .ends_with("could not be read: there is no such file")
    );
}

#[test]
fn group_headings_and_blank_rows_are_passed_over() {
    let table = read("merged-headers.csv").unwrap();
    assert_eq!(table.heading_row, 4);
    assert_eq!(import(&table).posts().len(), 2);

    let table = read("blank-rows.csv").unwrap();
    let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
    // Rows as a spreadsheet numbers them: blank lines count.
    assert_eq!(numbers, [3, 6, 8]);
    let found = import(&table);
    assert_eq!((found.posts().len(), found.problems.len()), (3, 0));
}

#[test]
fn a_column_of_mixed_values_gives_each_bad_cell_by_row_and_column() {
    let found = import(&read("mixed-types.csv").unwrap());
    assert_eq!(
        messages(&found),
        [
            "row 4, column \"FTE\": 'n/a' is not a number: write an FTE such as 1 or 0.6",
            "row 5, column \"Name\": '12345' is a number or date, not a name",
            "row 6, column \"FTE\": '1.2' is more than full time",
            "row 6, column \"Start Date\": 'next month' is not a date",
            "row 7, column \"Start Date\": '04/15/2026' is not a date written day/month/year \
             (is it month first?)",
        ]
    );
    // "full time" is read as 1; the rows with problems are left out.
    let workers: Vec<Option<&str>> = found.posts().iter().map(|p| p.worker.as_deref()).collect();
    assert_eq!(workers, [Some("Amy Lewis"), Some("Ben Hart")]);
    assert_eq!(found.rows_with_problems, 4);
}

#[test]
fn an_employee_number_on_two_rows_is_a_problem_on_the_second() {
    let found = import(&read("duplicate-numbers.csv").unwrap());
    assert_eq!(
        messages(&found),
        [
            "row 4, column \"Employee Number\": 'E100' is also on row 2: each row needs its own \
          number"
        ]
    );
    assert_eq!(found.posts().len(), 2);
}

#[test]
fn more_than_100_000_rows_are_refused_without_reading_on() {
    let mut text = String::from("Name,Job Title,Team,FTE\n");
    for i in 0..100_001 {
        let _ = writeln!(text, "Worker {i},Social Worker,North,1");
    }
    let error = read_table_bytes(
        text.as_bytes(),
        Path::new("huge.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "huge.csv: it has more than 100,000 rows; a staff list has a few thousand at most: is \
         this the right file?"
    );
}

#[test]
fn a_60_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sixty.csv");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: 60 MB on paper, nothing written.
    file.set_len(60 * 1024 * 1024).unwrap();
    let error = read_table(&path, TableKind::StaffList, None, &NoProgress).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: is 60 MB, more than the 50 MB a staff list or caseload report may be; is it the \
             right file?",
            path.display()
        )
    );
    assert_eq!(MAX_IMPORT_BYTES, 50 * 1024 * 1024);
}

/// Stops after the first report; remembers what it was told.
struct StopAtOnce {
    reported: RefCell<Vec<f32>>,
    asked: Cell<usize>,
}

impl ReadProgress for StopAtOnce {
    fn progress(&self, fraction: f32) {
        self.reported.borrow_mut().push(fraction);
    }
    fn cancelled(&self) -> bool {
        self.asked.set(self.asked.get() + 1);
        !self.reported.borrow().is_empty()
    }
}

#[test]
fn a_long_read_reports_its_progress_and_stops_when_asked() {
    let mut text = String::from("Name,Job Title,Team,FTE\n");
    for i in 0..5_000 {
        let _ = writeln!(text, "Worker {i},Social Worker,North,1");
    }
    let watcher = StopAtOnce {
        reported: RefCell::new(Vec::new()),
        asked: Cell::new(0),
    };
    let error = read_table_bytes(
        text.as_bytes(),
        Path::new("long.csv"),
        TableKind::StaffList,
        None,
        &watcher,
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "long.csv: reading was stopped");
    // Asked at row 1,024 (not stopped, a fifth of the way) and at row 2,048 (stopped).
    assert_eq!(watcher.asked.get(), 2);
    let reported = watcher.reported.borrow();
    assert_eq!(reported.len(), 1);
    assert!((0.15..0.25).contains(&reported[0]), "{reported:?}");

    let counted = read_table_bytes(
        text.as_bytes(),
        Path::new("long.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    assert_eq!(counted.rows.len(), 5_000);
}

fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2_000),
        // Junk behind a zip signature: read as a workbook, and refused as one.
        prop::collection::vec(any::<u8>(), 0..2_000).prop_map(|mut v| {
            let mut bytes = b"PK\x03\x04".to_vec();
            bytes.append(&mut v);
            bytes
        }),
        // Text with delimiters, quotes and line breaks in any order.
        "[a-z0-9 ,;\t\"\n\r%./:-]{0,400}".prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_bytes_make_the_import_panic(bytes in arbitrary_bytes()) {
        let read = read_table_bytes(&bytes, Path::new("any"), TableKind::StaffList, None, &NoProgress);
        if let Ok(table) = read {
            // Whatever it reads, the preview works and every post it gives is valid.
            let found = import(&table);
            let mut plan = defaults::new_plan();
            plan.teams = found.teams().to_vec();
            plan.posts = found.posts().to_vec();
            prop_assert_eq!(caseload_planner::model::validate(&plan), vec![]);
            prop_assert!(found.posts().iter().all(|p: &Post| p.fte > 0.0 && p.fte <= 1.0));
        }
    }
}
