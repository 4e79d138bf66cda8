//! A table as read from a staff list or caseload report: its headings and the rows under
//! them, each cell as the file holds it. Reading the file is `crate::io::import`'s work; here
//! the rows are sorted out: which row holds the headings (title rows and merged group headings
//! above it are passed over), and which rows under it are not data (blank rows, the headings
//! repeated on each printed page, a totals row).

use super::words::normalise;
use crate::model::shown::thousands;
use std::fmt;

/// Most data rows a table may have: a council's staff list is a few thousand at most.
pub const MAX_ROWS: usize = 100_000;
/// Most columns a table may have.
pub const MAX_COLUMNS: usize = 1_000;
/// Rows above the headings looked through for them (report titles, run dates, group headings).
pub const HEADING_SEARCH_ROWS: usize = 30;

/// A calendar date, as a spreadsheet holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    /// As a UK spreadsheet shows it: `01/04/2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// One cell. A CSV file holds only text; a workbook also numbers and dates.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl Cell {
    /// A cell from text: trimmed, and empty when nothing is left.
    pub fn text(text: &str) -> Cell {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(trimmed.to_owned())
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as a person reads it: text as it is, a whole number without decimals.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
            Cell::Date(date) => date.to_string(),
        }
    }
}

/// One row of the file: its number as a spreadsheet shows it (1 = the first) and its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in `column` (0 = the first), empty past the row's end.
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// Why rows are not a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No cell holds anything.
    Empty,
    /// Fewer than two columns: prose, a list, or a file split by something else.
    NotATable,
    /// Headings, but no rows of data under them.
    NoRows {
        heading_row: usize,
    },
    TooManyRows,
    TooManyColumns,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Empty => f.write_str("the file has nothing in it"),
            TableError::NotATable => f.write_str(
                "it does not look like a table: no row has two or more columns (columns are \
                 separated by commas, semicolons or tabs, or are a spreadsheet's columns)",
            ),
            TableError::NoRows { heading_row } => write!(
                f,
                "it has column headings (row {heading_row}) but no rows of data under them"
            ),
            TableError::TooManyRows => write!(
                f,
                "it has more than {} rows; a staff list has a few thousand at most: is this the \
                 right file?",
                thousands(MAX_ROWS as u64)
            ),
            TableError::TooManyColumns => write!(
                f,
                "it has more than {} columns: is this the right file?",
                thousands(MAX_COLUMNS as u64)
            ),
        }
    }
}

impl std::error::Error for TableError {}

/// A table: its headings in the file's words and its rows of data.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// One heading a column, as the file writes it (whitespace tidied). A blank heading is
    /// named by the column's letter ("Column F"), a repeated one numbered ("FTE (2)").
    pub headings: Vec<String>,
    /// The row the headings are on.
    pub heading_row: usize,
    pub rows: Vec<Row>,
    /// Numbers are written with a decimal comma (`0,8`): files separated by semicolons.
    pub decimal_comma: bool,
    /// Rows under the headings passed over: blank, the headings again, or totals.
    pub rows_passed_over: usize,
}

impl Table {
    /// Sorts out `rows` (in file order, blank rows left out or not): the headings are on the
    /// row among the first [`HEADING_SEARCH_ROWS`] with the most cells that `is_heading`
    /// knows, or, when none has two, the first that fills at least half as many cells as the
    /// fullest.
    pub fn from_rows(
        rows: Vec<Row>,
        is_heading: impl Fn(&str) -> bool,
        decimal_comma: bool,
    ) -> Result<Table, TableError> {
        let mut rows: Vec<Row> = rows.into_iter().filter(|r| !r.is_blank()).collect();
        if rows.is_empty() {
            return Err(TableError::Empty);
        }
        let width = rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .rposition(|c| !c.is_empty())
                    .map_or(0, |i| i + 1)
            })
            .max()
            .unwrap_or(0);
        if width > MAX_COLUMNS {
            return Err(TableError::TooManyColumns);
        }
        if width < 2 {
            return Err(TableError::NotATable);
        }
        let at = heading_position(&rows, &is_heading);
        let mut data = rows.split_off(at + 1);
        let heading = rows.pop().expect("the heading row is in the rows");
        if data.len() > MAX_ROWS {
            return Err(TableError::TooManyRows);
        }
        let headings = tidy_headings(&heading, width);
        let before = data.len();
        data.retain(|row| !is_repeated_heading(row, &heading) && !is_totals_row(row));
        let rows_passed_over = before - data.len();
        if data.is_empty() {
            return Err(TableError::NoRows {
                heading_row: heading.number,
            });
        }
        for row in &mut data {
            row.cells.truncate(width);
        }
        Ok(Table {
            headings,
            heading_row: heading.number,
            rows: data,
            decimal_comma,
            rows_passed_over,
        })
    }

    /// The column headed `heading` (compared as [`normalise`] writes them).
    pub fn column(&self, heading: &str) -> Option<usize> {
        let wanted = normalise(heading);
        self.headings.iter().position(|h| normalise(h) == wanted)
    }
}

