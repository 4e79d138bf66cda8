//! The Projection view: the shown scenario month by month. Capacity against demand with the
//! Monte Carlo band, caseload against the target, cost; markers where fixed-term contracts end
//! and where the service first goes over capacity. The timeline and this scenario's
//! assumptions are edited here. The expected path is drawn at once; the bands once they have
//! been worked out in the background, for the plan as drawn, never an earlier one.

mod charts;
mod flows;
mod money;
mod sensitivity;
mod workforce;

pub use sensitivity::SensitivityForm;

use super::state::UiState;
use super::theme;
use super::widgets::{combo, month_field, number_field};
use crate::app::BandsState;
use crate::model::assumptions::DEFAULT_SOURCES;
use crate::model::projection::Projection;
use crate::model::reductions::ProtectedTime;
use crate::model::{Assumptions, Command, DemandChange, Plan, Timeline};
use crate::text::{self, month_label};
use egui::{RichText, Ui};

pub fn projection_ui(
    ui: &mut Ui,
    plan: &Plan,
    projection: &Projection,
    (bands_state, sensitivity): (BandsState<'_>, crate::app::SensitivityState<'_>),
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            timeline_ui(ui, plan, state, edits);
            summary_ui(ui, projection);
            egui::CollapsingHeader::new("Assumptions for this scenario")
                .id_salt("assumptions")
                .default_open(state.assumptions_open)
                .show(ui, |ui| assumptions_ui(ui, plan, edits));
            egui::CollapsingHeader::new("Which assumption decides it: sensitivity and goal seek")
                .id_salt("sensitivity")
                .show(ui, |ui| {
                    sensitivity::sensitivity_ui(
                        ui,
                        plan,
                        sensitivity,
                        &mut state.sensitivity,
                        &mut state.sensitivity_asked,
                    )
                });
            ui.add_space(6.0);

            charts::projection_charts_ui(
                ui,
                plan,
                projection,
                bands_state,
                Some(&mut state.bands_asked),
            );
        });
}

/// The projection's summary and charts alone, for a presentation's slide.
pub(super) fn charts_for_slide(
    ui: &mut Ui,
    plan: &Plan,
    projection: &Projection,
    bands_state: BandsState<'_>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            summary_ui(ui, projection);
            charts::projection_charts_ui(ui, plan, projection, bands_state, None);
        });
}

fn timeline_ui(ui: &mut Ui, plan: &Plan, state: &mut UiState, edits: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label("The plan describes the service in");
        let timeline = plan.timeline;
        if let Some(Some(start)) = month_field(
            ui,
            "Plan start month",
            "timeline-start",
            Some(timeline.start),
            false,
            &mut state.drafts,
        ) {
            edits.push(Command::SetTimeline(Timeline { start, ..timeline }));
        }
        ui.label("and looks ahead");
        let mut months = timeline.months;
        number_field(
            ui,
            "Months to project",
            &mut months,
            1..=Timeline::MAX_MONTHS,
            0.2,
            "months",
        );
        if months != timeline.months {
            edits.push(Command::SetTimeline(Timeline { months, ..timeline }));
        }
        ui.weak(format!("(up to {} months)", Timeline::MAX_MONTHS));
    });
}

fn summary_ui(ui: &mut Ui, projection: &Projection) {
    let (Some(first), Some(last)) = (projection.months.first(), projection.months.last()) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        match projection.first_over_capacity {
            Some(month) if month == first.month => ui.label(
                RichText::new(format!(
                    "Over capacity from the start ({})",
                    month_label(month)
                ))
                .color(theme::ALERT)
                .strong(),
            ),
            Some(month) => ui.label(
                RichText::new(format!("First over capacity: {}", month_label(month)))
                    .color(theme::ALERT)
                    .strong(),
            ),
            None => ui.label(
                RichText::new(format!("Within capacity to {}", month_label(last.month)))
                    .color(theme::band_colour(Some(crate::model::Band::Green)))
                    .strong(),
            ),
        };
        ui.separator();
        let ends: Vec<String> = projection
            .contract_ends
            .iter()
            .map(|e| {
                let posts = text::count(u64::from(e.posts), "post", "posts");
                format!("{} ({posts})", month_label(e.month))
            })
            .collect();
        if !ends.is_empty() {
            ui.label(format!("Fixed-term contracts end: {}", ends.join(", ")));
            ui.separator();
        }
        let total: f64 = projection.months.iter().map(|m| m.cost).sum();
        let spend = crate::model::money::total_spend(projection).unwrap_or(0.0);
        let months = text::count(projection.months.len() as u64, "month", "months");
        ui.label(format!(
            "Staff cost over {months}: {} (expected)",
            text::money(total)
        ));
        if (spend - total).abs() >= 0.5 {
            ui.separator();
            ui.label(format!(
                "Spend with case costs, investments and retention payments{}: {}",
                if is_discounted(projection) {
                    ", discounted"
                } else {
                    ""
                },
                text::money(spend)
            ));
        }
    });
    leavers_ui(ui, projection);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: capacity {}, demand {}, {} all cases per practitioner FTE",
            month_label(first.month),
            text::cases(first.capacity_cases),
            text::cases(first.demand_cases),
            text::one_decimal(first.caseload)
        ));
        ui.separator();
        ui.label(format!(
            "{}: capacity {}, demand {}, {} all cases per practitioner FTE",
            month_label(last.month),
            text::cases(last.capacity_cases),
            text::cases(last.demand_cases),
            text::one_decimal(last.caseload)
        ));
    });
}

