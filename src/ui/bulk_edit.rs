//! The inspector's form for several posts chosen in the Posts table: tick what to change (team,
//! grade, contract, what agency workers cover, dates, FTE, status) and apply it to them all, or delete them all after a
//! confirmation. The change is worked out by `model::command::bulk`; the window applies it as
//! one undo step and the status bar says what changed and what was refused, and why.

use super::contract_fields::{ContractChoice, contract_rows_ui};
use super::dialogs::confirm_delete_posts_ui;
use super::state::UiState;
use super::theme;
use super::widgets::{combo, number_field};
use crate::model::command::bulk::{
    ContractChange, PostChanges, StatusChange, bulk_delete, bulk_edit,
};
use crate::model::{
    AbsenceReason, AgencyCover, Command, ContractKind, GradeId, Plan, TeamId, YearMonth,
};
use crate::text;
use egui::{RichText, Ui};

/// How the form changes contracts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ContractMode {
    /// Every post on the contract chosen.
    #[default]
    Set,
    /// Each fixed-term contract ends in the month given, keeping its start.
    FixedTermEnds,
}

/// The status the form gives every post.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusChoice {
    #[default]
    Working,
    Absent(AbsenceReason),
    Vacant,
}

impl StatusChoice {
    fn label(self) -> &'static str {
        match self {
            StatusChoice::Working => "Working",
            StatusChoice::Absent(reason) => reason.label(),
            StatusChoice::Vacant => "Vacant (the worker leaves)",
        }
    }
}

/// The form's choices. A part is changed only when ticked; choosing a value ticks it.
#[derive(Clone, Debug)]
pub struct BulkForm {
    pub set_team: bool,
    pub team: Option<TeamId>,
    pub set_grade: bool,
    pub grade: Option<GradeId>,
    pub set_contract: bool,
    pub contract_mode: ContractMode,
    pub contract: ContractChoice,
    pub fixed_term_end: String,
    pub set_covers: bool,
    pub covers: AgencyCover,
    pub set_fte: bool,
    pub fte: f64,
    pub set_starts: bool,
    pub starts: String,
    pub set_leaves: bool,
    pub leaves: String,
    pub set_status: bool,
    pub status: StatusChoice,
    pub returns: String,
    /// Waiting for "Delete N posts?" to be answered.
    pub confirm_delete: bool,
    /// The posts the last change was refused for, with why: listed under the form until the
    /// posts chosen change.
    pub refused: Vec<String>,
}

impl Default for BulkForm {
    fn default() -> Self {
        BulkForm {
            set_team: false,
            team: None,
            set_grade: false,
            grade: None,
            set_contract: false,
            contract_mode: ContractMode::Set,
            contract: ContractChoice::new(ContractKind::Permanent),
            fixed_term_end: String::new(),
            set_covers: false,
            covers: AgencyCover::Vacancy,
            set_fte: false,
            fte: 1.0,
            set_starts: false,
            starts: String::new(),
            set_leaves: false,
            leaves: String::new(),
            set_status: false,
            status: StatusChoice::Working,
            returns: String::new(),
            confirm_delete: false,
            refused: Vec::new(),
        }
    }
}

impl BulkForm {
    /// The change ticked, or what is missing (shown on the disabled button).
    pub fn changes(&self) -> Result<PostChanges, String> {
        let month = |typed: &str, what: &str| {
            typed
                .trim()
                .parse::<YearMonth>()
                .map_err(|e| format!("{what}: {e}."))
        };
        let optional = |typed: &str, what: &str| {
            if typed.trim().is_empty() {
                Ok(None)
            } else {
                month(typed, what).map(Some)
            }
        };
        let mut changes = PostChanges::default();
        if self.set_team {
            changes.team = Some(self.team.ok_or("Choose the team.")?);
        }
        if self.set_grade {
            changes.grade = Some(self.grade.ok_or("Choose the grade.")?);
        }
        if self.set_contract {
            changes.contract = Some(match self.contract_mode {
                ContractMode::Set => ContractChange::Set(
                    self.contract
                        .contract()
                        .ok_or("Give the fixed-term contract's start and end months (YYYY-MM).")?,
                ),
                ContractMode::FixedTermEnds => ContractChange::FixedTermEnds(month(
                    &self.fixed_term_end,
                    "The fixed terms' end month",
                )?),
            });
        }
        if self.set_covers {
            changes.covers = Some(self.covers);
        }
        if self.set_fte {
            changes.fte = Some(self.fte);
        }
        if self.set_starts {
            changes.starts = Some(optional(&self.starts, "The posts' start month")?);
        }
        if self.set_leaves {
            changes.leaves = Some(optional(&self.leaves, "The workers' last month")?);
        }
        if self.set_status {
            changes.status = Some(match self.status {
                StatusChoice::Working => StatusChange::Working,
                StatusChoice::Absent(reason) => StatusChange::Absent {
                    reason,
                    returns: optional(&self.returns, "The return month")?,
                },
                StatusChoice::Vacant => StatusChange::Vacant,
            });
        }
        if changes.is_empty() {
            return Err("Tick what to change.".to_owned());
        }
        Ok(changes)
    }

