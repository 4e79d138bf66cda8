//! Staff needed: how many practitioner FTE a team or the whole service needs to meet the plan's
//! targets, the gap and what closing it costs (figures of the catalogue, defined in
//! `model::allocation::needed`); and the way into "Make an option with these posts".

use super::state::{MakeOptionForm, UiState};
use super::theme;
use crate::model::figures::{FigureId, STAFF_NEEDED, figure};
use crate::model::{Assessment, Plan, TeamId, Totals};
use crate::text;
use egui::{RichText, Ui};

/// The staff-needed figures of `totals` (a team's, or the service's when `team` is `None`),
/// with the button that offers an option adding the missing posts.
pub fn staff_needed_ui(
    ui: &mut Ui,
    plan: &Plan,
    totals: &Totals,
    team: Option<TeamId>,
    state: &mut UiState,
) {
    egui::CollapsingHeader::new(RichText::new("Staff needed").strong())
        .id_salt(("staff-needed", team))
        // Open for the whole service; a team's opens on a click, so the team's own fields
        // (waiting work, adding posts) stay near the top of the inspector.
        .default_open(team.is_none())
        .show(ui, |ui| {
            ui.weak(format!(
                "Practitioner FTE for a caseload of {} (waiting work counted), at {}'s grade mix.",
                text::decimal(plan.settings.caseload_target),
                if team.is_some() {
                    "the team"
                } else {
                    "the service"
                },
            ));
            // Label and value on a line each figure, wrapped: the labels are long and the
            // inspector narrow.
            let mut ids = STAFF_NEEDED.to_vec();
            if plan.settings.amber_from != 1.0 {
                ids.insert(6, FigureId::FteNeededForAmber);
            }
            for id in ids {
                let figure = figure(id);
                let value = figure.of(totals);
                let short = id == FigureId::FteShortOfTarget && value.is_some_and(|v| v > 0.0);
                let mut text = RichText::new(text::figure_value(figure.unit, value)).strong();
                if short {
                    text = text.color(theme::ALERT);
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(figure.label).on_hover_text(figure.definition);
                    ui.label(text);
                });
            }
            let needed = &totals.needed;
            let short = [needed.for_caseload_target, needed.for_full_utilisation]
                .iter()
                .any(|need| need.gap.is_some_and(|g| g > 0.0));
            let button = ui
                .add_enabled(short, egui::Button::new("Make an option with these posts…"))
                .on_hover_text(
                    "A new option adding the posts short, each filled by a new worker, with \
                     the team's waiting work and a share of its caseloads given to them.",
                )
                .on_disabled_hover_text("Nobody more is needed for the caseload target or 100%.");
            if button.clicked() {
                state.make_option = Some(MakeOptionForm::for_team(plan, team));
            }
        });
}

/// The Overview's table: each team's staff needed, then the whole service.
pub fn staff_needed_table_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let columns = [
        FigureId::PractitionerFte,
        FigureId::FteNeededForTarget,
        FigureId::FteShortOfTarget,
        FigureId::StaffedForTarget,
        FigureId::FteNeededForCapacity,
        FigureId::EmployedCostOfTargetGap,
        FigureId::AgencyCostOfTargetGap,
    ];
    egui::ScrollArea::horizontal()
        .id_salt("staff-needed-table")
        .show(ui, |ui| {
            egui::Grid::new("staff-needed-by-team")
                .striped(true)
                .num_columns(1 + columns.len())
                .spacing([14.0, 3.0])
                .show(ui, |ui| {
                    ui.strong("Team");
                    for id in columns {
                        let f = figure(id);
                        ui.strong(f.short)
                            .on_hover_text(format!("{}: {}", f.label, f.definition));
                    }
                    ui.end_row();
                    let row = |ui: &mut Ui, name: &str, totals: &Totals, strong: bool| {
                        let cell = |text: String| {
                            if strong {
                                RichText::new(text).strong()
                            } else {
                                RichText::new(text)
                            }
                        };
                        ui.label(cell(name.to_owned()));
                        for id in columns {
                            let f = figure(id);
                            ui.label(cell(text::figure_value(f.unit, f.of(totals))));
                        }
                        ui.end_row();
                    };
                    let line = ui.text_style_height(&egui::TextStyle::Body);
                    for (team, a) in plan.teams.iter().zip(&assessment.teams) {
                        if !super::widgets::skipped_off_screen(ui, line) {
                            row(ui, &team.name, &a.totals, false);
                        }
                    }
                    row(ui, "Whole service", &assessment.service, true);
                });
        });
}
