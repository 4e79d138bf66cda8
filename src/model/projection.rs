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
//! month by month, exactly. [`monte_carlo`] draws the same process at random, run by run, and
//! gives 10th, 50th and 90th percentiles; the same seed always gives the same bands.
//!
//! Definitions (per month, summed over teams):
//! - capacity: points the available workers can carry, in cases at each team's case mix;
//! - demand: the team's cases now (held and waiting) changed by its demand assumption;
//! - caseload: all cases, allocated or not, per available FTE in case-holding grades;
//! - beyond capacity: each team's demand above its own capacity, the expected unallocated cases;
//! - cost: employed staff in post (absent included) at salary with on-costs, agency staff and
//!   agency cover at the day rate; a vacancy costs nothing.

use super::{Contract, ContractKind, GradeRole, Plan, PostStatus, TeamId, YearMonth};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use std::collections::HashMap;

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
    /// Staff cost of the month.
    pub cost: f64,
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

// ---------- each post, prepared once ----------

/// A month offset that never comes.
const NEVER: i32 = i32::MAX;

/// What the projection needs of one post, with dates as offsets from the start month.
struct PostPath {
    team: usize,
    fte: f64,
    holds_cases: bool,
    /// Capacity points at 1.0 FTE before and from `full_from` (ASYE progression).
    points: f64,
    full_points: f64,
    full_from: i32,
    /// Monthly cost while filled by its own worker, and while covered by agency staff.
    own_cost: f64,
    cover_cost: f64,
    agency: bool,
    /// Monthly chance of the worker leaving.
    hazard: f64,
    first: i32,
    last: i32,
    filled: bool,
    /// The first worker is absent until this month (`NEVER`: no return; `i32::MIN`: present).
    back_from: i32,
    /// The first worker's last month.
    leaves_after: i32,
}

impl PostPath {
    fn points_at(&self, t: i32) -> f64 {
        self.fte
            * if t >= self.full_from {
                self.full_points
            } else {
                self.points
            }
    }
}

/// The plan prepared for projecting: posts, team demand, and the constants of the process.
struct Prepared {
    posts: Vec<PostPath>,
    /// Each team's demand in cases, month by month, and its points per case.
    demand_cases: Vec<Vec<f64>>,
    points_per_case: Vec<f64>,
    months: i32,
    agency_cover: f64,
    fill: f64,
}

fn monthly_hazard(annual: f64) -> f64 {
    1.0 - (1.0 - annual.clamp(0.0, 1.0)).powf(1.0 / 12.0)
}

fn prepare(plan: &Plan) -> Prepared {
    let timeline = plan.timeline;
    let months = i32::try_from(timeline.months).unwrap_or(0);
    let offset = |m: YearMonth| timeline.offset(m);
    let team_index: HashMap<TeamId, usize> = plan
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    let weight: HashMap<_, _> = plan.case_types.iter().map(|c| (c.id, c.weight)).collect();
    // The grade an ASYE worker moves to: the first case-holding practitioner grade.
    let full_grade = plan
        .grades
        .iter()
        .find(|g| g.role == GradeRole::Practitioner && g.holds_cases);
    let a = &plan.assumptions;

    let mut cases_now = vec![0.0; plan.teams.len()];
    let mut points_now = vec![0.0; plan.teams.len()];
    let mut weigh = |team: usize, counts: &super::CaseCounts| {
        for (case_type, &n) in counts {
            cases_now[team] += f64::from(n);
            points_now[team] += f64::from(n) * weight.get(case_type).copied().unwrap_or(0.0);
        }
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
        let agency_month = plan.costs.annual(post.grade, ContractKind::Agency, 1.0) / 12.0;
        let own_month = plan.costs.annual(post.grade, kind, 1.0) / 12.0;
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
            hazard: monthly_hazard(match kind {
                ContractKind::Permanent => a.turnover.permanent,
                ContractKind::FixedTerm => a.turnover.fixed_term,
                ContractKind::Agency => a.turnover.agency,
            }),
            first: first_offset,
            last: last.map_or(NEVER, offset).min(months - 1),
            // A leaver whose last month is before the plan has already gone.
            filled: !post.is_vacant() && post.leaves.is_none_or(|m| offset(m) >= first_offset),
            back_from: match post.status {
                PostStatus::Active => i32::MIN,
                PostStatus::Absent { returns, .. } => returns.map_or(NEVER, offset),
            },
            leaves_after: post.leaves.map_or(NEVER, offset),
        });
    }

    let demand_cases = plan
        .teams
        .iter()
        .enumerate()
        .map(|(i, team)| {
            let change = a.demand.get(&team.id);
            (0..timeline.months)
                .map(|t| {
                    let delta = change.map_or(0.0, |c| c.change_at(cases_now[i], t));
                    (cases_now[i] + delta).max(0.0)
                })
                .collect()
        })
        .collect();
    let points_per_case = cases_now
        .iter()
        .zip(&points_now)
        .map(|(&c, &p)| if c > 0.0 && p > 0.0 { p / c } else { 1.0 })
        .collect();
    Prepared {
        posts,
        demand_cases,
        points_per_case,
        months,
        agency_cover: a.agency_cover.clamp(0.0, 1.0),
        fill: if a.recruit {
            1.0 / a.months_to_fill.max(1.0)
        } else {
            0.0
        },
    }
}

