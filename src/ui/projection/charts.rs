//! The Projection's three month-by-month charts: capacity against demand, caseload against
//! the target, cost. Each has its legend above it, months on the x axis with room for the
//! first and last labels, the value axis with thousands separated (pounds for cost), a tooltip
//! for the month under the pointer, and labelled markers where fixed-term contracts end and
//! where the service first goes over capacity, each label on the side of its line with room.

use super::super::state::BandsAsk;
use crate::app::BandsState;
use crate::model::ContractKind;
use crate::model::figures::{FigureId, figure};
use crate::model::projection::{Band3, ProjectedMonth, Projection};
use crate::text::{self, month_label};
use crate::ui::busy::busy_ui;
use crate::ui::charts::base_plot;
use crate::ui::charts::frame::{LegendEntry, Swatch, Tip, describe, legend_ui, tip_ui};
use crate::ui::theme;
use egui::{Align2, Color32, RichText, Ui};
use egui_plot::{
    FilledArea, GridMark, HLine, Line, LineStyle, PlotPoint, PlotPoints, PlotUi, Text, VLine,
};

/// The value axis's width on these charts: room for `£1,000,000`, the same on all three so
/// their months line up.
const Y_AXIS_WIDTH: f32 = 72.0;

/// Room beside the plot area taken by the value axis and its title, as assumed when placing
/// labels. Generous, so a label judged to fit does fit.
const Y_AXIS_ROOM: f32 = 100.0;

/// Room kept at either end of the months for half a month's label ("Apr 2026").
const END_ROOM: f32 = 34.0;

/// The lines' highest point sits this far below the top, leaving a band for marker labels.
const HEADROOM: f64 = 1.3;

const BAND_FILL: Color32 = Color32::from_rgba_unmultiplied_const(90, 150, 230, 70);

