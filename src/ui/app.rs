//! The window: lays out the panels, carries out file actions, and applies the commands the
//! panels emit. Panels draw from the plan and push [`Command`]s; after each panel the commands
//! are applied, so panels drawn later in the same frame (the charts) already show the edit.
//!
//! Heavy work runs off the frame as background jobs: opening a file (the window shows "Opening
//! NAME…" and takes no edits meanwhile) and the projection's bands. Each frame first takes
//! whatever has finished.

use super::bulk_edit::BulkRequest;
use super::layout::SidePanels;
use super::menu::{AppAction, menu_bar_ui, shortcut_action};
use super::prompts::Prompt;
use super::scenarios::{ScenarioAction, scenario_bar_ui};
use super::state::{ProposalForm, Selection, UiState, View};
use super::status::status_bar_ui;
use super::{busy, compare, inspector, mix, overview, posts_table, projection, structure, weights};
use crate::app::{
    Autosave, BandsState, DialogAnswer, DialogPurpose, DialogRequest, Document, FileDialogs,
    Opening, RecentFiles, Wake,
};
use crate::io::default_scenarios;
use crate::model::anonymise::{Anonymised, WorkerNames};
use crate::model::{Command, Created, defaults};
use egui::ViewportCommand;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Where the recent-plans list is kept in eframe's storage (the platform's app data folder).
pub const RECENT_KEY: &str = "recent-plans";
/// Where the plan files shown anonymised are kept (only their paths, never their contents).
pub const ANONYMISED_KEY: &str = "anonymised-plans";

pub struct CaseloadApp {
    pub(super) doc: Document,
    pub(super) state: UiState,
    pub(super) recent: RecentFiles,
    dialogs: Box<dyn FileDialogs>,
    pub(super) prompt: Option<Prompt>,
    /// What to do once a Save As (asked for by the unsaved-changes prompt) has saved.
    pub(super) after_save: Option<AppAction>,
    /// Keeps unsaved work for recovery (`None`: not kept, as in most tests), and the work
    /// earlier windows left, still to offer. See `safe_work.rs`.
    pub(super) autosave: Option<Autosave>,
    pub(super) recovered: Vec<crate::io::recovery::Recovered>,
    /// The user agreed to close: let the next close request through.
    closing: bool,
    title: String,
    /// A passing message for the status bar ("Saved …").
    pub(super) notice: Option<String>,
    /// A plan file being opened in the background. At start, the last plan: the document is
    /// then only a stand-in.
    pub(super) opening: Option<Opening>,
    /// Imports and exports under way, and the import windows.
    pub(super) imports: super::import::Imports,
    /// The DfE's published figures (read in the background at start) for the Benchmarks view.
    pub(super) published: crate::app::PublishedFigures,
    /// A plan made from published figures, about to replace the one open.
    pub(super) started: Option<Box<crate::model::Plan>>,
    /// A picture of the view or a chart being taken (see `png_flow.rs`).
    pub(super) png: Option<super::png_export::PngExport>,
    /// The anonymised names of the plan open, for the plan (how many plans this window had
    /// opened then) and the revision they were worked out for.
    pub(super) anonymised: Option<((u64, u64), Anonymised)>,
    /// Plans opened in this window so far (each replaced document counts).
    plans_opened: u64,
    /// Plan files the user anonymised, to anonymise again when they are opened.
    anonymised_plans: std::collections::BTreeSet<PathBuf>,
    /// Where the view was drawn in the last frame: what a picture of the view shows.
    pub(super) view_rect: egui::Rect,
    /// Called from a worker when its job is done, to draw the window again.
    wake: Wake,
    /// The window's context, known from the first frame (or from eframe at start), for `wake`.
    context: Arc<OnceLock<egui::Context>>,
}

