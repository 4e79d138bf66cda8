//! The overview: the headline figures a service manager reads first, the alerts, and the three
//! live charts.

use super::charts::{
    ShownTeams, capacity_chart_ui, caseload_chart_ui, mix_chart_ui, shown_teams_note_ui,
};
use super::state::{ChartMeasure, UiState};
use super::theme;
use super::widgets::{OpensAtTop, figure_card, flag_text};
use crate::model::figures::{FigureId, figure};
use crate::model::{Assessment, Plan};
use crate::text;
use egui::{RichText, Ui};

pub fn overview_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &crate::model::anonymise::WorkerNames,
    state: &mut UiState,
) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading(&plan.name);
            headline_ui(ui, plan, assessment);
            reductions_line_ui(ui, assessment);
            alerts_ui(ui, plan, assessment, state);
            egui::CollapsingHeader::new("Staff needed by team")
                .id_salt("staff-needed-by-team")
                .show(ui, |ui| {
                    super::staff_needed::staff_needed_table_ui(ui, plan, assessment)
                });
            ui.add_space(6.0);

            let teams = ShownTeams::choose(plan, assessment, state.selection);
            shown_teams_note_ui(ui, plan, assessment, &teams);
            ui.horizontal(|ui| {
                ui.label(RichText::new("Caseload per worker").strong());
                ui.selectable_value(
                    &mut state.chart_measure,
                    ChartMeasure::Cases,
                    "Cases per FTE",
                );
                ui.selectable_value(
                    &mut state.chart_measure,
                    ChartMeasure::Points,
                    "Weighted points",
                );
            });
            caseload_chart_ui(ui, plan, assessment, names, state.chart_measure, &teams);
            ui.add_space(6.0);
            ui.columns(2, |columns| {
                columns[0].label(RichText::new("Team capacity and demand").strong());
                capacity_chart_ui(&mut columns[0], plan, assessment, &teams);
                columns[1].label(RichText::new("Staffing mix per team (FTE)").strong());
                mix_chart_ui(&mut columns[1], plan, assessment, &teams);
            });
        });
}

/// How much capacity reductions keep back service-wide, when they keep back any.
fn reductions_line_ui(ui: &mut Ui, assessment: &Assessment) {
    let sums = &assessment.service.sums;
    if sums.reduced_points <= 1e-9 {
        return;
    }
    let figure = crate::model::figures::figure(crate::model::figures::FigureId::CapacityReduced);
    let before = sums.capacity_points + sums.reduced_points;
    ui.label(format!(
        "{}: {} points, {} of the {} points the available workers would carry without them \
         (protected time, phased returns and other reductions).",
        figure.label,
        crate::text::one_decimal(Some(sums.reduced_points)),
        crate::text::percent(crate::model::assess::ratio(sums.reduced_points, before)),
        crate::text::one_decimal(Some(before)),
    ))
    .on_hover_text(figure.definition);
}

/// The headline cards: figures of the catalogue for the whole service, each with a line of
/// context and coloured when it breaks a target.
pub(super) fn headline_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let s = &assessment.service;
    let settings = &plan.settings;
    let value = |id| figure(id).of(s);
    let text_of = |id| text::figure_value(figure(id).unit, value(id));
    let above = |id, limit: f64| value(id).is_some_and(|v| v > limit).then_some(theme::ALERT);
    let card = |ui: &mut Ui, id, context: String, colour| {
        figure_card(ui, figure(id), value(id), &context, colour)
    };
    ui.horizontal_wrapped(|ui| {
        card(
            ui,
            FigureId::Caseload,
            format!(
                "target {} · DfE definition",
                text::decimal(settings.caseload_target)
            ),
            above(FigureId::Caseload, settings.caseload_target),
        );
        card(
            ui,
            FigureId::CasesPerPractitionerFte,
            "with or without cases yet".to_owned(),
            None,
        );
        card(
            ui,
            FigureId::Utilisation,
            format!(
                "{} of {} points",
                text_of(FigureId::DemandPoints),
                text_of(FigureId::CapacityPoints)
            ),
            Some(theme::band_colour(s.band)),
        );
        card(
            ui,
            FigureId::Unallocated,
            format!(
                "{} must be allocated",
                text_of(FigureId::MustAllocateWaiting)
            ),
            above(FigureId::MustAllocateWaiting, 0.0),
        );
        card(
            ui,
            FigureId::CapacityCases,
            text::headroom(s.headroom_cases),
            value(FigureId::HeadroomCases)
                .is_some_and(|h| h < 0.0)
                .then_some(theme::ALERT),
        );
        card(
            ui,
            FigureId::AgencyRate,
            format!(
                "target at most {}",
                text::percent(Some(settings.max_agency_share))
            ),
            above(FigureId::AgencyRate, settings.max_agency_share),
        );
        card(
            ui,
            FigureId::VacancyRate,
            format!(
                "{} vacant {}, {} FTE absent",
                text_of(FigureId::VacantPosts),
                if value(FigureId::VacantPosts) == Some(1.0) {
                    "post"
                } else {
                    "posts"
                },
                text_of(FigureId::AbsentFte)
            ),
            None,
        );
        card(
            ui,
            FigureId::FteShortOfTarget,
            format!(
                "{} needed, {} available",
                text_of(FigureId::FteNeededForTarget),
                text_of(FigureId::PractitionerFte)
            ),
            above(FigureId::FteShortOfTarget, 0.0),
        );
    });
}

