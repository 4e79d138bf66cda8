//! The "Allocate waiting work" and "Balance caseloads" window: a proposal first (each move,
//! and its effect on the headline figures), then one click applies it as one undo step. The
//! moves are worked out by `model::allocation`; this only chooses the scope and shows them.

use super::state::{BalanceMode, ProposalForm, ProposalKind, UiState};
use super::theme;
use crate::app::Document;
use crate::model::allocation::{Proposal, Scope, allocate_waiting, balance, balance_each_team};
use crate::model::anonymise::WorkerNames;
use crate::model::figures::{FigureId, figure};
use crate::model::{
    Assessment, CaseTypeId, Command, Plan, PostId, ScenarioId, TeamId, apply, assess,
};
use crate::text;
use egui::{Context, RichText, Ui};
use std::collections::BTreeSet;

/// The figures the preview shows now and after, for the whole service.
const EFFECT: [FigureId; 6] = [
    FigureId::Caseload,
    FigureId::WorkersOverCapacity,
    FigureId::HighestWorkerUtilisation,
    FigureId::Unallocated,
    FigureId::MustAllocateWaiting,
    FigureId::CaseHoldingFte,
];

/// What a preview was worked out for: when any of it changes, it is worked out again.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewKey {
    revision: u64,
    scenario: ScenarioId,
    kind: ProposalKind,
    mode: BalanceMode,
    teams: BTreeSet<TeamId>,
    protected: BTreeSet<PostId>,
    kept_types: BTreeSet<CaseTypeId>,
    /// Workers named as shown: the lines name them.
    anonymised: bool,
}

/// A proposal, its moves in words and the service's figures now and after it.
pub struct Preview {
    key: PreviewKey,
    proposal: Proposal,
    lines: Vec<String>,
    unplaced: Vec<String>,
    effect: Vec<(FigureId, Option<f64>, Option<f64>)>,
}

/// The proposal for `form`'s scope in `plan`: allocation of each chosen team's waiting work to
/// its own workers, or balancing within each team or across the chosen teams as one pool.
pub fn propose(plan: &Plan, form: &ProposalForm) -> Proposal {
    let scope = |teams: Vec<TeamId>| Scope {
        teams,
        protected: form.protected.clone(),
        kept_types: form.kept_types.clone(),
    };
    // In the plan's order of teams, whatever order they were ticked in.
    let teams: Vec<TeamId> = plan
        .teams
        .iter()
        .map(|t| t.id)
        .filter(|id| form.teams.contains(id))
        .collect();
    match (form.kind, form.mode) {
        (ProposalKind::AllocateWaiting, _) => allocate_waiting(plan, &scope(teams)),
        (ProposalKind::Balance, BalanceMode::AcrossTeams) => balance(plan, &scope(teams)),
        (ProposalKind::Balance, BalanceMode::WithinEachTeam) => {
            balance_each_team(plan, &scope(teams))
        }
    }
}

fn preview(
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
    form: &ProposalForm,
    key: PreviewKey,
) -> Preview {
    let proposal = propose(plan, form);
    let mut after = plan.clone();
    // A proposal always applies (property-tested); if it did not, the preview shows no change.
    let after = match apply(&mut after, proposal.command()) {
        Ok(_) => assess(&after),
        Err(_) => assessment.clone(),
    };
    let effect = EFFECT
        .iter()
        .map(|&id| {
            let f = figure(id);
            (id, f.of(&assessment.service), f.of(&after.service))
        })
        .collect();
    let unplaced = proposal
        .unplaced
        .iter()
        .filter_map(|(team, counts)| {
            let name = &plan.team(*team)?.name;
            let parts: Vec<String> = counts
                .iter()
                .filter(|&(_, &n)| n > 0)
                .map(|(t, &n)| {
                    let type_name = plan
                        .case_types
                        .iter()
                        .find(|c| c.id == *t)
                        .map_or("", |c| c.name.as_str());
                    format!("{n} {type_name}")
                })
                .collect();
            (!parts.is_empty()).then(|| format!("{name}: {}", parts.join(", ")))
        })
        .collect();
    Preview {
        key,
        lines: proposal.describe_naming(plan, names),
        proposal,
        unplaced,
        effect,
    }
}