impl CaseloadApp {
    /// The app as eframe starts it: recent plans from storage, the platform's file dialogs.
    pub fn new(cc: &eframe::CreationContext<'_>, dialogs: Box<dyn FileDialogs>) -> Self {
        let recent = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, RECENT_KEY))
            .unwrap_or_default();
        let anonymised_plans = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, ANONYMISED_KEY))
            .unwrap_or_default();
        let mut app = Self::with_recent(recent, dialogs);
        app.anonymised_plans = anonymised_plans;
        let folders = crate::io::platform::AppFolders::current();
        // The release is read once: the built-in one is already being read (as in tests);
        // read again only for one installed in the user's data folder.
        if let Some(folders) = &folders {
            let wake = app.wake();
            app.published.use_folders(folders.clone(), wake);
        }
        if let Some(folders) = folders {
            app = app.with_recovery_folder(&folders.recovery);
            crate::app::install_panic_hook(&folders.recovery, app.latest_work());
        }
        let _ = app.context.set(cc.egui_ctx.clone());
        app
    }

    /// Reopens the most recent plan in the background, showing "Opening NAME…" meanwhile; the
    /// built-in example on first start (or when the last plan no longer opens, saying why).
    pub fn with_recent(recent: RecentFiles, dialogs: Box<dyn FileDialogs>) -> Self {
        let context: Arc<OnceLock<egui::Context>> = Arc::default();
        let window = context.clone();
        let wake: Wake = Arc::new(move || {
            if let Some(ctx) = window.get() {
                ctx.request_repaint();
            }
        });
        let last = recent.last().map(Path::to_owned);
        let mut app = CaseloadApp {
            doc: Document::with_scenarios(default_scenarios(), None),
            state: UiState {
                // egui keeps widget state between runs: a number of this run's own keeps the
                // teams of a plan opened now from taking the state of another run's plan.
                plan_generation: std::hash::BuildHasher::hash_one(
                    &std::collections::hash_map::RandomState::new(),
                    "plan generation",
                ),
                ..UiState::default()
            },
            recent,
            dialogs,
            prompt: None,
            after_save: None,
            autosave: None,
            recovered: Vec::new(),
            closing: false,
            title: String::new(),
            notice: None,
            opening: None,
            imports: Default::default(),
            published: crate::app::PublishedFigures::start(None, wake.clone()),
            started: None,
            png: None,
            anonymised: None,
            plans_opened: 0,
            anonymised_plans: Default::default(),
            view_rect: egui::Rect::NOTHING,
            wake,
            context,
        };
        if let Some(path) = last {
            // An empty stand-in, not the example: the user expects their own plan.
            app.doc = Document::new(defaults::new_plan(), None);
            app.start_opening(&path, true);
        }
        app
    }

    /// The app with `plan` open (not yet saved anywhere): for tests and benchmarks.
    pub fn with_plan(plan: crate::model::Plan, dialogs: Box<dyn FileDialogs>) -> Self {
        let mut app = Self::with_recent(RecentFiles::default(), dialogs);
        app.doc = Document::new(plan, None);
        app
    }

    /// The app with `set` (a baseline and its options) open, not yet saved: for tests.
    pub fn with_scenarios(set: crate::model::ScenarioSet, dialogs: Box<dyn FileDialogs>) -> Self {
        let mut app = Self::with_recent(RecentFiles::default(), dialogs);
        app.doc = Document::with_scenarios(set, None);
        app
    }

    /// Opens the plan the program was started with (a double-click on a plan file); when it
    /// cannot be opened, says why over the plan already open.
    pub fn open_at_start(&mut self, path: &Path) {
        self.start_opening(path, false);
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn recent(&self) -> &RecentFiles {
        &self.recent
    }

    /// True while work goes on in the background: a file opening, an import or export, the
    /// published figures, a picture, the bands, or a sensitivity question.
    pub fn is_busy(&self) -> bool {
        self.opening.is_some()
            || self.imports.is_busy()
            || self.published_busy()
            || self.png.is_some()
            || matches!(self.doc.bands_state(), BandsState::WorkingOut(_))
            || matches!(
                self.doc.sensitivity_state(),
                crate::app::SensitivityState::WorkingOut(..)
            )
    }

    // ---------- actions ----------

    /// Asks for `action`, first asking about unsaved changes when it would discard them.
    pub(super) fn request(&mut self, action: AppAction, ctx: &egui::Context) {
        if action.replaces_the_plan() && self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(action));
        } else {
            self.perform(action, ctx);
        }
    }

    pub(super) fn perform(&mut self, action: AppAction, ctx: &egui::Context) {
        match action {
            AppAction::New => self.replace_document(Document::new(defaults::new_plan(), None)),
            AppAction::Open => self.ask(DialogPurpose::Open, ctx),
            AppAction::OpenPath(path) => self.start_opening(&path, false),
            AppAction::OpenExample => {
                self.replace_document(Document::with_scenarios(default_scenarios(), None))
            }
            AppAction::Save => match self.doc.path().map(Path::to_owned) {
                Some(path) => self.save_checked(&path, None, ctx),
                None => self.ask(DialogPurpose::SaveAs, ctx),
            },
            AppAction::SaveAs => self.ask(DialogPurpose::SaveAs, ctx),
            AppAction::Undo | AppAction::Redo => {
                if action == AppAction::Undo {
                    self.doc.undo();
                } else {
                    self.doc.redo();
                }
                // A shared change an option has come to depend on is not undone: say why.
                self.state.refusal = self.doc.blocked().map(str::to_owned);
            }
            AppAction::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            AppAction::Show(view) => self.state.view = view,
            AppAction::SelectAllPosts => {
                self.state.view = View::Posts;
                self.refresh_names();
                let names = worker_names(self.state.anonymise, &self.anonymised);
                let (plan, assessment) = (self.doc.plan(), self.doc.assessment());
                posts_table::select_all_shown(plan, assessment, &names, &mut self.state);
            }
            AppAction::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            AppAction::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            AppAction::ActualSize => ctx.set_zoom_factor(1.0),
            AppAction::ImportStaffList => self.ask(DialogPurpose::ImportStaffList, ctx),
            AppAction::ImportCaseloads => self.ask(DialogPurpose::ImportCaseload, ctx),
            AppAction::ExportPostsCsv => self.ask(DialogPurpose::ExportPostsCsv, ctx),
            AppAction::SaveStaffListTemplate => self.ask(DialogPurpose::SaveTemplate, ctx),
            AppAction::NewFromPublished => {
                self.state.start_from_published =
                    Some(super::start_from_published::StartForm::new());
            }
            AppAction::OpenStarted => self.open_started(),
            AppAction::LoadRelease => self.ask(DialogPurpose::LoadRelease, ctx),
            AppAction::Present => self.state.present.choose(),
            AppAction::ToggleAnonymise => self.toggle_anonymise(),
            AppAction::ExportCsvTables => self.ask_export(DialogPurpose::ExportCsvTables, ctx),
            AppAction::ExportXlsx => self.ask_export(DialogPurpose::ExportXlsx, ctx),
            AppAction::ExportPdf => self.ask_export(DialogPurpose::ExportPdf, ctx),
            AppAction::ExportViewPng => {
                self.state.png_form = Some(super::png_flow::PngForm::default());
            }
            AppAction::OpenImported => {
                if let Some((plan, numbers)) = self.imports.imported_plan.take() {
                    let posts = plan.posts.len() as u64;
                    self.replace_document(Document::new(*plan, None));
                    self.imports.opened_imported(numbers);
                    self.notice = Some(format!(
                        "Imported {} into a new plan (not saved yet).",
                        crate::text::count(posts, "post", "posts")
                    ));
                }
            }
            AppAction::Propose(kind) => {
                let plan = self.doc.plan();
                let team = match self.state.selection {
                    Selection::Team(team) => Some(team),
                    Selection::Post(post) => plan.post(post).map(|p| p.team),
                    Selection::Posts | Selection::Plan => None,
                };
                self.state.proposal = Some(ProposalForm::new(kind, plan, team));
            }
        }
    }

    pub(super) fn ask(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        let request = DialogRequest::for_plan(purpose, &self.doc.plan().name, self.doc.path());
        self.ask_request(request, ctx);
    }

    /// Shows the file dialog `request` asks for (one at a time).
    pub(super) fn ask_request(&mut self, request: DialogRequest, ctx: &egui::Context) {
        if self.dialogs.is_waiting() {
            return;
        }
        let ctx = ctx.clone();
        self.dialogs
            .ask(request, Box::new(move || ctx.request_repaint()));
    }

    fn answer(&mut self, answer: DialogAnswer, ctx: &egui::Context) {
        match (answer.purpose, answer.path) {
            (DialogPurpose::Open, Some(path)) => self.start_opening(&path, false),
            (DialogPurpose::SaveAs, Some(path)) => {
                let path = crate::app::with_ron_extension(path);
                if self.save_to(&path)
                    && let Some(next) = self.after_save.take()
                {
                    self.perform(next, ctx);
                }
            }
            (DialogPurpose::LoadRelease, Some(path)) => self.install_release(&path),
            (DialogPurpose::ExportPng, Some(path)) => self.save_png(path),
            (
                purpose @ (DialogPurpose::ExportCsvTables
                | DialogPurpose::ExportXlsx
                | DialogPurpose::ExportPdf),
                Some(path),
            ) => self.export_to(purpose, path),
            (purpose, Some(path)) => {
                self.import_answer(purpose, path);
            }
            // Cancelled: whatever was to follow the save is cancelled with it.
            (_, None) => {
                self.after_save = None;
                self.png = None;
            }
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        let old = std::mem::replace(&mut self.doc, doc);
        self.plans_opened += 1;
        // Anonymised again if the user anonymised this plan file before; a new plan is not.
        self.state.anonymise = self
            .doc
            .path()
            .is_some_and(|p| self.anonymised_plans.contains(p));
        // Freeing a large plan takes milliseconds: done off the frame.
        std::thread::spawn(move || drop(old));
        self.state.selection = Selection::Plan;
        self.state.refusal = None;
        self.state.drafts.clear();
        self.state.compare = None;
        self.state.shown_from_top.clear();
        self.state.team_search.clear();
        self.state.plan_generation = self.state.plan_generation.wrapping_add(1);
        self.state.proposal = None;
        self.state.make_option = None;
        self.state.bulk = Default::default();
        self.imports.forget_plan();
    }

    /// Carries out what the scenario bar asked for.
    fn scenario_action(&mut self, action: ScenarioAction) {
        let result = match action {
            ScenarioAction::Show(id) => {
                self.doc.set_active(id);
                self.keep_selection_valid();
                Ok(())
            }
            ScenarioAction::NewOption => {
                let name = self.doc.scenarios().next_option_name();
                self.doc.add_option(&name).map(|_| ())
            }
            ScenarioAction::Rename(id, name) => self.doc.rename_option(id, &name),
            ScenarioAction::Delete(id) => {
                self.state.confirm_delete_option = Some(id);
                Ok(())
            }
        };
        self.state.refusal = result.err().map(|r| r.to_string());
    }

    /// The selected team or post may not exist in the scenario now shown.
    pub(super) fn keep_selection_valid(&mut self) {
        let plan = self.doc.plan();
        let exists = match self.state.selection {
            Selection::Plan => true,
            Selection::Team(id) => plan.team(id).is_some(),
            Selection::Post(id) => plan.post(id).is_some(),
            Selection::Posts => {
                let present = plan.posts.iter().map(|p| p.id);
                self.state
                    .posts
                    .keep_only(&mut self.state.selection, present);
                true
            }
        };
        if !exists {
            self.state.selection = Selection::Plan;
        }
    }

    /// Applies the panels' edits through the document: one command, or everything asked for
    /// at once as one batch (all or nothing, one undo step). A refusal is kept to be shown.
    fn apply(&mut self, edits: &mut Vec<Command>) {
        let command = match edits.len() {
            0 => return,
            1 => edits.remove(0),
            _ => Command::Batch(std::mem::take(edits)),
        };
        match self.doc.apply(command) {
            Ok(created) => {
                self.state.refusal = None;
                match created.last_selectable() {
                    Some(Created::Team(id)) => self.state.selection = Selection::Team(id),
                    Some(Created::Posts(ids)) => {
                        if let Some(&first) = ids.first() {
                            self.state.selection = Selection::Post(first);
                        }
                    }
                    _ => {}
                }
            }
            Err(refusal) => self.state.refusal = Some(refusal.to_string()),
        }
    }

    /// Applies a change to several posts (one undo step) and says in the status bar what
    /// changed and what was refused.
    fn apply_bulk(&mut self, request: BulkRequest) {
        if let Some(command) = request.command {
            self.apply(&mut vec![command]);
            if self.state.refusal.is_some() {
                return;
            }
        }
        self.notice = Some(request.notice);
        // Deleted posts are no longer selected.
        self.keep_selection_valid();
    }

    // ---------- per-frame input ----------

    fn handle_input(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.opening.as_mut().and_then(|o| o.poll(Duration::ZERO)) {
            self.opened(outcome);
        }
        self.doc.poll_bands();
        self.doc.poll_sensitivity();
        if self.opening.is_some() {
            // Nothing else is taken while a file opens: the plan shown is about to be replaced
            // (closing the window still closes it).
            return;
        }
        while let Some(answer) = self.dialogs.poll() {
            self.answer(answer, ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.request(AppAction::OpenPath(path), ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.closing {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(AppAction::Quit));
        }
        if self.prompt.is_none()
            && self.state.confirm_delete_team.is_none()
            && self.state.confirm_delete_option.is_none()
            && !self.state.bulk.confirm_delete
            && let Some(action) = shortcut_action(ctx)
        {
            self.request(action, ctx);
        }
    }
}

impl CaseloadApp {
    /// What a background job calls when it is done, to draw the window again.
    pub(super) fn wake(&self) -> Wake {
        self.wake.clone()
    }

    /// Draws the presentation instead of the window while one runs; false when none does.
    fn presenting(&mut self, ui: &mut egui::Ui) -> bool {
        if !self.state.present.is_running() {
            return false;
        }
        // The projection slide needs the projection, and its bands in the background.
        self.doc.projection();
        self.doc.start_bands(self.wake.clone());
        self.refresh_names();
        let compared = compare::compared(&self.doc, &self.state);
        let loaded = self.published.loaded();
        let names = worker_names(self.state.anonymise, &self.anonymised);
        let present = &mut self.state.present;
        super::present::presentation_ui(ui, present, &self.doc, &names, loaded, &compared)
    }

    /// Turns anonymised names on or off, remembering it for the plan's file.
    pub(super) fn toggle_anonymise(&mut self) {
        self.state.anonymise = !self.state.anonymise;
        if let Some(path) = self.doc.path() {
            if self.state.anonymise {
                self.anonymised_plans.insert(path.to_owned());
            } else {
                self.anonymised_plans.remove(path);
            }
        }
    }

    /// A plan saved under a new name while anonymised is anonymised there too.
    pub(super) fn remember_anonymised(&mut self, path: &Path) {
        if self.state.anonymise {
            self.anonymised_plans.insert(path.to_owned());
        }
    }

    /// Works the anonymised names out again when they are on and the plan has changed.
    pub(super) fn refresh_names(&mut self) {
        if !self.state.anonymise {
            return;
        }
        let key = (self.plans_opened, self.doc.revision());
        if self.anonymised.as_ref().is_none_or(|(k, _)| *k != key) {
            self.anonymised = Some((key, Anonymised::of(self.doc.scenarios())));
        }
    }

    /// Sets the window title when it changes.
    fn set_title(&mut self, ctx: &egui::Context, title: String) {
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for CaseloadApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let _ = self.context.get_or_init(|| ctx.clone());
        self.handle_input(&ctx);
        if self.presenting(ui) {
            return;
        }
        let selected_before = self.state.selection;
        // While a file opens the plan shown is greyed: it is about to be replaced.
        let busy = self.opening.is_some();

        let mut action = None;
        let mut scenario = None;
        egui::Panel::top("menu").show(ui, |ui| {
            if busy {
                ui.disable();
            }
            let anonymise = self.state.anonymise;
            action = menu_bar_ui(
                ui,
                &self.doc,
                self.recent.paths(),
                self.state.view,
                anonymise,
            );
            ui.horizontal(|ui| {
                for view in View::ALL {
                    ui.selectable_value(&mut self.state.view, view, view.label());
                }
                ui.separator();
                let toggle = ui.selectable_label(anonymise, "Anonymise").on_hover_text(
                    "Workers shown as their grade and a number (View > Anonymise names)",
                );
                if toggle.clicked() {
                    action = Some(AppAction::ToggleAnonymise);
                }
            });
            ui.separator();
            scenario =
                scenario_bar_ui(ui, self.doc.scenarios(), self.doc.active(), &mut self.state);
        });
        if let Some(action) = action {
            self.request(action, &ctx);
        }
        if let Some(action) = scenario {
            self.scenario_action(action);
        }
        let mut cancel = false;
        egui::Panel::bottom("status").show(ui, |ui| {
            let notice = self.state.refusal.as_deref().map(|r| (true, r));
            let notice = notice.or(self.notice.as_deref().map(|n| (false, n)));
            cancel = status_bar_ui(ui, &self.doc, notice, self.opening.as_ref());
        });
        if cancel {
            self.cancel_opening();
        }
        if let Some(opening) = self.opening.as_ref().filter(|o| o.at_start()) {
            let label = opening.label();
            egui::CentralPanel::default().show(ui, |ui| {
                ui.centered_and_justified(|ui| busy::busy_ui(ui, &format!("{label}…")));
            });
            self.set_title(&ctx, format!("{label}… — Caseload Planner"));
            return;
        }

        // Taken out for the frame (the panels borrow them while the app applies their edits);
        // a post made during the frame is named by its grade and post number until the next.
        self.refresh_names();
        let anonymised = self.anonymised.take();
        let names = worker_names(self.state.anonymise, &anonymised);
        let mut edits = Vec::new();
        let panels = SidePanels::for_window(ctx.content_rect().width());
        egui::Panel::left("structure")
            .resizable(true)
            .default_size(panels.structure.default)
            .size_range(panels.structure.range)
            .show(ui, |ui| {
                if busy {
                    ui.disable();
                }
                // Long names are cut with an ellipsis rather than widening the panel.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                structure::structure_ui(
                    ui,
                    self.doc.plan(),
                    self.doc.assessment(),
                    &names,
                    &mut self.state,
                    &mut edits,
                );
            });
        self.apply(&mut edits);
        let bulk = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(panels.inspector.default)
            .size_range(panels.inspector.range)
            .show(ui, |ui| {
                if busy {
                    ui.disable();
                }
                inspector::inspector_ui(
                    ui,
                    self.doc.plan(),
                    self.doc.assessment(),
                    &names,
                    &mut self.state,
                    &mut edits,
                )
            })
            .inner;
        self.apply(&mut edits);
        if let Some(request) = bulk {
            self.apply_bulk(request);
        }
        if self.state.view == View::Benchmarks {
            // The turnover compared is the projection's first year.
            self.doc.projection();
        }
        if self.state.view == View::Projection {
            self.doc.projection();
            // The bands are worked out in the background, once the edit gesture has ended.
            if !self.doc.in_gesture() {
                self.doc.start_bands(self.wake.clone());
            }
        }
        let view = egui::CentralPanel::default().show(ui, |ui| {
            if busy {
                ui.disable();
            }
            let (plan, assessment) = (self.doc.plan(), self.doc.assessment());
            match self.state.view {
                View::Projection => {
                    if let Some(p) = self.doc.projection_if_ready() {
                        projection::projection_ui(
                            ui,
                            plan,
                            p,
                            (self.doc.bands_state(), self.doc.sensitivity_state()),
                            &mut self.state,
                            &mut edits,
                        );
                    }
                }
                View::Compare => compare::compare_ui(
                    ui,
                    &self.doc,
                    &names,
                    &mut self.state,
                    self.published.loaded(),
                ),
                View::Overview => {
                    overview::overview_ui(ui, plan, assessment, &names, &mut self.state)
                }
                View::Posts => {
                    posts_table::posts_table_ui(ui, plan, assessment, &names, &mut self.state)
                }
                View::StaffingMix => mix::staffing_mix_ui(ui, plan, assessment),
                View::WeightsAndGrades => {
                    weights::weights_ui(ui, plan, assessment, &mut self.state, &mut edits)
                }
                View::Benchmarks => {
                    let values = crate::model::benchmark::plan_values(
                        &assessment.service,
                        self.doc.projection_if_ready(),
                    );
                    let scenario = self.doc.scenarios().get(self.doc.active());
                    super::benchmark::benchmark_ui(
                        ui,
                        plan,
                        scenario.map_or("", |s| s.name.as_str()),
                        &values,
                        &self.published,
                        &mut self.state.benchmark,
                        &mut edits,
                    );
                }
            }
        });
        self.view_rect = view.response.rect;
        if super::copy_table::copy_pressed(&ctx) {
            let compared = compare::compared(&self.doc, &self.state);
            let view = self.state.view;
            if let Some(table) =
                super::copy_table::table_of_view(view, &self.doc, &names, &compared)
            {
                self.notice = Some(super::copy_table::copy(&ctx, &table));
            }
        }
        self.prompts_ui(&ctx, &mut edits);
        self.apply(&mut edits);
        match self.state.bands_asked.take() {
            Some(super::state::BandsAsk::Stop) => self.doc.stop_bands(),
            Some(super::state::BandsAsk::WorkOut) => self.doc.resume_bands(),
            None => {}
        }
        if let Some(question) = self.state.sensitivity_asked.take() {
            // Asked about the plan as drawn this frame, after its edits.
            self.doc.ask_sensitivity(question, self.wake.clone());
        }
        if let Some(request) = super::make_option::make_option_ui(
            &ctx,
            self.doc.plan(),
            self.doc.assessment(),
            &mut self.state,
        ) {
            self.make_option(request);
        }
        if let Some((command, notice)) =
            super::allocation::allocation_ui(&ctx, &self.doc, &names, &mut self.state)
        {
            edits.push(command);
            self.apply(&mut edits);
            if self.state.refusal.is_none() {
                // Done: the window closes and the status bar says what moved.
                self.state.proposal = None;
                self.notice = Some(notice);
            }
        }
        if let Some(reason) = super::widgets::take_entry_refusal(&ctx) {
            self.state.refusal = Some(reason);
        }
        self.safe_work_frame(&ctx);
        self.imports_frame(&ctx);
        self.published_frame(&ctx);
        self.png_frame(&ctx);
        super::present::present_chooser_ui(
            &ctx,
            &mut self.state.present,
            &self.doc,
            self.published.loaded(),
        );

        // One undo step per gesture: settle once no button is held and no field is typed in.
        if !ctx.input(|i| i.pointer.any_down()) && !ctx.egui_wants_keyboard_input() {
            self.doc.settle();
        }
        // A refusal is about what was being edited: it goes when something else is selected.
        if self.state.selection != selected_before {
            self.state.refusal = None;
        }
        self.anonymised = anonymised;
        self.set_title(&ctx, self.doc.window_title());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        eframe::set_value(storage, ANONYMISED_KEY, &self.anonymised_plans);
    }
}

/// Workers' names as the window shows them: anonymised when the switch is on (and the names
/// have been worked out), as the plan names them otherwise.
fn worker_names(on: bool, anonymised: &Option<((u64, u64), Anonymised)>) -> WorkerNames<'_> {
    match anonymised {
        Some((_, names)) if on => WorkerNames::Anonymised(names),
        _ => WorkerNames::Real,
    }
}
