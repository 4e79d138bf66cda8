//! The Projection view: the shown scenario month by month. Capacity against demand with the
//! Monte Carlo band, caseload against the target, cost; markers where fixed-term contracts end
//! and where the service first goes over capacity. The timeline and this scenario's
//! assumptions are edited here. The expected path is drawn at once; the bands once they have
//! been worked out in the background, for the plan as drawn, never an earlier one.

use super::busy::busy_ui;
use super::charts::base_plot;
use super::state::UiState;
use super::theme;
use super::widgets::{combo, month_field, number_field};
use crate::app::BandsState;
use crate::model::assumptions::DEFAULT_SOURCES;
use crate::model::figures::{FigureId, figure};
use crate::model::projection::{Band3, Projection};
use crate::model::{Assumptions, Command, DemandChange, Plan, Timeline, YearMonth};
use crate::text::{self, month_label};
use egui::{Color32, RichText, Ui};
use egui_plot::{
    Corner, FilledArea, GridMark, HLine, Legend, Line, LineStyle, Plot, PlotPoint, PlotPoints,
    Text, VLine,
};

pub fn projection_ui(
    ui: &mut Ui,
    plan: &Plan,
    projection: &Projection,
    bands_state: BandsState<'_>,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    let bands = match bands_state {
        BandsState::Ready(bands) => Some(bands),
        BandsState::WorkingOut(_) | BandsState::NotStarted | BandsState::Failed => None,
    };
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        timeline_ui(ui, plan, state, edits);
        summary_ui(ui, projection);
        egui::CollapsingHeader::new("Assumptions for this scenario")
            .id_salt("assumptions")
            .default_open(state.assumptions_open)
            .show(ui, |ui| assumptions_ui(ui, plan, edits));
        ui.add_space(6.0);

        let start = plan.timeline.start;
        let months: Vec<f64> = (0..projection.months.len()).map(|t| t as f64).collect();
        let highest = |f: &dyn Fn(&crate::model::projection::ProjectedMonth) -> f64,
                       band: Option<&Vec<Band3>>| {
            let line = projection.months.iter().map(f).fold(0.0, f64::max);
            let spread = band.map_or(0.0, |b| b.iter().map(|x| x.p90).fold(0.0, f64::max));
            line.max(spread).max(1.0) * 1.15
        };
        let cases_top = highest(&|m| m.capacity_cases.max(m.demand_cases), bands.map(|b| &b.capacity_cases));
        let caseload_top = highest(&|m| m.caseload.unwrap_or(0.0).max(plan.settings.caseload_target), bands.map(|b| &b.caseload));
        let cost_top = highest(&|m| m.cost, bands.map(|b| &b.cost));
        let heading = ui.strong("Capacity and demand, in cases");
        if let BandsState::WorkingOut(done) = bands_state {
            // Beside the heading, without moving anything: the charts stay put when it goes.
            let beside = egui::Rect::from_min_size(
                heading.rect.right_top() + egui::vec2(16.0, 0.0),
                egui::vec2(420.0, heading.rect.height()),
            );
            let mut note = ui.new_child(egui::UiBuilder::new().max_rect(beside));
            busy_ui(
                &mut note,
                &format!("Working out the range of outcomes… {:.0}%", done * 100.0),
            );
        }
        chart(ui, "projection-capacity", start, 220.0, |plot| {
            plot.y_axis_label("cases").include_y(cases_top)
        })
        .show(ui, |plot_ui| {
            if let Some(b) = bands {
                plot_ui.add(band_area("Capacity, 10th-90th percentile", &months, &b.capacity_cases));
            }
            plot_ui.line(series("Capacity (expected)", projection, |m| m.capacity_cases).color(theme::CAPACITY).width(2.0));
            plot_ui.line(series("Demand", projection, |m| m.demand_cases).color(theme::DEMAND).width(2.0));
            markers(plot_ui, plan, projection, cases_top);
        });

        let caseload = figure(FigureId::AllCasesPerPractitionerFte);
        ui.strong(caseload.label).on_hover_text(format!(
            "{} Higher than the DfE caseload on the Overview, which counts only cases already \
             held, over the workers holding them.",
            caseload.definition
        ));
        chart(ui, "projection-caseload", start, 180.0, |plot| {
            plot.y_axis_label("cases per FTE").include_y(caseload_top)
        })
        .show(ui, |plot_ui| {
            if let Some(b) = bands {
                plot_ui.add(band_area("Cases per FTE, 10th-90th percentile", &months, &b.caseload));
            }
            plot_ui.line(series("Cases per FTE (expected)", projection, |m| m.caseload.unwrap_or(f64::NAN)).color(theme::ALERT).width(2.0));
            plot_ui.hline(
                HLine::new(format!("Target ({})", plan.settings.caseload_target), plan.settings.caseload_target)
                    .color(theme::WARNING)
                    .style(LineStyle::dashed_loose()),
            );
            markers(plot_ui, plan, projection, caseload_top);
        });

        ui.strong("Staff cost per month");
        chart(ui, "projection-cost", start, 150.0, |plot| {
            plot.y_axis_label("£ a month").include_y(cost_top)
        })
        .show(ui, |plot_ui| {
            if let Some(b) = bands {
                plot_ui.add(band_area("Cost, 10th-90th percentile", &months, &b.cost));
            }
            plot_ui.line(series("Cost (expected)", projection, |m| m.cost).color(theme::contract_colour(crate::model::ContractKind::Permanent)).width(2.0));
            markers(plot_ui, plan, projection, cost_top);
        });
        match bands_state {
            BandsState::Ready(b) => ui.weak(format!(
                "Bands: 10th to 90th percentile of {} random runs of turnover and recruitment (seeded, so the same plan always gives the same bands). Lines: the expected path.",
                b.runs
            )),
            BandsState::WorkingOut(_) => ui.weak("Bands: being worked out; the lines are the expected path."),
            BandsState::NotStarted => ui.weak("Bands appear when you stop editing."),
            BandsState::Failed => ui.weak("The bands could not be worked out; they are tried again after the next change."),
        };
    });
}

