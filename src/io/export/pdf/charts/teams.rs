//! The Overview's three charts for the report: caseload per worker by team (each team's spread
//! when there are many workers), team capacity against demand, and each team's staffing mix.
//! Each draws the teams it is given (`teams`: positions in the plan), so a plan with many
//! teams is drawn over several charts.

use super::super::canvas::{Colour, Page};
use super::super::fonts::Typesetter;
use super::frame::{Area, Frame, LegendEntry, Plot, Swatch};
use super::{CategoryAxis, Column, bar, palette};
use crate::model::{AgencyCover, Assessment, Band, ContractKind, Plan, Post};
use crate::text;

/// Above this many workers the caseload chart shows each team's spread, as in the window: a
/// thousand bars are unreadable.
pub const MAX_WORKER_BARS: usize = 80;

/// Room above the tallest bar, as a multiple of its height.
const HEADROOM: f64 = 1.08;

/// How many workers the caseload chart would draw for the whole plan.
pub fn charted_worker_count(plan: &Plan) -> usize {
    plan.charted_workers().iter().map(Vec::len).sum()
}

fn band_legend() -> Vec<LegendEntry> {
    [Band::Green, Band::Amber, Band::Red]
        .into_iter()
        .map(|b| LegendEntry::new(b.label(), palette::band(Some(b)), Swatch::Fill))
        .collect()
}

/// The frame, the columns' labels and the plot of a chart of columns, drawn in `area`.
fn category_plot(
    page: &mut Page,
    fonts: &Typesetter,
    area: Area,
    frame: &Frame,
    columns: &[Column],
) -> Plot {
    let width = frame.plot_width(fonts, area);
    let axis = CategoryAxis::new(fonts, columns, width, frame.x_max - frame.x_min);
    let plot = frame.draw(page, fonts, area, axis.height());
    axis.draw(page, fonts, &plot, columns);
    plot
}

/// Caseload per worker (cases per FTE), grouped by team and coloured by band, with the
/// target line; each team's spread instead when the plan has more than [`MAX_WORKER_BARS`].
pub fn caseload_chart(
    page: &mut Page,
    fonts: &Typesetter,
    area: Area,
    plan: &Plan,
    assessment: &Assessment,
    teams: &[usize],
) {
    let charted = plan.charted_workers();
    if charted.iter().map(Vec::len).sum::<usize>() > MAX_WORKER_BARS {
        caseload_spread_chart(page, fonts, area, plan, &charted, assessment, teams);
        return;
    }
    let mut bars = Vec::new();
    let mut columns = Vec::new();
    let mut x = 0.0;
    for &i in teams {
        let team = &plan.teams[i];
        let start = x;
        for &post in &charted[i] {
            let Some(a) = assessment.post(post.id) else {
                continue;
            };
            bars.push((x, a.cases_held as f64 / post.fte, palette::band(a.band)));
            x += 1.0;
        }
        if x > start {
            columns.push(Column {
                centre: (start + x - 1.0) / 2.0,
                room: x - start + 1.0,
                name: team.name.clone(),
            });
            x += 1.0;
        }
    }
    let target = plan.settings.caseload_target;
    let tallest = bars.iter().map(|b| b.1).fold(target, f64::max);
    let mut legend = band_legend();
    legend.push(LegendEntry::new(
        format!("Target: {} per FTE", text::decimal(target)),
        palette::ALERT,
        Swatch::Line,
    ));
    let frame = Frame {
        legend: &legend,
        y_title: "cases per FTE",
        y_top: tallest * HEADROOM,
        money: false,
        x_min: -1.0,
        x_max: (x - 1.0).max(1.0),
    };
    let plot = category_plot(page, fonts, area, &frame, &columns);
    for (x, value, colour) in bars {
        bar(page, &plot, x, 0.8, 0.0, value, colour);
    }
    target_line(page, &plot, target);
}

fn target_line(page: &mut Page, plot: &Plot, target: f64) {
    let y = plot.py(target);
    page.line(
        vec![(plot.left, y), (plot.left + plot.width, y)],
        1.2,
        palette::ALERT,
    );
}