/// Whether the spend to date is discounted: it differs from the plain sum of the month's spend.
fn is_discounted(projection: &Projection) -> bool {
    let plain: f64 = projection
        .months
        .iter()
        .map(crate::model::money::spend)
        .sum();
    let spend = crate::model::money::total_spend(projection).unwrap_or(0.0);
    (plain - spend).abs() >= 0.5
}

/// The first year's leavers and where, going by England's figures, they go.
fn leavers_ui(ui: &mut Ui, projection: &Projection) {
    use crate::model::retention::{
        LEAVERS_LEAVING_THE_SECTOR, LEAVERS_TO_AGENCY, LEAVERS_TO_ANOTHER_COUNCIL,
    };
    let Some(leavers) = projection.first_year_leavers().filter(|&l| l > 0.0) else {
        return;
    };
    let fte = |share: f64| text::fte(leavers * share);
    ui.label(format!(
        "Leavers expected in the first year: {} FTE (turnover {}). Going by England's 2020-21 \
         leavers, about {} FTE leave social work, {} go to agency work and {} move to another \
         council.",
        text::fte(leavers),
        text::percent(projection.first_year_turnover()),
        fte(LEAVERS_LEAVING_THE_SECTOR),
        fte(LEAVERS_TO_AGENCY),
        fte(LEAVERS_TO_ANOTHER_COUNCIL),
    ));
}

/// A percentage input for a fraction: shows 11.8 for 0.118. Only a real edit converts back,
/// since 0.118 x 100 / 100 is not exactly 0.118.
fn percent_input(ui: &mut Ui, label: &str, value: f64) -> f64 {
    let mut shown = value * 100.0;
    if number_field(ui, label, &mut shown, 0.0..=100.0, 0.5, "%") {
        shown / 100.0
    } else {
        value
    }
}

/// The scenario's service-wide protected time: a share, and the grades it is for.
fn protected_time_ui(ui: &mut Ui, plan: &Plan, a: &mut Assumptions) {
    let mut rule = a.protected_time.clone().unwrap_or(ProtectedTime {
        share: 0.0,
        grades: Vec::new(),
    });
    ui.horizontal_wrapped(|ui| {
        rule.share = percent_input(ui, "Protected time share", rule.share);
        ui.label("of the time of");
        for grade in plan.grades.iter().filter(|g| g.holds_cases) {
            let mut on = rule.grades.contains(&grade.id);
            if ui.checkbox(&mut on, &grade.name).changed() {
                if on {
                    rule.grades.push(grade.id);
                } else {
                    rule.grades.retain(|&g| g != grade.id);
                }
            }
        }
    });
    a.protected_time = (rule.share > 0.0 || !rule.grades.is_empty()).then_some(rule);
}