/// Per-month sums that the figures are made from.
struct Accumulator {
    /// Capacity points by team, month-major: `[t * teams + team]`.
    capacity: Vec<f64>,
    teams: usize,
    case_holding_fte: Vec<f64>,
    agency_fte: Vec<f64>,
    vacant_fte: Vec<f64>,
    cost: Vec<f64>,
}

impl Accumulator {
    fn new(teams: usize, months: i32) -> Self {
        let m = months.max(0) as usize;
        Accumulator {
            capacity: vec![0.0; m * teams],
            teams,
            case_holding_fte: vec![0.0; m],
            agency_fte: vec![0.0; m],
            vacant_fte: vec![0.0; m],
            cost: vec![0.0; m],
        }
    }

    /// Adds `post` in month `t` with these chances: own worker working, own worker in post
    /// (absent or not), agency cover, vacant.
    fn add(
        &mut self,
        post: &PostPath,
        t: i32,
        working: f64,
        in_post: f64,
        cover: f64,
        vacant: f64,
    ) {
        let i = t as usize;
        let available = working + cover;
        self.capacity[i * self.teams + post.team] += available * post.points_at(t);
        if post.holds_cases {
            self.case_holding_fte[i] += available * post.fte;
        }
        let agency_share = if post.agency { in_post + cover } else { cover };
        self.agency_fte[i] += agency_share * post.fte;
        self.vacant_fte[i] += vacant * post.fte;
        self.cost[i] += in_post * post.own_cost + cover * post.cover_cost;
    }
}

/// Turns the sums into the month's figures.
fn month_figures(
    prepared: &Prepared,
    acc: &Accumulator,
    t: i32,
    month: YearMonth,
) -> ProjectedMonth {
    let i = t as usize;
    let mut m = ProjectedMonth {
        month,
        case_holding_fte: acc.case_holding_fte[i],
        agency_fte: acc.agency_fte[i],
        vacant_fte: acc.vacant_fte[i],
        cost: acc.cost[i],
        capacity_points: 0.0,
        demand_points: 0.0,
        capacity_cases: 0.0,
        demand_cases: 0.0,
        caseload: None,
        beyond_capacity: 0.0,
    };
    for team in 0..acc.teams {
        let per_case = prepared.points_per_case[team];
        let capacity = acc.capacity[i * acc.teams + team];
        let demand = prepared.demand_cases[team][i];
        m.capacity_points += capacity;
        m.demand_points += demand * per_case;
        m.capacity_cases += capacity / per_case;
        m.demand_cases += demand;
        m.beyond_capacity += (demand - capacity / per_case).max(0.0);
    }
    m.caseload = super::assess::ratio(m.demand_cases, m.case_holding_fte);
    m
}

