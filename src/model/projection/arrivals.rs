//! New cases at random in the Monte Carlo runs: where a team's demand flows move, each run
//! draws the team's new cases of each type each month as a Poisson count around the expected
//! number, from random numbers of its own, so the staffing draws (and the bands of a plan
//! without flows) stay as they were.
//!
//! The runs draw from the same few means thousands of times (a team's new cases of a type
//! change only while a lever ramps), so each mean's distribution is tabulated once, as an
//! alias table, and a count is drawn with one random number and one look-up (where
//! `rand_distr`'s Poisson draws a uniform number per count for small means), the chances
//! kept to 1 in 2³²; a draw in the tail beyond the table (a chance of about 1e-11) goes on
//! summing the distribution until it is found. Large means, whose tables would be long, are
//! drawn by `rand_distr`. Several runs are drawn together, month by month, so that each
//! table serves them all while it is in the processor's cache; each run still draws from
//! its own random numbers in its own order, so its counts do not depend on the others.

use super::Prepared;
use super::demand::Demand;
use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, RngExt, SeedableRng};
use rand_distr::Poisson;
use std::collections::HashMap;
use std::ops::Range;

/// Above this mean a count is drawn by `rand_distr` (its rejection method takes the same time
/// whatever the mean; a table would need thousands of entries).
const LARGEST_TABULATED_MEAN: f64 = 200.0;

/// At most this many table entries over all means (about 16 MB): beyond it, means are drawn
/// by `rand_distr`, so a plan with thousands of teams does not tabulate them all.
const MOST_ENTRIES: usize = 2_000_000;

/// One mean's distribution, ready to draw from.
enum Counts {
    /// Walker's alias table of the chances of 0, 1, 2… new cases until the rest is
    /// negligible, plus one last entry standing for the rest (the tail). One random 64-bit
    /// number draws a count: its high half picks an entry, its low half keeps the entry's
    /// count or gives the count it stands in for. One look-up and no branch a draw (a search
    /// of cumulative chances mispredicts a branch about every other draw, and that was most
    /// of the time the bands took); the chances are kept to 1 in 2³², the tail exactly.
    Table {
        mean: f64,
        /// `(threshold, alias)` of each entry, the last one the tail: the entry keeps its own
        /// count when the low half is below `threshold`.
        entries: Box<[(u32, u32)]>,
        /// The chance of a count within the table (0 to `entries.len() - 2`).
        within: f64,
    },
    Drawn(Poisson<f64>),
}

impl Counts {
    fn new(mean: f64, room: usize) -> Option<Self> {
        if !(mean > 0.0 && mean.is_finite()) {
            return None;
        }
        if mean > LARGEST_TABULATED_MEAN || room == 0 {
            return Poisson::new(mean).ok().map(Counts::Drawn);
        }
        let mut chance = (-mean).exp();
        let mut chances = vec![chance];
        let mut k = 0.0;
        // On past the mean until a count's chance is below what the table can tell apart
        // (1 in 2³²): the tail takes the rest, and a draw in it still finds its count.
        while (k < mean || chance > 1e-11) && chances.len() < room {
            k += 1.0;
            chance *= mean / k;
            chances.push(chance);
        }
        let within: f64 = chances.iter().sum();
        chances.push((1.0 - within).max(0.0));
        Some(Counts::Table {
            mean,
            entries: alias_table(&chances),
            within,
        })
    }

    fn entries(&self) -> usize {
        match self {
            Counts::Table { entries, .. } => entries.len() - 1,
            Counts::Drawn(_) => 0,
        }
    }

    /// One count for each run: `out[r]` drawn with `rngs[r]`.
    fn draw_each(&self, rngs: &mut [Xoshiro256PlusPlus], out: &mut [f64]) {
        for (rng, out) in rngs.iter_mut().zip(out) {
            *out = self.draw(rng);
        }
    }

    fn draw(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        match self {
            Counts::Drawn(poisson) => rng.sample(poisson),
            Counts::Table {
                mean,
                entries,
                within,
            } => {
                let bits = rng.next_u64();
                let n = entries.len();
                // (high half × n) / 2³²: an entry, each with chance 1/n to 1 in 2³².
                let i = (((bits >> 32) * n as u64) >> 32) as usize;
                let (threshold, alias) = entries[i.min(n - 1)];
                let k = [alias as usize, i][usize::from((bits as u32) < threshold)];
                if k + 1 < n {
                    return k as u32 as f64;
                }
                // The tail: a uniform number among its chances, found by going on along the
                // distribution from the table's last count.
                let u = within + (1.0 - within) * rng.random::<f64>();
                let mut k = (n - 2) as f64;
                let mut sum = *within;
                let mut chance = poisson_chance(*mean, k);
                while sum <= u && chance > 0.0 {
                    k += 1.0;
                    chance *= mean / k;
                    sum += chance;
                }
                k
            }
        }
    }
}

