//! File > Export tables as CSV… / Export Excel workbook… / Export PDF report…: the scenario
//! shown, its projection with its bands, the options Compare shows, and the names as shown
//! (anonymised when the switch is on), written in the background with the window's progress
//! and Stop. The tables are `model::report`'s, written by `io::export`; every file is written
//! whole or not at all, and a file already there is replaced only once the user has said so
//! (the save dialog asks for a file; for a folder of CSV files the window asks).

use super::app::CaseloadApp;
use super::prompts::Prompt;
use crate::app::{BAND_RUNS, BAND_SEED, DialogPurpose, DialogRequest, JobControl, file_name_for};
use crate::io::export::pdf::{PdfInput, ReportError, write_report};
use crate::io::export::{Existing, write_csv_tables, write_workbook};
use crate::model::ScenarioId;
use crate::model::ScenarioSet;
use crate::model::anonymise::{Anonymised, WorkerNames};
use crate::model::projection::{Bands, monte_carlo_with, project};
use crate::model::report::{ReportInput, ReportTable, assess_all, report_tables_of};
use std::path::{Path, PathBuf};

/// What an export is of: a copy of the plan, so the window can go on while it is written.
struct ExportInput {
    set: ScenarioSet,
    scenario: ScenarioId,
    /// The bands when the window has them already; otherwise they are worked out first.
    bands: Option<Bands>,
    anonymise: bool,
    /// The scenarios Compare shows, the baseline first.
    compared: Vec<ScenarioId>,
    /// Today, as the report's date ("28 November 2026").
    date: String,
}

/// Of an export's progress, the share that working out the bands takes when they are not
/// ready (a thousand runs; the writing is the rest).
const BANDS_SHARE: f32 = 0.5;

impl ExportInput {
    /// The bands, worked out here when the window did not have them: `None` once the user
    /// pressed Stop.
    fn bands(&mut self, control: &JobControl) -> Option<Bands> {
        if let Some(bands) = self.bands.take() {
            return Some(bands);
        }
        let plan = &self.set.get(self.scenario)?.plan;
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        monte_carlo_with(plan, BAND_RUNS, BAND_SEED, threads, &|done| {
            control.set_progress(BANDS_SHARE * done as f32 / BAND_RUNS as f32);
            !control.is_cancelled()
        })
    }

    fn names(anonymised: Option<&Anonymised>) -> WorkerNames<'_> {
        anonymised.map_or(WorkerNames::Real, WorkerNames::Anonymised)
    }

    fn tables(&self, bands: &Bands) -> Vec<ReportTable> {
        let anonymised = self.anonymise.then(|| Anonymised::of(&self.set));
        let names = Self::names(anonymised.as_ref());
        report_tables_of(&self.set, self.scenario, Some(bands), names)
    }

    /// Writes the PDF report to `path`: `None` once the user pressed Stop.
    fn write_report(
        &self,
        bands: &Bands,
        path: &Path,
        control: &JobControl,
    ) -> Option<Result<String, String>> {
        let plan = &self.set.get(self.scenario)?.plan;
        let assessments = assess_all(&self.set);
        let projection = project(plan);
        let anonymised = self.anonymise.then(|| Anonymised::of(&self.set));
        let input = PdfInput {
            tables: ReportInput {
                set: &self.set,
                scenario: self.scenario,
                assessments: &assessments,
                projection: &projection,
                bands: Some(bands),
                names: Self::names(anonymised.as_ref()),
            },
            compared: &self.compared,
            date: &self.date,
        };
        let start = control.progress();
        let progress = |f: f32| {
            control.set_progress(start + (1.0 - start) * f);
            !control.is_cancelled()
        };
        // The save dialog has asked before replacing a file.
        match write_report(&input, path, Existing::Replace, &progress) {
            Ok(()) => Some(Ok(format!("Exported the report to {}", path.display()))),
            Err(ReportError::Stopped) => None,
            Err(why) => Some(Err(why.to_string())),
        }
    }
}

