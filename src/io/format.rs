//! The plan file format: pretty-printed RON with a format `version` first.
//!
//! ```ron
//! (
//!     version: 2,
//!     name: "North locality",
//!     notes: "Illustrative figures.",
//!     settings: (caseload_target: 18.0, amber_from: 1.0, red_from: 1.1, ...),
//!     timeline: (start: "2026-04", months: 36),
//!     case_types: [(id: 2, name: "Child in need", weight: 1.0, must_allocate: false), ...],
//!     grades: [(id: 2, name: "Social worker", role: Practitioner, capacity_points: 20.0, holds_cases: true), ...],
//!     cost_rates: Some((salary: {2: 45000.0, ...}, on_costs: 0.3, agency_day_rate: {2: 360.0, ...}, working_days: 220.0)),
//!     teams: [(id: 1, name: "Assessment", function: FrontDoor, unallocated: {3: 2}), ...],
//!     posts: [(id: 1, team: 1, grade: 2, contract: Permanent, fte: 1.0, worker: Some("A. Worker"),
//!              status: Active, cases: {2: 12, 3: 4}, leaves: Some("2026-09")),
//!             (id: 2, ..., contract: Agency, ..., covers: Absence), ...],
//!     assumptions: (turnover: (permanent: 0.118, fixed_term: 0.118, agency: 0.3), months_to_fill: 4.0, ...),
//!     options: [
//!         (name: "Option A", teams: [...], posts: [...], assumptions: (...)),
//!     ],
//! )
//! ```
//!
//! The top level is the baseline; each option has its own teams, posts and assumptions and
//! shares everything else. Teams, posts, case types and grades have numeric ids; references use
//! them, so renames are safe, and one id is one post across scenarios. Maps of cases are keyed
//! by case-type id, and no map may give a key twice. An agency post's `covers` (`Vacancy`,
//! `Absence` or `OverEstablishment`) is written only when it is not a vacancy, so files
//! without it read and write as before. Months are written exactly `"2026-04"`.
//! Version 1 files (no timeline, cost rates, assumptions or options) load as a baseline; a
//! version this build does not know is refused by name, before anything else is said.

use crate::model::scenarios::OwnPartsWithoutName;
use crate::model::{
    Assumptions, CaseType, CostRates, Grade, Plan, Post, ScenarioSet, Settings, Team, Timeline,
};
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt::Write as _;

/// The newest format this build writes and reads. Version 1 (no timeline, cost rates,
/// assumptions or options) still loads: as a baseline with the defaults for what it lacks.
pub const CURRENT_VERSION: u32 = 2;

/// Newer versions than this are not taken for a later Caseload Planner's files: a file that
/// says `version: 99999999999` is refused as not a version at all.
pub(super) const MAX_PLAUSIBLE_VERSION: u64 = 1000;

/// Only the version: read on its own when the whole file does not parse, so that a newer file is
/// refused by name, not by a confusing error about a field this build does not know.
#[derive(Deserialize)]
pub(super) struct Header {
    #[serde(default)]
    pub version: VersionNumber,
}

/// A format version as written, whatever number it is: one too large for any field
/// (`99999999999`), negative or fractional is still recognised as a version, rather than
/// reported as a number out of range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum VersionNumber {
    /// No version written.
    #[default]
    Missing,
    Whole(u64),
    /// Negative, fractional or too large to hold.
    Unreadable,
}

impl<'de> Deserialize<'de> for VersionNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Number;
        impl serde::de::Visitor<'_> for Number {
            type Value = VersionNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a version number")
            }
            fn visit_u64<E>(self, v: u64) -> Result<VersionNumber, E> {
                Ok(VersionNumber::Whole(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<VersionNumber, E> {
                Ok(u64::try_from(v).map_or(VersionNumber::Unreadable, VersionNumber::Whole))
            }
            fn visit_f64<E>(self, _: f64) -> Result<VersionNumber, E> {
                Ok(VersionNumber::Unreadable)
            }
        }
        deserializer.deserialize_any(Number)
    }
}

