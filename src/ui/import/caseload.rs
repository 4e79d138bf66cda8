//! The caseload import window: a caseload report (cases held per worker, by case type, as a
//! case management system reports them) read against the plan's workers, matched by employee
//! number or by name. One page: the columns, the case-type words of a long report, then what
//! it would change, the rows matched to nobody and the workers the report does not mention.

use crate::model::import::{
    CaseColumn, CaseTypeChoice, CaseloadMapping, CaseloadPreview, Table, normalise, preview_cases,
};
use crate::model::{Command, Plan, PostId};
use crate::text;
use crate::ui::theme;
use egui::{Context, RichText, Ui};
use std::collections::HashMap;
use std::path::PathBuf;

/// A caseload report being imported.
pub struct CaseloadImport {
    pub path: PathBuf,
    pub table: Table,
    pub mapping: CaseloadMapping,
    /// Employee numbers of the staff list imported last, and the posts they became.
    numbers: HashMap<String, PostId>,
    cached: Option<(CaseloadMapping, u64, CaseloadPreview)>,
}

impl CaseloadImport {
    pub fn new(path: PathBuf, table: Table, plan: &Plan, numbers: HashMap<String, PostId>) -> Self {
        let mapping = CaseloadMapping::guess(&table, plan);
        CaseloadImport {
            path,
            table,
            mapping,
            numbers,
            cached: None,
        }
    }

    fn preview(&mut self, plan: &Plan, revision: u64) -> &CaseloadPreview {
        let stale = self
            .cached
            .as_ref()
            .is_none_or(|(m, r, _)| *m != self.mapping || *r != revision);
        if stale {
            let numbers = &self.numbers;
            // A number whose post has gone since (an undo) finds nobody.
            let find = |n: &str| {
                numbers
                    .get(&normalise(n))
                    .copied()
                    .filter(|&id| plan.post(id).is_some())
            };
            let preview = preview_cases(&self.table, &self.mapping, plan, &find);
            self.cached = Some((self.mapping.clone(), revision, preview));
        }
        &self.cached.as_ref().expect("worked out above").2
    }
}

/// Draws the window; returns the change (one undo step) when the user imports.
pub fn caseload_import_ui(
    ctx: &Context,
    import: &mut CaseloadImport,
    plan: &Plan,
    revision: u64,
    open: &mut bool,
) -> Option<(Command, String)> {
    let mut done = None;
    let name = import
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    egui::Window::new(format!("Import caseloads: {name}"))
        .id(egui::Id::unique("caseload-import-window"))
        .open(open)
        .collapsible(false)
        .default_pos(egui::pos2(290.0, 100.0))
        .default_width(600.0)
        .show(ctx, |ui| {
            columns_ui(ui, import, plan);
            ui.separator();
            let preview = import.preview(plan, revision);
            done = preview_ui(ui, preview, plan);
        });
    done
}

fn columns_ui(ui: &mut Ui, import: &mut CaseloadImport, plan: &Plan) {
    let roles = import.mapping.roles(&import.table);
    let mut change = None;
    egui::ScrollArea::vertical()
        .id_salt("caseload-columns")
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("caseload-columns-grid")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Column");
                    ui.strong("Holds");
                    ui.end_row();
                    for (column, heading) in import.table.headings.iter().enumerate() {
                        ui.label(heading);
                        let role = roles.get(column).cloned().flatten();
                        let name = format!("What {heading} holds");
                        if let Some(chosen) =
                            ui.name_inputs(name, |ui| role_combo(ui, column, role, plan))
                        {
                            change = Some((column, chosen));
                        }
                        ui.end_row();
                    }
                });
            for (word, choice) in &mut import.mapping.case_types {
                ui.horizontal(|ui| {
                    ui.label(format!("\"{}\" is", text::shortened(word)));
                    ui.name_inputs(format!("{word} is"), |ui| {
                        case_type_combo(ui, word, choice, plan)
                    });
                });
            }
        });
    if let Some((column, role)) = change {
        import.mapping.set_role(&import.table, plan, column, role);
    }
}

