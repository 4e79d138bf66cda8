//! Which assumption decides it: each main assumption of a scenario moved down and up by a
//! share (20% unless chosen), its effect on the caseload in a chosen month and on the spend
//! over the plan, sorted by the caseload's swing (a tornado chart); and goal seek, the one
//! change of a single assumption that brings the caseload to the target by a month.
//!
//! All on the expected path ([`project`]); a moved assumption stays within its own limits
//! (turnover at most 100%, months to fill from 1 to 36, agency cover at most 100%).
//!
//! - New cases: every case type's new cases a month, from the plan's start, × (1 ± share).
//! - Months open: every case type's months open × (1 ± share).
//! - Turnover: every turnover rate (by contract and by length of service) × (1 ± share).
//! - Months to fill a vacancy, and the share of vacancies covered by agency staff, × (1 ± share).
//! - Agency day rates × (1 ± share) (spend only).
//! - The levers' effect: each demand lever's change × (1 ± share) (the investment's effect),
//!   when the scenario has levers.
//! - The retention measure's effect: its cut in turnover × (1 ± share), when it has one.

use super::Plan;
use super::demand_flows::{DemandLever, FlowChange};
use super::money::total_spend;
use super::projection::project;
use super::{Post, PostId, PostStatus};

/// An assumption the tornado moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assumption {
    NewCases,
    MonthsOpen,
    Turnover,
    MonthsToFill,
    AgencyCover,
    AgencyDayRates,
    LeverEffect,
    RetentionEffect,
}

impl Assumption {
    pub const ALL: [Assumption; 8] = [
        Assumption::NewCases,
        Assumption::MonthsOpen,
        Assumption::Turnover,
        Assumption::MonthsToFill,
        Assumption::AgencyCover,
        Assumption::AgencyDayRates,
        Assumption::LeverEffect,
        Assumption::RetentionEffect,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Assumption::NewCases => "New cases a month",
            Assumption::MonthsOpen => "Months a case stays open",
            Assumption::Turnover => "Turnover",
            Assumption::MonthsToFill => "Months to fill a vacancy",
            Assumption::AgencyCover => "Vacancies covered by agency",
            Assumption::AgencyDayRates => "Agency day rates",
            Assumption::LeverEffect => "Effect of the levers on demand",
            Assumption::RetentionEffect => "Effect of the retention payment",
        }
    }
}

/// What a projection comes to: the caseload in the chosen month and the spend over the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// All cases per practitioner FTE in the month; `None` with no one to hold them.
    pub caseload: Option<f64>,
    pub spend: f64,
}

/// One assumption moved down and up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub assumption: Assumption,
    pub low: Outcome,
    pub high: Outcome,
}

impl Swing {
    /// How far the caseload moves between the two (0 when either has none).
    pub fn caseload_range(&self) -> f64 {
        match (self.low.caseload, self.high.caseload) {
            (Some(a), Some(b)) => (a - b).abs(),
            _ => 0.0,
        }
    }
}

/// The tornado: the scenario as it is, and each assumption's swing, widest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub month: u32,
    pub share: f64,
    pub base: Outcome,
    pub swings: Vec<Swing>,
}

/// The projection's outcome for `plan`, in month `month` (its last month when beyond).
pub fn outcome(plan: &Plan, month: u32) -> Outcome {
    let projection = project(plan);
    let m = projection
        .months
        .get(month as usize)
        .or(projection.months.last());
    Outcome {
        caseload: m.and_then(|m| m.caseload),
        spend: total_spend(&projection).unwrap_or(0.0),
    }
}

/// `plan` with `assumption` multiplied by `factor`; `None` when the scenario has nothing for
/// it to move (no levers, no retention payment).
pub fn moved(plan: &Plan, assumption: Assumption, factor: f64) -> Option<Plan> {
    let mut p = plan.clone();
    let a = &mut p.assumptions;
    let scale = |v: &mut f64, lo: f64, hi: f64| *v = (*v * factor).clamp(lo, hi);
    match assumption {
        Assumption::NewCases | Assumption::MonthsOpen => {
            let by = factor - 1.0;
            for case_type in &plan.case_types {
                let change = match assumption {
                    Assumption::NewCases => FlowChange::NewCases {
                        case_type: case_type.id,
                        by,
                    },
                    _ => FlowChange::MonthsOpen {
                        case_type: case_type.id,
                        by,
                    },
                };
                a.flows.levers.push(DemandLever {
                    change,
                    team: None,
                    from: plan.timeline.start,
                    ramp_months: 0,
                });
            }
        }
        Assumption::Turnover => {
            scale(&mut a.turnover.permanent, 0.0, 1.0);
            scale(&mut a.turnover.fixed_term, 0.0, 1.0);
            scale(&mut a.turnover.agency, 0.0, 1.0);
            for band in a.service_turnover.iter_mut().flat_map(|s| &mut s.bands) {
                scale(&mut band.annual, 0.0, 1.0);
            }
        }
        Assumption::MonthsToFill => scale(
            &mut a.months_to_fill,
            1.0,
            super::assumptions::MAX_MONTHS_TO_FILL,
        ),
        Assumption::AgencyCover => scale(&mut a.agency_cover, 0.0, 1.0),
        Assumption::AgencyDayRates => {
            for rate in p.costs.agency_day_rate.values_mut() {
                *rate *= factor;
            }
        }
        Assumption::LeverEffect => {
            if a.flows.levers.is_empty() {
                return None;
            }
            for lever in &mut a.flows.levers {
                match &mut lever.change {
                    FlowChange::NewCases { by, .. } | FlowChange::MonthsOpen { by, .. } => {
                        *by = (*by * factor).max(-1.0);
                    }
                    FlowChange::Divert { share, .. } => *share = (*share * factor).clamp(0.0, 1.0),
                }
            }
        }
        Assumption::RetentionEffect => {
            let measure = a.retention_measure.as_mut()?;
            measure.turnover_cut = (measure.turnover_cut * factor).clamp(0.0, 1.0);
        }
    }
    Some(p)
}

