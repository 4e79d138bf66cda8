//! The Benchmarks view's table: a row per measure, the plan beside the published figures.

use super::PlanValues;
use crate::model::benchmark::{Area, Benchmark, Measure, Release, Standing, benchmark, standing};
use crate::model::figures::Better;
use crate::text;
use egui::{Color32, RichText, Ui};

/// The widest a column is before its text wraps: six fit beside the side panels at 1280x720.
const COLUMN_WIDTH: f32 = 112.0;

pub(super) fn benchmark_table_ui(
    ui: &mut Ui,
    release: &Release,
    council: &Area,
    scenario: &str,
    values: &PlanValues,
) {
    let year = release.latest_year();
    let region = release
        .region_of(council)
        .map_or_else(|| "Region".to_owned(), |r| r.name.clone());
    // Narrow columns whose text wraps; on a very small window the table scrolls sideways.
    egui::ScrollArea::horizontal()
        .id_salt("benchmark-table-scroll")
        .show(ui, |ui| {
            egui::Grid::new("benchmark-table")
                .striped(true)
                // One more column than is drawn: egui gives the last column only the width
                // left in the window, so on a narrow one "England" (scrolled out of sight)
                // would wrap a letter a line and make the heading row tall.
                .num_columns(7)
                .max_col_width(COLUMN_WIDTH)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for heading in [
                        String::new(),
                        format!("This plan ({scenario})"),
                        format!("{} {year}", council.name),
                        "Neighbours' median (range)".to_owned(),
                        region,
                        "England".to_owned(),
                    ] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for &(measure, plan_value) in values {
                        let b = benchmark(release, council, measure, year);
                        row_ui(ui, release, &b, plan_value);
                    }
                });
        });
    ui.weak(format!(
        "Published figures at 30 September {year}. Under each value: its rank among the councils \
         published that year, 1 the lowest (the plan is ranked as one more council). Hover a \
         figure for its definition."
    ));
}

fn row_ui(ui: &mut Ui, release: &Release, b: &Benchmark, plan_value: Option<f64>) {
    let measure = b.measure;
    let value = |v: Option<f64>| text::figure_value(measure.unit(), v);
    ui.label(measure.label())
        .on_hover_text(measure.definition());
    // A value with where it ranks among councils under it, so the table fits a laptop.
    ui.vertical(|ui| {
        ui.label(RichText::new(value(plan_value)).strong());
        let plan_standing = plan_value.and_then(|v| standing(release, measure, b.year, v));
        standing_ui(ui, measure, plan_standing);
    });
    ui.vertical(|ui| {
        ui.label(value(b.council));
        standing_ui(ui, measure, b.council_standing);
    });
    ui.label(match b.neighbours {
        Some(s) => format!(
            "{} ({} to {})",
            value(Some(s.median)),
            value(Some(s.min)),
            value(Some(s.max))
        ),
        None => text::NO_VALUE.to_owned(),
    });
    ui.label(value(b.region));
    ui.label(value(b.england));
    ui.end_row();
}

/// "rank 98 of 153, third quarter", red in the worst quarter and green in the best where
/// lower is better.
fn standing_ui(ui: &mut Ui, measure: Measure, standing: Option<Standing>) {
    let Some(s) = standing else {
        return;
    };
    let colour = match (measure.better(), s.quartile) {
        (Better::Lower, 4) | (Better::Higher, 1) => Some(super::super::theme::ALERT),
        (Better::Lower, 1) | (Better::Higher, 4) => Some(super::super::theme::band_colour(Some(
            crate::model::Band::Green,
        ))),
        _ => None::<Color32>,
    };
    let label = RichText::new(s.to_string()).small();
    ui.label(match colour {
        Some(c) => label.color(c),
        None => label,
    });
}
