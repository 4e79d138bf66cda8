//! The inspector's post section: team, grade, contract (and what an agency worker covers) and
//! dates, FTE, worker, absence, the cases held and the reductions (`post_reductions.rs`), with
//! the post's figures (capacity before and after reductions). Split from [`super::inspector`], which draws the plan
//! and team sections and chooses which to show.

use super::state::UiState;
use super::widgets::{combo, month_field, number_field, text_field};
use crate::model::validate::MAX_CASE_COUNT;
use crate::model::{
    AbsenceReason, AgencyCover, Assessment, Command, Contract, ContractKind, Plan, Post,
    PostStatus, YearMonth,
};
use crate::text;
use egui::{RichText, Ui};

pub fn post_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &crate::model::anonymise::WorkerNames,
    post: &Post,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    let team_name = plan.team(post.team).map_or("?", |t| t.name.as_str());
    ui.label(RichText::new(format!("Post {} in {team_name}", post.id.0)).strong());
    let id = post.id;
    egui::Grid::new("post-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Team");
            let mut team = post.team;
            ui.name_inputs("Team", |ui| {
                egui::ComboBox::from_id_salt(("post-team", id))
                    .selected_text(team_name)
                    // Stays open on a click inside: a large plan's "Find a team".
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                    .show_ui(ui, |ui| {
                        if let Some(chosen) =
                            super::team_choice::team_choice_ui(ui, plan, Some(team), None)
                        {
                            team = chosen;
                            ui.close();
                        }
                    })
            });
            if team != post.team {
                edits.push(Command::MovePost { post: id, team });
            }
            ui.end_row();

            ui.label("Grade");
            let mut grade = post.grade;
            let grade_name = plan.grade(grade).map_or("?", |g| g.name.as_str());
            combo(ui, "Grade", ("post-grade", id), grade_name, |ui| {
                for g in &plan.grades {
                    ui.selectable_value(&mut grade, g.id, &g.name);
                }
            });
            if grade != post.grade {
                edits.push(Command::SetPostGrade { post: id, grade });
            }
            ui.end_row();

            ui.label("Contract");
            contract_ui(ui, post, plan.timeline.start, state, edits);
            ui.end_row();

            if let Some(covers) = post.agency_cover() {
                ui.label("Covering").on_hover_text(
                    "What this agency worker is there for. The vacancy rate counts only agency \
                     workers covering a vacancy; the agency rate counts them all.",
                );
                let mut choice = covers;
                combo(ui, "Covering", ("post-covers", id), covers.label(), |ui| {
                    for c in AgencyCover::ALL {
                        ui.selectable_value(&mut choice, c, c.label());
                    }
                });
                if choice != covers {
                    edits.push(Command::SetAgencyCover {
                        post: id,
                        covers: choice,
                    });
                }
                ui.end_row();
            }

            ui.label("FTE");
            let mut fte = post.fte;
            // No clamping range: an impossible value is refused by the model, with its reason.
            ui.name_inputs("FTE", |ui| {
                ui.add(egui::DragValue::new(&mut fte).speed(0.01).max_decimals(2))
            });
            if fte != post.fte {
                edits.push(Command::SetPostFte { post: id, fte });
            }
            ui.end_row();

            ui.label("Worker");
            ui.vertical(|ui| {
                let mut vacant = post.is_vacant();
                if ui.checkbox(&mut vacant, "Vacant").changed() {
                    let worker = if vacant {
                        None
                    } else {
                        Some("New worker".to_owned())
                    };
                    edits.push(Command::SetPostWorker { post: id, worker });
                }
                if names.is_anonymised() {
                    // Names are hidden (View > Anonymise names): shown, not edited.
                    if let Some(shown) = names.worker(post) {
                        ui.label(shown.into_owned())
                            .on_hover_text("Names are anonymised: View > Anonymise names");
                    }
                } else if let Some(name) = &post.worker
                    && let Some(new) =
                        text_field(ui, "Worker name", ("worker", id), name, &mut state.drafts)
                {
                    edits.push(Command::SetPostWorker {
                        post: id,
                        worker: Some(new),
                    });
                }
            });
            ui.end_row();

            if !post.is_vacant() {
                ui.label("Status");
                status_ui(ui, post, state, edits);
                ui.end_row();
            }
            ui.label("Dates").on_hover_text(
                "For the projection: a post that starts later (a planned recruit) and a worker's \
                 last month (a known leaver; the post then falls vacant). Leave blank if not known.",
            );
            dates_ui(ui, post, state, edits);
            ui.end_row();
        });

    ui.add_space(6.0);
    ui.label(RichText::new("Cases held").strong());
    if post.is_vacant() {
        ui.weak("A vacant post holds no cases.");
    } else {
        egui::Grid::new("post-cases").num_columns(2).show(ui, |ui| {
            for case_type in &plan.case_types {
                let stored = post.cases.get(&case_type.id).copied().unwrap_or(0);
                let mut count = stored;
                ui.label(format!("{} (×{})", case_type.name, case_type.weight));
                number_field(
                    ui,
                    &format!("{} cases", case_type.name),
                    &mut count,
                    0..=MAX_CASE_COUNT,
                    0.2,
                    "",
                );
                if count != stored {
                    edits.push(Command::SetPostCases {
                        post: id,
                        case_type: case_type.id,
                        count,
                    });
                }
                ui.end_row();
            }
        });
    }

    if !post.is_vacant() {
        ui.add_space(6.0);
        super::post_reductions::reductions_ui(ui, plan, post, state, edits);
    }

    if let Some(a) = assessment.post(id) {
        ui.add_space(6.0);
        egui::Grid::new("post-figures")
            .num_columns(2)
            .show(ui, |ui| {
                let mut row = |label: &str, value: String| {
                    ui.label(label);
                    ui.add(egui::Label::new(RichText::new(value).strong()).wrap());
                    ui.end_row();
                };
                row("Cases", text::thousands(a.cases_held));
                row(
                    "Weighted load",
                    format!("{} points", text::one_decimal(Some(a.weighted_load))),
                );
                let kept_back = a.nominal_points - a.capacity_points;
                row(
                    "Capacity",
                    if kept_back > 1e-9 {
                        format!(
                            "{} points ({} before reductions)",
                            text::one_decimal(Some(a.capacity_points)),
                            text::one_decimal(Some(a.nominal_points))
                        )
                    } else {
                        format!("{} points", text::one_decimal(Some(a.capacity_points)))
                    },
                );
                row("Utilisation", text::percent(a.utilisation));
                row(
                    "Headroom",
                    format!("{} points", text::one_decimal(Some(a.headroom_points))),
                );
            });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Duplicate post").clicked() {
            edits.push(Command::DuplicatePost { post: id });
        }
        if ui.button("Delete post").clicked() {
            edits.push(Command::DeletePost { post: id });
        }
    });
}