    /// The choices cleared after a change is applied, so a second click does not repeat it.
    fn reset_choices(&mut self) {
        *self = BulkForm {
            refused: std::mem::take(&mut self.refused),
            ..BulkForm::default()
        };
    }
}

/// What the form asks the window to do: apply `command` (one undo step), then say `notice`.
pub struct BulkRequest {
    /// `None` when no post changes (all refused, or already as chosen).
    pub command: Option<Command>,
    pub notice: String,
}

/// The form for the posts chosen (two or more). A change the posts cannot take at all (an FTE
/// of 1.5) is refused as any edit is, in `state.refusal`.
pub fn bulk_edit_ui(ui: &mut Ui, plan: &Plan, state: &mut UiState) -> Option<BulkRequest> {
    let chosen = state
        .posts
        .in_order(state.selection, plan.posts.iter().map(|p| p.id));
    let posts = text::count(chosen.len() as u64, "post", "posts");
    ui.label(RichText::new(format!("{posts} selected")).strong());
    ui.weak("Tick what to change; everything else stays as each post has it.");
    ui.add_space(4.0);
    let form = &mut state.bulk;
    fields_ui(ui, plan, form);

    ui.add_space(6.0);
    let mut request = None;
    let ready = form.changes();
    let button = ui.add_enabled(
        ready.is_ok(),
        egui::Button::new(format!("Apply to {posts}")),
    );
    match ready {
        Err(missing) => {
            button.on_disabled_hover_text(missing);
        }
        Ok(changes) if button.clicked() => match bulk_edit(plan, &chosen, &changes) {
            Ok(edit) => {
                form.refused = edit.refused.iter().map(ToString::to_string).collect();
                form.reset_choices();
                request = Some(BulkRequest {
                    command: (!edit.changed.is_empty()).then(|| edit.command.clone()),
                    notice: edit.summary(),
                });
            }
            Err(refusal) => state.refusal = Some(refusal.to_string()),
        },
        Ok(_) => {}
    }
    let form = &mut state.bulk;
    if !form.refused.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Not changed:").color(theme::ALERT));
        egui::ScrollArea::vertical()
            .id_salt("bulk-refused")
            .max_height(140.0)
            .show(ui, |ui| {
                for line in &form.refused {
                    ui.add(egui::Label::new(RichText::new(line).small()).wrap());
                }
            });
    }

    ui.add_space(6.0);
    ui.separator();
    if ui.button(format!("Delete {posts}…")).clicked() {
        form.confirm_delete = true;
    }
    if form.confirm_delete
        && let Some(delete) = confirm_delete_posts_ui(ui.ctx(), chosen.len())
    {
        form.confirm_delete = false;
        if delete {
            let edit = bulk_delete(plan, &chosen);
            form.refused.clear();
            request = Some(BulkRequest {
                command: Some(edit.command.clone()),
                notice: edit.summary(),
            });
        }
    }
    request
}

