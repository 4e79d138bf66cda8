//! The overview: the headline figures a service manager reads first, the alerts, and the three
//! live charts.

use super::charts::{capacity_chart_ui, caseload_chart_ui, mix_chart_ui};
use super::state::{ChartMeasure, UiState};
use super::theme;
use super::widgets::{figure_card, flag_text};
use crate::model::{Assessment, Plan};
use crate::text;
use egui::{RichText, Ui};

pub fn overview_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, state: &mut UiState) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading(&plan.name);
            headline_ui(ui, plan, assessment);
            alerts_ui(ui, plan, assessment);
            ui.add_space(6.0);

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
            caseload_chart_ui(ui, plan, assessment, state.chart_measure);
            ui.add_space(6.0);
            ui.columns(2, |columns| {
                columns[0].label(RichText::new("Team capacity and demand").strong());
                capacity_chart_ui(&mut columns[0], plan, assessment);
                columns[1].label(RichText::new("Staffing mix per team (FTE)").strong());
                mix_chart_ui(&mut columns[1], plan, assessment);
            });
        });
}

fn headline_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let s = &assessment.service;
    let target = plan.settings.caseload_target;
    let over = |breached: bool| breached.then_some(theme::ALERT);
    ui.horizontal_wrapped(|ui| {
        figure_card(
            ui,
            "Caseload per case-holding FTE",
            &text::one_decimal(s.caseload_per_case_holder_fte),
            &format!("target {target} · DfE definition"),
            over(s.caseload_per_case_holder_fte.is_some_and(|c| c > target)),
        );
        figure_card(
            ui,
            "Average over all available FTE",
            &text::one_decimal(s.caseload_per_available_fte),
            "every case-holding grade",
            None,
        );
        figure_card(
            ui,
            "Utilisation",
            &text::percent(s.utilisation),
            &format!(
                "{:.0} of {:.0} points",
                s.sums.demand_points, s.sums.capacity_points
            ),
            Some(theme::band_colour(s.band)),
        );
        figure_card(
            ui,
            "Unallocated cases",
            &s.sums.unallocated.to_string(),
            &format!("{} must be allocated", s.sums.must_allocate_unallocated),
            over(s.sums.must_allocate_unallocated > 0),
        );
        figure_card(
            ui,
            "Capacity",
            &format!("{} cases", text::whole_cases(s.capacity_cases)),
            &text::headroom(s.headroom_cases),
            over(s.headroom_cases < 0.0),
        );
        figure_card(
            ui,
            "Agency rate",
            &text::percent(s.mix.agency_rate),
            &format!(
                "target at most {}",
                text::percent(Some(plan.settings.max_agency_share))
            ),
            over(
                s.mix
                    .agency_rate
                    .is_some_and(|r| r > plan.settings.max_agency_share),
            ),
        );
        figure_card(
            ui,
            "Vacancy rate",
            &text::percent(s.mix.vacancy_rate),
            &format!(
                "{} vacant posts, {} FTE absent",
                s.sums.vacant_posts,
                text::fte(s.sums.absent_fte)
            ),
            None,
        );
    });
}

fn alerts_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let mut lines = Vec::new();
    for flag in &assessment.service.flags {
        lines.push((flag.is_red(), format!("Whole service: {flag}")));
    }
    for (team, a) in plan.teams.iter().zip(&assessment.teams) {
        for flag in &a.totals.flags {
            lines.push((flag.is_red(), format!("{}: {flag}", team.name)));
        }
    }
    if lines.is_empty() {
        ui.label(
            RichText::new("No targets breached.")
                .color(theme::band_colour(Some(crate::model::Band::Green))),
        );
        return;
    }
    lines.sort_by_key(|(red, _)| !red);
    let red = lines.iter().filter(|(r, _)| *r).count();
    let heading = format!("Alerts: {red} red, {} warnings", lines.len() - red);
    egui::CollapsingHeader::new(heading)
        .id_salt("alerts")
        .default_open(true)
        .show(ui, |ui| {
            // A few lines tall, so the charts stay in view; scroll for the rest.
            egui::ScrollArea::vertical()
                .id_salt("alerts-list")
                .max_height(110.0)
                .show(ui, |ui| {
                    for (is_red, line) in lines {
                        ui.label(flag_text(line, is_red));
                    }
                });
        });
}