/// Walker's alias table of `chances` (summing to 1), built by Vose's method: entry i, picked
/// with chance 1/n, keeps i with chance `threshold / 2³²` and gives `alias` otherwise.
fn alias_table(chances: &[f64]) -> Box<[(u32, u32)]> {
    const WHOLE: f64 = 4_294_967_296.0; // 2³²
    let n = chances.len();
    let mut scaled: Vec<f64> = chances.iter().map(|p| p * n as f64).collect();
    // Each entry keeps itself until given an alias (its own count either way).
    let mut entries: Vec<(u32, u32)> = (0..n as u32).map(|i| (u32::MAX, i)).collect();
    let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| scaled[i] < 1.0);
    while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
        small.pop();
        entries[s] = (
            (scaled[s] * WHOLE).round().min(WHOLE - 1.0) as u32,
            l as u32,
        );
        scaled[l] -= 1.0 - scaled[s];
        if scaled[l] < 1.0 {
            large.pop();
            small.push(l);
        }
    }
    // What is left keeps itself: only rounding stood between its share and 1.
    entries.into()
}

/// The chance of exactly `k` new cases when `mean` are expected.
fn poisson_chance(mean: f64, k: f64) -> f64 {
    let mut chance = (-mean).exp();
    let mut i = 0.0;
    while i < k {
        i += 1.0;
        chance *= mean / i;
    }
    chance
}

/// Each flowing team's new cases, month by month and type by type (as in
/// [`crate::model::demand_flows::TeamFlows`]): which distribution to draw from (none when no
/// new cases are expected). Set up once, not once a run.
pub(super) struct Arrivals {
    teams: Vec<Vec<Option<u32>>>,
    counts: Vec<Counts>,
}

impl Arrivals {
    pub(super) fn new(prepared: &Prepared) -> Self {
        let mut counts: Vec<Counts> = Vec::new();
        let mut known: HashMap<u64, u32> = HashMap::new();
        let mut entries = 0;
        let teams = prepared
            .flowing
            .iter()
            .map(|team| {
                team.flows
                    .new
                    .iter()
                    .map(|&mean| {
                        if let Some(&i) = known.get(&mean.to_bits()) {
                            return Some(i);
                        }
                        let drawn = Counts::new(mean, MOST_ENTRIES.saturating_sub(entries))?;
                        entries += drawn.entries();
                        counts.push(drawn);
                        let i = (counts.len() - 1) as u32;
                        known.insert(mean.to_bits(), i);
                        Some(i)
                    })
                    .collect()
            })
            .collect();
        Arrivals { teams, counts }
    }

    /// The demand of each of `runs` when some team's flows move (`None` when none do): each
    /// such team's new cases of each type each month drawn at random, from random numbers of
    /// the run's own, so a run's demand does not depend on which runs are drawn with it.
    pub(super) fn drawn_demands(
        &self,
        prepared: &Prepared,
        seed: u64,
        runs: Range<u32>,
    ) -> Option<Vec<Demand>> {
        if prepared.flowing.is_empty() {
            return None;
        }
        let mut rngs: Vec<Xoshiro256PlusPlus> = runs
            .map(|run| {
                Xoshiro256PlusPlus::seed_from_u64(super::monte_carlo::run_seed(seed ^ STREAM, run))
            })
            .collect();
        // Each run's demand: as expected, each flowing team's then drawn.
        let mut demands = vec![prepared.demand.clone(); rngs.len()];
        let mut paths = Vec::new();
        for (team, drawn) in prepared.flowing.iter().zip(&self.teams) {
            team.flows
                .open_paths(rngs.len(), &mut paths, |i, _, counts| {
                    match drawn.get(i).copied().flatten() {
                        Some(d) => self.counts[d as usize].draw_each(&mut rngs, counts),
                        None => counts.fill(0.0),
                    }
                });
            let len = paths.len() / rngs.len().max(1);
            for (demand, path) in demands.iter_mut().zip(paths.chunks_exact(len.max(1))) {
                team.demand_into(path, demand);
            }
        }
        Some(demands)
    }
}

