//! The open plan: what it is, where it lives, whether it has unsaved changes, and its history.

use crate::io::{LoadError, SaveError, load_file, save_file};
use crate::model::{Assessment, Command, Created, Plan, Refusal, apply, assess};
use egui::util::undoer::{self, Undoer};
use std::path::{Path, PathBuf};

/// Undo steps kept; older ones are dropped.
const MAX_UNDOS: usize = 200;

/// One open plan. All edits go through [`Document::apply`]; the assessment is recomputed after
/// each change, so anything drawn after an edit in the same frame shows its effect.
pub struct Document {
    plan: Plan,
    path: Option<PathBuf>,
    /// The plan as last opened or saved: the document is dirty when `plan` differs from it.
    saved: Plan,
    dirty: bool,
    assessment: Assessment,
    undoer: Undoer<Plan>,
    /// An edit was applied since the last undo point; the point is added once the user's
    /// gesture (a drag, typing in a field) ends. See [`Document::settle`].
    undo_point_pending: bool,
}

impl Document {
    /// A document for `plan`, from `path` if it came from a file.
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        let mut undoer = Undoer::with_settings(undoer::Settings {
            max_undos: MAX_UNDOS,
            ..Default::default()
        });
        undoer.add_undo(&plan);
        Document {
            assessment: assess(&plan),
            saved: plan.clone(),
            dirty: false,
            plan,
            path,
            undoer,
            undo_point_pending: false,
        }
    }

    /// Opens the plan at `path`.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        load_file(path).map(|plan| Self::new(plan, Some(path.to_owned())))
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn assessment(&self) -> &Assessment {
        &self.assessment
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

    /// The window title: file name, a dot when there are unsaved changes, the app's name.
    pub fn window_title(&self) -> String {
        let mark = if self.dirty { " ●" } else { "" };
        format!("{}{mark} — Caseload Planner", self.display_name())
    }

    /// Applies one edit through the model.
    pub fn apply(&mut self, command: Command) -> Result<Created, Refusal> {
        let created = apply(&mut self.plan, command)?;
        self.undo_point_pending = true;
        self.changed();
        Ok(created)
    }

    /// Call when the user is between gestures (no button held, no field being typed in): makes
    /// the edits since the last undo point into one undo step. A drag of a value is many
    /// commands but one step.
    pub fn settle(&mut self) {
        if self.undo_point_pending {
            self.undoer.add_undo(&self.plan);
            self.undo_point_pending = false;
        }
    }

    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.plan)
    }

    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.plan)
    }

    pub fn undo(&mut self) -> bool {
        let restored = self.undoer.undo(&self.plan).cloned();
        self.restore(restored)
    }

    pub fn redo(&mut self) -> bool {
        let restored = self.undoer.redo(&self.plan).cloned();
        self.restore(restored)
    }

    fn restore(&mut self, state: Option<Plan>) -> bool {
        let Some(plan) = state else { return false };
        self.plan = plan;
        self.undo_point_pending = false;
        self.changed();
        true
    }

    /// Saves to `path` (atomically), which becomes the document's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        save_file(&self.plan, path)?;
        self.path = Some(path.to_owned());
        self.saved = self.plan.clone();
        self.dirty = false;
        Ok(())
    }

    fn changed(&mut self) {
        self.assessment = assess(&self.plan);
        self.dirty = self.plan != self.saved;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_plan;
    use crate::model::{PostId, TeamId};

    fn rename(doc: &mut Document, name: &str) {
        doc.apply(Command::RenameTeam {
            team: TeamId(1),
            name: name.into(),
        })
        .unwrap();
    }

    #[test]
    fn edits_mark_the_document_dirty_and_undo_clears_it() {
        let mut doc = Document::new(default_plan(), None);
        assert!(!doc.is_dirty() && !doc.can_undo());
        rename(&mut doc, "Front Door");
        doc.settle();
        assert!(doc.is_dirty() && doc.can_undo());
        assert!(doc.window_title().starts_with("Untitled plan ●"));
        assert!(doc.undo());
        assert!(!doc.is_dirty());
        assert_eq!(doc.plan(), &default_plan());
        assert!(doc.redo());
        assert_eq!(doc.plan().teams[0].name, "Front Door");
    }

    #[test]
    fn a_gesture_of_many_edits_is_one_undo_step() {
        let mut doc = Document::new(default_plan(), None);
        // A drag of the FTE value: many commands before the pointer is released.
        for fte in [0.9, 0.8, 0.7, 0.6] {
            doc.apply(Command::SetPostFte {
                post: PostId(2),
                fte,
            })
            .unwrap();
        }
        doc.settle();
        rename(&mut doc, "Front Door");
        doc.settle();
        assert!(doc.undo());
        assert_eq!(doc.plan().posts[1].fte, 0.6);
        assert!(doc.undo());
        assert_eq!(
            doc.plan().posts[1].fte,
            1.0,
            "the whole drag undone in one step"
        );
        assert!(!doc.can_undo());
    }

    #[test]
    fn the_assessment_follows_every_change() {
        let mut doc = Document::new(default_plan(), None);
        let before = doc.assessment().service.sums.capacity_points;
        doc.apply(Command::SetPostFte {
            post: PostId(2),
            fte: 0.5,
        })
        .unwrap(); // a 20-point SW
        assert!((doc.assessment().service.sums.capacity_points - (before - 10.0)).abs() < 1e-9);
        doc.undo();
        assert!((doc.assessment().service.sums.capacity_points - before).abs() < 1e-9);
    }
}
