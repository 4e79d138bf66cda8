//! The `summary` table: one row per team, then the service.

use crate::model::{Plan, ScenarioSet, Totals, assess};
use crate::text::{one_decimal, percent, printable, shortened, whole_cases};
use std::fmt::Write as _;

const HEADINGS: [&str; 10] = [
    "Caseload",
    "Case-hold FTE",
    "Cases held",
    "Unalloc (must)",
    "Demand pts",
    "Capacity pts",
    "Utilised",
    "Capacity cases",
    "Agency",
    "Vacancy",
];

fn cells(t: &Totals) -> [String; 10] {
    [
        one_decimal(t.caseload_per_case_holder_fte),
        format!("{:.1}", t.sums.case_holder_fte),
        t.sums.cases_allocated.to_string(),
        format!(
            "{} ({})",
            t.sums.unallocated, t.sums.must_allocate_unallocated
        ),
        format!("{:.1}", t.sums.demand_points),
        format!("{:.1}", t.sums.capacity_points),
        percent(t.utilisation),
        whole_cases(t.capacity_cases),
        percent(t.mix.agency_rate),
        percent(t.mix.vacancy_rate),
    ]
}

/// The whole summary as text: the baseline's table, each option's, and what the figures mean.
pub fn summary_text(set: &ScenarioSet) -> String {
    let mut out = scenario_summary(set.baseline());
    for option in set.options() {
        let _ = write!(out, "\nOption \"{}\":\n", printable(&option.name));
        out.push_str(&scenario_summary(&option.plan));
    }
    let _ = write!(
        out,
        "\nCaseload = cases held / FTE of available workers holding at least one case (DfE \
         definition; agency included, absent staff and vacancies excluded).\nCapacity cases = \
         capacity points at each team's current case mix. \"{}\" = no value.\n",
        crate::text::NO_VALUE
    );
    out
}

/// One scenario's table and flags.
fn scenario_summary(plan: &Plan) -> String {
    let assessment = assess(plan);
    let mut rows: Vec<(String, [String; 10])> = plan
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
    let widths: Vec<usize> = HEADINGS
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .map(|(_, c)| c[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(h.len())
        })
        .collect();

    // Padded by hand: a format width is limited to 65,535 and a name in a file is not.
    let mut out = format!(
        "{}\n\nTeam{}",
        printable(&plan.name),
        " ".repeat(name_width - 4)
    );
    for (heading, width) in HEADINGS.iter().zip(&widths) {
        let _ = write!(out, "  {}{heading}", " ".repeat(width - heading.len()));
    }
    out.push('\n');
    for (i, (name, cells)) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            let total_width = name_width + widths.iter().map(|w| w + 2).sum::<usize>();
            let _ = writeln!(out, "{}", "-".repeat(total_width));
        }
        let pad = name_width - name.chars().count();
        let _ = write!(out, "{name}{}", " ".repeat(pad));
        for (cell, width) in cells.iter().zip(&widths) {
            let pad = width - cell.chars().count();
            let _ = write!(out, "  {}{cell}", " ".repeat(pad));
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