/// Sets the arrivals' random numbers apart from the staffing's.
const STREAM: u64 = 0xA5A5_5A5A_0F0F_F0F0;

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws from the table for `mean` until each count's share is known to within a few
    /// thousandths, and compares the shares with the distribution's own chances.
    fn shares_match(mean: f64) {
        let counts = Counts::new(mean, MOST_ENTRIES).unwrap();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
        let draws = 200_000;
        let mut seen = vec![0u32; (mean * 3.0 + 30.0) as usize];
        let mut total = 0.0;
        for _ in 0..draws {
            let k = counts.draw(&mut rng);
            total += k;
            let last = seen.len() - 1;
            seen[(k as usize).min(last)] += 1;
        }
        for (k, &n) in seen.iter().enumerate().take(seen.len() - 1) {
            let share = f64::from(n) / f64::from(draws);
            let chance = poisson_chance(mean, k as f64);
            // Four standard errors of a share of 200,000 draws.
            let allowed = 4.0 * (chance * (1.0 - chance) / f64::from(draws)).sqrt() + 1e-4;
            assert!(
                (share - chance).abs() < allowed,
                "mean {mean}, {k} cases: {share} drawn, {chance} expected"
            );
        }
        let average = total / f64::from(draws);
        assert!((average - mean).abs() < 4.0 * (mean / f64::from(draws)).sqrt());
    }

    #[test]
    fn counts_drawn_from_the_table_follow_the_poisson_distribution() {
        // e^-0.5 = 0.6065 none, 0.3033 one, 0.0758 two…; 8 a month; 150 a month.
        for mean in [0.5, 8.0, 150.0] {
            shares_match(mean);
        }
    }

    #[test]
    fn a_draw_beyond_the_table_goes_on_along_the_distribution() {
        // A table cut after 2 entries (0 or 1 case of a mean of 3): the rest is still drawn
        // with the right chances.
        let short = Counts::new(3.0, 2).unwrap();
        assert_eq!(short.entries(), 2);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let draws = 100_000;
        let mut three = 0;
        for _ in 0..draws {
            if short.draw(&mut rng) == 3.0 {
                three += 1;
            }
        }
        // P(3) = e^-3 × 27 / 6 = 0.2240.
        let share = f64::from(three) / f64::from(draws);
        assert!((share - 0.2240).abs() < 0.006, "{share}");
    }

    #[test]
    fn the_alias_table_gives_each_count_its_chance() {
        // Each entry is picked with chance 1/n and keeps its count threshold / 2³² of the
        // time: summed over entries, every count's chance comes back to within 1 in 2³².
        let chances = [0.5, 0.25, 0.125, 0.0625, 0.0625];
        let entries = alias_table(&chances);
        let n = chances.len() as f64;
        let mut back = [0.0; 5];
        for (i, &(threshold, alias)) in entries.iter().enumerate() {
            let keep = f64::from(threshold) / 4_294_967_296.0;
            back[i] += keep / n;
            back[alias as usize] += (1.0 - keep) / n;
        }
        for (got, want) in back.iter().zip(chances) {
            assert!((got - want).abs() < 1e-9, "{back:?}");
        }
    }

    #[test]
    fn a_run_draws_the_same_new_cases_whichever_runs_are_drawn_with_it() {
        use crate::model::demand_flows::{DemandLever, FlowChange};
        let mut plan = crate::model::synthetic::plan(60, 1_200);
        plan.assumptions.flows.levers.push(DemandLever {
            change: FlowChange::NewCases {
                case_type: plan.case_types[1].id,
                by: -0.2,
            },
            team: None,
            from: plan.timeline.start,
            ramp_months: 6,
        });
        let prepared = super::super::prepare(&plan);
        let arrivals = Arrivals::new(&prepared);
        let five = arrivals.drawn_demands(&prepared, 7, 0..5).unwrap();
        let alone = arrivals.drawn_demands(&prepared, 7, 3..4).unwrap();
        assert_eq!(five.len(), 5);
        assert_eq!(five[3].cases, alone[0].cases);
        assert_eq!(five[3].points_per_case, alone[0].points_per_case);
        assert_eq!(five[3].cost_a_month, alone[0].cost_a_month);
        // And runs differ from one another.
        assert_ne!(five[2].cases, five[3].cases);
    }

    #[test]
    fn no_new_cases_expected_draws_nothing_and_large_means_are_left_to_rand_distr() {
        assert!(Counts::new(0.0, 10).is_none());
        assert!(Counts::new(f64::NAN, 10).is_none());
        assert!(matches!(Counts::new(5_000.0, 10), Some(Counts::Drawn(_))));
        assert!(matches!(Counts::new(5.0, 0), Some(Counts::Drawn(_))));
    }
}
