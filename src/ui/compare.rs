//! The Compare view: the baseline beside up to three options, with each option's difference
//! from the baseline, a grouped chart of the same figures, and what each option changes.

use super::charts::frame::{LegendEntry, Swatch, Tip, describe, legend_ui, no_text, tip_ui};
use super::state::UiState;
use super::theme;
use crate::app::Document;
use crate::model::changes::{Change, changes_naming};
use crate::model::compare::{COMPARED, agency_alternative, difference};
use crate::model::figures::{Better, Figure, figure};
use crate::model::{ScenarioId, Totals};
use crate::text;
use egui::{Color32, RichText, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, LineStyle, Plot, VLine};

/// Most options shown beside the baseline.
pub const MAX_COMPARED_OPTIONS: usize = 3;

/// Colours of the scenarios' bars, in column order.
const SCENARIO_COLOURS: [Color32; 4] = [
    Color32::from_rgb(120, 120, 150),
    Color32::from_rgb(50, 110, 190),
    Color32::from_rgb(20, 160, 170),
    Color32::from_rgb(200, 90, 160),
];

/// The options compared: those chosen, or (until the user chooses) the first three.
/// In the order of the scenario bar; a deleted option drops out by itself.
pub(super) fn compared(doc: &Document, state: &UiState) -> Vec<ScenarioId> {
    let options = doc.scenarios().options().iter().map(|s| s.id);
    match &state.compare {
        Some(chosen) => options
            .filter(|id| chosen.contains(id))
            .take(MAX_COMPARED_OPTIONS)
            .collect(),
        None => options.take(MAX_COMPARED_OPTIONS).collect(),
    }
}

/// A scenario's value of `figure` in a comparison table and, for an option (`baseline` given),
/// its difference from the baseline's, coloured by whether it is better or worse.
pub(super) fn figure_cells_ui(
    ui: &mut Ui,
    figure: &Figure,
    value: Option<f64>,
    baseline: Option<Option<f64>>,
) {
    ui.label(text::figure_value(figure.unit, value));
    let Some(base) = baseline else {
        return;
    };
    match difference(value, base) {
        Some(delta) => ui.label(
            RichText::new(text::figure_difference(figure.unit, delta))
                .color(difference_colour(figure, delta)),
        ),
        None => ui.label(text::NO_VALUE),
    };
}

fn difference_colour(figure: &Figure, delta: f64) -> Color32 {
    let good = match figure.better {
        Better::Higher => delta > 0.0,
        Better::Lower => delta < 0.0,
        Better::Neither => return Color32::GRAY,
    };
    if delta.abs() < 1e-9 {
        Color32::GRAY
    } else if good {
        theme::band_colour(Some(crate::model::Band::Green))
    } else {
        theme::ALERT
    }
}

pub fn compare_ui(
    ui: &mut Ui,
    doc: &Document,
    names: &crate::model::anonymise::WorkerNames,
    state: &mut UiState,
    published: Option<&crate::app::LoadedRelease>,
) {
    let set = doc.scenarios();
    let options = compared(doc, state);
    // Both ways: with several options on a narrow window the table scrolls sideways.
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Compare the baseline with:").strong());
            if set.len() == 1 {
                ui.weak("no options yet: make one with + New option above.");
            }
            for option in set.options() {
                let i = option.id;
                let mut on = options.contains(&i);
                let full = options.len() >= MAX_COMPARED_OPTIONS && !on;
                let response = ui.add_enabled_ui(!full, |ui| ui.checkbox(&mut on, &option.name));
                if response.inner.changed() {
                    let mut next = options.clone();
                    if on {
                        next.push(i);
                    } else {
                        next.retain(|&k| k != i);
                    }
                    state.compare = Some(next);
                }
            }
            ui.weak(format!("(up to {MAX_COMPARED_OPTIONS} options)"));
        });

        let columns: Vec<ScenarioId> = std::iter::once(ScenarioId::BASELINE)
            .chain(options.iter().copied())
            .collect();
        let headlines: Vec<&Totals> = columns
            .iter()
            .filter_map(|&i| Some(&doc.assessment_of(i)?.service))
            .collect();
        figures_table_ui(ui, doc, &columns, &headlines);
        agency_alternatives_ui(ui, doc, &options);
        super::compare_ahead::compare_ahead_ui(
            ui,
            doc,
            &columns,
            &mut state.compare_months_ahead,
            &mut state.compare_projections,
        );
        super::compare_money::compare_money_ui(ui, doc, &columns, &mut state.compare_projections);
        super::compare_benchmarks::compare_benchmarks_ui(
            ui,
            doc,
            &columns,
            published,
            &mut state.compare_projections,
        );
        ui.add_space(8.0);
        ui.strong("Each scenario against the baseline (baseline = 100)");
        super::png_export::chart_block(ui, GROUPED_CHART, |ui| {
            grouped_chart_ui(ui, doc, &columns, &headlines)
        });
        ui.add_space(8.0);
        for &i in &options {
            let Some(option) = set.get(i) else { continue };
            let list = changes_naming(set.baseline(), &option.plan, names);
            egui::CollapsingHeader::new(format!(
                "Changes in {} against the baseline ({})",
                option.name,
                list.len()
            ))
            .id_salt(("changes", i))
            .default_open(true)
            .show(ui, |ui| changes_list_ui(ui, &list));
        }
        ui.weak(crate::model::costs::ILLUSTRATIVE_NOTE);
    });
}

