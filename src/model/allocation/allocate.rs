//! **Allocate waiting work**: each scope team's unallocated cases to its own eligible workers,
//! within capacity (see the module docs of [`super`] for the rule).

use super::heap::ascending;
use super::moves::{CaseSource, Flows};
use super::pool::{Pool, Scope};
use super::proposal::Proposal;
use crate::model::{CaseCounts, Plan, PostId, TeamId};
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

/// Proposes where each scope team's waiting cases go: must-allocate types first, then heavier
/// types first; each case to the team's eligible worker with the lowest utilisation who has
/// room for it. What has nowhere to go within capacity is listed in `unplaced`.
pub fn allocate_waiting(plan: &Plan, scope: &Scope) -> Proposal {
    let mut pool = Pool::of(plan, scope);
    let mut by_team: HashMap<TeamId, Vec<usize>> = HashMap::new();
    for (i, w) in pool.workers.iter().enumerate() {
        by_team.entry(w.team).or_default().push(i);
    }
    // Must-allocate first, then heavier, then by id.
    let mut order: Vec<usize> = (0..pool.types()).collect();
    order.sort_by(|&a, &b| {
        let (ta, tb) = (pool.weights.types()[a], pool.weights.types()[b]);
        tb.2.cmp(&ta.2)
            .then(tb.1.total_cmp(&ta.1))
            .then(ta.0.cmp(&tb.0))
    });

    let mut flows = Flows::default();
    let mut unplaced = Vec::new();
    let mut seen = BTreeSet::new();
    for &team_id in &scope.teams {
        let Some(team) = plan.team(team_id).filter(|_| seen.insert(team_id)) else {
            continue;
        };
        let workers = by_team.get(&team_id).map_or(&[][..], Vec::as_slice);
        let mut left = CaseCounts::new();
        for &t in &order {
            let (case_type, _) = pool.case_type(t);
            let waiting = team.unallocated.get(&case_type).copied().unwrap_or(0);
            if waiting == 0 {
                continue;
            }
            let placed = place(&mut pool, workers, t, waiting, |to, n| {
                flows.add(case_type, CaseSource::Waiting(team_id), to, n);
            });
            if placed < waiting {
                left.insert(case_type, waiting - placed);
            }
        }
        if !left.is_empty() {
            unplaced.push((team_id, left));
        }
    }
    Proposal {
        moves: flows.netted(),
        unplaced,
    }
}

/// Places up to `waiting` cases of type `t`, one at a time, each with the worker of `workers`
/// with the lowest utilisation who has room for it; calls `placed(worker's post, 1)` for each.
/// Returns how many were placed.
fn place(
    pool: &mut Pool,
    workers: &[usize],
    t: usize,
    waiting: u32,
    mut placed: impl FnMut(PostId, u64),
) -> u32 {
    // Lowest utilisation first, then lowest post id.
    let mut queue: BinaryHeap<Reverse<(u64, usize)>> = workers
        .iter()
        .map(|&worker| Reverse((ascending(pool.workers[worker].utilisation()), worker)))
        .collect();
    let mut done = 0;
    while done < waiting {
        let Some(Reverse((_, worker))) = queue.pop() else {
            break;
        };
        // No room now is no room for the rest of this type: loads only grow here. Worked out
        // exactly, so nobody allocated to shows above 100%.
        if !pool.below_count_limit(worker, t) {
            continue;
        }
        let after = pool.load_with_one_more(worker, t) / pool.workers[worker].capacity;
        // Not a number only in an invalid plan (a weight that is not one): no room either.
        if after.is_nan() || after > 1.0 {
            continue;
        }
        pool.change(worker, t, 1);
        placed(pool.workers[worker].post, 1);
        done += 1;
        queue.push(Reverse((
            ascending(pool.workers[worker].utilisation()),
            worker,
        )));
    }
    done
}
