//! The `summary` tables: one row per team, then the service, in columns of the catalogue of
//! figures (the caseload and capacity table, then the staff needed); then the targets breached
//! and what each column means. With `--month N`, each scenario's projected figures N months
//! after the plan's start (the expected path) follow its tables.

use crate::model::figures::{Figure, FigureId, STAFF_NEEDED, figure};
use crate::model::projection::project;
use crate::model::{Assessment, Plan, ScenarioSet, Totals, assess};
use crate::text::{figure_value, month_label, printable, shortened};
use std::fmt::Write as _;

/// The first table's columns, in order: caseload and capacity.
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

/// The second table's columns: staff needed ([`crate::model::allocation::needed`]).
const NEEDED_COLUMNS: [FigureId; 8] = STAFF_NEEDED;

/// Every column of both tables, once, in order: for the key under the tables.
fn columns() -> impl Iterator<Item = &'static Figure> {
    let mut ids = COLUMNS.to_vec();
    ids.extend(NEEDED_COLUMNS.iter().filter(|id| !COLUMNS.contains(id)));
    ids.into_iter().map(figure)
}

fn cells(columns: &[FigureId], t: &Totals) -> Vec<String> {
    columns
        .iter()
        .map(|&id| {
            let f = figure(id);
            figure_value(f.unit, f.of(t))
        })
        .collect()
}

/// The whole summary as text: the baseline's table, each option's, and what the columns mean.
pub fn summary_text(set: &ScenarioSet) -> String {
    summary_text_at(set, None)
}

/// The summary with, when `month` is given, each scenario's projected figures that many
/// months after the start (within the plan's months: see [`month_problem`]).
pub fn summary_text_at(set: &ScenarioSet, month: Option<u32>) -> String {
    let mut out = scenario_summary(set.baseline());
    if let Some(month) = month {
        out.push_str(&months_ahead(set.baseline(), month));
    }
    for option in set.options() {
        let _ = write!(out, "\nOption \"{}\":\n", printable(&option.name));
        out.push_str(&scenario_summary(&option.plan));
        if let Some(month) = month {
            out.push_str(&months_ahead(&option.plan, month));
        }
    }
    out.push_str(&money_text(set));
    out.push_str("\nColumns:\n");
    for f in columns() {
        let _ = writeln!(out, "  {}: {}. {}", f.short, f.label, f.definition);
    }
    let _ = writeln!(out, "\"{}\" = no value.", crate::text::NO_VALUE);
    out
}

/// `text` followed by spaces up to `width` characters. (Not `format!`'s width: it is limited to
/// 65,535, and a name may be longer.)
pub(super) fn pad_right(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    let len = text.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
}

/// Spaces up to `width` characters, then `text`.
pub(super) fn pad_left(out: &mut String, text: &str, width: usize) {
    let len = text.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    out.push_str(text);
}

/// Why `month` is not a month of the plan's projection, if it is not.
pub fn month_problem(set: &ScenarioSet, month: u32) -> Option<String> {
    let months = set.baseline().timeline.months;
    (month >= months).then(|| {
        format!(
            "The plan looks {months} months ahead: --month must be from 0 (its start) to {}, not \
             {month}.",
            months - 1
        )
    })
}

/// The scenario's projected month figures `month` months after its start.
fn months_ahead(plan: &Plan, month: u32) -> String {
    let projection = project(plan);
    let Some(m) = projection.months.get(month as usize) else {
        return String::new();
    };
    let mut out = format!(
        "\nIn {} ({}), expected:\n",
        crate::text::count(u64::from(month), "month", "months"),
        month_label(m.month)
    );
    for f in crate::model::figures::FIGURES
        .iter()
        .filter(|f| f.is_month_figure())
    {
        let _ = writeln!(
            out,
            "  {}: {}",
            f.label,
            figure_value(f.unit, f.of_month(m))
        );
    }
    out
}

