//! The overview's three charts (egui_plot). Each is drawn from the assessment of this frame,
//! so it reflects an edit made earlier in the same frame. Every chart has its own stable id.

use super::state::ChartMeasure;
use super::theme;
use crate::model::{Assessment, ContractKind, Plan, Post, TeamId};
use egui::Ui;
use egui_plot::{
    AxisHints, Bar, BarChart, BoxElem, BoxPlot, BoxSpread, GridMark, HLine, Legend, MarkerShape,
    Plot, Points,
};

/// Room above the tallest bar, as a multiple of its height, for the legend.
const LEGEND_ROOM: f64 = 1.35;

/// Above this many workers the caseload chart shows each team's spread instead of one bar per
/// worker: a thousand bars are unreadable.
pub const MAX_WORKER_BARS: usize = 80;

/// Marks and labels on the x axis at each team's position. With many teams only some are
/// labelled, and names are shortened to the room each team has in a chart `width` points wide,
/// so labels never overlap and never vanish for want of space.
pub(super) fn team_axis<'a>(plot: Plot<'a>, positions: Vec<(f64, String)>, width: f32) -> Plot<'a> {
    let step = positions.len().div_ceil(12).max(1);
    let shown: Vec<(f64, String)> = positions.into_iter().step_by(step).collect();
    // egui_plot labels a mark only when marks of its step size are far enough apart on screen,
    // so the step size must be the real distance between labelled teams.
    let spacing = shown
        .windows(2)
        .map(|w| w[1].0 - w[0].0)
        .fold(f64::INFINITY, f64::min);
    let step_size = if spacing.is_finite() { spacing } else { 10.0 };
    let span = match (shown.first(), shown.last()) {
        (Some(first), Some(last)) => last.0 - first.0 + step_size,
        _ => 1.0,
    };
    // Plot area: the width less the y axis, with egui_plot's margins either side.
    let points_per_unit = f64::from((width - 60.0).max(50.0)) / (span * 1.1);
    let max_chars = ((step_size * points_per_unit / 7.5) as usize).clamp(3, 22);
    let marks: Vec<GridMark> = shown
        .iter()
        .map(|(x, _)| GridMark {
            value: *x,
            step_size,
        })
        .collect();
    let axis = AxisHints::new_x()
        .label_spacing(24.0..=40.0)
        .formatter(move |mark, _| {
            shown
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                .map(|(_, name)| short(name, max_chars))
                .unwrap_or_default()
        });
    plot.x_grid_spacer(move |_| marks.clone())
        .custom_x_axes(vec![axis])
}

/// `name`, cut to `max` characters with an ellipsis.
fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_owned()
    } else {
        format!("{}…", name.chars().take(max - 1).collect::<String>())
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
        .legend(Legend::default())
        .include_y(0.0)
}

/// Workers drawn in the caseload chart: available (filled, not absent) and case-holding.
fn charted_workers(plan: &Plan, team: TeamId) -> impl Iterator<Item = &Post> {
    plan.posts.iter().filter(move |p| {
        p.team == team
            && p.is_available()
            && (p.cases_held() > 0 || plan.grades.iter().any(|g| g.id == p.grade && g.holds_cases))
    })
}