fn assumptions_ui(ui: &mut Ui, plan: &Plan, edits: &mut Vec<Command>) {
    let current = &plan.assumptions;
    let mut a = current.clone();
    ui.weak(DEFAULT_SOURCES);
    egui::Grid::new("assumptions-grid")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("Annual turnover");
            ui.horizontal(|ui| {
                ui.label("permanent");
                ui.add_enabled_ui(a.service_turnover.is_none(), |ui| {
                    a.turnover.permanent =
                        percent_input(ui, "Permanent turnover", a.turnover.permanent);
                })
                .response
                .on_disabled_hover_text("Permanent staff leave by length of service (below)");
                ui.label("fixed-term");
                a.turnover.fixed_term =
                    percent_input(ui, "Fixed-term turnover", a.turnover.fixed_term);
                ui.label("agency");
                a.turnover.agency = percent_input(ui, "Agency turnover", a.turnover.agency);
            });
            ui.end_row();
            ui.label("Vacancies");
            ui.horizontal(|ui| {
                ui.name_inputs("Recruit to vacancies", |ui| {
                    ui.checkbox(&mut a.recruit, "are filled after")
                });
                ui.add_enabled_ui(a.recruit, |ui| {
                    number_field(
                        ui,
                        "Months to fill a vacancy",
                        &mut a.months_to_fill,
                        1.0..=crate::model::assumptions::MAX_MONTHS_TO_FILL,
                        0.2,
                        "months on average",
                    );
                });
                ui.label("and meanwhile");
                a.agency_cover =
                    percent_input(ui, "Share of vacancies covered by agency", a.agency_cover);
                ui.label("are covered by agency staff");
            });
            ui.end_row();
            ui.label("Protected time").on_hover_text(
                "A share of the time of every post at the grades ticked, kept back from cases \
                 in every month (\"experienced social workers keep 10% protected development \
                 time\"). A post's own reductions are in the inspector.",
            );
            protected_time_ui(ui, plan, &mut a);
            ui.end_row();
        });
    ui.label("Demand by team (cases held and waiting now, changed over the months):");
    egui::Grid::new("demand-grid")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            let row_height = ui.spacing().interact_size.y;
            for team in &plan.teams {
                // A region's thousands of teams: only the rows on screen are laid out.
                if super::widgets::skipped_off_screen(ui, row_height) {
                    continue;
                }
                ui.label(&team.name);
                let change = a.demand.get(&team.id).copied();
                let kind = match change {
                    None => "Stays as it is",
                    Some(DemandChange::MonthlyGrowth(_)) => "Grows each month by",
                    Some(DemandChange::Target { .. }) => "Changes over a period by",
                };
                let mut chosen = change;
                combo(
                    ui,
                    &format!("{} demand change", team.name),
                    ("demand-kind", team.id),
                    kind,
                    |ui| {
                        if ui
                            .selectable_label(change.is_none(), "Stays as it is")
                            .clicked()
                        {
                            chosen = None;
                        }
                        if ui
                            .selectable_label(
                                matches!(change, Some(DemandChange::MonthlyGrowth(_))),
                                "Grows each month by",
                            )
                            .clicked()
                        {
                            chosen = Some(DemandChange::MonthlyGrowth(0.005));
                        }
                        if ui
                            .selectable_label(
                                matches!(change, Some(DemandChange::Target { .. })),
                                "Changes over a period by",
                            )
                            .clicked()
                        {
                            chosen = Some(DemandChange::Target {
                                cases: -10.0,
                                months: 12,
                            });
                        }
                    },
                );
                // An id of its own: rows above may or may not be laid out.
                ui.push_id(("demand-change", team.id), |ui| {
                    ui.horizontal(|ui| match &mut chosen {
                        Some(DemandChange::MonthlyGrowth(rate)) => {
                            let mut shown = *rate * 100.0;
                            let changed = number_field(
                                ui,
                                &format!("{} monthly growth", team.name),
                                &mut shown,
                                -10.0..=10.0,
                                0.05,
                                "% a month",
                            );
                            if changed {
                                *rate = shown / 100.0;
                            }
                        }
                        Some(DemandChange::Target { cases, months }) => {
                            number_field(
                                ui,
                                &format!("{} change in cases", team.name),
                                cases,
                                -100_000.0..=100_000.0,
                                1.0,
                                "cases over",
                            );
                            number_field(
                                ui,
                                &format!("{} months of change", team.name),
                                months,
                                1..=Timeline::MAX_MONTHS,
                                0.2,
                                "months",
                            );
                        }
                        None => {}
                    })
                });
                match chosen {
                    Some(c) => {
                        a.demand.insert(team.id, c);
                    }
                    None => {
                        a.demand.remove(&team.id);
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Demand as flows: new cases and how long cases stay open")
        .id_salt("demand-flows")
        .show(ui, |ui| flows::demand_flows_ui(ui, plan, &mut a));
    egui::CollapsingHeader::new(
        "Workforce: turnover by length of service, induction and planned intakes",
    )
    .id_salt("workforce-flows")
    .show(ui, |ui| workforce::workforce_ui(ui, plan, &mut a));
    egui::CollapsingHeader::new("Money: investments, an agency pay cap and a retention payment")
        .id_salt("money")
        .show(ui, |ui| money::money_ui(ui, plan, &mut a));
    if ui
        .button("Reset to the national defaults")
        .on_hover_text(
            "Turnover, recruitment and agency cover from England's 2025 figures; demand, \
             protected time, the workforce and money settings unchanged",
        )
        .clicked()
    {
        a = Assumptions {
            demand: a.demand.clone(),
            flows: a.flows.clone(),
            protected_time: a.protected_time.clone(),
            service_turnover: a.service_turnover.clone(),
            induction: a.induction,
            intakes: a.intakes.clone(),
            investments: a.investments.clone(),
            agency_cap: a.agency_cap,
            retention_measure: a.retention_measure,
            ..Assumptions::default()
        };
    }
    if &a != current {
        edits.push(Command::SetAssumptions(Box::new(a)));
    }
}
