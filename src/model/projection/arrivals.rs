//! New cases at random in the Monte Carlo runs: where a team's demand flows move, each run
//! draws the team's new cases of each type each month as a Poisson count around the expected
//! number, from random numbers of its own, so the staffing draws (and the bands of a plan
//! without flows) stay as they were.
//!
//! The runs draw from the same few means thousands of times (a team's new cases of a type
//! change only while a lever ramps), so each mean's distribution is tabulated once and a
//! count is drawn by inversion: one uniform number and a binary search of the table, where
//! `rand_distr`'s Poisson draws a uniform number per count for small means. Exact: a draw
//! beyond the table (a chance under 1e-15) goes on summing the distribution until it is
//! found. Large means, whose tables would be long, are drawn by `rand_distr`.

use super::Prepared;
use super::demand::TeamDemand;
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use rand_distr::Poisson;
use std::collections::HashMap;

/// Above this mean a count is drawn by `rand_distr` (its rejection method takes the same time
/// whatever the mean; a table would need thousands of entries).
const LARGEST_TABULATED_MEAN: f64 = 200.0;

/// At most this many table entries over all means (about 16 MB): beyond it, means are drawn
/// by `rand_distr`, so a plan with thousands of teams does not tabulate them all.
const MOST_ENTRIES: usize = 2_000_000;

/// One mean's distribution, ready to draw from.
enum Counts {
    /// The cumulative chances of 0, 1, 2… new cases, until the rest is negligible.
    Table {
        mean: f64,
        cumulative: Box<[f64]>,
        /// `guide[j]`: the first count whose cumulative chance is above j / len, where the
        /// search for a uniform number in [j / len, (j + 1) / len) starts (Chen and Asau's
        /// indexed search: about two comparisons a draw).
        guide: Box<[u32]>,
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
        let mut sum = chance;
        let mut cumulative = vec![sum];
        let mut k = 0.0;
        // On past the mean until a count's chance is negligible (the rest is then under
        // about 1e-15, and a draw beyond the table still finds its count).
        while (k < mean || chance > 1e-17) && cumulative.len() < room {
            k += 1.0;
            chance *= mean / k;
            sum += chance;
            cumulative.push(sum);
        }
        let len = cumulative.len();
        let mut guide = Vec::with_capacity(len);
        let mut k = 0;
        for j in 0..len {
            let from = j as f64 / len as f64;
            while k + 1 < len && cumulative[k] <= from {
                k += 1;
            }
            guide.push(k as u32);
        }
        Some(Counts::Table {
            mean,
            cumulative: cumulative.into(),
            guide: guide.into(),
        })
    }

    fn entries(&self) -> usize {
        match self {
            Counts::Table { cumulative, .. } => cumulative.len(),
            Counts::Drawn(_) => 0,
        }
    }

    fn draw(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        match self {
            Counts::Drawn(poisson) => rng.sample(poisson),
            Counts::Table {
                mean,
                cumulative,
                guide,
            } => {
                let u: f64 = rng.random();
                let len = cumulative.len();
                let mut k = guide[((u * len as f64) as usize).min(len - 1)] as usize;
                while k < len && cumulative[k] <= u {
                    k += 1;
                }
                if k < len {
                    return k as f64;
                }
                // Beyond the table: go on from its last entry.
                let mut k = (cumulative.len() - 1) as f64;
                let mut sum = cumulative[cumulative.len() - 1];
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

    /// Run `run`'s demand when some team's flows move: each such team's new cases of each
    /// type each month drawn at random.
    pub(super) fn drawn_demand(
        &self,
        prepared: &Prepared,
        seed: u64,
        run: u32,
    ) -> Option<Vec<TeamDemand>> {
        if prepared.flowing.is_empty() {
            return None;
        }
        let mut rng =
            Xoshiro256PlusPlus::seed_from_u64(super::monte_carlo::run_seed(seed ^ STREAM, run));
        let mut demand = prepared.demand.clone();
        for (team, drawn) in prepared.flowing.iter().zip(&self.teams) {
            let path = team.flows.open_path(|i, _| {
                drawn
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or(0.0, |d| self.counts[d as usize].draw(&mut rng))
            });
            demand[team.team] = team.demand(&path);
        }
        Some(demand)
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
    fn no_new_cases_expected_draws_nothing_and_large_means_are_left_to_rand_distr() {
        assert!(Counts::new(0.0, 10).is_none());
        assert!(Counts::new(f64::NAN, 10).is_none());
        assert!(matches!(Counts::new(5_000.0, 10), Some(Counts::Drawn(_))));
        assert!(matches!(Counts::new(5.0, 0), Some(Counts::Drawn(_))));
    }
}
