//! The tables every export writes (CSV, Excel, the PDF report, Copy as table), as plain data:
//! headings, each column's unit, and cells that keep numbers as numbers (a percentage is the
//! fraction, with the unit [`Unit::Percent`]). How a file shows them is the writer's business
//! (`crate::io::export`); what they hold is decided here, once.
//!
//! Every figure comes from the catalogue ([`crate::model::figures`]) or the assessment, never
//! worked out here; every worker is named through [`WorkerNames`], so an anonymised export
//! names no one.
//!
//! - `posts.rs`: a row per post, as the Posts table shows them;
//! - `teams.rs`: a row per team and the whole service with the catalogue's team figures, and
//!   the alerts;
//! - `projection.rs`: the projection month by month, expected path and percentile bands;
//! - `comparison.rs`: the compared figures of every scenario with differences from the
//!   baseline, and each option's list of changes;
//! - `definitions.rs`: every figure's definition, the plan's targets, assumptions, timeline,
//!   case weights, grades and cost rates;
//! - `plain.rs`: numbers and text as a spreadsheet reads them, for the clipboard and CSV.

mod comparison;
mod definitions;
mod plain;
mod posts;
mod projection;
mod teams;

pub use comparison::{changes_table, comparison_table};
pub use definitions::definitions_table;
pub use plain::{PercentAs, formula_safe, one_line, spreadsheet_number};
pub use posts::posts_table;
pub use projection::projection_table;
pub use teams::{alerts_table, teams_table};

use super::anonymise::WorkerNames;
use super::figures::Unit;
use super::projection::{Bands, project};
use super::{Assessment, ScenarioId, ScenarioSet, assess};

/// One table of an export: a sheet of the workbook, a CSV file, a table of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportTable {
    /// Short: a sheet's or a file's name ("Posts", "Definitions and assumptions"), at most 31
    /// characters (Excel's limit for a sheet name).
    pub name: String,
    /// What the table shows, for the report and the top of a sheet: "Posts: Plan, Baseline".
    pub title: String,
    pub columns: Vec<ReportColumn>,
    /// Each row has one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A column: its heading, and the unit of its numbers (`None`: text, or numbers each with
/// their own unit, [`Cell::Quantity`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ReportColumn {
    pub heading: String,
    pub unit: Option<Unit>,
}

impl ReportColumn {
    pub fn text(heading: impl Into<String>) -> Self {
        ReportColumn {
            heading: heading.into(),
            unit: None,
        }
    }