// ---------- the expected path ----------

/// The expected path over the plan's timeline, under its scenario's assumptions.
pub fn project(plan: &Plan) -> Projection {
    let prepared = prepare(plan);
    let mut acc = Accumulator::new(plan.teams.len(), prepared.months);
    let (a, q) = (prepared.agency_cover, prepared.fill);
    for post in &prepared.posts {
        // Chances: filled by its own worker (first or a replacement), covered by agency staff,
        // vacant; and the chance the first worker is still there.
        let (mut own, mut cover, mut vacant) = if post.filled {
            (1.0, 0.0, 0.0)
        } else {
            (0.0, 0.0, 1.0)
        };
        let mut first_worker = if post.filled { 1.0 } else { 0.0 };
        for t in post.first..=post.last {
            let away = if t < post.back_from {
                first_worker
            } else {
                0.0
            };
            acc.add(post, t, own - away, own, cover, vacant);
            let leaving = post.hazard * own;
            let filling = q * (vacant + cover);
            own += filling - leaving;
            cover += a * leaving - q * cover;
            vacant += (1.0 - a) * leaving - q * vacant;
            first_worker *= 1.0 - post.hazard;
            if t == post.leaves_after {
                own -= first_worker;
                cover += a * first_worker;
                vacant += (1.0 - a) * first_worker;
                first_worker = 0.0;
            }
        }
    }
    let months: Vec<ProjectedMonth> = (0..prepared.months)
        .map_while(|t| {
            Some(month_figures(
                &prepared,
                &acc,
                t,
                plan.timeline.month(t as u32)?,
            ))
        })
        .collect();
    let first_over_capacity = months
        .iter()
        .find(|m| m.demand_points > m.capacity_points + 1e-9)
        .map(|m| m.month);
    Projection {
        contract_ends: contract_ends(plan),
        months,
        first_over_capacity,
    }
}

/// Months in the timeline in which fixed-term contracts have just ended.
fn contract_ends(plan: &Plan) -> Vec<ContractEnd> {
    let timeline = plan.timeline;
    let mut ends: Vec<ContractEnd> = Vec::new();
    for post in &plan.posts {
        let Contract::FixedTerm { end, .. } = post.contract else {
            continue;
        };
        let Some(month) = end.plus_months(1) else {
            continue;
        };
        let t = timeline.offset(month);
        if t <= 0 || t >= i32::try_from(timeline.months).unwrap_or(0) {
            continue;
        }
        match ends.iter_mut().find(|e| e.month == month) {
            Some(e) => {
                e.posts += 1;
                e.fte += post.fte;
            }
            None => ends.push(ContractEnd {
                month,
                posts: 1,
                fte: post.fte,
            }),
        }
    }
    ends.sort_by_key(|e| e.month);
    ends
}

// ---------- Monte Carlo ----------

/// Months a state lasts when it ends each month with chance `p`: 1, 2, … (geometric).
fn months_until_change(rng: &mut Xoshiro256PlusPlus, p: f64) -> i32 {
    if p <= 0.0 {
        return NEVER;
    }
    if p >= 1.0 {
        return 1;
    }
    let u = 1.0 - rng.random::<f64>(); // in (0, 1]
    let k = (u.ln() / (1.0 - p).ln()).floor() + 1.0;
    if k >= f64::from(NEVER) {
        NEVER
    } else {
        k as i32
    }
}

