//! The menu bar and keyboard shortcuts: both produce [`AppAction`]s for the app to carry out.
//! Help > About is a window of its own (`about.rs`), opened from here.

use super::state::View;
use crate::app::Document;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use std::path::PathBuf;

/// Something the user asked the app (not the plan) to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAction {
    New,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Undo,
    Redo,
    Quit,
    Show(View),
}

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// The action of a shortcut pressed this frame, if any. Undo and redo are left to a text field
/// that has focus (it has its own undo).
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
        } else if typing {
            None
        } else if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
            Some(AppAction::Redo)
        } else if input.consume_shortcut(&UNDO) {
            Some(AppAction::Undo)
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
) -> Option<AppAction> {
    let mut action = None;
    let ctx = ui.ctx().clone();
    let item = |ui: &mut Ui, label: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool| {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = shortcut {
            button = button.shortcut_text(ctx.format_shortcut(shortcut));
        }
        ui.add_enabled(enabled, button).clicked()
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New plan", Some(&NEW), true) {
                action = Some(AppAction::New);
            }
            if item(ui, "Open…", Some(&OPEN), true) {
                action = Some(AppAction::Open);
            }
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
            ui.separator();
            if item(ui, "Save", Some(&SAVE), true) {
                action = Some(AppAction::Save);
            }
            if item(ui, "Save as…", Some(&SAVE_AS), true) {
                action = Some(AppAction::SaveAs);
            }
            ui.separator();
            if item(ui, "Quit", Some(&QUIT), true) {
                action = Some(AppAction::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            if item(ui, "Undo", Some(&UNDO), doc.can_undo()) {
                action = Some(AppAction::Undo);
            }
            if item(ui, "Redo", Some(&REDO), doc.can_redo()) {
                action = Some(AppAction::Redo);
            }
        });
        ui.menu_button("View", |ui| {
            for v in View::ALL {
                if ui.selectable_label(view == v, v.label()).clicked() {
                    action = Some(AppAction::Show(v));
                }
            }
            ui.separator();
            zoom_items_ui(ui);
        });
        ui.menu_button("Help", |ui| {
            ui.label("Caseload Planner: workforce planning for children's social care.");
            ui.label("Select a team or post in Structure to edit it in the inspector.");
            ui.label("Caseload = cases / FTE of workers holding cases (DfE definition).");
            ui.label("Scenarios: + New option copies the scenario shown; the baseline never changes.");
            ui.label("Projection: capacity against demand month by month; Compare: options side by side.");
            ui.menu_button("Keyboard shortcuts", super::shortcuts::shortcuts_ui);
            ui.separator();
            if ui.button("About Caseload Planner").clicked() {
                super::about::open_about(ui.ctx());
            }
        });
    });
    super::about::about_ui(&ctx);
    action
}

/// Zoom in, out and back to 100% (the keys work anywhere: egui handles them). The zoom is
/// remembered with the window's other settings.
fn zoom_items_ui(ui: &mut Ui) {
    use egui::gui_zoom::{kb_shortcuts, zoom_in, zoom_out};
    let ctx = ui.ctx().clone();
    let zoom = ctx.zoom_factor();
    ui.weak(format!("Zoom: {:.0}%", zoom * 100.0));
    let item = |ui: &mut Ui, label: &str, shortcut: &KeyboardShortcut, enabled: bool| {
        let button = egui::Button::new(label).shortcut_text(ctx.format_shortcut(shortcut));
        ui.add_enabled(enabled, button).clicked()
    };
    if item(ui, "Zoom in", &kb_shortcuts::ZOOM_IN, true) {
        zoom_in(&ctx);
    }
    if item(ui, "Zoom out", &kb_shortcuts::ZOOM_OUT, true) {
        zoom_out(&ctx);
    }
    if item(ui, "Actual size", &kb_shortcuts::ZOOM_RESET, zoom != 1.0) {
        ctx.set_zoom_factor(1.0);
    }
}
