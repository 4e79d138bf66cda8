//! How a staff list becomes posts: which column holds what, and what each of its words means
//! in the plan (job title → grade, team text → team, contract word → kind of contract,
//! absence word → away or not). Guessed from the file, changed by the user, and saved (as RON,
//! by `crate::io::import`) so next month's export of the same report is read the same way.
//!
//! Columns and words are kept as the file writes them and compared as [`normalise`] writes
//! them, so "Social Worker" and "SOCIAL WORKER " are one job title.

use super::columns::{ColumnRole, guess_roles};
use super::guesses::guess_team_function;
use super::guesses::{AbsenceChoice, ContractChoice, guess_absence, guess_contract, guess_grade};
use super::table::Table;
use super::values::read_code;
use super::words::normalise;
use crate::model::{Plan, TeamFunction};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The plan's grade for a job title, or what to do with its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GradeChoice {
    /// The plan's grade of this name.
    Grade(String),
    /// Rows with this job title are not imported (business support, say).
    Skip,
    /// No guess: the user has to choose.
    Unmatched,
}

/// The team for a team or cost-centre text: the plan's team of this name, or a new team
/// called so; or skip its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TeamChoice {
    Team(String),
    Skip,
}

/// The standard full-time week in England's councils, in hours.
pub const STANDARD_WEEK_HOURS: f64 = 37.0;

/// How a staff list's columns and words become posts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportMapping {
    /// Which column holds what, by the heading as the file writes it. Columns not listed are
    /// not read.
    pub columns: BTreeMap<String, ColumnRole>,
    /// Hours of a full-time week: weekly hours ÷ this is the FTE.
    pub full_time_hours: f64,
    /// Job title (as written in the file) → the plan's grade.
    pub grades: BTreeMap<String, GradeChoice>,
    /// Team or cost-centre text → the team.
    pub teams: BTreeMap<String, TeamChoice>,
    /// What each team the import creates does, by the team's name.
    pub new_team_functions: BTreeMap<String, TeamFunction>,
    /// Headings the user chose not to read: reusing the mapping leaves them unread rather
    /// than guessing them again.
    pub not_read: BTreeSet<String>,
    /// Contract word → the kind of contract.
    pub contracts: BTreeMap<String, ContractChoice>,
    /// Absence word → working, or away and why.
    pub absences: BTreeMap<String, AbsenceChoice>,
}

impl Default for ImportMapping {
    fn default() -> Self {
        ImportMapping {
            columns: BTreeMap::new(),
            full_time_hours: STANDARD_WEEK_HOURS,
            grades: BTreeMap::new(),
            teams: BTreeMap::new(),
            new_team_functions: BTreeMap::new(),
            not_read: BTreeSet::new(),
            contracts: BTreeMap::new(),
            absences: BTreeMap::new(),
        }
    }
}

/// Finds an entry of a map by its normalised key.
fn find<'a, T>(map: &'a BTreeMap<String, T>, text: &str) -> Option<&'a T> {
    let wanted = normalise(text);
    map.iter()
        .find(|(k, _)| normalise(k) == wanted)
        .map(|(_, v)| v)
}

/// A map's entries by normalised key, for looking up every row of a large file quickly.
pub(super) fn index<T>(map: &BTreeMap<String, T>) -> HashMap<String, &T> {
    map.iter().map(|(k, v)| (normalise(k), v)).collect()
}

