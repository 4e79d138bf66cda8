//! The import windows: a staff list becomes posts in three steps (which column holds what,
//! what the file's words mean, a preview of the posts and every problem), then one change
//! (a new plan, the scenario shown's structure replaced, or a new option); a caseload report
//! becomes the cases each worker holds. The reading of files runs in the background
//! ([`crate::app::TableReading`]); the meaning of rows is `model::import`'s; this only shows
//! the choices and the preview.

mod caseload;
mod columns;
mod flow;
mod preview;
mod words;

pub use caseload::{CaseloadImport, caseload_import_ui};
pub use flow::Imports;
pub use preview::ImportTarget;

use crate::app::{Job, JobState, Wake};
use crate::model::import::{ColumnRole, ImportMapping, ImportPreview, Table};
use crate::model::{Command, NextIds, Plan, defaults};
use egui::{Context, RichText};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use words::Words;

/// The steps of a staff-list import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Columns,
    Words,
    Preview,
}

impl Step {
    const ALL: [Step; 3] = [Step::Columns, Step::Words, Step::Preview];

    fn title(self) -> &'static str {
        match self {
            Step::Columns => "1 Columns",
            Step::Words => "2 What the words mean",
            Step::Preview => "3 Preview",
        }
    }
}

/// A staff list being imported: the file's table and the choices made so far.
pub struct StaffImport {
    pub path: PathBuf,
    /// The workbook's sheets (empty for a CSV file) and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// Shared with the background preview.
    pub table: Arc<Table>,
    pub mapping: ImportMapping,
    pub step: Step,
    pub target: ImportTarget,
    /// The preview as last worked out, and for what.
    cached: Option<(PreviewKey, Arc<Worked>)>,
    /// A preview being worked out in the background.
    working: Option<Job<PreviewKey, Worked>>,
    /// The words of the mapped columns, and the columns' roles they were read for.
    words: Option<(BTreeMap<String, ColumnRole>, Arc<Words>)>,
    /// Why the last attempt to import was refused.
    pub refusal: Option<String>,
}

/// What a preview is worked out for: when any of it changes, it is worked out again.
#[derive(Clone, PartialEq)]
struct PreviewKey {
    mapping: ImportMapping,
    target: ImportTarget,
    /// The scenario shown's revision (0 for a new plan, which does not depend on it).
    revision: u64,
}

/// A preview and the plan it was worked out against.
pub(super) struct Worked {
    pub base: Plan,
    pub preview: ImportPreview,
}

/// Files of more rows than this are previewed in the background (a 10,000-row list takes
/// about 70 ms to map and check); smaller ones within the frame, so they show at once.
const PREVIEW_IN_FRAME_ROWS: usize = 1_000;

/// The scenario shown, which posts may be imported into.
pub struct ShownScenario<'a> {
    pub plan: &'a Plan,
    pub name: &'a str,
    /// The scenario set's next ids, for the posts and teams the import makes.
    pub ids: NextIds,
    /// Its revision: a preview against it is worked out again when it changes.
    pub revision: u64,
    /// Called when a preview worked out in the background is ready.
    pub wake: Wake,
}

/// What the window asks the app to do.
pub enum ImportRequest {
    /// Read another sheet of the workbook.
    ReadSheet(String),
    /// Save the choices made, for next month's file.
    SaveMapping,
    /// Use choices saved from an earlier import.
    LoadMapping,
    /// Open this plan, made from the staff list, in place of the one open.
    NewPlan(Box<Plan>),
    /// Put the staff list's structure in place of the scenario shown's (one undo step).
    ReplaceShown(Command),
    /// Make an option of this name copying the scenario shown, and make the change in it.
    NewOption(String, Command),
}

impl StaffImport {
    /// A new import of `table`, read from `path`, with every choice guessed.
    pub fn new(path: &Path, sheets: Vec<String>, sheet: Option<String>, table: Table) -> Self {
        let target = ImportTarget::NewPlan;
        let base = target_base(target, path, None);
        let mapping = ImportMapping::guess(&table, &base);
        StaffImport {
            path: path.to_owned(),
            sheets,
            sheet,
            table: Arc::new(table),
            mapping,
            step: Step::Columns,
            target,
            cached: None,
            working: None,
            words: None,
            refusal: None,
        }
    }

