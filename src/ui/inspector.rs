//! The inspector: edit the selected team or post (or the plan's name and notes), or several
//! posts chosen in the Posts table together. Every change is a [`Command`]; a refused one
//! leaves the plan as it was and the reason is shown here.

use super::bulk_edit::{BulkRequest, bulk_edit_ui};
use super::post_inspector;
use super::state::{ProposalForm, ProposalKind, Selection, UiState};
use super::structure::request_delete_team;
use super::theme;
use super::widgets::{combo, flag_text, number_field, text_field};
use crate::model::figures::{FigureId, figure};
use crate::model::validate::MAX_CASE_COUNT;
use crate::model::{Assessment, Command, Plan, Team, TeamFunction, TeamId};
use crate::text;
use egui::{RichText, Ui};

/// Returns what the form for several posts asks for, when it asks (see `bulk_edit.rs`).
pub fn inspector_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &crate::model::anonymise::WorkerNames,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) -> Option<BulkRequest> {
    ui.heading("Inspector");
    if let Some(refusal) = &state.refusal {
        ui.label(RichText::new(format!("Not changed: {refusal}")).color(theme::ALERT));
    }
    ui.separator();
    // Posts chosen together may since have gone (deleted, undone): fewer than two are shown
    // as one post, or the plan.
    state
        .posts
        .keep_only(&mut state.selection, plan.posts.iter().map(|p| p.id));
    let mut request = None;
    // Both ways: a wide row (a long figure beside its label) scrolls instead of widening the
    // panel; text still wraps to the panel's width.
    egui::ScrollArea::both()
        .auto_shrink(false)
        .show(ui, |ui| match state.selection {
            Selection::Team(id) => match plan.team(id) {
                Some(team) => team_ui(ui, plan, assessment, team, state, edits),
                None => state.selection = Selection::Plan,
            },
            Selection::Post(id) => match plan.post(id) {
                Some(post) => {
                    post_inspector::post_ui(ui, plan, assessment, names, post, state, edits)
                }
                None => state.selection = Selection::Plan,
            },
            Selection::Posts => request = bulk_edit_ui(ui, plan, state),
            Selection::Plan => plan_ui(ui, plan, assessment, state, edits),
        });
    request
}

fn plan_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.label(RichText::new("Plan").strong());
    egui::Grid::new("plan-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(name) =
                text_field(ui, "Plan name", "plan-name", &plan.name, &mut state.drafts)
            {
                edits.push(Command::SetPlanName(name));
            }
            ui.end_row();
        });
    ui.label("Notes");
    let mut notes = plan.notes.clone();
    let response = ui.name_inputs("Plan notes", |ui| {
        ui.add(egui::TextEdit::multiline(&mut notes).desired_rows(6))
    });
    if response.changed() {
        edits.push(Command::SetPlanNotes(notes));
    }
    ui.add_space(8.0);
    ui.weak("Select a team or a post in Structure to edit it.");
    ui.add_space(8.0);
    ui.label(RichText::new("Whole service").strong());
    super::staff_needed::staff_needed_ui(ui, plan, &assessment.service, None, state);
    proposal_buttons_ui(ui, plan, None, state);
}

/// "Allocate waiting work…" and "Balance caseloads…" for `team` (every team when `None`): each
/// opens the window that proposes the moves first.
fn proposal_buttons_ui(ui: &mut Ui, plan: &Plan, team: Option<TeamId>, state: &mut UiState) {
    ui.horizontal_wrapped(|ui| {
        for kind in ProposalKind::ALL {
            if ui
                .button(format!("{}…", kind.title()))
                .on_hover_text(kind.explanation())
                .clicked()
            {
                state.proposal = Some(ProposalForm::new(kind, plan, team));
            }
        }
    });
}

fn team_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    team: &Team,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.label(RichText::new(format!("Team: {}", team.name)).strong());
    egui::Grid::new("team-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(name) = text_field(
                ui,
                "Team name",
                ("team-name", team.id),
                &team.name,
                &mut state.drafts,
            ) {
                edits.push(Command::RenameTeam {
                    team: team.id,
                    name,
                });
            }
            ui.end_row();
            ui.label("Function");
            let mut function = team.function;
            combo(
                ui,
                "Team function",
                ("team-function", team.id),
                function.label(),
                |ui| {
                    for f in TeamFunction::ALL {
                        ui.selectable_value(&mut function, f, f.label());
                    }
                },
            );
            if function != team.function {
                edits.push(Command::SetTeamFunction {
                    team: team.id,
                    function,
                });
            }
            ui.end_row();
        });

    if let Some(a) = assessment.team(team.id) {
        let t = &a.totals;
        ui.add_space(6.0);
        egui::Grid::new("team-figures")
            .num_columns(2)
            .show(ui, |ui| {
                let mut row = |id: FigureId, value: Option<String>| {
                    let figure = figure(id);
                    ui.label(figure.label).on_hover_text(figure.definition);
                    let value =
                        value.unwrap_or_else(|| text::figure_value(figure.unit, figure.of(t)));
                    // Wrapped within the panel ("64 cases over capacity" on a narrow one).
                    ui.add(egui::Label::new(RichText::new(value).strong()).wrap());
                    ui.end_row();
                };
                row(FigureId::Caseload, None);
                row(FigureId::Utilisation, None);
                row(FigureId::CapacityCases, None);
                row(
                    FigureId::HeadroomCases,
                    Some(text::headroom(t.headroom_cases)),
                );
                row(FigureId::Unallocated, None);
                row(FigureId::MustAllocateWaiting, None);
            });
        for flag in &t.flags {
            ui.label(flag_text(flag.to_string(), flag.is_red()));
        }
        ui.add_space(6.0);
        super::staff_needed::staff_needed_ui(ui, plan, t, Some(team.id), state);
    }

    ui.add_space(6.0);
    ui.label(RichText::new("Unallocated cases").strong());
    egui::Grid::new("team-unallocated")
        .num_columns(2)
        .show(ui, |ui| {
            for case_type in &plan.case_types {
                let stored = team.unallocated.get(&case_type.id).copied().unwrap_or(0);
                let mut count = stored;
                ui.label(&case_type.name);
                number_field(
                    ui,
                    &format!("Unallocated {}", case_type.name),
                    &mut count,
                    0..=MAX_CASE_COUNT,
                    0.2,
                    "",
                );
                if count != stored {
                    edits.push(Command::SetUnallocated {
                        team: team.id,
                        case_type: case_type.id,
                        count,
                    });
                }
                ui.end_row();
            }
        });

    proposal_buttons_ui(ui, plan, Some(team.id), state);

    ui.add_space(6.0);
    super::add_posts::add_posts_ui(ui, plan, team, state, edits);

    ui.add_space(6.0);
    let index = plan.teams.iter().position(|t| t.id == team.id).unwrap_or(0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("Move up"))
            .clicked()
        {
            edits.push(Command::MoveTeam {
                team: team.id,
                index: index - 1,
            });
        }
        if ui
            .add_enabled(index + 1 < plan.teams.len(), egui::Button::new("Move down"))
            .clicked()
        {
            edits.push(Command::MoveTeam {
                team: team.id,
                index: index + 1,
            });
        }
        if ui.button("Delete team").clicked() {
            let posts = plan.posts.iter().filter(|p| p.team == team.id).count();
            request_delete_team(team.id, posts, state, edits);
        }
    });
}
