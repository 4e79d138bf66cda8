//! A caseload report read against a plan: each row's worker found (by employee or post number,
//! then by name), their cases counted by case type, and the one batch of
//! [`Command::SetPostCases`] that sets them. Rows whose worker is not in the plan, and the
//! plan's workers the report does not mention, are listed.

use super::case_columns::{CaseColumn, CaseTypeChoice, CaseloadMapping};
use super::mapping::index;
use super::structure::post_number;
use super::table::{Row, Table};
use super::values::{quoted, read_code, read_count};
use super::words::{normalise, person_key};
use crate::model::shown::shortened;
use crate::model::{CaseCounts, CaseTypeId, Command, Location, Plan, PostId, Problem};
use std::collections::{BTreeMap, HashMap};

/// What importing a caseload report would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseloadPreview {
    /// Each worker found, with their cases of the types the report covers.
    pub cases: BTreeMap<PostId, CaseCounts>,
    /// The case types the report counts: only these are changed.
    pub covered: Vec<CaseTypeId>,
    /// Rows whose worker is not in the plan (or not only one worker), at the worker's column.
    pub unmatched_rows: Vec<Problem>,
    /// Other problems: counts that are not numbers, words that are no case type, headings.
    pub problems: Vec<Problem>,
    /// The plan's case-holding workers the report does not mention: (post, worker's name).
    pub workers_not_in_report: Vec<(PostId, String)>,
}

impl CaseloadPreview {
    /// Every case counted.
    pub fn total(&self) -> u64 {
        self.cases
            .values()
            .flat_map(|c| c.values())
            .map(|&n| u64::from(n))
            .sum()
    }

    /// One batch setting each worker's count of every covered case type (only those that
    /// change), so it is one undo step.
    pub fn command(&self, plan: &Plan) -> Command {
        let mut commands = Vec::new();
        for post in &plan.posts {
            let Some(counts) = self.cases.get(&post.id) else {
                continue;
            };
            for &case_type in &self.covered {
                let count = counts.get(&case_type).copied().unwrap_or(0);
                if post.cases.get(&case_type).copied().unwrap_or(0) != count {
                    commands.push(Command::SetPostCases {
                        post: post.id,
                        case_type,
                        count,
                    });
                }
            }
        }
        Command::Batch(commands)
    }
}

/// How rows find their worker.
struct Workers<'a> {
    by_name: HashMap<String, Option<PostId>>,
    posts: HashMap<PostId, ()>,
    by_number: &'a dyn Fn(&str) -> Option<PostId>,
}

impl Workers<'_> {
    /// The post a number names: an employee number from the staff list imported with this
    /// report, or the app's own post number (`P12`).
    fn by_number(&self, number: &str) -> Option<PostId> {
        (self.by_number)(number).or_else(|| {
            post_number(number)
                .map(PostId)
                .filter(|id| self.posts.contains_key(id))
        })
    }
}

