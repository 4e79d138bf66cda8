//! The menu bar and keyboard shortcuts: both produce [`AppAction`]s for the app to carry out.
//! Their labels, tooltips and keys come from the table in `commands.rs`. Help's windows (the
//! first-ten-minutes guide, the figures, the shortcuts: `help.rs`) and About (`about.rs`) are
//! windows of their own, opened from here.

use super::commands::{
    ANONYMISE, EDIT_MENU, FILE_MENU, MenuCommand, NEW, OPEN, PRESENT, PRESENT_MENU, QUIT, REDO,
    REDO_Y, SAVE, SAVE_AS, SELECT_ALL, UNDO, ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_MENU, ZOOM_OUT,
    ZOOM_RESET,
};
use super::help::{HelpTopic, help_ui, open_help};
use super::state::{ProposalKind, View};
use crate::app::Document;
use egui::Ui;
use std::path::PathBuf;

/// Something the user asked the app (not the plan) to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAction {
    New,
    Open,
    OpenPath(PathBuf),
    /// The built-in example plan, again.
    OpenExample,
    Save,
    SaveAs,
    Undo,
    Redo,
    Quit,
    Show(View),
    ZoomIn,
    ZoomOut,
    ActualSize,
    /// Opens the window proposing case moves, for the team selected (or every team).
    Propose(ProposalKind),
    ImportStaffList,
    ImportCaseloads,
    ExportPostsCsv,
    SaveStaffListTemplate,
    /// Opens the plan an import made, in place of the one open.
    OpenImported,
    /// Shows the Posts table with every post its filters show selected.
    SelectAllPosts,
    /// Opens the window that starts a plan from a council's published figures.
    NewFromPublished,
    /// Opens the plan that window made, in place of the one open.
    OpenStarted,
    /// Asks for a newer release of the published figures to install.
    LoadRelease,
    /// Opens the presentation's slide chooser.
    Present,
    /// Opens the window that takes a picture of the view.
    ExportViewPng,
    /// Shows workers' names anonymised, or not.
    ToggleAnonymise,
    ExportCsvTables,
    ExportXlsx,
    ExportPdf,
}

impl AppAction {
    /// Whether it replaces the plan open (or closes it): unsaved changes would be lost.
    pub fn replaces_the_plan(&self) -> bool {
        matches!(
            self,
            AppAction::New
                | AppAction::Open
                | AppAction::OpenPath(_)
                | AppAction::OpenExample
                | AppAction::OpenImported
                | AppAction::OpenStarted
                | AppAction::Quit
        )
    }
}

/// The action of a shortcut pressed this frame, if any. Undo, redo and select all are left to a
/// text field that has focus (it has its own).
pub fn shortcut_action(ctx: &egui::Context) -> Option<AppAction> {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|input| {
        // Longest shortcuts first: Ctrl+Shift+S must not be read as Ctrl+S.
        if input.consume_shortcut(&SAVE_AS) {
            Some(AppAction::SaveAs)
        } else if input.consume_shortcut(&SAVE) {
            Some(AppAction::Save)
        } else if input.consume_shortcut(&NEW) {
            Some(AppAction::New)
        } else if input.consume_shortcut(&OPEN) {
            Some(AppAction::Open)
        } else if input.consume_shortcut(&QUIT) {
            Some(AppAction::Quit)
        } else if input.consume_shortcut(&ANONYMISE) {
            Some(AppAction::ToggleAnonymise)
        } else if input.consume_shortcut(&PRESENT) {
            Some(AppAction::Present)
        } else if input.consume_shortcut(&ZOOM_RESET) {
            Some(AppAction::ActualSize)
        } else if input.consume_shortcut(&ZOOM_IN) || input.consume_shortcut(&ZOOM_IN_SECONDARY) {
            Some(AppAction::ZoomIn)
        } else if input.consume_shortcut(&ZOOM_OUT) {
            Some(AppAction::ZoomOut)
        } else if typing {
            None
        } else if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
            Some(AppAction::Redo)
        } else if input.consume_shortcut(&UNDO) {
            Some(AppAction::Undo)
        } else if input.consume_shortcut(&SELECT_ALL) {
            Some(AppAction::SelectAllPosts)
        } else {
            None
        }
    })
}

