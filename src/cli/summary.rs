//! The `summary` table: one row per team, then the service, in columns of the catalogue of
//! figures; then the targets breached and what each column means.

use crate::model::figures::{Figure, FigureId, figure};
use crate::model::{Plan, ScenarioSet, Totals, assess};
use crate::text::{figure_value, printable, shortened};
use std::fmt::Write as _;

/// The table's columns, in order.
const COLUMNS: [FigureId; 11] = [
    FigureId::Caseload,
    FigureId::CaseHoldingFte,
    FigureId::CasesHeld,
    FigureId::Unallocated,
    FigureId::MustAllocateWaiting,
    FigureId::DemandPoints,
    FigureId::CapacityPoints,
    FigureId::Utilisation,
    FigureId::CapacityCases,
    FigureId::AgencyRate,
    FigureId::VacancyRate,
];

fn columns() -> impl Iterator<Item = &'static Figure> {
    COLUMNS.into_iter().map(figure)
}

fn cells(t: &Totals) -> Vec<String> {
    columns().map(|f| figure_value(f.unit, f.of(t))).collect()
}

/// The whole summary as text: the baseline's table, each option's, and what the columns mean.
pub fn summary_text(set: &ScenarioSet) -> String {
    let mut out = scenario_summary(set.baseline());
    for option in set.options() {
        let _ = write!(out, "\nOption \"{}\":\n", printable(&option.name));
        out.push_str(&scenario_summary(&option.plan));
    }
    out.push_str("\nColumns:\n");
    for f in columns() {
        let _ = writeln!(out, "  {}: {}. {}", f.short, f.label, f.definition);
    }
    let _ = writeln!(out, "\"{}\" = no value.", crate::text::NO_VALUE);
    out
}

/// `text` followed by spaces up to `width` characters. (Not `format!`'s width: it is limited to
/// 65,535, and a name may be longer.)
fn pad_right(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    let len = text.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
}

/// Spaces up to `width` characters, then `text`.
fn pad_left(out: &mut String, text: &str, width: usize) {
    let len = text.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    out.push_str(text);
}

/// One scenario's table and flags.
fn scenario_summary(plan: &Plan) -> String {
    let assessment = assess(plan);
    let mut rows: Vec<(String, Vec<String>)> = plan
        .teams
        .iter()
        .zip(&assessment.teams)
        .map(|(team, a)| {
            (
                printable(&shortened(&team.name)).into_owned(),
                cells(&a.totals),
            )
        })
        .collect();
    rows.push(("Whole service".to_owned(), cells(&assessment.service)));

    let name_width = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let widths: Vec<usize> = columns()
        .enumerate()
        .map(|(i, f)| {
            rows.iter()
                .map(|(_, c)| c[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(f.short.chars().count())
        })
        .collect();

    let mut out = format!("{}\n\n", printable(&plan.name));
    pad_right(&mut out, "Team", name_width);
    for (f, &width) in columns().zip(&widths) {
        out.push_str("  ");
        pad_left(&mut out, f.short, width);
    }
    out.push('\n');
    for (i, (name, cells)) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            let total_width = name_width + widths.iter().map(|w| w + 2).sum::<usize>();
            out.extend(std::iter::repeat_n('-', total_width));
            out.push('\n');
        }
        pad_right(&mut out, name, name_width);
        for (cell, &width) in cells.iter().zip(&widths) {
            out.push_str("  ");
            pad_left(&mut out, cell, width);
        }
        out.push('\n');
    }

    let mut alerts = String::new();
    for (team, a) in plan.teams.iter().zip(&assessment.teams) {
        for flag in &a.totals.flags {
            let mark = if flag.is_red() { "ALERT" } else { "warning" };
            let _ = writeln!(
                alerts,
                "  {mark}: {}: {flag}",
                printable(&shortened(&team.name))
            );
        }
    }
    for flag in &assessment.service.flags {
        let mark = if flag.is_red() { "ALERT" } else { "warning" };
        let _ = writeln!(alerts, "  {mark}: whole service: {flag}");
    }
    if !alerts.is_empty() {
        out.push_str("\nTargets breached:\n");
        out.push_str(&alerts);
    }
    out
}
