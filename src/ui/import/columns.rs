//! Step 1 of a staff-list import: which column holds what. Each column of the file with a few
//! of its values, and the role chosen for it (guessed from its heading).

use super::{ImportRequest, StaffImport};
use crate::model::Plan;
use crate::model::import::{ColumnRole, Table};
use crate::ui::theme;
use egui::{RichText, Ui};

/// Values shown for each column, so a user can tell what it holds whatever its heading.
const EXAMPLES: usize = 3;

pub(super) fn columns_ui(
    ui: &mut Ui,
    import: &mut StaffImport,
    plan: &Plan,
) -> Option<ImportRequest> {
    let mut request = None;
    let table = &import.table;
    ui.label(format!(
        "{} under the headings in row {}. Choose what each column holds; columns left as \
         \"not read\" are ignored.",
        crate::text::count(table.rows.len() as u64, "row", "rows"),
        table.heading_row
    ));
    if import.sheets.len() > 1 {
        ui.horizontal(|ui| {
            ui.label("Sheet");
            let current = import.sheet.clone().unwrap_or_default();
            ui.name_inputs("Sheet", |ui| {
                egui::ComboBox::from_id_salt("import-sheet")
                    .selected_text(&current)
                    .show_ui(ui, |ui| {
                        for sheet in &import.sheets {
                            if ui.selectable_label(*sheet == current, sheet).clicked()
                                && *sheet != current
                            {
                                request = Some(ImportRequest::ReadSheet(sheet.clone()));
                            }
                        }
                    });
            });
        });
    }
    let roles = import.mapping.roles(table);
    let mut change = None;
    egui::ScrollArea::vertical()
        .id_salt("import-columns")
        .max_height(320.0)
        .show(ui, |ui| {
            egui::Grid::new("import-columns-grid")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Column");
                    ui.strong("Holds");
                    ui.strong("For example");
                    ui.end_row();
                    for (column, heading) in table.headings.iter().enumerate() {
                        ui.label(heading);
                        let role = roles.get(column).copied().flatten();
                        let name = format!("What {heading} holds");
                        if let Some(chosen) =
                            ui.name_inputs(name, |ui| role_combo(ui, column, role))
                        {
                            change = Some((column, chosen));
                        }
                        ui.weak(examples(table, column));
                        ui.end_row();
                    }
                });
        });
    if let Some((column, role)) = change {
        let base = import.base(plan);
        import.mapping.set_role(&import.table, &base, column, role);
    }
    let uses_hours = roles.contains(&Some(ColumnRole::WeeklyHours));
    if uses_hours {
        ui.horizontal(|ui| {
            ui.label("Hours in a full-time week");
            ui.add(
                egui::DragValue::new(&mut import.mapping.full_time_hours)
                    .range(1.0..=100.0)
                    .speed(0.5),
            )
            .on_hover_text("Weekly hours ÷ this is the FTE: 37 in most councils.");
        });
    }
    for wanted in [ColumnRole::JobTitle, ColumnRole::Team] {
        if !roles.contains(&Some(wanted)) {
            ui.label(
                RichText::new(format!(
                    "No column is chosen as the {}: every post needs one.",
                    wanted.label().to_lowercase()
                ))
                .color(theme::WARNING),
            );
        }
    }
    request
}

/// The role chosen for `column`, when the user changes it: `Some(None)` for "not read".
fn role_combo(ui: &mut Ui, column: usize, role: Option<ColumnRole>) -> Option<Option<ColumnRole>> {
    let mut chosen = None;
    let shown = role.map_or("not read", ColumnRole::label);
    egui::ComboBox::from_id_salt(("import-column-role", column))
        .selected_text(shown)
        .width(190.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(role.is_none(), "not read").clicked() && role.is_some() {
                chosen = Some(None);
            }
            for option in ColumnRole::ALL {
                if ui
                    .selectable_label(role == Some(option), option.label())
                    .clicked()
                    && role != Some(option)
                {
                    chosen = Some(Some(option));
                }
            }
        });
    chosen
}

/// The first few values of `column`, as the file shows them.
fn examples(table: &Table, column: usize) -> String {
    let values: Vec<String> = table
        .rows
        .iter()
        .map(|row| row.cell(column).shown())
        .filter(|v| !v.is_empty())
        .take(EXAMPLES)
        .map(|v| crate::text::shortened(&v).into_owned())
        .collect();
    values.join(" · ")
}
