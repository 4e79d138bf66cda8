//! Case weights, grades, the plan's targets and cost rates (all shared by every scenario). Removing a case type or grade that is still in
//! use is refused by the model, with the reason shown.

use super::state::UiState;
use super::widgets::{combo, sized_text_field};
use crate::model::{Assessment, Command, GradeRole, Plan, Settings};
use egui::{RichText, Ui};

fn role_label(role: GradeRole) -> &'static str {
    match role {
        GradeRole::Practitioner => "Practitioner",
        GradeRole::NewlyQualified => "Newly qualified (ASYE)",
        GradeRole::TeamManager => "Team manager",
        GradeRole::SeniorManager => "Senior manager",
        GradeRole::Other => "Other",
    }
}

/// Wide enough for names such as "Court / pre-proceedings" and "ASYE / newly qualified".
const NAME_WIDTH: f32 = 190.0;

/// A "Remove" button named after what it removes, for screen readers and on hover.
fn remove_button(ui: &mut Ui, what: &str) -> egui::Response {
    let name = format!("Remove {what}");
    let response = ui.button("Remove").on_hover_text(&name);
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
    response
}

const ROLES: [GradeRole; 5] = [
    GradeRole::Practitioner,
    GradeRole::NewlyQualified,
    GradeRole::TeamManager,
    GradeRole::SeniorManager,
    GradeRole::Other,
];

pub fn weights_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    // Both ways: on a narrow window the tables scroll sideways rather than lose columns.
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        ui.heading("Case weights");
        ui.label("Points per case; 1.0 is a standard child-in-need case. The defaults are illustrative: set your own.");
        egui::Grid::new("case-types").striped(true).num_columns(5).show(ui, |ui| {
            for h in ["Case type", "Weight", "Must allocate", "Cases", ""] {
                ui.strong(h);
            }
            ui.end_row();
            for c in &plan.case_types {
                if let Some(name) = sized_text_field(ui, NAME_WIDTH, &format!("Name of case type {}", c.id.0), ("case-type", c.id), &c.name, &mut state.drafts) {
                    edits.push(Command::RenameCaseType { case_type: c.id, name });
                }
                let mut weight = c.weight;
                ui.name_inputs(format!("{} weight", c.name), |ui| ui.add(egui::DragValue::new(&mut weight).speed(0.05).max_decimals(2)));
                if weight != c.weight {
                    edits.push(Command::SetCaseTypeWeight { case_type: c.id, weight });
                }
                let mut must = c.must_allocate;
                if ui.name_inputs(format!("{} must be allocated", c.name), |ui| ui.checkbox(&mut must, "")).changed() {
                    edits.push(Command::SetCaseTypeMustAllocate { case_type: c.id, must_allocate: must });
                }
                let held: u64 = plan.posts.iter().filter_map(|p| p.cases.get(&c.id)).map(|&n| u64::from(n)).sum();
                let waiting: u64 = plan.teams.iter().filter_map(|t| t.unallocated.get(&c.id)).map(|&n| u64::from(n)).sum();
                ui.label(format!("{} held, {} waiting", crate::text::thousands(held), crate::text::thousands(waiting)));
                if remove_button(ui, &c.name).clicked() {
                    edits.push(Command::RemoveCaseType { case_type: c.id });
                }
                ui.end_row();
            }
        });
        if ui.button("+ Case type").clicked() {
            edits.push(Command::AddCaseType { name: "New case type".into(), weight: 1.0, must_allocate: false });
        }

        ui.add_space(12.0);
        ui.heading("Grades");
        ui.label("Capacity in weighted points for one worker at 1.0 FTE; absent and vacant posts have none.");
        egui::Grid::new("grades").striped(true).num_columns(6).show(ui, |ui| {
            for h in ["Grade", "Role", "Capacity points", "Holds cases", "Posts", ""] {
                ui.strong(h);
            }
            ui.end_row();
            for g in &plan.grades {
                if let Some(name) = sized_text_field(ui, NAME_WIDTH, &format!("Name of grade {}", g.id.0), ("grade", g.id), &g.name, &mut state.drafts) {
                    edits.push(Command::RenameGrade { grade: g.id, name });
                }
                let mut role = g.role;
                combo(ui, &format!("{} role", g.name), ("grade-role", g.id), role_label(role), |ui| {
                    for r in ROLES {
                        ui.selectable_value(&mut role, r, role_label(r));
                    }
                });
                if role != g.role {
                    edits.push(Command::SetGradeRole { grade: g.id, role });
                }
                let mut capacity = g.capacity_points;
                ui.name_inputs(format!("{} capacity points", g.name), |ui| ui.add(egui::DragValue::new(&mut capacity).speed(0.5).max_decimals(1)));
                if capacity != g.capacity_points {
                    edits.push(Command::SetGradeCapacity { grade: g.id, capacity_points: capacity });
                }
                let mut holds = g.holds_cases;
                if ui.name_inputs(format!("{} holds cases", g.name), |ui| ui.checkbox(&mut holds, "")).changed() {
                    edits.push(Command::SetGradeHoldsCases { grade: g.id, holds_cases: holds });
                }
                ui.label(crate::text::thousands(plan.posts.iter().filter(|p| p.grade == g.id).count() as u64));
                if remove_button(ui, &g.name).clicked() {
                    edits.push(Command::RemoveGrade { grade: g.id });
                }
                ui.end_row();
            }
        });
        if ui.button("+ Grade").clicked() {
            edits.push(Command::AddGrade { name: "New grade".into(), role: GradeRole::Practitioner, capacity_points: 18.0, holds_cases: true });
        }

        ui.add_space(12.0);
        settings_ui(ui, &plan.settings, edits);
        ui.add_space(12.0);
        super::costs::cost_rates_ui(ui, plan, assessment, edits);
    });
}

/// The targets, shown as people think of them (percentages) and stored as fractions.
fn settings_ui(ui: &mut Ui, settings: &Settings, edits: &mut Vec<Command>) {
    ui.heading("Targets");
    ui.label(
        RichText::new("Illustrative defaults: there is no national caseload standard in England.")
            .weak(),
    );
    let mut s = settings.clone();
    let percent = |ui: &mut Ui, label: &str, value: &mut f64| {
        let mut shown = *value * 100.0;
        ui.label(label);
        ui.name_inputs(label, |ui| {
            ui.add(
                egui::DragValue::new(&mut shown)
                    .speed(1.0)
                    .suffix("%")
                    .max_decimals(1),
            )
        });
        if shown != *value * 100.0 {
            *value = shown / 100.0;
        }
        ui.end_row();
    };
    egui::Grid::new("targets").num_columns(2).show(ui, |ui| {
        ui.label("Caseload target (cases per FTE)");
        ui.name_inputs("Caseload target", |ui| {
            ui.add(
                egui::DragValue::new(&mut s.caseload_target)
                    .speed(0.5)
                    .max_decimals(1),
            )
        });
        ui.end_row();
        percent(ui, "Amber from (utilisation)", &mut s.amber_from);
        percent(ui, "Red from (utilisation)", &mut s.red_from);
        percent(ui, "Highest agency rate", &mut s.max_agency_share);
        percent(ui, "Highest ASYE share", &mut s.max_asye_share);
        ui.label("Most case-holders per team manager");
        ui.name_inputs("Most case-holders per team manager", |ui| {
            ui.add(
                egui::DragValue::new(&mut s.max_span_of_control)
                    .speed(0.1)
                    .max_decimals(1),
            )
        });
        ui.end_row();
    });
    if s != *settings {
        edits.push(Command::SetSettings(s));
    }
}