pub(super) fn projection_charts_ui(
    ui: &mut Ui,
    plan: &crate::model::Plan,
    projection: &Projection,
    bands_state: BandsState<'_>,
    // Where a Stop or "Work out the bands" click goes; `None` on a slide, which offers neither.
    mut bands_asked: Option<&mut Option<BandsAsk>>,
) {
    let bands = match bands_state {
        BandsState::Ready(bands) => Some(bands),
        BandsState::WorkingOut(_)
        | BandsState::NotStarted
        | BandsState::Failed
        | BandsState::Stopped => None,
    };
    let months: Vec<f64> = (0..projection.months.len()).map(|t| t as f64).collect();
    let highest = |f: &dyn Fn(&ProjectedMonth) -> f64, band: Option<&Vec<Band3>>| {
        let line = projection.months.iter().map(f).fold(0.0, f64::max);
        let spread = band.map_or(0.0, |b| b.iter().map(|x| x.p90).fold(0.0, f64::max));
        line.max(spread).max(1.0) * HEADROOM
    };
    let target = plan.settings.caseload_target;
    let cases_top = highest(
        &|m| m.capacity_cases.max(m.demand_cases),
        bands.map(|b| &b.capacity_cases),
    );
    let caseload_top = highest(
        &|m| m.caseload.unwrap_or(0.0).max(target),
        bands.map(|b| &b.caseload),
    );
    let cost_top = highest(&|m| m.cost, bands.map(|b| &b.cost));
    let markers = Markers::of(plan, projection);
    let band_entry = |name: &str| bands.map(|_| LegendEntry::new(name, BAND_FILL, Swatch::Fill));

    let heading = ui.strong("Capacity and demand, in cases");
    // Beside the heading, without moving anything: the charts stay put when it goes.
    let beside = egui::Rect::from_min_size(
        heading.rect.right_top() + egui::vec2(16.0, 0.0),
        egui::vec2(460.0, heading.rect.height()),
    );
    match bands_state {
        BandsState::WorkingOut(done) => {
            let mut note = ui.new_child(egui::UiBuilder::new().max_rect(beside));
            note.horizontal(|ui| {
                busy_ui(
                    ui,
                    &format!("Working out the range of outcomes… {:.0}%", done * 100.0),
                );
                if let Some(asked) = bands_asked.as_deref_mut()
                    && ui
                        .small_button("Stop")
                        .on_hover_text(
                            "Stop working out the bands (the lines stay); they are worked out \
                             again when the plan shown changes",
                        )
                        .clicked()
                {
                    *asked = Some(BandsAsk::Stop);
                }
            });
        }
        BandsState::Stopped => {
            if let Some(asked) = bands_asked {
                let mut note = ui.new_child(egui::UiBuilder::new().max_rect(beside));
                note.horizontal(|ui| {
                    ui.weak("Bands stopped.");
                    if ui.small_button("Work out the bands").clicked() {
                        *asked = Some(BandsAsk::WorkOut);
                    }
                });
            }
        }
        _ => {}
    }
    let capacity_legend = [
        Some(LegendEntry::new(
            "Capacity (expected)",
            theme::CAPACITY,
            Swatch::Line,
        )),
        band_entry("Capacity, 10th–90th percentile"),
        Some(LegendEntry::new("Demand", theme::DEMAND, Swatch::Line)),
    ];
    let spec = MonthChart {
        id: "projection-capacity",
        title: "Capacity and demand, in cases",
        height: 220.0,
        y_label: "cases",
        top: cases_top,
        money: false,
    };
    spec.show(ui, projection, &markers, &capacity_legend, |plot_ui| {
        if let Some(b) = bands {
            plot_ui.add(band_area(
                "Capacity, 10th-90th percentile",
                &months,
                &b.capacity_cases,
            ));
        }
        plot_ui.line(
            series("Capacity (expected)", projection, |m| m.capacity_cases)
                .color(theme::CAPACITY)
                .width(2.0),
        );
        plot_ui.line(
            series("Demand", projection, |m| m.demand_cases)
                .color(theme::DEMAND)
                .width(2.0),
        );
    });

    let caseload = figure(FigureId::AllCasesPerPractitionerFte);
    ui.strong(caseload.label).on_hover_text(format!(
        "{} Higher than the DfE caseload on the Overview, which counts only cases already \
         held, over the workers holding them.",
        caseload.definition
    ));
    let caseload_legend = [
        Some(LegendEntry::new(
            "Cases per FTE (expected)",
            theme::ALERT,
            Swatch::Line,
        )),
        band_entry("Cases per FTE, 10th–90th percentile"),
        Some(LegendEntry::new(
            format!("Target ({})", text::decimal(target)),
            theme::WARNING,
            Swatch::Dashed,
        )),
    ];
    let spec = MonthChart {
        id: "projection-caseload",
        title: caseload.label,
        height: 180.0,
        y_label: "cases per FTE",
        top: caseload_top,
        money: false,
    };
    spec.show(ui, projection, &markers, &caseload_legend, |plot_ui| {
        if let Some(b) = bands {
            plot_ui.add(band_area(
                "Cases per FTE, 10th-90th percentile",
                &months,
                &b.caseload,
            ));
        }
        plot_ui.line(
            series("Cases per FTE (expected)", projection, |m| {
                m.caseload.unwrap_or(f64::NAN)
            })
            .color(theme::ALERT)
            .width(2.0),
        );
        plot_ui.hline(
            HLine::new("Target", target)
                .color(theme::WARNING)
                .style(LineStyle::dashed_loose()),
        );
    });

    ui.strong("Staff cost per month");
    let cost_colour = theme::contract_colour(ContractKind::Permanent);
    let cost_legend = [
        Some(LegendEntry::new(
            "Cost (expected)",
            cost_colour,
            Swatch::Line,
        )),
        band_entry("Cost, 10th–90th percentile"),
    ];
    let spec = MonthChart {
        id: "projection-cost",
        title: "Staff cost per month",
        height: 150.0,
        y_label: "£ a month",
        top: cost_top,
        money: true,
    };
    spec.show(ui, projection, &markers, &cost_legend, |plot_ui| {
        if let Some(b) = bands {
            plot_ui.add(band_area("Cost, 10th-90th percentile", &months, &b.cost));
        }
        plot_ui.line(
            series("Cost (expected)", projection, |m| m.cost)
                .color(cost_colour)
                .width(2.0),
        );
    });
    match bands_state {
        BandsState::Ready(b) => ui.weak(format!(
            "Bands: 10th to 90th percentile of {} random runs of turnover, recruitment and, where demand flows move, new cases (seeded, so the same plan always gives the same bands). Lines: the expected path.",
            text::thousands(u64::from(b.runs))
        )),
        BandsState::WorkingOut(_) => {
            ui.weak("Bands: being worked out; the lines are the expected path.")
        }
        BandsState::NotStarted => ui.weak("Bands appear when you stop editing."),
        BandsState::Failed => ui.weak(
            "The bands could not be worked out; they are tried again after the next change.",
        ),
        BandsState::Stopped => ui.weak(
            "Bands: stopped; the lines are the expected path. They are worked out again when \
             the plan shown changes.",
        ),
    };
}