fn contract_ui(
    ui: &mut Ui,
    post: &Post,
    plan_start: YearMonth,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    let id = post.id;
    ui.vertical(|ui| {
        let mut kind = post.contract.kind();
        combo(ui, "Contract", ("post-contract", id), kind.label(), |ui| {
            for k in ContractKind::ALL {
                ui.selectable_value(&mut kind, k, k.label());
            }
        });
        if kind != post.contract.kind() {
            let contract = match kind {
                ContractKind::Permanent => Contract::Permanent,
                ContractKind::Agency => Contract::Agency,
                // A new fixed-term contract runs for 12 months from the plan's start month; its
                // months are edited right below.
                ContractKind::FixedTerm => {
                    let start = plan_start;
                    Contract::FixedTerm {
                        start,
                        end: start.plus_months(11).unwrap_or(start),
                    }
                }
            };
            edits.push(Command::SetPostContract { post: id, contract });
        }
        if let Contract::FixedTerm { start, end } = post.contract {
            ui.horizontal(|ui| {
                ui.label("from");
                if let Some(Some(new)) = month_field(
                    ui,
                    "Contract start",
                    ("start", id),
                    Some(start),
                    false,
                    &mut state.drafts,
                ) {
                    edits.push(Command::SetPostContract {
                        post: id,
                        contract: Contract::FixedTerm { start: new, end },
                    });
                }
                ui.label("to");
                if let Some(Some(new)) = month_field(
                    ui,
                    "Contract end",
                    ("end", id),
                    Some(end),
                    false,
                    &mut state.drafts,
                ) {
                    edits.push(Command::SetPostContract {
                        post: id,
                        contract: Contract::FixedTerm { start, end: new },
                    });
                }
            });
        }
    });
}

/// The post's start month and the worker's last month, both optional.
fn dates_ui(ui: &mut Ui, post: &Post, state: &mut UiState, edits: &mut Vec<Command>) {
    let id = post.id;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            ui.label("starts");
            if let Some(starts) = month_field(
                ui,
                "Post starts",
                ("starts", id),
                post.starts,
                true,
                &mut state.drafts,
            ) {
                edits.push(Command::SetPostDates {
                    post: id,
                    starts,
                    leaves: post.leaves,
                });
            }
        });
        if !post.is_vacant() {
            ui.horizontal(|ui| {
                ui.label("worker leaves after");
                if let Some(leaves) = month_field(
                    ui,
                    "Worker's last month",
                    ("leaves", id),
                    post.leaves,
                    true,
                    &mut state.drafts,
                ) {
                    edits.push(Command::SetPostDates {
                        post: id,
                        starts: post.starts,
                        leaves,
                    });
                }
            });
        }
    });
}

fn status_ui(ui: &mut Ui, post: &Post, state: &mut UiState, edits: &mut Vec<Command>) {
    let id = post.id;
    ui.vertical(|ui| {
        let current = match post.status {
            PostStatus::Active => None,
            PostStatus::Absent { reason, .. } => Some(reason),
        };
        let mut choice = current;
        let label = |reason: Option<AbsenceReason>| reason.map_or("Working", AbsenceReason::label);
        combo(ui, "Status", ("post-status", id), label(choice), |ui| {
            ui.selectable_value(&mut choice, None, "Working");
            for reason in AbsenceReason::ALL {
                ui.selectable_value(&mut choice, Some(reason), reason.label());
            }
        });
        let returns = match post.status {
            PostStatus::Absent { returns, .. } => returns,
            PostStatus::Active => None,
        };
        if choice != current {
            let status = choice.map_or(PostStatus::Active, |reason| PostStatus::Absent {
                reason,
                returns,
            });
            edits.push(Command::SetPostStatus { post: id, status });
        }
        if let Some(reason) = current {
            ui.horizontal(|ui| {
                ui.label("returns");
                if let Some(new) = month_field(
                    ui,
                    "Expected return month",
                    ("returns", id),
                    returns,
                    true,
                    &mut state.drafts,
                ) {
                    edits.push(Command::SetPostStatus {
                        post: id,
                        status: PostStatus::Absent {
                            reason,
                            returns: new,
                        },
                    });
                }
            });
        }
    });
}
