//! The service month by month over the plan's timeline: capacity against demand, case-holding
//! FTE, caseload, cases beyond capacity and cost.
//!
//! Each post follows the plan's own dates (planned starts, fixed-term ends, known leavers,
//! returns from leave, ASYE workers reaching full capacity after 12 months) and the scenario's
//! assumptions: a worker leaves in any month with the monthly hazard implied by the annual
//! turnover of their contract type; the vacancy is covered by agency staff with the assumed
//! share, and filled in any later month with probability 1 / months-to-fill (so it takes that
//! long on average). A fixed-term post is not refilled after its contract ends: it is gone.
//!
//! [`project`] gives the expected path: each post's chance of being filled, covered or vacant,
//! month by month, exactly (`expected.rs`; worked out once for all posts sharing their dates
//! and chances of leaving, `chances.rs`). [`monte_carlo`] draws the same process at random,
//! run by run, and gives 10th, 50th and 90th percentiles; the same seed always gives the same
//! bands (`monte_carlo.rs`; new cases drawn in `arrivals.rs`). This file prepares a plan for
//! both and turns a month's sums into its figures.
//!
//! Definitions (per month, summed over teams):
//! - capacity: points the available workers can carry, in cases at each team's case mix;
//! - demand: the team's cases now (held and waiting), moved by the scenario's demand flows
//!   (new cases, months open and the levers on them: `demand.rs`) and changed by its demand
//!   assumption;
//! - caseload: all cases, allocated or not, per available FTE in case-holding grades;
//! - beyond capacity: each team's demand above its own capacity, the expected unallocated cases;
//! - cost: employed staff in post (absent included) at salary with on-costs, agency staff and
//!   agency cover at the day rate; a vacancy costs nothing.
//! - leavers (expected path): council-employed FTE leaving at the end of the month, by
//!   turnover, on a known leaving date or when a fixed-term contract ends; with employed FTE
//!   in post, the first year's turnover ([`Projection::first_year_turnover`]).
//!
//! An agency post follows the same process whatever it covers: its worker may leave and be
//! replaced like any other (an agency worker covering an absence is not ended by the return).
//!
//! Case weights, a post's capacity and a team's points per case are the assessment's own
//! definitions ([`mod@super::assess`]), so the first month of a projection without turnover is
//! the assessment.

mod arrivals;
mod chances;
mod demand;
mod expected;
mod monte_carlo;
mod sums;
mod workforce;

pub use expected::project;
#[cfg(test)]
use monte_carlo::percentiles;
pub use monte_carlo::{monte_carlo, monte_carlo_with};

use super::assess::{capacity_points, ratio};
use super::money::capped_day_rate;
use super::reductions::{STANDARD_HOURS, has_reductions, reduced_shares};
use super::retention::{MAX_SERVICE_MONTHS, intake_offsets, monthly_hazard};
use super::{Contract, ContractKind, GradeRole, Plan, PostStatus, YearMonth};
use sums::Accumulator;
use workforce::{Curve, InductionLoss};

/// Months an ASYE worker spends at the protected grade before carrying a full caseload.
pub const ASYE_MONTHS: i32 = 12;

/// The service in one month of the expected path.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectedMonth {
    pub month: YearMonth,
    pub capacity_points: f64,
    pub demand_points: f64,
    pub capacity_cases: f64,
    pub demand_cases: f64,
    /// Available FTE in case-holding grades (employed or agency).
    pub case_holding_fte: f64,
    /// All cases per available case-holding FTE; `None` with no one to hold them.
    pub caseload: Option<f64>,
    /// Each team's cases above its capacity, summed: the cases expected to wait.
    pub beyond_capacity: f64,
    pub agency_fte: f64,
    pub vacant_fte: f64,
    /// Council-employed FTE in post (permanent and fixed-term, absent included).
    pub employed_fte: f64,
    /// Council-employed FTE leaving at the end of the month: turnover, known leaving dates
    /// and fixed-term contracts ending. Agency workers are not counted (the DfE counts the
    /// council's own leavers). Counted on the expected path (the bands do not need it).
    pub leavers_fte: f64,
    /// Staff cost of the month.
    pub cost: f64,
    /// Capacity points reductions keep back (protected time and others).
    pub reduced_points: f64,
    /// Council-employed FTE of new workers starting in the month (vacancies filled, planned
    /// recruits, intakes; expected path only).
    pub starters_fte: f64,
    /// The part of `cost` paid for agency staff (agency posts and cover).
    pub agency_cost: f64,
    /// Spent on the scenario's investments in the month ([`crate::model::money`]).
    pub investment_spend: f64,
    /// Paid for the scenario's retention measure in the month.
    pub measure_spend: f64,
    /// What the month's open cases cost beyond staff (placements…), at the plan's case costs.
    pub case_cost: f64,
    /// Spend (cost, investments, measure) from the first month to this one, discounted at the
    /// plan's rate (expected path only).
    pub cumulative_spend: f64,
}

