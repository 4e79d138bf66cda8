//! The report's tables, from the tables every export writes ([`crate::model::report`]): the
//! columns that fit a page and matter in a meeting, numbers written as the app writes them.
//! The teams with their key figures, each option's changes, the targets, assumptions and cost
//! rates, what every figure means, the projection month by month and the posts.
//!
//! The posts come last and at most [`MAX_POSTS`] of them: a list of 10,000 posts is some 300
//! pages nobody prints; the note under the table says every post is in the Excel and CSV
//! exports.

use super::super::flow::{Flow, NOTE};
use super::super::table::{Cell, Column, Table, Tone};
use crate::model::anonymise::WorkerNames;
use crate::model::changes::changes_naming;
use crate::model::figures::{FigureId, figure};
use crate::model::report::{self, ReportColumn, ReportTable};
use crate::model::{Assessment, Plan, Scenario};
use crate::text;

/// Posts listed at most; the rest are counted in a note.
pub const MAX_POSTS: usize = 1_000;

/// A cell as the report writes it: numbers in their unit as on screen, text as it is, nothing
/// for a cell with no value in a column of text and "–" in a column of numbers.
fn written(cell: &report::Cell, column: &ReportColumn) -> String {
    match (cell, cell.number_in(column)) {
        (_, Some((value, Some(unit)))) => text::figure_value(unit, Some(value)),
        (_, Some((value, None))) => text::decimal(value),
        (report::Cell::Text(t), None) => t.clone(),
        _ if column.unit.is_some() => text::NO_VALUE.to_owned(),
        _ => String::new(),
    }
}

/// The columns of `table` that `keep` keeps, as a table of the report titled `title`, with at
/// most `max_rows` rows.
fn from_report(
    table: &ReportTable,
    title: &str,
    keep: impl Fn(&ReportColumn) -> bool,
    max_rows: usize,
) -> Table {
    let kept: Vec<usize> = (0..table.columns.len())
        .filter(|&k| keep(&table.columns[k]))
        .collect();
    let columns = kept
        .iter()
        .map(|&k| {
            let c = &table.columns[k];
            if c.unit.is_some() {
                Column::number(c.heading.as_str())
            } else if SENTENCES.contains(&c.heading.as_str()) {
                Column::sentences(c.heading.as_str())
            } else {
                Column::text(c.heading.as_str())
            }
        })
        .collect();
    let rows = table
        .rows
        .iter()
        .take(max_rows)
        .map(|row| {
            kept.iter()
                .map(|&k| Cell::plain(written(&row[k], &table.columns[k])))
                .collect()
        })
        .collect();
    Table::new(title, columns, rows)
}

/// Columns of sentences, wrapped rather than cut.
const SENTENCES: [&str; 1] = ["Definition or note"];

/// Whether `column` is headed with one of the figures `ids` or one of the words `names`.
fn headed(column: &ReportColumn, ids: &[FigureId], names: &[&str]) -> bool {
    ids.iter().any(|&id| figure(id).label == column.heading)
        || names.contains(&column.heading.as_str())
}

/// Each team and the whole service with the figures a meeting asks about first.
pub fn teams(plan: &Plan, assessment: &Assessment) -> Table {
    const FIGURES: [FigureId; 10] = [
        FigureId::Caseload,
        FigureId::PractitionerFte,
        FigureId::CasesHeld,
        FigureId::Unallocated,
        FigureId::MustAllocateWaiting,
        FigureId::CapacityCases,
        FigureId::Utilisation,
        FigureId::AgencyRate,
        FigureId::VacancyRate,
        FigureId::FteShortOfTarget,
    ];
    let all = report::teams_table(plan, assessment);
    let mut table = from_report(
        &all,
        "Teams and the whole service",
        |c| headed(c, &FIGURES, &["Team"]),
        usize::MAX,
    );
    if let Some(last) = table.rows.last_mut() {
        for cell in last {
            cell.tone = Tone::Strong;
        }
    }
    table
}

/// Each compared option's list of changes against the baseline.
pub fn changes(
    flow: &mut Flow,
    baseline: &Plan,
    options: &[&Scenario],
    names: &WorkerNames,
    progress: &mut dyn FnMut(f32) -> bool,
) -> bool {
    for option in options {
        let list = changes_naming(baseline, &option.plan, names);
        let table = Table::new(
            format!("Changes in {} against the baseline", option.name),
            vec![Column::text("Change"), Column::sentences("What changes")],
            list.into_iter()
                .map(|c| vec![Cell::plain(c.kind.label()), Cell::plain(c.text)])
                .collect(),
        );
        if !flow.table(&table, progress) {
            return false;
        }
    }
    true
}