/// Draws the window while it is open. Returns the command to apply (one undo step) and a
/// notice saying what was done, when the user applies the proposal.
pub fn allocation_ui(
    ctx: &Context,
    doc: &Document,
    names: &WorkerNames,
    state: &mut UiState,
) -> Option<(Command, String)> {
    let form = state.proposal.as_mut()?;
    let (plan, assessment) = (doc.plan(), doc.assessment());
    form.teams.retain(|&t| plan.team(t).is_some());
    let mut open = true;
    let mut applied = None;
    egui::Window::new(form.kind.title())
        .id(egui::Id::unique("allocation-window"))
        .open(&mut open)
        .collapsible(false)
        .default_pos(egui::pos2(290.0, 100.0))
        .default_width(460.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for kind in ProposalKind::ALL {
                    ui.selectable_value(&mut form.kind, kind, kind.title());
                }
            });
            ui.weak(form.kind.explanation());
            scope_ui(ui, plan, assessment, names, form);
            let key = PreviewKey {
                revision: doc.revision(),
                scenario: doc.active(),
                kind: form.kind,
                mode: form.mode,
                teams: form.teams.clone(),
                protected: form.protected.clone(),
                kept_types: form.kept_types.clone(),
                anonymised: names.is_anonymised(),
            };
            if form.preview.as_ref().is_none_or(|p| p.key != key) {
                form.preview = Some(preview(plan, assessment, names, form, key));
            }
            let Some(preview) = &form.preview else {
                return;
            };
            ui.separator();
            applied = preview_ui(ui, preview, form.kind);
        });
    if !open {
        state.proposal = None;
    }
    applied
}

/// Which teams, and which workers are protected.
fn scope_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
    form: &mut ProposalForm,
) {
    ui.label(RichText::new("Teams").strong());
    if plan.teams.len() <= WRAP_TEAMS_UP_TO {
        ui.horizontal_wrapped(|ui| {
            for team in &plan.teams {
                member_checkbox(ui, &mut form.teams, team.id, &team.name);
            }
        });
    } else {
        many_teams_ui(ui, plan, form);
    }
    if form.kind == ProposalKind::Balance {
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut form.mode,
                BalanceMode::WithinEachTeam,
                "Within each team",
            );
            ui.radio_value(
                &mut form.mode,
                BalanceMode::AcrossTeams,
                "Across these teams as one pool",
            )
            .on_hover_text(
                "Workers of any of the chosen teams may take cases from the others (a new \
                 team taking cases from the localities).",
            );
        });
        kept_types_ui(ui, plan, form);
    }
    let workers: Vec<_> = plan
        .posts
        .iter()
        .filter(|p| form.teams.contains(&p.team) && p.is_available())
        .filter(|p| plan.grade(p.grade).is_some_and(|g| g.holds_cases))
        .collect();
    let heading = format!(
        "Protected workers ({} of {})",
        text::thousands(form.protected.len() as u64),
        text::thousands(workers.len() as u64)
    );
    egui::CollapsingHeader::new(heading)
        .id_salt("protected-workers")
        .show(ui, |ui| {
            ui.weak(
                "A protected worker neither gives nor receives cases: someone leaving soon, \
                 or an ASYE with a protected caseload.",
            );
            // A row a worker, laid out only when in view: a region has tens of thousands.
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt("protected-list")
                .max_height(140.0)
                .show_rows(ui, row_height, workers.len(), |ui, rows| {
                    for &post in &workers[rows] {
                        let utilisation = assessment.post(post.id).and_then(|a| a.utilisation);
                        let name = names.worker(post).unwrap_or_default();
                        let label = format!(
                            "{name} · {} · {}",
                            plan.grade(post.grade).map_or("", |g| g.name.as_str()),
                            text::percent(utilisation)
                        );
                        member_checkbox(ui, &mut form.protected, post.id, label);
                    }
                });
        });
}

/// Plans with up to this many teams list them all as checkboxes side by side; larger ones get
/// a search and a scrolling list.
const WRAP_TEAMS_UP_TO: usize = 40;

