//! The Department for Education's children's social work workforce release: the copy built
//! into the app, a newer one the user installs into the app's data folder, and reading either
//! into a [`Release`] (the figures of England, every region and every council, year by year,
//! and each council's statistical neighbours).
//!
//! A release file must have the columns the app reads ([`RELEASE_COLUMNS`]; others are
//! ignored); one that lacks any is refused, naming them. A cell that is not a number names its
//! line and column; letters are the DfE's marks for a value not published and are read as
//! missing. Files over [`MAX_RELEASE_BYTES`] or [`MAX_ROWS`] rows are refused. Nothing here
//! panics, whatever the bytes.

mod install;
mod parse;

pub use install::{ReleaseSource, current_release, install_release, installed_release_file};
pub use parse::{MAX_ROWS, NEIGHBOUR_COLUMNS, RELEASE_COLUMNS, parse_neighbours, parse_release};

use super::load::{describe_io_error, not_a_file, open_for_reading};
use crate::model::benchmark::Release;
use crate::text::printable;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// What the Open Government Licence v3.0 asks to be shown wherever the data is (defined with
/// the release's types, since a plan built from the figures carries it in its notes).
pub use crate::model::benchmark::ATTRIBUTION;

/// The licence's own page.
pub const OGL_URL: &str =
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

/// The built-in release's file name (as published, under `assets/published/`).
pub const BUILTIN_RELEASE_FILE: &str = "csww_indicators_2017_to_2025.csv";
/// The built-in statistical neighbours' file name.
pub const BUILTIN_NEIGHBOURS_FILE: &str = "statistical_neighbours_2025.csv";

const BUILTIN_RELEASE: &[u8] =
    include_bytes!("../../../assets/published/csww_indicators_2017_to_2025.csv");
const BUILTIN_NEIGHBOURS: &[u8] =
    include_bytes!("../../../assets/published/statistical_neighbours_2025.csv");

/// Larger files are refused before they are read: the release is about 300 KB.
pub const MAX_RELEASE_BYTES: u64 = 50 * 1024 * 1024;
const MEGABYTE: u64 = 1024 * 1024;

/// Why a release could not be read or installed. Each message names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublishedError {
    #[error("{}: could not be read: {detail}", printable(file))]
    Unreadable { file: String, detail: String },
    #[error(
        "{}: is {} MB, more than the {} MB a release of the DfE's figures may be; is it the right file?",
        printable(file), size / MEGABYTE, MAX_RELEASE_BYTES / MEGABYTE
    )]
    TooLarge { file: String, size: u64 },
    #[error(
        "{}: has more than {} rows, more than a release of the DfE's figures has; is it the right file?",
        printable(file), crate::text::thousands(MAX_ROWS as u64)
    )]
    TooManyRows { file: String },
    #[error(
        "{}: line {line}: is not text in UTF-8 (save it from Excel as \"CSV UTF-8\")",
        printable(file)
    )]
    NotText { file: String, line: u64 },
    #[error("{}: line {line}: could not be read as CSV: {detail}", printable(file))]
    Csv {
        file: String,
        line: u64,
        detail: String,
    },
    #[error(
        "{}: is not a children's social work workforce release the app can read: it has no {} {}",
        printable(file),
        if columns.len() == 1 { "column" } else { "columns" },
        columns.join(", ")
    )]
    MissingColumns { file: String, columns: Vec<String> },
    #[error(
        "{}: line {line}, column {column}: \"{value}\" is not a number (0 or more)",
        printable(file)
    )]
    BadNumber {
        file: String,
        line: u64,
        column: String,
        value: String,
    },
    #[error("{}: line {line}: {what}", printable(file))]
    BadRow {
        file: String,
        line: u64,
        what: String,
    },
    #[error("{}: {what}", printable(file))]
    Incomplete { file: String, what: String },
    #[error(
        "{}: its figures go to {latest} only; the release built in goes to {builtin_latest}",
        printable(file)
    )]
    Older {
        file: String,
        latest: u16,
        builtin_latest: u16,
    },
    #[error("{} was not installed: could not {step}: {detail}", printable(file))]
    Install {
        file: String,
        step: String,
        detail: String,
    },
}

/// How the built-in files are named in messages.
fn builtin_name(file: &str) -> String {
    format!("{file} (built in)")
}

/// The statistical neighbours built into the app.
fn builtin_neighbours() -> Result<HashMap<String, Vec<String>>, PublishedError> {
    parse_neighbours(&builtin_name(BUILTIN_NEIGHBOURS_FILE), BUILTIN_NEIGHBOURS)
}

/// The release built into the app (2017 to 2025) with its statistical neighbours.
pub fn builtin_release() -> Result<Release, PublishedError> {
    parse_release(
        &builtin_name(BUILTIN_RELEASE_FILE),
        BUILTIN_RELEASE,
        builtin_neighbours()?,
    )
}

/// A release from the bytes of its CSV (`file` names it in messages), with the built-in
/// statistical neighbours.
pub fn read_release(file: &str, bytes: &[u8]) -> Result<Release, PublishedError> {
    if bytes.len() as u64 > MAX_RELEASE_BYTES {
        return Err(PublishedError::TooLarge {
            file: file.to_owned(),
            size: bytes.len() as u64,
        });
    }
    parse_release(file, bytes, builtin_neighbours()?)
}

/// The bytes of the file at `path`, refusing folders, pipes and devices and anything over
/// [`MAX_RELEASE_BYTES`].
pub(super) fn read_release_bytes(path: &Path) -> Result<Vec<u8>, PublishedError> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| PublishedError::Unreadable {
        file: file.clone(),
        detail: describe_io_error(&e),
    };
    let refuse = |what: &str| PublishedError::Unreadable {
        file: file.clone(),
        detail: what.to_owned(),
    };
    // Look before opening: opening a named pipe waits for a writer.
    if let Some(what) = not_a_file(std::fs::metadata(path).map_err(unreadable)?.file_type()) {
        return Err(refuse(what));
    }
    let opened = open_for_reading(path).map_err(unreadable)?;
    let metadata = opened.metadata().map_err(unreadable)?;
    if let Some(what) = not_a_file(metadata.file_type()) {
        return Err(refuse(what));
    }
    let too_large = |size| PublishedError::TooLarge {
        file: file.clone(),
        size,
    };
    if metadata.len() > MAX_RELEASE_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    opened
        .take(MAX_RELEASE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_RELEASE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A release read from the CSV file at `path`, with the built-in statistical neighbours.
pub fn read_release_file(path: &Path) -> Result<Release, PublishedError> {
    let bytes = read_release_bytes(path)?;
    read_release(&path.display().to_string(), &bytes)
}