/// The plan's targets, the scenario's assumptions, case weights, grades and cost rates.
pub fn assumptions(plan: &Plan, names: &WorkerNames) -> Table {
    let all = report::definitions_table(plan, names);
    let mut table = from_report(
        &all,
        "Targets, assumptions and cost rates",
        |_| true,
        usize::MAX,
    )
    .under_heading();
    // The figures' definitions have a table of their own, and the plan's name and notes are on
    // the title page.
    table
        .rows
        .retain(|row| !matches!(row[0].text.as_str(), "Figure" | "Plan"));
    table
}

/// What every figure means: its label and definition, from the catalogue.
pub fn definitions(plan: &Plan, names: &WorkerNames) -> Table {
    let all = report::definitions_table(plan, names);
    let mut table = from_report(
        &all,
        "What the figures mean",
        |c| {
            matches!(
                c.heading.as_str(),
                "Section" | "Item" | "Definition or note"
            )
        },
        usize::MAX,
    );
    table.rows.retain(|row| row[0].text == "Figure");
    for row in &mut table.rows {
        row.remove(0);
    }
    table.columns.remove(0);
    table.columns[0].heading = "Figure".to_owned();
    table.columns[1].heading = "Definition".to_owned();
    table.under_heading()
}

/// The projection every three months (and its last month): the expected path, and the 10th
/// and 90th percentiles of capacity and caseload when the bands were worked out. The charts
/// show every month, and every month is in the Excel and CSV exports; on paper a quarter's
/// step keeps the table to a page.
pub fn projection(input: &report::ReportInput) -> Table {
    const FIGURES: [FigureId; 6] = [
        FigureId::CapacityCases,
        FigureId::DemandCases,
        FigureId::PractitionerFte,
        FigureId::AllCasesPerPractitionerFte,
        FigureId::CasesBeyondCapacity,
        FigureId::MonthlyCost,
    ];
    let all = report::projection_table(input.projection, input.bands);
    let banded = |c: &ReportColumn| {
        [
            FigureId::CapacityCases,
            FigureId::AllCasesPerPractitionerFte,
        ]
        .iter()
        .any(|&id| {
            let label = figure(id).label;
            c.heading == format!("{label}, 10th percentile")
                || c.heading == format!("{label}, 90th percentile")
        })
    };
    let mut table = from_report(
        &all,
        "The projection every three months",
        |c| headed(c, &FIGURES, &["Month"]) || banded(c),
        usize::MAX,
    )
    .under_heading();
    let last = table.rows.len().saturating_sub(1);
    let mut month = 0;
    table.rows.retain(|_| {
        month += 1;
        (month - 1) % 3 == 0 || month - 1 == last
    });
    table
}

/// The posts of the scenario shown, at most [`MAX_POSTS`], and a note of any left out.
pub fn posts(
    flow: &mut Flow,
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
    progress: &mut dyn FnMut(f32) -> bool,
) -> bool {
    let all = report::posts_table(plan, assessment, names);
    let shown = &[
        "Team",
        "Worker",
        "Grade",
        "Contract",
        "FTE",
        "Status",
        "Cases held",
        "Load (points)",
        "Capacity (points)",
        "Utilisation",
        "Band",
    ];
    let table = from_report(
        &all,
        "Posts",
        |c| shown.contains(&c.heading.as_str()),
        MAX_POSTS,
    )
    .under_heading();
    if all.rows.len() > MAX_POSTS {
        flow.paragraph(
            &format!(
                "The first {} of {} posts, in the plan's order; every post is in the Excel and CSV exports.",
                text::thousands(MAX_POSTS as u64),
                text::thousands(all.rows.len() as u64)
            ),
            NOTE,
        );
    }
    flow.table(&table, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::figures::Unit;

    #[test]
    fn cells_are_written_as_the_app_writes_figures() {
        let money = ReportColumn::number("Annual cost", Unit::Money);
        let text_column = ReportColumn::text("Value");
        assert_eq!(
            written(&report::Cell::Number(1_372_800.4), &money),
            "£1,372,800"
        );
        assert_eq!(written(&report::Cell::Empty, &money), "–");
        assert_eq!(written(&report::Cell::Empty, &text_column), "");
        assert_eq!(
            written(&report::Cell::Quantity(0.185, Unit::Percent), &text_column),
            "18.5%"
        );
        assert_eq!(written(&report::Cell::Number(36.0), &text_column), "36");
        assert_eq!(
            written(&report::Cell::text("Locality North"), &text_column),
            "Locality North"
        );
    }
}