/// The teams of a large plan: "Find a team", ticking or unticking every team found, and the
/// teams found in a list that lays out only the rows in view.
fn many_teams_ui(ui: &mut Ui, plan: &Plan, form: &mut ProposalForm) {
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut form.team_search)
                .hint_text("Find teams to tick")
                .desired_width(200.0),
        );
        ui.label(format!(
            "{} of {} teams ticked",
            text::thousands(form.teams.len() as u64),
            text::thousands(plan.teams.len() as u64)
        ));
    });
    let search = super::team_choice::TeamSearch::new(&form.team_search);
    let found: Vec<&crate::model::Team> = plan
        .teams
        .iter()
        .filter(|t| search.matches(&t.name))
        .collect();
    ui.horizontal(|ui| {
        let what = if search.is_empty() {
            "every team".to_owned()
        } else {
            format!(
                "the {} found",
                text::count(found.len() as u64, "team", "teams")
            )
        };
        if ui.button(format!("Tick {what}")).clicked() {
            form.teams.extend(found.iter().map(|t| t.id));
        }
        if ui.button(format!("Untick {what}")).clicked() {
            for team in &found {
                form.teams.remove(&team.id);
            }
        }
    });
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("team-list")
        .max_height(140.0)
        .show_rows(ui, row_height, found.len(), |ui, rows| {
            for team in &found[rows] {
                member_checkbox(ui, &mut form.teams, team.id, &team.name);
            }
        });
}

/// A checkbox ticked while `id` is in `set`; ticking it puts `id` in, unticking takes it out.
fn member_checkbox<T: Ord>(
    ui: &mut Ui,
    set: &mut BTreeSet<T>,
    id: T,
    label: impl Into<egui::WidgetText>,
) {
    let mut on = set.contains(&id);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(id);
        } else {
            set.remove(&id);
        }
    }
}

/// The case types whose cases stay with their worker when balancing.
fn kept_types_ui(ui: &mut Ui, plan: &Plan, form: &mut ProposalForm) {
    form.kept_types
        .retain(|&id| plan.case_types.iter().any(|c| c.id == id));
    let heading = format!(
        "Cases that stay with their worker ({} of {} types)",
        form.kept_types.len(),
        plan.case_types.len()
    );
    egui::CollapsingHeader::new(heading)
        .id_salt("kept-case-types")
        .show(ui, |ui| {
            ui.weak(
                "Cases of a ticked type are never moved (they still count in each worker's \
                 caseload): child protection and court work, say, where a change of social \
                 worker costs a child most.",
            );
            ui.horizontal_wrapped(|ui| {
                for case_type in &plan.case_types {
                    member_checkbox(ui, &mut form.kept_types, case_type.id, &case_type.name);
                }
            });
        });
}

/// The moves, what could not be placed, the effect, and the Apply button.
fn preview_ui(ui: &mut Ui, preview: &Preview, kind: ProposalKind) -> Option<(Command, String)> {
    let proposal = &preview.proposal;
    let cases = proposal.cases_moved();
    if proposal.is_empty() {
        ui.label("Nothing to move: no case can go to a worker with more room.");
    } else {
        ui.label(
            RichText::new(format!(
                "{} change worker ({}):",
                text::count(cases, "case", "cases"),
                text::count(preview.lines.len() as u64, "move", "moves")
            ))
            .strong(),
        );
        // Only the rows in view are laid out: a pool of 1,000 workers can propose 1,000 moves.
        let row_height = ui.text_style_height(&egui::TextStyle::Body);
        egui::ScrollArea::vertical()
            .id_salt("moves-list")
            .max_height(180.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, preview.lines.len(), |ui, rows| {
                for line in &preview.lines[rows] {
                    ui.label(line);
                }
            });
    }
    if !preview.unplaced.is_empty() {
        ui.label(
            RichText::new("Stays waiting: nobody in the team has room for it within capacity.")
                .color(theme::WARNING),
        );
        for line in &preview.unplaced {
            ui.label(RichText::new(format!("  {line}")).color(theme::WARNING));
        }
    }
    ui.add_space(4.0);
    egui::Grid::new("proposal-effect")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Whole service");
            ui.strong("Now");
            ui.strong("After");
            ui.end_row();
            for &(id, now, after) in &preview.effect {
                let f = figure(id);
                ui.label(f.label).on_hover_text(f.definition);
                ui.label(text::figure_value(f.unit, now));
                ui.strong(text::figure_value(f.unit, after));
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    let label = format!("Apply {}", text::count(cases, "case move", "case moves"));
    let button = ui
        .add_enabled(!proposal.is_empty(), egui::Button::new(label))
        .on_hover_text("All of it at once; one Undo puts every case back.");
    button.clicked().then(|| {
        let notice = match kind {
            ProposalKind::AllocateWaiting => format!(
                "Allocated {} (Undo puts them back).",
                text::count(cases, "waiting case", "waiting cases")
            ),
            ProposalKind::Balance => format!(
                "Moved {} between workers (Undo puts them back).",
                text::count(cases, "case", "cases")
            ),
        };
        (proposal.command(), notice)
    })
}
