//! The overview's three charts (egui_plot). Each is drawn from the assessment of this frame,
//! so it reflects an edit made earlier in the same frame. Every chart has its own stable id.
//! Legends, column labels, tooltips and the value axis come from [`frame`].

pub(crate) mod frame;
mod shown_teams;

pub use shown_teams::{ShownTeams, shown_teams_note_ui};

use super::state::ChartMeasure;
use super::theme;
use crate::model::{AgencyCover, Assessment, Band, ContractKind, Plan, Post};
use crate::text;
use egui::Ui;
use egui_plot::{
    Bar, BarChart, BoxElem, BoxPlot, BoxSpread, HLine, MarkerShape, Plot, PlotUi, Points,
};
use frame::{Column, LegendEntry, Swatch, Tip};

/// Room above the tallest bar, as a multiple of its height: a little air, since the legend
/// sits above the chart rather than over it.
const HEADROOM: f64 = 1.08;

/// Above this many workers the caseload chart shows each team's spread instead of one bar per
/// worker: a thousand bars are unreadable.
pub const MAX_WORKER_BARS: usize = 80;

/// Where a presentation's slide says how tall its chart may be (see [`fill_height`]).
const FILL_HEIGHT: &str = "chart-fill-height";

/// A chart's height: `base`, or the height a presentation's slide gives it to fill.
fn height(ui: &Ui, base: f32) -> f32 {
    let fill = ui.data(|d| d.get_temp::<f32>(egui::Id::unique(FILL_HEIGHT)));
    fill.map_or(base, |h| h.max(base))
}

/// Draws `charts` with each chart as tall as `height` (a slide filling the screen), then
/// back to the charts' own heights.
pub(crate) fn fill_height<R>(ui: &mut Ui, height: f32, charts: impl FnOnce(&mut Ui) -> R) -> R {
    let id = egui::Id::unique(FILL_HEIGHT);
    ui.data_mut(|d| d.insert_temp(id, height));
    let shown = charts(ui);
    ui.data_mut(|d| d.remove::<f32>(id));
    shown
}

/// The label of a month axis's mark at `value` months after `start`: the month on whole
/// months from the start, nothing between them or without a start.
pub(crate) fn month_mark_label(start: Option<crate::model::YearMonth>, value: f64) -> String {
    let t = value.round();
    match start {
        Some(start) if (value - t).abs() < 1e-6 && t >= 0.0 => start
            .plus_months(t as i32)
            .map(text::month_label)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

pub(super) fn base_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .include_y(0.0)
}

/// A chart of one column per team (or per measure): the legend above, the plot with its
/// columns labelled, the key under it when they are numbered, and the tooltip for the column
/// under the pointer.
pub(crate) struct CategoryChart<'a> {
    /// The chart's name, for screen readers.
    pub title: &'a str,
    pub legend: Vec<LegendEntry>,
    pub columns: Vec<Column>,
    pub tips: Vec<Tip>,
}

impl CategoryChart<'_> {
    pub fn show<'p>(self, ui: &mut Ui, plot: Plot<'p>, build: impl FnOnce(&mut PlotUi<'p>) + 'p) {
        crate::ui::png_export::chart_block(ui, self.title, |ui| {
            frame::legend_ui(ui, &self.legend);
            let (plot, labels) = frame::category_axis(ui, frame::number_axis(plot), &self.columns);
            let response = plot.show(ui, build);
            frame::tip_ui(&response, &self.tips, false);
            frame::describe(ui, &response, self.title, &labels.shown());
            frame::key_ui(ui, &labels, &self.columns);
            response.response
        });
    }
}

fn band_legend() -> Vec<LegendEntry> {
    [Band::Green, Band::Amber, Band::Red]
        .into_iter()
        .map(|b| LegendEntry::new(b.label(), theme::band_colour(Some(b)), Swatch::Fill))
        .collect()
}

