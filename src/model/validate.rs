//! Semantic checks on a plan: everything a well-formed file can still get wrong.
//!
//! Each rule is one small public function returning its problem, used both here (for whole
//! plans, e.g. a loaded file) and by [`super::command`] (to refuse a single edit), so a rule and
//! its wording exist once. [`validate`] collects all problems, not just the first, each with a
//! [`Location`] naming the case type, grade, team or post it concerns, so a user can fix a file
//! in one pass.
//!
//! Every check is linear in the size of the plan (ids are looked up in hash sets and maps), and
//! a location is only built for a problem that is listed: a file of any size is checked in time
//! proportional to its length.

use super::assumptions::assumptions_problems;
use super::costs::cost_problems;
use super::ids::{CaseTypeId, GradeId, TeamId};
use super::month::YearMonth;
use super::plan::{AgencyCover, CaseCounts, Contract, Plan, PostStatus, Settings, Timeline};
pub use super::problems::{Location, MAX_LISTED_PROBLEMS, Problem, Problems};
use super::reductions::{STANDARD_HOURS, reduction_problems};
use super::shown::{count, number};
// foldhash: validation hashes every post id of every scenario, and SipHash took a fifth of an
// undo at 42,000 posts. Its seed is random for each run, which makes colliding ids hard to
// plan for; a file is also capped in size (`io::load::MAX_PLAN_BYTES`).
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Largest plausible points per case. Bounds keep every sum finite (so no ratio is NaN) and
/// catch typos such as 150 for 1.5.
pub const MAX_WEIGHT: f64 = 100.0;
/// Smallest weight: a case counts for at least a hundredth of a standard case. Without a lower
/// bound a weight of 1e-300 makes capacity in cases overflow to "infinitely many".
pub const MIN_WEIGHT: f64 = 0.01;
/// Largest plausible grade capacity in points at 1.0 FTE.
pub const MAX_CAPACITY_POINTS: f64 = 1000.0;
/// Smallest capacity of a grade that has any (0 is allowed: managers hold no cases).
pub const MIN_CAPACITY_POINTS: f64 = 0.1;
/// Smallest FTE: a hundredth of full time (about 20 minutes a week). Caseloads divide by FTE.
pub const MIN_FTE: f64 = 0.01;
/// Largest plausible number of cases of one type held by one worker or waiting in one team.
pub const MAX_CASE_COUNT: u32 = 100_000;
/// Largest plausible caseload target and span of control.
pub const MAX_TARGET: f64 = 1000.0;

// ---------- the rules, one function each ----------

pub fn fte_problem(fte: f64) -> Option<String> {
    if !(fte > 0.0 && fte <= 1.0) {
        Some(format!(
            "FTE must be above 0 and at most 1, not {}",
            number(fte)
        ))
    } else if fte < MIN_FTE {
        Some(format!(
            "FTE must be at least {MIN_FTE} (about 20 minutes a week), not {}",
            number(fte)
        ))
    } else {
        None
    }
}

pub fn weight_problem(weight: f64) -> Option<String> {
    if !(weight > 0.0 && weight <= MAX_WEIGHT) {
        Some(format!(
            "weight must be a number above 0 and at most {MAX_WEIGHT}, not {}",
            number(weight)
        ))
    } else if weight < MIN_WEIGHT {
        Some(format!(
            "weight must be at least {MIN_WEIGHT} points, not {}",
            number(weight)
        ))
    } else {
        None
    }
}