/// Reads `table` with `mapping` against `plan`'s filled posts. `numbers` finds the post of an
/// employee number (from a staff list imported at the same time); otherwise pass `&|_| None`.
pub fn preview_cases(
    table: &Table,
    mapping: &CaseloadMapping,
    plan: &Plan,
    numbers: &dyn Fn(&str) -> Option<PostId>,
) -> CaseloadPreview {
    let mut out = CaseloadPreview::default();
    let roles = mapping.roles(table);
    let column = |wanted: &CaseColumn| roles.iter().position(|r| r.as_ref() == Some(wanted));
    let heading = |c: usize| shortened(&table.headings[c]).into_owned();
    let at = |row: usize, c: Option<usize>| Location::Row {
        row,
        column: c.map(heading),
    };
    let type_ids: HashMap<String, CaseTypeId> = plan
        .case_types
        .iter()
        .map(|c| (normalise(&c.name), c.id))
        .collect();

    let mut case_columns: Vec<(usize, CaseTypeId)> = Vec::new();
    for (c, role) in roles.iter().enumerate() {
        if let Some(CaseColumn::Cases(name)) = role {
            match type_ids.get(&normalise(name)) {
                Some(&id) => case_columns.push((c, id)),
                None => out.problems.push(Problem::new(
                    at(table.heading_row, Some(c)),
                    format!(
                        "is to count '{}' cases, which the plan does not have",
                        shortened(name)
                    ),
                )),
            }
        }
    }
    let worker_column = column(&CaseColumn::Worker);
    let number_column = column(&CaseColumn::WorkerNumber);
    let type_column = column(&CaseColumn::CaseType);
    let count_column = column(&CaseColumn::Count);
    if worker_column.is_none() && number_column.is_none() {
        out.problems.push(Problem::new(
            at(table.heading_row, None),
            "no column is chosen as the worker's name or number".to_owned(),
        ));
    }
    if case_columns.is_empty() && type_column.is_none() {
        out.problems.push(Problem::new(
            at(table.heading_row, None),
            "no column is chosen as a case type, or as the case type of each row".to_owned(),
        ));
    }
    if !out.problems.is_empty() {
        return out;
    }

    let mut by_name: HashMap<String, Option<PostId>> = HashMap::new();
    for p in &plan.posts {
        if let Some(name) = &p.worker {
            by_name
                .entry(person_key(name))
                .and_modify(|id| *id = None)
                .or_insert(Some(p.id));
        }
    }
    let workers = Workers {
        by_name,
        posts: plan
            .posts
            .iter()
            .filter(|p| !p.is_vacant())
            .map(|p| (p.id, ()))
            .collect(),
        by_number: numbers,
    };
    let words = index(&mapping.case_types);
    let mut first_row: HashMap<PostId, usize> = HashMap::new();
    let mut covered: Vec<CaseTypeId> = case_columns.iter().map(|&(_, id)| id).collect();

    for row in &table.rows {
        let Some(post) = find_worker(row, &workers, worker_column, number_column, &at, &mut out)
        else {
            continue;
        };
        let mut counts = CaseCounts::new();
        let mut bad = false;
        for &(c, case_type) in &case_columns {
            match read_count(row.cell(c), table.decimal_comma) {
                Ok(n) => {
                    counts.insert(case_type, n);
                }
                Err(message) => {
                    out.problems
                        .push(Problem::new(at(row.number, Some(c)), message));
                    bad = true;
                }
            }
        }
        if let Some(tc) = type_column {
            let cell = row.cell(tc);
            let choice = read_code(cell).and_then(|t| words.get(&normalise(&t)).copied());
            let n = match count_column {
                Some(cc) => read_count(row.cell(cc), table.decimal_comma).map_err(|m| (cc, m)),
                None => Ok(1),
            };
            match (choice, n) {
                (Some(CaseTypeChoice::Skip), _) => continue,
                (Some(CaseTypeChoice::CaseType(name)), Ok(n)) => {
                    match type_ids.get(&normalise(name)) {
                        Some(&id) => {
                            *counts.entry(id).or_default() += n;
                            if !covered.contains(&id) {
                                covered.push(id);
                            }
                        }
                        None => {
                            out.problems.push(Problem::new(
                                at(row.number, Some(tc)),
                                format!(
                                    "{} is to be the case type '{}', which the plan does not have",
                                    quoted(cell),
                                    shortened(name)
                                ),
                            ));
                            bad = true;
                        }
                    }
                }
                (_, Err((cc, message))) => {
                    out.problems
                        .push(Problem::new(at(row.number, Some(cc)), message));
                    bad = true;
                }
                _ => {
                    let message = if cell.is_empty() {
                        "blank: each row needs its case type".to_owned()
                    } else {
                        format!(
                            "{} is not one of the plan's case types: choose one, or skip these rows",
                            quoted(cell)
                        )
                    };
                    out.problems
                        .push(Problem::new(at(row.number, Some(tc)), message));
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        let long = type_column.is_some();
        if !long && let Some(&first) = first_row.get(&post) {
            out.problems.push(Problem::new(
                at(row.number, worker_column.or(number_column)),
                format!("this worker is also on row {first}: each worker needs one row"),
            ));
            continue;
        }
        first_row.entry(post).or_insert(row.number);
        let total = out.cases.entry(post).or_default();
        for (case_type, n) in counts {
            let held = total.entry(case_type).or_default();
            *held = held.saturating_add(n);
        }
    }
    covered.sort();
    out.covered = covered;
    out.workers_not_in_report = plan
        .posts
        .iter()
        .filter(|p| !out.cases.contains_key(&p.id))
        .filter(|p| plan.grade(p.grade).is_some_and(|g| g.holds_cases))
        .filter_map(|p| p.worker.clone().map(|w| (p.id, w)))
        .collect();
    out
}

/// The post of the row's worker, or `None` with the row listed as unmatched.
fn find_worker(
    row: &Row,
    workers: &Workers,
    worker_column: Option<usize>,
    number_column: Option<usize>,
    at: &impl Fn(usize, Option<usize>) -> Location,
    out: &mut CaseloadPreview,
) -> Option<PostId> {
    let number = number_column.and_then(|c| read_code(row.cell(c)));
    if let Some(post) = number.as_deref().and_then(|n| workers.by_number(n)) {
        return Some(post);
    }
    let name = worker_column.and_then(|c| read_code(row.cell(c)));
    let found = name.as_deref().map(|n| workers.by_name.get(&person_key(n)));
    let (message, column) = match (found, &name) {
        (Some(Some(Some(post))), _) if workers.posts.contains_key(post) => return Some(*post),
        (Some(Some(None)), Some(name)) => (
            format!(
                "'{}' is the name of more than one worker in the plan: give employee numbers",
                shortened(name)
            ),
            worker_column,
        ),
        (_, Some(name)) => (
            format!("'{}' is not a worker in the plan", shortened(name)),
            worker_column,
        ),
        (_, None) => match &number {
            Some(number) => (
                format!(
                    "'{}' is not the number of a worker in the plan",
                    shortened(number)
                ),
                number_column,
            ),
            None => (
                "no worker named".to_owned(),
                worker_column.or(number_column),
            ),
        },
    };
    out.unmatched_rows
        .push(Problem::new(at(row.number, column), message));
    None
}