/// Chart 1: caseload per worker, grouped by team, coloured by band, with the target line.
pub fn caseload_chart_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &crate::model::anonymise::WorkerNames,
    measure: ChartMeasure,
    teams: &ShownTeams,
) {
    let charted = plan.charted_workers();
    let count: usize = teams.positions.iter().map(|&i| charted[i].len()).sum();
    if count > MAX_WORKER_BARS {
        caseload_spread_ui(ui, plan, &charted, assessment, measure, count, teams);
        return;
    }
    let mut bars = Vec::with_capacity(count);
    let mut tips = Vec::with_capacity(count);
    let mut capacity_marks = Vec::new();
    let mut columns = Vec::new();
    let mut x = 0.0;
    for &i in &teams.positions {
        let (team, workers) = (&plan.teams[i], &charted[i]);
        let start = x;
        for &post in workers {
            let Some(a) = assessment.post(post.id) else {
                continue;
            };
            let who = names.worker_or_vacant(post);
            let grade = plan.grade(post.grade).map_or("?", |g| g.name.as_str());
            let per_fte = a.cases_held as f64 / post.fte;
            let value = match measure {
                ChartMeasure::Cases => per_fte,
                ChartMeasure::Points => a.weighted_load,
            };
            tips.push(Tip::around(
                x,
                1.0,
                format!(
                    "{who} · {grade} · {}\n{} at {} FTE = {} per FTE\n{} of {} points ({})",
                    team.name,
                    text::count(a.cases_held, "case", "cases"),
                    text::fte(post.fte),
                    text::one_decimal(Some(per_fte)),
                    text::one_decimal(Some(a.weighted_load)),
                    text::one_decimal(Some(a.capacity_points)),
                    text::percent(a.utilisation)
                ),
            ));
            bars.push(
                Bar::new(x, value)
                    .width(0.8)
                    .fill(theme::band_colour(a.band)),
            );
            if measure == ChartMeasure::Points {
                capacity_marks.push([x, a.capacity_points]);
            }
            x += 1.0;
        }
        if x > start {
            // The team's room: its bars and half the gap either side.
            columns.push(Column {
                centre: (start + x - 1.0) / 2.0,
                room: x - start + 1.0,
                name: team.name.clone(),
            });
            x += 1.0; // a gap between teams
        }
    }
    let target = plan.settings.caseload_target;
    let tallest = bars.iter().map(|b| b.value).fold(target, f64::max);
    let mut legend = band_legend();
    legend.push(match measure {
        ChartMeasure::Cases => LegendEntry::new(
            format!("Target: {} per FTE", text::decimal(target)),
            theme::ALERT,
            Swatch::Line,
        ),
        ChartMeasure::Points => {
            LegendEntry::new("Capacity (points)", theme::CAPACITY, Swatch::Diamond)
        }
    });
    let plot = base_plot("caseload-per-worker", height(ui, 230.0))
        .include_y(tallest * HEADROOM)
        .y_axis_label(match measure {
            ChartMeasure::Cases => "cases per FTE",
            ChartMeasure::Points => "weighted points",
        });
    let chart = CategoryChart {
        title: "Caseload per worker",
        legend,
        columns,
        tips,
    };
    chart.show(ui, plot, move |plot_ui| {
        plot_ui.bar_chart(
            BarChart::new("Caseload per worker", bars).element_formatter(frame::no_text()),
        );
        match measure {
            ChartMeasure::Cases => plot_ui.hline(HLine::new("Target", target).color(theme::ALERT)),
            ChartMeasure::Points => plot_ui.points(
                Points::new("Capacity (points)", capacity_marks)
                    .shape(MarkerShape::Diamond)
                    .radius(4.0)
                    .color(theme::CAPACITY),
            ),
        }
    });
}

