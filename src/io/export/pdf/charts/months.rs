//! The Projection's three charts for the report: capacity against demand in cases, all cases
//! per practitioner FTE against the target, and the staff cost per month; each with its
//! 10th–90th percentile band when the bands were worked out, months labelled every 3, 6 or 12
//! as the width allows, and labelled markers where fixed-term contracts end and where the
//! service first goes over capacity.

use super::super::canvas::{Align, Colour, Page, line_height};
use super::super::fonts::Typesetter;
use super::frame::{Area, Frame, LABEL, LegendEntry, Plot, Swatch};
use super::palette;
use crate::model::figures::{FigureId, figure};
use crate::model::projection::{Band3, Bands, ProjectedMonth, Projection};
use crate::model::{ContractKind, Plan};
use crate::text::{self, month_label};

/// The lines' highest point sits this far below the top, leaving a band for marker labels.
const HEADROOM: f64 = 1.3;

/// Which of the three charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthChart {
    CapacityAndDemand,
    Caseload,
    Cost,
}

impl MonthChart {
    pub const ALL: [MonthChart; 3] = [
        MonthChart::CapacityAndDemand,
        MonthChart::Caseload,
        MonthChart::Cost,
    ];

    /// The chart's title, as the Projection names it.
    pub fn title(self) -> &'static str {
        match self {
            MonthChart::CapacityAndDemand => "Capacity and demand, in cases",
            MonthChart::Caseload => figure(FigureId::AllCasesPerPractitionerFte).label,
            MonthChart::Cost => "Staff cost per month",
        }
    }
}

/// A line of the chart: its name, colour, whether dashed, and its value month by month.
struct Series {
    name: String,
    colour: Colour,
    dashed: bool,
    values: Vec<Option<f64>>,
}

fn series(
    name: &str,
    colour: Colour,
    projection: &Projection,
    value: impl Fn(&ProjectedMonth) -> Option<f64>,
) -> Series {
    Series {
        name: name.to_owned(),
        colour,
        dashed: false,
        values: projection.months.iter().map(value).collect(),
    }
}

/// Draws `chart` of `projection` in `area`, with `bands` when given.
pub fn month_chart(
    page: &mut Page,
    fonts: &Typesetter,
    area: Area,
    chart: MonthChart,
    plan: &Plan,
    projection: &Projection,
    bands: Option<&Bands>,
) {
    let target = plan.settings.caseload_target;
    let months = projection.months.len();
    let (lines, band, band_name, y_title, money) = match chart {
        MonthChart::CapacityAndDemand => (
            vec![
                series("Capacity (expected)", palette::CAPACITY, projection, |m| {
                    Some(m.capacity_cases)
                }),
                series("Demand", palette::DEMAND, projection, |m| {
                    Some(m.demand_cases)
                }),
            ],
            bands.map(|b| &b.capacity_cases),
            "Capacity, 10th–90th percentile",
            "cases",
            false,
        ),
        MonthChart::Caseload => (
            vec![
                series(
                    "Cases per FTE (expected)",
                    palette::ALERT,
                    projection,
                    |m| m.caseload,
                ),
                Series {
                    name: format!("Target ({})", text::decimal(target)),
                    colour: palette::WARNING,
                    dashed: true,
                    values: vec![Some(target); months],
                },
            ],
            bands.map(|b| &b.caseload),
            "Cases per FTE, 10th–90th percentile",
            "cases per FTE",
            false,
        ),
        MonthChart::Cost => (
            vec![series(
                "Cost (expected)",
                palette::contract(ContractKind::Permanent),
                projection,
                |m| Some(m.cost),
            )],
            bands.map(|b| &b.cost),
            "Cost, 10th–90th percentile",
            "£ a month",
            true,
        ),
    };
    let markers = Markers::of(plan, projection);
    let mut legend: Vec<LegendEntry> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let swatch = if line.dashed {
            Swatch::Dashed
        } else {
            Swatch::Line
        };
        legend.push(LegendEntry::new(line.name.clone(), line.colour, swatch));
        if k == 0 && band.is_some() {
            legend.push(LegendEntry::new(band_name, palette::BAND, Swatch::Band));
        }
    }
    legend.extend(markers.legend());
    let highest = lines
        .iter()
        .flat_map(|l| l.values.iter().flatten())
        .chain(band.iter().flat_map(|b| b.iter().map(|x| &x.p90)))
        .fold(1.0_f64, |a, &b| a.max(b));
    let last = months.saturating_sub(1) as f64;
    let frame = Frame {
        legend: &legend,
        y_title,
        y_top: highest * HEADROOM,
        money,
        x_min: -0.5,
        x_max: last + 0.5,
    };
    let plot = frame.draw(page, fonts, area, line_height(LABEL.size) + 6.0);
    if let Some(band) = band {
        draw_band(page, &plot, band);
    }
    for line in &lines {
        draw_series(page, &plot, line);
    }
    markers.draw(page, fonts, &plot);
    month_labels(page, fonts, &plot, projection);
}

