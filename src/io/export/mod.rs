//! Files written for other programs: the posts of a plan as CSV (`posts_csv.rs`), in the
//! columns the staff-list import reads, so a structure can be edited in a spreadsheet and
//! brought back; the report tables ([`crate::model::report`]) as a folder of CSV files
//! (`csv.rs`) or one Excel workbook (`xlsx.rs`), written whole or not at all (`files.rs`);
//! the PDF report (`pdf/`).

mod csv;
mod files;
pub mod pdf;
mod posts_csv;
mod xlsx;

pub use csv::{csv_file_name, table_csv, write_csv_tables};
pub use files::{Existing, ExportError, write_files};
pub use posts_csv::{POSTS_CSV_HEADINGS, export_posts_csv, posts_csv};
pub use xlsx::{workbook_bytes, write_workbook};

use super::load::describe_io_error;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it, renamed over it once complete:
/// the file is the old one or the new one, never half of either. `Err` says what failed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".export")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| {
            format!(
                "could not write in {}: {}",
                folder.display(),
                describe_io_error(&e)
            )
        })?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| format!("could not write the file: {}", describe_io_error(&e)))?;
    file.persist(path).map_err(|e| {
        format!(
            "could not replace the file: {}",
            describe_io_error(&e.error)
        )
    })?;
    Ok(())
}