/// Chart 1 for large plans: each team's spread of caseloads (box: middle half, whiskers:
/// lowest and highest), coloured by the team's band.
fn caseload_spread_ui(
    ui: &mut Ui,
    plan: &Plan,
    charted: &[Vec<&Post>],
    assessment: &Assessment,
    measure: ChartMeasure,
    count: usize,
    teams: &ShownTeams,
) {
    ui.weak(format!(
        "{}: showing each team's spread (middle half and range).",
        text::count(count as u64, "worker", "workers")
    ));
    let mut boxes = Vec::new();
    let mut columns = Vec::new();
    let mut tips = Vec::new();
    for (column, &i) in teams.positions.iter().enumerate() {
        let (team, team_assessment, workers) = (&plan.teams[i], &assessment.teams[i], &charted[i]);
        let mut values: Vec<f64> = workers
            .iter()
            .filter_map(|p| {
                let a = assessment.post(p.id)?;
                Some(match measure {
                    ChartMeasure::Cases => a.cases_held as f64 / p.fte,
                    ChartMeasure::Points => a.weighted_load,
                })
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        values.sort_by(f64::total_cmp);
        let q = |f: f64| values[((values.len() - 1) as f64 * f).round() as usize];
        let x = column as f64;
        let spread = BoxSpread::new(
            values[0],
            q(0.25),
            q(0.5),
            q(0.75),
            values[values.len() - 1],
        );
        let colour = theme::band_colour(team_assessment.totals.band);
        boxes.push(
            BoxElem::new(x, spread.clone())
                .box_width(0.6)
                .fill(colour.linear_multiply(0.5))
                .stroke(egui::Stroke::new(1.0, colour)),
        );
        let v = |f: f64| text::one_decimal(Some(f));
        tips.push(Tip::around(
            x,
            1.0,
            format!(
                "{} ({})\nlowest {}, middle half {} to {}, median {}, highest {}",
                team.name,
                text::count(values.len() as u64, "worker", "workers"),
                v(spread.lower_whisker),
                v(spread.quartile1),
                v(spread.quartile3),
                v(spread.median),
                v(spread.upper_whisker),
            ),
        ));
        columns.push(Column {
            centre: x,
            room: 1.0,
            name: team.name.clone(),
        });
    }
    let target = plan.settings.caseload_target;
    let mut legend = band_legend();
    if measure == ChartMeasure::Cases {
        legend.push(LegendEntry::new(
            format!("Target: {} per FTE", text::decimal(target)),
            theme::ALERT,
            Swatch::Line,
        ));
    }
    let chart = CategoryChart {
        title: "Caseload per worker",
        legend,
        columns,
        tips,
    };
    chart.show(
        ui,
        base_plot("caseload-per-worker", height(ui, 230.0)),
        move |plot_ui| {
            plot_ui.box_plot(
                BoxPlot::new("Caseload spread per team", boxes).element_formatter(frame::no_text()),
            );
            if measure == ChartMeasure::Cases {
                plot_ui.hline(HLine::new("Target", target).color(theme::ALERT));
            }
        },
    );
}

/// Chart 2: each team's capacity against its demand, unallocated work stacked on top.
pub fn capacity_chart_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, teams: &ShownTeams) {
    let mut capacity = Vec::new();
    let mut allocated = Vec::new();
    let mut waiting = Vec::new();
    let mut must = Vec::new();
    let mut columns = Vec::new();
    let mut tips = Vec::new();
    let mut tallest: f64 = 1.0;
    for (column, &i) in teams.positions.iter().enumerate() {
        let (team, a) = (&plan.teams[i], &assessment.teams[i]);
        let s = &a.totals.sums;
        let x = column as f64;
        let held = s.demand_points - s.unallocated_points;
        let bar = |x: f64, value: f64, fill| Bar::new(x, value).width(0.38).fill(fill);
        capacity.push(bar(x - 0.2, s.capacity_points, theme::CAPACITY));
        allocated.push(bar(x + 0.2, held, theme::DEMAND));
        waiting.push(bar(
            x + 0.2,
            s.unallocated_points - s.must_allocate_points,
            theme::UNALLOCATED,
        ));
        must.push(bar(x + 0.2, s.must_allocate_points, theme::MUST_ALLOCATE));
        tallest = tallest.max(s.capacity_points).max(s.demand_points);
        let points = |v: f64| format!("{} points", text::one_decimal(Some(v)));
        tips.push(Tip::around(
            x,
            1.0,
            format!(
                "{}\ncapacity: {}\nallocated work: {}\nunallocated: {}, of which must allocate: {}",
                team.name,
                points(s.capacity_points),
                points(held),
                points(s.unallocated_points),
                points(s.must_allocate_points),
            ),
        ));
        columns.push(Column {
            centre: x,
            room: 1.0,
            name: team.name.clone(),
        });
    }
    let layers = [
        ("Capacity", theme::CAPACITY),
        ("Allocated work", theme::DEMAND),
        ("Unallocated", theme::UNALLOCATED),
        ("Unallocated, must allocate", theme::MUST_ALLOCATE),
    ];
    let legend = layers
        .iter()
        .map(|&(name, colour)| LegendEntry::new(name, colour, Swatch::Fill))
        .collect();
    let chart = |(name, colour): (&str, egui::Color32), bars| {
        BarChart::new(name, bars)
            .color(colour)
            .element_formatter(frame::no_text())
    };
    let capacity = chart(layers[0], capacity);
    let allocated = chart(layers[1], allocated);
    let waiting = chart(layers[2], waiting).stack_on(&[&allocated]);
    let must = chart(layers[3], must).stack_on(&[&allocated, &waiting]);
    let plot = base_plot("capacity-vs-demand", height(ui, 200.0))
        .include_y(tallest * HEADROOM)
        .y_axis_label("weighted points");
    let chart = CategoryChart {
        title: "Team capacity and demand",
        legend,
        columns,
        tips,
    };
    chart.show(ui, plot, move |plot_ui| {
        plot_ui.bar_chart(capacity);
        plot_ui.bar_chart(allocated);
        plot_ui.bar_chart(waiting);
        plot_ui.bar_chart(must);
    });
}

/// Chart 3: each team's FTE by who fills it: working permanent staff, agency workers by what
/// they cover (a vacancy, an absence, extra capacity), fixed-term staff, absent staff and
/// vacant posts.
pub fn mix_chart_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, teams: &ShownTeams) {
    let agency = |cover: AgencyCover| {
        (
            match cover {
                AgencyCover::Vacancy => "Agency: vacancy",
                AgencyCover::Absence => "Agency: absence",
                AgencyCover::OverEstablishment => "Agency: extra",
            },
            theme::agency_cover_colour(cover),
        )
    };
    let layers: [(&str, egui::Color32); 7] = [
        ("Permanent", theme::contract_colour(ContractKind::Permanent)),
        agency(AgencyCover::Vacancy),
        agency(AgencyCover::Absence),
        agency(AgencyCover::OverEstablishment),
        (
            "Fixed-term",
            theme::contract_colour(ContractKind::FixedTerm),
        ),
        ("Absent", theme::ABSENT),
        ("Vacant", theme::VACANT),
    ];
    let mut values: [Vec<Bar>; 7] = Default::default();
    let mut columns = Vec::new();
    let mut tips = Vec::new();
    let mut tallest: f64 = 1.0;
    for (column, &i) in teams.positions.iter().enumerate() {
        let (team, a) = (&plan.teams[i], &assessment.teams[i]);
        let s = &a.totals.sums;
        let working = |kind| s.working_fte.get(kind);
        let agency = |cover| s.working_agency_fte_by_cover.get(cover);
        let fte = [
            working(ContractKind::Permanent),
            agency(AgencyCover::Vacancy),
            agency(AgencyCover::Absence),
            agency(AgencyCover::OverEstablishment),
            working(ContractKind::FixedTerm),
            s.absent_fte,
            s.vacant_fte,
        ];
        for ((layer, value), (_, colour)) in values.iter_mut().zip(fte).zip(layers) {
            layer.push(Bar::new(column as f64, value).width(0.6).fill(colour));
        }
        tallest = tallest.max(fte.iter().sum());
        let parts: Vec<String> = layers
            .iter()
            .zip(fte)
            .filter(|(_, v)| *v > 0.0)
            .map(|((name, _), v)| format!("{name}: {} FTE", text::fte(v)))
            .collect();
        tips.push(Tip::around(
            column as f64,
            1.0,
            format!("{}\n{}", team.name, parts.join("\n")),
        ));
        columns.push(Column {
            centre: column as f64,
            room: 1.0,
            name: team.name.clone(),
        });
    }
    let mut charts: Vec<BarChart> = Vec::new();
    for ((name, colour), bars) in layers.into_iter().zip(values) {
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars)
            .color(colour)
            .element_formatter(frame::no_text())
            .stack_on(&below);
        charts.push(chart);
    }
    let legend = layers
        .iter()
        .map(|&(name, colour)| LegendEntry::new(name, colour, Swatch::Fill))
        .collect();
    let plot = base_plot("staffing-mix", height(ui, 200.0))
        .include_y(tallest * HEADROOM)
        .y_axis_label("FTE");
    let chart = CategoryChart {
        title: "Staffing mix per team",
        legend,
        columns,
        tips,
    };
    chart.show(ui, plot, move |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
}
