//! One post's chances month by month on the expected path, worked out once for every post
//! that shares them, then added to the month's sums post by post (capacity, which depends on
//! the team, grade and reductions) or for the whole group at once (FTE, cost, leavers).
//!
//! Two posts have the same chances when their dates (first and last month, contract end,
//! return from absence, known leaving), whether they start filled, their contract's chances of
//! leaving and the first worker's service are the same: nothing else enters the process. A
//! plan of thousands of posts has a few dozen such groups, so the process (with its bands of
//! service and induction) runs a few dozen times, and each post costs one multiply-add a month.

use super::{Accumulator, PostPath};

/// What decides a post's chances (see the module's documentation).
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
struct Dynamics {
    curve: usize,
    hazard: u64,
    agency: bool,
    by_service: bool,
    /// Only read on the workforce path; 0 otherwise so more posts share a group.
    service0: i32,
    new_starter: bool,
    filled: bool,
    first: i32,
    last: i32,
    ends: i32,
    back_from: i32,
    leaves_after: i32,
}

impl Dynamics {
    fn of(post: &PostPath) -> Self {
        Dynamics {
            curve: post.curve,
            hazard: post.hazard.to_bits(),
            agency: post.agency,
            by_service: post.by_service,
            service0: if post.by_service { post.service0 } else { 0 },
            new_starter: post.new_starter,
            filled: post.filled,
            first: post.first,
            last: post.last,
            ends: post.ends,
            back_from: post.back_from,
            leaves_after: post.leaves_after,
        }
    }
}

