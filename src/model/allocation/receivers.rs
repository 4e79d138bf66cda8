//! Who should receive a case of a given type: the eligible worker whose utilisation with it
//! would be lowest (on a tie, the lower load, then the lower post id). Kept in heaps so
//! balancing finds them without looking at every worker, in one of two ways, whichever keeps
//! fewer heaps up to date:
//!
//! - **by case type**: a heap per case type, of every worker by utilisation after one more
//!   case of that type; a worker whose caseload changes moves in every heap;
//! - **by capacity**: a heap per capacity (workers at the same grade and FTE), by load. Among
//!   workers of equal capacity the least loaded is the lowest after one more case of any type,
//!   so the best receiver of a type is one of the heaps' tops; a worker whose caseload changes
//!   moves in one heap only. Used when there are at most twice as many capacities as case
//!   types.

use super::heap::{WorkerHeap, ascending, number};
use super::pool::Pool;
use std::collections::BTreeMap;

pub(crate) enum Receivers {
    /// Keyed by utilisation after one more case, then load: see [`Receivers::best`].
    ByType(Vec<WorkerHeap<(u64, u64)>>),
    ByCapacity {
        /// Keyed by load.
        heaps: Vec<WorkerHeap<u64>>,
        /// Each heap's workers, in pool order: a heap's worker `i` is `members[heap][i]`.
        members: Vec<Vec<usize>>,
        /// Each worker's heap and place in it.
        place: Vec<(usize, usize)>,
    },
}

impl Receivers {
    /// Receivers kept by capacity or by case type as `by_capacity` says, or (`None`) in the
    /// way that keeps fewer heaps up to date.
    pub fn new(pool: &Pool, by_capacity: Option<bool>) -> Receivers {
        let n = pool.workers.len();
        // Capacities by their bits: equal bits, equal capacity.
        let mut classes: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (w, worker) in pool.workers.iter().enumerate() {
            classes
                .entry(worker.capacity.to_bits())
                .or_default()
                .push(w);
        }
        // A case type's receiver is found among every capacity's top, but a changed caseload
        // moves in one heap instead of one per type: measured on generated plans, the two cost
        // about the same at three capacities per case type.
        if !by_capacity.unwrap_or(classes.len() <= 2 * pool.types()) {
            let heaps = (0..pool.types())
                .map(|t| WorkerHeap::new((0..n).map(|w| by_type_key(pool, w, t))))
                .collect();
            return Receivers::ByType(heaps);
        }
        let members: Vec<Vec<usize>> = classes.into_values().collect();
        let mut place = vec![(0, 0); n];
        let heaps = members
            .iter()
            .enumerate()
            .map(|(k, workers)| {
                for (i, &w) in workers.iter().enumerate() {
                    place[w] = (k, i);
                }
                WorkerHeap::new(workers.iter().map(|&w| ascending(pool.workers[w].load)))
            })
            .collect();
        Receivers::ByCapacity {
            heaps,
            members,
            place,
        }
    }

    /// The worker other than `giver`, with room in a plan's counts, whose utilisation with one
    /// more case of the `t`-th type is lowest, and that utilisation. On equal utilisations the
    /// lower load, then the lower post id: so both ways agree to the last digit (two loads
    /// a rounding apart can give the same utilisation after a case).
    pub fn best(&self, pool: &Pool, t: usize, giver: usize) -> Option<(usize, f64)> {
        let takes = |pool: &Pool, w: usize| w != giver && pool.below_count_limit(w, t);
        match self {
            Receivers::ByType(heaps) => {
                let heap = &heaps[t];
                let w = heap.first(|w| takes(pool, w))?;
                Some((w, number(heap.key(w).0)))
            }
            Receivers::ByCapacity { heaps, members, .. } => {
                let mut best: Option<((u64, u64), usize)> = None;
                for (heap, workers) in heaps.iter().zip(members) {
                    let Some(i) = heap.first(|i| takes(pool, workers[i])) else {
                        continue;
                    };
                    let candidate = (by_type_key(pool, workers[i], t), workers[i]);
                    if best.is_none_or(|b| candidate < b) {
                        best = Some(candidate);
                    }
                }
                best.map(|((after, _), w)| (w, number(after)))
            }
        }
    }

    /// Puts `w` back in its place after its caseload changed.
    pub fn update(&mut self, pool: &Pool, w: usize) {
        match self {
            Receivers::ByType(heaps) => {
                for (t, heap) in heaps.iter_mut().enumerate() {
                    heap.set(w, by_type_key(pool, w, t));
                }
            }
            Receivers::ByCapacity { heaps, place, .. } => {
                let (k, i) = place[w];
                heaps[k].set(i, ascending(pool.workers[w].load));
            }
        }
    }
}

/// The order of receivers of the `t`-th type: utilisation after one more, then load.
fn by_type_key(pool: &Pool, w: usize, t: usize) -> (u64, u64) {
    (
        ascending(after_one_more(pool, w, t)),
        ascending(pool.workers[w].load),
    )
}

/// `worker`'s utilisation with one more case of the `t`-th type: its load plus the case's
/// weight, over its capacity. The load is the assessment's own sum, so this is the figure the
/// assessment will show after the move, give or take rounding in the last digit; working it
/// out afresh for every candidate would cost a sum over the case types each time.
pub(crate) fn after_one_more(pool: &Pool, worker: usize, t: usize) -> f64 {
    let w = &pool.workers[worker];
    (w.load + pool.case_type(t).1) / w.capacity
}