/// Fixed-term contracts ending: `month` is the first month without them.
#[derive(Clone, Debug, PartialEq)]
pub struct ContractEnd {
    pub month: YearMonth,
    pub posts: u32,
    pub fte: f64,
}

/// The expected path and what to mark on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub months: Vec<ProjectedMonth>,
    pub contract_ends: Vec<ContractEnd>,
    /// The first month in which demand is above capacity, service-wide.
    pub first_over_capacity: Option<YearMonth>,
}

impl Projection {
    /// Leavers FTE over the first 12 months ÷ council-employed FTE in post in the first month
    /// (the DfE's turnover rate over the projection's first year); over a shorter timeline the
    /// leavers are annualised (× 12 ÷ its months). `None` with no one employed at the start.
    pub fn first_year_turnover(&self) -> Option<f64> {
        ratio(
            self.first_year_leavers()?,
            self.months.first()?.employed_fte,
        )
    }

    /// Leavers FTE over the first 12 months, annualised over a shorter timeline; `None`
    /// without months.
    pub fn first_year_leavers(&self) -> Option<f64> {
        let year = &self.months[..self.months.len().min(12)];
        let leavers: f64 = year.iter().map(|m| m.leavers_fte).sum();
        (!year.is_empty()).then(|| leavers * 12.0 / year.len() as f64)
    }
}

/// 10th, 50th and 90th percentiles of one figure in one month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Band3 {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// Monte Carlo percentiles, month by month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bands {
    pub runs: u32,
    pub capacity_cases: Vec<Band3>,
    pub case_holding_fte: Vec<Band3>,
    pub caseload: Vec<Band3>,
    pub beyond_capacity: Vec<Band3>,
    pub cost: Vec<Band3>,
}

impl Bands {
    /// The bands of month figure `id`, for the figures the Monte Carlo runs follow.
    pub fn of(&self, id: super::figures::FigureId) -> Option<&[Band3]> {
        use super::figures::FigureId as F;
        match id {
            F::CapacityCases => Some(&self.capacity_cases),
            F::PractitionerFte => Some(&self.case_holding_fte),
            F::AllCasesPerPractitionerFte => Some(&self.caseload),
            F::CasesBeyondCapacity => Some(&self.beyond_capacity),
            F::MonthlyCost => Some(&self.cost),
            _ => None,
        }
    }
}

// ---------- each post, prepared once ----------

/// A month offset that never comes.
const NEVER: i32 = i32::MAX;

/// What the projection needs of one post, with dates as offsets from the start month.
struct PostPath {
    team: usize,
    fte: f64,
    holds_cases: bool,
    /// Grade capacity points before and from `full_from` (ASYE progression).
    points: f64,
    full_points: f64,
    full_from: i32,
    /// Monthly cost while filled by its own worker, and while covered by agency staff.
    own_cost: f64,
    cover_cost: f64,
    agency: bool,
    /// Monthly chance of the worker leaving, when it does not depend on service.
    hazard: f64,
    /// The post's chances of leaving by service: an index into [`Prepared::curves`].
    curve: usize,
    /// The first worker's months of service at the plan's start (negative: they start later).
    service0: i32,
    /// Whether the first worker is a new starter: the post (or its worker) starts in the plan's
    /// months, or an intake.
    new_starter: bool,
    /// Whether the post follows the workforce path (leaving by service, induction) rather than
    /// the flat one.
    by_service: bool,
    /// The share of the post's time reductions keep back, month by month from the plan's
    /// start; `None` when nothing is ever kept back.
    kept_back: Option<Box<[f64]>>,
    first: i32,
    last: i32,
    /// The contract's last month (`NEVER`: it goes on), unlike `last` not cut at the end of
    /// the timeline: whoever is in post then leaves.
    ends: i32,
    filled: bool,
    /// The first worker is absent until this month (`NEVER`: no return; `i32::MIN`: present).
    back_from: i32,
    /// The first worker's last month.
    leaves_after: i32,
}

