//! A row per post, as the Posts table shows it: team, worker, grade, contract and its dates,
//! FTE, status, what an agency worker covers, cases by case type, load, capacity,
//! utilisation and its band.

use super::{Cell, ReportColumn, ReportTable};
use crate::model::anonymise::WorkerNames;
use crate::model::figures::Unit;
use crate::model::shown::month_label;
use crate::model::{Assessment, Contract, Plan, Post};

/// The posts of `plan` in plan order, workers named through `names`.
pub fn posts_table(plan: &Plan, assessment: &Assessment, names: &WorkerNames) -> ReportTable {
    let mut columns = vec![
        ReportColumn::text("Team"),
        ReportColumn::text("Worker"),
        ReportColumn::text("Grade"),
        ReportColumn::text("Contract"),
        ReportColumn::text("Fixed-term start"),
        ReportColumn::text("Fixed-term end"),
        ReportColumn::number("FTE", Unit::Fte),
        ReportColumn::text("Status"),
        ReportColumn::text("Agency worker covers"),
    ];
    columns.extend(
        plan.case_types
            .iter()
            .map(|c| ReportColumn::number(c.name.as_str(), Unit::Cases)),
    );
    columns.extend([
        ReportColumn::number("Cases held", Unit::Cases),
        ReportColumn::number("Load (points)", Unit::Points),
        ReportColumn::number("Capacity (points)", Unit::Points),
        ReportColumn::number("Utilisation", Unit::Percent),
        ReportColumn::text("Band"),
    ]);
    let teams = plan.team_positions();
    let rows = plan
        .posts
        .iter()
        .filter_map(|post| {
            // A post the assessment skipped (its team or grade missing) has no figures.
            let a = assessment.post(post.id)?;
            let team = teams.get(&post.team).map(|&i| plan.teams[i].name.as_str());
            let grade = plan.grade(post.grade).map(|g| g.name.as_str());
            let (start, end) = match post.contract {
                Contract::FixedTerm { start, end } => {
                    (Cell::Text(month_label(start)), Cell::Text(month_label(end)))
                }
                Contract::Permanent | Contract::Agency => (Cell::Empty, Cell::Empty),
            };
            let mut row = vec![
                Cell::text(team.unwrap_or_default()),
                Cell::text(names.worker_or_vacant(post)),
                Cell::text(grade.unwrap_or_default()),
                Cell::text(post.contract.kind().label()),
                start,
                end,
                Cell::Number(post.fte),
                Cell::text(status(post)),
                post.agency_cover()
                    .map_or(Cell::Empty, |cover| Cell::text(cover.label())),
            ];
            row.extend(
                plan.case_types
                    .iter()
                    .map(|c| Cell::Number(f64::from(post.cases.get(&c.id).copied().unwrap_or(0)))),
            );
            row.extend([
                Cell::Number(a.cases_held as f64),
                Cell::Number(a.weighted_load),
                Cell::Number(a.capacity_points),
                Cell::number_or_empty(a.utilisation),
                a.band.map_or(Cell::Empty, |b| Cell::text(b.label())),
            ]);
            Some(row)
        })
        .collect();
    ReportTable {
        name: "Posts".into(),
        title: "Posts".into(),
        columns,
        rows,
    }
}

/// "Working", "Absent" or "Vacant", as the Posts table says.
fn status(post: &Post) -> &'static str {
    if post.is_absent() {
        "Absent"
    } else if post.is_vacant() {
        "Vacant"
    } else {
        "Working"
    }
}