/// Chart 1: caseload per worker, grouped by team, coloured by band, with the target line.
pub fn caseload_chart_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, measure: ChartMeasure) {
    let count: usize = plan
        .teams
        .iter()
        .map(|t| charted_workers(plan, t.id).count())
        .sum();
    if count > MAX_WORKER_BARS {
        caseload_spread_ui(ui, plan, assessment, measure, count);
        return;
    }
    let mut bars = Vec::with_capacity(count);
    let mut capacity_marks = Vec::new();
    let mut positions = Vec::new();
    let mut x = 0.0;
    for team in &plan.teams {
        let start = x;
        for post in charted_workers(plan, team.id) {
            let Some(a) = assessment.post(post.id) else {
                continue;
            };
            let who = post.worker.as_deref().unwrap_or("Vacant");
            let grade = plan.grade(post.grade).map_or("?", |g| g.name.as_str());
            let per_fte = a.cases_held as f64 / post.fte;
            let value = match measure {
                ChartMeasure::Cases => per_fte,
                ChartMeasure::Points => a.weighted_load,
            };
            let name = format!(
                "{who} · {grade} · {}\n{} cases at {} FTE = {per_fte:.1} per FTE\n{:.1} of {:.1} points ({})",
                team.name,
                a.cases_held,
                crate::text::fte(post.fte),
                a.weighted_load,
                a.capacity_points,
                crate::text::percent(a.utilisation)
            );
            bars.push(
                Bar::new(x, value)
                    .width(0.8)
                    .fill(theme::band_colour(a.band))
                    .name(name),
            );
            if measure == ChartMeasure::Points {
                capacity_marks.push([x, a.capacity_points]);
            }
            x += 1.0;
        }
        if x > start {
            positions.push(((start + x - 1.0) / 2.0, team.name.clone()));
            x += 1.0; // a gap between teams
        }
    }
    let tallest = bars
        .iter()
        .map(|b| b.value)
        .fold(plan.settings.caseload_target, f64::max);
    let plot = team_axis(
        base_plot("caseload-per-worker", 230.0),
        positions,
        ui.available_width(),
    )
    .include_y(tallest * LEGEND_ROOM)
    .y_axis_label(match measure {
        ChartMeasure::Cases => "cases per FTE",
        ChartMeasure::Points => "weighted points",
    });
    let target = plan.settings.caseload_target;
    plot.show(ui, |plot_ui| {
        plot_ui.bar_chart(
            BarChart::new("Caseload per worker", bars)
                .element_formatter(Box::new(|bar: &Bar, _: &BarChart| bar.name.clone())),
        );
        match measure {
            ChartMeasure::Cases => plot_ui
                .hline(HLine::new(format!("Target: {target} per FTE"), target).color(theme::ALERT)),
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
    assessment: &Assessment,
    measure: ChartMeasure,
    count: usize,
) {
    ui.weak(format!(
        "{count} workers: showing each team's spread (middle half and range)."
    ));
    let mut boxes = Vec::new();
    let mut positions = Vec::new();
    for (i, (team, team_assessment)) in plan.teams.iter().zip(&assessment.teams).enumerate() {
        let mut values: Vec<f64> = charted_workers(plan, team.id)
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
        let x = i as f64;
        let spread = BoxSpread::new(
            values[0],
            q(0.25),
            q(0.5),
            q(0.75),
            values[values.len() - 1],
        );
        boxes.push(
            BoxElem::new(x, spread)
                .box_width(0.6)
                .fill(theme::band_colour(team_assessment.totals.band).linear_multiply(0.5))
                .stroke(egui::Stroke::new(
                    1.0,
                    theme::band_colour(team_assessment.totals.band),
                ))
                .name(format!("{} ({} workers)", team.name, values.len())),
        );
        positions.push((x, team.name.clone()));
    }
    let target = plan.settings.caseload_target;
    team_axis(
        base_plot("caseload-per-worker", 230.0),
        positions,
        ui.available_width(),
    )
    .show(ui, |plot_ui| {
        plot_ui.box_plot(BoxPlot::new("Caseload spread per team", boxes));
        if measure == ChartMeasure::Cases {
            plot_ui
                .hline(HLine::new(format!("Target: {target} per FTE"), target).color(theme::ALERT));
        }
    });
}

/// Chart 2: each team's capacity against its demand, unallocated work stacked on top.
pub fn capacity_chart_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let mut capacity = Vec::new();
    let mut allocated = Vec::new();
    let mut waiting = Vec::new();
    let mut must = Vec::new();
    let mut positions = Vec::new();
    let mut tallest: f64 = 1.0;
    for (i, (team, a)) in plan.teams.iter().zip(&assessment.teams).enumerate() {
        let s = &a.totals.sums;
        let x = i as f64;
        let held = s.demand_points - s.unallocated_points;
        let bar =
            |x: f64, value: f64, fill| Bar::new(x, value).width(0.38).fill(fill).name(&team.name);
        capacity.push(bar(x - 0.2, s.capacity_points, theme::CAPACITY));
        allocated.push(bar(x + 0.2, held, theme::DEMAND));
        waiting.push(bar(
            x + 0.2,
            s.unallocated_points - s.must_allocate_points,
            theme::UNALLOCATED,
        ));
        must.push(bar(x + 0.2, s.must_allocate_points, theme::MUST_ALLOCATE));
        tallest = tallest.max(s.capacity_points).max(s.demand_points);
        positions.push((x, team.name.clone()));
    }
    let describe = |what: &'static str| {
        Box::new(move |bar: &Bar, _: &BarChart| {
            format!("{}\n{what}: {:.1} points", bar.name, bar.value)
        })
    };
    let capacity = BarChart::new("Capacity", capacity)
        .color(theme::CAPACITY)
        .element_formatter(describe("capacity"));
    let allocated = BarChart::new("Allocated work", allocated)
        .color(theme::DEMAND)
        .element_formatter(describe("allocated work"));
    let waiting = BarChart::new("Unallocated", waiting)
        .color(theme::UNALLOCATED)
        .element_formatter(describe("unallocated"))
        .stack_on(&[&allocated]);
    let must = BarChart::new("Unallocated, must allocate", must)
        .color(theme::MUST_ALLOCATE)
        .element_formatter(describe("must-allocate, unallocated"))
        .stack_on(&[&allocated, &waiting]);
    team_axis(
        base_plot("capacity-vs-demand", 200.0),
        positions,
        ui.available_width(),
    )
    .include_y(tallest * LEGEND_ROOM)
    .y_axis_label("weighted points")
    .show(ui, |plot_ui| {
        plot_ui.bar_chart(capacity);
        plot_ui.bar_chart(allocated);
        plot_ui.bar_chart(waiting);
        plot_ui.bar_chart(must);
    });
}

/// Chart 3: each team's FTE by who fills it: working permanent, agency and fixed-term staff,
/// absent staff and vacant posts.
pub fn mix_chart_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let layers: [(&str, egui::Color32); 5] = [
        ("Permanent", theme::contract_colour(ContractKind::Permanent)),
        ("Agency", theme::contract_colour(ContractKind::Agency)),
        (
            "Fixed-term",
            theme::contract_colour(ContractKind::FixedTerm),
        ),
        ("Absent", theme::ABSENT),
        ("Vacant", theme::VACANT),
    ];
    let mut values: [Vec<Bar>; 5] = Default::default();
    let mut positions = Vec::new();
    let mut tallest: f64 = 1.0;
    for (i, (team, a)) in plan.teams.iter().zip(&assessment.teams).enumerate() {
        let s = &a.totals.sums;
        let working = |kind| s.working_fte.get(kind);
        let fte = [
            working(ContractKind::Permanent),
            working(ContractKind::Agency),
            working(ContractKind::FixedTerm),
            s.absent_fte,
            s.vacant_fte,
        ];
        for ((layer, value), (_, colour)) in values.iter_mut().zip(fte).zip(layers) {
            layer.push(
                Bar::new(i as f64, value)
                    .width(0.6)
                    .fill(colour)
                    .name(&team.name),
            );
        }
        tallest = tallest.max(fte.iter().sum());
        positions.push((i as f64, team.name.clone()));
    }
    let mut charts: Vec<BarChart> = Vec::new();
    for ((name, colour), bars) in layers.into_iter().zip(values) {
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars)
            .color(colour)
            .element_formatter(Box::new(move |bar: &Bar, _: &BarChart| {
                format!("{}\n{name}: {} FTE", bar.name, crate::text::fte(bar.value))
            }))
            .stack_on(&below);
        charts.push(chart);
    }
    team_axis(
        base_plot("staffing-mix", 200.0),
        positions,
        ui.available_width(),
    )
    .include_y(tallest * LEGEND_ROOM)
    .y_axis_label("FTE")
    .show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
}