impl PostPath {
    /// The post's capacity in month `t` when worked for the share `worked` of it (a chance),
    /// before reductions.
    fn nominal_at(&self, t: i32, worked: f64) -> f64 {
        let grade_points = if t >= self.full_from {
            self.full_points
        } else {
            self.points
        };
        capacity_points(grade_points, self.fte, worked)
    }

    /// Whether the post's first worker starts in its first month (a planned recruit, an
    /// intake): a new starter.
    fn starts_new(&self) -> bool {
        self.new_starter
    }

    /// The share of the post's time kept back in month `t`.
    fn kept_back_at(&self, t: i32) -> f64 {
        self.kept_back
            .as_ref()
            .and_then(|shares| shares.get(usize::try_from(t).ok()?))
            .copied()
            .unwrap_or(0.0)
    }
}

/// The plan prepared for projecting: posts, team demand, and the constants of the process.
struct Prepared {
    posts: Vec<PostPath>,
    /// Each team's demand in cases, month by month, and its points per case (expected).
    demand: demand::Demand,
    /// The teams whose flows move, whose new cases the Monte Carlo runs draw.
    flowing: Vec<demand::FlowingTeam>,
    months: i32,
    agency_cover: f64,
    fill: f64,
    /// Chances of leaving by service for permanent, fixed-term and agency posts, in
    /// [`ContractKind`] order ([`curve_index`]).
    curves: Vec<Curve>,
    /// New starters' induction, when the scenario has one.
    induction: Option<InductionLoss>,
    /// Investments' spend, month by month.
    investment: Vec<f64>,
    /// The retention measure's payment a month per employed FTE.
    measure_monthly: f64,
}

fn curve_index(kind: ContractKind) -> usize {
    match kind {
        ContractKind::Permanent => 0,
        ContractKind::FixedTerm => 1,
        ContractKind::Agency => 2,
    }
}

/// One team's cases now, held and waiting, and their weighted points.
#[derive(Clone, Copy, Default)]
struct Work {
    cases: u64,
    points: f64,
    /// What its open cases cost a year beyond staff ([`crate::model::costs::CostRates::case_costs`]).
    cost: f64,
}

