//! What each column of a caseload report holds. Case management systems report cases per
//! worker either wide (a worker column, then one column per case type: "CIN", "CP", "CLA") or
//! long (worker, case type, count; or one row per child, with no count). The columns and the
//! case-type words are guessed and may be changed, like a staff list's.

use super::columns::{ColumnRole, heading_score};
use super::mapping::index;
use super::table::Table;
use super::values::read_code;
use super::words::{has_phrase, normalise};
use crate::model::{CaseType, Plan, defaults};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What a column of a caseload report holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseColumn {
    /// The worker's name.
    Worker,
    /// The worker's employee number, or the post's number.
    WorkerNumber,
    /// Counts of cases of the plan's case type of this name (a wide report).
    Cases(String),
    /// Which case type the row counts (a long report).
    CaseType,
    /// How many cases the row counts (a long report; without it each row is one case).
    Count,
}

/// The plan's case type for a word of a long report, or what to do with its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseTypeChoice {
    CaseType(String),
    Skip,
    Unmatched,
}

/// How a caseload report's columns and words are read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaseloadMapping {
    /// Which column holds what, by heading as the file writes it.
    pub columns: BTreeMap<String, CaseColumn>,
    /// A long report's case-type words → the plan's case types.
    pub case_types: BTreeMap<String, CaseTypeChoice>,
}

/// Case-type words as case systems write them, by the default case type they mean.
const CASE_TYPE_WORDS: &[(&str, &[&str])] = &[
    (
        "Assessment",
        &[
            "assessment",
            "assessments",
            "single assessment",
            "c and f assessment",
            "cfa",
        ],
    ),
    (
        "Child in need",
        &["child in need", "children in need", "cin", "cin plan"],
    ),
    (
        "Child protection",
        &[
            "child protection",
            "cp",
            "cpp",
            "child protection plan",
            "cp plan",
            "section 47",
            "s47",
        ],
    ),
    (
        "Child looked after",
        &[
            "child looked after",
            "looked after",
            "looked after children",
            "cla",
            "lac",
            "children in care",
            "child in care",
            "cic",
        ],
    ),
    (
        "Court / PLO",
        &[
            "court",
            "plo",
            "care proceedings",
            "pre proceedings",
            "proceedings",
        ],
    ),
    (
        "Care leaver",
        &[
            "care leaver",
            "care leavers",
            "leaving care",
            "pathway plan",
        ],
    ),
];

/// The plan's case type a heading or word names: by name, by the words case systems use for
/// the default case types, or by a case type's name contained in it (the longest).
pub fn guess_case_type<'a>(text: &str, case_types: &'a [CaseType]) -> Option<&'a CaseType> {
    let words = normalise(text);
    if words.is_empty() {
        return None;
    }
    let named = |name: &str| {
        let wanted = normalise(name);
        case_types.iter().find(|c| normalise(&c.name) == wanted)
    };
    if let Some(same) = named(text) {
        return Some(same);
    }
    for (default_name, synonyms) in CASE_TYPE_WORDS {
        if synonyms.contains(&words.as_str()) {
            return named(default_name);
        }
    }
    case_types
        .iter()
        .filter(|c| {
            let name = normalise(&c.name);
            !name.is_empty() && has_phrase(&words, &name)
        })
        .max_by_key(|c| c.name.len())
}

fn is_case_type_heading(words: &str) -> bool {
    matches!(
        words,
        "case type"
            | "type"
            | "case category"
            | "category"
            | "legal status"
            | "type of case"
            | "plan type"
    )
}

fn is_count_heading(words: &str) -> bool {
    matches!(
        words,
        "count" | "cases" | "number of cases" | "no of cases" | "total" | "caseload" | "number"
    )
}

/// Whether a heading is one a caseload report has: for finding the row of headings.
pub fn is_caseload_heading(heading: &str) -> bool {
    let words = normalise(heading);
    heading_score(heading, ColumnRole::Name) > 0
        || heading_score(heading, ColumnRole::EmployeeNumber) > 0
        || is_case_type_heading(&words)
        || is_count_heading(&words)
        || guess_case_type(heading, &defaults::case_types()).is_some()
}

