//! The "Make an option with these posts" window: the posts that would close a team's (or every
//! team's) staff gap, the contract they are on, and what they cost; making it creates an option
//! with them filled and given work (see `model::allocation::option`), then shows Compare.

use super::contract_fields::contract_rows_ui;
use super::state::UiState;
use super::theme;
use crate::model::allocation::{NeedTarget, PostsToAdd, posts_to_close_gap};
use crate::model::{Assessment, Contract, Plan, TeamId};
use crate::text;
use egui::{Context, RichText};

/// What the user asked for: an option called `name` adding `posts` on `contract`.
pub struct MakeOption {
    pub name: String,
    pub posts: Vec<PostsToAdd>,
    pub contract: Contract,
}

/// Draws the window while it is open; returns the option to make when the user asks for it.
pub fn make_option_ui(
    ctx: &Context,
    plan: &Plan,
    assessment: &Assessment,
    state: &mut UiState,
) -> Option<MakeOption> {
    let form = state.make_option.as_mut()?;
    let mut open = true;
    let mut made = None;
    let mut cancelled = false;
    egui::Window::new("Make an option with these posts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_pos(egui::pos2(290.0, 100.0))
        .default_width(420.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            let teams: Vec<TeamId> = match form.team {
                Some(team) => vec![team],
                None => plan.teams.iter().map(|t| t.id).collect(),
            };
            let whom = match form.team.and_then(|t| plan.team(t)) {
                Some(team) => team.name.clone(),
                None => "every team short of staff".to_owned(),
            };
            ui.label(format!("Posts for {whom}, to meet:"));
            for target in NeedTarget::ALL {
                let label = match target {
                    NeedTarget::CaseloadTarget => format!(
                        "the caseload target ({} cases per practitioner FTE)",
                        text::decimal(plan.settings.caseload_target)
                    ),
                    NeedTarget::FullUtilisation => "100% utilisation".to_owned(),
                };
                ui.radio_value(&mut form.target, target, label);
            }
            let posts = posts_to_close_gap(assessment, &teams, form.target);
            ui.add_space(4.0);
            posts_list_ui(ui, plan, &posts);
            ui.add_space(4.0);
            egui::Grid::new("make-option-contract")
                .num_columns(2)
                .show(ui, |ui| {
                    contract_rows_ui(ui, "The option's posts'", &mut form.contract)
                });
            let contract = form.contract.contract();
            if let (Some(contract), false) = (contract, posts.is_empty()) {
                let cost: f64 = posts
                    .iter()
                    .map(|p| {
                        plan.costs
                            .annual(p.grade, contract.kind(), f64::from(p.count))
                    })
                    .sum();
                ui.label(format!(
                    "{} a year on this contract, at the plan's rates.",
                    text::money(cost)
                ));
            }
            ui.weak(
                "Each post is filled by a new worker. In each team the waiting work is then \
                 allocated and the caseloads balanced onto them; Compare shows the effect.",
            );
            if let Some(refusal) = &form.refusal {
                ui.label(RichText::new(format!("Not made: {refusal}")).color(theme::ALERT));
            }
            ui.horizontal(|ui| {
                let ready = contract.is_some() && !posts.is_empty();
                let make = ui
                    .add_enabled(ready, egui::Button::new("Make the option"))
                    .on_disabled_hover_text(if posts.is_empty() {
                        "Nobody more is needed for this target."
                    } else {
                        "Give the fixed-term contract's start and end months (YYYY-MM)."
                    });
                if make.clicked()
                    && let Some(contract) = contract
                {
                    made = Some(MakeOption {
                        name: option_name(plan, form.team, &posts),
                        posts,
                        contract,
                    });
                }
                if ui.button("Cancel").clicked() {
                    cancelled = true;
                }
            });
        });
    if !open || cancelled {
        state.make_option = None;
    }
    made
}

/// "Locality North: 3 × Social worker (2.64 FTE short)", a line per team.
fn posts_list_ui(ui: &mut egui::Ui, plan: &Plan, posts: &[PostsToAdd]) {
    if posts.is_empty() {
        ui.label("Nobody more is needed for this target.");
        return;
    }
    for p in posts {
        let team = plan.team(p.team).map_or("", |t| t.name.as_str());
        let grade = plan.grade(p.grade).map_or("", |g| g.name.as_str());
        ui.label(format!(
            "{team}: {} × {grade} ({} FTE short)",
            p.count,
            text::fte(p.short_fte)
        ));
    }
    let total: u64 = posts.iter().map(|p| u64::from(p.count)).sum();
    ui.strong(format!(
        "{} in all, full time.",
        text::count(total, "post", "posts")
    ));
}

/// "Locality North + 3 posts", or "Staff needed + 12 posts" for every team.
fn option_name(plan: &Plan, team: Option<TeamId>, posts: &[PostsToAdd]) -> String {
    let total: u64 = posts.iter().map(|p| u64::from(p.count)).sum();
    let what = text::count(total, "post", "posts");
    match team.and_then(|t| plan.team(t)) {
        Some(team) => format!("{} + {what}", text::shortened(&team.name)),
        None => format!("Staff needed + {what}"),
    }
}

impl super::app::CaseloadApp {
    /// Makes the option asked for: a copy of the scenario shown, then the posts and the work
    /// given them as one undo step in it; then shows it in Compare beside the baseline. When the
    /// posts cannot be added the option is not kept and the window says why.
    pub(super) fn make_option(&mut self, request: MakeOption) {
        let name = self.doc.scenarios().unused_name(&request.name);
        let outcome = self.doc.add_option(&name).and_then(|id| {
            let command = crate::model::allocation::option_command(
                self.doc.plan(),
                self.doc.scenarios().next_ids(),
                &request.posts,
                request.contract,
            );
            match command.and_then(|c| self.doc.apply(c)) {
                Ok(_) => Ok(id),
                Err(refusal) => {
                    let _ = self.doc.delete_option(id);
                    Err(refusal)
                }
            }
        });
        match outcome {
            Ok(id) => {
                self.state.make_option = None;
                self.state.selection = super::state::Selection::Plan;
                self.state.view = super::state::View::Compare;
                self.state.show_in_compare(self.doc.scenarios(), id);
                let posts: u64 = request.posts.iter().map(|p| u64::from(p.count)).sum();
                self.notice = Some(format!(
                    "Made the option \"{name}\" with {}.",
                    text::count(posts, "new post", "new posts")
                ));
            }
            Err(refusal) => {
                if let Some(form) = &mut self.state.make_option {
                    form.refusal = Some(refusal.to_string());
                }
            }
        }
    }
}