/// The figures table of the baseline and `options` with the differences, for a slide (the
/// table says it all and fits a projector's screen; the chart would not fit beside it).
pub(super) fn comparison_for_slide(ui: &mut Ui, doc: &Document, options: &[ScenarioId]) {
    let columns: Vec<ScenarioId> = std::iter::once(ScenarioId::BASELINE)
        .chain(options.iter().copied())
        .collect();
    let headlines: Vec<&Totals> = columns
        .iter()
        .filter_map(|&i| Some(&doc.assessment_of(i)?.service))
        .collect();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| figures_table_ui(ui, doc, &columns, &headlines));
}

fn figures_table_ui(ui: &mut Ui, doc: &Document, columns: &[ScenarioId], headlines: &[&Totals]) {
    let set = doc.scenarios();
    egui::Grid::new("compare-figures")
        .striped(true)
        .num_columns(1 + 2 * columns.len())
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong("");
            for (k, &i) in columns.iter().enumerate() {
                let name = set.get(i).map_or("", |s| s.name.as_str());
                ui.strong(name);
                if k > 0 {
                    ui.strong("vs baseline");
                }
            }
            ui.end_row();
            for id in COMPARED {
                let figure = figure(id);
                ui.label(figure.label).on_hover_text(figure.definition);
                let base = headlines.first().and_then(|h| figure.of(h));
                for (k, h) in headlines.iter().enumerate() {
                    let value = figure.of(h);
                    figure_cells_ui(ui, figure, value, (k > 0).then_some(base));
                }
                ui.end_row();
            }
        });
}

/// For each option that adds staff: what those posts cost, and what agency cover would cost.
fn agency_alternatives_ui(ui: &mut Ui, doc: &Document, options: &[ScenarioId]) {
    let set = doc.scenarios();
    let (Some(base_assessment), base) = (doc.assessment_of(ScenarioId::BASELINE), set.baseline())
    else {
        return;
    };
    for &i in options {
        let (Some(option), Some(assessment)) = (set.get(i), doc.assessment_of(i)) else {
            continue;
        };
        let Some(alt) = agency_alternative(base, base_assessment, &option.plan, assessment) else {
            continue;
        };
        let per_case = |v: Option<f64>| v.map_or_else(|| text::NO_VALUE.to_owned(), text::money);
        ui.label(format!(
            "{}: the {} added ({} FTE) cost {} a year, {} per case of the {} of capacity added. Covering the same posts with agency staff would cost {} a year, {} per case.",
            option.name,
            text::count(alt.added_posts as u64, "post", "posts"),
            text::fte(alt.added_fte),
            text::money(alt.own_cost),
            per_case(alt.own_per_case()),
            text::cases(alt.capacity_added),
            text::money(alt.agency_cost),
            per_case(alt.agency_per_case()),
        ));
    }
}