/// One random history of one post, added to `acc`.
fn simulate_post(
    post: &PostPath,
    prepared: &Prepared,
    rng: &mut Xoshiro256PlusPlus,
    acc: &mut Accumulator,
) {
    #[derive(Clone, Copy)]
    enum State {
        FirstWorker,
        Replacement,
        Cover,
        Vacant,
    }
    let mut state = if post.filled {
        State::FirstWorker
    } else {
        State::Vacant
    };
    let mut t = post.first;
    while t <= post.last {
        let (p, limit) = match state {
            State::FirstWorker => (post.hazard, post.leaves_after),
            State::Replacement => (post.hazard, NEVER),
            State::Cover | State::Vacant => (prepared.fill, NEVER),
        };
        let stay = months_until_change(rng, p);
        let end = t.saturating_add(stay - 1).min(limit).min(post.last);
        for m in t..=end {
            match state {
                State::FirstWorker => {
                    let working = if m < post.back_from { 0.0 } else { 1.0 };
                    acc.add(post, m, working, 1.0, 0.0, 0.0);
                }
                State::Replacement => acc.add(post, m, 1.0, 1.0, 0.0, 0.0),
                State::Cover => acc.add(post, m, 0.0, 0.0, 1.0, 0.0),
                State::Vacant => acc.add(post, m, 0.0, 0.0, 0.0, 1.0),
            }
        }
        state = match state {
            State::FirstWorker | State::Replacement => {
                if rng.random::<f64>() < prepared.agency_cover {
                    State::Cover
                } else {
                    State::Vacant
                }
            }
            State::Cover | State::Vacant => State::Replacement,
        };
        t = end.saturating_add(1);
    }
}

/// The seed for run `run`: runs are independent of how they are shared among threads.
fn run_seed(seed: u64, run: u32) -> u64 {
    seed ^ (u64::from(run).wrapping_add(1)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// One run's figures: capacity in cases, case-holding FTE, caseload, beyond capacity, cost.
fn run_figures(plan: &Plan, prepared: &Prepared, seed: u64, run: u32) -> Vec<[f64; 5]> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(run_seed(seed, run));
    let mut acc = Accumulator::new(plan.teams.len(), prepared.months);
    for post in &prepared.posts {
        simulate_post(post, prepared, &mut rng, &mut acc);
    }
    (0..prepared.months)
        .map_while(|t| {
            let m = month_figures(prepared, &acc, t, plan.timeline.month(t as u32)?);
            Some([
                m.capacity_cases,
                m.case_holding_fte,
                m.caseload.unwrap_or(f64::NAN),
                m.beyond_capacity,
                m.cost,
            ])
        })
        .collect()
}

/// `runs` random histories of turnover and recruitment under the plan's assumptions, summed
/// up as percentiles month by month. Runs are shared among the machine's cores; the result
/// depends only on the plan, `runs` and `seed`.
pub fn monte_carlo(plan: &Plan, runs: u32, seed: u64) -> Bands {
    let prepared = prepare(plan);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, runs.max(1) as usize) as u32;
    let per_thread = runs.div_ceil(threads.max(1));
    let results: Vec<Vec<[f64; 5]>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let prepared = &prepared;
                scope.spawn(move || {
                    let from = k * per_thread;
                    let to = ((k + 1) * per_thread).min(runs);
                    (from..to)
                        .map(|run| run_figures(plan, prepared, seed, run))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let months = results.first().map_or(0, Vec::len);
    let mut bands = Bands {
        runs: results.len() as u32,
        ..Bands::default()
    };
    let mut column = Vec::with_capacity(results.len());
    for t in 0..months {
        for (series, out) in [
            &mut bands.capacity_cases,
            &mut bands.case_holding_fte,
            &mut bands.caseload,
            &mut bands.beyond_capacity,
            &mut bands.cost,
        ]
        .into_iter()
        .enumerate()
        {
            column.clear();
            column.extend(
                results
                    .iter()
                    .map(|r| r[t][series])
                    .filter(|v| v.is_finite()),
            );
            out.push(percentiles(&mut column));
        }
    }
    bands
}

/// 10th, 50th and 90th percentiles (nearest rank) of `values`; zeros when there are none.
fn percentiles(values: &mut [f64]) -> Band3 {
    if values.is_empty() {
        return Band3::default();
    }
    values.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let rank = (p * values.len() as f64).ceil() as usize;
        values[rank.clamp(1, values.len()) - 1]
    };
    Band3 {
        p10: at(0.1),
        p50: at(0.5),
        p90: at(0.9),
    }
}

#[cfg(test)]
mod tests;