/// The rows of the form: a tick and the value for each part a post can change.
fn fields_ui(ui: &mut Ui, plan: &Plan, form: &mut BulkForm) {
    egui::Grid::new("bulk-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.checkbox(&mut form.set_team, "Team");
            let name = form
                .team
                .and_then(|t| plan.team(t))
                .map_or("Choose…", |t| t.name.as_str());
            combo(ui, "Selected posts' team", "bulk-team", name, |ui| {
                for t in &plan.teams {
                    form.set_team |= ui
                        .selectable_value(&mut form.team, Some(t.id), &t.name)
                        .clicked();
                }
            });
            ui.end_row();

            ui.checkbox(&mut form.set_grade, "Grade");
            let name = form
                .grade
                .and_then(|g| plan.grade(g))
                .map_or("Choose…", |g| g.name.as_str());
            combo(ui, "Selected posts' grade", "bulk-grade", name, |ui| {
                for g in &plan.grades {
                    form.set_grade |= ui
                        .selectable_value(&mut form.grade, Some(g.id), &g.name)
                        .clicked();
                }
            });
            ui.end_row();

            ui.checkbox(&mut form.set_contract, "Contract");
            contract_ui(ui, plan, form);
            ui.end_row();

            ui.checkbox(&mut form.set_covers, "Covering").on_hover_text(
                "What the agency workers are there for; refused for posts not on an agency \
                 contract.",
            );
            let label = form.covers.label();
            combo(
                ui,
                "Selected agency workers covering",
                "bulk-covers",
                label,
                |ui| {
                    for cover in AgencyCover::ALL {
                        form.set_covers |= ui
                            .selectable_value(&mut form.covers, cover, cover.label())
                            .clicked();
                    }
                },
            );
            ui.end_row();

            ui.checkbox(&mut form.set_fte, "FTE");
            form.set_fte |= number_field(
                ui,
                "Selected posts' FTE",
                &mut form.fte,
                0.01..=1.0,
                0.05,
                "",
            );
            ui.end_row();

            ui.checkbox(&mut form.set_starts, "Starts").on_hover_text(
                "The month the posts start; blank: they exist from the plan's start.",
            );
            form.set_starts |= month_input(ui, "Selected posts' start month", &mut form.starts);
            ui.end_row();

            ui.checkbox(&mut form.set_leaves, "Leaves after")
                .on_hover_text("The workers' last month; blank: not known to be leaving.");
            form.set_leaves |= month_input(ui, "Workers' last month", &mut form.leaves);
            ui.end_row();

            ui.checkbox(&mut form.set_status, "Status");
            ui.vertical(|ui| status_ui(ui, form));
            ui.end_row();
        });
}

/// Working, absent for a reason (with the month back, if known), or vacant.
fn status_ui(ui: &mut Ui, form: &mut BulkForm) {
    let label = form.status.label();
    combo(ui, "Selected posts' status", "bulk-status", label, |ui| {
        let choices = std::iter::once(StatusChoice::Working)
            .chain(AbsenceReason::ALL.map(StatusChoice::Absent))
            .chain([StatusChoice::Vacant]);
        for choice in choices {
            let response = ui.selectable_value(&mut form.status, choice, choice.label());
            let response = if choice == StatusChoice::Vacant {
                response.on_hover_text(
                    "The posts become vacancies; their workers' cases wait in their teams.",
                )
            } else {
                response
            };
            form.set_status |= response.clicked();
        }
    });
    if matches!(form.status, StatusChoice::Absent(_)) {
        ui.horizontal(|ui| {
            ui.label("returns");
            form.set_status |= month_input(ui, "Expected return month", &mut form.returns);
        });
    }
}

/// Either a contract for every post (the shared contract rows), or a new end month for each
/// fixed term.
fn contract_ui(ui: &mut Ui, plan: &Plan, form: &mut BulkForm) {
    ui.vertical(|ui| {
        let mut touched = false;
        touched |= ui
            .radio_value(&mut form.contract_mode, ContractMode::Set, "Set to")
            .clicked();
        touched |= ui
            .radio_value(
                &mut form.contract_mode,
                ContractMode::FixedTermEnds,
                "Fixed terms end in",
            )
            .on_hover_text("Extend or shorten each fixed-term contract; each keeps its start.")
            .clicked();
        match form.contract_mode {
            ContractMode::Set => {
                touched |= egui::Grid::new("bulk-contract")
                    .num_columns(2)
                    .show(ui, |ui| {
                        contract_rows_ui(ui, "Selected posts'", &mut form.contract)
                    })
                    .inner;
                // A fixed term offered as the plan's first twelve months, to be edited.
                let choice = &mut form.contract;
                if choice.kind == ContractKind::FixedTerm
                    && choice.start.is_empty()
                    && choice.end.is_empty()
                {
                    let start = plan.timeline.start;
                    choice.start = start.to_string();
                    choice.end = start.plus_months(11).unwrap_or(start).to_string();
                }
            }
            ContractMode::FixedTermEnds => {
                touched |= month_input(
                    ui,
                    "Fixed-term contracts' new end month",
                    &mut form.fixed_term_end,
                );
            }
        }
        form.set_contract |= touched;
    });
}