/// Caseload per worker for a large plan: each team's lowest, middle half, median and highest
/// cases per FTE, coloured by the team's band.
fn caseload_spread_chart(
    page: &mut Page,
    fonts: &Typesetter,
    area: Area,
    plan: &Plan,
    charted: &[Vec<&Post>],
    assessment: &Assessment,
    teams: &[usize],
) {
    let mut boxes = Vec::new();
    let mut columns = Vec::new();
    for (k, &i) in teams.iter().enumerate() {
        let team = &plan.teams[i];
        let mut values: Vec<f64> = charted[i]
            .iter()
            .filter_map(|p| Some(assessment.post(p.id)?.cases_held as f64 / p.fte))
            .collect();
        if values.is_empty() {
            continue;
        }
        values.sort_by(f64::total_cmp);
        let q = |f: f64| values[((values.len() - 1) as f64 * f).round() as usize];
        let spread = [
            values[0],
            q(0.25),
            q(0.5),
            q(0.75),
            values[values.len() - 1],
        ];
        let colour = palette::band(assessment.teams.get(i).and_then(|t| t.totals.band));
        boxes.push((k as f64, spread, colour));
        columns.push(Column {
            centre: k as f64,
            room: 1.0,
            name: team.name.clone(),
        });
    }
    let target = plan.settings.caseload_target;
    let tallest = boxes.iter().map(|b| b.1[4]).fold(target, f64::max);
    let mut legend = band_legend();
    legend.push(LegendEntry::new(
        format!("Target: {} per FTE", text::decimal(target)),
        palette::ALERT,
        Swatch::Line,
    ));
    legend.push(LegendEntry::new(
        "Box: middle half of the team's workers, line: median, whiskers: lowest and highest",
        Colour::MUTED,
        Swatch::Line,
    ));
    let frame = Frame {
        legend: &legend,
        y_title: "cases per FTE",
        y_top: tallest * HEADROOM,
        money: false,
        x_min: -0.5,
        x_max: teams.len() as f64 - 0.5,
    };
    let plot = category_plot(page, fonts, area, &frame, &columns);
    for (x, [low, q1, median, q3, high], colour) in boxes {
        let (left, right) = (plot.px(x - 0.3), plot.px(x + 0.3));
        let centre = plot.px(x);
        page.line(
            vec![(centre, plot.py(high)), (centre, plot.py(q3))],
            0.8,
            colour,
        );
        page.line(
            vec![(centre, plot.py(q1)), (centre, plot.py(low))],
            0.8,
            colour,
        );
        page.rect(
            left,
            plot.py(q3),
            right - left,
            plot.py(q1) - plot.py(q3),
            palette::light(colour),
        );
        page.line(
            vec![
                (left, plot.py(q3)),
                (right, plot.py(q3)),
                (right, plot.py(q1)),
                (left, plot.py(q1)),
                (left, plot.py(q3)),
            ],
            0.8,
            colour,
        );
        page.line(
            vec![(left, plot.py(median)), (right, plot.py(median))],
            1.4,
            colour,
        );
    }
    target_line(page, &plot, target);
}