/// One alert: a breached target of a team or of the whole service.
struct Alert<'a> {
    red: bool,
    /// The team's name; `None` for the whole service.
    team: Option<&'a str>,
    flag: &'a crate::model::Flag,
}

impl Alert<'_> {
    /// "Team: what", as the list shows it. Written only for lines on screen: a plan of
    /// thousands of teams has thousands of alerts.
    fn line(&self) -> String {
        format!("{}: {}", self.team.unwrap_or("Whole service"), self.flag)
    }
}

/// Every alert, red ones first, each group in plan order.
fn alerts<'a>(plan: &'a Plan, assessment: &'a Assessment) -> Vec<Alert<'a>> {
    let service = assessment.service.flags.iter().map(|flag| Alert {
        red: flag.is_red(),
        team: None,
        flag,
    });
    let teams = plan
        .teams
        .iter()
        .zip(&assessment.teams)
        .flat_map(|(team, a)| {
            a.totals.flags.iter().map(|flag| Alert {
                red: flag.is_red(),
                team: Some(team.name.as_str()),
                flag,
            })
        });
    let mut all: Vec<Alert<'a>> = service.chain(teams).collect();
    all.sort_by_key(|alert| !alert.red);
    all
}

/// The first `shown` alerts, red ones first, and how many more there are (a slide).
pub(super) fn alerts_list_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, shown: usize) {
    let lines = alerts(plan, assessment);
    if lines.is_empty() {
        ui.label(
            RichText::new("No targets breached.")
                .color(theme::band_colour(Some(crate::model::Band::Green))),
        );
        return;
    }
    for alert in lines.iter().take(shown) {
        ui.label(flag_text(alert.line(), alert.red));
    }
    if lines.len() > shown {
        ui.weak(format!(
            "and {} more",
            text::thousands((lines.len() - shown) as u64)
        ));
    }
}

fn alerts_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, state: &mut UiState) {
    let lines = alerts(plan, assessment);
    if lines.is_empty() {
        ui.label(
            RichText::new("No targets breached.")
                .color(theme::band_colour(Some(crate::model::Band::Green))),
        );
        return;
    }
    let red = lines.iter().filter(|alert| alert.red).count();
    let heading = format!(
        "Alerts: {} red, {}",
        text::thousands(red as u64),
        text::count((lines.len() - red) as u64, "warning", "warnings")
    );
    egui::CollapsingHeader::new(heading)
        .id_salt("alerts")
        .default_open(true)
        .show(ui, |ui| {
            // A few lines tall, so the charts stay in view; scroll for the rest.
            egui::ScrollArea::vertical()
                .id_salt("alerts-list")
                .max_height(110.0)
                .opening_at_top("alerts", &mut state.shown_from_top)
                .show(ui, |ui| {
                    // Lines out of sight take one line's height unlaid: a plan of thousands of
                    // teams can have thousands of alerts.
                    let height = ui.text_style_height(&egui::TextStyle::Body);
                    for alert in &lines {
                        let size = egui::vec2(ui.available_width(), height);
                        if ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, size)) {
                            ui.label(flag_text(alert.line(), alert.red));
                        } else {
                            ui.allocate_space(egui::vec2(1.0, height));
                        }
                    }
                });
        });
}
