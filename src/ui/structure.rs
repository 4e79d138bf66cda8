//! The Structure panel: the service as a tree of teams and posts, each with its utilisation
//! marker. Click to inspect; right-click for the actions on a team or post.

use super::state::{Selection, UiState};
use super::team_choice::{TeamSearch, team_choice_ui};
use super::widgets::{OpensAtTop, band_marker, row_button};
use crate::model::anonymise::WorkerNames;
use crate::model::{Assessment, Command, Plan, Post, TeamAssessment, TeamFunction, TeamId};
use crate::text;
use egui::{RichText, Ui};
use std::collections::HashMap;

/// Teams start expanded in plans up to this size; larger plans start collapsed so the tree
/// stays quick to draw and to scan.
const EXPAND_UP_TO_POSTS: usize = 150;

/// Plans with more teams than this lay out only the teams in view each frame: laying out all
/// 500 teams of a 10,000-post plan took most of a frame.
const LAY_OUT_ALL_UP_TO_TEAMS: usize = 60;

pub fn structure_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
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
    let plan_name = egui::Button::selectable(plan_selected, RichText::new(&plan.name).strong());
    if ui
        .add(plan_name.truncate())
        .on_hover_text(&plan.name)
        .clicked()
    {
        state.selection = Selection::Plan;
    }
    team_search_ui(ui, plan, state);
    ui.separator();

    let wanted = TeamSearch::new(&state.team_search);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .opening_at_top("structure", &mut state.shown_from_top)
        .show_viewport(ui, |ui, viewport| {
            let expand = plan.posts.len() <= EXPAND_UP_TO_POSTS;
            // Each team's posts in one pass over the plan, not one pass per team.
            let mut by_team: HashMap<TeamId, Vec<&Post>> = HashMap::new();
            for post in &plan.posts {
                by_team.entry(post.team).or_default().push(post);
            }
            // In a large plan only the teams in view are laid out; the others take the
            // height they had when last seen (a closed team's header until then).
            let in_view_only = plan.teams.len() > LAY_OUT_ALL_UP_TO_TEAMS;
            let heights_id = ui.make_persistent_id(("team heights", state.plan_generation));
            let mut heights: HashMap<TeamId, f32> = if in_view_only {
                ui.data(|d| d.get_temp(heights_id)).unwrap_or_default()
            } else {
                HashMap::new()
            };
            let header_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            let origin = ui.max_rect().top();
            for (index, (team, team_assessment)) in
                plan.teams.iter().zip(&assessment.teams).enumerate()
            {
                let posts = by_team.remove(&team.id).unwrap_or_default();
                if !wanted.matches(&team.name) {
                    continue;
                }
                let top = ui.cursor().top();
                if in_view_only {
                    let height = heights.get(&team.id).copied().unwrap_or(header_height);
                    let (from, to) = (top - origin, top - origin + height);
                    if to < viewport.top() || from > viewport.bottom() {
                        ui.add_space(height);
                        continue;
                    }
                }
                let row = TeamRow {
                    index,
                    totals: team_assessment,
                    posts,
                    open_at_first: expand,
                };
                // Ids of its own, so they stay the same whichever teams above are laid out.
                ui.push_id(("team", team.id), |ui| {
                    team_ui(ui, plan, assessment, names, row, state, edits)
                });
                if in_view_only {
                    heights.insert(team.id, ui.cursor().top() - top);
                }
            }
            if in_view_only {
                ui.data_mut(|d| d.insert_temp(heights_id, heights));
            }
            if plan.teams.is_empty() {
                ui.weak("No teams yet: add one with + Team.");
            }
        });
}

/// Plans with more teams than this offer "Find a team" above the tree.
const SEARCH_FROM_TEAMS: usize = 12;

/// "Find a team" (in plans of more than [`SEARCH_FROM_TEAMS`] teams), and how many teams are
/// listed while it holds text.
fn team_search_ui(ui: &mut Ui, plan: &Plan, state: &mut UiState) {
    if plan.teams.len() <= SEARCH_FROM_TEAMS && state.team_search.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut state.team_search)
            .hint_text("Find a team")
            .desired_width(ui.available_width() - 44.0);
        ui.name_inputs("Find a team", |ui| ui.add(field))
            .on_hover_text(
                "List only the teams whose names hold these words (in any order, any case)",
            );
        if !state.team_search.is_empty()
            && ui
                .small_button("Clear")
                .on_hover_text("Clear the search: list every team")
                .clicked()
        {
            state.team_search.clear();
        }
    });
    let wanted = TeamSearch::new(&state.team_search);
    if !wanted.is_empty() {
        let found = plan
            .teams
            .iter()
            .filter(|t| wanted.matches(&t.name))
            .count();
        ui.weak(format!(
            "{} of {} teams",
            text::thousands(found as u64),
            text::thousands(plan.teams.len() as u64)
        ));
    }
}

/// A team as the tree shows it.
struct TeamRow<'a> {
    /// Where the team is in the plan.
    index: usize,
    totals: &'a TeamAssessment,
    posts: Vec<&'a Post>,
    /// Whether the team is open until the user opens or closes it.
    open_at_first: bool,
}

/// One team: its header (marker, name, posts, utilisation; right-click for its actions) and,
/// when open, its posts.
fn team_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
    row: TeamRow<'_>,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    let TeamRow {
        index,
        totals: team_assessment,
        posts,
        open_at_first,
    } = row;
    let team = &plan.teams[index];
    let id = ui.make_persistent_id(("team", team.id, state.plan_generation));
    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, open_at_first)
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
            let response = row_button(ui, selected, caption);
            if response.clicked() {
                state.selection = Selection::Team(team.id);
            }
            response.context_menu(|ui| {
                team_menu_ui(ui, plan, team.id, index, posts.len(), state, edits)
            });
        })
        .body(|ui| {
            for post in posts {
                post_row_ui(ui, plan, assessment, names, post, state, edits);
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
    names: &WorkerNames,
    post: &Post,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    let post_assessment = assessment.post(post.id);
    ui.horizontal(|ui| {
        band_marker(ui, post_assessment.and_then(|a| a.band));
        let grade = plan.grade(post.grade).map_or("?", |g| g.name.as_str());
        let who = match (names.worker(post), post.is_absent()) {
            (None, _) => "Vacant".to_owned(),
            (Some(name), true) => format!("{name} (absent)"),
            (Some(name), false) => name.into_owned(),
        };
        let cases = post.cases_held();
        let caption = if cases > 0 {
            format!("{who} · {grade} · {cases}")
        } else {
            format!("{who} · {grade}")
        };
        let selected = state.selection == Selection::Post(post.id);
        let response = row_button(ui, selected, caption);
        if response.clicked() {
            state.selection = Selection::Post(post.id);
        }
        response.context_menu(|ui| {
            if ui.button("Duplicate post").clicked() {
                edits.push(Command::DuplicatePost { post: post.id });
            }
            // Stays open on a click inside, so a large plan's "Find a team" can be typed in.
            let stays_open = egui::containers::menu::MenuConfig::new()
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::SubMenuButton::new("Move to team")
                .config(stays_open)
                .ui(ui, |ui| {
                    if let Some(team) = team_choice_ui(ui, plan, None, Some(post.team)) {
                        edits.push(Command::MovePost {
                            post: post.id,
                            team,
                        });
                        ui.close();
                    }
                });
            ui.separator();
            if ui.button("Delete post").clicked() {
                edits.push(Command::DeletePost { post: post.id });
            }
        });
    });
}