/// The tornado of `plan` at month `month`, each assumption moved by `share` down and up (16
/// projections at most). `keep_going` is told the fraction done after each; once it answers
/// `false` the work stops (`None`).
pub fn tornado(
    plan: &Plan,
    month: u32,
    share: f64,
    keep_going: &dyn Fn(f32) -> bool,
) -> Option<Tornado> {
    let base = outcome(plan, month);
    let mut swings = Vec::new();
    let total = Assumption::ALL.len() as f32;
    for (k, assumption) in Assumption::ALL.into_iter().enumerate() {
        let low = moved(plan, assumption, 1.0 - share).map(|p| outcome(&p, month));
        let high = moved(plan, assumption, 1.0 + share).map(|p| outcome(&p, month));
        if let (Some(low), Some(high)) = (low, high) {
            swings.push(Swing {
                assumption,
                low,
                high,
            });
        }
        if !keep_going((k + 1) as f32 / total) {
            return None;
        }
    }
    swings.sort_by(|a, b| b.caseload_range().total_cmp(&a.caseload_range()));
    Some(Tornado {
        month,
        share,
        base,
        swings,
    })
}

/// The single assumption goal seek changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// A cut in every case type's new cases from the plan's start (a fraction: 0.2 = 20%).
    FewerNewCases,
    /// Every turnover rate, as one share of today's (0.5 = half of today's).
    LowerTurnover,
    /// Extra case-holding FTE from the plan's start (permanent, at the first practitioner
    /// grade, filled, in the first team).
    ExtraFte,
}

impl Goal {
    pub const ALL: [Goal; 3] = [Goal::FewerNewCases, Goal::LowerTurnover, Goal::ExtraFte];

    pub fn label(self) -> &'static str {
        match self {
            Goal::FewerNewCases => "the reduction in new cases",
            Goal::LowerTurnover => "the turnover",
            Goal::ExtraFte => "the extra case-holding FTE",
        }
    }
}

/// What goal seek found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sought {
    /// The caseload is at or below the target already.
    AlreadyMet,
    /// The change that brings it there: a cut (0.23 = 23% fewer new cases), a share of today's
    /// turnover (0.6), or FTE (4.2).
    Found(f64),
    /// Even the largest change does not (no new cases at all, no turnover, 10,000 FTE).
    Unreachable,
}

/// The most extra FTE goal seek tries.
const MAX_EXTRA_FTE: f64 = 10_000.0;

/// `plan` with `goal`'s assumption at `value` (see [`Goal`]); `None` when the plan has no
/// practitioner grade or team for extra FTE.
pub fn with_goal(plan: &Plan, goal: Goal, value: f64) -> Option<Plan> {
    match goal {
        Goal::FewerNewCases => moved(plan, Assumption::NewCases, 1.0 - value),
        Goal::LowerTurnover => moved(plan, Assumption::Turnover, value),
        Goal::ExtraFte => {
            let grade = plan
                .grades
                .iter()
                .find(|g| g.role == super::GradeRole::Practitioner && g.holds_cases)
                .or_else(|| plan.grades.iter().find(|g| g.holds_cases))?;
            let team = plan.teams.first()?;
            let mut p = plan.clone();
            let id = PostId(plan.posts.iter().map(|p| p.id.0).max().unwrap_or(0) + 1);
            // One post of `value` FTE: the projection is linear in a post's FTE, so it counts
            // as that many full-time workers would (the file never holds it).
            p.posts.push(Post {
                id,
                team: team.id,
                grade: grade.id,
                contract: super::Contract::Permanent,
                fte: value,
                worker: Some("Extra".to_owned()),
                status: PostStatus::Active,
                cases: Default::default(),
                starts: None,
                leaves: None,
                covers: Default::default(),
                reductions: Vec::new(),
            });
            Some(p)
        }
    }
}

/// The change of `goal` that brings the caseload in `month` to `target` or below, to within
/// a hundredth of the change (40 halvings of the range).
pub fn goal_seek(plan: &Plan, goal: Goal, target: f64, month: u32) -> Option<Sought> {
    let meets = |value: f64| -> Option<bool> {
        let p = with_goal(plan, goal, value)?;
        Some(
            outcome(&p, month)
                .caseload
                .is_some_and(|c| c <= target + 1e-9),
        )
    };
    if outcome(plan, month)
        .caseload
        .is_some_and(|c| c <= target + 1e-9)
    {
        return Some(Sought::AlreadyMet);
    }
    // `worst` does not meet the target, `best` is the largest change; the caseload falls as
    // the change grows (fewer new cases, more FTE) or as turnover falls (a smaller share).
    let (mut worst, mut best) = match goal {
        Goal::FewerNewCases => (0.0, 1.0),
        Goal::LowerTurnover => (1.0, 0.0),
        Goal::ExtraFte => (0.0, MAX_EXTRA_FTE),
    };
    if !meets(best)? {
        return Some(Sought::Unreachable);
    }
    for _ in 0..40 {
        let mid = (worst + best) / 2.0;
        if meets(mid)? {
            best = mid;
        } else {
            worst = mid;
        }
        if (best - worst).abs() < 1e-4 * (1.0 + best.abs()) {
            break;
        }
    }
    Some(Sought::Found(best))
}

#[cfg(test)]
mod tests;
