//! One row of a staff list read as one post, with every problem of the row (not only the
//! first), each at its row and column in the file's words.

use super::columns::ColumnRole;
use super::dates::{month_of, read_date};
use super::guesses::{AbsenceChoice, ContractChoice, guess_absence, guess_contract, guess_cover};
use super::mapping::{GradeChoice, ImportMapping, TeamChoice, index};
use super::table::{Cell, Row, Table};
use super::values::{is_vacancy, quoted, read_code, read_fte, read_hours, read_text};
use super::words::normalise;
use crate::model::shown::shortened;
use crate::model::{
    AgencyCover, Contract, GradeId, Location, Plan, PostStatus, Problem, YearMonth,
};
use std::collections::HashMap;

/// A post as a row describes it, before it has an id or a team id.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Draft {
    pub row: usize,
    pub number: Option<String>,
    pub worker: Option<String>,
    pub grade: GradeId,
    /// The name of the team chosen for the row's team text.
    pub team: String,
    pub contract: Contract,
    pub fte: f64,
    pub status: PostStatus,
    pub starts: Option<YearMonth>,
    pub leaves: Option<YearMonth>,
    pub covers: AgencyCover,
}

/// Whether a row's contract, as read, is agency.
#[allow(clippy::type_complexity)]
fn is_agency(read: &Option<(Contract, Option<YearMonth>, Option<YearMonth>)>) -> bool {
    matches!(read, Some((Contract::Agency, ..)))
}

/// What became of a row.
pub(super) enum Outcome {
    Post(Box<Draft>),
    /// A word of the row was chosen to be skipped (a job title not imported).
    Skipped,
    Problems(Vec<Problem>),
}

/// Assumptions made for rows that left something out, counted for the preview's notes.
#[derive(Default)]
pub(super) struct Defaults {
    pub full_time: usize,
    pub permanent: usize,
    pub fixed_term_from_plan_start: usize,
}

/// Reads rows with one mapping for one plan; the mapping's words are looked up by key.
pub(super) struct RowReader<'a> {
    table: &'a Table,
    mapping: &'a ImportMapping,
    plan_start: YearMonth,
    columns: HashMap<ColumnRole, usize>,
    grades: HashMap<String, &'a GradeChoice>,
    teams: HashMap<String, &'a TeamChoice>,
    contracts: HashMap<String, &'a ContractChoice>,
    absences: HashMap<String, &'a AbsenceChoice>,
    grade_ids: HashMap<String, GradeId>,
    pub defaults: Defaults,
}