fn prepare(plan: &Plan) -> Prepared {
    let timeline = plan.timeline;
    let months = i32::try_from(timeline.months).unwrap_or(0);
    let offset = |m: YearMonth| timeline.offset(m);
    let team_index = plan.team_positions();
    // The grade an ASYE worker moves to: the first case-holding practitioner grade.
    let full_grade = plan
        .grades
        .iter()
        .find(|g| g.role == GradeRole::Practitioner && g.holds_cases);
    let a = &plan.assumptions;
    let rule = a.protected_time.as_ref();
    let flat = |annual| Curve::flat(monthly_hazard(annual), months);
    // A retention measure lowers every permanent rate by its points.
    let cut = a.retention_measure.map_or(0.0, |m| m.turnover_cut);
    let permanent_rate = (a.turnover.permanent - cut).max(0.0);
    let curves = vec![
        a.service_turnover.as_ref().map_or_else(
            || flat(permanent_rate),
            |service| {
                let mut lowered = service.clone();
                for band in &mut lowered.bands {
                    band.annual = (band.annual - cut).max(0.0);
                }
                Curve::banded(&lowered, months)
            },
        ),
        flat(a.turnover.fixed_term),
        flat(a.turnover.agency),
    ];
    // Without a start month, a worker has the service the scenario assumes; with no bands to
    // need it, long enough never to be a new starter.
    let unknown_service = a.service_turnover.as_ref().map_or(MAX_SERVICE_MONTHS, |s| {
        s.unknown_service_months.min(MAX_SERVICE_MONTHS)
    }) as i32;
    let by_service = |kind| a.induction.is_some() || curves[curve_index(kind)].is_banded();

    let mut now = vec![Work::default(); plan.teams.len()];
    let case_costs = &plan.costs.case_costs;
    // Each team's open cases by case type (`[team * types + k]`, types in the plan's order),
    // where the demand flows start: only when the scenario has flows.
    let types = plan.case_types.len();
    let mut open = if a.flows.is_empty() {
        Vec::new()
    } else {
        vec![0.0; plan.teams.len() * types]
    };
    // Each case type's weight and cost a year, by id: one pass over a post's counts (in id
    // order, so the points add up as the assessment's do).
    let mut kinds: Vec<(super::CaseTypeId, usize, f64, f64)> = plan
        .case_types
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let cost = case_costs.get(&c.id).copied().unwrap_or(0.0);
            (c.id, k, c.weight, cost)
        })
        .collect();
    kinds.sort_by_key(|kind| kind.0);
    let mut weigh = |team: usize, counts: &super::CaseCounts| {
        let work = &mut now[team];
        let (mut points, mut cost) = (0.0, 0.0);
        // Both in id order: walk them side by side.
        let mut kind = kinds.iter().peekable();
        for (&id, &n) in counts {
            while kind.next_if(|kind| kind.0 < id).is_some() {}
            let Some(&&(_, k, weight, cost_a_year)) = kind.peek().filter(|kind| kind.0 == id)
            else {
                continue;
            };
            work.cases += u64::from(n);
            points += f64::from(n) * weight;
            cost += f64::from(n) * cost_a_year;
            if !open.is_empty() {
                open[team * types + k] += f64::from(n);
            }
        }
        work.points += points;
        work.cost += cost;
    };
    for (i, team) in plan.teams.iter().enumerate() {
        weigh(i, &team.unallocated);
    }

    let mut posts = Vec::with_capacity(plan.posts.len());
    for post in &plan.posts {
        let (Some(&team), Some(grade)) = (team_index.get(&post.team), plan.grade(post.grade))
        else {
            continue;
        };
        weigh(team, &post.cases);
        let kind = post.contract.kind();
        let (first, last) = post.exists_between();
        let first_offset = first.map_or(i32::MIN, offset).max(0);
        let began = post.starts.or(match post.contract {
            Contract::FixedTerm { start, .. } => Some(start),
            Contract::Permanent | Contract::Agency => None,
        });
        let full_from = match (grade.role, full_grade) {
            // An ASYE year with no known start is taken to begin with the plan.
            (GradeRole::NewlyQualified, Some(_)) => began.map_or(0, offset) + ASYE_MONTHS,
            _ => NEVER,
        };
        let (own_month, agency_month) = monthly_costs(plan, post.grade, kind);
        posts.push(PostPath {
            team,
            fte: post.fte,
            holds_cases: grade.holds_cases,
            points: grade.capacity_points,
            full_points: full_grade.map_or(grade.capacity_points, |g| g.capacity_points),
            full_from,
            own_cost: own_month * post.fte,
            cover_cost: agency_month * post.fte,
            agency: kind == ContractKind::Agency,
            kept_back: has_reductions(post, rule)
                .then(|| reduced_shares(post, STANDARD_HOURS, rule, timeline)),
            // The curve's own rate: a single band of service is the permanent rate then.
            hazard: curves[curve_index(kind)].first_hazard(),
            curve: curve_index(kind),
            // An ASYE year with no known start begins with the plan (as for its capacity).
            service0: began.map_or(
                if grade.role == GradeRole::NewlyQualified {
                    0
                } else {
                    unknown_service
                },
                |m| -offset(m),
            ),
            new_starter: began.is_some_and(|m| offset(m) >= 0 && !post.is_vacant()),
            by_service: by_service(kind),
            first: first_offset,
            last: last.map_or(NEVER, offset).min(months - 1),
            ends: last.map_or(NEVER, offset),
            // A leaver whose last month is before the plan has already gone.
            filled: !post.is_vacant() && post.leaves.is_none_or(|m| offset(m) >= first_offset),
            back_from: match post.status {
                PostStatus::Active => i32::MIN,
                PostStatus::Absent { returns, .. } => returns.map_or(NEVER, offset),
            },
            leaves_after: post.leaves.map_or(NEVER, offset),
        });
    }

    for intake in &a.intakes {
        let (Some(&team), Some(grade)) = (team_index.get(&intake.team), plan.grade(intake.grade))
        else {
            continue;
        };
        for first in intake_offsets(intake, timeline.start, timeline.months) {
            for _ in 0..intake.workers {
                posts.push(workforce::intake_post(
                    plan, team, grade, full_grade, first, months,
                ));
            }
        }
    }

    let (demand, flowing) = demand::team_demands(plan, &now, &open);
    Prepared {
        posts,
        demand,
        flowing,
        months,
        agency_cover: a.agency_cover.clamp(0.0, 1.0)
            * a.agency_cap
                .map_or(1.0, |cap| cap.still_covered.clamp(0.0, 1.0)),
        fill: if a.recruit {
            1.0 / a.months_to_fill.max(1.0)
        } else {
            0.0
        },
        curves,
        induction: a.induction.map(|i| InductionLoss {
            months: i32::try_from(i.months).unwrap_or(0),
            lost: 1.0 - i.share.clamp(0.0, 1.0),
        }),
        investment: (0..months)
            .map(|t| {
                a.investments
                    .iter()
                    .map(|i| i.spend_at(timeline.start, t))
                    .sum()
            })
            .collect(),
        measure_monthly: a
            .retention_measure
            .map_or(0.0, |m| m.a_year_per_worker / 12.0),
    }
}

