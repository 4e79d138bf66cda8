//! The expected path's and each Monte Carlo run's sums, month by month, that the figures are
//! made from.

use super::PostPath;

/// Per-month sums that the figures are made from.
pub(super) struct Accumulator {
    /// Capacity points by team, team-major (`[team * months + t]`): a post adds to its team's
    /// months one after another.
    pub(super) capacity: Vec<f64>,
    pub(super) months: usize,
    pub(super) teams: usize,
    pub(super) case_holding_fte: Vec<f64>,
    pub(super) agency_fte: Vec<f64>,
    pub(super) vacant_fte: Vec<f64>,
    pub(super) employed_fte: Vec<f64>,
    pub(super) leavers_fte: Vec<f64>,
    pub(super) cost: Vec<f64>,
    /// Capacity points kept back by reductions.
    pub(super) reduced: Vec<f64>,
    pub(super) agency_cost: Vec<f64>,
    pub(super) starters: Vec<f64>,
}

impl Accumulator {
    pub(super) fn new(teams: usize, months: i32) -> Self {
        let m = months.max(0) as usize;
        Accumulator {
            capacity: vec![0.0; m * teams],
            months: m,
            teams,
            case_holding_fte: vec![0.0; m],
            agency_fte: vec![0.0; m],
            vacant_fte: vec![0.0; m],
            employed_fte: vec![0.0; m],
            leavers_fte: vec![0.0; m],
            cost: vec![0.0; m],
            reduced: vec![0.0; m],
            agency_cost: vec![0.0; m],
            starters: vec![0.0; m],
        }
    }

    /// Adds `post` in month `t` with these chances: own worker working, own worker in post
    /// (absent or not), agency cover, vacant.
    pub(super) fn add(
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
        let nominal = post.nominal_at(t, available);
        let capacity = nominal * (1.0 - post.kept_back_at(t));
        self.capacity[post.team * self.months + i] += capacity;
        self.reduced[i] += nominal - capacity;
        if post.holds_cases {
            self.case_holding_fte[i] += available * post.fte;
        }
        let agency_share = if post.agency { in_post + cover } else { cover };
        self.agency_fte[i] += agency_share * post.fte;
        self.vacant_fte[i] += vacant * post.fte;
        if !post.agency {
            self.employed_fte[i] += in_post * post.fte;
        }
        self.cost[i] += in_post * post.own_cost + cover * post.cover_cost;
        self.agency_cost[i] += if post.agency {
            in_post * post.own_cost + cover * post.cover_cost
        } else {
            cover * post.cover_cost
        };
    }

    /// New starters in `post` in month `t` (a chance) work at `1 - lost` of its capacity.
    pub(super) fn add_induction(&mut self, post: &PostPath, t: i32, inducting: f64, lost: f64) {
        if inducting <= 0.0 || lost <= 0.0 {
            return;
        }
        let i = t as usize;
        let nominal = post.nominal_at(t, inducting) * (1.0 - post.kept_back_at(t)) * lost;
        self.capacity[post.team * self.months + i] -= nominal;
    }
}
