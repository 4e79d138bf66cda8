//! Semantic checks on a plan: everything a well-formed file can still get wrong.
//!
//! Each rule is one small public function returning its problem, used both here (for whole
//! plans, e.g. a loaded file) and by [`super::command`] (to refuse a single edit), so a rule and
//! its wording exist once. [`validate`] collects all problems, not just the first, each naming
//! the case type, grade, team or post it concerns, so a user can fix a file in one pass.

use super::assumptions::assumptions_problems;
use super::costs::cost_problems;
use super::ids::{CaseTypeId, PostId, TeamId};
use super::month::YearMonth;
use super::plan::{CaseCounts, Contract, Plan, PostStatus, Settings, Timeline};
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a plan, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What it concerns, e.g. `post 14 (in team 2 "North")` or `settings`.
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

// ---------- the rules, one function each ----------

pub fn fte_problem(fte: f64) -> Option<String> {
    (!(fte > 0.0 && fte <= 1.0)).then(|| format!("FTE must be above 0 and at most 1, not {fte}"))
}

pub fn weight_problem(weight: f64) -> Option<String> {
    (!(weight > 0.0 && weight <= MAX_WEIGHT))
        .then(|| format!("weight must be a number above 0 and at most {MAX_WEIGHT}, not {weight}"))
}

pub fn capacity_problem(points: f64) -> Option<String> {
    (!(0.0..=MAX_CAPACITY_POINTS).contains(&points))
        .then(|| format!("capacity must be from 0 to {MAX_CAPACITY_POINTS} points, not {points}"))
}

pub fn count_problem(count: u32) -> Option<String> {
    (count > MAX_CASE_COUNT).then(|| format!("{count} is more than the plausible {MAX_CASE_COUNT}"))
}

pub fn contract_problem(contract: &Contract) -> Option<String> {
    match contract {
        Contract::FixedTerm { start, end } if end < start => Some(format!(
            "fixed-term contract ends ({end}) before it starts ({start})"
        )),
        _ => None,
    }
}

pub fn post_dates_problem(starts: Option<YearMonth>, leaves: Option<YearMonth>) -> Option<String> {
    match (starts, leaves) {
        (Some(starts), Some(leaves)) if leaves < starts => Some(format!(
            "the worker leaves ({leaves}) before the post starts ({starts})"
        )),
        _ => None,
    }
}

pub fn timeline_problem(timeline: &Timeline) -> Option<String> {
    (!(1..=Timeline::MAX_MONTHS).contains(&timeline.months)).then(|| {
        format!(
            "the plan looks ahead 1 to {} months, not {}",
            Timeline::MAX_MONTHS,
            timeline.months
        )
    })
}

pub fn name_problem(name: &str) -> Option<String> {
    name.trim().is_empty().then(|| "has no name".to_owned())
}

/// Every problem with the settings.
pub fn settings_problems(s: &Settings) -> Vec<String> {
    let positive = |v: f64| v > 0.0 && v <= MAX_TARGET;
    let share = |v: f64| (0.0..=1.0).contains(&v);
    let mut problems = Vec::new();
    if !positive(s.caseload_target) {
        problems.push(format!(
            "caseload_target must be above 0 and at most {MAX_TARGET}, not {}",
            s.caseload_target
        ));
    }
    if !positive(s.amber_from) {
        problems.push(format!(
            "amber_from must be above 0 and at most {MAX_TARGET}, not {}",
            s.amber_from
        ));
    }
    if !positive(s.red_from) || s.red_from <= s.amber_from {
        problems.push(format!(
            "red_from ({}) must be above amber_from ({})",
            s.red_from, s.amber_from
        ));
    }
    if !share(s.max_agency_share) {
        problems.push(format!(
            "max_agency_share must be between 0 and 1, not {}",
            s.max_agency_share
        ));
    }
    if !share(s.max_asye_share) {
        problems.push(format!(
            "max_asye_share must be between 0 and 1, not {}",
            s.max_asye_share
        ));
    }
    if !positive(s.max_span_of_control) {
        problems.push(format!(
            "max_span_of_control must be above 0 and at most {MAX_TARGET}, not {}",
            s.max_span_of_control
        ));
    }
    problems
}

