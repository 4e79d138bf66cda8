//! Compare, months ahead: each scenario's projected figures in a chosen month of the plan
//! (the expected path), beside the baseline's, with the difference coloured as the figures
//! table colours it. Where the options differ in time (contracts ending, levers on demand
//! taking effect) rather than today.

use super::compare::figure_cells_ui;
use super::compare_benchmarks::ProjectionCache;
use super::widgets::number_field;
use crate::app::Document;
use crate::model::ScenarioId;
use crate::model::figures::FIGURES;
use crate::text::month_label;
use egui::Ui;

/// The month Compare looks ahead to unless the user chooses: two years on, or the plan's last
/// month when it is shorter.
pub const DEFAULT_MONTHS_AHEAD: u32 = 24;

pub(super) fn compare_ahead_ui(
    ui: &mut Ui,
    doc: &Document,
    columns: &[ScenarioId],
    chosen: &mut Option<u32>,
    cache: &mut ProjectionCache,
) {
    let set = doc.scenarios();
    let timeline = set.baseline().timeline;
    let last = timeline.months.saturating_sub(1);
    let mut months_ahead = chosen.unwrap_or(DEFAULT_MONTHS_AHEAD).min(last);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.strong("Projected, in");
        if number_field(
            ui,
            "Months ahead",
            &mut months_ahead,
            0..=last,
            0.2,
            "months",
        ) {
            *chosen = Some(months_ahead.min(last));
        }
        let month = timeline
            .month(months_ahead)
            .map(month_label)
            .unwrap_or_default();
        ui.strong(format!("({month}), expected"));
    });
    let t = months_ahead as usize;
    let months: Vec<Option<crate::model::projection::ProjectedMonth>> = columns
        .iter()
        .map(|&id| cache.of(doc, id).and_then(|p| p.months.get(t).cloned()))
        .collect();
    egui::Grid::new("compare-ahead")
        .striped(true)
        .num_columns(1 + 2 * columns.len())
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong("");
            for (k, &i) in columns.iter().enumerate() {
                ui.strong(set.get(i).map_or("", |s| s.name.as_str()));
                if k > 0 {
                    ui.strong("vs baseline, projected");
                }
            }
            ui.end_row();
            for figure in FIGURES.iter().filter(|f| f.is_month_figure()) {
                ui.label(figure.label).on_hover_text(figure.definition);
                let value_of = |m: &Option<_>| m.as_ref().and_then(|m| figure.of_month(m));
                let base = months.first().and_then(value_of);
                for (k, month) in months.iter().enumerate() {
                    let value = value_of(month);
                    figure_cells_ui(ui, figure, value, (k > 0).then_some(base));
                }
                ui.end_row();
            }
        });
}
