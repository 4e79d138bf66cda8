//! The plan file format: pretty-printed RON with a format `version` first.
//!
//! ```ron
//! (
//!     version: 1,
//!     name: "North locality",
//!     notes: "Illustrative figures.",
//!     settings: (caseload_target: 18.0, amber_from: 1.0, red_from: 1.1, ...),
//!     case_types: [(id: 2, name: "Child in need", weight: 1.0, must_allocate: false), ...],
//!     grades: [(id: 2, name: "Social worker", role: Practitioner, capacity_points: 20.0, holds_cases: true), ...],
//!     teams: [(id: 1, name: "Assessment", function: FrontDoor, unallocated: {3: 2}), ...],
//!     posts: [(id: 1, team: 1, grade: 2, contract: Permanent, fte: 1.0, worker: Some("A. Worker"),
//!              status: Active, cases: {2: 12, 3: 4}), ...],
//! )
//! ```
//!
//! Teams, posts, case types and grades have numeric ids; references use them, so renames are
//! safe. Maps of cases are keyed by case-type id. Months are written `"2026-04"`.

use crate::model::{CaseType, Grade, Plan, Post, Settings, Team};
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The newest format this build writes and reads.
pub const CURRENT_VERSION: u32 = 1;

/// Only the version: read first so a newer file is refused by name, not by a confusing error
/// about a field this build does not know.
/// A missing version reads as 0, which no format has.
#[derive(Deserialize)]
pub(super) struct Header {
    #[serde(default)]
    pub version: u32,
}

/// The whole file. Borrowed when saving, owned when loading.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanFile<'a> {
    pub version: u32,
    pub name: Cow<'a, str>,
    #[serde(default)]
    pub notes: Cow<'a, str>,
    #[serde(default)]
    pub settings: Cow<'a, Settings>,
    pub case_types: Cow<'a, [CaseType]>,
    pub grades: Cow<'a, [Grade]>,
    pub teams: Cow<'a, [Team]>,
    pub posts: Cow<'a, [Post]>,
}

impl<'a> PlanFile<'a> {
    pub fn borrowing(plan: &'a Plan) -> Self {
        PlanFile {
            version: CURRENT_VERSION,
            name: Cow::Borrowed(&plan.name),
            notes: Cow::Borrowed(&plan.notes),
            settings: Cow::Borrowed(&plan.settings),
            case_types: Cow::Borrowed(&plan.case_types),
            grades: Cow::Borrowed(&plan.grades),
            teams: Cow::Borrowed(&plan.teams),
            posts: Cow::Borrowed(&plan.posts),
        }
    }

    pub fn into_plan(self) -> Plan {
        Plan {
            name: self.name.into_owned(),
            notes: self.notes.into_owned(),
            settings: self.settings.into_owned(),
            case_types: self.case_types.into_owned(),
            grades: self.grades.into_owned(),
            teams: self.teams.into_owned(),
            posts: self.posts.into_owned(),
        }
    }
}

/// The plan as file text: one post per line, so files diff well and stay readable.
pub fn to_ron_string(plan: &Plan) -> Result<String, ron::Error> {
    // Unescaped strings keep names like "Siân O'Neill" readable; RON falls back to raw strings
    // when a value holds a quote or backslash, so every string still round-trips.
    let config = PrettyConfig::new()
        .indentor("    ")
        .depth_limit(2)
        .separate_tuple_members(false)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(&PlanFile::borrowing(plan), config)?;
    text.push('\n');
    Ok(text)
}