/// A month-by-month chart with the months written on the x axis.
fn chart<'a>(
    ui: &Ui,
    id: &str,
    start: YearMonth,
    height: f32,
    configure: impl FnOnce(Plot<'a>) -> Plot<'a>,
) -> Plot<'a> {
    let width = ui.available_width();
    configure(base_plot(id, height))
        // The lines run high on the chart: the legend goes where they are not.
        .legend(Legend::default().position(Corner::LeftBottom))
        .x_axis_formatter(move |mark: GridMark, _range| {
            let t = mark.value.round();
            if (mark.value - t).abs() > 1e-6 || t < 0.0 {
                return String::new();
            }
            start
                .plus_months(t as i32)
                .map(month_label)
                .unwrap_or_default()
        })
        .x_grid_spacer(move |input| {
            // A label every 3, 6 or 12 months, as the width allows.
            let months = input.bounds.1 - input.bounds.0;
            let step = if months / f64::from(width.max(1.0)) * 90.0 > 6.0 {
                12.0
            } else if months / f64::from(width.max(1.0)) * 90.0 > 3.0 {
                6.0
            } else {
                3.0
            };
            let first = (input.bounds.0 / step).ceil() as i64;
            let last = (input.bounds.1 / step).floor() as i64;
            (first..=last)
                .map(|k| GridMark {
                    value: k as f64 * step,
                    step_size: step,
                })
                .collect()
        })
}

fn series<'a>(
    name: &str,
    projection: &Projection,
    value: impl Fn(&crate::model::projection::ProjectedMonth) -> f64,
) -> Line<'a> {
    let points: PlotPoints = projection
        .months
        .iter()
        .enumerate()
        .map(|(t, m)| [t as f64, value(m)])
        .collect();
    Line::new(name, points)
}

