//! The questions the window asks (modal prompts): unsaved changes, errors, deleting an option
//! or a team, and those about not losing work (see `safe_work.rs`). What each answer does is
//! here; how each question looks is in `dialogs.rs`.

use super::app::CaseloadApp;
use super::dialogs::{
    UnsavedChoice, confirm_delete_option_ui, confirm_delete_team_ui, confirm_replace_csv_files_ui,
    error_ui, unsaved_changes_ui,
};
use super::menu::AppAction;
use crate::app::{DialogPurpose, Document};
use crate::io::export::Existing;
use crate::io::lock::LockOwner;
use crate::io::recovery::Recovered;
use crate::model::Command;
use std::path::{Path, PathBuf};

/// A question the app is waiting for the user to answer.
pub(super) enum Prompt {
    /// Unsaved changes would be lost by this action.
    Unsaved(AppAction),
    Error {
        title: String,
        message: String,
    },
    /// Saving to `path` would overwrite someone else's changes; `then` follows the save.
    SaveConflict {
        path: PathBuf,
        conflict: Conflict,
        then: Option<AppAction>,
    },
    /// The plan just opened is open in another window too.
    OpenElsewhere {
        doc: Box<Document>,
        owner: LockOwner,
    },
    /// Unsaved work from a window that ended without saving it.
    Recovered(Box<Recovered>),
    /// The folder chosen for the CSV export already holds CSV files.
    ReplaceCsvFiles {
        folder: PathBuf,
    },
}

/// Why saving asks first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Conflict {
    ChangedOnDisk,
    OpenElsewhere(LockOwner),
}

impl CaseloadApp {
    pub(super) fn prompts_ui(&mut self, ctx: &egui::Context, edits: &mut Vec<Command>) {
        match &self.prompt {
            Some(Prompt::Unsaved(action)) => {
                let action = action.clone();
                match unsaved_changes_ui(ctx, &self.doc.display_name()) {
                    Some(UnsavedChoice::Save) => {
                        self.prompt = None;
                        match self.doc.path().map(Path::to_owned) {
                            Some(path) => self.save_checked(&path, Some(action), ctx),
                            None => {
                                self.after_save = Some(action);
                                self.ask(DialogPurpose::SaveAs, ctx);
                            }
                        }
                    }
                    Some(UnsavedChoice::Discard) => {
                        self.prompt = None;
                        // Closing with "Discard changes": the recovery copy goes too.
                        if let (AppAction::Quit, Some(autosave)) = (&action, &mut self.autosave) {
                            autosave.discard(&self.doc);
                        }
                        self.perform(action, ctx);
                    }
                    Some(UnsavedChoice::Cancel) => self.prompt = None,
                    None => {}
                }
            }
            // Drawn every frame; closed once dismissed.
            Some(Prompt::Error { title, message }) if error_ui(ctx, title, message) => {
                self.prompt = None
            }
            Some(Prompt::Error { .. }) | None => {}
            Some(Prompt::ReplaceCsvFiles { folder }) => {
                let folder = folder.clone();
                let shown = crate::text::printable(&folder.display().to_string()).into_owned();
                if let Some(replace) = confirm_replace_csv_files_ui(ctx, &shown) {
                    self.prompt = None;
                    if replace {
                        self.export_csv_tables(folder, Existing::Replace);
                    }
                }
            }
            Some(_) => self.safe_work_prompts_ui(ctx),
        }
        if let Some(id) = self.state.confirm_delete_option {
            let name = self
                .doc
                .scenarios()
                .get(id)
                .map_or_else(String::new, |s| s.name.clone());
            if let Some(delete) = confirm_delete_option_ui(ctx, &name) {
                if delete {
                    if let Err(refusal) = self.doc.delete_option(id) {
                        self.state.refusal = Some(refusal.to_string());
                    }
                    self.keep_selection_valid();
                }
                self.state.confirm_delete_option = None;
            }
        }
        if let Some(team) = self.state.confirm_delete_team {
            let plan = self.doc.plan();
            let name = plan.team(team).map_or("the team", |t| t.name.as_str());
            let posts = plan.posts.iter().filter(|p| p.team == team).count();
            if let Some(delete) = confirm_delete_team_ui(ctx, name, posts) {
                if delete {
                    edits.push(Command::DeleteTeam { team });
                }
                self.state.confirm_delete_team = None;
            }
        }
    }
}
