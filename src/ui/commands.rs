//! The table of what the menus offer: each entry's label, what it does (the menu's tooltip and
//! the shortcuts list in Help) and its keyboard shortcuts. The menus, the shortcut keys and
//! Help > Keyboard shortcuts all read it, so a label or a key is written once.

use super::menu::AppAction;
use super::state::ProposalKind;
use egui::{Key, KeyboardShortcut, Modifiers};

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
pub const SELECT_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);
pub const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
pub const ANONYMISE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
// Zoom: the keys every browser uses (egui's own), here so that menus and Help list them.
pub use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_OUT, ZOOM_RESET};

/// One entry of a menu.
pub struct MenuCommand {
    pub action: AppAction,
    pub label: &'static str,
    /// What it does, in a sentence: the menu's tooltip and the shortcuts list.
    pub tooltip: &'static str,
    /// Its keys; the first is shown in the menu.
    pub shortcuts: &'static [KeyboardShortcut],
}

impl MenuCommand {
    const fn new(
        action: AppAction,
        label: &'static str,
        tooltip: &'static str,
        shortcuts: &'static [KeyboardShortcut],
    ) -> Self {
        MenuCommand {
            action,
            label,
            tooltip,
            shortcuts,
        }
    }
}

/// File menu, in order; `None` is a separator. (Open recent is drawn between Open example and
/// Save: its entries are the recent files.)
pub const FILE_MENU: &[Option<MenuCommand>] = &[
    Some(MenuCommand::new(
        AppAction::New,
        "New plan",
        "Start an empty plan (asks first if there are unsaved changes).",
        &[NEW],
    )),
    Some(MenuCommand::new(
        AppAction::NewFromPublished,
        "New from published figures…",
        "Start a plan from a council's latest published figures (DfE): its case-holding staff \
         and cases, staff in post, agency workers and vacancies, in one team or a team per \
         function.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::Open,
        "Open…",
        "Open a plan file (.ron); dropping one on the window opens it too.",
        &[OPEN],
    )),
    Some(MenuCommand::new(
        AppAction::OpenExample,
        "Open example",
        "Open the built-in example plan, a stretched locality service with a fixed-term option.",
        &[],
    )),
    None,
    Some(MenuCommand::new(
        AppAction::Save,
        "Save",
        "Save every scenario to the plan's file (asks where the first time).",
        &[SAVE],
    )),
    Some(MenuCommand::new(
        AppAction::SaveAs,
        "Save as…",
        "Save the plan to a new file, named after the plan.",
        &[SAVE_AS],
    )),
    None,
    Some(MenuCommand::new(
        AppAction::ImportStaffList,
        "Import staff list…",
        "Start from your own staff list (CSV or Excel, as HR exports it): choose what each \
         column holds, check a preview, then import into a new plan, the scenario shown or a \
         new option.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::ImportCaseloads,
        "Import caseloads…",
        "Cases held per worker by case type (CSV or Excel, as a case management system \
         reports them), matched by employee number or name.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::ExportPostsCsv,
        "Export posts as CSV…",
        "The posts of the scenario shown, in the staff list's columns: edit them in a \
         spreadsheet and import them back.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::ExportCsvTables,
        "Export tables as CSV…",
        "The scenario shown as CSV files in a folder you name: posts, teams with their figures, \
         alerts, the projection month by month, the comparison of scenarios, the changes, \
         definitions and assumptions. Numbers as numbers; opens in Excel and LibreOffice.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::ExportXlsx,
        "Export Excel workbook…",
        "The same tables as sheets of one workbook, with number formats, frozen headings and a \
         sheet of definitions and assumptions.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::ExportPdf,
        "Export PDF report…",
        "An A4 landscape report of the scenario shown for a meeting: headline figures with \
         their targets, alerts, the charts, the projection with its bands, the options compared \
         in Compare with their changes, assumptions, cost rates and every figure's definition. \
         Anonymised when the names are.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::ExportViewPng,
        "Export view as PNG…",
        "A picture of the view shown, at the window's size or 1280×720 or 1920×1080, for \
         slides and reports (right-click a chart to save that chart alone).",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::SaveStaffListTemplate,
        "Save staff list template…",
        "A CSV file with the columns the import reads and example rows, to fill in.",
        &[],
    )),
    Some(MenuCommand::new(
        AppAction::LoadRelease,
        "Use newer published figures…",
        "Load a newer release of the DfE's children's social work workforce figures (its CSV, \
         with the same columns): kept in the app's data folder and used from then on.",
        &[],
    )),
    None,
    Some(MenuCommand::new(
        AppAction::Quit,
        "Quit",
        "Close the window (asks first if there are unsaved changes).",
        &[QUIT],
    )),
];