/// One month-by-month chart.
struct MonthChart<'a> {
    id: &'a str,
    /// The chart's name, for screen readers.
    title: &'a str,
    height: f32,
    y_label: &'a str,
    /// The top of the value axis: above the data, with room for the markers' labels.
    top: f64,
    /// Values in pounds.
    money: bool,
}

impl MonthChart<'_> {
    /// The chart, with its context menu to save it as a picture.
    fn show(
        self,
        ui: &mut Ui,
        projection: &Projection,
        markers: &Markers,
        legend: &[Option<LegendEntry>],
        build: impl FnOnce(&mut PlotUi<'_>),
    ) {
        let title = self.title;
        crate::ui::png_export::chart_block(ui, title, |ui| {
            self.draw(ui, projection, markers, legend, build)
        });
    }

    /// Draws the chart; returns its plot's response.
    fn draw(
        self,
        ui: &mut Ui,
        projection: &Projection,
        markers: &Markers,
        legend: &[Option<LegendEntry>],
        build: impl FnOnce(&mut PlotUi<'_>),
    ) -> egui::Response {
        let mut legend: Vec<LegendEntry> =
            legend.iter().flatten().map(LegendEntry::clone).collect();
        legend.extend(markers.legend());
        legend_ui(ui, &legend);

        let start = projection.months.first().map(|m| m.month);
        let last = projection.months.len().saturating_sub(1) as f64;
        let plot_width = (ui.available_width() - Y_AXIS_ROOM).max(60.0);
        let per_month = plot_width / (last as f32 + 1.0);
        // The first and last months' labels are centred on them: keep half a label's room.
        let pad = f64::from((END_ROOM / per_month).max(0.5));
        let per_month = f64::from(plot_width) / (last + 2.0 * pad);
        // A label every 3, 6 or 12 months, as the width allows, only on months projected.
        let step = [3.0, 6.0, 12.0, 24.0]
            .into_iter()
            .find(|s| s * per_month >= 90.0)
            .unwrap_or(24.0);
        let marks: Vec<GridMark> = (0..)
            .map(|k| f64::from(k) * step)
            .take_while(|&t| t <= last)
            .map(|value| GridMark {
                value,
                step_size: step,
            })
            .collect();
        let labels = markers.placed(ui, self.top, pad, last, per_month);
        let money = self.money;
        let plot = base_plot(self.id, self.height)
            .include_y(self.top)
            .include_x(-pad)
            .include_x(last + pad)
            .set_margin_fraction(egui::vec2(0.0, 0.05))
            .y_axis_label(self.y_label)
            .y_axis_min_width(Y_AXIS_WIDTH)
            .y_axis_formatter(move |mark, _| {
                if money {
                    text::money(mark.value)
                } else {
                    text::axis_number(mark.value, mark.step_size)
                }
            })
            .x_axis_formatter(move |mark: GridMark, _range| {
                crate::ui::charts::month_mark_label(start, mark.value)
            })
            .x_grid_spacer(move |_| marks.clone());
        let response = plot.show(ui, |plot_ui| {
            build(plot_ui);
            for label in labels {
                label.draw(plot_ui);
            }
        });
        let tips: Vec<Tip> = projection
            .months
            .iter()
            .enumerate()
            .map(|(t, m)| Tip::around(t as f64, 1.0, month_tip(m)))
            .collect();
        tip_ui(&response, &tips, false);
        let first_and_last: Vec<String> = [projection.months.first(), projection.months.last()]
            .into_iter()
            .flatten()
            .map(|m| month_label(m.month))
            .collect();
        describe(ui, &response, self.title, &first_and_last);
        response.response
    }
}

/// What a month's tooltip says.
fn month_tip(m: &ProjectedMonth) -> String {
    format!(
        "{}\ncapacity {}, demand {}\n{} all cases per practitioner FTE\ncost {}",
        month_label(m.month),
        text::cases(m.capacity_cases),
        text::cases(m.demand_cases),
        text::one_decimal(m.caseload),
        text::money(m.cost)
    )
}

fn series<'a>(
    name: &str,
    projection: &Projection,
    value: impl Fn(&ProjectedMonth) -> f64,
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
    FilledArea::new(name, &months[..n], &low, &high).fill_color(BAND_FILL)
}