/// Where the headings are among the first non-blank rows.
fn heading_position(rows: &[Row], is_heading: &impl Fn(&str) -> bool) -> usize {
    let candidates = &rows[..rows.len().min(HEADING_SEARCH_ROWS)];
    let known = |row: &Row| {
        row.cells
            .iter()
            .filter(|c| matches!(c, Cell::Text(t) if is_heading(t)))
            .count()
    };
    let (best, score) = candidates
        .iter()
        .enumerate()
        .map(|(i, row)| (i, known(row)))
        .fold(
            (0, 0),
            |best, (i, s)| if s > best.1 { (i, s) } else { best },
        );
    if score >= 2 {
        return best;
    }
    // Title rows have one cell, merged group headings a few: the headings fill at least half
    // as many cells as the fullest row.
    let most = candidates.iter().map(Row::filled).max().unwrap_or(0);
    candidates
        .iter()
        .position(|r| r.filled() >= 2 && r.filled() * 2 >= most)
        .unwrap_or(0)
}

/// Headings for `width` columns: whitespace tidied, blanks named by letter, repeats numbered.
fn tidy_headings(row: &Row, width: usize) -> Vec<String> {
    let mut headings: Vec<String> = Vec::with_capacity(width);
    for column in 0..width {
        let text = row.cell(column).shown();
        let tidy = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let base = if tidy.is_empty() {
            format!("Column {}", column_letter(column))
        } else {
            tidy
        };
        let mut heading = base.clone();
        let mut n = 2;
        while headings.iter().any(|h| normalise(h) == normalise(&heading)) {
            heading = format!("{base} ({n})");
            n += 1;
        }
        headings.push(heading);
    }
    headings
}

/// A spreadsheet's name for a column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letter(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

fn is_repeated_heading(row: &Row, heading: &Row) -> bool {
    row.filled() >= 2
        && row
            .cells
            .iter()
            .zip(&heading.cells)
            .all(|(a, b)| normalise(&a.shown()) == normalise(&b.shown()))
}

/// A row whose first filled cell says "Total" ("Grand total", "Totals:"), as reports end.
fn is_totals_row(row: &Row) -> bool {
    row.cells
        .iter()
        .find(|c| !c.is_empty())
        .is_some_and(|c| match c {
            Cell::Text(t) => {
                let words = normalise(t);
                words == "total"
                    || words == "totals"
                    || words == "grand total"
                    || words.starts_with("total ")
            }
            _ => false,
        })
}

/// A table from rows of text, numbered from 1 as a spreadsheet numbers them: for tests.
#[cfg(test)]
pub(crate) fn test_table(rows: &[&[&str]], is_heading: fn(&str) -> bool) -> Table {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| Row {
            number: i + 1,
            cells: cells.iter().map(|c| Cell::text(c)).collect(),
        })
        .collect();
    Table::from_rows(rows, is_heading, false).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells.iter().map(|c| Cell::text(c)).collect(),
        }
    }

    fn known(heading: &str) -> bool {
        matches!(normalise(heading).as_str(), "name" | "team" | "fte")
    }

    #[test]
    fn title_rows_and_a_merged_group_heading_above_the_headings_are_passed_over() {
        let rows = vec![
            row(1, &["Children's Services establishment", "", ""]),
            row(2, &["Run on 03/11/2026"]),
            row(4, &["Employee details", "", "Hours"]),
            row(5, &["Name", "Team", "FTE"]),
            row(6, &["Siân Evans", "North", "1"]),
            row(7, &["", "", ""]),
            row(8, &["Name", "Team", "FTE"]),
            row(9, &["Vacant", "South", "0.5"]),
            row(10, &["Total", "", "1.5"]),
        ];
        let table = Table::from_rows(rows, known, false).unwrap();
        assert_eq!(table.headings, ["Name", "Team", "FTE"]);
        assert_eq!(table.heading_row, 5);
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        // The repeated headings (row 8) and the totals (row 10) are not data.
        assert_eq!(numbers, [6, 9]);
        assert_eq!(table.rows_passed_over, 2);
    }

    #[test]
    fn unknown_headings_are_the_first_fullest_row_and_blank_or_repeated_ones_are_named() {
        let rows = vec![
            row(1, &["Report"]),
            row(2, &["Who", "", "Who", "Where"]),
            row(3, &["A", "b", "c", "d"]),
        ];
        let table = Table::from_rows(rows, known, false).unwrap();
        assert_eq!(table.headings, ["Who", "Column B", "Who (2)", "Where"]);
    }

    #[test]
    fn files_that_are_not_tables_say_why() {
        assert_eq!(
            Table::from_rows(vec![], known, false),
            Err(TableError::Empty)
        );
        let prose = vec![row(1, &["Dear colleague,"]), row(2, &["Please find"])];
        assert_eq!(
            Table::from_rows(prose, known, false),
            Err(TableError::NotATable)
        );
        let only_headings = vec![row(3, &["Name", "Team"])];
        assert_eq!(
            Table::from_rows(only_headings, known, false)
                .unwrap_err()
                .to_string(),
            "it has column headings (row 3) but no rows of data under them"
        );
    }

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_does() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
