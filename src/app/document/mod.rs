//! The open plan: its scenarios, which one is shown, where it lives, whether it has unsaved
//! changes, and its undo history.
//!
//! Undo works within each scenario: an edit to an option is undone while that option is shown,
//! never from another scenario. Changes to the parts all scenarios share (case types, grades,
//! settings, timeline, cost rates) have their own history, reachable from every scenario; Ctrl+Z
//! undoes whichever of the two came last.
//!
//! The shown scenario's projection is worked out in the frame that first needs it (it is
//! quick); its Monte Carlo bands are worked out in the background for the document's current
//! revision (see [`super::bands`]), so the bands shown are always those of the plan drawn.

use super::bands::{BandsState, BandsWork};
use super::jobs::Wake;
use super::sensitivity::{Question, SensitivityState, SensitivityWork};
use crate::io::lock::PlanLock;
use crate::io::{Fingerprint, LoadError, SaveError, Saved, load_file_with_fingerprint, save_file};
use crate::model::projection::{Bands, Projection, project};
use crate::model::scenarios::{Reach, reach, validate_scenarios};
use crate::model::{Assessment, Command, Created, Plan, Refusal, ScenarioId, ScenarioSet, assess};
use snapshot::{LastRecorded, OwnState, Snapshot};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod snapshot;

/// Undo steps kept; older ones are dropped.
const MAX_UNDOS: usize = 300;

/// Which history an edit belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Shared,
    /// The scenario's own parts, and the shared parts too when a batch changed both.
    Scenario(ScenarioId),
}

/// The state of one scope before (on the undo list) or after (on the redo list) an edit.
#[derive(Clone, Debug)]
struct Step {
    scope: Scope,
    state: Snapshot,
}

/// One open plan. All edits go through [`Document::apply`]; assessments are recomputed after
/// each change, so anything drawn after an edit in the same frame shows its effect.
pub struct Document {
    set: ScenarioSet,
    active: ScenarioId,
    path: Option<PathBuf>,
    /// The plan as last opened or saved: the document is dirty when `set` differs from it.
    /// `None` for work restored after a crash, which stays unsaved until saved.
    saved: Option<ScenarioSet>,
    /// The file as last read or written, to tell whether someone else changed it since.
    on_disk: Option<Fingerprint>,
    /// This window's lock on the file, released with the document.
    lock: Option<PlanLock>,
    dirty: bool,
    /// Every scenario's assessment.
    assessments: HashMap<ScenarioId, Assessment>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Each scenario's last recorded state, which the next shares where nothing changed.
    recorded: LastRecorded,
    /// The scope edited since the last undo point; the point is made when the user's gesture
    /// (a drag, typing in a field) ends. See [`Document::settle`].
    pending: Option<Scope>,
    /// Why the last undo or redo was not carried out (shown until the next one).
    blocked: Option<String>,
    /// Counts changes to the scenario shown (edits, undo, showing another scenario): the
    /// bands are worked out for one revision.
    revision: u64,
    /// See [`Document::changes`].
    changes: u64,
    /// The active scenario's projection, worked out when first asked for, and its bands.
    projection: Option<Projection>,
    bands: BandsWork,
    /// The shown scenario's tornado or goal seek, when asked for.
    sensitivity: SensitivityWork,
}

