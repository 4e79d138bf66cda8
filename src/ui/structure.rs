//! The Structure panel: the service as a tree of teams and posts, each with its utilisation
//! marker. Click to inspect; right-click for the actions on a team or post.

use super::state::{Selection, UiState};
use super::widgets::band_marker;
use crate::model::{Assessment, Command, Plan, Post, TeamFunction, TeamId};
use crate::text;
use egui::{RichText, Ui};

/// Teams start expanded in plans up to this size; larger plans start collapsed so the tree
/// stays quick to draw and to scan.
const EXPAND_UP_TO_POSTS: usize = 150;

pub fn structure_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading("Structure");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("+ Team").on_hover_text("Add a team").clicked() {
                edits.push(Command::AddTeam {
                    name: format!("Team {}", plan.teams.len() + 1),
                    function: TeamFunction::ChildInNeedProtection,
                });
            }
        });
    });
    let plan_selected = state.selection == Selection::Plan;
    if ui
        .selectable_label(plan_selected, RichText::new(&plan.name).strong())
        .clicked()
    {
        state.selection = Selection::Plan;
    }
    ui.separator();

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            let expand = plan.posts.len() <= EXPAND_UP_TO_POSTS;
            for (index, (team, team_assessment)) in
                plan.teams.iter().zip(&assessment.teams).enumerate()
            {
                let id = ui.make_persistent_id(("team", team.id));
                let posts: Vec<&Post> = plan.posts.iter().filter(|p| p.team == team.id).collect();
                egui::collapsing_header::CollapsingState::load_with_default_open(
                    ui.ctx(),
                    id,
                    expand,
                )
                .show_header(ui, |ui| {
                    band_marker(ui, team_assessment.totals.band);
                    let selected = state.selection == Selection::Team(team.id);
                    let caption = format!(
                        "{} ({} post{}, {})",
                        team.name,
                        posts.len(),
                        if posts.len() == 1 { "" } else { "s" },
                        text::percent(team_assessment.totals.utilisation)
                    );
                    let response = ui.selectable_label(selected, caption);
                    if response.clicked() {
                        state.selection = Selection::Team(team.id);
                    }
                    response.context_menu(|ui| {
                        team_menu_ui(ui, plan, team.id, index, posts.len(), state, edits)
                    });
                })
                .body(|ui| {
                    for post in posts {
                        post_row_ui(ui, plan, assessment, post, state, edits);
                    }
                });
            }
            if plan.teams.is_empty() {
                ui.weak("No teams yet: add one with + Team.");
            }
        });
}

fn team_menu_ui(
    ui: &mut Ui,
    plan: &Plan,
    team: TeamId,
    index: usize,
    post_count: usize,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    if ui.button("Edit team…").clicked() {
        state.selection = Selection::Team(team);
    }
    if ui
        .add_enabled(index > 0, egui::Button::new("Move up"))
        .clicked()
    {
        edits.push(Command::MoveTeam {
            team,
            index: index - 1,
        });
    }
    if ui
        .add_enabled(index + 1 < plan.teams.len(), egui::Button::new("Move down"))
        .clicked()
    {
        edits.push(Command::MoveTeam {
            team,
            index: index + 1,
        });
    }
    ui.separator();
    if ui.button("Delete team").clicked() {
        request_delete_team(team, post_count, state, edits);
    }
}

/// Deletes an empty team at once; asks first when it has posts.
pub fn request_delete_team(
    team: TeamId,
    post_count: usize,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    if post_count == 0 {
        edits.push(Command::DeleteTeam { team });
    } else {
        state.confirm_delete_team = Some(team);
    }
}

fn post_row_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    post: &Post,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    let post_assessment = assessment.post(post.id);
    ui.horizontal(|ui| {
        band_marker(ui, post_assessment.and_then(|a| a.band));
        let grade = plan.grade(post.grade).map_or("?", |g| g.name.as_str());
        let who = match (&post.worker, post.is_absent()) {
            (None, _) => "Vacant".to_owned(),
            (Some(name), true) => format!("{name} (absent)"),
            (Some(name), false) => name.clone(),
        };
        let cases = post.cases_held();
        let caption = if cases > 0 {
            format!("{who} · {grade} · {cases}")
        } else {
            format!("{who} · {grade}")
        };
        let selected = state.selection == Selection::Post(post.id);
        let response = ui.selectable_label(selected, caption);
        if response.clicked() {
            state.selection = Selection::Post(post.id);
        }
        response.context_menu(|ui| {
            if ui.button("Duplicate post").clicked() {
                edits.push(Command::DuplicatePost { post: post.id });
            }
            ui.menu_button("Move to team", |ui| {
                for team in plan.teams.iter().filter(|t| t.id != post.team) {
                    if ui.button(&team.name).clicked() {
                        edits.push(Command::MovePost {
                            post: post.id,
                            team: team.id,
                        });
                    }
                }
            });
            ui.separator();
            if ui.button("Delete post").clicked() {
                edits.push(Command::DeletePost { post: post.id });
            }
        });
    });
}
