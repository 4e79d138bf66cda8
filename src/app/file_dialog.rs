//! Open and Save As dialogs that never freeze the window: the request is made on the UI thread,
//! the answer is awaited on a worker thread and collected by [`FileDialogs::poll`] in a later
//! frame. Tests use [`ScriptedDialogs`], which answers at once from a script.

use std::collections::VecDeque;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// What a dialog was asked for, so its answer can be acted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
    /// A staff list (CSV or Excel) to import.
    ImportStaffList,
    /// A caseload report (CSV or Excel) to import.
    ImportCaseload,
    /// Where to write the posts as CSV.
    ExportPostsCsv,
    /// Where to write the staff-list template.
    SaveTemplate,
    /// Where to write the import's column and word choices, for next month's file.
    SaveMapping,
    /// Column and word choices saved from an earlier import.
    LoadMapping,
    /// A newer release of the DfE's published figures (CSV), to install.
    LoadRelease,
    /// Where to save a picture of the view or a chart.
    ExportPng,
    /// Where to put the tables as CSV files (a folder of that name).
    ExportCsvTables,
    /// Where to save the tables as an Excel workbook.
    ExportXlsx,
    /// Where to save the PDF report.
    ExportPdf,
}

/// Files a staff list or caseload report may be: CSV (and tab-separated text) or Excel.
const TABLE_FILES: (&str, &[&str]) = ("Staff list or report", &["csv", "txt", "tsv", "xlsx"]);
const CSV_FILES: (&str, &[&str]) = ("CSV", &["csv"]);
const PLAN_FILES: (&str, &[&str]) = ("Caseload plan", &["ron"]);
const MAPPING_FILES: (&str, &[&str]) = ("Import choices", &["ron"]);
const PNG_FILES: (&str, &[&str]) = ("PNG picture", &["png"]);
const XLSX_FILES: (&str, &[&str]) = ("Excel workbook", &["xlsx"]);
const PDF_FILES: (&str, &[&str]) = ("PDF document", &["pdf"]);
/// A folder to make: any name (the dialog shows every file).
const CSV_FOLDER: (&str, &[&str]) = ("Folder for the CSV files", &["*"]);

impl DialogPurpose {
    /// Whether the dialog asks where to write a file (rather than which file to read).
    pub fn saves(self) -> bool {
        matches!(
            self,
            DialogPurpose::SaveAs
                | DialogPurpose::ExportPng
                | DialogPurpose::ExportCsvTables
                | DialogPurpose::ExportXlsx
                | DialogPurpose::ExportPdf
                | DialogPurpose::ExportPostsCsv
                | DialogPurpose::SaveTemplate
                | DialogPurpose::SaveMapping
        )
    }

    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            DialogPurpose::Open => "Open plan",
            DialogPurpose::SaveAs => "Save plan as",
            DialogPurpose::ImportStaffList => "Import staff list",
            DialogPurpose::ImportCaseload => "Import caseloads",
            DialogPurpose::ExportPostsCsv => "Export posts as CSV",
            DialogPurpose::SaveTemplate => "Save staff list template",
            DialogPurpose::SaveMapping => "Save import choices",
            DialogPurpose::LoadMapping => "Use saved import choices",
            DialogPurpose::LoadRelease => "Use newer published figures",
            DialogPurpose::ExportPng => "Save picture as PNG",
            DialogPurpose::ExportCsvTables => "Export tables as CSV (a folder of files)",
            DialogPurpose::ExportXlsx => "Export Excel workbook",
            DialogPurpose::ExportPdf => "Export PDF report",
        }
    }

    /// The kind of file it shows: a name and the extensions.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            DialogPurpose::Open | DialogPurpose::SaveAs => PLAN_FILES,
            DialogPurpose::ImportStaffList | DialogPurpose::ImportCaseload => TABLE_FILES,
            DialogPurpose::ExportPostsCsv
            | DialogPurpose::SaveTemplate
            | DialogPurpose::LoadRelease => CSV_FILES,
            DialogPurpose::SaveMapping | DialogPurpose::LoadMapping => MAPPING_FILES,
            DialogPurpose::ExportPng => PNG_FILES,
            DialogPurpose::ExportCsvTables => CSV_FOLDER,
            DialogPurpose::ExportXlsx => XLSX_FILES,
            DialogPurpose::ExportPdf => PDF_FILES,
        }
    }

    /// The file name a saving dialog suggests, for the plan named `plan_name`.
    fn suggested_name(self, plan_name: &str) -> String {
        let stem = |name: String| name.trim_end_matches(".ron").to_owned();
        match self {
            DialogPurpose::ExportPostsCsv => {
                format!("{} posts.csv", stem(file_name_for(plan_name)))
            }
            DialogPurpose::SaveTemplate => "staff-list-template.csv".to_owned(),
            DialogPurpose::SaveMapping => "staff-list-import-choices.ron".to_owned(),
            _ => file_name_for(plan_name),
        }
    }
}

/// A dialog to show: what for, the file name it suggests and the folder it opens in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogRequest {
    pub purpose: DialogPurpose,
    /// Suggested by Save As: from the plan's name (`North locality.ron`).
    pub file_name: String,
    /// The folder of the plan's file, when it has one; otherwise the dialog's own choice.
    pub folder: Option<PathBuf>,
}

impl DialogRequest {
    /// A dialog for the plan named `plan_name`, saved at `current` if it has been saved.
    pub fn for_plan(purpose: DialogPurpose, plan_name: &str, current: Option<&Path>) -> Self {
        DialogRequest {
            purpose,
            file_name: purpose.suggested_name(plan_name),
            folder: current
                .and_then(Path::parent)
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_owned),
        }
    }
}

