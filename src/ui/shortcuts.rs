//! The keyboard shortcuts as one table: the Help menu lists it and the README's table is
//! checked against it (`tests/readme.rs`), so neither can drift from what the keys do.

use super::menu;
use egui::gui_zoom::kb_shortcuts;
use egui::{KeyboardShortcut, ModifierNames, Ui};

/// One row of the table: the keys as a Windows user presses them, and what they do.
pub struct ShortcutRow {
    pub keys: &'static str,
    pub action: &'static str,
    /// The shortcuts the row describes (checked to be written as `keys` says).
    pub shortcuts: &'static [KeyboardShortcut],
}

pub const SHORTCUTS: [ShortcutRow; 9] = [
    ShortcutRow {
        keys: "Ctrl+N",
        action: "new plan",
        shortcuts: &[menu::NEW],
    },
    ShortcutRow {
        keys: "Ctrl+O",
        action: "open a plan (or drop a `.ron` file on the window)",
        shortcuts: &[menu::OPEN],
    },
    ShortcutRow {
        keys: "Ctrl+S / Ctrl+Shift+S",
        action: "save / save as",
        shortcuts: &[menu::SAVE, menu::SAVE_AS],
    },
    ShortcutRow {
        keys: "Ctrl+Z",
        action: "undo (a whole drag of a value is one step)",
        shortcuts: &[menu::UNDO],
    },
    ShortcutRow {
        keys: "Ctrl+Shift+Z or Ctrl+Y",
        action: "redo",
        shortcuts: &[menu::REDO, menu::REDO_Y],
    },
    ShortcutRow {
        keys: "Ctrl+Plus / Ctrl+Equals",
        action: "zoom in (everything larger)",
        shortcuts: &[kb_shortcuts::ZOOM_IN, kb_shortcuts::ZOOM_IN_SECONDARY],
    },
    ShortcutRow {
        keys: "Ctrl+Minus",
        action: "zoom out",
        shortcuts: &[kb_shortcuts::ZOOM_OUT],
    },
    ShortcutRow {
        keys: "Ctrl+0",
        action: "actual size (zoom 100%)",
        shortcuts: &[kb_shortcuts::ZOOM_RESET],
    },
    ShortcutRow {
        keys: "Ctrl+Q",
        action: "quit (asks first if there are unsaved changes)",
        shortcuts: &[menu::QUIT],
    },
];

/// A shortcut as Windows writes it ("Ctrl+Shift+S").
pub fn windows_text(shortcut: &KeyboardShortcut) -> String {
    shortcut.format(&ModifierNames::NAMES, false)
}

/// The table as the README writes it.
pub fn markdown_table() -> String {
    let mut table = String::from("| shortcut | action |\n| --- | --- |\n");
    for row in &SHORTCUTS {
        table.push_str(&format!("| {} | {} |\n", row.keys, row.action));
    }
    table
}

/// The table in the Help menu.
pub fn shortcuts_ui(ui: &mut Ui) {
    egui::Grid::new("shortcuts").num_columns(2).show(ui, |ui| {
        for row in &SHORTCUTS {
            ui.strong(row.keys);
            ui.label(row.action.replace('`', ""));
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shortcut of a row is written in its keys, in that order: the table says what the
    /// keys really are.
    #[test]
    fn each_row_names_its_own_shortcuts() {
        for row in &SHORTCUTS {
            let mut rest = row.keys;
            for shortcut in row.shortcuts {
                let text = windows_text(shortcut);
                let at = rest
                    .find(&text)
                    .unwrap_or_else(|| panic!("{:?} does not say {text}", row.keys));
                rest = &rest[at + text.len()..];
            }
        }
        assert_eq!(windows_text(&menu::SAVE_AS), "Ctrl+Shift+S");
        assert_eq!(windows_text(&kb_shortcuts::ZOOM_RESET), "Ctrl+0");
    }
}
