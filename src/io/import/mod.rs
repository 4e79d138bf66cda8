//! Reading a staff list or caseload report into a [`Table`]: CSV (comma, semicolon or tab;
//! UTF-8 with or without BOM, UTF-16 as Excel's "Unicode text", or Windows-1252 as Excel
//! writes it) and Excel workbooks (.xlsx, the first sheet or a named one). What the file is
//! comes from its first bytes, not its name, so a workbook saved as `.csv` is still read.
//!
//! Never panics or waits, whatever the path or the bytes: a file over [`MAX_IMPORT_BYTES`], of
//! more than [`MAX_ROWS`] rows, binary, empty or not a table is refused with a message that
//! names the file and says what is wrong. A long read reports how far it has got and stops
//! when asked ([`ReadProgress`]), for running as a background job.
//!
//! What the rows mean is worked out in [`crate::model::import`]; the mapping a user settles on
//! is saved and loaded here ([`save_mapping`], [`load_mapping`]).

mod mapping_file;
mod text_file;
mod workbook;

pub use mapping_file::{
    MAPPING_VERSION, MappingFileError, SavedMapping, load_mapping, save_mapping,
};

use super::load::{describe_io_error, not_a_file, open_for_reading};
use crate::model::import::{
    MAX_ROWS, Row, Table, TableError, is_caseload_heading, is_staff_heading,
};
use crate::text::printable;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The staff-list template the app offers: the columns the import reads best, with example
/// rows (invented names). The same columns as the posts export.
pub const STAFF_LIST_TEMPLATE: &str =
    include_str!("../../../assets/templates/staff-list-template.csv");

/// Larger files are refused before they are read: a staff list of thousands of rows is a few
/// megabytes.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// Sizes in messages are in megabytes as Windows counts them (1,048,576 bytes).
const MEGABYTE: u64 = 1024 * 1024;

/// What kind of table the file is expected to be: it decides which headings are recognised
/// when the row of headings is looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    StaffList,
    Caseload,
}

impl TableKind {
    fn is_heading(self) -> fn(&str) -> bool {
        match self {
            TableKind::StaffList => is_staff_heading,
            TableKind::Caseload => is_caseload_heading,
        }
    }
}

/// How a long read reports progress and learns it is no longer wanted. The app's background
/// jobs implement it; [`NoProgress`] is for callers that wait.
pub trait ReadProgress {
    /// The share of the file read so far, from 0 to 1.
    fn progress(&self, fraction: f32);
    /// True when the read should stop (it then ends with [`ImportError::Stopped`]).
    fn cancelled(&self) -> bool;
}

/// No progress reported, never cancelled.
pub struct NoProgress;

impl ReadProgress for NoProgress {
    fn progress(&self, _fraction: f32) {}
    fn cancelled(&self) -> bool {
        false
    }
}

/// How often (in rows) a read reports progress and checks whether to stop.
const ROWS_BETWEEN_CHECKS: usize = 1024;

/// Why a file could not be read as a table. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: could not be read: {detail}", shown(file))]
    Unreadable { file: PathBuf, detail: String },
    #[error(
        "{}: is {} MB, more than the {} MB a staff list or caseload report may be; is it the right file?",
        shown(file), size / MEGABYTE, MAX_IMPORT_BYTES / MEGABYTE
    )]
    TooLarge { file: PathBuf, size: u64 },
    #[error("{}: {what}", shown(file))]
    NotATable { file: PathBuf, what: String },
    #[error("{}: could not be read as an Excel workbook: {detail}", shown(file))]
    Workbook { file: PathBuf, detail: String },
    #[error(
        "{}: has no sheet called \"{}\"; its sheets are {}",
        shown(file),
        printable(sheet),
        list_sheets(sheets)
    )]
    NoSuchSheet {
        file: PathBuf,
        sheet: String,
        sheets: Vec<String>,
    },
    #[error("{}{}: {error}", shown(file), in_sheet(sheet))]
    Table {
        file: PathBuf,
        sheet: Option<String>,
        error: TableError,
    },
    #[error("{}: reading was stopped", shown(file))]
    Stopped { file: PathBuf },
}

fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

fn in_sheet(sheet: &Option<String>) -> String {
    sheet
        .as_ref()
        .map(|s| format!(", sheet \"{}\"", printable(s)))
        .unwrap_or_default()
}

