//! Never losing work, the window's side: saving first checks that the file has not been
//! changed on disk by someone else and is not open in another window; opening a plan locks it;
//! unsaved work is autosaved for recovery and offered back at the next start.

use super::app::CaseloadApp;
use super::dialogs::{
    ConflictChoice, RecoveredChoice, open_elsewhere_ui, recovered_work_ui, save_conflict_ui,
};
use super::menu::AppAction;
use super::prompts::{Conflict, Prompt};
use crate::app::{Autosave, DialogPurpose, Document, Latest};
use crate::io::lock::{LockOwner, Locking, PlanLock, held_elsewhere};
use crate::io::recovery::{adopt, find_recovered};
use std::path::Path;
use std::time::Instant;

/// "process 1234", or "process 1234 on LAPTOP-7" for another machine's.
fn owner_text(owner: &LockOwner) -> String {
    let this_host = gethostname::gethostname();
    if owner.host.is_empty() || owner.host == this_host.to_string_lossy() {
        format!("process {}", owner.pid)
    } else {
        format!(
            "process {} on {}",
            owner.pid,
            crate::text::printable(&owner.host)
        )
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl CaseloadApp {
    /// Keeps unsaved work for recovery in `folder` (a few seconds after each edit), and offers
    /// the work earlier windows left there. The real window uses the app's own folder; tests
    /// give a temporary one.
    pub fn with_recovery_folder(mut self, folder: &Path) -> Self {
        self.recovered = find_recovered(folder);
        self.autosave = Some(Autosave::new(folder));
        self
    }

    /// The latest unsaved work, for the panic hook.
    pub fn latest_work(&self) -> Latest {
        self.autosave
            .as_ref()
            .map_or_else(Latest::default, Autosave::latest)
    }

    /// Saves to `path`, first asking when that would overwrite someone else's work: the
    /// document's file changed on disk since it was opened or saved, or the file is open in
    /// another window. `then` is carried out once saved.
    pub(super) fn save_checked(
        &mut self,
        path: &Path,
        then: Option<AppAction>,
        ctx: &egui::Context,
    ) {
        let conflict = if self.doc.path() == Some(path) && self.doc.changed_on_disk() {
            Some(Conflict::ChangedOnDisk)
        } else {
            held_elsewhere(path).map(Conflict::OpenElsewhere)
        };
        match conflict {
            Some(conflict) => {
                self.prompt = Some(Prompt::SaveConflict {
                    path: path.to_owned(),
                    conflict,
                    then,
                });
            }
            None => {
                if self.save_to(path)
                    && let Some(next) = then
                {
                    self.perform(next, ctx);
                }
            }
        }
    }

    /// Saves to `path`; true when saved. A new file of the document is locked for this window.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let moved = self.doc.path() != Some(path);
        match self.doc.save_as(path) {
            Ok(saved) => {
                if moved && let Locking::Locked(lock) = PlanLock::acquire(path) {
                    self.doc.keep_lock(lock);
                }
                self.recent.add(path);
                self.remember_anonymised(path);
                self.notice = Some(match saved.previous_version_kept_in {
                    None => format!("Saved {}", path.display()),
                    Some(kept) => format!(
                        "Saved {} over itself (its folder allows no new files, so there is no \
                         .bak); the previous version is kept as {}",
                        path.display(),
                        kept.display()
                    ),
                });
                true
            }
            Err(e) => {
                self.after_save = None;
                self.prompt = Some(Prompt::Error {
                    title: "The plan was not saved".into(),
                    message: e.to_string(),
                });
                false
            }
        }
    }

    /// Shows a plan just opened, locked for this window; when another window has it open,
    /// asks first. True when shown.
    pub(super) fn show_opened(&mut self, mut doc: Document) -> bool {
        let Some(path) = doc.path().map(Path::to_owned) else {
            self.replace_document(doc);
            return true;
        };
        match PlanLock::acquire(&path) {
            Locking::HeldBy(owner) => {
                self.prompt = Some(Prompt::OpenElsewhere {
                    doc: Box::new(doc),
                    owner,
                });
                return false;
            }
            Locking::Locked(lock) => doc.keep_lock(lock),
            Locking::Unavailable => {}
        }
        self.replace_document(doc);
        true
    }

    /// The questions about not losing work, drawn while one is asked.
    pub(super) fn safe_work_prompts_ui(&mut self, ctx: &egui::Context) {
        match self.prompt.take() {
            Some(Prompt::SaveConflict {
                path,
                conflict,
                then,
            }) => {
                let name = file_name(&path);
                let message = match &conflict {
                    Conflict::ChangedOnDisk => format!(
                        "{name} changed on disk since you opened it. Overwrite it with this \
                         plan, or save this plan as another file?"
                    ),
                    Conflict::OpenElsewhere(owner) => format!(
                        "{name} is open in another Caseload Planner window ({}). Saving here \
                         can overwrite changes saved there.",
                        owner_text(owner)
                    ),
                };
                match save_conflict_ui(ctx, &message) {
                    Some(ConflictChoice::Overwrite) => {
                        if self.save_to(&path)
                            && let Some(next) = then
                        {
                            self.perform(next, ctx);
                        }
                    }
                    Some(ConflictChoice::SaveAs) => {
                        self.after_save = then;
                        self.ask(DialogPurpose::SaveAs, ctx);
                    }
                    Some(ConflictChoice::Cancel) => {}
                    None => {
                        self.prompt = Some(Prompt::SaveConflict {
                            path,
                            conflict,
                            then,
                        });
                    }
                }
            }
            Some(Prompt::OpenElsewhere { doc, owner }) => {
                let path = doc.path().map(Path::to_owned).unwrap_or_default();
                let message = format!(
                    "{} is open in another Caseload Planner window ({}). If you open it here \
                     too, changes saved in one window can overwrite the other's: saving asks \
                     first.",
                    file_name(&path),
                    owner_text(&owner)
                );
                match open_elsewhere_ui(ctx, &message) {
                    Some(true) => {
                        self.replace_document(*doc);
                        self.recent.add(&path);
                        self.notice = Some(format!("Opened {}", path.display()));
                    }
                    Some(false) => {}
                    None => self.prompt = Some(Prompt::OpenElsewhere { doc, owner }),
                }
            }
            Some(Prompt::Recovered(recovered)) => {
                let message = format!(
                    "Unsaved work from {} ({}) was recovered. Restore opens it as unsaved \
                     changes; your file is not changed until you save.",
                    recovered.saved_at_text(),
                    recovered.plan_name()
                );
                match recovered_work_ui(ctx, &message) {
                    Some(RecoveredChoice::Restore) => self.restore(*recovered),
                    Some(RecoveredChoice::Discard) => {
                        let _ = std::fs::remove_file(&recovered.file);
                    }
                    Some(RecoveredChoice::Later) => {}
                    None => self.prompt = Some(Prompt::Recovered(recovered)),
                }
            }
            other => self.prompt = other,
        }
    }

    /// Opens recovered work as unsaved changes to the file it came from (never written there
    /// until the user saves, through the usual checks); its recovery file becomes this
    /// window's own.
    fn restore(&mut self, recovered: crate::io::recovery::Recovered) {
        // The last plan being reopened at start is superseded.
        self.opening = None;
        if let Some(autosave) = &mut self.autosave
            && adopt(&recovered, autosave.folder()).is_ok()
        {
            autosave.owns_file();
        }
        let at = recovered.saved_at_text();
        let mut doc = Document::restored(recovered.set, recovered.plan_file, recovered.on_disk);
        if let Some(path) = doc.path().map(Path::to_owned)
            && let Locking::Locked(lock) = PlanLock::acquire(&path)
        {
            doc.keep_lock(lock);
        }
        self.replace_document(doc);
        self.notice = Some(format!(
            "Restored the unsaved work from {at}: save it to keep it"
        ));
    }

    /// Each frame: offers recovered work once nothing else is asked, and autosaves.
    pub(super) fn safe_work_frame(&mut self, ctx: &egui::Context) {
        if self.prompt.is_none() && self.opening.is_none() && !self.recovered.is_empty() {
            let newest = self.recovered.remove(0);
            self.prompt = Some(Prompt::Recovered(Box::new(newest)));
            ctx.request_repaint();
        }
        if let Some(autosave) = &mut self.autosave {
            let (wait, failure) = autosave.tick(&self.doc, Instant::now());
            if let Some(wait) = wait {
                ctx.request_repaint_after(wait);
            }
            if let Some(why) = failure {
                self.notice = Some(format!(
                    "Unsaved work could not be kept for recovery: {why}"
                ));
            }
        }
    }
}
