//! Demand as flows, in the Projection view's assumptions: how long cases of each type stay
//! open, new cases a month where the user knows them, and the dated levers (early help, exit
//! from care, edge of care) that change them. Edits a copy of the scenario's assumptions; the
//! caller turns a change into one command.

use super::super::widgets::{combo, number_field};
use crate::model::demand_flows::{
    DemandFlows, DemandLever, FlowChange, MAX_MONTHS_OPEN, MonthsOpen, NewCases,
    default_months_open, open_by_team,
};
use crate::model::{Assumptions, CaseTypeId, Plan, TeamId, Timeline};
use crate::text::month_label;
use egui::Ui;

pub(super) fn demand_flows_ui(ui: &mut Ui, plan: &Plan, a: &mut Assumptions) {
    ui.label(
        "Cases come in each month and stay open for a while: the cases a team holds follow. \
         Until you enter new cases, each team's are those that keep its cases as they are now.",
    );
    months_open_ui(ui, plan, &mut a.flows);
    egui::CollapsingHeader::new("New cases a month by team")
        .id_salt("new-cases")
        .show(ui, |ui| new_cases_ui(ui, plan, &mut a.flows));
    levers_ui(ui, plan, &mut a.flows);
}

/// Months open by case type: the plan's own, or the illustrative default.
fn months_open_ui(ui: &mut Ui, plan: &Plan, flows: &mut DemandFlows) {
    egui::Grid::new("months-open-grid")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for case_type in &plan.case_types {
                ui.label(&case_type.name);
                let entered = flows
                    .months_open
                    .iter()
                    .position(|m| m.case_type == case_type.id);
                let mut months = flows.months_open(case_type.id, &case_type.name);
                ui.horizontal(|ui| {
                    let changed = number_field(
                        ui,
                        &format!("{} months open", case_type.name),
                        &mut months,
                        1.0..=MAX_MONTHS_OPEN,
                        0.1,
                        "months open on average",
                    );
                    if changed {
                        match entered {
                            Some(i) => flows.months_open[i].months = months,
                            None => flows.months_open.push(MonthsOpen {
                                case_type: case_type.id,
                                months,
                            }),
                        }
                    }
                    if entered.is_none() {
                        ui.weak("(illustrative)");
                    } else if ui
                        .small_button("Default")
                        .on_hover_text(format!(
                            "Back to the illustrative {} months",
                            default_months_open(&case_type.name)
                        ))
                        .clicked()
                        && let Some(i) = entered
                    {
                        flows.months_open.remove(i);
                    }
                });
                ui.end_row();
            }
        });
}

/// New cases a month, team by case type: entered, or the steady state shown faintly.
fn new_cases_ui(ui: &mut Ui, plan: &Plan, flows: &mut DemandFlows) {
    let open = open_by_team(plan);
    egui::Grid::new("new-cases-grid")
        .striped(true)
        .num_columns(plan.case_types.len() + 1)
        .show(ui, |ui| {
            ui.strong("Team");
            for case_type in &plan.case_types {
                ui.strong(&case_type.name);
            }
            ui.end_row();
            let row_height = ui.spacing().interact_size.y;
            for (t, team) in plan.teams.iter().enumerate() {
                // A region's thousands of teams: only the rows on screen are laid out.
                if crate::ui::widgets::skipped_off_screen(ui, row_height) {
                    continue;
                }
                ui.label(&team.name);
                for case_type in &plan.case_types {
                    let entered = flows
                        .new_cases
                        .iter()
                        .position(|n| n.team == team.id && n.case_type == case_type.id);
                    let steady = open[t].get(&case_type.id).copied().unwrap_or(0) as f64
                        / flows.months_open(case_type.id, &case_type.name);
                    let mut per_month = entered.map_or(steady, |i| flows.new_cases[i].per_month);
                    // An id of its own: rows above may or may not be laid out.
                    let changed = ui
                        .push_id(("new-cases", team.id, case_type.id), |ui| {
                            number_field(
                                ui,
                                &format!("{} {} new a month", team.name, case_type.name),
                                &mut per_month,
                                0.0..=f64::from(crate::model::validate::MAX_CASE_COUNT),
                                0.1,
                                "",
                            )
                        })
                        .inner;
                    if changed {
                        match entered {
                            Some(i) => flows.new_cases[i].per_month = per_month,
                            None => flows.new_cases.push(NewCases {
                                team: team.id,
                                case_type: case_type.id,
                                per_month,
                            }),
                        }
                    }
                }
                ui.end_row();
            }
        });
    ui.weak("Figures you have not entered are the steady state: cases open now ÷ months open.");
    if !flows.new_cases.is_empty() && ui.button("Back to the steady state").clicked() {
        flows.new_cases.clear();
    }
}

/// What a lever does, in the words of its combo box.
fn kind_label(change: &FlowChange) -> &'static str {
    match change {
        FlowChange::NewCases { .. } => "New cases change",
        FlowChange::MonthsOpen { .. } => "Cases stay open for a changed time",
        FlowChange::Divert { .. } => "New cases come in as another type",
    }
}

