//! The PDF report: an A4 landscape document a manager takes to a meeting. A title page; the
//! headline figures of the scenario shown with their targets, and its alerts; the Overview's
//! charts and the Projection's (with 10th–90th percentile bands when they were worked out),
//! drawn as vector graphics; the comparison of the scenarios chosen and each option's list of
//! changes; the assumptions, cost rates and the definition of every figure; and the posts.
//!
//! The report is laid out first into pages of drawing operations (`canvas.rs`, `flow.rs`,
//! `table.rs`, `charts/`, `sections/`) and then drawn into a PDF with krilla (`render.rs`):
//! text stays text in an embedded font, searchable and readable back. Every figure comes from
//! the catalogue ([`crate::model::figures`]) and is written by [`crate::text`], as on screen.
//! Workers are named through [`WorkerNames`], so an anonymised report names no one.
//!
//! Writing the file goes through a temporary file renamed into place: a report stopped or
//! failed part-way leaves nothing behind.

mod canvas;
mod charts;
mod flow;
mod fonts;
mod render;
mod sections;
mod table;

use super::{Existing, ExportError, write_files};
use crate::model::ScenarioId;
use crate::model::report::ReportInput;
use crate::text::printable;
use std::fmt;
use std::path::{Path, PathBuf};

/// What a PDF report is made of: what every export's tables are made of (the set, the
/// scenario shown, every scenario's assessment, the projection and its bands when they were
/// worked out, and how workers are named), the scenarios compared, and the date.
pub struct PdfInput<'a> {
    pub tables: ReportInput<'a>,
    /// The scenarios compared side by side, the baseline first as Compare shows them; with
    /// fewer than two there is no comparison.
    pub compared: &'a [ScenarioId],
    /// The date the report is of, as people write it ("28 November 2026"): the model has no
    /// clock, so the caller says.
    pub date: &'a str,
}

/// Why there is no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// The progress callback asked to stop; nothing was written.
    Stopped,
    /// A file is already there and was to be kept; nothing was written.
    Exists(PathBuf),
    /// Something the report needs is missing, or the file could not be written, in words
    /// that name the file.
    Failed(String),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Stopped => write!(f, "The report was stopped before it was finished."),
            ReportError::Exists(path) => {
                write!(
                    f,
                    "{} already exists",
                    printable(&path.display().to_string())
                )
            }
            ReportError::Failed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for ReportError {}

impl From<ExportError> for ReportError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::Exists(path) => ReportError::Exists(path),
            ExportError::Failed(why) => ReportError::Failed(why),
        }
    }
}

/// Tells how far the report has got (0 to 1) and returns `false` to stop it.
pub type Progress<'p> = &'p dyn Fn(f32) -> bool;

/// The report as PDF bytes. `progress` hears how far it has got and may stop it.
pub fn report_pdf(input: &PdfInput, progress: Progress) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts::Typesetter::new()
        .map_err(|why| ReportError::Failed(format!("The report could not be made: {why}.")))?;
    // Laying out is most of the work for a large plan; drawing the pages the rest.
    let laid = sections::lay_out(input, &fonts, &mut |f| progress(f * 0.6))?;
    let title = format!("{} – workforce report", input.tables.set.baseline().name);
    match render::render(&laid, &title, &mut |f| progress(0.6 + f * 0.4)) {
        Ok(Some(bytes)) => {
            progress(1.0);
            Ok(bytes)
        }
        Ok(None) => Err(ReportError::Stopped),
        Err(why) => Err(ReportError::Failed(format!(
            "The report could not be made: {why}."
        ))),
    }
}

/// Writes the report to `path`, through a temporary file renamed into place: the file is
/// complete or not there, and a file already there is replaced only when `existing` says so
/// (refused before the report is made).
pub fn write_report(
    input: &PdfInput,
    path: &Path,
    existing: Existing,
    progress: Progress,
) -> Result<(), ReportError> {
    if existing == Existing::Keep && path.is_file() {
        return Err(ReportError::Exists(path.to_path_buf()));
    }
    let bytes = report_pdf(input, progress)?;
    write_files(&[(path.to_path_buf(), bytes)], existing)?;
    Ok(())
}