/// The vertical markers of every chart: where fixed-term contracts end (dashed) and where the
/// service first goes over capacity, each with its label.
struct Markers {
    /// Month offset, label, colour, dashed; in order of month.
    lines: Vec<(f64, String, Color32, bool)>,
}

impl Markers {
    fn of(plan: &crate::model::Plan, projection: &Projection) -> Self {
        let at = |month| f64::from(plan.timeline.offset(month));
        let ends = theme::contract_colour(ContractKind::FixedTerm);
        let mut lines: Vec<(f64, String, Color32, bool)> = projection
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
            lines.push((at(month), "over capacity".to_owned(), theme::ALERT, false));
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        Self { lines }
    }

    fn legend(&self) -> Vec<LegendEntry> {
        let mut entries = Vec::new();
        if self.lines.iter().any(|l| l.3) {
            let colour = theme::contract_colour(ContractKind::FixedTerm);
            entries.push(LegendEntry::new(
                "Fixed-term contracts end",
                colour,
                Swatch::Dashed,
            ));
        }
        if self.lines.iter().any(|l| !l.3) {
            entries.push(LegendEntry::new(
                "First over capacity",
                theme::ALERT,
                Swatch::Line,
            ));
        }
        entries
    }

    /// Each marker's label placed in the band above the data: successive markers are stepped
    /// down, so labels a few months apart do not overlap, and each label goes on the side of its
    /// line that has room for it (contract ends prefer the right, going over capacity the left),
    /// so none is cut off at the chart's edge. `per_month`: points per month on screen.
    fn placed(&self, ui: &Ui, top: f64, pad: f64, last: f64, per_month: f64) -> Vec<MarkerLabel> {
        let font = egui::TextStyle::Small.resolve(ui.style());
        let step = top * 0.08;
        self.lines
            .iter()
            .enumerate()
            .map(|(k, (x, label, colour, dashed))| {
                let width = f64::from(
                    ui.painter()
                        .layout_no_wrap(format!(" {label} "), font.clone(), *colour)
                        .size()
                        .x,
                );
                let room_left = (x + pad) * per_month;
                let room_right = (last + pad - x) * per_month;
                let to_right = label_goes_right(room_left, room_right, width, *dashed);
                MarkerLabel {
                    x: *x,
                    y: top - step * (k % 3) as f64,
                    text: if to_right {
                        format!(" {label}")
                    } else {
                        format!("{label} ")
                    },
                    colour: *colour,
                    dashed: *dashed,
                    anchor: if to_right {
                        Align2::LEFT_TOP
                    } else {
                        Align2::RIGHT_TOP
                    },
                }
            })
            .collect()
    }
}

/// Whether a marker's label goes to the right of its line: on the side it prefers (contract
/// ends the right, going over capacity the left, so the two stay apart in the same month)
/// when the label fits there, else on the side with more room. Rooms and width in points.
fn label_goes_right(room_left: f64, room_right: f64, width: f64, prefers_right: bool) -> bool {
    let fits = if prefers_right { room_right } else { room_left } >= width;
    if fits {
        prefers_right
    } else {
        room_right > room_left
    }
}

/// A marker's line and its label, placed.
struct MarkerLabel {
    x: f64,
    y: f64,
    text: String,
    colour: Color32,
    dashed: bool,
    anchor: Align2,
}

impl MarkerLabel {
    fn draw(self, plot_ui: &mut PlotUi<'_>) {
        let line = VLine::new("", self.x).color(self.colour).width(1.5);
        plot_ui.vline(if self.dashed {
            line.style(LineStyle::dashed_dense())
        } else {
            line
        });
        plot_ui.text(
            Text::new(
                "",
                PlotPoint::new(self.x, self.y),
                RichText::new(self.text).small().color(self.colour),
            )
            .anchor(self.anchor),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::label_goes_right;

    #[test]
    fn a_marker_label_goes_where_it_fits() {
        // "over capacity" (80 points wide) prefers the left of its line.
        assert!(!label_goes_right(300.0, 300.0, 80.0, false));
        // Over capacity from the first month: no room on the left, so it goes right
        // (it used to be cut to "apacity").
        assert!(label_goes_right(20.0, 600.0, 80.0, false));
        // Contracts ending in the last months: no room on the right, so it goes left.
        assert!(!label_goes_right(600.0, 40.0, 150.0, true));
        assert!(label_goes_right(600.0, 160.0, 150.0, true));
        // Room on neither side: the side with more.
        assert!(!label_goes_right(60.0, 50.0, 150.0, true));
    }
}
