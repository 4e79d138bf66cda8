//! Allocating waiting work and balancing caseloads, checked by property on generated plans:
//! the example plan after any sequence of edits, and generated plans of any size.

use caseload_planner::io::{default_plan, default_scenarios};
use caseload_planner::model::allocation::{CaseSource, Proposal, Scope, allocate_waiting, balance};
use caseload_planner::model::{
    Assessment, CaseTypeId, Plan, PostId, TeamId, apply, assess, synthetic, validate,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[allow(dead_code)] // Only the commands are used here, not the list of their kinds.
mod command_generator;
use command_generator::command;

/// The example after up to 30 edits, or a generated plan of 20 to 300 posts.
fn plans() -> impl Strategy<Value = Plan> {
    prop_oneof![
        proptest::collection::vec(command(), 0..30).prop_map(|commands| {
            let mut plan = default_plan();
            for command in commands {
                let _ = apply(&mut plan, command);
            }
            plan
        }),
        (20usize..300, 0usize..9_000).prop_map(|(posts, cases)| synthetic::plan(posts, cases)),
    ]
}

/// Some of the plan's teams (all of them when `picks` is empty) and a few protected posts.
fn scope_of(plan: &Plan, picks: &[bool], protected: &[u32]) -> Scope {
    let teams = plan
        .teams
        .iter()
        .enumerate()
        .filter(|(i, _)| picks.is_empty() || picks[i % picks.len()])
        .map(|(_, t)| t.id)
        .collect();
    Scope {
        teams,
        protected: protected.iter().map(|&id| PostId(id)).collect(),
        kept_types: BTreeSet::new(),
    }
}

/// Cases of each type held and waiting in the scope's teams, and everything outside it.
fn counts(plan: &Plan, scope: &Scope) -> (BTreeMap<CaseTypeId, u64>, Plan) {
    let mut inside = BTreeMap::new();
    let mut add = |counts: &caseload_planner::model::CaseCounts| {
        for (&t, &n) in counts {
            *inside.entry(t).or_default() += u64::from(n);
        }
    };
    let in_scope = |team: TeamId| scope.teams.contains(&team);
    for post in plan.posts.iter().filter(|p| in_scope(p.team)) {
        add(&post.cases);
    }
    for team in plan.teams.iter().filter(|t| in_scope(t.id)) {
        add(&team.unallocated);
    }
    let mut outside = plan.clone();
    outside.posts.retain(|p| !in_scope(p.team));
    outside.teams.retain(|t| !in_scope(t.id));
    (inside, outside)
}

fn utilisation(a: &Assessment, post: PostId) -> Option<f64> {
    a.post(post).and_then(|p| p.utilisation)
}

/// Whether the post may give or receive: the definition in `model::allocation`, written out.
fn eligible(plan: &Plan, scope: &Scope, post: PostId) -> bool {
    let Some(p) = plan.post(post) else {
        return false;
    };
    let grade = plan.grade(p.grade);
    scope.teams.contains(&p.team)
        && p.is_available()
        && !scope.protected.contains(&post)
        && grade.is_some_and(|g| g.holds_cases && g.capacity_points * p.fte > 0.0)
}

/// Applies the proposal (it must be accepted) and checks what every proposal must keep.
fn apply_and_check(plan: &Plan, scope: &Scope, proposal: &Proposal) -> Result<Plan, TestCaseError> {
    let mut after = plan.clone();
    let applied = apply(&mut after, proposal.command());
    prop_assert!(applied.is_ok(), "refused: {:?}", applied);
    if validate(plan).is_empty() {
        prop_assert_eq!(validate(&after), vec![]);
    }
    // Nothing created or lost in the scope, nothing touched outside it.
    prop_assert_eq!(counts(&after, scope), counts(plan, scope));
    for m in &proposal.moves {
        prop_assert!(m.count > 0);
        prop_assert!(eligible(plan, scope, m.to), "{:?} received", m.to);
        if let CaseSource::Post(from) = m.from {
            prop_assert!(eligible(plan, scope, from), "{:?} gave", from);
        }
    }
    Ok(after)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn allocation_places_waiting_work_within_capacity_and_only_once(
        plan in plans(),
        picks in proptest::collection::vec(any::<bool>(), 0..6),
        protected in proptest::collection::vec(0u32..60, 0..4),
    ) {
        let scope = scope_of(&plan, &picks, &protected);
        let proposal = allocate_waiting(&plan, &scope);
        prop_assert_eq!(&allocate_waiting(&plan, &scope), &proposal, "the same plan, the same proposal");
        let after = apply_and_check(&plan, &scope, &proposal)?;
        let after_a = assess(&after);
        for m in &proposal.moves {
            prop_assert!(matches!(m.from, CaseSource::Waiting(team) if plan.post(m.to).unwrap().team == team));
            let u = utilisation(&after_a, m.to).unwrap();
            prop_assert!(u <= 1.0, "{:?} allocated to {}", m.to, u);
        }
        // What stays waiting is exactly what was reported.
        for team in &after.teams {
            let reported = proposal.unplaced.iter().find(|(t, _)| *t == team.id);
            if scope.teams.contains(&team.id) {
                let left: Vec<_> = team.unallocated.iter().filter(|(_, n)| **n > 0).collect();
                let said: Vec<_> = reported.map(|(_, c)| c.iter().collect()).unwrap_or_default();
                prop_assert_eq!(left, said, "{:?}", team.id);
            }
        }
        prop_assert!(allocate_waiting(&after, &scope).is_empty(), "allocated twice");
    }

    #[test]
    fn balancing_never_raises_the_highest_utilisation_and_only_once(
        plan in plans(),
        picks in proptest::collection::vec(any::<bool>(), 0..6),
        protected in proptest::collection::vec(0u32..60, 0..4),
        kept in proptest::collection::vec(1u32..8, 0..3),
    ) {
        let scope = Scope {
            kept_types: kept.iter().map(|&id| CaseTypeId(id)).collect(),
            ..scope_of(&plan, &picks, &protected)
        };
        let proposal = balance(&plan, &scope);
        // Cases of a kept type stay with their worker.
        for m in &proposal.moves {
            prop_assert!(!scope.kept_types.contains(&m.case_type), "{:?} moved", m.case_type);
        }
        prop_assert_eq!(&balance(&plan, &scope), &proposal, "the same plan, the same proposal");
        prop_assert!(proposal.unplaced.is_empty());
        let after = apply_and_check(&plan, &scope, &proposal)?;
        let (before_a, after_a) = (assess(&plan), assess(&after));
        let pool: Vec<PostId> = plan.posts.iter().map(|p| p.id).filter(|&p| eligible(&plan, &scope, p)).collect();
        let highest = |a: &Assessment| pool.iter().filter_map(|&p| utilisation(a, p)).fold(0.0, f64::max);
        prop_assert!(highest(&after_a) <= highest(&before_a));
        check_nobody_pushed_over_needlessly(&plan, &after, &proposal, &pool)?;
        prop_assert!(balance(&after, &scope).is_empty(), "balanced twice");
    }
}

/// A worker pushed from at most 100% to over 100% took a case nobody else had room for: of
/// the types it received, at least one fits in no other worker's room. The others checked are
/// those the proposal leaves untouched, whose room was the same when the cases moved.
fn check_nobody_pushed_over_needlessly(
    plan: &Plan,
    after: &Plan,
    proposal: &Proposal,
    pool: &[PostId],
) -> Result<(), TestCaseError> {
    let (before_a, after_a) = (assess(plan), assess(after));
    let touched: BTreeSet<PostId> = proposal
        .moves
        .iter()
        .flat_map(|m| {
            let from = match m.from {
                CaseSource::Post(p) => Some(p),
                CaseSource::Waiting(_) => None,
            };
            from.into_iter().chain([m.to])
        })
        .collect();
    let weight = |t: CaseTypeId| plan.case_types.iter().find(|c| c.id == t).unwrap().weight;
    for &r in touched.iter() {
        let (Some(u0), Some(u1)) = (utilisation(&before_a, r), utilisation(&after_a, r)) else {
            continue;
        };
        if !(u0 <= 1.0 && u1 > 1.0 + 1e-9) {
            continue;
        }
        let received: BTreeSet<CaseTypeId> = proposal
            .moves
            .iter()
            .filter(|m| m.to == r)
            .map(|m| m.case_type)
            .collect();
        let has_room_for = |t: CaseTypeId| {
            pool.iter().filter(|p| !touched.contains(p)).any(|&p| {
                let a = after_a.post(p).unwrap();
                (a.weighted_load + weight(t)) / a.capacity_points <= 1.0
            })
        };
        prop_assert!(
            received.iter().any(|&t| !has_room_for(t)),
            "{:?} pushed to {} while others had room for each of {:?}",
            r,
            u1,
            received
        );
    }
    Ok(())
}

/// The example's option with a fixed-term team: balancing across that team and the teams it
/// relieves brings the highest utilisation down, and undoing the step restores every count.
#[test]
fn the_example_option_balanced_across_its_teams_lowers_the_highest_utilisation() {
    let set = default_scenarios();
    let option = set
        .iter()
        .find(|s| s.id != caseload_planner::model::ScenarioId::BASELINE)
        .expect("the example has an option");
    let plan = &option.plan;
    let scope = Scope {
        teams: plan.teams.iter().map(|t| t.id).collect(),
        ..Scope::default()
    };
    let proposal = balance(plan, &scope);
    assert!(proposal.cases_moved() > 0);
    let lines = proposal.describe(plan);
    assert_eq!(lines.len(), proposal.moves.len());
    assert!(lines.iter().all(|l| l.contains(" -> ")), "{lines:?}");
    let mut after = plan.clone();
    apply(&mut after, proposal.command()).unwrap();
    let highest = |p: &Plan| {
        assess(p)
            .posts
            .iter()
            .filter_map(|a| a.utilisation)
            .fold(0.0, f64::max)
    };
    assert!(highest(&after) < highest(plan));
}
