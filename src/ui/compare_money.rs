//! Compare, the money case: each scenario's spend over the plan (staff cost, investments and
//! retention payments, discounted at the plan's rate), its difference from the baseline and
//! when it breaks even against it; what a retention measure buys; and spend to date month by
//! month, one line a scenario.

use super::charts::base_plot;
use super::charts::frame::{LegendEntry, Swatch, legend_ui};
use super::compare_benchmarks::ProjectionCache;
use crate::app::Document;
use crate::model::ScenarioId;
use crate::model::money::{break_even, measure_effect, total_spend};
use crate::model::projection::Projection;
use crate::text;
use egui::Ui;
use egui_plot::{Line, PlotPoints};

/// The lines' colours, scenario by scenario (the baseline first).
const LINE_COLOURS: [egui::Color32; 5] = [
    egui::Color32::from_rgb(90, 150, 230),
    egui::Color32::from_rgb(230, 150, 60),
    egui::Color32::from_rgb(110, 190, 110),
    egui::Color32::from_rgb(200, 110, 200),
    egui::Color32::from_rgb(200, 200, 90),
];

pub(super) fn compare_money_ui(
    ui: &mut Ui,
    doc: &Document,
    columns: &[ScenarioId],
    cache: &mut ProjectionCache,
) {
    let set = doc.scenarios();
    let plan = set.baseline();
    let projections: Vec<(String, Projection)> = columns
        .iter()
        .filter_map(|&id| Some((set.get(id)?.name.clone(), cache.of(doc, id)?.clone())))
        .collect();
    let Some((_, baseline)) = projections.first() else {
        return;
    };
    ui.add_space(8.0);
    let months = text::count(u64::from(plan.timeline.months), "month", "months");
    let discount = plan.costs.discount_rate;
    ui.strong(format!("Money over the plan's {months}"));
    ui.weak(if discount > 0.0 {
        format!(
            "Spend: staff cost, case costs, investments and retention payments, discounted at {} a year \
             (Weights, grades & costs).",
            text::percent(Some(discount))
        )
    } else {
        "Spend: staff cost, case costs, investments and retention payments (not discounted: set a discount \
         rate under Weights, grades & costs)."
            .to_owned()
    });
    let base_total = total_spend(baseline).unwrap_or(0.0);
    egui::Grid::new("compare-money")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for heading in [
                "Scenario",
                "Invested",
                "Spend over the plan",
                "Spend against the baseline",
                "Breaks even with the baseline",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for (k, (name, projection)) in projections.iter().enumerate() {
                ui.label(text::printable(&text::shortened(name)));
                let invested: f64 = projection.months.iter().map(|m| m.investment_spend).sum();
                ui.label(text::money(invested));
                let total = total_spend(projection).unwrap_or(0.0);
                ui.label(text::money(total));
                if k == 0 {
                    ui.label("");
                    ui.label("");
                } else {
                    ui.label(text::signed(total - base_total, text::money));
                    ui.label(text::break_even(break_even(projection, baseline)));
                }
                ui.end_row();
            }
        });
    for &id in columns {
        measure_ui(ui, doc, id, cache);
    }
    spend_chart_ui(ui, &projections);
}

/// What scenario `id`'s retention measure buys, when it has one.
fn measure_ui(ui: &mut Ui, doc: &Document, id: ScenarioId, cache: &mut ProjectionCache) {
    let Some(without) = cache.without_measure(doc, id).cloned() else {
        return;
    };
    let Some(with) = cache.of(doc, id) else {
        return;
    };
    let Some(scenario) = doc.scenarios().get(id) else {
        return;
    };
    let effect = measure_effect(with, &without, scenario.plan.costs.cost_per_hire);
    ui.label(format!(
        "{}'s retention measure over the plan: {} FTE fewer leavers for {} of payments ({} per \
         leaver avoided); agency spend {} lower, recruitment {} lower.",
        text::printable(&text::shortened(&scenario.name)),
        text::fte(effect.leavers_avoided),
        text::money(effect.payments),
        effect
            .cost_per_leaver_avoided
            .map_or_else(|| text::NO_VALUE.to_owned(), text::money),
        text::money(effect.agency_spend_avoided),
        text::money(effect.recruitment_spend_avoided),
    ));
}

/// Spend to date, month by month, one line a scenario.
fn spend_chart_ui(ui: &mut Ui, projections: &[(String, Projection)]) {
    const TITLE: &str = "Spend to date, by scenario";
    ui.strong(TITLE);
    let legend: Vec<LegendEntry> = projections
        .iter()
        .zip(LINE_COLOURS.iter().cycle())
        .map(|((name, _), &colour)| LegendEntry::new(name.clone(), colour, Swatch::Line))
        .collect();
    let start = projections
        .first()
        .and_then(|(_, p)| p.months.first())
        .map(|m| m.month);
    let months = projections.first().map_or(0, |(_, p)| p.months.len());
    // A label every 6 months on a plan of up to two years, else every 12.
    let step = if months <= 24 { 6.0 } else { 12.0 };
    let marks: Vec<egui_plot::GridMark> = (0..months)
        .step_by(step as usize)
        .map(|t| egui_plot::GridMark {
            value: t as f64,
            step_size: step,
        })
        .collect();
    super::png_export::chart_block(ui, TITLE, |ui| {
        legend_ui(ui, &legend);
        let plot = base_plot("compare-spend", 180.0)
            .y_axis_label("£ to date")
            .y_axis_min_width(72.0)
            .y_axis_formatter(|mark, _| text::money(mark.value))
            .x_axis_formatter(move |mark, _| super::charts::month_mark_label(start, mark.value))
            .x_grid_spacer(move |_| marks.clone());
        plot.show(ui, |plot_ui| {
            for ((name, projection), &colour) in projections.iter().zip(LINE_COLOURS.iter().cycle())
            {
                let points: PlotPoints = projection
                    .months
                    .iter()
                    .enumerate()
                    .map(|(t, m)| [t as f64, m.cumulative_spend])
                    .collect();
                plot_ui.line(Line::new(name.clone(), points).color(colour).width(2.0));
            }
        })
        .response
    });
}