/// A `YYYY-MM` field named `name` for screen readers; shows why typed text is not a month.
/// Returns true when typed in.
fn month_input(ui: &mut Ui, name: &str, typed: &mut String) -> bool {
    ui.vertical(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(typed)
                .hint_text("YYYY-MM")
                .desired_width(84.0),
        );
        // Named explicitly: the "YYYY-MM" hint would otherwise be its only name.
        let label = name.to_owned();
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_label(label));
        if let Err(e) = typed.trim().parse::<YearMonth>()
            && !typed.trim().is_empty()
        {
            ui.add(
                egui::Label::new(RichText::new(e.to_string()).color(theme::ALERT).small()).wrap(),
            );
        }
        response.changed()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_parts_ticked_are_changed() {
        let mut form = BulkForm {
            grade: Some(GradeId(2)),
            fte: 0.6,
            ..BulkForm::default()
        };
        assert_eq!(form.changes(), Err("Tick what to change.".to_owned()));
        form.set_fte = true;
        assert_eq!(
            form.changes(),
            Ok(PostChanges {
                fte: Some(0.6),
                ..PostChanges::default()
            })
        );
        form.set_grade = true;
        assert_eq!(form.changes().unwrap().grade, Some(GradeId(2)));
    }

    #[test]
    fn months_are_read_as_typed_and_blank_clears() {
        let mut form = BulkForm {
            set_leaves: true,
            leaves: " 2027-03 ".into(),
            set_starts: true,
            ..BulkForm::default()
        };
        let changes = form.changes().unwrap();
        assert_eq!(changes.leaves, Some(Some("2027-03".parse().unwrap())));
        assert_eq!(changes.starts, Some(None), "blank: no start month");
        form.leaves = "March".into();
        assert_eq!(
            form.changes(),
            Err(
                "The workers' last month: 'March' is not a month: write it as YYYY-MM, e.g. 2026-04."
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_team_or_grade_must_be_chosen_when_ticked() {
        let form = BulkForm {
            set_team: true,
            ..BulkForm::default()
        };
        assert_eq!(form.changes(), Err("Choose the team.".to_owned()));
    }

    #[test]
    fn contracts_and_status() {
        let mut form = BulkForm {
            set_contract: true,
            contract_mode: ContractMode::FixedTermEnds,
            fixed_term_end: "2027-09".into(),
            set_status: true,
            status: StatusChoice::Absent(AbsenceReason::Maternity),
            returns: "2027-01".into(),
            ..BulkForm::default()
        };
        let changes = form.changes().unwrap();
        assert_eq!(
            changes.contract,
            Some(ContractChange::FixedTermEnds("2027-09".parse().unwrap()))
        );
        assert_eq!(
            changes.status,
            Some(StatusChange::Absent {
                reason: AbsenceReason::Maternity,
                returns: Some("2027-01".parse().unwrap())
            })
        );
        form.contract_mode = ContractMode::Set;
        form.contract = ContractChoice::new(ContractKind::FixedTerm);
        assert!(
            form.changes()
                .unwrap_err()
                .starts_with("Give the fixed-term")
        );
    }

    #[test]
    fn what_agency_workers_cover_is_changed_only_when_ticked() {
        let mut form = BulkForm {
            covers: AgencyCover::Absence,
            ..BulkForm::default()
        };
        assert_eq!(form.changes(), Err("Tick what to change.".to_owned()));
        form.set_covers = true;
        assert_eq!(form.changes().unwrap().covers, Some(AgencyCover::Absence));
    }
}