/// File, Edit, View, Help.
pub fn menu_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    recent: &[PathBuf],
    view: View,
    anonymise: bool,
) -> Option<AppAction> {
    let mut action = None;
    let ctx = ui.ctx().clone();
    // The command's action when its entry is clicked.
    let item = |ui: &mut Ui, command: &MenuCommand, enabled: bool| {
        let mut button = egui::Button::new(command.label);
        if let Some(shortcut) = command.shortcuts.first() {
            button = button.shortcut_text(ctx.format_shortcut(shortcut));
        }
        let response = ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip);
        response.clicked().then(|| command.action.clone())
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for entry in FILE_MENU {
                match entry {
                    Some(command) => action = item(ui, command, true).or(action.take()),
                    None => {
                        ui.separator();
                    }
                }
                if matches!(entry, Some(c) if c.action == AppAction::OpenExample) {
                    ui.menu_button("Open recent", |ui| {
                        if recent.is_empty() {
                            ui.weak("No recent plans");
                        }
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                action = Some(AppAction::OpenPath(path.clone()));
                            }
                        }
                    });
                }
            }
        });
        ui.menu_button("Edit", |ui| {
            for command in EDIT_MENU {
                let enabled = match command.action {
                    AppAction::Undo => doc.can_undo(),
                    AppAction::Redo => doc.can_redo(),
                    _ => true,
                };
                action = item(ui, command, enabled).or(action.take());
            }
        });
        ui.menu_button("View", |ui| {
            for v in View::ALL {
                if ui.selectable_label(view == v, v.label()).clicked() {
                    action = Some(AppAction::Show(v));
                }
            }
            ui.separator();
            for command in PRESENT_MENU {
                if command.action == AppAction::ToggleAnonymise {
                    // Shown selected while names are anonymised.
                    let button = egui::Button::selectable(anonymise, command.label)
                        .shortcut_text(ctx.format_shortcut(&ANONYMISE));
                    if ui.add(button).on_hover_text(command.tooltip).clicked() {
                        action = Some(AppAction::ToggleAnonymise);
                    }
                } else {
                    action = item(ui, command, true).or(action.take());
                }
            }
            ui.separator();
            let zoom = ctx.zoom_factor();
            ui.weak(format!("Zoom: {:.0}%", zoom * 100.0));
            for command in ZOOM_MENU {
                let enabled = command.action != AppAction::ActualSize || zoom != 1.0;
                action = item(ui, command, enabled).or(action.take());
            }
        });
        ui.menu_button("Help", |ui| {
            for topic in HelpTopic::ALL {
                if ui.button(topic.title()).clicked() {
                    open_help(ui.ctx(), topic);
                }
            }
            ui.separator();
            if ui.button("About Caseload Planner").clicked() {
                super::about::open_about(ui.ctx());
            }
        });
    });
    super::about::about_ui(&ctx);
    help_ui(&ctx);
    action
}

/// Every shortcut of the table is one the keyboard handler above answers.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_in_the_table_is_answered() {
        let ctx = egui::Context::default();
        for command in super::super::commands::all() {
            for shortcut in command.shortcuts {
                let mut input = egui::RawInput::default();
                input.events.push(egui::Event::Key {
                    key: shortcut.logical_key,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: shortcut.modifiers,
                });
                let mut seen = None;
                let mut output = ctx.run_ui(input, |ui| seen = shortcut_action(ui.ctx()));
                output.textures_delta.clear();
                assert_eq!(seen.as_ref(), Some(&command.action), "{}", command.label);
            }
        }
    }
}
