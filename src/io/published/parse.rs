//! The release's CSV and the statistical neighbours' CSV, from bytes, into rows for
//! [`Release::from_rows`]. Letters where a number should be (`x`, `z`, `u`, `c`, `low`: the
//! DfE's marks for a suppressed or inapplicable value) are missing values, never zeros.

use super::PublishedError;
use crate::model::benchmark::{Level, Published, Release, ReleaseProblem, ReleaseRow};
use std::collections::HashMap;

/// More rows than this is not a release (it has about 1,500: ten years of 170 areas).
pub const MAX_ROWS: usize = 100_000;

/// The columns of the release the app reads; a file without any of them is refused. Other
/// columns are allowed (and ignored).
pub const RELEASE_COLUMNS: [&str; 29] = [
    "time_period",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
    "inpost_fte",
    "inpost_headcount",
    "starters_fte",
    "starters_headcount",
    "leavers_fte",
    "leavers_headcount",
    "turnover_rate_fte",
    "agency_fte",
    "agency_headcount",
    "agency_rate_fte",
    "agency_cover_fte",
    "agency_cover_rate_fte",
    "vacancy_fte",
    "vacancy_rate_fte",
    "vacancy_agency_cover_rate_fte",
    "case_holders_fte",
    "cases",
    "caseload_fte",
    "working_days_lost_fte",
    "absence_rate_fte",
];

/// The columns of the neighbours file the app reads.
pub const NEIGHBOUR_COLUMNS: [&str; 11] = [
    "old_la_code",
    "SN_1",
    "SN_2",
    "SN_3",
    "SN_4",
    "SN_5",
    "SN_6",
    "SN_7",
    "SN_8",
    "SN_9",
    "SN_10",
];

/// A CSV file's rows, with the position of each column the app reads.
struct Columns {
    index: HashMap<&'static str, usize>,
}

impl Columns {
    fn of(
        file: &str,
        headings: &csv::StringRecord,
        wanted: &[&'static str],
    ) -> Result<Columns, PublishedError> {
        let mut index = HashMap::new();
        let mut missing = Vec::new();
        for &name in wanted {
            match headings
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
            {
                Some(i) => {
                    index.insert(name, i);
                }
                None => missing.push(name.to_owned()),
            }
        }
        if missing.is_empty() {
            Ok(Columns { index })
        } else {
            Err(PublishedError::MissingColumns {
                file: file.to_owned(),
                columns: missing,
            })
        }
    }

    /// The cell of `column` (one of the wanted ones), trimmed; "" where the row is short.
    fn get<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.index
            .get(column)
            .and_then(|&i| record.get(i))
            .unwrap_or("")
            .trim()
    }
}

/// The bytes as text without a BOM, and a CSV reader over them.
fn reader<'b>(file: &str, bytes: &'b [u8]) -> Result<csv::Reader<&'b [u8]>, PublishedError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        return Err(PublishedError::NotText {
            file: file.to_owned(),
            line: line as u64,
        });
    }
    Ok(csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes))
}

fn csv_error(file: &str, e: &csv::Error) -> PublishedError {
    PublishedError::Csv {
        file: file.to_owned(),
        line: e.position().map_or(0, csv::Position::line),
        detail: match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "it is not text in UTF-8".to_owned(),
            _ => e.to_string(),
        },
    }
}

/// Reads every row of `file`'s records, refusing more than [`MAX_ROWS`].
fn records(
    file: &str,
    reader: &mut csv::Reader<&[u8]>,
) -> impl Iterator<Item = Result<csv::StringRecord, PublishedError>> {
    let file = file.to_owned();
    reader.records().enumerate().map(move |(n, record)| {
        if n >= MAX_ROWS {
            return Err(PublishedError::TooManyRows { file: file.clone() });
        }
        record.map_err(|e| csv_error(&file, &e))
    })
}

/// A release from the bytes of its CSV (`file` names it in messages) and the councils'
/// neighbours.
pub fn parse_release(
    file: &str,
    bytes: &[u8],
    neighbours: HashMap<String, Vec<String>>,
) -> Result<Release, PublishedError> {
    let mut reader = reader(file, bytes)?;
    let headings = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
    let columns = Columns::of(file, &headings, &RELEASE_COLUMNS)?;
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for record in records(file, &mut reader) {
        let record = record?;
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        rows.push(release_row(file, line, &columns, &record)?);
        lines.push(line);
    }
    Release::from_rows(rows, neighbours).map_err(|problem| {
        let line = |row: usize| lines.get(row).copied().unwrap_or(0);
        let (line, what) = match problem {
            ReleaseProblem::NoRows => (None, "it has no rows of figures".to_owned()),
            ReleaseProblem::NoEngland { year } => {
                (None, format!("it has no figures for England in {year}"))
            }
            ReleaseProblem::Year { row, year } => (
                Some(line(row)),
                format!("the year {year} is not one a release can have"),
            ),
            ReleaseProblem::NoCode { row } => (Some(line(row)), "the area has no code".to_owned()),
            ReleaseProblem::Twice {
                row,
                first,
                name,
                year,
            } => (
                Some(line(row)),
                format!(
                    "{} already has figures for {year}, on line {}",
                    crate::text::printable(&name),
                    line(first)
                ),
            ),
        };
        match line {
            Some(line) => PublishedError::BadRow {
                file: file.to_owned(),
                line,
                what,
            },
            None => PublishedError::Incomplete {
                file: file.to_owned(),
                what,
            },
        }
    })
}

