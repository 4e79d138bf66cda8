//! The app's side of importing and exporting: the menu's actions, the file dialogs' answers,
//! the background reading and writing, and applying what an import window asks for (always
//! one change, one undo step).

use super::{CaseloadImport, ImportRequest, StaffImport, caseload_import_ui, staff_import_ui};
use crate::app::{DialogPurpose, FileWriting, JobControl, ReadTable, TableReading};
use crate::io::export::{export_posts_csv, write_atomically};
use crate::io::import::{STAFF_LIST_TEMPLATE, SavedMapping, TableKind, load_mapping, save_mapping};
use crate::model::import::{CaseloadMapping, ImportMapping};
use crate::model::{Command, PostId, ScenarioId};
use crate::ui::app::CaseloadApp;
use crate::ui::busy;
use crate::ui::prompts::Prompt;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Imports and exports under way.
#[derive(Default)]
pub struct Imports {
    /// A file being read, for a staff-list or a caseload import.
    reading: Option<TableReading>,
    /// A file being written (an export, the template).
    writing: Option<FileWriting>,
    pub staff: Option<StaffImport>,
    pub caseload: Option<CaseloadImport>,
    /// The employee numbers of the staff list imported last and the posts they became, in
    /// the scenario it went into, so a caseload report of the same numbers finds its workers
    /// there (and nowhere else: another scenario or plan has other posts).
    numbers: Option<(ScenarioId, HashMap<String, PostId>)>,
    /// A plan an import made, with its employee numbers, to open once unsaved changes are
    /// dealt with.
    pub imported_plan: Option<(Box<crate::model::Plan>, HashMap<String, PostId>)>,
}

impl Imports {
    /// Forgets what belonged to the plan open: its import windows and employee numbers.
    pub fn forget_plan(&mut self) {
        self.staff = None;
        self.caseload = None;
        self.numbers = None;
    }

    /// After a new plan made by an import is opened: its employee numbers.
    pub fn opened_imported(&mut self, numbers: HashMap<String, PostId>) {
        self.numbers = Some((ScenarioId::BASELINE, numbers));
    }

    /// Whether a file is being written (one at a time).
    pub fn is_writing(&self) -> bool {
        self.writing.is_some()
    }

    /// Whether a file is being read or written.
    pub fn is_busy(&self) -> bool {
        self.reading.is_some()
            || self.writing.is_some()
            || self.staff.as_ref().is_some_and(StaffImport::is_working)
    }
}

