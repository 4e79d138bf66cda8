//! The expected path: each post's exact chance, month by month, of being filled by its own
//! worker, covered by agency staff or vacant, summed over posts.

use super::chances::{Chances, groups};
use super::workforce::{Scratch, expected_post};
use super::{Accumulator, ContractEnd, PostPath, Prepared, Projection, path_figures, prepare};
use crate::model::money::{discount_factor, spend};
use crate::model::{Contract, Plan};

/// The expected path over the plan's timeline, under its scenario's assumptions.
pub fn project(plan: &Plan) -> Projection {
    let prepared = prepare(plan);
    let mut acc = Accumulator::new(plan.teams.len(), prepared.months);
    let lost = prepared.induction.map_or(0.0, |i| i.lost);
    let mut chances = Chances::default();
    let mut scratch = Scratch::default();
    // Posts with the same dates and chances of leaving follow the same process: once for all.
    for members in groups(&prepared.posts) {
        let post = &prepared.posts[members[0]];
        chances.reset(prepared.months);
        if post.by_service {
            expected_post(post, &prepared, &mut chances, &mut scratch);
        } else {
            flat_post(post, &prepared, &mut chances);
        }
        chances.add_group(&prepared.posts, &members, lost, &mut acc);
    }
    let mut months = path_figures(&prepared, &prepared.demand, &acc, plan.timeline);
    let rate = plan.costs.discount_rate;
    let mut cumulative = 0.0;
    for (t, m) in (0..).zip(&mut months) {
        cumulative += spend(m) * discount_factor(rate, t);
        m.cumulative_spend = cumulative;
    }
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

/// `post`'s chances when its worker leaves with one monthly chance whatever their service:
/// filled by its own worker (first or a replacement), covered by agency staff, vacant; and the
/// chance the first worker is still there.
fn flat_post(post: &PostPath, prepared: &Prepared, acc: &mut Chances) {
    let (a, q) = (prepared.agency_cover, prepared.fill);
    let (mut own, mut cover, mut vacant) = if post.filled {
        (1.0, 0.0, 0.0)
    } else {
        (0.0, 0.0, 1.0)
    };
    let mut first_worker = if post.filled { 1.0 } else { 0.0 };
    if post.starts_new() {
        acc.add_starters(post, post.first, first_worker);
    }
    for t in post.first..=post.last {
        let away = if t < post.back_from {
            first_worker
        } else {
            0.0
        };
        acc.add(t, own - away, own, cover, vacant);
        let in_post = own;
        let leaving = post.hazard * own;
        let filling = q * (vacant + cover);
        acc.add_starters(post, t + 1, filling);
        own += filling - leaving;
        cover += a * leaving - q * cover;
        vacant += (1.0 - a) * leaving - q * vacant;
        first_worker *= 1.0 - post.hazard;
        let mut leavers = leaving;
        if t == post.leaves_after {
            leavers += first_worker;
            own -= first_worker;
            cover += a * first_worker;
            vacant += (1.0 - a) * first_worker;
            first_worker = 0.0;
        }
        // The contract ends: everyone in post this month leaves, whatever else happened.
        acc.add_leavers(t, if t == post.ends { in_post } else { leavers });
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