fn levers_ui(ui: &mut Ui, plan: &Plan, flows: &mut DemandFlows) {
    ui.add_space(4.0);
    ui.strong("Levers on demand");
    let Some(first_type) = plan.case_types.first().map(|c| c.id) else {
        ui.weak("The plan has no case types.");
        return;
    };
    let mut remove = None;
    for (i, lever) in flows.levers.iter_mut().enumerate() {
        ui.group(|ui| {
            if lever_ui(ui, plan, i, lever) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        flows.levers.remove(i);
    }
    if ui
        .button("+ Add lever")
        .on_hover_text(
            "Early help (fewer new cases), exit-from-care work (cases closing sooner) or \
             edge-of-care work (would-be children in care supported as children in need)",
        )
        .clicked()
    {
        let from = plan
            .timeline
            .month(1.min(plan.timeline.months.saturating_sub(1)))
            .unwrap_or(plan.timeline.start);
        flows.levers.push(DemandLever {
            change: FlowChange::NewCases {
                case_type: first_type,
                by: -0.1,
            },
            team: None,
            from,
            ramp_months: 12,
        });
    }
}

/// One lever on two lines: what it changes, then where and when. True when the user removes
/// it.
fn lever_ui(ui: &mut Ui, plan: &Plan, i: usize, lever: &mut DemandLever) -> bool {
    let n = i + 1;
    ui.horizontal_wrapped(|ui| what_ui(ui, plan, n, i, lever));
    ui.horizontal_wrapped(|ui| when_ui(ui, plan, n, i, lever))
        .inner
}

/// The lever's kind and its case types and size.
fn what_ui(ui: &mut Ui, plan: &Plan, n: usize, i: usize, lever: &mut DemandLever) {
    let first_type = plan.case_types[0].id;
    let mut change = lever.change;
    combo(
        ui,
        &format!("Lever {n} kind"),
        ("lever-kind", i),
        kind_label(&change),
        |ui| {
            let case_type = match change {
                FlowChange::NewCases { case_type, .. }
                | FlowChange::MonthsOpen { case_type, .. } => case_type,
                FlowChange::Divert { from, .. } => from,
            };
            for option in [
                FlowChange::NewCases {
                    case_type,
                    by: -0.1,
                },
                FlowChange::MonthsOpen {
                    case_type,
                    by: -0.1,
                },
                FlowChange::Divert {
                    from: case_type,
                    to: first_type,
                    share: 0.1,
                },
            ] {
                let on = std::mem::discriminant(&option) == std::mem::discriminant(&change);
                if ui.selectable_label(on, kind_label(&option)).clicked() && !on {
                    change = option;
                }
            }
        },
    );
    match &mut change {
        FlowChange::NewCases { case_type, by } | FlowChange::MonthsOpen { case_type, by } => {
            ui.label("for");
            case_type_combo(
                ui,
                plan,
                &format!("Lever {n} case type"),
                ("lever-type", i),
                case_type,
            );
            ui.label("by");
            percent_change(ui, &format!("Lever {n} change"), by);
        }
        FlowChange::Divert { from, to, share } => {
            let mut shown = *share * 100.0;
            if number_field(
                ui,
                &format!("Lever {n} share"),
                &mut shown,
                0.0..=100.0,
                0.5,
                "% of",
            ) {
                *share = shown / 100.0;
            }
            case_type_combo(
                ui,
                plan,
                &format!("Lever {n} from"),
                ("lever-from", i),
                from,
            );
            ui.label("come in as");
            case_type_combo(ui, plan, &format!("Lever {n} to"), ("lever-to", i), to);
        }
    }
    lever.change = change;
}

/// The team the lever acts in, its first month and its ramp; true when Remove is clicked.
fn when_ui(ui: &mut Ui, plan: &Plan, n: usize, i: usize, lever: &mut DemandLever) -> bool {
    ui.label("in");
    team_combo(ui, plan, &format!("Lever {n} team"), i, &mut lever.team);
    ui.label("from month");
    let timeline = plan.timeline;
    let mut offset = timeline.offset(lever.from).max(0) as u32;
    if number_field(
        ui,
        &format!("Lever {n} from month"),
        &mut offset,
        0..=timeline.months.saturating_sub(1),
        0.2,
        "",
    ) && let Some(month) = timeline.month(offset)
    {
        lever.from = month;
    }
    ui.weak(format!("({})", month_label(lever.from)));
    ui.label("over");
    number_field(
        ui,
        &format!("Lever {n} ramp"),
        &mut lever.ramp_months,
        0..=Timeline::MAX_MONTHS,
        0.2,
        "months",
    );
    ui.small_button("Remove").clicked()
}

/// A change as a percentage: -20 for 20% fewer.
fn percent_change(ui: &mut Ui, label: &str, by: &mut f64) {
    let mut shown = *by * 100.0;
    if number_field(ui, label, &mut shown, -99.0..=1000.0, 0.5, "%") {
        *by = shown / 100.0;
    }
}

fn case_type_combo(
    ui: &mut Ui,
    plan: &Plan,
    label: &str,
    id_salt: (&str, usize),
    chosen: &mut CaseTypeId,
) {
    let name = plan
        .case_types
        .iter()
        .find(|c| c.id == *chosen)
        .map_or("?", |c| c.name.as_str());
    combo(ui, label, id_salt, name, |ui| {
        for case_type in &plan.case_types {
            ui.selectable_value(chosen, case_type.id, &case_type.name);
        }
    });
}

fn team_combo(ui: &mut Ui, plan: &Plan, label: &str, i: usize, chosen: &mut Option<TeamId>) {
    let name = chosen
        .and_then(|t| plan.team(t))
        .map_or("every team", |t| t.name.as_str());
    combo(ui, label, ("lever-team", i), name, |ui| {
        ui.selectable_value(chosen, None, "every team");
        for team in &plan.teams {
            ui.selectable_value(chosen, Some(team.id), &team.name);
        }
    });
}
