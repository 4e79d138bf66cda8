//! What an import would do, before anything changes: the posts and teams, every problem by
//! row and column, what was assumed, and the one change that applies it (a new plan, or one
//! [`Command::ReplaceStructure`] for the scenario shown, so it is one undo step).

use super::columns::ColumnRole;
use super::mapping::ImportMapping;
use super::rows::{Outcome, RowReader};
use super::structure::{Structure, build};
use super::table::Table;
use super::words::normalise;
use crate::model::shown::{count, shortened};
use crate::model::{Command, Location, NextIds, Plan, Post, PostId, Problem, Team, TeamId};
use std::collections::HashMap;

/// What importing a staff list would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The teams and posts after the import, and what became of the plan's own.
    pub structure: Structure,
    /// Every problem, in row order; rows with problems are not imported.
    pub problems: Vec<Problem>,
    /// How many rows have problems (a row may have several).
    pub rows_with_problems: usize,
    /// Rows left out because one of their words was chosen to be skipped.
    pub rows_skipped: usize,
    /// What was assumed for rows that left something out, in words.
    pub notes: Vec<String>,
}

/// Reads every row of `table` with `mapping` for importing into `base` (the scenario shown,
/// or a new plan), new ids taken from `ids` (the plan's [`NextIds`]).
pub fn preview(table: &Table, mapping: &ImportMapping, base: &Plan, ids: NextIds) -> ImportPreview {
    let mut reader = RowReader::new(table, mapping, base);
    let mut problems = Vec::new();
    let missing = reader.missing_roles();
    if !missing.is_empty() {
        for role in missing {
            problems.push(Problem::new(
                Location::Row {
                    row: table.heading_row,
                    column: None,
                },
                format!(
                    "no column is chosen as the {}: every post needs one",
                    role.label().to_lowercase()
                ),
            ));
        }
        return ImportPreview {
            structure: Structure::default(),
            problems,
            rows_with_problems: 0,
            rows_skipped: 0,
            notes: Vec::new(),
        };
    }
    let mut drafts = Vec::with_capacity(table.rows.len());
    let mut rows_with_problems = 0;
    let mut rows_skipped = 0;
    for row in &table.rows {
        match reader.read(row) {
            Outcome::Post(draft) => drafts.push(*draft),
            Outcome::Skipped => rows_skipped += 1,
            Outcome::Problems(found) => {
                rows_with_problems += 1;
                problems.extend(found);
            }
        }
    }
    // An employee number on two rows: the later rows are refused, so matching stays certain.
    let number_column = mapping
        .column(table, ColumnRole::EmployeeNumber)
        .map(|c| shortened(&table.headings[c]).into_owned());
    let mut first_row: HashMap<String, usize> = HashMap::new();
    drafts.retain(|d| {
        let Some(number) = &d.number else {
            return true;
        };
        match first_row.get(&normalise(number)) {
            Some(&first) => {
                rows_with_problems += 1;
                problems.push(Problem::new(
                    Location::Row {
                        row: d.row,
                        column: number_column.clone(),
                    },
                    format!(
                        "'{}' is also on row {first}: each row needs its own number",
                        shortened(number)
                    ),
                ));
                false
            }
            None => {
                first_row.insert(normalise(number), d.row);
                true
            }
        }
    });
    problems.sort_by_key(|p| p.location.row().map_or(0, |(row, _)| row));

    let mut notes = Vec::new();
    let defaults = &reader.defaults;
    if defaults.full_time > 0 {
        notes.push(format!(
            "{} no FTE or hours: taken as full time.",
            rows_have(defaults.full_time)
        ));
    }
    if defaults.permanent > 0 && mapping.column(table, ColumnRole::Contract).is_some() {
        notes.push(format!(
            "{} no contract: taken as permanent.",
            rows_have(defaults.permanent)
        ));
    }
    if defaults.fixed_term_from_plan_start > 0 {
        notes.push(format!(
            "{} a fixed-term contract with no start date: taken to start when the plan does.",
            rows_have(defaults.fixed_term_from_plan_start)
        ));
    }
    if table.rows_passed_over > 0 {
        notes.push(format!(
            "{} under the headings passed over: the headings again, or totals.",
            count(table.rows_passed_over as u64, "row", "rows")
        ));
    }
    let structure = match build(drafts, mapping, base, ids) {
        Some(structure) => structure,
        None => {
            problems.push(Problem::new(
                Location::Row {
                    row: table.heading_row,
                    column: None,
                },
                "nothing new can be numbered: the plan has used every id".to_owned(),
            ));
            Structure::default()
        }
    };
    ImportPreview {
        structure,
        problems,
        rows_with_problems,
        rows_skipped,
        notes,
    }
}

fn rows_have(n: usize) -> String {
    format!(
        "{} {}",
        count(n as u64, "row", "rows"),
        if n == 1 { "has" } else { "have" }
    )
}

impl ImportPreview {
    pub fn teams(&self) -> &[Team] {
        &self.structure.teams
    }

    pub fn posts(&self) -> &[Post] {
        &self.structure.posts
    }

    pub fn filled(&self) -> usize {
        self.posts().iter().filter(|p| !p.is_vacant()).count()
    }

    pub fn vacant(&self) -> usize {
        self.posts().len() - self.filled()
    }

    pub fn absent(&self) -> usize {
        self.posts().iter().filter(|p| p.is_absent()).count()
    }

    /// FTE of every post imported, filled or vacant.
    pub fn fte(&self) -> f64 {
        self.posts().iter().map(|p| p.fte).sum()
    }

    /// Whether a team is new (created by the import).
    pub fn is_new_team(&self, team: TeamId) -> bool {
        self.structure.new_teams.contains(&team)
    }

    /// The post an employee or post number of the file became: for matching a caseload file.
    pub fn post_for_number(&self, number: &str) -> Option<PostId> {
        self.structure.numbers.get(&normalise(number)).copied()
    }

    /// The one change that puts this structure in place of the scenario's (one undo step).
    pub fn command(&self) -> Command {
        Command::ReplaceStructure {
            teams: self.structure.teams.clone(),
            posts: self.structure.posts.clone(),
        }
    }

    /// A copy of `base` (the plan the preview was made for) with this structure: a new plan.
    pub fn plan(&self, base: &Plan) -> Plan {
        let mut base = base.clone();
        base.teams = self.structure.teams.clone();
        base.posts = self.structure.posts.clone();
        let kept: std::collections::HashSet<TeamId> = base.teams.iter().map(|t| t.id).collect();
        base.assumptions.demand.retain(|t, _| kept.contains(t));
        base
    }
}