/// Edit menu, in order.
pub const EDIT_MENU: &[MenuCommand] = &[
    MenuCommand::new(
        AppAction::Undo,
        "Undo",
        "Undo the last change in the scenario shown (a whole drag of a value is one step).",
        &[UNDO],
    ),
    MenuCommand::new(
        AppAction::Redo,
        "Redo",
        "Redo what was undone.",
        &[REDO, REDO_Y],
    ),
    MenuCommand::new(
        AppAction::SelectAllPosts,
        "Select all posts",
        "Show the Posts table with every post its filters show selected, to edit them together.",
        &[SELECT_ALL],
    ),
    MenuCommand::new(
        AppAction::Propose(ProposalKind::AllocateWaiting),
        "Allocate waiting work…",
        "Propose giving waiting cases to workers with room, in the selected team or every team.",
        &[],
    ),
    MenuCommand::new(
        AppAction::Propose(ProposalKind::Balance),
        "Balance caseloads…",
        "Propose moving cases from the most loaded workers to those with room.",
        &[],
    ),
];

/// View menu's presentation entries, after the views.
pub const PRESENT_MENU: &[MenuCommand] = &[
    MenuCommand::new(
        AppAction::ToggleAnonymise,
        "Anonymise names",
        "Show every worker as their grade and a number (\"Social worker 7\") on screen, in \
         presentations and in exports; teams keep their names. The plan and its file are not \
         changed. Remembered for the plan's file.",
        &[ANONYMISE],
    ),
    MenuCommand::new(
        AppAction::Present,
        "Present…",
        "Full screen with larger type for a meeting: choose the slides (headline figures, each \
     chart, the projection, the options compared, staff needed, benchmarks), then the arrow \
     keys to move and Esc to leave.",
        &[PRESENT],
    ),
];

/// View menu's zoom entries, after the views. The zoom is kept with the window's settings.
pub const ZOOM_MENU: &[MenuCommand] = &[
    MenuCommand::new(
        AppAction::ZoomIn,
        "Zoom in",
        "Make everything larger, for a small or high-resolution screen or a projector.",
        &[ZOOM_IN, ZOOM_IN_SECONDARY],
    ),
    MenuCommand::new(
        AppAction::ZoomOut,
        "Zoom out",
        "Make everything smaller, to see more at once.",
        &[ZOOM_OUT],
    ),
    MenuCommand::new(
        AppAction::ActualSize,
        "Actual size",
        "Back to 100%.",
        &[ZOOM_RESET],
    ),
];

/// Every entry of the File, Edit and View menus, in menu order.
pub fn all() -> impl Iterator<Item = &'static MenuCommand> {
    FILE_MENU
        .iter()
        .flatten()
        .chain(EDIT_MENU)
        .chain(PRESENT_MENU)
        .chain(ZOOM_MENU)
}

/// The shortcut keys as a Windows user reads them (`Ctrl+Shift+Z or Ctrl+Y`), for the README.
pub fn windows_keys(command: &MenuCommand) -> String {
    let keys: Vec<String> = command
        .shortcuts
        .iter()
        .map(|s| s.format(&egui::ModifierNames::NAMES, false))
        .collect();
    keys.join(" or ")
}

/// The shortcuts as the README's table: keys, then what they do.
pub fn shortcuts_markdown() -> String {
    let mut table = String::from("| shortcut | action |\n| --- | --- |\n");
    for command in all().filter(|c| !c.shortcuts.is_empty()) {
        let keys = windows_keys(command);
        table.push_str(&format!(
            "| {keys} | {}: {} |\n",
            command.label, command.tooltip
        ));
    }
    table
}

/// The shortcut keys as one line: `Ctrl+Shift+Z or Ctrl+Y`.
pub fn shortcut_text(ctx: &egui::Context, command: &MenuCommand) -> String {
    let keys: Vec<String> = command
        .shortcuts
        .iter()
        .map(|s| ctx.format_shortcut(s))
        .collect();
    keys.join(" or ")
}
