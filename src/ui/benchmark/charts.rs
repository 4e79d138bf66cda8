//! The Benchmarks view's charts: one per measure, year by year, for the council, its
//! neighbours' median, its region and England, with the plan's figure as a diamond on the
//! latest year.

use super::PlanValues;
use crate::model::benchmark::{Area, Release, Series, series};
use crate::model::figures::Unit;
use crate::text;
use crate::ui::charts::frame::{LegendEntry, Swatch, describe, legend_ui};
use egui::{Color32, Ui};
use egui_plot::{GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

const COUNCIL: Color32 = Color32::from_rgb(50, 110, 190);
const NEIGHBOURS: Color32 = Color32::from_rgb(20, 160, 170);
const REGION: Color32 = Color32::from_rgb(200, 130, 0);
const ENGLAND: Color32 = Color32::from_rgb(120, 120, 150);
const PLAN: Color32 = Color32::from_rgb(210, 50, 45);

const CHART_HEIGHT: f32 = 170.0;
/// Room a year's label ("2025") needs on the axis, with a gap.
const YEAR_LABEL_WIDTH: f32 = 44.0;
/// Below this width each chart takes the whole row.
const TWO_COLUMNS_FROM: f32 = 600.0;

/// The charts, two a row when `width` allows.
pub(super) fn series_charts_ui(
    ui: &mut Ui,
    release: &Release,
    council: &Area,
    values: &PlanValues,
    width: f32,
) {
    let region = release
        .region_of(council)
        .map_or_else(|| "Region".to_owned(), |r| r.name.clone());
    legend_ui(
        ui,
        &[
            LegendEntry::new(&council.name, COUNCIL, Swatch::Line),
            LegendEntry::new("Neighbours' median", NEIGHBOURS, Swatch::Dashed),
            LegendEntry::new(&region, REGION, Swatch::Line),
            LegendEntry::new("England", ENGLAND, Swatch::Line),
            LegendEntry::new("This plan", PLAN, Swatch::Diamond),
        ],
    );
    let columns = if width >= TWO_COLUMNS_FROM { 2 } else { 1 };
    let gap = ui.spacing().item_spacing.x;
    let width = (width - gap * (columns as f32 - 1.0)) / columns as f32;
    for row in values.chunks(columns) {
        ui.horizontal(|ui| {
            for &(measure, plan_value) in row {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    let s = series(release, council, measure);
                    crate::ui::png_export::chart_block(ui, measure.label(), |ui| {
                        chart_ui(ui, &s, &region, plan_value, release.latest_year())
                    });
                });
            }
        });
        ui.add_space(6.0);
    }
}

/// One measure's chart; returns its plot's response.
fn chart_ui(
    ui: &mut Ui,
    s: &Series,
    region: &str,
    plan: Option<f64>,
    latest: u16,
) -> egui::Response {
    let measure = s.measure;
    ui.strong(measure.label());
    // Rates as percentages on the axis; caseloads as they are.
    let scale = match measure.unit() {
        Unit::Percent => 100.0,
        _ => 1.0,
    };
    let line = |name: &str, points: &[(u16, Option<f64>)], colour: Color32| {
        // A year without a published value breaks the line rather than joining across it.
        let points: PlotPoints = points
            .iter()
            .map(|&(year, v)| [f64::from(year), v.map_or(f64::NAN, |v| v * scale)])
            .collect();
        Line::new(name.to_owned(), points).color(colour).width(2.0)
    };
    let id = format!("benchmark-{measure:?}");
    let first = s.council.first().map_or(latest, |&(year, _)| year);
    let years = f32::from(latest.saturating_sub(first) + 1);
    let label_every = if ui.available_width() / years >= YEAR_LABEL_WIDTH {
        1.0
    } else {
        2.0
    };
    let plot = Plot::new(id)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .y_axis_min_width(40.0)
        .y_axis_formatter(move |mark, _| {
            if scale > 1.0 {
                format!("{}%", text::axis_number(mark.value, mark.step_size))
            } else {
                text::axis_number(mark.value, mark.step_size)
            }
        })
        .x_axis_formatter(move |mark: GridMark, _| {
            let year = mark.value.round();
            let on_a_year = (mark.value - year).abs() < 1e-6;
            let labelled = (year - f64::from(first)).rem_euclid(label_every) < 0.5;
            if on_a_year && labelled {
                format!("{year:.0}")
            } else {
                String::new()
            }
        })
        // A grid line every year, labelled every year or every other as the width allows.
        // (egui_plot shows a mark's label when its step is wide enough on screen: the labelled
        // years carry the labels' step.)
        .x_grid_spacer(move |_| {
            (first..=latest)
                .map(|year| {
                    let labelled = f64::from(year - first).rem_euclid(label_every) < 0.5;
                    GridMark {
                        value: f64::from(year),
                        step_size: if labelled { label_every } else { 1.0 },
                    }
                })
                .collect()
        });
    let response = plot.show(ui, |plot_ui| {
        plot_ui.line(line(
            &format!("{} (England)", measure.label()),
            &s.england,
            ENGLAND,
        ));
        plot_ui.line(line(region, &s.region, REGION));
        plot_ui.line(
            line("Neighbours' median", &s.neighbours_median, NEIGHBOURS)
                .style(LineStyle::dashed_loose()),
        );
        plot_ui.line(line("Council", &s.council, COUNCIL).width(2.5));
        if let Some(value) = plan {
            plot_ui.points(
                Points::new("This plan", vec![[f64::from(latest), value * scale]])
                    .shape(MarkerShape::Diamond)
                    .radius(6.0)
                    .color(PLAN),
            );
        }
    });
    let latest_value = |points: &[(u16, Option<f64>)]| {
        text::figure_value(measure.unit(), points.last().and_then(|&(_, v)| v))
    };
    describe(
        ui,
        &response,
        measure.label(),
        &[
            format!("council {}", latest_value(&s.council)),
            format!("neighbours' median {}", latest_value(&s.neighbours_median)),
            format!("England {}", latest_value(&s.england)),
        ],
    );
    response.response
}
