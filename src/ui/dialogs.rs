//! Modal questions: unsaved changes, load and save errors, deleting a team with its posts or
//! the posts selected, and those about not losing work (a file changed or open elsewhere,
//! recovered work).

use egui::{Id, Modal, RichText};

/// The unsaved-changes question's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Asks whether to save `name` first. `None` while the user has not answered.
pub fn unsaved_changes_ui(ctx: &egui::Context, name: &str) -> Option<UnsavedChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("Unsaved changes");
        ui.label(format!(
            "Save the changes to {name} first? If you don't, they are lost."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard changes").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}

/// Shows an error; returns true when dismissed.
pub fn error_ui(ctx: &egui::Context, title: &str, message: &str) -> bool {
    let mut dismissed = false;
    let modal = Modal::new(Id::unique("error")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                ui.label(RichText::new(message).monospace());
            });
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            dismissed = true;
        }
    });
    dismissed || modal.should_close()
}

/// Asks before deleting something. `Some(true)` delete, `Some(false)` keep, `None` while the
/// user has not answered (closing the dialog keeps it).
fn confirm_delete_ui(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    message: &str,
    delete_label: &str,
) -> Option<bool> {
    confirm_ui(ctx, id, heading, message, delete_label, "Keep")
}

/// Asks before replacing the CSV files an earlier export left in `folder`.
pub fn confirm_replace_csv_files_ui(ctx: &egui::Context, folder: &str) -> Option<bool> {
    confirm_ui(
        ctx,
        "confirm-replace-csv-files",
        "Replace CSV files?",
        &format!(
            "The folder {folder} already holds CSV files. Replace those with the same names as \
             the tables? Other files in the folder stay as they are."
        ),
        "Replace",
        "Cancel",
    )
}

/// Asks a yes-or-no question: `Some(true)` for `yes`, `Some(false)` for `no` or closing the
/// dialog, `None` while the user has not answered.
fn confirm_ui(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    message: &str,
    yes: &str,
    no: &str,
) -> Option<bool> {
    let mut answer = None;
    let modal = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading(heading);
        ui.label(message);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                answer = Some(true);
            }
            if ui.button(no).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// Confirms deleting a team that still has posts.
pub fn confirm_delete_team_ui(ctx: &egui::Context, team: &str, posts: usize) -> Option<bool> {
    confirm_delete_ui(
        ctx,
        "confirm-delete-team",
        "Delete team?",
        &format!(
            "Delete {team} and its {}? Their cases are deleted too. You can undo this.",
            crate::text::count(posts as u64, "post", "posts")
        ),
        "Delete team",
    )
}

/// Confirms deleting the posts chosen in the Posts table, naming how many.
pub fn confirm_delete_posts_ui(ctx: &egui::Context, posts: usize) -> Option<bool> {
    let posts = crate::text::count(posts as u64, "post", "posts");
    confirm_delete_ui(
        ctx,
        "confirm-delete-posts",
        &format!("Delete {posts}?"),
        &format!(
            "Delete the {posts} selected? The cases their workers hold wait, unallocated, in \
             their teams. You can undo this."
        ),
        &format!("Delete {posts}"),
    )
}

/// Confirms deleting an option.
pub fn confirm_delete_option_ui(ctx: &egui::Context, option: &str) -> Option<bool> {
    confirm_delete_ui(
        ctx,
        "confirm-delete-option",
        "Delete option?",
        &format!(
            "Delete the option \"{option}\" with its teams, posts and assumptions? The baseline and other options stay as they are. This cannot be undone."
        ),
        "Delete option",
    )
}

/// The answer to "save over changes made elsewhere?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    Overwrite,
    SaveAs,
    Cancel,
}

/// Asks before saving over a file someone else has changed or has open; `message` says which.
pub fn save_conflict_ui(ctx: &egui::Context, message: &str) -> Option<ConflictChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("save-conflict")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Save over changes made elsewhere?");
        ui.label(message);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                choice = Some(ConflictChoice::Overwrite);
            }
            if ui.button("Save As…").clicked() {
                choice = Some(ConflictChoice::SaveAs);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ConflictChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(ConflictChoice::Cancel);
    }
    choice
}

/// A question with two answers, the first the one asked for; closing it is the second.
fn two_choices_ui(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    message: &str,
    [yes, no]: [&str; 2],
) -> Option<bool> {
    let mut answer = None;
    let modal = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(heading);
        ui.label(message);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                answer = Some(true);
            }
            if ui.button(no).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// Tells that the plan just opened is open in another window: `Some(true)` opens it anyway.
pub fn open_elsewhere_ui(ctx: &egui::Context, message: &str) -> Option<bool> {
    two_choices_ui(
        ctx,
        "open-elsewhere",
        "Plan open in another window",
        message,
        ["Open anyway", "Cancel"],
    )
}

/// The answer to the offer of recovered work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveredChoice {
    Restore,
    Discard,
    /// The question was closed (Esc): it is offered again at the next start.
    Later,
}

/// Offers unsaved work left by a window that ended; `None` while unanswered.
pub fn recovered_work_ui(ctx: &egui::Context, message: &str) -> Option<RecoveredChoice> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("recovered-work")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Recovered work");
        ui.label(message);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                answer = Some(RecoveredChoice::Restore);
            }
            if ui.button("Discard").clicked() {
                answer = Some(RecoveredChoice::Discard);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(RecoveredChoice::Later);
    }
    answer
}