impl CaseloadApp {
    fn export_input(&self) -> ExportInput {
        let mut compared = vec![ScenarioId::BASELINE];
        compared.extend(super::compare::compared(&self.doc, &self.state));
        ExportInput {
            set: self.doc.scenarios().clone(),
            scenario: self.doc.active(),
            bands: self.doc.bands_if_ready().cloned(),
            anonymise: self.state.anonymise,
            compared,
            date: jiff::Zoned::now().strftime("%-d %B %Y").to_string(),
        }
    }

    /// Asks where an export of `purpose` goes, suggesting a name from the plan's.
    pub(super) fn ask_export(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        // One file at a time: a second export would replace (and so stop) the first.
        if self.imports.is_writing() {
            self.notice = Some(
                "Another file is still being written: wait for it, or stop it, first.".to_owned(),
            );
            return;
        }
        let stem = file_name_for(&self.doc.plan().name)
            .trim_end_matches(".ron")
            .to_owned();
        let file_name = match purpose {
            DialogPurpose::ExportCsvTables => format!("{stem} tables"),
            DialogPurpose::ExportXlsx => format!("{stem}.xlsx"),
            _ => format!("{stem} report.pdf"),
        };
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_owned);
        let request = DialogRequest {
            purpose,
            file_name,
            folder,
        };
        self.ask_request(request, ctx);
    }

    /// Writes the export the dialog was for to `path`; for a folder of CSV files that already
    /// holds some, asks first.
    pub(super) fn export_to(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::ExportCsvTables => {
                // A folder of CSV files, one per table, named as the user named it.
                let folder = path.with_extension("");
                if holds_csv_files(&folder) {
                    self.prompt = Some(Prompt::ReplaceCsvFiles { folder });
                } else {
                    self.export_csv_tables(folder, Existing::Keep);
                }
            }
            DialogPurpose::ExportXlsx => {
                let path = with_extension(path, "xlsx");
                let mut input = self.export_input();
                self.start_writing_stoppable(&path, exporting(&path), move |p, control| {
                    let bands = input.bands(control)?;
                    let tables = input.tables(&bands);
                    if control.is_cancelled() {
                        return None;
                    }
                    let title = input.set.baseline().name.clone();
                    // The save dialog has asked before replacing a file.
                    let written = write_workbook(&tables, &title, p, Existing::Replace);
                    Some(
                        written
                            .map(|()| format!("Exported the workbook to {}", p.display()))
                            .map_err(|e| e.to_string()),
                    )
                });
            }
            DialogPurpose::ExportPdf => {
                let path = with_extension(path, "pdf");
                let mut input = self.export_input();
                self.start_writing_stoppable(&path, exporting(&path), move |p, control| {
                    let bands = input.bands(control)?;
                    input.write_report(&bands, p, control)
                });
            }
            _ => {}
        }
    }

    /// Writes the tables as CSV files into `folder`, replacing files of the same names when
    /// `existing` says so (the user said yes to replacing them).
    pub(super) fn export_csv_tables(&mut self, folder: PathBuf, existing: Existing) {
        let mut input = self.export_input();
        self.start_writing_stoppable(&folder, exporting(&folder), move |folder, control| {
            let bands = input.bands(control)?;
            let tables = input.tables(&bands);
            if control.is_cancelled() {
                return None;
            }
            let written = write_csv_tables(&tables, folder, existing);
            Some(
                written
                    .map(|files| {
                        format!(
                            "Exported {} to {}",
                            crate::text::count(files.len() as u64, "CSV file", "CSV files"),
                            folder.display()
                        )
                    })
                    .map_err(|e| e.to_string()),
            )
        });
    }
}

/// "Exporting North report.pdf", for the window's progress.
fn exporting(path: &Path) -> String {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    format!("Exporting {name}")
}

/// Whether `folder` is a folder with CSV files in it (an earlier export's, perhaps).
fn holds_csv_files(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        })
    })
}

/// `path` with `extension` unless it has one already.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    match path.extension() {
        Some(_) => path,
        None => path.with_extension(extension),
    }
}