    /// The plan the posts go into, for the target chosen: a new plan named after the file, or
    /// the scenario shown.
    fn base<'a>(&self, shown: &'a Plan) -> Cow<'a, Plan> {
        target_base(self.target, &self.path, Some(shown))
    }

    /// The preview for the choices made, worked out again only when they change (a large file
    /// in the background, `wake` called when it is done), and whether it is up to date: while
    /// a new one is worked out the last one is returned.
    fn preview(
        &mut self,
        shown: &Plan,
        ids: NextIds,
        revision: u64,
        wake: &Wake,
    ) -> Option<(Arc<Worked>, bool)> {
        let key = PreviewKey {
            mapping: self.mapping.clone(),
            target: self.target,
            revision: if self.target == ImportTarget::NewPlan {
                0
            } else {
                revision
            },
        };
        if let Some(job) = &mut self.working {
            match job.poll() {
                JobState::Running => {}
                JobState::Done(worked) => {
                    self.cached = Some((job.tag().clone(), Arc::new(worked)));
                    self.working = None;
                }
                JobState::Stopped => self.working = None,
            }
        }
        let up_to_date = self.cached.as_ref().is_some_and(|(k, _)| *k == key);
        if !up_to_date && self.working.as_ref().is_none_or(|j| *j.tag() != key) {
            let base = self.base(shown).into_owned();
            let ids = match self.target {
                ImportTarget::NewPlan => NextIds::of(&base),
                _ => ids,
            };
            let (table, mapping) = (Arc::clone(&self.table), self.mapping.clone());
            let work = move || {
                let preview = crate::model::import::preview(&table, &mapping, &base, ids);
                Worked { base, preview }
            };
            if self.table.rows.len() <= PREVIEW_IN_FRAME_ROWS {
                self.cached = Some((key.clone(), Arc::new(work())));
            } else {
                let label = "Working out the preview";
                self.working = Some(Job::start(key.clone(), label, wake.clone(), move |_| {
                    Some(work())
                }));
            }
        }
        let up_to_date = self.cached.as_ref().is_some_and(|(k, _)| *k == key);
        self.cached
            .as_ref()
            .map(|(_, worked)| (Arc::clone(worked), up_to_date))
    }

    /// The words of the columns whose words are mapped, read again only when a column's role
    /// changes (each read is a pass over every row).
    fn words(&mut self) -> Arc<Words> {
        let fresh = self
            .words
            .as_ref()
            .is_some_and(|(columns, _)| *columns == self.mapping.columns);
        if !fresh {
            let words = Arc::new(Words::of(&self.table, &self.mapping));
            self.words = Some((self.mapping.columns.clone(), words));
        }
        Arc::clone(&self.words.as_ref().expect("read above").1)
    }

    /// Whether a preview is being worked out in the background.
    pub fn is_working(&self) -> bool {
        self.working.is_some()
    }
}

impl StaffImport {
    /// The employee numbers of the file and the posts they became, as last previewed.
    pub fn numbers(&self) -> std::collections::HashMap<String, crate::model::PostId> {
        self.cached
            .as_ref()
            .map(|(_, worked)| worked.preview.structure.numbers.clone())
            .unwrap_or_default()
    }
}

/// The plan posts are imported into: a new plan (the app's default grades and case types)
/// named after the file, or the scenario shown (borrowed: it may hold thousands of posts).
fn target_base<'a>(target: ImportTarget, path: &Path, shown: Option<&'a Plan>) -> Cow<'a, Plan> {
    match (target, shown) {
        (ImportTarget::NewPlan, _) | (_, None) => {
            let mut plan = defaults::new_plan();
            plan.name = match path.file_stem() {
                Some(stem) => format!("Staff list: {}", stem.to_string_lossy()),
                None => "Imported staff list".to_owned(),
            };
            Cow::Owned(plan)
        }
        (_, Some(shown)) => Cow::Borrowed(shown),
    }
}

/// The file's name, for the window's title.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}

/// Draws the staff-list import window while one is under way. Returns what the user asked
/// for; `open` is set false when the window is closed.
pub fn staff_import_ui(
    ctx: &Context,
    import: &mut StaffImport,
    scenario: &ShownScenario<'_>,
    open: &mut bool,
) -> Option<ImportRequest> {
    let shown = scenario.plan;
    let mut request = None;
    let title = format!("Import staff list: {}", file_name(&import.path));
    egui::Window::new(title)
        .id(egui::Id::unique("staff-import-window"))
        .open(open)
        .collapsible(false)
        .default_pos(egui::pos2(290.0, 100.0))
        .default_width(640.0)
        .default_height(560.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for step in Step::ALL {
                    ui.selectable_value(&mut import.step, step, step.title());
                }
            });
            ui.separator();
            match import.step {
                Step::Columns => request = columns::columns_ui(ui, import, shown),
                Step::Words => {
                    let words = import.words();
                    let base = import.base(shown);
                    words::words_ui(ui, &words, &mut import.mapping, &base)
                }
                Step::Preview => request = preview::preview_ui(ui, import, scenario),
            }
            ui.separator();
            ui.horizontal(|ui| {
                let at = Step::ALL
                    .iter()
                    .position(|&s| s == import.step)
                    .unwrap_or(0);
                if at > 0 && ui.button("Back").clicked() {
                    import.step = Step::ALL[at - 1];
                }
                if at + 1 < Step::ALL.len() && ui.button(RichText::new("Next").strong()).clicked() {
                    import.step = Step::ALL[at + 1];
                }
                if ui
                    .button("Save these choices…")
                    .on_hover_text(
                        "The columns and what the words mean, saved to a file: next month's \
                     export of the same report is then read the same way.",
                    )
                    .clicked()
                {
                    request = Some(ImportRequest::SaveMapping);
                }
                if ui.button("Use saved choices…").clicked() {
                    request = Some(ImportRequest::LoadMapping);
                }
            });
        });
    request
}