/// A cell's text as a key: trimmed, inner whitespace single spaces.
fn key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl ImportMapping {
    /// Everything guessed from `table`'s headings and words, for importing into `plan`.
    pub fn guess(table: &Table, plan: &Plan) -> Self {
        let mut mapping = ImportMapping::default();
        for (heading, role) in table
            .headings
            .iter()
            .zip(guess_roles(&table.headings, &ColumnRole::ALL))
        {
            if let Some(role) = role {
                mapping.columns.insert(heading.clone(), role);
            }
        }
        mapping.fill_values(table, plan);
        mapping
    }

    /// `saved` (last month's mapping) used for `table`: its columns where the headings are the
    /// same and its words' meanings; anything new in the file guessed.
    pub fn reuse(saved: &ImportMapping, table: &Table, plan: &Plan) -> Self {
        let mut mapping = ImportMapping {
            columns: BTreeMap::new(),
            ..saved.clone()
        };
        for heading in &table.headings {
            if let Some(&role) = find(&saved.columns, heading) {
                mapping.columns.insert(heading.clone(), role);
            }
        }
        let guessed = guess_roles(&table.headings, &ColumnRole::ALL);
        for (heading, role) in table.headings.iter().zip(guessed) {
            let known = find(&saved.columns, heading).is_some()
                || saved
                    .not_read
                    .iter()
                    .any(|h| normalise(h) == normalise(heading));
            if let Some(role) = role
                && !known
                && !mapping.columns.values().any(|&r| r == role)
            {
                mapping.columns.insert(heading.clone(), role);
            }
        }
        mapping.fill_values(table, plan);
        mapping
    }

    /// The role of each of `table`'s columns.
    pub fn roles(&self, table: &Table) -> Vec<Option<ColumnRole>> {
        let by_heading = index(&self.columns);
        table
            .headings
            .iter()
            .map(|h| by_heading.get(&normalise(h)).map(|r| **r))
            .collect()
    }

    /// The column that holds `role`, if one does.
    pub fn column(&self, table: &Table, role: ColumnRole) -> Option<usize> {
        self.roles(table).iter().position(|&r| r == Some(role))
    }

    /// Gives `column` the role `role` (none: not read), taking it from any other column, then
    /// guesses the meaning of any words new to the mapping.
    pub fn set_role(
        &mut self,
        table: &Table,
        plan: &Plan,
        column: usize,
        role: Option<ColumnRole>,
    ) {
        let Some(heading) = table.headings.get(column) else {
            return;
        };
        let wanted = normalise(heading);
        self.columns
            .retain(|h, r| normalise(h) != wanted && Some(*r) != role);
        self.not_read.retain(|h| normalise(h) != wanted);
        match role {
            Some(role) => {
                self.columns.insert(heading.clone(), role);
            }
            None => {
                self.not_read.insert(heading.clone());
            }
        }
        self.fill_values(table, plan);
    }

    /// The different words in the column holding `role`, each with how many rows have it, in
    /// the order they first appear: what the user maps to grades, teams, contracts, absences.
    pub fn words(&self, table: &Table, role: ColumnRole) -> Vec<(String, usize)> {
        let Some(column) = self.column(table, role) else {
            return Vec::new();
        };
        let mut order: Vec<(String, usize)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for row in &table.rows {
            let text = read_code(row.cell(column)).map_or_else(String::new, |t| key(&t));
            let i = *at.entry(normalise(&text)).or_insert_with(|| {
                order.push((text, 0));
                order.len() - 1
            });
            order[i].1 += 1;
        }
        order
    }

    /// Guesses the meaning of each word of the file not yet in the mapping; choices already
    /// made are kept.
    pub fn fill_values(&mut self, table: &Table, plan: &Plan) {
        for (text, _) in self.words(table, ColumnRole::JobTitle) {
            if !text.is_empty() && find(&self.grades, &text).is_none() {
                let choice = guess_grade(&text, &plan.grades).map_or(GradeChoice::Unmatched, |g| {
                    GradeChoice::Grade(g.name.clone())
                });
                self.grades.insert(text, choice);
            }
        }
        for (text, _) in self.words(table, ColumnRole::Team) {
            if !text.is_empty() && find(&self.teams, &text).is_none() {
                let name = plan
                    .teams
                    .iter()
                    .find(|t| normalise(&t.name) == normalise(&text))
                    .map_or_else(|| text.clone(), |t| t.name.clone());
                self.teams.insert(text, TeamChoice::Team(name));
            }
        }
        for (text, _) in self.words(table, ColumnRole::Contract) {
            if !text.is_empty() && find(&self.contracts, &text).is_none() {
                let choice = guess_contract(&text);
                self.contracts.insert(text, choice);
            }
        }
        for (text, _) in self.words(table, ColumnRole::Absence) {
            if !text.is_empty() && find(&self.absences, &text).is_none() {
                let choice = guess_absence(&text);
                self.absences.insert(text, choice);
            }
        }
        for name in self.new_team_names(plan) {
            if find(&self.new_team_functions, &name).is_none() {
                let function = guess_team_function(&name);
                self.new_team_functions.insert(name, function);
            }
        }
    }

    /// The names of the teams the import would create: those chosen that `plan` has not got.
    pub fn new_team_names(&self, plan: &Plan) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for choice in self.teams.values() {
            if let TeamChoice::Team(name) = choice {
                let n = normalise(name);
                let exists = plan.teams.iter().any(|t| normalise(&t.name) == n)
                    || names.iter().any(|m| normalise(m) == n);
                if !exists {
                    names.push(name.clone());
                }
            }
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults;

    /// A table with `headings` in row 1 and `rows` under them.
    fn table(headings: &[&str], rows: &[&[&str]]) -> Table {
        let all: Vec<&[&str]> = std::iter::once(headings)
            .chain(rows.iter().copied())
            .collect();
        crate::model::import::table::test_table(&all, super::super::columns::is_staff_heading)
    }

    #[test]
    fn words_are_guessed_once_each_whatever_their_case() {
        let t = table(
            &["Name", "Job Title", "Team", "Contract"],
            &[
                &["A", "Level 3 Social Worker", "North", "Perm"],
                &["B", "LEVEL 3 SOCIAL WORKER", "north ", "Locum"],
                &["C", "Family Support Worker", "MASH", ""],
            ],
        );
        let mapping = ImportMapping::guess(&t, &defaults::new_plan());
        assert_eq!(
            mapping.grades,
            BTreeMap::from([
                ("Family Support Worker".into(), GradeChoice::Unmatched),
                (
                    "Level 3 Social Worker".into(),
                    GradeChoice::Grade("Social worker".into())
                ),
            ])
        );
        assert_eq!(
            mapping.words(&t, ColumnRole::Team),
            [("North".into(), 2), ("MASH".into(), 1)]
        );
        assert_eq!(
            mapping.new_team_functions,
            BTreeMap::from([
                ("MASH".into(), TeamFunction::FrontDoor),
                ("North".into(), TeamFunction::Other),
            ])
        );
        assert_eq!(
            mapping.contracts,
            BTreeMap::from([
                ("Locum".into(), ContractChoice::Agency),
                ("Perm".into(), ContractChoice::Permanent),
            ])
        );
    }

    #[test]
    fn a_column_chosen_not_to_be_read_stays_unread_next_month() {
        let t = table(&["Name", "Team", "Hours"], &[&["A", "North", "37"]]);
        let plan = defaults::new_plan();
        let mut mapping = ImportMapping::guess(&t, &plan);
        assert_eq!(mapping.column(&t, ColumnRole::WeeklyHours), Some(2));
        mapping.set_role(&t, &plan, 2, None);
        let reused = ImportMapping::reuse(&mapping, &t, &plan);
        assert_eq!(
            reused.roles(&t),
            [Some(ColumnRole::Name), Some(ColumnRole::Team), None]
        );
        // Chosen again, it is read again.
        mapping.set_role(&t, &plan, 2, Some(ColumnRole::WeeklyHours));
        let reused = ImportMapping::reuse(&mapping, &t, &plan);
        assert_eq!(reused.column(&t, ColumnRole::WeeklyHours), Some(2));
    }

    #[test]
    fn a_role_moves_from_column_to_column_and_a_saved_mapping_is_reused() {
        let t = table(
            &["Worker", "Post", "Unit", "Hours"],
            &[&["A", "Social Worker", "North", "37"]],
        );
        let plan = defaults::new_plan();
        let mut mapping = ImportMapping::guess(&t, &plan);
        assert_eq!(
            mapping.roles(&t),
            [
                Some(ColumnRole::Name),
                None,
                Some(ColumnRole::Team),
                Some(ColumnRole::WeeklyHours)
            ]
        );
        mapping.set_role(&t, &plan, 1, Some(ColumnRole::JobTitle));
        mapping.set_role(&t, &plan, 2, Some(ColumnRole::JobTitle));
        assert_eq!(mapping.column(&t, ColumnRole::JobTitle), Some(2));
        mapping.set_role(&t, &plan, 1, Some(ColumnRole::JobTitle));
        mapping.set_role(&t, &plan, 2, Some(ColumnRole::Team));
        mapping.full_time_hours = 36.0;
        mapping.grades.insert(
            "Social Worker".into(),
            GradeChoice::Grade("Senior practitioner".into()),
        );

        // Next month the columns are in another order and a new one has come.
        let next = table(
            &["Unit", "WORKER", "Post", "Hours", "Contract"],
            &[&["North", "A", "social worker", "37", "Agency"]],
        );
        let reused = ImportMapping::reuse(&mapping, &next, &plan);
        assert_eq!(
            reused.roles(&next),
            [
                Some(ColumnRole::Team),
                Some(ColumnRole::Name),
                Some(ColumnRole::JobTitle),
                Some(ColumnRole::WeeklyHours),
                Some(ColumnRole::Contract)
            ]
        );
        assert_eq!(reused.full_time_hours, 36.0);
        assert_eq!(
            find(&reused.grades, "SOCIAL WORKER"),
            Some(&GradeChoice::Grade("Senior practitioner".into()))
        );
    }
}
