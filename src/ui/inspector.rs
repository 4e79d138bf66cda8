//! The inspector: edit the selected team or post (or the plan's name and notes). Every change
//! is a [`Command`]; a refused one leaves the plan as it was and the reason is shown here.

use super::state::{Selection, UiState};
use super::structure::request_delete_team;
use super::theme;
use super::widgets::{combo, flag_text, month_field, text_field};
use crate::model::command::MAX_POSTS_AT_ONCE;
use crate::model::{
    AbsenceReason, Assessment, Command, Contract, ContractKind, GradeRole, Plan, Post, PostStatus,
    Team, TeamFunction, YearMonth,
};
use crate::text;
use egui::{RichText, Ui};

pub fn inspector_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.heading("Inspector");
    if let Some(refusal) = &state.refusal {
        ui.label(RichText::new(format!("Not changed: {refusal}")).color(theme::ALERT));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| match state.selection {
            Selection::Team(id) => match plan.team(id) {
                Some(team) => team_ui(ui, plan, assessment, team, state, edits),
                None => state.selection = Selection::Plan,
            },
            Selection::Post(id) => match plan.post(id) {
                Some(post) => post_ui(ui, plan, assessment, post, state, edits),
                None => state.selection = Selection::Plan,
            },
            Selection::Plan => plan_ui(ui, plan, state, edits),
        });
}

fn plan_ui(ui: &mut Ui, plan: &Plan, state: &mut UiState, edits: &mut Vec<Command>) {
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
                let mut row = |label: &str, value: String| {
                    ui.label(label);
                    ui.label(RichText::new(value).strong());
                    ui.end_row();
                };
                row(
                    "Caseload per case-holding FTE",
                    text::one_decimal(t.caseload_per_case_holder_fte),
                );
                row("Utilisation", text::percent(t.utilisation));
                row(
                    "Capacity",
                    format!("{} cases", text::whole_cases(t.capacity_cases)),
                );
                row("Headroom", text::headroom(t.headroom_cases));
                row(
                    "Unallocated",
                    format!(
                        "{} ({} must-allocate)",
                        t.sums.unallocated, t.sums.must_allocate_unallocated
                    ),
                );
            });
        for flag in &t.flags {
            ui.label(flag_text(flag.to_string(), flag.is_red()));
        }
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
                ui.name_inputs(format!("Unallocated {}", case_type.name), |ui| {
                    ui.add(egui::DragValue::new(&mut count))
                });
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

    ui.add_space(6.0);
    add_posts_ui(ui, plan, team, state, edits);

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

/// "Add N posts of this grade and contract": one post, or a cohort.
fn add_posts_ui(
    ui: &mut Ui,
    plan: &Plan,
    team: &Team,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.label(RichText::new("Add posts").strong());
    let form = &mut state.add_posts;
    // Until the user picks one: the first practitioner grade (usually a social worker).
    let grade = form
        .grade
        .filter(|g| plan.grades.iter().any(|x| x.id == *g))
        .or_else(|| {
            let practitioner = plan
                .grades
                .iter()
                .find(|g| g.role == GradeRole::Practitioner);
            practitioner
                .or(plan.grades.iter().find(|g| g.holds_cases))
                .or(plan.grades.first())
                .map(|g| g.id)
        });
    form.grade = grade;
    let mut contract_ok = true;
    egui::Grid::new("add-posts").num_columns(2).show(ui, |ui| {
        ui.label("How many");
        ui.name_inputs("Number of posts to add", |ui| {
            ui.add(egui::DragValue::new(&mut form.count).range(1..=MAX_POSTS_AT_ONCE))
        });
        ui.end_row();
        ui.label("Grade");
        let grade_name = grade
            .and_then(|g| plan.grade(g))
            .map_or("—", |g| g.name.as_str());
        combo(
            ui,
            "New posts' grade",
            "add-posts-grade",
            grade_name,
            |ui| {
                for g in &plan.grades {
                    ui.selectable_value(&mut form.grade, Some(g.id), &g.name);
                }
            },
        );
        ui.end_row();
        ui.label("Contract");
        combo(
            ui,
            "New posts' contract",
            "add-posts-contract",
            form.contract.label(),
            |ui| {
                for kind in ContractKind::ALL {
                    ui.selectable_value(&mut form.contract, kind, kind.label());
                }
            },
        );
        ui.end_row();
        if form.contract == ContractKind::FixedTerm {
            for (label, text) in [("Starts", &mut form.start), ("Ends", &mut form.end)] {
                ui.label(label);
                ui.vertical(|ui| {
                    ui.name_inputs(
                        format!("New posts' contract {}", label.to_lowercase()),
                        |ui| {
                            ui.add(
                                egui::TextEdit::singleline(text)
                                    .hint_text("YYYY-MM")
                                    .desired_width(70.0),
                            )
                        },
                    );
                    if let Err(e) = text.parse::<YearMonth>() {
                        contract_ok = false;
                        if !text.is_empty() {
                            ui.label(RichText::new(e.to_string()).color(theme::ALERT).small());
                        }
                    }
                });
                ui.end_row();
            }
        }
        ui.label("FTE each");
        ui.name_inputs("New posts' FTE", |ui| {
            ui.add(
                egui::DragValue::new(&mut form.fte)
                    .speed(0.05)
                    .range(0.05..=1.0),
            )
        });
        ui.end_row();
    });
    let contract = match form.contract {
        ContractKind::Permanent => Some(Contract::Permanent),
        ContractKind::Agency => Some(Contract::Agency),
        ContractKind::FixedTerm => match (form.start.parse(), form.end.parse()) {
            (Ok(start), Ok(end)) => Some(Contract::FixedTerm { start, end }),
            _ => None,
        },
    };
    let label = if form.count == 1 {
        "Add 1 post".to_owned()
    } else {
        format!("Add {} posts", form.count)
    };
    let ready = contract_ok && contract.is_some() && grade.is_some();
    let button = ui.add_enabled(ready, egui::Button::new(label));
    if !ready {
        button.on_disabled_hover_text(
            "Give the fixed-term contract's start and end months (YYYY-MM).",
        );
    } else if button.clicked()
        && let (Some(contract), Some(grade)) = (contract, grade)
    {
        edits.push(Command::AddPosts {
            team: team.id,
            grade,
            contract,
            fte: form.fte,
            count: form.count,
        });
    }
}

fn post_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
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
            combo(ui, "Team", ("post-team", id), team_name, |ui| {
                for t in &plan.teams {
                    ui.selectable_value(&mut team, t.id, &t.name);
                }
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
                if let Some(name) = &post.worker
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
                ui.name_inputs(format!("{} cases", case_type.name), |ui| {
                    ui.add(egui::DragValue::new(&mut count))
                });
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

    if let Some(a) = assessment.post(id) {
        ui.add_space(6.0);
        egui::Grid::new("post-figures")
            .num_columns(2)
            .show(ui, |ui| {
                let mut row = |label: &str, value: String| {
                    ui.label(label);
                    ui.label(RichText::new(value).strong());
                    ui.end_row();
                };
                row("Cases", a.cases_held.to_string());
                row("Weighted load", format!("{:.1} points", a.weighted_load));
                row("Capacity", format!("{:.1} points", a.capacity_points));
                row("Utilisation", text::percent(a.utilisation));
                row("Headroom", format!("{:.1} points", a.headroom_points));
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