fn band_area(name: &str, months: &[f64], band: &[Band3]) -> FilledArea {
    let n = months.len().min(band.len());
    let low: Vec<f64> = band[..n].iter().map(|b| b.p10).collect();
    let high: Vec<f64> = band[..n].iter().map(|b| b.p90).collect();
    FilledArea::new(name, &months[..n], &low, &high)
        .fill_color(Color32::from_rgba_unmultiplied(90, 150, 230, 70))
}

/// Vertical lines where fixed-term contracts end and where the service first goes over
/// capacity, each labelled at the top of the chart (not in the legend, which they would crowd).
fn markers(plot_ui: &mut egui_plot::PlotUi<'_>, plan: &Plan, projection: &Projection, top: f64) {
    let at = |month: YearMonth| f64::from(plan.timeline.offset(month));
    // Labels sit at heights from the data, not from the plot's bounds: text placed at the
    // bounds' edge would widen the bounds the next frame, and again the frame after.
    let step = top * 0.08;
    let lower = top - step;
    // Contract ends are labelled to the right of their line, going over capacity to the left,
    // so the two never overlap when they fall in the same month.
    let mark = |plot_ui: &mut egui_plot::PlotUi<'_>,
                x: f64,
                y: f64,
                colour: Color32,
                label: String,
                ends: bool| {
        let line = VLine::new("", x).color(colour).width(1.5);
        plot_ui.vline(if ends {
            line.style(LineStyle::dashed_dense())
        } else {
            line
        });
        let anchor = if ends {
            egui::Align2::LEFT_TOP
        } else {
            egui::Align2::RIGHT_TOP
        };
        plot_ui.text(
            Text::new(
                "",
                PlotPoint::new(x, y),
                RichText::new(label).small().color(colour),
            )
            .anchor(anchor),
        );
    };
    for (k, end) in projection.contract_ends.iter().enumerate() {
        let posts = if end.posts == 1 { "post" } else { "posts" };
        // Successive ends are stepped down, so labels a few months apart do not overlap.
        let y = top - step * (k % 3) as f64;
        mark(
            plot_ui,
            at(end.month),
            y,
            theme::contract_colour(crate::model::ContractKind::FixedTerm),
            format!(" {} fixed-term {posts} end", end.posts),
            true,
        );
    }
    if let Some(month) = projection.first_over_capacity {
        mark(
            plot_ui,
            at(month),
            lower,
            theme::ALERT,
            "over capacity ".to_owned(),
            false,
        );
    }
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
                let posts = if e.posts == 1 { "post" } else { "posts" };
                format!("{} ({} {posts})", month_label(e.month), e.posts)
            })
            .collect();
        if !ends.is_empty() {
            ui.label(format!("Fixed-term contracts end: {}", ends.join(", ")));
            ui.separator();
        }
        let total: f64 = projection.months.iter().map(|m| m.cost).sum();
        ui.label(format!(
            "Cost over {} months: {} (expected)",
            projection.months.len(),
            text::money(total)
        ));
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: capacity {} cases, demand {} cases, {} all cases per practitioner FTE",
            month_label(first.month),
            text::whole_cases(first.capacity_cases),
            text::whole_cases(first.demand_cases),
            text::one_decimal(first.caseload)
        ));
        ui.separator();
        ui.label(format!(
            "{}: capacity {} cases, demand {} cases, {} all cases per practitioner FTE",
            month_label(last.month),
            text::whole_cases(last.capacity_cases),
            text::whole_cases(last.demand_cases),
            text::one_decimal(last.caseload)
        ));
    });
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
                a.turnover.permanent =
                    percent_input(ui, "Permanent turnover", a.turnover.permanent);
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
        });
    ui.label("Demand by team (cases held and waiting now, changed over the months):");
    egui::Grid::new("demand-grid")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for team in &plan.teams {
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
    if ui
        .button("Reset to the national defaults")
        .on_hover_text(
            "Turnover, recruitment and agency cover from England's 2025 figures; demand unchanged",
        )
        .clicked()
    {
        a = Assumptions {
            demand: a.demand.clone(),
            ..Assumptions::default()
        };
    }
    if &a != current {
        edits.push(Command::SetAssumptions(a));
    }
}
