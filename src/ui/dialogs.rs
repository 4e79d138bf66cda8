//! Modal questions: unsaved changes, load and save errors, deleting a team with its posts.

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
    let mut answer = None;
    let modal = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading(heading);
        ui.label(message);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(delete_label).clicked() {
                answer = Some(true);
            }
            if ui.button("Keep").clicked() {
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
