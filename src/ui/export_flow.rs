//! File > Export tables as CSV… / Export Excel workbook… / Export PDF report…: the scenario
//! shown, its projection's bands when they are ready, and the names as shown (anonymised when
//! the switch is on), written in the background with the window's progress and Stop. The
//! tables are `model::report`'s, written by `io::export`; every file is written whole or not
//! at all.

use super::app::CaseloadApp;
use crate::app::{DialogPurpose, DialogRequest, file_name_for};
use crate::io::export::{Existing, write_csv_tables, write_workbook};
use crate::model::ScenarioId;
use crate::model::ScenarioSet;
use crate::model::anonymise::{Anonymised, WorkerNames};
use crate::model::projection::Bands;
use crate::model::report::{ReportTable, report_tables_of};
use std::path::{Path, PathBuf};

/// What an export is of: a copy of the plan, so the window can go on while it is written.
struct ExportInput {
    set: ScenarioSet,
    scenario: ScenarioId,
    bands: Option<Bands>,
    anonymise: bool,
}

impl ExportInput {
    fn tables(&self) -> Vec<ReportTable> {
        let anonymised = self.anonymise.then(|| Anonymised::of(&self.set));
        let names = anonymised
            .as_ref()
            .map_or(WorkerNames::Real, WorkerNames::Anonymised);
        report_tables_of(&self.set, self.scenario, self.bands.as_ref(), names)
    }
}

impl CaseloadApp {
    fn export_input(&self) -> ExportInput {
        ExportInput {
            set: self.doc.scenarios().clone(),
            scenario: self.doc.active(),
            bands: self.doc.bands_if_ready().cloned(),
            anonymise: self.state.anonymise,
        }
    }

    /// Asks where an export of `purpose` goes, suggesting a name from the plan's.
    pub(super) fn ask_export(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
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

    /// Writes the export the dialog was for to `path`.
    pub(super) fn export_to(&mut self, purpose: DialogPurpose, path: PathBuf) {
        let input = self.export_input();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        match purpose {
            DialogPurpose::ExportCsvTables => {
                // A folder of CSV files, one per table, named as the user named it.
                let folder = path.with_extension("");
                self.start_writing(&folder, format!("Exporting {name}"), move |folder| {
                    let tables = input.tables();
                    let written = write_csv_tables(&tables, folder, Existing::Keep)
                        .map_err(|e| e.to_string())?;
                    Ok(format!(
                        "Exported {} to {}",
                        crate::text::count(written.len() as u64, "CSV file", "CSV files"),
                        folder.display()
                    ))
                });
            }
            DialogPurpose::ExportXlsx => {
                let path = with_extension(path, "xlsx");
                self.start_writing(&path, format!("Exporting {name}"), move |p| {
                    let tables = input.tables();
                    let title = input.set.baseline().name.clone();
                    // The save dialog has asked before replacing a file.
                    write_workbook(&tables, &title, p, Existing::Replace)
                        .map_err(|e| e.to_string())?;
                    Ok(format!("Exported the workbook to {}", p.display()))
                });
            }
            _ => {}
        }
    }
}

/// `path` with `extension` unless it has one already.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    match path.extension() {
        Some(_) => path,
        None => path.with_extension(extension),
    }
}