fn list_sheets(sheets: &[String]) -> String {
    sheets
        .iter()
        .map(|s| format!("\"{}\"", printable(s)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows read past which a file is refused: the data rows allowed and room for titles above.
const MAX_ROWS_READ: usize = MAX_ROWS + crate::model::import::HEADING_SEARCH_ROWS;

/// Collects rows as a reader gives them, refusing more than a table may have.
struct RowSink<'a> {
    rows: Vec<Row>,
    /// Rows seen, blank ones too.
    seen: usize,
    progress: &'a dyn ReadProgress,
}

impl RowSink<'_> {
    /// Keeps `row` unless blank; `Err` when there are too many, or the reading was stopped.
    fn push(&mut self, row: Row, fraction: impl FnOnce() -> f32) -> Result<(), SinkError> {
        if !row.is_blank() {
            self.rows.push(row);
            if self.rows.len() > MAX_ROWS_READ {
                return Err(SinkError::Table(TableError::TooManyRows));
            }
        }
        self.seen += 1;
        if self.seen.is_multiple_of(ROWS_BETWEEN_CHECKS) {
            if self.progress.cancelled() {
                return Err(SinkError::Stopped);
            }
            self.progress.progress(fraction());
        }
        Ok(())
    }
}

enum SinkError {
    Table(TableError),
    Stopped,
    Workbook(String),
    Text(String),
}

/// Reads the table in the file at `path`: for a workbook, the sheet `sheet` or the first.
pub fn read_table(
    path: &Path,
    kind: TableKind,
    sheet: Option<&str>,
    progress: &dyn ReadProgress,
) -> Result<Table, ImportError> {
    let bytes = read_file(path)?;
    read_table_bytes(&bytes, path, kind, sheet, progress)
}

/// Reads a table held in memory; `source` names it in messages.
pub fn read_table_bytes(
    bytes: &[u8],
    source: &Path,
    kind: TableKind,
    sheet: Option<&str>,
    progress: &dyn ReadProgress,
) -> Result<Table, ImportError> {
    let not_a_table = |what: &str| ImportError::NotATable {
        file: source.to_owned(),
        what: what.to_owned(),
    };
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            file: source.to_owned(),
            size: bytes.len() as u64,
        });
    }
    if let Some(what) = foreign_format(bytes) {
        return Err(not_a_table(what));
    }
    let mut sink = RowSink {
        rows: Vec::new(),
        seen: 0,
        progress,
    };
    let (read, sheet_name, decimal_comma) = if bytes.starts_with(workbook::ZIP_SIGNATURE) {
        let (read, name) = workbook::read(bytes, sheet, &mut sink, source)?;
        (read, Some(name), false)
    } else {
        let text = text_file::decode(bytes).map_err(not_a_table)?;
        let delimiter = text_file::sniff_delimiter(&text);
        let read = text_file::read(&text, delimiter, &mut sink);
        (read, None, delimiter == b';')
    };
    let table_error = |error| ImportError::Table {
        file: source.to_owned(),
        sheet: sheet_name.clone(),
        error,
    };
    match read {
        Ok(()) => {}
        Err(SinkError::Table(error)) => return Err(table_error(error)),
        Err(SinkError::Stopped) => {
            return Err(ImportError::Stopped {
                file: source.to_owned(),
            });
        }
        Err(SinkError::Text(what)) => return Err(not_a_table(&what)),
        Err(SinkError::Workbook(detail)) => {
            return Err(ImportError::Workbook {
                file: source.to_owned(),
                detail,
            });
        }
    }
    progress.progress(1.0);
    Table::from_rows(sink.rows, kind.is_heading(), decimal_comma).map_err(table_error)
}

/// The sheets of the workbook at `path`, in order (for choosing one); empty for a CSV file.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ImportError> {
    let bytes = read_file(path)?;
    if !bytes.starts_with(workbook::ZIP_SIGNATURE) {
        return Ok(Vec::new());
    }
    workbook::sheet_names(&bytes).map_err(|detail| ImportError::Workbook {
        file: path.to_owned(),
        detail,
    })
}

/// What a file is when its first bytes say it is something no table is read from.
fn foreign_format(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(
            "is an old Excel workbook (.xls, Excel 97-2003): open it in Excel and save it as \
             .xlsx or CSV, then import that",
        )
    } else if bytes.starts_with(b"%PDF") {
        Some("is a PDF document, not a table: export the report as CSV or Excel instead")
    } else {
        None
    }
}

/// The file's bytes, refusing folders, pipes and devices and anything over the size limit.
fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Unreadable {
        file: path.to_owned(),
        detail: describe_io_error(&e),
    };
    let refuse = |what: &str| ImportError::Unreadable {
        file: path.to_owned(),
        detail: what.to_owned(),
    };
    // Look before opening: opening a named pipe waits for a writer.
    if let Some(what) = not_a_file(std::fs::metadata(path).map_err(unreadable)?.file_type()) {
        return Err(refuse(what));
    }
    let file = open_for_reading(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if let Some(what) = not_a_file(metadata.file_type()) {
        return Err(refuse(what));
    }
    let too_large = |size| ImportError::TooLarge {
        file: path.to_owned(),
        size,
    };
    if metadata.len() > MAX_IMPORT_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