/// Longest file name suggested, before `.ron`: long plan names make unwieldy file names.
const MAX_SUGGESTED_CHARS: usize = 60;

/// A file name from a plan's name, valid on Windows and Unix: `North locality.ron`. Characters
/// no file name may hold (`/ \ : * ? " < > |`, control characters) become `-`; a name that
/// leaves nothing usable gives `plan.ron`.
pub fn file_name_for(plan_name: &str) -> String {
    let cleaned: String = plan_name
        .chars()
        .map(|c| {
            if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                '-'
            } else {
                c
            }
        })
        .take(MAX_SUGGESTED_CHARS)
        .collect();
    // Windows drops trailing dots and spaces; a leading dot hides the file on Unix.
    let stem = cleaned.trim().trim_matches('.').trim();
    if stem.chars().all(|c| c == '-') {
        "plan.ron".to_owned()
    } else {
        format!("{stem}.ron")
    }
}

/// A dialog's answer: the chosen path, or `None` when the user cancelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogAnswer {
    pub purpose: DialogPurpose,
    pub path: Option<PathBuf>,
}

/// A source of file-dialog answers.
pub trait FileDialogs {
    /// Starts a dialog. `wake` is called from any thread when the answer is ready.
    fn ask(&mut self, request: DialogRequest, wake: Box<dyn Fn() + Send>);
    /// An answer, if one has arrived.
    fn poll(&mut self) -> Option<DialogAnswer>;
    /// Is a dialog waiting for the user? (The app asks for no second one meanwhile.)
    fn is_waiting(&self) -> bool;
}

/// The platform's dialogs, through rfd.
pub struct NativeDialogs {
    sender: Sender<DialogAnswer>,
    receiver: Receiver<DialogAnswer>,
    waiting: bool,
}

impl Default for NativeDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        NativeDialogs {
            sender,
            receiver,
            waiting: false,
        }
    }
}

type Pick = Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, request: DialogRequest, wake: Box<dyn Fn() + Send>) {
        let purpose = request.purpose;
        let (kind, extensions) = purpose.filter();
        let mut dialog = rfd::AsyncFileDialog::new()
            .add_filter(kind, extensions)
            .set_title(purpose.title());
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        let pick: Pick = if purpose.saves() {
            Box::pin(dialog.set_file_name(&request.file_name).save_file())
        } else {
            Box::pin(dialog.pick_file())
        };
        let sender = self.sender.clone();
        self.waiting = true;
        std::thread::spawn(move || {
            let path = pollster::block_on(pick).map(|handle| handle.path().to_owned());
            // The app may have closed meanwhile; then nobody needs the answer.
            let _ = sender.send(DialogAnswer { purpose, path });
            wake();
        });
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        let answer = self.receiver.try_recv().ok()?;
        self.waiting = false;
        Some(answer)
    }

    fn is_waiting(&self) -> bool {
        self.waiting
    }
}

/// Answers dialogs from a script, at once: for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Paths to answer with, in order; `None` is a cancel. An empty script cancels.
    pub script: VecDeque<Option<PathBuf>>,
    /// Every dialog asked for, in order; shared, so a test can read it once the app owns this.
    pub asked: Arc<Mutex<Vec<DialogRequest>>>,
    ready: VecDeque<DialogAnswer>,
}

impl ScriptedDialogs {
    pub fn answering(paths: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        ScriptedDialogs {
            script: paths.into_iter().collect(),
            ..Default::default()
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, request: DialogRequest, wake: Box<dyn Fn() + Send>) {
        let purpose = request.purpose;
        self.asked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(request);
        let path = self.script.pop_front().flatten();
        self.ready.push_back(DialogAnswer { purpose, path });
        wake();
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.ready.pop_front()
    }

    fn is_waiting(&self) -> bool {
        !self.ready.is_empty()
    }
}

/// `plan` → `plan.ron`, so saved plans are recognisable and open with the dialogs' filter.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_as_suggests_the_plans_name_in_the_folder_of_its_file() {
        let request = DialogRequest::for_plan(
            DialogPurpose::SaveAs,
            "North locality",
            Some(Path::new("/plans/2026/north.ron")),
        );
        assert_eq!(request.file_name, "North locality.ron");
        assert_eq!(request.folder.as_deref(), Some(Path::new("/plans/2026")));
        let unsaved = DialogRequest::for_plan(DialogPurpose::SaveAs, "North", None);
        assert_eq!(unsaved.folder, None);
        // A file in the working folder has no folder to suggest: the dialog chooses.
        let here = DialogRequest::for_plan(DialogPurpose::SaveAs, "N", Some(Path::new("n.ron")));
        assert_eq!(here.folder, None);
    }

    #[test]
    fn exports_suggest_a_csv_named_after_the_plan() {
        let export = DialogRequest::for_plan(DialogPurpose::ExportPostsCsv, "North: 2026", None);
        assert_eq!(export.file_name, "North- 2026 posts.csv");
        assert!(export.purpose.saves());
        assert!(!DialogPurpose::ImportStaffList.saves());
        assert!(DialogPurpose::ImportStaffList.filter().1.contains(&"xlsx"));
    }

    #[test]
    fn suggested_file_names_hold_only_what_every_system_accepts() {
        assert_eq!(file_name_for("CIN/CP: 2026?"), "CIN-CP- 2026-.ron");
        assert_eq!(file_name_for("  Option A.  "), "Option A.ron");
        assert_eq!(file_name_for("..."), "plan.ron");
        assert_eq!(file_name_for(""), "plan.ron");
        assert_eq!(file_name_for("a\nb\\c"), "a-b-c.ron");
        assert_eq!(
            file_name_for(&"x".repeat(200)),
            format!("{}.ron", "x".repeat(60))
        );
    }
}
