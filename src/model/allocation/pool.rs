//! The workers a proposal may give cases to or take cases from, with their counts kept as a
//! flat table so allocating and balancing change them without touching the plan.

use crate::model::assess::{Weights, capacity_points};
use crate::model::reductions::kept_back_now;
use crate::model::validate::MAX_CASE_COUNT;
use crate::model::{CaseTypeId, GradeId, Plan, Post, PostId, TeamId};
use std::collections::BTreeSet;

/// Which workers a proposal may touch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    /// The pool: one team, or several the user picked.
    pub teams: Vec<TeamId>,
    /// Workers who neither give nor receive cases (leaving soon, a protected ASYE caseload).
    pub protected: BTreeSet<PostId>,
    /// Case types whose cases stay with their worker when balancing (child protection, say,
    /// where a change of social worker costs most): never moved, though they still count in
    /// each worker's load. Allocating waiting work ignores this.
    pub kept_types: BTreeSet<CaseTypeId>,
}

/// One eligible worker.
pub(crate) struct Worker {
    pub post: PostId,
    pub team: TeamId,
    /// Grade capacity × FTE, in points: above 0.
    pub capacity: f64,
    /// Weighted points held, as the assessment weighs them.
    pub load: f64,
}

impl Worker {
    pub fn utilisation(&self) -> f64 {
        self.load / self.capacity
    }
}

/// The eligible workers of a scope, in post id order (so a lower index is a lower id, which
/// settles ties), and the cases each holds, by case type.
pub(crate) struct Pool {
    pub weights: Weights,
    pub workers: Vec<Worker>,
    /// `counts[worker * types + t]`: cases of the `t`-th case type of `weights.types()`.
    counts: Vec<u32>,
    types: usize,
    /// Whether cases of the `t`-th case type may move (not one of the scope's kept types).
    movable: Vec<bool>,
}

impl Pool {
    /// The eligible workers of `scope` in `plan`: in a scope team, filled, not absent, at a
    /// grade that holds cases, with capacity above 0, and not protected (and, in an invalid
    /// plan, with a load that is a number).
    pub fn of(plan: &Plan, scope: &Scope) -> Pool {
        Self::of_posts(plan, scope, &plan.posts)
    }

    /// [`Pool::of`] with the workers taken from `posts` (a team's, found once for every
    /// team), not from every post of the plan.
    pub fn of_posts<'a>(
        plan: &Plan,
        scope: &Scope,
        posts: impl IntoIterator<Item = &'a Post>,
    ) -> Pool {
        let weights = Weights::new(plan);
        let types = weights.types().len();
        // Sorted lists searched by halves: plans have a handful of grades and case types, and
        // this runs once per post and case count.
        let mut teams = scope.teams.clone();
        teams.sort_unstable();
        let mut grades: Vec<(GradeId, f64)> = plan
            .grades
            .iter()
            .filter(|g| g.holds_cases)
            .map(|g| (g.id, g.capacity_points))
            .collect();
        grades.sort_unstable_by_key(|g| g.0);
        let grade_points = |id: GradeId| {
            let i = grades.binary_search_by_key(&id, |g| g.0).ok()?;
            Some(grades[i].1)
        };
        let mut eligible: Vec<_> = posts
            .into_iter()
            .filter(|p| p.is_available() && teams.binary_search(&p.team).is_ok())
            .filter(|p| !scope.protected.contains(&p.id))
            .filter_map(|p| {
                // As the assessment counts it: less what reductions keep back this month.
                let capacity = capacity_points(grade_points(p.grade)?, p.fte, 1.0)
                    * (1.0 - kept_back_now(p, plan));
                (capacity > 0.0).then_some((p, capacity))
            })
            .collect();
        eligible.sort_unstable_by_key(|(p, _)| p.id);

        let mut counts = vec![0; eligible.len() * types];
        let mut workers = Vec::with_capacity(eligible.len());
        for (i, (post, capacity)) in eligible.into_iter().enumerate() {
            let row = &mut counts[i * types..(i + 1) * types];
            for (id, &n) in &post.cases {
                // A case type the plan does not have (only in an invalid plan) stays put.
                if let Ok(t) = weights.types().binary_search_by_key(id, |t| t.0) {
                    row[t] = n;
                }
            }
            workers.push(Worker {
                post: post.id,
                team: post.team,
                capacity,
                load: weights.points_of(row),
            });
        }
        // Only an invalid plan (a weight that is not a number) has a load that is not a
        // number; such a worker can be neither compared nor helped.
        let finite: Vec<bool> = workers.iter().map(|w| w.load.is_finite()).collect();
        if finite.contains(&false) {
            let mut kept = 0;
            for (i, &keep) in finite.iter().enumerate() {
                if keep {
                    workers.swap(kept, i);
                    counts.copy_within(i * types..(i + 1) * types, kept * types);
                    kept += 1;
                }
            }
            workers.truncate(kept);
            counts.truncate(kept * types);
        }
        let movable = weights
            .types()
            .iter()
            .map(|(id, ..)| !scope.kept_types.contains(id))
            .collect();
        Pool {
            weights,
            workers,
            counts,
            types,
            movable,
        }
    }

    pub fn types(&self) -> usize {
        self.types
    }

    /// Whether cases of the `t`-th case type may be moved by balancing.
    pub fn movable(&self, t: usize) -> bool {
        self.movable[t]
    }

    /// Whether `worker` holds any case that balancing may move.
    pub fn holds_movable(&self, worker: usize) -> bool {
        (0..self.types).any(|t| self.movable[t] && self.count(worker, t) > 0)
    }

    pub fn count(&self, worker: usize, t: usize) -> u32 {
        self.counts[worker * self.types + t]
    }

    /// Whether `worker` can take one more case of type `t` and stay a valid plan's count.
    pub fn below_count_limit(&self, worker: usize, t: usize) -> bool {
        self.count(worker, t) < MAX_CASE_COUNT
    }

    /// The load `worker` would have with one more case of type `t`, worked out exactly as the
    /// assessment will work it out.
    pub fn load_with_one_more(&mut self, worker: usize, t: usize) -> f64 {
        let cell = worker * self.types + t;
        let before = self.counts[cell];
        self.counts[cell] = before.saturating_add(1);
        let load = self.weights.points_of(self.row(worker));
        self.counts[cell] = before;
        load
    }

    /// Changes `worker`'s count of type `t` by `change` and its load with it.
    pub fn change(&mut self, worker: usize, t: usize, change: i32) {
        let cell = worker * self.types + t;
        self.counts[cell] = self.counts[cell].saturating_add_signed(change);
        self.workers[worker].load = self.weights.points_of(self.row(worker));
    }

    fn row(&self, worker: usize) -> &[u32] {
        &self.counts[worker * self.types..(worker + 1) * self.types]
    }

    /// The id of the `t`-th case type and its weight.
    pub fn case_type(&self, t: usize) -> (CaseTypeId, f64) {
        let (id, weight, _) = self.weights.types()[t];
        (id, weight)
    }
}
