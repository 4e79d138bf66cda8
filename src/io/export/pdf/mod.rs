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

use crate::model::projection::{Bands, Projection};
use crate::model::{Assessment, ScenarioId, ScenarioSet};
use std::fmt;
use std::path::Path;

/// What a report is made of. The window has all of it worked out already; [`Worked::of`]
/// works it out for the command line and tests.
pub struct ReportInput<'a> {
    pub scenarios: &'a ScenarioSet,
    /// The scenario reported in full: figures, alerts, charts, projection, posts.
    pub shown: ScenarioId,
    /// The scenarios compared side by side, the baseline first as Compare shows them; with
    /// fewer than two there is no comparison.
    pub compared: &'a [ScenarioId],
    /// The assessment of the scenario shown and of each compared.
    pub assessments: &'a [(ScenarioId, Assessment)],
    /// The projection of the scenario shown, and its bands if they were worked out.
    pub projection: &'a Projection,
    pub bands: Option<&'a Bands>,
    /// The date the report is of, as people write it ("28 November 2026"): the model has no
    /// clock, so the caller says.
    pub date: &'a str,
}

/// Why there is no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// The progress callback asked to stop.
    Stopped,
    /// Something the report needs is missing or could not be made, in a manager's words.
    Failed(String),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Stopped => write!(f, "The report was stopped before it was finished."),
            ReportError::Failed(why) => write!(f, "The report could not be made: {why}."),
        }
    }
}

impl std::error::Error for ReportError {}

/// Tells how far the report has got (0 to 1) and returns `false` to stop it.
pub type Progress<'p> = &'p dyn Fn(f32) -> bool;

/// The report as PDF bytes. `progress` hears how far it has got and may stop it.
pub fn report_pdf(input: &ReportInput, progress: Progress) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts::Typesetter::new().map_err(ReportError::Failed)?;
    // Laying out is most of the work for a large plan; drawing the pages the rest.
    let laid = sections::lay_out(input, &fonts, &mut |f| progress(f * 0.6))?;
    let title = format!("{} – workforce report", input.scenarios.baseline().name);
    match render::render(&laid, &title, &mut |f| progress(0.6 + f * 0.4)) {
        Ok(Some(bytes)) => {
            progress(1.0);
            Ok(bytes)
        }
        Ok(None) => Err(ReportError::Stopped),
        Err(why) => Err(ReportError::Failed(why)),
    }
}

/// Writes the report to `path`, through a temporary file renamed into place: the file is
/// complete or not there (an existing file is replaced only by a complete report).
pub fn write_report(
    input: &ReportInput,
    path: &Path,
    progress: Progress,
) -> Result<(), ReportError> {
    let bytes = report_pdf(input, progress)?;
    super::write_atomically(path, &bytes).map_err(|why| {
        ReportError::Failed(format!("{} could not be written: {why}", path.display()))
    })
}

/// The assessments and projection a report needs, worked out from the plan.
pub struct Worked {
    pub assessments: Vec<(ScenarioId, Assessment)>,
    pub projection: Projection,
}

impl Worked {
    /// Assesses the scenario shown and those compared, and projects the one shown (no bands:
    /// they take a while; pass them in when they are at hand).
    pub fn of(set: &ScenarioSet, shown: ScenarioId, compared: &[ScenarioId]) -> Self {
        let mut ids = vec![shown];
        ids.extend(compared.iter().copied().filter(|id| *id != shown));
        let assessments = ids
            .into_iter()
            .filter_map(|id| Some((id, crate::model::assess(&set.get(id)?.plan))))
            .collect();
        Worked {
            assessments,
            projection: crate::model::projection::project(set.plan(shown)),
        }
    }
}