impl CaseloadApp {
    /// Acts on a file dialog's answer for importing or exporting (the plan's own Open and
    /// Save As are the window's).
    pub(in crate::ui) fn import_answer(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::ImportStaffList => self.start_reading(&path, TableKind::StaffList, None),
            DialogPurpose::ImportCaseload => self.start_reading(&path, TableKind::Caseload, None),
            DialogPurpose::ExportPostsCsv => {
                let plan = self.doc.plan().clone();
                let label = format!("Exporting posts to {}", name_of(&path));
                self.start_writing(&path, label, move |p| {
                    export_posts_csv(&plan, p)?;
                    Ok(format!(
                        "Exported {} to {}",
                        crate::text::count(plan.posts.len() as u64, "post", "posts"),
                        p.display()
                    ))
                });
            }
            DialogPurpose::SaveTemplate => {
                let label = format!("Saving {}", name_of(&path));
                self.start_writing(&path, label, |p| {
                    write_atomically(p, STAFF_LIST_TEMPLATE.as_bytes())?;
                    Ok(format!(
                        "Saved the staff list template to {}: fill it in, then File > Import \
                         staff list.",
                        p.display()
                    ))
                });
            }
            DialogPurpose::SaveMapping => {
                let Some(staff) = &self.imports.staff else {
                    return;
                };
                let saved = SavedMapping::new(staff.mapping.clone(), CaseloadMapping::default());
                match save_mapping(&saved, &path) {
                    Ok(()) => {
                        self.notice =
                            Some(format!("Saved the import choices to {}", path.display()))
                    }
                    Err(e) => {
                        self.show_error("The import choices could not be saved", e.to_string())
                    }
                }
            }
            DialogPurpose::LoadMapping => match load_mapping(&path) {
                Ok(saved) => {
                    if let Some(staff) = &mut self.imports.staff {
                        let base = staff.base(self.doc.plan());
                        staff.mapping =
                            ImportMapping::reuse(&saved.staff_list, &staff.table, &base);
                        self.notice =
                            Some(format!("Using the import choices in {}", path.display()));
                    }
                }
                Err(e) => self.show_error("The import choices could not be read", e.to_string()),
            },
            DialogPurpose::Open
            | DialogPurpose::SaveAs
            | DialogPurpose::LoadRelease
            | DialogPurpose::ExportPng
            | DialogPurpose::ExportCsvTables
            | DialogPurpose::ExportXlsx
            | DialogPurpose::ExportPdf => {}
        }
    }

    fn show_error(&mut self, title: &str, message: String) {
        self.prompt = Some(Prompt::Error {
            title: title.into(),
            message,
        });
    }

    fn start_reading(&mut self, path: &Path, kind: TableKind, sheet: Option<String>) {
        self.imports.reading = Some(TableReading::start(path, kind, sheet, self.wake()));
    }

    pub(in crate::ui) fn start_writing(
        &mut self,
        path: &Path,
        label: String,
        write: impl FnOnce(&Path) -> Result<String, String> + Send + 'static,
    ) {
        self.imports.writing = Some(FileWriting::start(path, label, self.wake(), write));
    }

    /// As [`Self::start_writing`], for work that reports its progress and stops when the user
    /// presses Stop (`write` returns `None` then, having written nothing).
    pub(in crate::ui) fn start_writing_stoppable(
        &mut self,
        path: &Path,
        label: String,
        write: impl FnOnce(&Path, &JobControl) -> Option<Result<String, String>> + Send + 'static,
    ) {
        let writing = FileWriting::start_stoppable(path, label, self.wake(), write);
        self.imports.writing = Some(writing);
    }

    /// Each frame: takes what the background work has finished, shows its progress, and draws
    /// the import windows.
    pub(in crate::ui) fn imports_frame(&mut self, ctx: &egui::Context) {
        self.take_background_work();
        self.busy_window(ctx);
        self.staff_import_window(ctx);
        self.caseload_import_window(ctx);
    }

    fn take_background_work(&mut self) {
        if let Some(outcome) = self.imports.writing.as_mut().and_then(FileWriting::poll) {
            self.imports.writing = None;
            match outcome {
                Ok(notice) => self.notice = Some(notice),
                Err(message) => self.show_error("The file could not be written", message),
            }
        }
        let Some(outcome) = self.imports.reading.as_mut().and_then(TableReading::poll) else {
            return;
        };
        let Some(reading) = self.imports.reading.take() else {
            return;
        };
        let path = reading.path().to_owned();
        match (outcome, reading.kind()) {
            (Ok(ReadTable { table, sheets }), TableKind::StaffList) => {
                let sheet = reading
                    .sheet()
                    .map(str::to_owned)
                    .or_else(|| sheets.first().cloned());
                let mut import = StaffImport::new(&path, sheets, sheet, table);
                // Another sheet of the same file keeps the choices already made.
                if reading.sheet().is_some()
                    && let Some(old) = self.imports.staff.take()
                    && old.path == path
                {
                    let base = import.base(self.doc.plan()).into_owned();
                    import.mapping = ImportMapping::reuse(&old.mapping, &import.table, &base);
                    import.target = old.target;
                }
                self.imports.staff = Some(import);
            }
            (Ok(ReadTable { table, .. }), TableKind::Caseload) => {
                let numbers = match &self.imports.numbers {
                    Some((scenario, numbers)) if *scenario == self.doc.active() => numbers.clone(),
                    _ => HashMap::new(),
                };
                self.imports.caseload =
                    Some(CaseloadImport::new(path, table, self.doc.plan(), numbers));
            }
            (Err(message), _) => self.show_error("The file could not be imported", message),
        }
    }

    /// "Reading staff.csv (40%)…" with a Stop button while a file is read or written.
    fn busy_window(&mut self, ctx: &egui::Context) {
        let label = match (&self.imports.reading, &self.imports.writing) {
            (Some(reading), _) => reading.label(),
            (None, Some(writing)) => writing.label(),
            (None, None) => return,
        };
        egui::Window::new("Working")
            .id(egui::Id::unique("import-busy"))
            .collapsible(false)
            .resizable(false)
            .title_bar(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                busy::busy_ui(ui, &format!("{label}…"));
                // One Stop, for the work whose label is shown.
                if let Some(reading) = &self.imports.reading {
                    if ui.button("Stop").clicked() {
                        reading.cancel();
                        self.imports.reading = None;
                    }
                } else if let Some(writing) = &self.imports.writing
                    && writing.stoppable()
                    && ui.button("Stop").clicked()
                {
                    writing.cancel();
                    self.imports.writing = None;
                    // Not "nothing was written": a file finished in the same moment stays.
                    self.notice = Some("Export stopped.".to_owned());
                }
            });
    }

    fn staff_import_window(&mut self, ctx: &egui::Context) {
        let wake = self.wake();
        let Some(import) = &mut self.imports.staff else {
            return;
        };
        let mut open = true;
        let active = self.doc.active();
        let shown_name = self
            .doc
            .scenarios()
            .iter()
            .find(|s| s.id == active)
            .map_or_else(String::new, |s| s.name.clone());
        let scenario = super::ShownScenario {
            plan: self.doc.plan(),
            name: &shown_name,
            ids: self.doc.scenarios().next_ids(),
            revision: self.doc.revision(),
            wake,
        };
        let request = staff_import_ui(ctx, import, &scenario, &mut open);
        if !open {
            self.imports.staff = None;
            return;
        }
        if let Some(request) = request {
            self.staff_import_request(request, ctx);
        }
    }

    fn staff_import_request(&mut self, request: ImportRequest, ctx: &egui::Context) {
        let Some(import) = &mut self.imports.staff else {
            return;
        };
        match request {
            ImportRequest::ReadSheet(sheet) => {
                let path = import.path.clone();
                self.start_reading(&path, TableKind::StaffList, Some(sheet));
            }
            ImportRequest::SaveMapping => self.ask(DialogPurpose::SaveMapping, ctx),
            ImportRequest::LoadMapping => self.ask(DialogPurpose::LoadMapping, ctx),
            ImportRequest::NewPlan(plan) => {
                let numbers = import.numbers();
                self.imports.staff = None;
                self.imports.imported_plan = Some((plan, numbers));
                self.request(crate::ui::menu::AppAction::OpenImported, ctx);
            }
            ImportRequest::ReplaceShown(command) => {
                let numbers = import.numbers();
                match self.doc.apply(command) {
                    Ok(_) => self.imported(
                        numbers,
                        "Imported the staff list (Undo puts the old posts back).",
                    ),
                    Err(refusal) => import.refusal = Some(refusal.to_string()),
                }
            }
            ImportRequest::NewOption(name, command) => {
                let numbers = import.numbers();
                let name = self.doc.scenarios().unused_name(&name);
                let outcome = self.doc.add_option(&name).and_then(|id| {
                    self.doc.apply(command).map(|_| id).inspect_err(|_| {
                        let _ = self.doc.delete_option(id);
                    })
                });
                match outcome {
                    Ok(_) => self.imported(
                        numbers,
                        &format!("Imported the staff list as the option \"{name}\"."),
                    ),
                    Err(refusal) => {
                        if let Some(import) = &mut self.imports.staff {
                            import.refusal = Some(refusal.to_string());
                        }
                    }
                }
            }
        }
    }

    /// After an import into the document: the window closes and the status bar says so.
    fn imported(&mut self, numbers: HashMap<String, PostId>, notice: &str) {
        self.imports.numbers = Some((self.doc.active(), numbers));
        self.imports.staff = None;
        self.state.selection = crate::ui::state::Selection::Plan;
        self.notice = Some(notice.to_owned());
    }

    fn caseload_import_window(&mut self, ctx: &egui::Context) {
        let Some(import) = &mut self.imports.caseload else {
            return;
        };
        let mut open = true;
        let done = caseload_import_ui(ctx, import, self.doc.plan(), self.doc.revision(), &mut open);
        if !open {
            self.imports.caseload = None;
        }
        if let Some((command, notice)) = done {
            self.apply_import(command, notice);
        }
    }

    fn apply_import(&mut self, command: Command, notice: String) {
        match self.doc.apply(command) {
            Ok(_) => {
                self.imports.caseload = None;
                self.notice = Some(notice);
            }
            Err(refusal) => self.state.refusal = Some(refusal.to_string()),
        }
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}