fn release_row(
    file: &str,
    line: u64,
    columns: &Columns,
    record: &csv::StringRecord,
) -> Result<ReleaseRow, PublishedError> {
    let cell = |column: &str| columns.get(record, column);
    let text = |column: &str| Some(cell(column).to_owned()).filter(|s| !s.is_empty());
    let bad_row = |what: String| PublishedError::BadRow {
        file: file.to_owned(),
        line,
        what,
    };
    let year_text = cell("time_period");
    let year: u16 = year_text.parse().map_err(|_| {
        bad_row(format!(
            "the year (time_period) \"{}\" is not a year",
            crate::text::printable(year_text)
        ))
    })?;
    let level_text = cell("geographic_level");
    let level = match level_text.to_lowercase().as_str() {
        "national" => Level::National,
        "regional" => Level::Regional,
        "local authority" => Level::Council,
        _ => {
            return Err(bad_row(format!(
                "\"{}\" is not a level the app knows (National, Regional or Local authority)",
                crate::text::printable(level_text)
            )));
        }
    };
    let (code, name) = match level {
        Level::National => ("country_code", "country_name"),
        Level::Regional => ("region_code", "region_name"),
        Level::Council => ("new_la_code", "la_name"),
    };
    let number = |column: &str| number(file, line, column, cell(column));
    let rate = |column: &str| number(column).map(|v| v.map(|percent| percent / 100.0));
    let figures = Published {
        inpost_fte: number("inpost_fte")?,
        inpost_headcount: number("inpost_headcount")?,
        starters_fte: number("starters_fte")?,
        starters_headcount: number("starters_headcount")?,
        leavers_fte: number("leavers_fte")?,
        leavers_headcount: number("leavers_headcount")?,
        turnover_rate: rate("turnover_rate_fte")?,
        agency_fte: number("agency_fte")?,
        agency_headcount: number("agency_headcount")?,
        agency_rate: rate("agency_rate_fte")?,
        agency_cover_fte: number("agency_cover_fte")?,
        agency_cover_rate: rate("agency_cover_rate_fte")?,
        vacancy_fte: number("vacancy_fte")?,
        vacancy_rate: rate("vacancy_rate_fte")?,
        vacancy_agency_cover_rate: rate("vacancy_agency_cover_rate_fte")?,
        case_holders_fte: number("case_holders_fte")?,
        cases: number("cases")?,
        caseload: number("caseload_fte")?,
        working_days_lost: number("working_days_lost_fte")?,
        absence_rate: rate("absence_rate_fte")?,
    };
    let council = level == Level::Council;
    Ok(ReleaseRow {
        year,
        level,
        code: cell(code).to_owned(),
        old_la_code: text("old_la_code").filter(|_| council),
        name: cell(name).to_owned(),
        region_code: text("region_code").filter(|_| council),
        region_name: text("region_name").filter(|_| council),
        figures,
    })
}

/// A published number: `None` for an empty cell or the DfE's letters for a value not
/// published; a number that is negative, not finite or not a number is refused.
fn number(file: &str, line: u64, column: &str, cell: &str) -> Result<Option<f64>, PublishedError> {
    if cell.is_empty() || cell.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok(None);
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(PublishedError::BadNumber {
            file: file.to_owned(),
            line,
            column: column.to_owned(),
            value: crate::text::shortened(&crate::text::printable(cell)).into_owned(),
        }),
    }
}

/// Each council's neighbours (old code → the old codes of its ten neighbours, closest first)
/// from the bytes of the neighbours file.
pub fn parse_neighbours(
    file: &str,
    bytes: &[u8],
) -> Result<HashMap<String, Vec<String>>, PublishedError> {
    let mut reader = reader(file, bytes)?;
    let headings = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
    let columns = Columns::of(file, &headings, &NEIGHBOUR_COLUMNS)?;
    let mut neighbours = HashMap::new();
    for record in records(file, &mut reader) {
        let record = record?;
        let council = columns.get(&record, "old_la_code");
        if council.is_empty() {
            continue;
        }
        let list = NEIGHBOUR_COLUMNS[1..]
            .iter()
            .map(|&column| columns.get(&record, column))
            .filter(|code| !code.is_empty())
            .map(str::to_owned)
            .collect();
        neighbours.insert(council.to_owned(), list);
    }
    Ok(neighbours)
}