pub fn capacity_problem(points: f64) -> Option<String> {
    if !(0.0..=MAX_CAPACITY_POINTS).contains(&points) {
        Some(format!(
            "capacity must be from 0 to {MAX_CAPACITY_POINTS} points, not {}",
            number(points)
        ))
    } else if points > 0.0 && points < MIN_CAPACITY_POINTS {
        Some(format!(
            "capacity must be 0 or at least {MIN_CAPACITY_POINTS} points, not {}",
            number(points)
        ))
    } else {
        None
    }
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

/// Only an agency worker covers an absence or adds capacity over the establishment: any other
/// post is part of the establishment itself.
pub fn cover_problem(contract: &Contract, covers: AgencyCover) -> Option<String> {
    let kind = match contract {
        Contract::Agency => return None,
        Contract::FixedTerm { .. } => "a fixed-term post",
        Contract::Permanent => "a permanent post",
    };
    (!covers.is_vacancy()).then(|| {
        format!(
            "is {kind}, so it cannot be marked \"{}\": only an agency worker covers an \
             absence or adds capacity over the establishment",
            covers.label().to_lowercase()
        )
    })
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

/// A utilisation or share as a message shows it, the way the app shows it: 0.9 → `90%`.
fn percent(fraction: f64) -> String {
    let value = fraction * 100.0;
    if !value.is_finite() || value.abs() >= 1e9 {
        return format!("{}%", number(value));
    }
    let text = format!("{value:.2}");
    format!("{}%", text.trim_end_matches('0').trim_end_matches('.'))
}

/// Every problem with the settings, named as the app labels them.
pub fn settings_problems(s: &Settings) -> Vec<String> {
    let positive = |v: f64| v > 0.0 && v <= MAX_TARGET;
    let share = |v: f64| (0.0..=1.0).contains(&v);
    let mut problems = Vec::new();
    if !positive(s.caseload_target) {
        problems.push(format!(
            "the caseload target must be above 0 and at most {MAX_TARGET} cases per FTE, not {}",
            number(s.caseload_target)
        ));
    }
    if !positive(s.amber_from) {
        problems.push(format!(
            "the amber threshold must be above 0% and at most {}, not {}",
            percent(MAX_TARGET),
            percent(s.amber_from)
        ));
    }
    if !positive(s.red_from) || s.red_from <= s.amber_from {
        problems.push(format!(
            "the red threshold ({}) must be above the amber threshold ({})",
            percent(s.red_from),
            percent(s.amber_from)
        ));
    }
    if !share(s.max_agency_share) {
        problems.push(format!(
            "the highest agency rate must be from 0% to 100%, not {}",
            percent(s.max_agency_share)
        ));
    }
    if !share(s.max_asye_share) {
        problems.push(format!(
            "the highest ASYE share must be from 0% to 100%, not {}",
            percent(s.max_asye_share)
        ));
    }
    if !positive(s.max_span_of_control) {
        problems.push(format!(
            "the most case-holders per team manager must be above 0 and at most {MAX_TARGET}, not {}",
            number(s.max_span_of_control)
        ));
    }
    if let Some(code) = &s.council
        && !is_council_code(code)
    {
        problems.push(format!(
            "the council to compare with must be given by its DfE code, such as 301 (digits, \
             letters and /, at most {MAX_COUNCIL_CODE_CHARS} characters), not \"{}\"",
            super::shown::printable(&super::shown::shortened(code))
        ));
    }
    problems
}

/// A council's code is short: `301`, `940 / 941`, or an ONS code such as `E09000002`.
const MAX_COUNCIL_CODE_CHARS: usize = 40;

/// Whether `code` can be a council's code: letters, digits, spaces and `/`, at least one
/// letter or digit, at most [`MAX_COUNCIL_CODE_CHARS`] characters.
fn is_council_code(code: &str) -> bool {
    code.chars().count() <= MAX_COUNCIL_CODE_CHARS
        && code.chars().any(|c| c.is_ascii_alphanumeric())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '/')
}

// ---------- the whole plan ----------

/// Every semantic problem in `plan`, each described; empty when the plan is valid. For a whole
/// file use [`super::scenarios::validate_scenarios`], which describes a limited number.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Problems::all();
    let shared = check_shared_parts(plan, &mut problems);
    check_own_parts(plan, &shared, None, &mut problems);
    problems.into_parts().0
}

/// The ids the shared parts define, which every scenario's teams and posts refer to.
pub(crate) struct SharedIds {
    case_types: HashSet<CaseTypeId>,
    grades: HashSet<GradeId>,
}

/// Problems in the parts every scenario shares: settings, timeline, cost rates, case types and
/// grades. Returns their ids for [`check_own_parts`].
pub(crate) fn check_shared_parts(plan: &Plan, problems: &mut Problems) -> SharedIds {
    for message in settings_problems(&plan.settings) {
        problems.report(|| Location::Settings, || message);
    }
    if let Some(message) = timeline_problem(&plan.timeline) {
        problems.report(|| Location::Timeline, || message);
    }

    let mut case_types = HashSet::new();
    for case_type in &plan.case_types {
        let at = || Location::case_type(case_type.id, &case_type.name);
        if !case_types.insert(case_type.id) {
            problems.report(at, || {
                format!("duplicate id: another case type is also {}", case_type.id)
            });
        }
        let found = [
            name_problem(&case_type.name),
            weight_problem(case_type.weight),
        ];
        for message in found.into_iter().flatten() {
            problems.report(at, || message);
        }
    }

    let mut grades = HashSet::new();
    for grade in &plan.grades {
        let at = || Location::grade(grade.id, &grade.name);
        if !grades.insert(grade.id) {
            problems.report(at, || {
                format!("duplicate id: another grade is also {}", grade.id)
            });
        }
        let found = [
            name_problem(&grade.name),
            capacity_problem(grade.capacity_points),
        ];
        for message in found.into_iter().flatten() {
            problems.report(at, || message);
        }
    }

    let case_type_ids: HashSet<CaseTypeId> = plan.case_types.iter().map(|c| c.id).collect();
    for message in cost_problems(
        &plan.costs,
        |g| grades.contains(&g),
        |c| case_type_ids.contains(&c),
    ) {
        problems.report(|| Location::CostRates, || message);
    }
    SharedIds { case_types, grades }
}