/// Each compared figure as a row of bars, one per scenario, against the baseline at 100.
/// Horizontal, so every figure's full name fits beside its row.
/// The chart; returns its plot's response.
fn grouped_chart_ui(
    ui: &mut Ui,
    doc: &Document,
    columns: &[ScenarioId],
    headlines: &[&Totals],
) -> egui::Response {
    let set = doc.scenarios();
    let names: Vec<String> = columns
        .iter()
        .map(|&i| set.get(i).map_or_else(String::new, |s| s.name.clone()))
        .collect();
    let rows = COMPARED.len();
    // The first figure at the top.
    let row_at = |m: usize| (rows - 1 - m) as f64;
    let width = 0.8 / columns.len().max(1) as f64;
    let mut tips = Vec::with_capacity(rows);
    for (m, &id) in COMPARED.iter().enumerate() {
        let figure = figure(id);
        let base = headlines.first().and_then(|h| figure.of(h));
        let lines: Vec<String> = names
            .iter()
            .zip(headlines)
            .map(|(name, h)| {
                let value = figure.of(h);
                let index = match (value, base) {
                    (Some(v), Some(b)) if b.abs() > 1e-9 => {
                        format!(" ({})", text::grouped(v / b * 100.0, 0))
                    }
                    _ => String::new(),
                };
                format!("{name}: {}{index}", text::figure_value(figure.unit, value))
            })
            .collect();
        tips.push(Tip::around(
            row_at(m),
            1.0,
            format!("{}\n{}", figure.label, lines.join("\n")),
        ));
    }
    let charts: Vec<BarChart> = names
        .iter()
        .zip(headlines)
        .enumerate()
        .map(|(k, (name, h))| {
            let colour = SCENARIO_COLOURS[k % SCENARIO_COLOURS.len()];
            let bars: Vec<Bar> = COMPARED
                .iter()
                .enumerate()
                .filter_map(|(m, &id)| {
                    let figure = figure(id);
                    let base = figure.of(headlines.first()?)?;
                    let value = figure.of(h)?;
                    (base.abs() > 1e-9).then(|| {
                        let y = row_at(m) + 0.4 - width * (k as f64 + 0.5);
                        Bar::new(y, value / base * 100.0)
                            .width(width * 0.9)
                            .fill(colour)
                    })
                })
                .collect();
            BarChart::new(name.clone(), bars)
                .horizontal()
                .color(colour)
                .element_formatter(no_text())
        })
        .collect();
    let mut legend: Vec<LegendEntry> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            LegendEntry::new(
                name.clone(),
                SCENARIO_COLOURS[k % SCENARIO_COLOURS.len()],
                Swatch::Fill,
            )
        })
        .collect();
    legend.push(LegendEntry::new(
        "Baseline = 100",
        Color32::GRAY,
        Swatch::Dashed,
    ));
    legend_ui(ui, &legend);

    let labels: Vec<String> = COMPARED
        .iter()
        .map(|&id| figure(id).label.to_owned())
        .collect();
    let lookup = labels.clone();
    let marks: Vec<GridMark> = (0..rows)
        .map(|m| GridMark {
            value: row_at(m),
            step_size: 1.0,
        })
        .collect();
    let figure_axis = AxisHints::new_y()
        .label_spacing(0.0..=1.0)
        .formatter(move |mark, _| {
            let m = rows as f64 - 1.0 - mark.value;
            lookup
                .get(m.round().max(0.0) as usize)
                .filter(|_| (m - m.round()).abs() < 1e-6)
                .cloned()
                .unwrap_or_default()
        });
    let tallest = charts_tallest(headlines);
    // As wide as the view shows, even when the table above is wider and scrolls sideways.
    let visible = ui.clip_rect().right() - ui.cursor().left();
    let plot = Plot::new("compare-chart")
        .width(ui.available_width().min(visible).max(240.0))
        .height(26.0 * rows as f32 + 40.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_x(tallest * 1.05)
        .include_y(-0.5)
        .include_y(rows as f64 - 0.5)
        .set_margin_fraction(egui::vec2(0.02, 0.0))
        .show_grid([true, false])
        .custom_y_axes(vec![figure_axis])
        .y_grid_spacer(move |_| marks.clone())
        .x_axis_formatter(|mark, _| text::axis_number(mark.value, mark.step_size))
        .x_axis_label("baseline = 100");
    let response = plot.show(ui, |plot_ui| {
        plot_ui.vline(
            VLine::new("Baseline = 100", 100.0)
                .color(Color32::GRAY)
                .style(LineStyle::dashed_loose()),
        );
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
    tip_ui(&response, &tips, true);
    describe(ui, &response, GROUPED_CHART, &labels);
    response.response
}

const GROUPED_CHART: &str = "Each scenario against the baseline";

/// The longest bar of the chart (baseline = 100), to fit the chart to it.
fn charts_tallest(headlines: &[&Totals]) -> f64 {
    let Some(base) = headlines.first() else {
        return 100.0;
    };
    COMPARED
        .iter()
        .filter_map(|&id| {
            let figure = figure(id);
            let b = figure.of(base)?;
            (b.abs() > 1e-9).then_some(b).map(|b| {
                headlines
                    .iter()
                    .filter_map(|h| figure.of(h))
                    .map(|v| v / b * 100.0)
                    .fold(100.0, f64::max)
            })
        })
        .fold(100.0, f64::max)
}

fn changes_list_ui(ui: &mut Ui, list: &[Change]) {
    if list.is_empty() {
        ui.weak("No changes: this option is the same as the baseline.");
        return;
    }
    egui::Grid::new(ui.next_auto_id())
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for change in list {
                ui.label(RichText::new(change.kind.label()).strong());
                ui.label(&change.text);
                ui.end_row();
            }
        });
}