/// Each team's capacity beside its allocated work, with unallocated work stacked on top (red:
/// must allocate), in weighted points.
pub fn capacity_chart(
    page: &mut Page,
    fonts: &Typesetter,
    area: Area,
    plan: &Plan,
    assessment: &Assessment,
    teams: &[usize],
) {
    let layers = [
        ("Capacity", palette::CAPACITY),
        ("Allocated work", palette::DEMAND),
        ("Unallocated", palette::UNALLOCATED),
        ("Unallocated, must allocate", palette::MUST_ALLOCATE),
    ];
    let legend: Vec<LegendEntry> = layers
        .iter()
        .map(|&(name, colour)| LegendEntry::new(name, colour, Swatch::Fill))
        .collect();
    let mut columns = Vec::new();
    let mut values = Vec::new();
    let mut tallest: f64 = 1.0;
    for (k, &i) in teams.iter().enumerate() {
        let Some(a) = assessment.teams.get(i) else {
            continue;
        };
        let s = &a.totals.sums;
        let held = s.demand_points - s.unallocated_points;
        values.push((
            k as f64,
            s.capacity_points,
            held,
            s.unallocated_points - s.must_allocate_points,
            s.must_allocate_points,
        ));
        tallest = tallest.max(s.capacity_points).max(s.demand_points);
        columns.push(Column {
            centre: k as f64,
            room: 1.0,
            name: plan.teams[i].name.clone(),
        });
    }
    let frame = Frame {
        legend: &legend,
        y_title: "weighted points",
        y_top: tallest * HEADROOM,
        money: false,
        x_min: -0.5,
        x_max: teams.len() as f64 - 0.5,
    };
    let plot = category_plot(page, fonts, area, &frame, &columns);
    for (x, capacity, held, waiting, must) in values {
        bar(page, &plot, x - 0.2, 0.38, 0.0, capacity, layers[0].1);
        bar(page, &plot, x + 0.2, 0.38, 0.0, held, layers[1].1);
        bar(page, &plot, x + 0.2, 0.38, held, waiting, layers[2].1);
        bar(
            page,
            &plot,
            x + 0.2,
            0.38,
            held + waiting,
            must,
            layers[3].1,
        );
    }
}

/// Each team's FTE by who fills it: working permanent staff, agency workers by what they
/// cover, fixed-term staff, absent staff and vacant posts, stacked.
pub fn mix_chart(
    page: &mut Page,
    fonts: &Typesetter,
    area: Area,
    plan: &Plan,
    assessment: &Assessment,
    teams: &[usize],
) {
    let layers: [(&str, Colour); 7] = [
        ("Permanent", palette::contract(ContractKind::Permanent)),
        (
            "Agency: vacancy",
            palette::agency_cover(AgencyCover::Vacancy),
        ),
        (
            "Agency: absence",
            palette::agency_cover(AgencyCover::Absence),
        ),
        (
            "Agency: extra",
            palette::agency_cover(AgencyCover::OverEstablishment),
        ),
        ("Fixed-term", palette::contract(ContractKind::FixedTerm)),
        ("Absent", palette::ABSENT),
        ("Vacant", palette::VACANT),
    ];
    let legend: Vec<LegendEntry> = layers
        .iter()
        .map(|&(name, colour)| LegendEntry::new(name, colour, Swatch::Fill))
        .collect();
    let mut columns = Vec::new();
    let mut stacks = Vec::new();
    let mut tallest: f64 = 1.0;
    for (k, &i) in teams.iter().enumerate() {
        let Some(a) = assessment.teams.get(i) else {
            continue;
        };
        let s = &a.totals.sums;
        let fte = [
            s.working_fte.get(ContractKind::Permanent),
            s.working_agency_fte_by_cover.get(AgencyCover::Vacancy),
            s.working_agency_fte_by_cover.get(AgencyCover::Absence),
            s.working_agency_fte_by_cover
                .get(AgencyCover::OverEstablishment),
            s.working_fte.get(ContractKind::FixedTerm),
            s.absent_fte,
            s.vacant_fte,
        ];
        tallest = tallest.max(fte.iter().sum());
        stacks.push((k as f64, fte));
        columns.push(Column {
            centre: k as f64,
            room: 1.0,
            name: plan.teams[i].name.clone(),
        });
    }
    let frame = Frame {
        legend: &legend,
        y_title: "FTE",
        y_top: tallest * HEADROOM,
        money: false,
        x_min: -0.5,
        x_max: teams.len() as f64 - 0.5,
    };
    let plot = category_plot(page, fonts, area, &frame, &columns);
    for (x, fte) in stacks {
        let mut base = 0.0;
        for (value, (_, colour)) in fte.into_iter().zip(layers) {
            bar(page, &plot, x, 0.6, base, value, colour);
            base += value;
        }
    }
}