fn role_label(role: &Option<CaseColumn>) -> String {
    match role {
        None => "not read".to_owned(),
        Some(CaseColumn::Worker) => "Worker's name".to_owned(),
        Some(CaseColumn::WorkerNumber) => "Employee or post number".to_owned(),
        Some(CaseColumn::Cases(name)) => format!("{name} cases"),
        Some(CaseColumn::CaseType) => "Case type (one row per case)".to_owned(),
        Some(CaseColumn::Count) => "Number of cases".to_owned(),
    }
}

fn role_combo(
    ui: &mut Ui,
    column: usize,
    role: Option<CaseColumn>,
    plan: &Plan,
) -> Option<Option<CaseColumn>> {
    let mut chosen = None;
    let mut options = vec![
        None,
        Some(CaseColumn::Worker),
        Some(CaseColumn::WorkerNumber),
    ];
    options.extend(
        plan.case_types
            .iter()
            .map(|c| Some(CaseColumn::Cases(c.name.clone()))),
    );
    options.extend([Some(CaseColumn::CaseType), Some(CaseColumn::Count)]);
    egui::ComboBox::from_id_salt(("caseload-column-role", column))
        .selected_text(role_label(&role))
        .width(240.0)
        .show_ui(ui, |ui| {
            for option in options {
                let label = role_label(&option);
                if ui.selectable_label(option == role, label).clicked() && option != role {
                    chosen = Some(option);
                }
            }
        });
    chosen
}

fn case_type_combo(ui: &mut Ui, word: &str, choice: &mut CaseTypeChoice, plan: &Plan) {
    let shown = match choice {
        CaseTypeChoice::CaseType(name) => RichText::new(name.as_str()),
        CaseTypeChoice::Skip => RichText::new("left out"),
        CaseTypeChoice::Unmatched => RichText::new("choose…").color(theme::WARNING),
    };
    egui::ComboBox::from_id_salt(("caseload-case-type", word))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for case_type in &plan.case_types {
                let option = CaseTypeChoice::CaseType(case_type.name.clone());
                ui.selectable_value(choice, option, &case_type.name);
            }
            ui.selectable_value(choice, CaseTypeChoice::Skip, "left out");
        });
}

fn preview_ui(ui: &mut Ui, preview: &CaseloadPreview, plan: &Plan) -> Option<(Command, String)> {
    let workers = preview.cases.len() as u64;
    ui.label(
        RichText::new(format!(
            "{} for {}.",
            text::count(preview.total(), "case", "cases"),
            text::count(workers, "worker", "workers")
        ))
        .strong(),
    );
    let listed = |ui: &mut Ui, id: &str, lines: Vec<String>| {
        let row_height = ui.text_style_height(&egui::TextStyle::Body);
        egui::ScrollArea::vertical()
            .id_salt(id)
            .max_height(100.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, lines.len(), |ui, rows| {
                for line in &lines[rows] {
                    ui.label(RichText::new(line).color(theme::WARNING));
                }
            });
    };
    let problems: Vec<String> = preview
        .unmatched_rows
        .iter()
        .chain(&preview.problems)
        .map(ToString::to_string)
        .collect();
    if !problems.is_empty() {
        ui.label(format!(
            "{} not imported:",
            text::count(
                problems.len() as u64,
                "row or column is",
                "rows or columns are"
            )
        ));
        listed(ui, "caseload-problems", problems);
    }
    if !preview.workers_not_in_report.is_empty() {
        ui.label(format!(
            "{} in the plan the report does not mention (their cases stay as they are):",
            text::count(
                preview.workers_not_in_report.len() as u64,
                "worker",
                "workers"
            )
        ));
        let names = preview
            .workers_not_in_report
            .iter()
            .map(|(_, name)| text::shortened(name).into_owned())
            .collect();
        listed(ui, "caseload-not-in-report", names);
    }
    let command = preview.command(plan);
    let changes = match &command {
        Command::Batch(commands) => commands.len(),
        _ => 1,
    };
    let clicked = ui
        .add_enabled(
            changes > 0,
            egui::Button::new(RichText::new("Import these caseloads").strong()),
        )
        .on_hover_text("One step: Undo puts every count back.")
        .clicked();
    clicked.then(|| {
        let notice = format!(
            "Imported {} for {} (Undo puts them back).",
            text::count(preview.total(), "case", "cases"),
            text::count(workers, "worker", "workers")
        );
        (command, notice)
    })
}