/// The posts that share their chances, in the plan's order: indexes into the prepared posts.
pub(super) fn groups(posts: &[PostPath]) -> Vec<Vec<usize>> {
    let mut index: foldhash::HashMap<Dynamics, usize> = foldhash::HashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        let g = *index.entry(Dynamics::of(post)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

/// One post's chances, month by month from the plan's start (zero outside its months).
#[derive(Default)]
pub(super) struct Chances {
    /// Its own worker in post and working (not absent).
    working: Vec<f64>,
    /// Its own worker in post, absent or not.
    in_post: Vec<f64>,
    cover: Vec<f64>,
    vacant: Vec<f64>,
    /// Its own worker leaving at the end of the month.
    leaving: Vec<f64>,
    /// A new worker joining in the month.
    joining: Vec<f64>,
    /// A new starter in induction in the month.
    inducting: Vec<f64>,
}

impl Chances {
    /// Ready for another group over `months` months.
    pub(super) fn reset(&mut self, months: i32) {
        let m = months.max(0) as usize;
        for series in [
            &mut self.working,
            &mut self.in_post,
            &mut self.cover,
            &mut self.vacant,
            &mut self.leaving,
            &mut self.joining,
            &mut self.inducting,
        ] {
            series.clear();
            series.resize(m, 0.0);
        }
    }

    /// In month `t`: own worker working, own worker in post (absent or not), agency cover,
    /// vacant.
    pub(super) fn add(&mut self, t: i32, working: f64, in_post: f64, cover: f64, vacant: f64) {
        let i = t as usize;
        self.working[i] += working;
        self.in_post[i] += in_post;
        self.cover[i] += cover;
        self.vacant[i] += vacant;
    }

    /// New workers joining `post` in month `t`; none beyond the post's months.
    pub(super) fn add_starters(&mut self, post: &PostPath, t: i32, joining: f64) {
        if t <= post.last {
            self.joining[t as usize] += joining;
        }
    }

    /// New starters in induction in month `t`.
    pub(super) fn add_induction(&mut self, t: i32, inducting: f64) {
        self.inducting[t as usize] += inducting;
    }

    /// The post's own worker leaving at the end of month `t`.
    pub(super) fn add_leavers(&mut self, t: i32, leaving: f64) {
        self.leaving[t as usize] += leaving;
    }

    /// Adds the posts `members` of `posts`, which all have these chances, to `acc`; new
    /// starters in induction work at `1 - lost` of their capacity.
    pub(super) fn add_group(
        &self,
        posts: &[PostPath],
        members: &[usize],
        lost: f64,
        acc: &mut Accumulator,
    ) {
        let Some(&first) = members.first() else {
            return;
        };
        let shared = &posts[first];
        if shared.last < shared.first.max(0) {
            return;
        }
        let months = shared.first.max(0) as usize..=shared.last as usize;
        // Figures that depend on the post only through its FTE and costs: once for the group.
        let (mut fte, mut holding_fte, mut own_cost, mut cover_cost) = (0.0, 0.0, 0.0, 0.0);
        for &p in members {
            let post = &posts[p];
            fte += post.fte;
            if post.holds_cases {
                holding_fte += post.fte;
            }
            own_cost += post.own_cost;
            cover_cost += post.cover_cost;
        }
        let agency = shared.agency;
        for i in months.clone() {
            let (in_post, cover) = (self.in_post[i], self.cover[i]);
            acc.case_holding_fte[i] += (self.working[i] + cover) * holding_fte;
            acc.agency_fte[i] += (if agency { in_post + cover } else { cover }) * fte;
            acc.vacant_fte[i] += self.vacant[i] * fte;
            let cost = in_post * own_cost + cover * cover_cost;
            acc.cost[i] += cost;
            acc.agency_cost[i] += if agency { cost } else { cover * cover_cost };
            if !agency {
                acc.employed_fte[i] += in_post * fte;
                acc.leavers_fte[i] += self.leaving[i] * fte;
                acc.starters[i] += self.joining[i] * fte;
            }
        }
        // Capacity: by team, grade (and its ASYE step) and reductions, so post by post.
        let available: Vec<f64> = months
            .clone()
            .map(|i| self.working[i] + self.cover[i])
            .collect();
        // Less new starters' lost share: the capacity of a post without reductions.
        let working: Vec<f64> = months
            .clone()
            .zip(&available)
            .map(|(i, &worked)| {
                let inducting = self.inducting[i];
                if inducting > 0.0 && lost > 0.0 {
                    worked - inducting * lost
                } else {
                    worked
                }
            })
            .collect();
        let (from, to) = (*months.start(), *months.end());
        // Most posts: the chance of someone working (less induction) × the post's points,
        // before and after an ASYE year (as `nominal_at` has it). Neighbouring posts of one
        // team whose ASYE years end alike add their points first, then the months once.
        let mut points = PointsRun::default();
        for &p in members {
            let post = &posts[p];
            let (before, full) = (post.points * post.fte, post.full_points * post.fte);
            if post.kept_back.is_none() && before.is_finite() && full.is_finite() {
                let step = (post.full_from.clamp(from as i32, to as i32 + 1)) as usize;
                if (points.team, points.step) != (post.team, step) || points.posts == 0 {
                    points.add_to(acc, from, to, &working);
                    points = PointsRun {
                        team: post.team,
                        step,
                        ..PointsRun::default()
                    };
                }
                points.posts += 1;
                points.before += before;
                points.full += full;
                continue;
            }
            let team = &mut acc.capacity[post.team * acc.months..(post.team + 1) * acc.months];
            for (i, &worked) in months.clone().zip(&available) {
                let t = i as i32;
                let nominal = post.nominal_at(t, worked);
                let kept = post.kept_back_at(t);
                let mut capacity = nominal;
                if kept != 0.0 {
                    capacity = nominal * (1.0 - kept);
                    acc.reduced[i] += nominal - capacity;
                }
                let inducting = self.inducting[i];
                if inducting > 0.0 && lost > 0.0 {
                    capacity -= post.nominal_at(t, inducting) * (1.0 - kept) * lost;
                }
                team[i] += capacity;
            }
        }
        points.add_to(acc, from, to, &working);
    }
}

/// Posts of one team whose capacity steps up in the same month, their points added up.
#[derive(Default)]
struct PointsRun {
    team: usize,
    /// The first month at full points.
    step: usize,
    posts: usize,
    /// Points × FTE before and from `step`.
    before: f64,
    full: f64,
}

impl PointsRun {
    /// Adds the run's capacity in months `from..=to` to its team's, `working` being the
    /// chance of someone working (less induction) from month `from`.
    fn add_to(&self, acc: &mut Accumulator, from: usize, to: usize, working: &[f64]) {
        if self.posts == 0 {
            return;
        }
        let team = &mut acc.capacity[self.team * acc.months..(self.team + 1) * acc.months];
        for (i, &worked) in (from..self.step).zip(working) {
            team[i] += worked * self.before;
        }
        for (i, &worked) in (self.step..=to).zip(&working[self.step - from..]) {
            team[i] += worked * self.full;
        }
    }
}
