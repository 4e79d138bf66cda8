//! The Monte Carlo bands: random histories of turnover and recruitment, run by run, summed up
//! as percentiles month by month. Each run has its own seed, so the bands depend only on the
//! plan, the number of runs and the seed, never on how the runs are shared among threads.

use super::arrivals::Arrivals;
use super::demand::Demand;
use super::workforce::InductionLoss;
use super::{
    Accumulator, Band3, Bands, NEVER, PostPath, Prepared, ProjectedMonth, path_figures, prepare,
};
use crate::model::Plan;
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Months a state lasts when it ends each month with chance `p`: 1, 2, … (geometric).
pub(super) fn months_until_change(rng: &mut Xoshiro256PlusPlus, p: f64) -> i32 {
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
    let curve = &prepared.curves[post.curve];
    // The month the worker in post joined, counted from the plan's start.
    let mut joined = -post.service0;
    let mut t = post.first;
    while t <= post.last {
        let stay = match state {
            State::FirstWorker | State::Replacement if post.by_service => {
                curve.months_until_leaving(rng, t.saturating_sub(joined))
            }
            State::FirstWorker | State::Replacement => months_until_change(rng, post.hazard),
            State::Cover | State::Vacant => months_until_change(rng, prepared.fill),
        };
        let limit = match state {
            State::FirstWorker => post.leaves_after,
            _ => NEVER,
        };
        let end = t.saturating_add(stay - 1).min(limit).min(post.last);
        let induction = prepared
            .induction
            .filter(|_| matches!(state, State::FirstWorker | State::Replacement));
        for m in t..=end {
            match state {
                State::FirstWorker => {
                    let working = if m < post.back_from { 0.0 } else { 1.0 };
                    acc.add(post, m, working, 1.0, 0.0, 0.0);
                    let first_is_new =
                        |i: &InductionLoss| post.new_starter && i.applies(m.saturating_sub(joined));
                    if let Some(i) = induction.filter(first_is_new) {
                        acc.add_induction(post, m, working, i.lost);
                    }
                }
                State::Replacement => {
                    acc.add(post, m, 1.0, 1.0, 0.0, 0.0);
                    if let Some(i) = induction.filter(|i| i.applies(m.saturating_sub(joined))) {
                        acc.add_induction(post, m, 1.0, i.lost);
                    }
                }
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
            State::Cover | State::Vacant => {
                joined = end.saturating_add(1);
                State::Replacement
            }
        };
        t = end.saturating_add(1);
    }
}

/// The seed for run `run`: runs are independent of how they are shared among threads.
pub(super) fn run_seed(seed: u64, run: u32) -> u64 {
    seed ^ (u64::from(run).wrapping_add(1)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The figures one run gives for one month: those the bands are drawn for.
#[derive(Clone, Copy, Debug)]
struct Sample {
    capacity_cases: f64,
    case_holding_fte: f64,
    caseload: Option<f64>,
    beyond_capacity: f64,
    cost: f64,
}

impl From<ProjectedMonth> for Sample {
    fn from(m: ProjectedMonth) -> Self {
        Sample {
            capacity_cases: m.capacity_cases,
            case_holding_fte: m.case_holding_fte,
            caseload: m.caseload,
            beyond_capacity: m.beyond_capacity,
            cost: m.cost,
        }
    }
}

/// One run, month by month, its teams' demand `demand`.
fn run_samples(
    plan: &Plan,
    prepared: &Prepared,
    demand: &Demand,
    seed: u64,
    run: u32,
) -> Vec<Sample> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(run_seed(seed, run));
    let mut acc = Accumulator::new(plan.teams.len(), prepared.months);
    for post in &prepared.posts {
        simulate_post(post, prepared, &mut rng, &mut acc);
    }
    path_figures(prepared, demand, &acc, plan.timeline)
        .into_iter()
        .map(Sample::from)
        .collect()
}

/// How many runs' new cases are drawn together (see [`Arrivals::drawn_demands`]): enough for
/// each month's distribution to serve many runs from the processor's cache (64), few enough
/// that a stop is answered within milliseconds and their demand, `teams × months` figures a
/// run, stays within about 8 MB a thread (a plan of thousands of teams draws a run or two
/// at a time).
fn runs_drawn_together(teams: usize, months: i32) -> u32 {
    const MOST_BYTES: usize = 8 << 20;
    let a_run = teams * months.max(1) as usize * std::mem::size_of::<[f64; 3]>();
    (MOST_BYTES / a_run.max(1)).clamp(1, 64) as u32
}

/// `runs` random histories of turnover and recruitment under the plan's assumptions, summed
/// up as percentiles month by month, on all the machine's cores. The result depends only on
/// the plan, `runs` and `seed`.
pub fn monte_carlo(plan: &Plan, runs: u32, seed: u64) -> Bands {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    // Never stopped, so there are always bands.
    monte_carlo_with(plan, runs, seed, threads, &|_| true).unwrap_or_default()
}

/// [`monte_carlo`] on at most `threads` threads, the calling thread being one of them. After
/// each run `keep_going` is told how many runs are done so far (it may be called from any of
/// the threads); once it answers `false` the remaining runs are skipped and there are no
/// bands (`None`). The bands do not depend on `threads`.
pub fn monte_carlo_with(
    plan: &Plan,
    runs: u32,
    seed: u64,
    threads: usize,
    keep_going: &(dyn Fn(u32) -> bool + Sync),
) -> Option<Bands> {
    let prepared = prepare(plan);
    let arrivals = Arrivals::new(&prepared);
    let threads = threads.clamp(1, runs.max(1) as usize) as u32;
    let per_thread = runs.div_ceil(threads);
    let done = AtomicU32::new(0);
    let stopped = AtomicBool::new(false);
    // Runs `from..to`, stopping early when asked to.
    let share = |from: u32, to: u32| -> Vec<Vec<Sample>> {
        let mut samples = Vec::with_capacity(to.saturating_sub(from) as usize);
        let together = runs_drawn_together(plan.teams.len(), prepared.months);
        for first in (from..to).step_by(together as usize) {
            let runs = first..(first + together).min(to);
            if stopped.load(Ordering::Relaxed) {
                break;
            }
            let drawn = arrivals.drawn_demands(&prepared, seed, runs.clone());
            for (i, run) in runs.enumerate() {
                if stopped.load(Ordering::Relaxed) {
                    break;
                }
                let demand = drawn.as_ref().map_or(&prepared.demand, |d| &d[i]);
                samples.push(run_samples(plan, &prepared, demand, seed, run));
                if !keep_going(done.fetch_add(1, Ordering::Relaxed) + 1) {
                    stopped.store(true, Ordering::Relaxed);
                }
            }
        }
        samples
    };
    let runs_of = |k: u32| (k * per_thread, ((k + 1) * per_thread).min(runs));
    let results: Vec<Vec<Sample>> = std::thread::scope(|scope| {
        let share = &share;
        let others: Vec<_> = (1..threads)
            .map(|k| {
                let (from, to) = runs_of(k);
                scope.spawn(move || share(from, to))
            })
            .collect();
        let (from, to) = runs_of(0);
        let mut results = share(from, to);
        for handle in others {
            results.extend(handle.join().unwrap_or_default());
        }
        results
    });
    if stopped.into_inner() {
        return None;
    }
    Some(bands_of(&results))
}

/// Percentiles month by month of each figure over the runs.
fn bands_of(runs: &[Vec<Sample>]) -> Bands {
    let months = runs.first().map_or(0, Vec::len);
    let mut column = Vec::with_capacity(runs.len());
    let mut band = |figure: fn(&Sample) -> Option<f64>| -> Vec<Band3> {
        (0..months)
            .map(|t| {
                column.clear();
                column.extend(
                    runs.iter()
                        .filter_map(|run| figure(&run[t]))
                        .filter(|v| v.is_finite()),
                );
                percentiles(&mut column)
            })
            .collect()
    };
    Bands {
        runs: runs.len() as u32,
        capacity_cases: band(|s| Some(s.capacity_cases)),
        case_holding_fte: band(|s| Some(s.case_holding_fte)),
        caseload: band(|s| s.caseload),
        beyond_capacity: band(|s| Some(s.beyond_capacity)),
        cost: band(|s| Some(s.cost)),
    }
}

/// 10th, 50th and 90th percentiles (nearest rank) of `values`; zeros when there are none.
pub(super) fn percentiles(values: &mut [f64]) -> Band3 {
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