/// The whole file: the shared parts and the baseline's teams, posts and assumptions at the top,
/// then the options. Borrowed when saving, owned when loading.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanFile<'a> {
    pub version: u32,
    pub name: Cow<'a, str>,
    #[serde(default)]
    pub notes: Cow<'a, str>,
    #[serde(default)]
    pub settings: Cow<'a, Settings>,
    #[serde(default)]
    pub timeline: Timeline,
    pub case_types: Cow<'a, [CaseType]>,
    pub grades: Cow<'a, [Grade]>,
    /// Missing in version 1 files: illustrative rates for the file's grades are used.
    #[serde(default)]
    pub cost_rates: Option<Cow<'a, CostRates>>,
    pub teams: Cow<'a, [Team]>,
    pub posts: Cow<'a, [Post]>,
    #[serde(default)]
    pub assumptions: Cow<'a, Assumptions>,
    /// Written by [`to_ron_string`] by hand, one team or post a line.
    #[serde(default, skip_serializing)]
    pub options: Vec<OptionFile>,
}

/// One option as a file holds it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OptionFile {
    pub name: String,
    pub teams: Vec<Team>,
    pub posts: Vec<Post>,
    #[serde(default)]
    pub assumptions: Assumptions,
}

impl<'a> PlanFile<'a> {
    pub fn borrowing(set: &'a ScenarioSet) -> Self {
        let plan = set.baseline();
        PlanFile {
            version: CURRENT_VERSION,
            name: Cow::Borrowed(&plan.name),
            notes: Cow::Borrowed(&plan.notes),
            settings: Cow::Borrowed(&plan.settings),
            timeline: plan.timeline,
            case_types: Cow::Borrowed(&plan.case_types),
            grades: Cow::Borrowed(&plan.grades),
            cost_rates: Some(Cow::Borrowed(&plan.costs)),
            teams: Cow::Borrowed(&plan.teams),
            posts: Cow::Borrowed(&plan.posts),
            assumptions: Cow::Borrowed(&plan.assumptions),
            options: Vec::new(),
        }
    }

    pub fn into_scenarios(self) -> ScenarioSet {
        let grades = self.grades.into_owned();
        let costs = self
            .cost_rates
            .map_or_else(|| CostRates::illustrative_for(&grades), Cow::into_owned);
        let baseline = Plan {
            name: self.name.into_owned(),
            notes: self.notes.into_owned(),
            settings: self.settings.into_owned(),
            timeline: self.timeline,
            case_types: self.case_types.into_owned(),
            grades,
            costs,
            teams: self.teams.into_owned(),
            posts: self.posts.into_owned(),
            assumptions: self.assumptions.into_owned(),
        };
        let options = self
            .options
            .into_iter()
            .map(|o| {
                (
                    o.name,
                    OwnPartsWithoutName {
                        teams: o.teams,
                        posts: o.posts,
                        assumptions: o.assumptions,
                    },
                )
            })
            .collect();
        ScenarioSet::with_options(baseline, options)
    }
}

fn pretty() -> PrettyConfig {
    // Unescaped strings keep names like "Siân O'Neill" readable; RON falls back to raw strings
    // when a value holds a quote or backslash, so every string still round-trips.
    PrettyConfig::new()
        // LF on every system (RON's default is CRLF on Windows, which the lines written here
        // by hand would mix with): a plan saved on Windows is the same bytes as on Linux.
        .new_line("\n")
        .indentor("    ")
        .depth_limit(2)
        .separate_tuple_members(false)
        .escape_strings(false)
}

/// The plan as file text: one team or post per line, so files diff well and stay readable.
pub fn to_ron_string(set: &ScenarioSet) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(&PlanFile::borrowing(set), pretty())?;
    // The options are nested one level deeper than RON's depth limit can lay out well, so they
    // are written item by item. Only whole items are placed on lines: a string in an item may
    // hold a line break, so nothing inside an item is ever re-indented.
    let closing = text.rfind(')').unwrap_or(text.len());
    text.truncate(closing);
    text.push_str("    options: [\n");
    for option in set.options() {
        let plan = &option.plan;
        let _ = writeln!(
            text,
            "        (\n            name: {},",
            one_line(&option.name)?
        );
        text.push_str("            teams: [\n");
        for team in &plan.teams {
            let _ = writeln!(text, "                {},", one_line(team)?);
        }
        text.push_str("            ],\n            posts: [\n");
        for post in &plan.posts {
            let _ = writeln!(text, "                {},", one_line(post)?);
        }
        let _ = writeln!(
            text,
            "            ],\n            assumptions: {},\n        ),",
            one_line(&plan.assumptions)?
        );
    }
    text.push_str("    ],\n)\n");
    Ok(text)
}

/// A value as RON on one line (apart from any line break inside a string).
fn one_line<T: Serialize + ?Sized>(value: &T) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(value, pretty().depth_limit(0))
}
