//! The report's chart pages: the Overview's team charts and the Projection's month charts, each
//! under its title at the full width of the page. A plan with many teams has its team charts
//! drawn over several charts of [`TEAMS_PER_CHART`] teams, up to [`MAX_TEAM_CHARTS`] of each;
//! the table of teams lists them all.

use super::super::canvas::line_height;
use super::super::charts::frame::Area;
use super::super::charts::months::{MonthChart, month_chart};
use super::super::charts::teams::{
    MAX_WORKER_BARS, capacity_chart, caseload_chart, charted_worker_count, mix_chart,
};
use super::super::flow::{BODY, Flow, MARGIN, NOTE, SUBHEADING, WIDTH};
use crate::model::projection::{Bands, Projection};
use crate::model::{Assessment, Plan};
use crate::text;

/// Columns a chart of teams holds before the next chart takes over: each team keeps room for
/// a readable label.
pub const TEAMS_PER_CHART: usize = 24;
/// Charts of each kind at most: the first 96 teams. Beyond that a chart per 24 teams is pages
/// nobody reads; every team is in the table of teams.
pub const MAX_TEAM_CHARTS: usize = 4;

/// A chart under its title: `height` points, kept on one page with its title.
fn chart_box(flow: &mut Flow, title: &str, height: f32) -> Area {
    flow.subheading(title, height);
    let area = Area {
        left: MARGIN,
        top: flow.y,
        width: WIDTH,
        height,
    };
    flow.y += height + 12.0;
    area
}

/// The teams of each chart: all in one, or in groups of [`TEAMS_PER_CHART`].
fn team_groups(plan: &Plan) -> Vec<Vec<usize>> {
    let all: Vec<usize> = (0..plan.teams.len()).collect();
    all.chunks(TEAMS_PER_CHART)
        .take(MAX_TEAM_CHARTS)
        .map(<[usize]>::to_vec)
        .collect()
}

/// "Teams 25 to 48 of 500" when the teams are spread over several charts.
fn part(groups: &[Vec<usize>], k: usize, teams: usize) -> String {
    if groups.len() < 2 && teams <= TEAMS_PER_CHART {
        return String::new();
    }
    let first = groups[k][0] + 1;
    let last = groups[k][groups[k].len() - 1] + 1;
    format!(
        " (teams {} to {} of {})",
        text::thousands(first as u64),
        text::thousands(last as u64),
        text::thousands(teams as u64)
    )
}

/// The Overview's three charts for the scenario shown.
pub fn team_charts(flow: &mut Flow, plan: &Plan, assessment: &Assessment) {
    let groups = team_groups(plan);
    let teams = plan.teams.len();
    flow.heading("Caseload and capacity by team", 260.0);
    let workers = charted_worker_count(plan);
    if teams > TEAMS_PER_CHART * MAX_TEAM_CHARTS {
        flow.line(
            &format!(
                "The charts show the first {} of {} teams; the table of teams lists every team.",
                text::thousands((TEAMS_PER_CHART * MAX_TEAM_CHARTS) as u64),
                text::thousands(teams as u64)
            ),
            NOTE,
        );
    }
    if workers > MAX_WORKER_BARS {
        let spread = format!("Caseload per worker{}", part(&groups, 0, teams));
        let area = chart_box(flow, &spread, 230.0);
        let fonts = flow.fonts;
        caseload_chart(flow.page(), fonts, area, plan, assessment, &groups[0]);
        flow.line(
            &format!(
                "{}: each team's spread of cases per FTE is shown rather than a bar per worker.",
                text::count(workers as u64, "worker", "workers")
            ),
            NOTE,
        );
        for (k, group) in groups.iter().enumerate().skip(1) {
            let area = chart_box(
                flow,
                &format!("Caseload per worker{}", part(&groups, k, teams)),
                230.0,
            );
            let fonts = flow.fonts;
            caseload_chart(flow.page(), fonts, area, plan, assessment, group);
        }
    } else {
        let all: Vec<usize> = (0..teams).collect();
        let area = chart_box(
            flow,
            "Caseload per worker (cases per FTE, coloured by utilisation)",
            230.0,
        );
        let fonts = flow.fonts;
        caseload_chart(flow.page(), fonts, area, plan, assessment, &all);
    }
    for (k, group) in groups.iter().enumerate() {
        let title = format!("Team capacity and demand{}", part(&groups, k, teams));
        let area = chart_box(flow, &title, 200.0);
        let fonts = flow.fonts;
        capacity_chart(flow.page(), fonts, area, plan, assessment, group);
    }
    for (k, group) in groups.iter().enumerate() {
        let title = format!("Staffing mix per team (FTE){}", part(&groups, k, teams));
        let area = chart_box(flow, &title, 210.0);
        let fonts = flow.fonts;
        mix_chart(flow.page(), fonts, area, plan, assessment, group);
    }
}

/// The Projection's three charts for the scenario shown, and what the bands are.
pub fn projection_charts(
    flow: &mut Flow,
    plan: &Plan,
    projection: &Projection,
    bands: Option<&Bands>,
) {
    let heights = [210.0, 170.0, 150.0];
    for (chart, height) in MonthChart::ALL.into_iter().zip(heights) {
        let area = chart_box(flow, chart.title(), height);
        let fonts = flow.fonts;
        month_chart(flow.page(), fonts, area, chart, plan, projection, bands);
    }
    let note = match bands {
        Some(b) => format!(
            "Bands: 10th to 90th percentile of {} random runs of turnover, recruitment and, where demand flows move, new cases (seeded, so the same plan always gives the same bands). Lines: the expected path.",
            text::thousands(u64::from(b.runs))
        ),
        None => "Lines: the expected path. The range of outcomes (10th to 90th percentile) was not worked out for this report.".to_owned(),
    };
    flow.ensure(line_height(BODY.size) * 2.0);
    flow.paragraph(&note, NOTE);
    flow.gap(line_height(SUBHEADING.size));
}