impl Document {
    /// A document for a plan with no options, from `path` if it came from a file.
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        Self::with_scenarios(ScenarioSet::new(plan), path)
    }

    /// A document for a plan with its options; the baseline is shown first.
    pub fn with_scenarios(set: ScenarioSet, path: Option<PathBuf>) -> Self {
        Document {
            assessments: set.iter().map(|s| (s.id, assess(&s.plan))).collect(),
            saved: Some(set.clone()),
            on_disk: None,
            lock: None,
            set,
            active: ScenarioId::BASELINE,
            dirty: false,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            recorded: LastRecorded::default(),
            pending: None,
            blocked: None,
            revision: 0,
            changes: 0,
            projection: None,
            bands: BandsWork::default(),
            sensitivity: SensitivityWork::default(),
        }
    }

    /// Opens the plan at `path`.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (set, fingerprint) = load_file_with_fingerprint(path)?;
        let mut doc = Self::with_scenarios(set, Some(path.to_owned()));
        doc.on_disk = Some(fingerprint);
        Ok(doc)
    }

    /// Work restored after a crash: unsaved, tied to the file it was made from (if any), whose
    /// fingerprint as it was then opened is `on_disk` (so saving asks if the file has changed
    /// since).
    pub fn restored(set: ScenarioSet, path: Option<PathBuf>, on_disk: Option<Fingerprint>) -> Self {
        let mut doc = Self::with_scenarios(set, path);
        doc.saved = None;
        doc.on_disk = on_disk;
        doc.dirty = true;
        doc
    }

    /// Keeps this window's lock on the document's file (the previous one is released).
    pub fn keep_lock(&mut self, lock: PlanLock) {
        self.lock = Some(lock);
    }

    /// The file's fingerprint as last opened or saved.
    pub fn fingerprint(&self) -> Option<&Fingerprint> {
        self.on_disk.as_ref()
    }

    /// Has the document's file been changed on disk by someone else since it was opened or
    /// last saved? False for a plan never saved, or when the file cannot be read (the save
    /// then says why).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.on_disk) {
            (Some(path), Some(seen)) => {
                matches!(Fingerprint::of_file(path), Ok(now) if seen.changed(now.as_ref()))
            }
            _ => false,
        }
    }

    /// The scenario shown.
    pub fn plan(&self) -> &Plan {
        self.set.plan(self.active)
    }

    pub fn assessment(&self) -> &Assessment {
        // Every scenario has its assessment from the moment it exists.
        &self.assessments[&self.active]
    }

    pub fn scenarios(&self) -> &ScenarioSet {
        &self.set
    }

    /// The scenario shown.
    pub fn active(&self) -> ScenarioId {
        self.active
    }

    pub fn assessment_of(&self, id: ScenarioId) -> Option<&Assessment> {
        self.assessments.get(&id)
    }

    /// Shows scenario `id`. Ends any gesture, so its undo step stays with its scenario.
    pub fn set_active(&mut self, id: ScenarioId) {
        if self.set.get(id).is_some() && id != self.active {
            self.settle();
            self.active = id;
            self.plan_shown_changed();
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Has the plan changed since it was opened or saved?
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The file name, or "Untitled plan" for a plan never saved.
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled plan".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The window title: the plan's name, its file, a dot when there are unsaved changes, the
    /// app's name (see [`super::title::window_title`]).
    pub fn window_title(&self) -> String {
        super::title::window_title(&self.plan().name, self.path(), self.dirty)
    }

    /// The state of `scope` now: its own parts, with the shared parts when `both`.
    fn snapshot(&mut self, scope: Scope, both: bool) -> Snapshot {
        // Edits are only made in existing scenarios; were `id` ever unknown, the empty state
        // recorded would be ignored on undo (`set_own` skips unknown scenarios).
        let mut own = |id| match self.set.get(id) {
            Some(scenario) => self.recorded.own(scenario),
            None => OwnState::default(),
        };
        match scope {
            Scope::Shared => Snapshot::Shared(self.set.shared()),
            Scope::Scenario(id) if both => {
                let own = own(id);
                Snapshot::Both(self.set.shared(), Box::new(own))
            }
            Scope::Scenario(id) => Snapshot::Own(own(id)),
        }
    }

    /// The state of `scope` before an edit, unless this gesture has already recorded it (a
    /// drag or a word typed is one undo step, recorded once).
    fn snapshot_before_edit(&mut self, scope: Scope, both: bool) -> Option<Snapshot> {
        (self.pending != Some(scope)).then(|| self.snapshot(scope, both))
    }

    /// A gesture that has so far changed only `scope`'s own parts now changes the shared parts
    /// too: its undo step records them as they are (unchanged since the gesture began, or the
    /// gesture would have recorded them already).
    fn record_shared_parts_too(&mut self, scope: Scope) {
        let shared = self.set.shared();
        if let Some(step) = self.undo.last_mut()
            && step.scope == scope
            && let Snapshot::Own(own) = &step.state
        {
            step.state = Snapshot::Both(shared, Box::new(own.clone()));
        }
    }

    /// Puts `state` back: the parts it holds become the plan's.
    fn restore(&mut self, scope: Scope, state: &Snapshot) {
        match (scope, state) {
            (_, Snapshot::Shared(shared)) => self.set.set_shared(shared),
            (Scope::Scenario(id), Snapshot::Own(own)) => self.set.set_own(id, own.to_parts()),
            (Scope::Scenario(id), Snapshot::Both(shared, own)) => {
                self.set.set_shared(shared);
                self.set.set_own(id, own.to_parts());
            }
            // Never recorded: own parts are always recorded with their scenario.
            (Scope::Shared, Snapshot::Own(_) | Snapshot::Both(..)) => {}
        }
    }

    /// Records the state of `scope` before an edit, unless this gesture already did.
    fn begin_edit(&mut self, scope: Scope, before: Option<Snapshot>) {
        if let Some(before) = before
            && self.pending != Some(scope)
        {
            self.undo.push(Step {
                scope,
                state: before,
            });
            if self.undo.len() > MAX_UNDOS {
                self.undo.remove(0);
            }
            self.pending = Some(scope);
        }
        let visible = self.visible();
        self.redo.retain(|step| !visible(step.scope));
    }

    /// Which scopes the shown scenario's undo reaches.
    fn visible(&self) -> impl Fn(Scope) -> bool + use<> {
        let active = self.active;
        move |scope| scope == Scope::Shared || scope == Scope::Scenario(active)
    }

    /// Applies one edit (or a batch, as one), in the scenario shown, through the model.
    pub fn apply(&mut self, command: Command) -> Result<Created, Refusal> {
        let reach = reach(&command);
        let scope = match reach {
            Reach::Shared => Scope::Shared,
            Reach::Own | Reach::Both => Scope::Scenario(self.active),
        };
        let before = self.snapshot_before_edit(scope, reach == Reach::Both);
        if reach == Reach::Both && before.is_none() {
            self.record_shared_parts_too(scope);
        }
        let created = self.set.apply(self.active, command)?;
        self.begin_edit(scope, before);
        self.changed(scope, reach != Reach::Own);
        Ok(created)
    }

    /// Call when the user is between gestures (no button held, no field being typed in): makes
    /// the edits since the last undo point into one undo step. A drag of a value is many
    /// commands but one step.
    pub fn settle(&mut self) {
        self.pending = None;
    }

    pub fn can_undo(&self) -> bool {
        let visible = self.visible();
        self.undo.iter().any(|s| visible(s.scope))
    }

    pub fn can_redo(&self) -> bool {
        let visible = self.visible();
        self.redo.iter().any(|s| visible(s.scope))
    }

    /// Undoes the last edit that the shown scenario can see.
    pub fn undo(&mut self) -> bool {
        self.step_back_or_forward(true)
    }

    pub fn redo(&mut self) -> bool {
        self.step_back_or_forward(false)
    }

    fn step_back_or_forward(&mut self, back: bool) -> bool {
        self.settle();
        let visible = self.visible();
        let from = if back { &self.undo } else { &self.redo };
        let Some(at) = from.iter().rposition(|s| visible(s.scope)) else {
            return false;
        };
        let step = if back {
            self.undo.remove(at)
        } else {
            self.redo.remove(at)
        };
        let both = matches!(step.state, Snapshot::Both(..));
        if let Scope::Scenario(id) = step.scope
            && self.set.get(id).is_none()
        {
            return false;
        }
        let now = self.snapshot(step.scope, both);
        self.restore(step.scope, &step.state);
        // Shared parts are undone for every scenario, but an option may since have come to
        // depend on them (posts at a grade added by the step being undone): then the plan
        // goes back to how it was (`now`) and the step stays.
        if let Some(problem) = validate_scenarios(&self.set).listed().first().cloned() {
            self.restore(step.scope, &now);
            let list = if back { &mut self.undo } else { &mut self.redo };
            list.insert(at, step);
            self.blocked = Some(format!(
                "Cannot {} that change: {problem}",
                if back { "undo" } else { "redo" }
            ));
            return false;
        }
        self.blocked = None;
        let to = if back { &mut self.redo } else { &mut self.undo };
        to.push(Step {
            scope: step.scope,
            state: now,
        });
        self.changed(step.scope, both || step.scope == Scope::Shared);
        true
    }

    /// Why the last undo or redo could not be carried out, if it could not.
    pub fn blocked(&self) -> Option<&str> {
        self.blocked.as_deref()
    }

    /// Adds an option copying the scenario shown, and shows it.
    pub fn add_option(&mut self, name: &str) -> Result<ScenarioId, Refusal> {
        self.settle();
        let id = self.set.add_option(self.active, name)?;
        let copied = self.assessment().clone();
        self.assessments.insert(id, copied);
        self.set_active(id);
        self.after_structure_change();
        Ok(id)
    }

    /// Renames option `id` (an undoable edit in that option).
    pub fn rename_option(&mut self, id: ScenarioId, name: &str) -> Result<(), Refusal> {
        let scope = Scope::Scenario(id);
        let before = self.snapshot_before_edit(scope, false);
        self.set.rename_option(id, name)?;
        // Typing a name is one gesture: one undo step once the user stops.
        self.begin_edit(scope, before);
        self.after_structure_change();
        Ok(())
    }

    /// Deletes option `id` and its history; the baseline is shown if it was shown.
    pub fn delete_option(&mut self, id: ScenarioId) -> Result<(), Refusal> {
        self.settle();
        self.set.delete_option(id)?;
        self.assessments.remove(&id);
        self.recorded.forget(id);
        for list in [&mut self.undo, &mut self.redo] {
            list.retain(|s| s.scope != Scope::Scenario(id));
        }
        if self.active == id {
            self.active = ScenarioId::BASELINE;
            self.plan_shown_changed();
        }
        self.after_structure_change();
        Ok(())
    }

    /// Saves to `path` (atomically), which becomes the document's file.
    pub fn save_as(&mut self, path: &Path) -> Result<Saved, SaveError> {
        let saved = save_file(&self.set, path)?;
        self.path = Some(path.to_owned());
        self.saved = Some(self.set.clone());
        self.on_disk = Some(saved.fingerprint);
        self.dirty = false;
        self.changes += 1;
        Ok(saved)
    }

    /// Counts every change to the document (edits, undo and redo in any scenario, saving): a
    /// copy taken at one count is current while the count stays the same.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// The shown scenario's expected path over its timeline.
    pub fn projection(&mut self) -> &Projection {
        let plan = self.set.plan(self.active);
        self.projection.get_or_insert_with(|| project(plan))
    }

    /// The projection if it is already worked out.
    pub fn projection_if_ready(&self) -> Option<&Projection> {
        self.projection.as_ref()
    }

    /// Starts working out the shown scenario's Monte Carlo bands in the background, unless
    /// they are ready or under way for the plan as it is. `wake` is called when they are done.
    pub fn start_bands(&mut self, wake: Wake) {
        self.bands
            .start(self.set.plan(self.active), self.revision, wake);
    }

    /// Stops the bands being worked out (the user's Stop); they start again after the next
    /// change to the plan shown, or after [`Document::resume_bands`].
    pub fn stop_bands(&mut self) {
        self.bands.stop();
    }

    /// Lets stopped bands be worked out again (the next [`Document::start_bands`] starts them).
    pub fn resume_bands(&mut self) {
        self.bands.resume();
    }

    /// Takes the bands if they are done; bands for an earlier revision are dropped, never
    /// shown. True when bands arrived.
    pub fn poll_bands(&mut self) -> bool {
        self.bands.poll(self.revision)
    }

    /// Waits for the bands under way, if any (tests and benchmarks wait this way).
    pub fn wait_for_bands(&mut self) -> Option<&Bands> {
        self.bands.wait(self.revision)
    }

    /// The bands if they are already worked out for the plan as it is now.
    pub fn bands_if_ready(&self) -> Option<&Bands> {
        self.bands.ready()
    }

    /// Where the shown scenario's bands are.
    pub fn bands_state(&self) -> BandsState<'_> {
        self.bands.state()
    }

    /// Starts answering `question` about the shown scenario in the background (dropping any
    /// earlier question's work). `wake` is called when the answer is ready.
    pub fn ask_sensitivity(&mut self, question: Question, wake: Wake) {
        self.sensitivity
            .start(self.set.plan(self.active), self.revision, question, wake);
    }

    /// Takes the answer if it is ready; one for an earlier revision is dropped. True when an
    /// answer arrived.
    pub fn poll_sensitivity(&mut self) -> bool {
        self.sensitivity.poll(self.revision)
    }

    /// Waits for the answer under way, if any (tests wait this way).
    pub fn wait_for_sensitivity(&mut self) {
        self.sensitivity.wait(self.revision);
    }

    /// Where the answer to the last question about the shown scenario is.
    pub fn sensitivity_state(&self) -> SensitivityState<'_> {
        self.sensitivity.state()
    }

    /// Counts changes to the scenario shown.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True while an edit gesture is under way.
    pub fn in_gesture(&self) -> bool {
        self.pending.is_some()
    }

    /// After a change in `scope` (and in the shared parts too when `shared`): assessments,
    /// projection and the unsaved-changes flag follow.
    fn changed(&mut self, scope: Scope, shared: bool) {
        match scope {
            _ if shared => {
                self.assessments = self.set.iter().map(|s| (s.id, assess(&s.plan))).collect();
            }
            Scope::Shared => {}
            Scope::Scenario(id) => {
                if let Some(s) = self.set.get(id) {
                    self.assessments.insert(id, assess(&s.plan));
                }
            }
        }
        if shared || scope == Scope::Scenario(self.active) {
            self.plan_shown_changed();
        }
        self.after_structure_change();
    }

    /// The plan shown is no longer the one its projection and bands were worked out for.
    fn plan_shown_changed(&mut self) {
        self.revision += 1;
        self.projection = None;
        self.bands.forget();
        self.sensitivity.forget();
    }

    fn after_structure_change(&mut self) {
        self.dirty = self.saved.as_ref() != Some(&self.set);
        self.changes += 1;
    }
}

#[cfg(test)]
mod tests;