impl<'a> RowReader<'a> {
    pub fn new(table: &'a Table, mapping: &'a ImportMapping, plan: &Plan) -> Self {
        let columns = mapping
            .roles(table)
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (r, i)))
            .collect();
        RowReader {
            table,
            mapping,
            plan_start: plan.timeline.start,
            columns,
            grades: index(&mapping.grades),
            teams: index(&mapping.teams),
            contracts: index(&mapping.contracts),
            absences: index(&mapping.absences),
            grade_ids: plan
                .grades
                .iter()
                .rev()
                .map(|g| (normalise(&g.name), g.id))
                .collect(),
            defaults: Defaults::default(),
        }
    }

    /// The roles a staff list cannot do without and the mapping gives no column.
    pub fn missing_roles(&self) -> Vec<ColumnRole> {
        [ColumnRole::JobTitle, ColumnRole::Team]
            .into_iter()
            .filter(|r| !self.columns.contains_key(r))
            .collect()
    }

    fn cell<'r>(&self, row: &'r Row, role: ColumnRole) -> (&'r Cell, Option<usize>) {
        match self.columns.get(&role) {
            Some(&c) => (row.cell(c), Some(c)),
            None => (&Cell::Empty, None),
        }
    }

    fn word(&self, row: &Row, role: ColumnRole) -> Option<String> {
        read_code(self.cell(row, role).0).map(|t| normalise(&t))
    }

    pub fn read(&mut self, row: &Row) -> Outcome {
        let mut problems = Vec::new();
        let table = self.table;
        let at = |column: Option<usize>| Location::Row {
            row: row.number,
            column: column.map(|c| shortened(&table.headings[c]).into_owned()),
        };
        let mut problem = |column: Option<usize>, message: String| {
            problems.push(Problem::new(at(column), message));
        };

        // Words chosen to be skipped take the row out before anything is checked.
        let grade_word = self.word(row, ColumnRole::JobTitle);
        let team_word = self.word(row, ColumnRole::Team);
        let contract_word = self.word(row, ColumnRole::Contract);
        let grade_choice = grade_word
            .as_ref()
            .and_then(|w| self.grades.get(w).copied());
        let team_choice = team_word.as_ref().and_then(|w| self.teams.get(w).copied());
        let contract = contract_word
            .as_ref()
            .map_or(ContractChoice::Permanent, |w| {
                self.contracts
                    .get(w)
                    .map_or_else(|| guess_contract(w), |c| **c)
            });
        if grade_choice == Some(&GradeChoice::Skip)
            || team_choice == Some(&TeamChoice::Skip)
            || contract == ContractChoice::Skip
        {
            return Outcome::Skipped;
        }

        let worker = self.worker(row, &mut problem);
        let (grade_cell, grade_column) = self.cell(row, ColumnRole::JobTitle);
        let grade = match grade_choice {
            _ if grade_cell.is_empty() => {
                problem(
                    grade_column,
                    "blank: every post needs a job title or grade".into(),
                );
                None
            }
            Some(GradeChoice::Grade(name)) => {
                let id = self.grade_ids.get(&normalise(name)).copied();
                if id.is_none() {
                    problem(
                        grade_column,
                        format!(
                            "{} is to be the grade '{}', which the plan does not have",
                            quoted(grade_cell),
                            shortened(name)
                        ),
                    );
                }
                id
            }
            _ => {
                problem(
                    grade_column,
                    format!(
                        "{} is not matched to one of the plan's grades: choose one, or skip these rows",
                        quoted(grade_cell)
                    ),
                );
                None
            }
        };
        let (team_cell, team_column) = self.cell(row, ColumnRole::Team);
        let team = match team_choice {
            Some(TeamChoice::Team(name)) if !team_cell.is_empty() => Some(name.clone()),
            _ => {
                problem(team_column, "blank: every post needs a team".into());
                None
            }
        };
        let fte = self.fte(row, &mut problem);
        let contract = self.contract(row, contract, &mut problem);
        let covers = self.covers(row, is_agency(&contract), &mut problem);
        let status = self.status(row, worker.is_none(), &mut problem);
        let number = read_code(self.cell(row, ColumnRole::EmployeeNumber).0);
        if !problems.is_empty() {
            return Outcome::Problems(problems);
        }
        let (
            Some(grade),
            Some(team),
            Some(fte),
            Some((contract, starts, leaves)),
            Some(status),
            Some(covers),
        ) = (grade, team, fte, contract, status, covers)
        else {
            return Outcome::Problems(problems);
        };
        Outcome::Post(Box::new(Draft {
            row: row.number,
            number,
            worker,
            grade,
            team,
            contract,
            fte,
            status,
            starts,
            leaves,
            covers,
        }))
    }

    /// The worker's name, or `None` for a vacancy (no name, or "Vacant").
    fn worker(&self, row: &Row, problem: &mut impl FnMut(Option<usize>, String)) -> Option<String> {
        let mut read = |role| {
            let (cell, column) = self.cell(row, role);
            read_text(cell, "a name").unwrap_or_else(|message| {
                problem(column, message);
                None
            })
        };
        let name = match read(ColumnRole::Name) {
            Some(name) => Some(name),
            None => {
                let parts: Vec<String> = [ColumnRole::FirstName, ColumnRole::LastName]
                    .into_iter()
                    .filter_map(&mut read)
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            }
        };
        name.filter(|n| !is_vacancy(n))
    }

    fn fte(&mut self, row: &Row, problem: &mut impl FnMut(Option<usize>, String)) -> Option<f64> {
        let (cell, column) = self.cell(row, ColumnRole::Fte);
        match read_fte(cell, self.table.decimal_comma) {
            Ok(Some(fte)) => return Some(fte),
            Ok(None) => {}
            Err(message) => {
                problem(column, message);
                return None;
            }
        }
        let (cell, column) = self.cell(row, ColumnRole::WeeklyHours);
        match read_hours(cell, self.mapping.full_time_hours, self.table.decimal_comma) {
            Ok(Some(fte)) => Some(fte),
            Ok(None) => {
                self.defaults.full_time += 1;
                Some(1.0)
            }
            Err(message) => {
                problem(column, message);
                None
            }
        }
    }

    /// A month from the date in `role`'s column, or `None`; a problem when it is not a date.
    fn month(
        &self,
        row: &Row,
        role: ColumnRole,
        problem: &mut impl FnMut(Option<usize>, String),
    ) -> Result<Option<YearMonth>, ()> {
        let (cell, column) = self.cell(row, role);
        match read_date(cell).and_then(|d| d.map(|d| month_of(d, cell)).transpose()) {
            Ok(month) => Ok(month),
            Err(message) => {
                problem(column, message);
                Err(())
            }
        }
    }

    /// The contract, when the post starts and when its worker leaves.
    #[allow(clippy::type_complexity)]
    fn contract(
        &mut self,
        row: &Row,
        choice: ContractChoice,
        problem: &mut impl FnMut(Option<usize>, String),
    ) -> Option<(Contract, Option<YearMonth>, Option<YearMonth>)> {
        let (contract_cell, contract_column) = self.cell(row, ColumnRole::Contract);
        let start = self.month(row, ColumnRole::StartDate, problem);
        let end = self.month(row, ColumnRole::EndDate, problem);
        let (Ok(start), Ok(end)) = (start, end) else {
            return None;
        };
        let end_column = self.columns.get(&ColumnRole::EndDate).copied();
        let plan_start = self.plan_start;
        match choice {
            ContractChoice::Unmatched | ContractChoice::Skip => {
                problem(
                    contract_column,
                    format!(
                        "{} is not a kind of contract the plan knows: choose permanent, fixed term or agency",
                        quoted(contract_cell)
                    ),
                );
                None
            }
            ContractChoice::FixedTerm => {
                let Some(end) = end else {
                    problem(
                        end_column.or(contract_column),
                        "a fixed-term contract needs an end date".into(),
                    );
                    return None;
                };
                let start = start.unwrap_or_else(|| {
                    self.defaults.fixed_term_from_plan_start += 1;
                    plan_start.min(end)
                });
                if end < start {
                    problem(
                        end_column,
                        format!("the contract ends ({end}) before it starts ({start})"),
                    );
                    return None;
                }
                if end < plan_start {
                    problem(
                        end_column,
                        format!("the contract ended ({end}) before the plan starts ({plan_start})"),
                    );
                    return None;
                }
                Some((Contract::FixedTerm { start, end }, None, None))
            }
            ContractChoice::Permanent | ContractChoice::Agency => {
                if contract_cell.is_empty() {
                    self.defaults.permanent += usize::from(choice == ContractChoice::Permanent);
                }
                let contract = if choice == ContractChoice::Agency {
                    Contract::Agency
                } else {
                    Contract::Permanent
                };
                // A start before the plan is a worker already in post: nothing to record.
                let starts = start.filter(|&s| s >= plan_start);
                if let Some(leaves) = end {
                    if leaves < plan_start {
                        problem(
                            end_column,
                            format!(
                                "the worker left ({leaves}) before the plan starts ({plan_start})"
                            ),
                        );
                        return None;
                    }
                    if starts.is_some_and(|s| leaves < s) {
                        problem(
                            end_column,
                            format!(
                                "the worker leaves ({leaves}) before the post starts ({})",
                                starts.unwrap_or(leaves)
                            ),
                        );
                        return None;
                    }
                }
                Some((contract, starts, end))
            }
        }
    }

    /// What an agency worker covers (a vacancy when the column is blank or absent). The
    /// column is not read for other contracts: a fixed-term "maternity cover" is an employee.
    fn covers(
        &self,
        row: &Row,
        agency: bool,
        problem: &mut impl FnMut(Option<usize>, String),
    ) -> Option<AgencyCover> {
        if !agency {
            return Some(AgencyCover::Vacancy);
        }
        let (cell, column) = self.cell(row, ColumnRole::Covering);
        let found = read_code(cell).map_or(Some(AgencyCover::Vacancy), |w| guess_cover(&w));
        if found.is_none() {
            problem(
                column,
                format!(
                    "{} is not what an agency worker covers: write vacancy, absence or extra \
                     (over establishment)",
                    quoted(cell)
                ),
            );
        }
        found
    }

    /// Working, or away (and why, and until when).
    fn status(
        &self,
        row: &Row,
        vacant: bool,
        problem: &mut impl FnMut(Option<usize>, String),
    ) -> Option<PostStatus> {
        let choice = self
            .word(row, ColumnRole::Absence)
            .map_or(AbsenceChoice::Working, |w| {
                self.absences
                    .get(&w)
                    .map_or_else(|| guess_absence(&w), |c| **c)
            });
        match choice {
            AbsenceChoice::Working => Some(PostStatus::Active),
            AbsenceChoice::Absent(_) if vacant => {
                let column = self.columns.get(&ColumnRole::Absence).copied();
                problem(
                    column,
                    "the post has no worker named, so no one can be absent from it".into(),
                );
                None
            }
            AbsenceChoice::Absent(reason) => {
                let returns = self.month(row, ColumnRole::ReturnDate, problem).ok()?;
                Some(PostStatus::Absent { reason, returns })
            }
        }
    }
}
