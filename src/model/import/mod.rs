//! Bringing a service's own staff list and caseload report in, pure: tables in, a preview and
//! one change out. Reading the files (CSV, Excel) is `crate::io::import`'s work; everything
//! here is plain data, so a wizard, the command line and tests share it.
//!
//! The steps, as a wizard takes them:
//! 1. a [`Table`] (headings and rows, as `crate::io::import::read_table` reads a file);
//! 2. [`ImportMapping::guess`] (or [`ImportMapping::reuse`] of last month's): which column
//!    holds what ([`ColumnRole`], from the headings' synonyms), changed with
//!    [`ImportMapping::set_role`];
//! 3. the meaning of the file's words (job title → grade, team text → team, contract and
//!    absence words), guessed and changed in the mapping's maps ([`ImportMapping::words`]
//!    lists them with their row counts);
//! 4. [`preview()`]: the posts and teams, every problem by row and column, what was assumed;
//! 5. the change: [`ImportPreview::plan`] (a new plan) or [`ImportPreview::command`]
//!    (one [`crate::model::Command::ReplaceStructure`] for the scenario shown; a new option is
//!    the scenario set's option creation followed by that command).
//!
//! A caseload report goes the same way: [`CaseloadMapping::guess`], [`preview_cases`], and
//! [`CaseloadPreview::command`] (one batch of case counts).
//!
//! - `table.rs`: cells, rows, finding the headings, rows that are not data;
//! - `words.rs`: comparing words without case or punctuation;
//! - `columns.rs`: the roles of a staff list's columns and their synonyms;
//! - `values.rs`: FTE, hours, counts, names; `dates.rs`: dates (day first, ISO, spreadsheet
//!   day numbers) as months;
//! - `guesses.rs`: grades from job titles, contract and absence words, team functions;
//! - `mapping.rs`: the mapping, saved and reused; `rows.rs`: a row read as a post;
//! - `structure.rs`: posts and teams put in place of a plan's, matched to its own;
//! - `preview.rs`: the preview and the change;
//! - `case_columns.rs`, `caseload.rs`: a caseload report's columns, and its preview.

mod case_columns;
mod caseload;
mod columns;
mod dates;
mod guesses;
mod mapping;
mod preview;
mod rows;
mod structure;
mod table;
mod values;
mod words;

pub use case_columns::{
    CaseColumn, CaseTypeChoice, CaseloadMapping, guess_case_type, is_caseload_heading,
};
pub use caseload::{CaseloadPreview, preview_cases};
pub use columns::{ColumnRole, guess_roles, heading_score, is_staff_heading};
pub use dates::{date_serial, last_day, serial_date};
pub use guesses::{
    AbsenceChoice, ContractChoice, guess_absence, guess_contract, guess_cover, guess_grade,
    guess_team_function,
};
pub use mapping::{GradeChoice, ImportMapping, STANDARD_WEEK_HOURS, TeamChoice};
pub use preview::{ImportPreview, preview};
pub use structure::{Structure, post_number};
pub use table::{
    Cell, Date, HEADING_SEARCH_ROWS, MAX_COLUMNS, MAX_ROWS, Row, Table, TableError, column_letter,
};
pub use values::{parse_number, unescape_formula};
pub use words::{normalise, person_key};

#[cfg(test)]
mod tests;
