//! Demand as flows: cases come in each month and each stays open for a while, so the cases a
//! team holds are a stock fed by new cases and drained by cases closing. Early help ("fewer
//! cases coming through"), exit-from-care work ("children leave care sooner") and edge-of-care
//! work ("would-be children in care become child-in-need cases") act on the flows, and the
//! stock follows month by month.
//!
//! The model, per team and case type, month by month (t = 1, 2, …; month 0 is the plan's
//! counts now):
//!
//! ```text
//! open(t) = open(t-1) × (1 − 1 / months_open(t)) + new(t)
//! ```
//!
//! A share 1 / months-open of the cases open closes each month (so a case stays open for
//! `months_open` months on average) and the month's new cases join. Unless the user enters
//! their own new cases a month, they are today's steady state, `open(0) / months_open`, so
//! nothing moves until something changes. A cut of new cases by a share s from month 1 takes
//! the open cases towards `(1 − s) × open(0)`, closing the gap by a share 1 / months-open
//! each month: 10 new a month, open 12 months: 120 open, flat; 20% fewer new cases from month
//! 1: `96 + 24 × (11/12)^t`, 104.45 at month 12.
//!
//! Levers ([`DemandLever`]) change a flow from a month, reaching their full effect over a
//! ramp of months (`ramp_months`, linearly: a third, two thirds, all of it over three). Several
//! levers on one flow multiply.
//!
//! Pure: plain data in, plain data out; the projection sums each team's case types into its
//! demand ([`super::projection`]).

use super::{CaseCounts, CaseTypeId, Plan, TeamId, Timeline, YearMonth};
use serde::{Deserialize, Serialize};

/// A scenario's demand flows: how long cases stay open, new cases where the user knows them,
/// and the levers that change either.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DemandFlows {
    /// Average months a case of a type stays open; a type not listed takes
    /// [`default_months_open`] of its name.
    pub months_open: Vec<MonthsOpen>,
    /// New cases a month by team and case type, where the user has them (for example from the
    /// case management system's referrals report); otherwise today's steady state.
    pub new_cases: Vec<NewCases>,
    /// Dated changes to the flows (early help, exit from care, edge of care).
    pub levers: Vec<DemandLever>,
}

/// How long cases of one type stay open, on average.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthsOpen {
    pub case_type: CaseTypeId,
    pub months: f64,
}

/// New cases a month for one team and case type.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCases {
    pub team: TeamId,
    pub case_type: CaseTypeId,
    pub per_month: f64,
}

/// A dated change to the flows of one team, or of every team (`team: None`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemandLever {
    pub change: FlowChange,
    #[serde(default)]
    pub team: Option<TeamId>,
    /// The first month it acts in.
    pub from: YearMonth,
    /// Months to reach its full effect (0 or 1: at once).
    #[serde(default)]
    pub ramp_months: u32,
}

/// What a lever changes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum FlowChange {
    /// New cases of a type change by a share: -0.2 is 20% fewer (early help).
    NewCases { case_type: CaseTypeId, by: f64 },
    /// Months a case of a type stays open change by a share: -0.25 closes cases a quarter
    /// sooner (exit-from-care work).
    MonthsOpen { case_type: CaseTypeId, by: f64 },
    /// A share of one type's new cases come in as another type instead (edge of care: would-be
    /// children in care supported as children in need).
    Divert {
        from: CaseTypeId,
        to: CaseTypeId,
        share: f64,
    },
}

/// Illustrative months a case stays open, by the usual names of case types, when the plan
/// does not say: assessments close within a quarter, child-in-need and child protection work
/// within a year, children in care and care leavers stay for years. Not national figures; the
/// Projection view labels them so and the user can enter their own.
pub fn default_months_open(case_type_name: &str) -> f64 {
    let name = case_type_name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["assess", "front door", "referral"]) {
        3.0
    } else if has(&["leaver"]) {
        36.0
    } else if has(&["looked after", "in care", "cla", "lac"]) {
        24.0
    } else if has(&["court", "plo", "proceedings", "protection", "cp plan"]) {
        9.0
    } else if has(&["in need", "cin"]) {
        6.0
    } else {
        12.0
    }
}

/// Longest plausible average time a case stays open (50 years).
pub const MAX_MONTHS_OPEN: f64 = 600.0;
/// Largest plausible change a lever makes, as a share (+1000%).
pub const MAX_LEVER_CHANGE: f64 = 10.0;

impl DemandFlows {
    /// Drops everything about `case_type` (it has been removed from the plan).
    pub fn forget_case_type(&mut self, case_type: CaseTypeId) {
        self.months_open.retain(|m| m.case_type != case_type);
        self.new_cases.retain(|n| n.case_type != case_type);
        self.levers.retain(|l| match l.change {
            FlowChange::NewCases { case_type: c, .. }
            | FlowChange::MonthsOpen { case_type: c, .. } => c != case_type,
            FlowChange::Divert { from, to, .. } => from != case_type && to != case_type,
        });
    }

    /// Drops everything about `team` (it has been deleted).
    pub fn forget_team(&mut self, team: TeamId) {
        self.new_cases.retain(|n| n.team != team);
        self.levers.retain(|l| l.team != Some(team));
    }

    /// True when the flows hold nothing the user set: a plan without them is saved without.
    pub fn is_empty(&self) -> bool {
        self.months_open.is_empty() && self.new_cases.is_empty() && self.levers.is_empty()
    }

    /// Months a case of `case_type` (named `name`) stays open.
    pub fn months_open(&self, case_type: CaseTypeId, name: &str) -> f64 {
        self.months_open
            .iter()
            .find(|m| m.case_type == case_type)
            .map_or_else(|| default_months_open(name), |m| m.months)
    }