/// Problems in one scenario's own parts: its assumptions, teams and posts. `option` is the
/// option's 1-based position and name, or `None` for the baseline.
pub(crate) fn check_own_parts(
    plan: &Plan,
    shared: &SharedIds,
    option: Option<(usize, &str)>,
    problems: &mut Problems,
) {
    let within = |location: Location| match option {
        Some((position, name)) => Location::in_option(position, name, Some(location)),
        None => location,
    };
    // The first team with each id, as `Plan::team` finds it: posts are located in it.
    let mut teams: HashMap<TeamId, &str> = HashMap::with_capacity(plan.teams.len());
    for team in &plan.teams {
        teams.entry(team.id).or_insert(&team.name);
    }

    let case_types: HashSet<CaseTypeId> = plan.case_types.iter().map(|c| c.id).collect();
    let case_type_exists = |c: CaseTypeId| case_types.contains(&c);
    for message in assumptions_problems(
        &plan.assumptions,
        |t| teams.contains_key(&t),
        case_type_exists,
        |g| plan.grade(g).is_some(),
    ) {
        problems.report(|| within(Location::Assumptions), || message);
    }

    let mut team_ids = HashSet::with_capacity(plan.teams.len());
    for team in &plan.teams {
        let at = || within(Location::team(team.id, &team.name));
        if !team_ids.insert(team.id) {
            problems.report(at, || {
                format!("duplicate id: another team is also {}", team.id)
            });
        }
        if let Some(message) = name_problem(&team.name) {
            problems.report(at, || message);
        }
        check_case_counts(
            &team.unallocated,
            &shared.case_types,
            at,
            "unallocated cases",
            problems,
        );
    }

    let mut post_ids = HashSet::with_capacity(plan.posts.len());
    for post in &plan.posts {
        let team_name = teams.get(&post.team).copied();
        let at = || within(Location::post(post.id, post.team, team_name));
        if !post_ids.insert(post.id) {
            problems.report(at, || {
                format!("duplicate id: another post is also {}", post.id)
            });
        }
        if team_name.is_none() {
            problems.report(at, || {
                format!("belongs to {}, which is not in the plan", post.team)
            });
        }
        if !shared.grades.contains(&post.grade) {
            problems.report(at, || {
                format!("has {}, which is not in the plan", post.grade)
            });
        }
        let found = [
            fte_problem(post.fte),
            contract_problem(&post.contract),
            post_dates_problem(post.starts, post.leaves),
            cover_problem(&post.contract, post.covers),
        ];
        for message in found
            .into_iter()
            .flatten()
            .chain(reduction_problems(post, STANDARD_HOURS))
        {
            problems.report(at, || message);
        }
        if post
            .worker
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            problems.report(at, || {
                "worker name is blank: leave it out (None) for a vacancy".into()
            });
        }
        if post.is_vacant() && post.cases_held() > 0 {
            problems.report(at, || {
                format!(
                    "is vacant but holds {}: move them to the team's unallocated cases",
                    count(post.cases_held(), "case", "cases")
                )
            });
        }
        if post.is_vacant() && matches!(post.status, PostStatus::Absent { .. }) {
            problems.report(at, || "is vacant, so it cannot be marked absent".into());
        }
        check_case_counts(&post.cases, &shared.case_types, at, "cases", problems);
    }
}