/// Each scenario's spend over the plan against the baseline's, when there is something to
/// compare (options, or money settings): when it breaks even, and what a retention measure
/// buys.
fn money_text(set: &ScenarioSet) -> String {
    use crate::model::money::{break_even, measure_effect, total_spend};
    use crate::text::{break_even as break_even_words, fte, money, signed};
    let has_money = |p: &Plan| {
        let a = &p.assumptions;
        !a.investments.is_empty() || a.retention_measure.is_some() || a.agency_cap.is_some()
    };
    let plans: Vec<(&str, &Plan)> = set.iter().map(|s| (s.name.as_str(), &s.plan)).collect();
    if plans.len() < 2 && !plans.iter().any(|(_, p)| has_money(p)) {
        return String::new();
    }
    let baseline = project(set.baseline());
    let base_total = total_spend(&baseline).unwrap_or(0.0);
    let months = set.baseline().timeline.months;
    let mut out = format!(
        "\nMoney over the plan's {} (staff cost, case costs, investments, retention payments{}):\n",
        crate::text::count(u64::from(months), "month", "months"),
        match set.baseline().costs.discount_rate {
            0.0 => String::new(),
            rate => format!(
                "; discounted at {} a year",
                crate::text::percent(Some(rate))
            ),
        }
    );
    for (k, (name, plan)) in plans.iter().enumerate() {
        let projection = if k == 0 {
            baseline.clone()
        } else {
            project(plan)
        };
        let total = total_spend(&projection).unwrap_or(0.0);
        let _ = write!(out, "  {}: {}", printable(&shortened(name)), money(total));
        if k > 0 {
            let _ = write!(
                out,
                " ({} against the baseline; breaks even: {})",
                signed(total - base_total, money),
                break_even_words(break_even(&projection, &baseline))
            );
        }
        out.push('\n');
        if plan.assumptions.retention_measure.is_some() {
            let mut without = (*plan).clone();
            without.assumptions.retention_measure = None;
            let effect = measure_effect(&projection, &project(&without), plan.costs.cost_per_hire);
            let _ = writeln!(
                out,
                "    retention measure: {} FTE fewer leavers for {} ({} per leaver avoided); \
                 agency spend {} lower, recruitment {} lower",
                fte(effect.leavers_avoided),
                money(effect.payments),
                effect
                    .cost_per_leaver_avoided
                    .map_or_else(|| crate::text::NO_VALUE.to_owned(), money),
                money(effect.agency_spend_avoided),
                money(effect.recruitment_spend_avoided)
            );
        }
    }
    out
}

/// One scenario's tables and flags.
fn scenario_summary(plan: &Plan) -> String {
    let assessment = assess(plan);
    let mut out = format!("{}\n\n", printable(&plan.name));
    table(&mut out, plan, &assessment, &COLUMNS);
    out.push_str("\nStaff needed (practitioner FTE; waiting work counts as demand):\n");
    table(&mut out, plan, &assessment, &NEEDED_COLUMNS);

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

/// A table of `columns` for each team, then the whole service under a rule.
fn table(out: &mut String, plan: &Plan, assessment: &Assessment, columns: &[FigureId]) {
    let mut rows: Vec<(String, Vec<String>)> = plan
        .teams
        .iter()
        .zip(&assessment.teams)
        .map(|(team, a)| {
            (
                printable(&shortened(&team.name)).into_owned(),
                cells(columns, &a.totals),
            )
        })
        .collect();
    rows.push((
        "Whole service".to_owned(),
        cells(columns, &assessment.service),
    ));

    let name_width = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            rows.iter()
                .map(|(_, c)| c[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(figure(id).short.chars().count())
        })
        .collect();

    pad_right(out, "Team", name_width);
    for (&id, &width) in columns.iter().zip(&widths) {
        out.push_str("  ");
        pad_left(out, figure(id).short, width);
    }
    out.push('\n');
    for (i, (name, cells)) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            let total_width = name_width + widths.iter().map(|w| w + 2).sum::<usize>();
            out.extend(std::iter::repeat_n('-', total_width));
            out.push('\n');
        }
        pad_right(out, name, name_width);
        for (cell, &width) in cells.iter().zip(&widths) {
            out.push_str("  ");
            pad_left(out, cell, width);
        }
        out.push('\n');
    }
}