    /// New cases a month the user entered for `team` and `case_type`, if any.
    pub fn entered_new_cases(&self, team: TeamId, case_type: CaseTypeId) -> Option<f64> {
        self.new_cases
            .iter()
            .find(|n| n.team == team && n.case_type == case_type)
            .map(|n| n.per_month)
    }
}

impl DemandLever {
    /// The share of its full effect the lever has `t` months into a plan starting `start`:
    /// 0 before its month, then rising evenly over its ramp to 1.
    pub fn effect_at(&self, timeline: Timeline, t: i32) -> f64 {
        let since = t - timeline.offset(self.from);
        if since < 0 {
            return 0.0;
        }
        let ramp = self.ramp_months.max(1);
        (f64::from(since + 1) / f64::from(ramp)).min(1.0)
    }
}

/// Each team's cases by case type now, held and waiting, in the plan's team order: where the
/// flows start.
pub fn open_by_team(plan: &Plan) -> Vec<CaseCounts> {
    let index = plan.team_positions();
    let mut counts: Vec<CaseCounts> = plan.teams.iter().map(|t| t.unallocated.clone()).collect();
    for post in &plan.posts {
        if let Some(&i) = index.get(&post.team) {
            for (&case_type, &n) in &post.cases {
                *counts[i].entry(case_type).or_insert(0) += n;
            }
        }
    }
    counts
}

/// Every problem with a scenario's flows, in a plan-writer's words.
pub fn flow_problems(
    flows: &DemandFlows,
    team_exists: impl Fn(TeamId) -> bool,
    case_type_exists: impl Fn(CaseTypeId) -> bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    let unknown_type = |id: CaseTypeId| format!("{id}, which is not in the plan");
    for (i, m) in flows.months_open.iter().enumerate() {
        if !case_type_exists(m.case_type) {
            problems.push(format!("months open for {}", unknown_type(m.case_type)));
        }
        if flows.months_open[..i]
            .iter()
            .any(|other| other.case_type == m.case_type)
        {
            problems.push(format!("months open for {} is given twice", m.case_type));
        }
        if !(1.0..=MAX_MONTHS_OPEN).contains(&m.months) {
            problems.push(format!(
                "months a case stays open must be from 1 to {MAX_MONTHS_OPEN}, not {}",
                super::shown::number(m.months)
            ));
        }
    }
    for (i, n) in flows.new_cases.iter().enumerate() {
        if !team_exists(n.team) {
            problems.push(format!(
                "new cases for {}, which is not in the plan",
                n.team
            ));
        }
        if !case_type_exists(n.case_type) {
            problems.push(format!("new cases for {}", unknown_type(n.case_type)));
        }
        if flows.new_cases[..i]
            .iter()
            .any(|o| o.team == n.team && o.case_type == n.case_type)
        {
            problems.push(format!(
                "new cases for {} of {} are given twice",
                n.case_type, n.team
            ));
        }
        let most = f64::from(super::validate::MAX_CASE_COUNT);
        if !(0.0..=most).contains(&n.per_month) {
            problems.push(format!(
                "new cases a month must be from 0 to {most}, not {}",
                super::shown::number(n.per_month)
            ));
        }
    }
    for lever in &flows.levers {
        if let Some(team) = lever.team
            && !team_exists(team)
        {
            problems.push(format!(
                "a demand lever for {team}, which is not in the plan"
            ));
        }
        if lever.ramp_months > Timeline::MAX_MONTHS {
            problems.push(format!(
                "a demand lever's ramp must be at most {} months, not {}",
                Timeline::MAX_MONTHS,
                lever.ramp_months
            ));
        }
        let change = |by: f64| {
            (-1.0..=MAX_LEVER_CHANGE)
                .contains(&by)
                .then_some(())
                .ok_or(format!(
                    "a demand lever's change must be from -100% to +1000%, not {}",
                    super::shown::number(by)
                ))
        };
        let checks: Vec<Result<(), String>> = match lever.change {
            FlowChange::NewCases { case_type, by } => vec![
                change(by),
                case_type_exists(case_type)
                    .then_some(())
                    .ok_or(format!("a demand lever for {}", unknown_type(case_type))),
            ],
            FlowChange::MonthsOpen { case_type, by } => vec![
                // Cases cannot close at once: months open stays above nothing.
                (by > -1.0).then_some(()).ok_or(format!(
                    "months open can be cut by less than 100%, not {}",
                    super::shown::number(by)
                )),
                change(by),
                case_type_exists(case_type)
                    .then_some(())
                    .ok_or(format!("a demand lever for {}", unknown_type(case_type))),
            ],
            FlowChange::Divert { from, to, share } => vec![
                (0.0..=1.0).contains(&share).then_some(()).ok_or(format!(
                    "a diverted share must be from 0% to 100%, not {}",
                    super::shown::number(share)
                )),
                (from != to)
                    .then_some(())
                    .ok_or(format!("a diversion from {from} to itself")),
                case_type_exists(from)
                    .then_some(())
                    .ok_or(format!("a diversion from {}", unknown_type(from))),
                case_type_exists(to)
                    .then_some(())
                    .ok_or(format!("a diversion to {}", unknown_type(to))),
            ],
        };
        problems.extend(checks.into_iter().filter_map(Result::err));
    }
    problems
}

mod team;
pub use team::{FlowStart, ServiceFlows, TeamFlows, team_flows, team_open_cases};

#[cfg(test)]
mod tests;
