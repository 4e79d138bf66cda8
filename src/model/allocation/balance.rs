//! **Balance caseloads**: whole cases from the most-loaded eligible workers of the pool to the
//! least-loaded, until the most-loaded has no move left that helps (see the module docs of
//! [`super`] for the rule).
//!
//! Kept fast with heaps whose entries move when a caseload changes: the workers by
//! utilisation (the giver is the top), and the receivers ([`super::receivers`]).

use super::heap::{WorkerHeap, ascending, descending};
use super::moves::{CaseSource, Flows};
use super::pool::{Pool, Scope};
use super::proposal::Proposal;
use super::receivers::Receivers;
use crate::model::{Plan, Post, TeamId};
use std::collections::HashMap;

/// How much a move must lower the higher utilisation of its giver and receiver to be worth
/// making: more than rounding, so two equal caseloads whose sums round apart never trade
/// cases back and forth.
const LEAST_GAIN: f64 = 1e-9;

/// Proposes whole-case moves within the scope's pool that bring the highest utilisation down
/// as far as one case at a time from the top can, with as few cases moved as it can.
pub fn balance(plan: &Plan, scope: &Scope) -> Proposal {
    balance_keeping(plan, scope, None)
}

/// [`balance`], keeping the receivers by capacity or by case type as `by_capacity` says, or
/// (`None`) whichever is quicker: the tests compare the two ways.
pub(crate) fn balance_keeping(plan: &Plan, scope: &Scope, by_capacity: Option<bool>) -> Proposal {
    balance_pool(Pool::of(plan, scope), by_capacity)
}

/// [`balance`] within each team of the scope on its own (no case leaves its team), the teams
/// in the scope's order. Each team's workers are found in one pass over the plan's posts, not
/// one pass per team: a region has thousands of teams.
pub fn balance_each_team(plan: &Plan, scope: &Scope) -> Proposal {
    let mut by_team: HashMap<TeamId, Vec<&Post>> = HashMap::new();
    for post in &plan.posts {
        by_team.entry(post.team).or_default().push(post);
    }
    let mut all = Proposal::default();
    for &team in &scope.teams {
        let one_team = Scope {
            teams: vec![team],
            ..scope.clone()
        };
        let posts = by_team.remove(&team).unwrap_or_default();
        let proposal = balance_pool(Pool::of_posts(plan, &one_team, posts), None);
        all.moves.extend(proposal.moves);
        all.unplaced.extend(proposal.unplaced);
    }
    all
}

/// Balances the workers of `pool` (see [`balance_keeping`] for `by_capacity`).
fn balance_pool(mut pool: Pool, by_capacity: Option<bool>) -> Proposal {
    let n = pool.workers.len();
    // Highest utilisation first (the lower post id on a tie).
    let mut tops = WorkerHeap::new((0..n).map(|w| descending(pool.workers[w].utilisation())));
    let mut receivers = Receivers::new(&pool, by_capacity);

    let mut steps = Vec::new();
    // A worker holding only kept cases can give nothing: the next most-loaded is helped.
    while let Some(giver) = tops.first(|w| pool.holds_movable(w)) {
        let top = pool.workers[giver].utilisation();
        let Some(best) = best_move(&pool, &receivers, giver, top) else {
            break; // The most-loaded cannot be helped: the highest can go no lower.
        };
        pool.change(giver, best.t, -1);
        pool.change(best.receiver, best.t, 1);
        steps.push((best.t, giver, best.receiver));
        for w in [giver, best.receiver] {
            tops.set(w, descending(pool.workers[w].utilisation()));
            receivers.update(&pool, w);
        }
    }
    let mut flows = Flows::default();
    for (t, giver, receiver) in steps {
        let (case_type, _) = pool.case_type(t);
        let from = CaseSource::Post(pool.workers[giver].post);
        flows.add(case_type, from, pool.workers[receiver].post, 1);
    }
    Proposal {
        moves: flows.netted(),
        unplaced: Vec::new(),
    }
}

/// One case of the `t`-th type from the giver to `receiver`.
struct Move {
    t: usize,
    receiver: usize,
    /// The higher of the giver's and the receiver's utilisation after the move.
    new_max: f64,
    weight: f64,
    receiver_after: f64,
}

impl Move {
    /// Better first: lowers the pair's higher utilisation most, moves a heavier case (fewer
    /// moves for the same relief), leaves the receiver lowest; then lower ids.
    fn better_than(&self, other: &Move) -> bool {
        let key = |m: &Move| {
            (
                ascending(m.new_max),
                descending(m.weight),
                ascending(m.receiver_after),
                m.receiver,
                m.t,
            )
        };
        key(self) < key(other)
    }
}

/// The best move of one case from `giver` (at utilisation `top`, the highest), if any lowers
/// the higher of the giver's and the receiver's utilisation. Each case type's receiver is the
/// worker whose utilisation with it would be lowest, so a worker is only pushed over 100% by
/// a case nobody has room for.
fn best_move(pool: &Pool, receivers: &Receivers, giver: usize, top: f64) -> Option<Move> {
    let mut best: Option<Move> = None;
    let (load, capacity) = (pool.workers[giver].load, pool.workers[giver].capacity);
    for t in 0..pool.types() {
        if !pool.movable(t) || pool.count(giver, t) == 0 {
            continue;
        }
        let Some((receiver, receiver_after)) = receivers.best(pool, t, giver) else {
            continue;
        };
        let weight = pool.case_type(t).1;
        // As the receiver's: the assessment's load less the weight, give or take rounding.
        let giver_after = (load - weight) / capacity;
        let new_max = giver_after.max(receiver_after);
        if new_max >= top - LEAST_GAIN {
            continue;
        }
        let candidate = Move {
            t,
            receiver,
            new_max,
            weight,
            receiver_after,
        };
        if best.as_ref().is_none_or(|b| candidate.better_than(b)) {
            best = Some(candidate);
        }
    }
    best
}