/// A month's cost of one FTE at `grade`: its own worker under `kind`, and agency cover; agency
/// day rates capped by the scenario's agency pay cap.
fn monthly_costs(plan: &Plan, grade: super::GradeId, kind: ContractKind) -> (f64, f64) {
    let costs = &plan.costs;
    let day_rate = costs.agency_day_rate.get(&grade).copied().unwrap_or(0.0);
    let agency =
        capped_day_rate(day_rate, plan.assumptions.agency_cap.as_ref()) * costs.working_days / 12.0;
    let own = match kind {
        ContractKind::Agency => agency,
        ContractKind::Permanent | ContractKind::FixedTerm => costs.annual(grade, kind, 1.0) / 12.0,
    };
    (own, agency)
}

// ---------- from sums to figures ----------

/// Turns the sums into the figures of each month of `timeline`, with each team's `demand`.
/// Team by team, each team's months one after another (its capacity and demand lie side by
/// side); within a month the teams add up in the plan's order.
fn path_figures(
    prepared: &Prepared,
    demand: &demand::Demand,
    acc: &Accumulator,
    timeline: super::Timeline,
) -> Vec<ProjectedMonth> {
    let mut months: Vec<ProjectedMonth> = (0..prepared.months)
        .map_while(|t| {
            let month = timeline.month(t as u32)?;
            let i = t as usize;
            Some(ProjectedMonth {
                month,
                case_holding_fte: acc.case_holding_fte[i],
                agency_fte: acc.agency_fte[i],
                vacant_fte: acc.vacant_fte[i],
                employed_fte: acc.employed_fte[i],
                leavers_fte: acc.leavers_fte[i],
                cost: acc.cost[i],
                reduced_points: acc.reduced[i],
                starters_fte: acc.starters[i],
                agency_cost: acc.agency_cost[i],
                investment_spend: prepared.investment[i],
                measure_spend: prepared.measure_monthly * acc.employed_fte[i],
                case_cost: 0.0,
                cumulative_spend: 0.0,
                capacity_points: 0.0,
                demand_points: 0.0,
                capacity_cases: 0.0,
                demand_cases: 0.0,
                caseload: None,
                beyond_capacity: 0.0,
            })
        })
        .collect();
    for team in 0..acc.teams {
        let capacity = &acc.capacity[team * acc.months..(team + 1) * acc.months];
        let (cases, per_case, cost) = demand.team(team);
        let team_months = capacity.iter().zip(cases).zip(per_case).zip(cost);
        for (m, (((&capacity, &cases), &per_case), &cost)) in months.iter_mut().zip(team_months) {
            m.case_cost += cost;
            m.capacity_points += capacity;
            m.demand_points += cases * per_case;
            let capacity_cases = capacity / per_case;
            m.capacity_cases += capacity_cases;
            m.demand_cases += cases;
            m.beyond_capacity += (cases - capacity_cases).max(0.0);
        }
    }
    for m in &mut months {
        m.caseload = ratio(m.demand_cases, m.case_holding_fte);
    }
    months
}

#[cfg(test)]
mod tests;