// ---------- the whole plan ----------

/// Every semantic problem in `plan`; empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |location: &str, message: String| {
        problems.push(Problem {
            location: location.to_owned(),
            message,
        })
    };

    for message in settings_problems(&plan.settings) {
        report("settings", message);
    }
    if let Some(message) = timeline_problem(&plan.timeline) {
        report("timeline", message);
    }
    for message in cost_problems(&plan.costs, |g| plan.grade(g).is_some()) {
        report("cost rates", message);
    }
    for message in assumptions_problems(&plan.assumptions, |t| plan.team(t).is_some()) {
        report("assumptions", message);
    }

    let mut case_type_ids = HashSet::new();
    for case_type in &plan.case_types {
        let at = format!("{} \"{}\"", case_type.id, case_type.name);
        if !case_type_ids.insert(case_type.id) {
            report(
                &at,
                format!("duplicate id: another case type is also {}", case_type.id),
            );
        }
        let found = [
            name_problem(&case_type.name),
            weight_problem(case_type.weight),
        ];
        found.into_iter().flatten().for_each(|m| report(&at, m));
    }

    let mut grade_ids = HashSet::new();
    for grade in &plan.grades {
        let at = format!("{} \"{}\"", grade.id, grade.name);
        if !grade_ids.insert(grade.id) {
            report(
                &at,
                format!("duplicate id: another grade is also {}", grade.id),
            );
        }
        let found = [
            name_problem(&grade.name),
            capacity_problem(grade.capacity_points),
        ];
        found.into_iter().flatten().for_each(|m| report(&at, m));
    }

    let mut team_ids = HashSet::new();
    for team in &plan.teams {
        let at = format!("{} \"{}\"", team.id, team.name);
        if !team_ids.insert(team.id) {
            report(
                &at,
                format!("duplicate id: another team is also {}", team.id),
            );
        }
        if let Some(m) = name_problem(&team.name) {
            report(&at, m);
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
                &at,
                format!("duplicate id: another post is also {}", post.id),
            );
        }
        if !team_ids.contains(&post.team) {
            report(
                &at,
                format!("belongs to {}, which is not in the plan", post.team),
            );
        }
        if !grade_ids.contains(&post.grade) {
            report(&at, format!("has {}, which is not in the plan", post.grade));
        }
        let found = [
            fte_problem(post.fte),
            contract_problem(&post.contract),
            post_dates_problem(post.starts, post.leaves),
        ];
        found.into_iter().flatten().for_each(|m| report(&at, m));
        if post
            .worker
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            report(
                &at,
                "worker name is blank: leave it out (None) for a vacancy".into(),
            );
        }
        if post.is_vacant() && post.cases_held() > 0 {
            report(
                &at,
                format!(
                    "is vacant but holds {} cases: move them to the team's unallocated cases",
                    post.cases_held()
                ),
            );
        }
        if post.is_vacant() && matches!(post.status, PostStatus::Absent { .. }) {
            report(&at, "is vacant, so it cannot be marked absent".into());
        }
        check_case_counts(&post.cases, &case_type_ids, &at, "cases", &mut report);
    }
    problems
}

fn check_case_counts(
    counts: &CaseCounts,
    known: &HashSet<CaseTypeId>,
    at: &str,
    what: &str,
    report: &mut impl FnMut(&str, String),
) {
    for (id, &count) in counts {
        if !known.contains(id) {
            report(at, format!("{what} name {id}, which is not in the plan"));
        }
        if let Some(m) = count_problem(count) {
            report(at, format!("{what}: {id}: {m}"));
        }
    }
}

/// `post 14 (in team 2 "North")`: enough for a user to find the post in the app or the file.
fn post_location(plan: &Plan, post: PostId, team: TeamId) -> String {
    match plan.team(team) {
        Some(t) => format!("{post} (in {} \"{}\")", t.id, t.name),
        None => post.to_string(),
    }
}