impl CaseloadMapping {
    /// The columns and words guessed from `table` for `plan`'s case types.
    pub fn guess(table: &Table, plan: &Plan) -> Self {
        let mut mapping = CaseloadMapping::default();
        let mut best_name: Option<(u8, &String)> = None;
        let mut best_number: Option<(u8, &String)> = None;
        for heading in &table.headings {
            let words = normalise(heading);
            let as_name = heading_score(heading, ColumnRole::Name);
            let as_number = heading_score(heading, ColumnRole::EmployeeNumber);
            if as_number > 0 && best_number.is_none_or(|(s, _)| as_number > s) {
                best_number = Some((as_number, heading));
            } else if as_name > 0 && best_name.is_none_or(|(s, _)| as_name > s) {
                best_name = Some((as_name, heading));
            } else if is_case_type_heading(&words) {
                mapping
                    .columns
                    .insert(heading.clone(), CaseColumn::CaseType);
            } else if is_count_heading(&words) {
                mapping.columns.insert(heading.clone(), CaseColumn::Count);
            } else if let Some(case_type) = guess_case_type(heading, &plan.case_types) {
                let taken = mapping
                    .columns
                    .values()
                    .any(|c| *c == CaseColumn::Cases(case_type.name.clone()));
                if !taken {
                    mapping
                        .columns
                        .insert(heading.clone(), CaseColumn::Cases(case_type.name.clone()));
                }
            }
        }
        if let Some((_, heading)) = best_name {
            mapping.columns.insert(heading.clone(), CaseColumn::Worker);
        }
        if let Some((_, heading)) = best_number {
            mapping
                .columns
                .insert(heading.clone(), CaseColumn::WorkerNumber);
        }
        mapping.fill_values(table, plan);
        mapping
    }

    /// What each of `table`'s columns holds.
    pub fn roles(&self, table: &Table) -> Vec<Option<CaseColumn>> {
        let by_heading = index(&self.columns);
        table
            .headings
            .iter()
            .map(|h| by_heading.get(&normalise(h)).map(|c| (*c).clone()))
            .collect()
    }

    /// Gives `column` the role `role` (none: not read), taking it from any other column.
    pub fn set_role(
        &mut self,
        table: &Table,
        plan: &Plan,
        column: usize,
        role: Option<CaseColumn>,
    ) {
        let Some(heading) = table.headings.get(column) else {
            return;
        };
        let wanted = normalise(heading);
        self.columns
            .retain(|h, c| normalise(h) != wanted && Some(&*c) != role.as_ref());
        if let Some(role) = role {
            self.columns.insert(heading.clone(), role);
        }
        self.fill_values(table, plan);
    }

    /// Guesses the case type of each word of a long report's case-type column not yet mapped.
    pub fn fill_values(&mut self, table: &Table, plan: &Plan) {
        let Some(column) = self
            .roles(table)
            .iter()
            .position(|c| *c == Some(CaseColumn::CaseType))
        else {
            return;
        };
        let mut known: HashMap<String, ()> =
            self.case_types.keys().map(|k| (normalise(k), ())).collect();
        for row in &table.rows {
            let Some(text) = read_code(row.cell(column)) else {
                continue;
            };
            if known.insert(normalise(&text), ()).is_none() {
                let choice = guess_case_type(&text, &plan.case_types)
                    .map_or(CaseTypeChoice::Unmatched, |c| {
                        CaseTypeChoice::CaseType(c.name.clone())
                    });
                self.case_types.insert(text, choice);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table with `headings` in row 1 and `rows` under them.
    fn table(headings: &[&str], rows: &[&[&str]]) -> Table {
        let all: Vec<&[&str]> = std::iter::once(headings)
            .chain(rows.iter().copied())
            .collect();
        crate::model::import::table::test_table(&all, is_caseload_heading)
    }

    #[test]
    fn a_wide_report_has_a_column_per_case_type() {
        let plan = defaults::new_plan();
        let t = table(
            &[
                "Allocated Worker",
                "Emp No",
                "CIN",
                "CP",
                "CLA",
                "Court",
                "Notes",
            ],
            &[&["Siân Evans", "E1", "3", "2", "1", "0", ""]],
        );
        let roles = CaseloadMapping::guess(&t, &plan).roles(&t);
        assert_eq!(
            roles,
            [
                Some(CaseColumn::Worker),
                Some(CaseColumn::WorkerNumber),
                Some(CaseColumn::Cases("Child in need".into())),
                Some(CaseColumn::Cases("Child protection".into())),
                Some(CaseColumn::Cases("Child looked after".into())),
                Some(CaseColumn::Cases("Court / PLO".into())),
                None,
            ]
        );
    }

    #[test]
    fn a_long_report_names_the_case_type_on_each_row() {
        let plan = defaults::new_plan();
        let t = table(
            &["Worker", "Case Type", "Count"],
            &[
                &["Siân Evans", "CP Plan", "2"],
                &["Siân Evans", "Early Help", "1"],
            ],
        );
        let mapping = CaseloadMapping::guess(&t, &plan);
        assert_eq!(
            mapping.roles(&t),
            [
                Some(CaseColumn::Worker),
                Some(CaseColumn::CaseType),
                Some(CaseColumn::Count)
            ]
        );
        assert_eq!(
            mapping.case_types,
            BTreeMap::from([
                (
                    "CP Plan".into(),
                    CaseTypeChoice::CaseType("Child protection".into())
                ),
                ("Early Help".into(), CaseTypeChoice::Unmatched),
            ])
        );
    }
}