fn check_case_counts(
    counts: &CaseCounts,
    known: &HashSet<CaseTypeId>,
    at: impl Fn() -> Location,
    what: &str,
    problems: &mut Problems,
) {
    for (id, &count) in counts {
        if !known.contains(id) {
            problems.report(&at, || {
                format!("{what} name {id}, which is not in the plan")
            });
        }
        // The rule's message is only written for a problem that is listed: a hostile file
        // may hold millions of counts.
        if count > MAX_CASE_COUNT {
            let message = || count_problem(count).unwrap_or_default();
            problems.report(&at, || format!("{what}: {id}: {}", message()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PostId, defaults::new_plan};

    #[test]
    fn tiny_positive_numbers_are_refused_so_every_figure_stays_finite() {
        // 5e-324 FTE would make a caseload of 10^325; a weight of 1e-300 infinitely many cases.
        assert_eq!(
            fte_problem(5e-324).unwrap(),
            "FTE must be at least 0.01 (about 20 minutes a week), not 5e-324"
        );
        assert_eq!(fte_problem(0.01), None);
        assert_eq!(
            weight_problem(1e-300).unwrap(),
            "weight must be at least 0.01 points, not 1e-300"
        );
        assert_eq!(weight_problem(0.01), None);
        assert_eq!(
            capacity_problem(1e-300).unwrap(),
            "capacity must be 0 or at least 0.1 points, not 1e-300"
        );
        assert_eq!(capacity_problem(0.0), None);
        assert_eq!(capacity_problem(0.1), None);
        assert_eq!(
            fte_problem(1e300).unwrap(),
            "FTE must be above 0 and at most 1, not 1e300"
        );
    }

    #[test]
    fn settings_are_named_as_the_app_labels_them() {
        let settings = Settings {
            red_from: 0.9,
            max_agency_share: 1.5,
            ..Settings::default()
        };
        assert_eq!(
            settings_problems(&settings),
            [
                "the red threshold (90%) must be above the amber threshold (100%)",
                "the highest agency rate must be from 0% to 100%, not 150%",
            ]
        );
        let odd = Settings {
            amber_from: f64::NAN,
            caseload_target: 0.0,
            ..Settings::default()
        };
        assert_eq!(
            settings_problems(&odd)[..2],
            [
                "the caseload target must be above 0 and at most 1000 cases per FTE, not 0",
                "the amber threshold must be above 0% and at most 100000%, not NaN%",
            ]
        );
    }

    #[test]
    fn a_council_is_named_by_a_short_code() {
        for good in ["301", "940 / 941", "E09000002", "940/941"] {
            let settings = Settings {
                council: Some(good.to_owned()),
                ..Settings::default()
            };
            assert_eq!(settings_problems(&settings), Vec::<String>::new(), "{good}");
        }
        let long = "3".repeat(41);
        for bad in ["", " / ", "30\n1", "Barking & Dagenham", long.as_str()] {
            let settings = Settings {
                council: Some(bad.to_owned()),
                ..Settings::default()
            };
            let problems = settings_problems(&settings);
            assert_eq!(problems.len(), 1, "{bad:?}");
            assert!(
                problems[0]
                    .starts_with("the council to compare with must be given by its DfE code"),
                "{}",
                problems[0]
            );
        }
        assert!(
            settings_problems(&Settings {
                council: Some("30\n1".to_owned()),
                ..Settings::default()
            })[0]
                .ends_with(r#"not "30\n1""#),
            "a line break in the file is shown escaped"
        );
    }

    #[test]
    fn a_post_is_located_in_its_team_only_when_the_team_exists() {
        let mut plan = new_plan();
        plan.teams.push(crate::model::Team {
            id: TeamId(1),
            name: "North".into(),
            function: crate::model::TeamFunction::Other,
            unallocated: CaseCounts::new(),
        });
        let mut post = crate::model::Post {
            reductions: Vec::new(),
            id: PostId(3),
            team: TeamId(1),
            grade: GradeId(2),
            contract: Contract::Permanent,
            fte: 2.0,
            worker: None,
            status: PostStatus::Active,
            cases: CaseCounts::new(),
            starts: None,
            leaves: None,
            covers: Default::default(),
        };
        plan.posts.push(post.clone());
        post.team = TeamId(9);
        plan.posts.push(post);
        let shown: Vec<String> = validate(&plan).iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "post 3 (in team 1 \"North\"): FTE must be above 0 and at most 1, not 2",
                "post 3: duplicate id: another post is also post 3",
                "post 3: belongs to team 9, which is not in the plan",
                "post 3: FTE must be above 0 and at most 1, not 2",
            ]
        );
        let problems = validate(&plan);
        assert_eq!(problems[0].location.team_id(), Some(TeamId(1)));
        assert_eq!(problems[0].location.post_id(), Some(PostId(3)));
        assert_eq!(problems[2].location.team_id(), None);
    }

    #[test]
    fn only_an_agency_post_covers_an_absence_or_adds_capacity() {
        let fixed = Contract::FixedTerm {
            start: YearMonth::new(2026, 4).unwrap(),
            end: YearMonth::new(2027, 3).unwrap(),
        };
        assert_eq!(
            cover_problem(&fixed, AgencyCover::Absence).unwrap(),
            "is a fixed-term post, so it cannot be marked \"covering an absence\": only an \
             agency worker covers an absence or adds capacity over the establishment"
        );
        assert!(cover_problem(&Contract::Permanent, AgencyCover::OverEstablishment).is_some());
        assert_eq!(
            cover_problem(&Contract::Permanent, AgencyCover::Vacancy),
            None
        );
        for covers in AgencyCover::ALL {
            assert_eq!(cover_problem(&Contract::Agency, covers), None);
        }
    }
}
