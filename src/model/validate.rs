//! Semantic checks on a plan: everything a well-formed file can still get wrong.
//!
//! All problems are collected, not just the first, and each names the case type, grade, team or
//! post it concerns, so a user can fix a file in one pass.

use super::ids::{CaseTypeId, PostId, TeamId};
use super::plan::{CaseCounts, Contract, Plan, PostStatus};
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a plan, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What it concerns, e.g. `post 14 (team 2 "North")` or `settings`.
    pub location: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Largest plausible points per case. Bounds keep every sum finite (so no ratio is NaN) and
/// catch typos such as 150 for 1.5.
pub const MAX_WEIGHT: f64 = 100.0;
/// Largest plausible grade capacity in points at 1.0 FTE.
pub const MAX_CAPACITY_POINTS: f64 = 1000.0;
/// Largest plausible number of cases of one type held by one worker or waiting in one team.
pub const MAX_CASE_COUNT: u32 = 100_000;
/// Largest plausible caseload target and span of control.
pub const MAX_TARGET: f64 = 1000.0;

/// Every semantic problem in `plan`; empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report =
        |location: String, message: String| problems.push(Problem { location, message });

    check_settings(plan, &mut report);

    let mut case_type_ids = HashSet::new();
    for case_type in &plan.case_types {
        let at = format!("{} \"{}\"", case_type.id, case_type.name);
        if !case_type_ids.insert(case_type.id) {
            report(
                at.clone(),
                format!("duplicate id: another case type is also {}", case_type.id),
            );
        }
        if case_type.name.trim().is_empty() {
            report(at.clone(), "has no name".into());
        }
        if !(case_type.weight > 0.0 && case_type.weight <= MAX_WEIGHT) {
            report(
                at,
                format!(
                    "weight must be a number above 0 and at most {MAX_WEIGHT}, not {}",
                    case_type.weight
                ),
            );
        }
    }

    let mut grade_ids = HashSet::new();
    for grade in &plan.grades {
        let at = format!("{} \"{}\"", grade.id, grade.name);
        if !grade_ids.insert(grade.id) {
            report(
                at.clone(),
                format!("duplicate id: another grade is also {}", grade.id),
            );
        }
        if grade.name.trim().is_empty() {
            report(at.clone(), "has no name".into());
        }
        if !(grade.capacity_points >= 0.0 && grade.capacity_points <= MAX_CAPACITY_POINTS) {
            report(
                at,
                format!(
                    "capacity must be from 0 to {MAX_CAPACITY_POINTS} points, not {}",
                    grade.capacity_points
                ),
            );
        }
    }

    let mut team_ids = HashSet::new();
    for team in &plan.teams {
        let at = format!("{} \"{}\"", team.id, team.name);
        if !team_ids.insert(team.id) {
            report(
                at.clone(),
                format!("duplicate id: another team is also {}", team.id),
            );
        }
        if team.name.trim().is_empty() {
            report(at.clone(), "has no name".into());
        }
        check_case_counts(
            &team.unallocated,
            &case_type_ids,
            &at,
            "unallocated cases",
            &mut report,
        );
    }

    let mut post_ids: HashSet<PostId> = HashSet::new();
    for post in &plan.posts {
        let at = post_location(plan, post.id, post.team);
        if !post_ids.insert(post.id) {
            report(
                at.clone(),
                format!("duplicate id: another post is also {}", post.id),
            );
        }
        if !team_ids.contains(&post.team) {
            report(
                at.clone(),
                format!("belongs to {}, which is not in the plan", post.team),
            );
        }
        if !grade_ids.contains(&post.grade) {
            report(
                at.clone(),
                format!("has {}, which is not in the plan", post.grade),
            );
        }
        if !(post.fte.is_finite() && post.fte > 0.0 && post.fte <= 1.0) {
            report(
                at.clone(),
                format!("FTE must be above 0 and at most 1, not {}", post.fte),
            );
        }
        if let Contract::FixedTerm { start, end } = post.contract
            && end < start
        {
            report(
                at.clone(),
                format!("fixed-term contract ends ({end}) before it starts ({start})"),
            );
        }
        if post
            .worker
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            report(
                at.clone(),
                "worker name is blank: leave it out (None) for a vacancy".into(),
            );
        }
        if post.is_vacant() && post.cases_held() > 0 {
            report(
                at.clone(),
                format!(
                    "is vacant but holds {} cases: move them to the team's unallocated cases",
                    post.cases_held()
                ),
            );
        }
        if post.is_vacant() && matches!(post.status, PostStatus::Absent { .. }) {
            report(
                at.clone(),
                "is vacant, so it cannot be marked absent".into(),
            );
        }
        check_case_counts(&post.cases, &case_type_ids, &at, "cases", &mut report);
    }
    problems
}

fn check_settings(plan: &Plan, report: &mut impl FnMut(String, String)) {
    let s = &plan.settings;
    let at = || "settings".to_owned();
    let positive = |v: f64| v > 0.0 && v <= MAX_TARGET;
    let share = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
    if !positive(s.caseload_target) {
        report(
            at(),
            format!(
                "caseload_target must be above 0 and at most {MAX_TARGET}, not {}",
                s.caseload_target
            ),
        );
    }
    if !positive(s.amber_from) {
        report(
            at(),
            format!(
                "amber_from must be above 0 and at most {MAX_TARGET}, not {}",
                s.amber_from
            ),
        );
    }
    if !positive(s.red_from) || s.red_from <= s.amber_from {
        report(
            at(),
            format!(
                "red_from ({}) must be above amber_from ({})",
                s.red_from, s.amber_from
            ),
        );
    }
    if !share(s.max_agency_share) {
        report(
            at(),
            format!(
                "max_agency_share must be between 0 and 1, not {}",
                s.max_agency_share
            ),
        );
    }
    if !share(s.max_asye_share) {
        report(
            at(),
            format!(
                "max_asye_share must be between 0 and 1, not {}",
                s.max_asye_share
            ),
        );
    }
    if !positive(s.max_span_of_control) {
        report(
            at(),
            format!(
                "max_span_of_control must be above 0 and at most {MAX_TARGET}, not {}",
                s.max_span_of_control
            ),
        );
    }
}

fn check_case_counts(
    counts: &CaseCounts,
    known: &HashSet<CaseTypeId>,
    at: &str,
    what: &str,
    report: &mut impl FnMut(String, String),
) {
    for (id, &count) in counts {
        if !known.contains(id) {
            report(
                at.to_owned(),
                format!("{what} name {id}, which is not in the plan"),
            );
        }
        if count > MAX_CASE_COUNT {
            report(
                at.to_owned(),
                format!("{what}: {count} of {id} is more than the plausible {MAX_CASE_COUNT}"),
            );
        }
    }
}

/// `post 14 (team 2 "North")`: enough for a user to find the post in the app or the file.
fn post_location(plan: &Plan, post: PostId, team: TeamId) -> String {
    match plan.teams.iter().find(|t| t.id == team) {
        Some(t) => format!("{post} (in {} \"{}\")", t.id, t.name),
        None => post.to_string(),
    }
}