    pub fn number(heading: impl Into<String>, unit: Unit) -> Self {
        ReportColumn {
            heading: heading.into(),
            unit: Some(unit),
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number in its column's unit (a plain number in a column without one).
    Number(f64),
    /// A number with its own unit, in a column whose rows differ (a figure per row).
    Quantity(f64, Unit),
    /// No value: a ratio with a zero denominator, a date that does not apply.
    Empty,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }

    /// A figure's value, or [`Cell::Empty`] when it has none.
    pub fn number_or_empty(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// The number in this cell and its unit, taking the column's unit when the cell has none
    /// of its own; `None` for text and empty cells.
    pub fn number_in(&self, column: &ReportColumn) -> Option<(f64, Option<Unit>)> {
        match *self {
            Cell::Number(value) => Some((value, column.unit)),
            Cell::Quantity(value, unit) => Some((value, Some(unit))),
            Cell::Text(_) | Cell::Empty => None,
        }
    }
}

impl ReportTable {
    /// The table as tab-separated lines, heading first, for the clipboard: pasted into Excel
    /// or Word it is a table. Numbers as a spreadsheet reads them (see [`spreadsheet_number`]:
    /// `.` decimal, no thousands separators, percentages as `18.5%`); tabs and line breaks
    /// inside text become spaces.
    pub fn to_tab_separated(&self) -> String {
        let mut out = String::new();
        let mut line = |cells: &mut dyn Iterator<Item = String>| {
            let fields: Vec<String> = cells.collect();
            out.push_str(&fields.join("\t"));
            out.push('\n');
        };
        line(
            &mut self
                .columns
                .iter()
                .map(|c| formula_safe(&one_line(&c.heading))),
        );
        for row in &self.rows {
            line(&mut row.iter().zip(&self.columns).map(|(cell, column)| {
                match (cell, cell.number_in(column)) {
                    (_, Some((value, unit))) => spreadsheet_number(value, unit, PercentAs::Sign),
                    (Cell::Text(text), None) => formula_safe(&one_line(text)),
                    _ => String::new(),
                }
            }));
        }
        out
    }
}

/// Everything the tables of one export are made of.
pub struct ReportInput<'a> {
    pub set: &'a ScenarioSet,
    /// The scenario whose posts, teams, alerts, projection and assumptions are reported.
    pub scenario: ScenarioId,
    /// Each scenario's assessment, in the set's order.
    pub assessments: &'a [Assessment],
    /// The reported scenario's expected path.
    pub projection: &'a super::projection::Projection,
    /// Its Monte Carlo bands, when they have been worked out.
    pub bands: Option<&'a Bands>,
    pub names: WorkerNames<'a>,
}

/// The assessment of every scenario of `set`, in its order, for [`ReportInput::assessments`].
pub fn assess_all(set: &ScenarioSet) -> Vec<Assessment> {
    set.iter().map(|s| assess(&s.plan)).collect()
}

/// Every table of an export, in the order a workbook's sheets go: posts, teams, alerts,
/// projection, comparison, changes, definitions and assumptions.
pub fn report_tables(input: &ReportInput) -> Vec<ReportTable> {
    let set = input.set;
    let position = set.position(input.scenario).unwrap_or(0);
    let scenario = set.iter().nth(position).expect("a set has its baseline");
    let plan = &scenario.plan;
    let assessment = &input.assessments[position.min(input.assessments.len() - 1)];
    let compared: Vec<(&str, &Assessment)> = set
        .iter()
        .zip(input.assessments)
        .map(|(s, a)| (s.name.as_str(), a))
        .collect();
    // Tables of the reported scenario say which it is; the comparison and changes are of all.
    let of_scenario = |mut table: ReportTable| {
        table.title = format!("{}: {}, {}", table.title, plan.name, scenario.name);
        table
    };
    let of_plan = |mut table: ReportTable| {
        table.title = format!("{}: {}", table.title, plan.name);
        table
    };
    vec![
        of_scenario(posts_table(plan, assessment, &input.names)),
        of_scenario(teams_table(plan, assessment)),
        of_scenario(alerts_table(plan, assessment)),
        of_scenario(projection_table(input.projection, input.bands)),
        of_plan(comparison_table(&compared)),
        of_plan(changes_table(set, &input.names)),
        of_scenario(definitions_table(plan, &input.names)),
    ]
}

/// [`report_tables`] of `scenario` in `set`, assessing every scenario and projecting the one
/// reported: for a caller that has not got them at hand (the command line, a background job).
pub fn report_tables_of(
    set: &ScenarioSet,
    scenario: ScenarioId,
    bands: Option<&Bands>,
    names: WorkerNames,
) -> Vec<ReportTable> {
    let assessments = assess_all(set);
    let projection = project(set.plan(scenario));
    report_tables(&ReportInput {
        set,
        scenario,
        assessments: &assessments,
        projection: &projection,
        bands,
        names,
    })
}

/// A unit in words, for a table whose rows each have their own: "%", "£", "FTE".
pub fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::Caseload => "cases per FTE",
        Unit::Cases => "count",
        Unit::Fte => "FTE",
        Unit::Percent => "%",
        Unit::Points => "points",
        Unit::Money => "£",
        Unit::Ratio => "ratio",
    }
}

#[cfg(test)]
mod tests;
