//! The mapping a user settled on, saved as RON beside the exports it reads, so next month's
//! export of the same report is read the same way (`--mapping` on the command line).
//!
//! ```ron
//! (
//!     version: 1,
//!     staff_list: (
//!         columns: {"Emp No": EmployeeNumber, "Employee Name": Name, "Job Title": JobTitle},
//!         full_time_hours: 37.0,
//!         grades: {"Level 3 Social Worker": Grade("Social worker"), "Business Support": Skip},
//!         teams: {"CC4410 Locality North": Team("Locality North")},
//!         ...
//!     ),
//!     caseload: (columns: {"Allocated Worker": Worker, "CP": Cases("Child protection")}),
//! )
//! ```

use crate::io::export::write_atomically;
use crate::model::import::{CaseloadMapping, ImportMapping};
use crate::text::printable;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The version of the mapping file this build writes and reads.
pub const MAPPING_VERSION: u32 = 1;

/// Mapping files are small; anything larger is not one.
const MAX_MAPPING_BYTES: u64 = 4 * 1024 * 1024;

/// A staff list's mapping, and the caseload report's that goes with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedMapping {
    pub version: u32,
    #[serde(default)]
    pub staff_list: ImportMapping,
    #[serde(default)]
    pub caseload: CaseloadMapping,
}

impl SavedMapping {
    pub fn new(staff_list: ImportMapping, caseload: CaseloadMapping) -> Self {
        SavedMapping {
            version: MAPPING_VERSION,
            staff_list,
            caseload,
        }
    }
}

/// Why a mapping file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum MappingFileError {
    #[error("{}: could not be read: {detail}", printable(&file.display().to_string()))]
    Unreadable { file: PathBuf, detail: String },
    #[error("{}: is not a mapping file: {detail}", printable(&file.display().to_string()))]
    Invalid { file: PathBuf, detail: String },
    #[error("{} was not saved: {detail}", printable(&file.display().to_string()))]
    NotSaved { file: PathBuf, detail: String },
}

/// Writes `mapping` to `path`, replacing any file there whole (never half-written).
pub fn save_mapping(mapping: &SavedMapping, path: &Path) -> Result<(), MappingFileError> {
    let not_saved = |detail: String| MappingFileError::NotSaved {
        file: path.to_owned(),
        detail,
    };
    let pretty = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .depth_limit(2)
        .escape_strings(false);
    let mut text =
        ron::ser::to_string_pretty(mapping, pretty).map_err(|e| not_saved(e.to_string()))?;
    text.push('\n');
    write_atomically(path, text.as_bytes()).map_err(not_saved)
}

/// Reads the mapping file at `path`.
pub fn load_mapping(path: &Path) -> Result<SavedMapping, MappingFileError> {
    let unreadable = |detail: String| MappingFileError::Unreadable {
        file: path.to_owned(),
        detail,
    };
    let invalid = |detail: String| MappingFileError::Invalid {
        file: path.to_owned(),
        detail,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(crate::io::describe_io_error(&e)))?
        .len();
    if size > MAX_MAPPING_BYTES {
        return Err(invalid(format!(
            "it is {size} bytes, far larger than a mapping"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(crate::io::describe_io_error(&e)))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| invalid("it is not text".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mapping: SavedMapping = ron::from_str(text).map_err(|e| {
        invalid(format!(
            "line {}, column {}: {}",
            e.span.start.line,
            e.span.start.col,
            printable(&crate::io::ron_words::plain_words(&e.code))
        ))
    })?;
    if mapping.version == 0 || mapping.version > MAPPING_VERSION {
        return Err(invalid(format!(
            "it is mapping version {}; this version of Caseload Planner reads version {MAPPING_VERSION}",
            mapping.version
        )));
    }
    let hours = mapping.staff_list.full_time_hours;
    if !(1.0..=100.0).contains(&hours) {
        return Err(invalid(format!(
            "the full-time week must be from 1 to 100 hours, not {}",
            crate::model::shown::number(hours)
        )));
    }
    Ok(mapping)
}