fn draw_band(page: &mut Page, plot: &Plot, band: &[Band3]) {
    if band.len() < 2 {
        return;
    }
    let upper = band
        .iter()
        .enumerate()
        .map(|(t, b)| (plot.px(t as f64), plot.py(b.p90)));
    let lower = band
        .iter()
        .enumerate()
        .rev()
        .map(|(t, b)| (plot.px(t as f64), plot.py(b.p10)));
    page.shape(
        upper.chain(lower).collect(),
        palette::BAND,
        palette::BAND_OPACITY,
    );
}

/// A line through the months with a value; a month without one breaks it.
fn draw_series(page: &mut Page, plot: &Plot, series: &Series) {
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut runs = Vec::new();
    for (t, value) in series.values.iter().enumerate() {
        match value {
            Some(v) if v.is_finite() => run.push((plot.px(t as f64), plot.py(*v))),
            _ => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        // A single month still shows: a short level stroke.
        let run = if run.len() == 1 {
            vec![(run[0].0 - 2.0, run[0].1), (run[0].0 + 2.0, run[0].1)]
        } else {
            run
        };
        if series.dashed {
            page.dashed(run, 1.4, series.colour);
        } else {
            page.line(run, 1.8, series.colour);
        }
    }
}

/// Month labels under the plot: every 3, 6, 12 or 24 months, as many as fit.
fn month_labels(page: &mut Page, fonts: &Typesetter, plot: &Plot, projection: &Projection) {
    let Some(start) = projection.months.first().map(|m| m.month) else {
        return;
    };
    let label_width = fonts.width("Sep 2026", LABEL.size) + 12.0;
    let step = [3usize, 6, 12, 24]
        .into_iter()
        .find(|&s| s as f32 * plot.unit() >= label_width)
        .unwrap_or(24);
    for t in (0..projection.months.len()).step_by(step) {
        let Some(month) = start.plus_months(t as i32) else {
            continue;
        };
        let x = plot.px(t as f64);
        page.line(
            vec![(x, plot.bottom()), (x, plot.bottom() + 3.0)],
            0.5,
            Colour::MUTED,
        );
        page.text(
            fonts,
            &month_label(month),
            x,
            plot.bottom() + 3.0,
            LABEL,
            Align::Centre,
        );
    }
}

/// The vertical markers of every month chart: where fixed-term contracts end (dashed) and
/// where the service first goes over capacity.
struct Markers {
    /// Month offset, label, colour, dashed; in order of month.
    lines: Vec<(f64, String, Colour, bool)>,
}

impl Markers {
    fn of(plan: &Plan, projection: &Projection) -> Self {
        let at = |month| f64::from(plan.timeline.offset(month));
        let ends = palette::contract(ContractKind::FixedTerm);
        let mut lines: Vec<(f64, String, Colour, bool)> = projection
            .contract_ends
            .iter()
            .map(|end| {
                let label = if end.posts == 1 {
                    "1 fixed-term post ends".to_owned()
                } else {
                    format!(
                        "{} fixed-term posts end",
                        text::thousands(u64::from(end.posts))
                    )
                };
                (at(end.month), label, ends, true)
            })
            .collect();
        if let Some(month) = projection.first_over_capacity {
            lines.push((at(month), "over capacity".to_owned(), palette::ALERT, false));
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        Markers { lines }
    }

    fn legend(&self) -> Vec<LegendEntry> {
        let mut entries = Vec::new();
        if self.lines.iter().any(|l| l.3) {
            let colour = palette::contract(ContractKind::FixedTerm);
            entries.push(LegendEntry::new(
                "Fixed-term contracts end",
                colour,
                Swatch::Dashed,
            ));
        }
        if self.lines.iter().any(|l| !l.3) {
            entries.push(LegendEntry::new(
                "First over capacity",
                palette::ALERT,
                Swatch::Line,
            ));
        }
        entries
    }

    /// Each marker's line, and its label in the band above the data: successive labels are
    /// stepped down so they do not overlap, each on the side of its line with room for it
    /// (contract ends prefer the right, going over capacity the left).
    fn draw(&self, page: &mut Page, fonts: &Typesetter, plot: &Plot) {
        let row = line_height(LABEL.size);
        let shown = || {
            self.lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.0 >= plot.x_min && l.0 <= plot.x_max)
        };
        // Every line first, then the labels on white over them, so no line runs through
        // another marker's words.
        for (_, (x, _, colour, dashed)) in shown() {
            let px = plot.px(*x);
            let line = vec![(px, plot.top), (px, plot.bottom())];
            if *dashed {
                page.dashed(line, 1.2, *colour);
            } else {
                page.line(line, 1.2, *colour);
            }
        }
        for (k, (x, label, colour, dashed)) in shown() {
            let px = plot.px(*x);
            let width = fonts.width(label, LABEL.size);
            let right_fits = px + 3.0 + width <= plot.left + plot.width;
            let left_fits = px - 3.0 - width >= plot.left;
            let on_right = if *dashed {
                right_fits || !left_fits
            } else {
                !left_fits
            };
            let (left, at, align) = if on_right {
                (px + 3.0, px + 3.0, Align::Left)
            } else {
                (px - 3.0 - width, px - 3.0, Align::Right)
            };
            let top = plot.top + 2.0 + (k % 3) as f32 * row;
            page.rect(left - 1.0, top, width + 2.0, row, Colour::WHITE);
            page.text(fonts, label, at, top, LABEL.colour(*colour), align);
        }
    }
}
