//! Allocation and balancing on small plans worked out by hand. Weights: assessment 0.8, child
//! in need (CIN) 1.0, child protection (CP) 1.5, court 2.0, care leaver 0.6 points; capacity:
//! social worker 20, ASYE 16 points at 1.0 FTE.

use super::pool::Pool;
use super::test_plans::{add_post, make_absent, plan, set_waiting, social_worker};
use super::*;
use crate::model::defaults::case_type::{
    ASSESSMENT, CARE_LEAVER, CHILD_IN_NEED, CHILD_PROTECTION, COURT,
};
use crate::model::defaults::grade::ASYE;
use crate::model::{CaseCounts, CaseTypeId, Plan, PostId, TeamId, apply, assess, synthetic};

fn scope(teams: &[u32]) -> Scope {
    Scope {
        teams: teams.iter().map(|&t| TeamId(t)).collect(),
        ..Scope::default()
    }
}

fn mv(case_type: CaseTypeId, count: u32, from: CaseSource, to: PostId) -> CaseMove {
    CaseMove {
        case_type,
        count,
        from,
        to,
    }
}

fn waiting_in(team: u32) -> CaseSource {
    CaseSource::Waiting(TeamId(team))
}

/// Applies the proposal's command: it must be accepted.
fn applied(plan: &Plan, proposal: &Proposal) -> Plan {
    let mut after = plan.clone();
    apply(&mut after, proposal.command()).expect("a proposal applies");
    after
}

fn utilisation(plan: &Plan, post: PostId) -> f64 {
    assess(plan).post(post).and_then(|p| p.utilisation).unwrap()
}

#[test]
fn two_social_workers_at_30_and_10_points_meet_at_20_by_the_heaviest_cases() {
    let mut p = plan(&["North"]);
    // 5 court (10 points) + 20 CIN (20) = 30 points, 150%; 10 CIN, 50%.
    let hall = social_worker(&mut p, 1, "A. Hall", &[(COURT, 5), (CHILD_IN_NEED, 20)]);
    let brown = social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 10)]);
    let proposal = balance(&p, &scope(&[1]));
    // 10 points move as 5 court cases rather than 10 child-in-need cases.
    assert_eq!(
        proposal.moves,
        [mv(COURT, 5, CaseSource::Post(hall), brown)]
    );
    assert_eq!(proposal.cases_moved(), 5);
    assert_eq!(
        proposal.describe(&p),
        ["5 court / PLO cases: A. Hall -> J. Brown"]
    );
    let after = applied(&p, &proposal);
    assert_eq!(utilisation(&after, hall), 1.0);
    assert_eq!(utilisation(&after, brown), 1.0);
    assert!(balance(&after, &scope(&[1])).is_empty(), "balanced already");
}

/// Kept case types stay with their worker; a worker holding only kept cases is passed over so
/// the next most-loaded is still helped.
#[test]
fn kept_case_types_stay_and_a_worker_holding_only_them_is_passed_over() {
    let mut p = plan(&["North"]);
    // 10 CP (15 points) + 10 CIN (10) = 25 points, 125%; 20 CP = 30 points, 150%; empty.
    let hall = social_worker(
        &mut p,
        1,
        "A. Hall",
        &[(CHILD_PROTECTION, 10), (CHILD_IN_NEED, 10)],
    );
    let iqbal = social_worker(&mut p, 1, "B. Iqbal", &[(CHILD_PROTECTION, 20)]);
    let new = social_worker(&mut p, 1, "New worker", &[]);
    let keeping = Scope {
        kept_types: [CHILD_PROTECTION].into(),
        ..scope(&[1])
    };
    // B. Iqbal can give nothing. A. Hall gives child-in-need cases while that lowers the
    // higher of the two: it would stop at 13 and 12 points, but all 10 go first (15 and 10).
    let proposal = balance(&p, &keeping);
    assert_eq!(
        proposal.moves,
        [mv(CHILD_IN_NEED, 10, CaseSource::Post(hall), new)]
    );
    let after = applied(&p, &proposal);
    assert_eq!(utilisation(&after, hall), 0.75);
    assert_eq!(utilisation(&after, iqbal), 1.5);
    assert_eq!(utilisation(&after, new), 0.5);
    assert!(balance(&after, &keeping).is_empty(), "balanced already");
    // Without keeping them, B. Iqbal's child-protection cases move.
    let all = balance(&p, &scope(&[1]));
    assert!(
        all.moves
            .iter()
            .any(|m| m.from == CaseSource::Post(iqbal) && m.case_type == CHILD_PROTECTION),
        "{:?}",
        all.moves
    );
}

#[test]
fn equal_cases_move_until_the_two_are_level() {
    let mut p = plan(&["North"]);
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 30)]);
    let brown = social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 10)]);
    assert_eq!(
        balance(&p, &scope(&[1])).moves,
        [mv(CHILD_IN_NEED, 10, CaseSource::Post(hall), brown)]
    );
}

#[test]
fn two_workers_at_the_top_both_give_to_the_one_with_room() {
    let mut p = plan(&["North"]);
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 30)]);
    let brown = social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 30)]);
    let new = social_worker(&mut p, 1, "New worker 1", &[]);
    let proposal = balance(&p, &scope(&[1]));
    assert_eq!(
        proposal.moves,
        [
            mv(CHILD_IN_NEED, 10, CaseSource::Post(hall), new),
            mv(CHILD_IN_NEED, 10, CaseSource::Post(brown), new),
        ]
    );
    let after = applied(&p, &proposal);
    for post in [hall, brown, new] {
        assert_eq!(utilisation(&after, post), 1.0);
    }
}

#[test]
fn a_pool_of_several_teams_balances_across_them_and_one_team_alone_cannot() {
    let mut p = plan(&["North", "Fixed-term team"]);
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 30)]);
    let new = social_worker(&mut p, 2, "New worker 1", &[]);
    assert_eq!(
        balance(&p, &scope(&[1, 2])).moves,
        [mv(CHILD_IN_NEED, 15, CaseSource::Post(hall), new)]
    );
    assert!(balance(&p, &scope(&[1])).is_empty());
    assert!(balance(&p, &scope(&[])).is_empty());
}

#[test]
fn balancing_each_team_on_its_own_keeps_every_case_in_its_team() {
    // North: A. Hall 30 CIN (150%) and J. Brown 10 (50%) meet at 20 each: 10 move. South:
    // S. Khan 24 CIN (120%) and T. Park none: 12 move. The new worker in the fixed-term team
    // takes nothing, though it has all its room, because no case leaves its team.
    let mut p = plan(&["North", "South", "Fixed-term team"]);
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 30)]);
    let brown = social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 10)]);
    let khan = social_worker(&mut p, 2, "S. Khan", &[(CHILD_IN_NEED, 24)]);
    let park = social_worker(&mut p, 2, "T. Park", &[]);
    social_worker(&mut p, 3, "New worker 1", &[]);
    let each = balance_each_team(&p, &scope(&[1, 2, 3]));
    assert_eq!(
        each.moves,
        [
            mv(CHILD_IN_NEED, 10, CaseSource::Post(hall), brown),
            mv(CHILD_IN_NEED, 12, CaseSource::Post(khan), park),
        ]
    );
    // The same as balancing the teams one by one.
    let one_by_one: Vec<CaseMove> = [1, 2, 3]
        .iter()
        .flat_map(|&t| balance(&p, &scope(&[t])).moves)
        .collect();
    assert_eq!(each.moves, one_by_one);
    assert!(balance_each_team(&p, &scope(&[3])).is_empty());
}

/// North: A. Hall 30 CIN (150%), K. Ito absent with 10 CIN, a vacancy, D. Shah protected with
/// 30 CIN, F. Lee (ASYE, 16 points) with none; 5 CIN waiting. South: S. Khan with none.
fn with_staff_who_may_not_take_cases() -> (Plan, Scope, [PostId; 6]) {
    let mut p = plan(&["North", "South"]);
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 30)]);
    let ito = social_worker(&mut p, 1, "K. Ito", &[(CHILD_IN_NEED, 10)]);
    make_absent(&mut p, ito);
    let vacancy = add_post(
        &mut p,
        1,
        crate::model::defaults::grade::SOCIAL_WORKER,
        1.0,
        None,
        &[],
    );
    let shah = social_worker(&mut p, 1, "D. Shah", &[(CHILD_IN_NEED, 30)]);
    let lee = add_post(&mut p, 1, ASYE, 1.0, Some("F. Lee"), &[]);
    let khan = social_worker(&mut p, 2, "S. Khan", &[]);
    set_waiting(&mut p, 1, &[(CHILD_IN_NEED, 5)]);
    let mut s = scope(&[1]);
    s.protected.insert(shah);
    (p, s, [hall, ito, vacancy, shah, lee, khan])
}

#[test]
fn absent_vacant_protected_and_out_of_scope_workers_never_give_or_receive() {
    let (p, s, [hall, .., lee, _]) = with_staff_who_may_not_take_cases();
    // Only A. Hall gives and only F. Lee receives: 13 cases leave A. Hall at 17/20 = 85% and
    // F. Lee at 13/16 = 81%; a 14th would put F. Lee at 14/16 = 87.5%, above 85%.
    assert_eq!(
        balance(&p, &s).moves,
        [mv(CHILD_IN_NEED, 13, CaseSource::Post(hall), lee)]
    );
    // The waiting work goes to F. Lee too, the only one in North with room.
    let proposal = allocate_waiting(&p, &s);
    assert_eq!(proposal.moves, [mv(CHILD_IN_NEED, 5, waiting_in(1), lee)]);
    assert_eq!(proposal.unplaced, []);
    assert_eq!(
        proposal.describe(&p),
        ["5 child in need cases: waiting in North -> F. Lee"]
    );
}

#[test]
fn must_allocate_cases_are_placed_first() {
    let mut p = plan(&["North"]);
    // 18 points of 20: room for the child protection case (1.5) or both CIN cases, not all.
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 18)]);
    set_waiting(&mut p, 1, &[(CHILD_IN_NEED, 2), (CHILD_PROTECTION, 1)]);
    let proposal = allocate_waiting(&p, &scope(&[1]));
    assert_eq!(
        proposal.moves,
        [mv(CHILD_PROTECTION, 1, waiting_in(1), hall)]
    );
    assert_eq!(
        proposal.unplaced,
        [(TeamId(1), CaseCounts::from([(CHILD_IN_NEED, 2)]))]
    );
    assert_eq!(proposal.cases_unplaced(), 2);
    assert_eq!(
        proposal.describe(&p),
        ["1 child protection case: waiting in North -> A. Hall"]
    );
    let after = applied(&p, &proposal);
    assert_eq!(utilisation(&after, hall), 19.5 / 20.0);
    assert!(allocate_waiting(&after, &scope(&[1])).is_empty());
}

#[test]
fn after_the_must_allocate_types_heavier_cases_go_first() {
    let mut p = plan(&["North"]);
    // 14 CIN + 1 assessment = 14.8 points. Court (2) and CP (1.5) take it to 18.3; then one
    // CIN (1.0) to 19.3 and one care leaver (0.6) to 19.9. Lighter first would have placed
    // both care leavers (19.5) and no CIN.
    let hall = social_worker(
        &mut p,
        1,
        "A. Hall",
        &[(CHILD_IN_NEED, 14), (ASSESSMENT, 1)],
    );
    set_waiting(
        &mut p,
        1,
        &[
            (CHILD_IN_NEED, 2),
            (CARE_LEAVER, 2),
            (COURT, 1),
            (CHILD_PROTECTION, 1),
        ],
    );
    let proposal = allocate_waiting(&p, &scope(&[1]));
    let to_hall = |case_type| mv(case_type, 1, waiting_in(1), hall);
    assert_eq!(
        proposal.moves,
        [
            to_hall(CHILD_IN_NEED),
            to_hall(CHILD_PROTECTION),
            to_hall(COURT),
            to_hall(CARE_LEAVER)
        ]
    );
    assert_eq!(
        proposal.unplaced,
        [(
            TeamId(1),
            CaseCounts::from([(CHILD_IN_NEED, 1), (CARE_LEAVER, 1)])
        )]
    );
}

#[test]
fn each_case_goes_to_the_lowest_utilisation_with_room_and_ties_to_the_lower_post() {
    let mut p = plan(&["North"]);
    let hall = social_worker(&mut p, 1, "A. Hall", &[(CHILD_IN_NEED, 10)]); // 50%
    let brown = social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 10)]); // 50%
    let lee = add_post(&mut p, 1, ASYE, 1.0, Some("F. Lee"), &[(CHILD_IN_NEED, 4)]); // 25%
    set_waiting(&mut p, 1, &[(CHILD_IN_NEED, 6)]);
    // F. Lee takes 4 (to 8/16 = 50%); then all three are level and A. Hall, the lowest post,
    // takes the fifth (55%), J. Brown the sixth.
    assert_eq!(
        allocate_waiting(&p, &scope(&[1])).moves,
        [
            mv(CHILD_IN_NEED, 1, waiting_in(1), hall),
            mv(CHILD_IN_NEED, 1, waiting_in(1), brown),
            mv(CHILD_IN_NEED, 4, waiting_in(1), lee),
        ]
    );
}

#[test]
fn waiting_work_stays_in_its_team_and_is_reported_when_nobody_there_can_take_it() {
    let mut p = plan(&["North", "South"]);
    let ito = social_worker(&mut p, 1, "K. Ito", &[]);
    make_absent(&mut p, ito);
    social_worker(&mut p, 2, "S. Khan", &[]);
    set_waiting(&mut p, 1, &[(CHILD_PROTECTION, 3)]);
    let proposal = allocate_waiting(&p, &scope(&[1, 2, 1]));
    assert!(proposal.is_empty());
    assert_eq!(
        proposal.unplaced,
        [(TeamId(1), CaseCounts::from([(CHILD_PROTECTION, 3)]))]
    );
}

#[test]
fn names_from_the_file_are_shown_escaped() {
    let mut p = plan(&["North\nTotal"]);
    let hall = social_worker(&mut p, 1, "A.\u{1b}[31m Hall", &[]);
    set_waiting(&mut p, 1, &[(CHILD_IN_NEED, 1)]);
    assert_eq!(
        allocate_waiting(&p, &scope(&[1])).describe(&p),
        ["1 child in need case: waiting in North\\nTotal -> A.\\u{1b}[31m Hall"]
    );
    assert_eq!(hall, PostId(1));
}

#[test]
fn the_pool_weighs_caseloads_exactly_as_the_assessment_does() {
    let p = synthetic::plan(1_000, 20_000);
    let all = Scope {
        teams: p.teams.iter().map(|t| t.id).collect(),
        ..Scope::default()
    };
    let pool = Pool::of(&p, &all);
    let a = assess(&p);
    assert!(pool.workers.len() > 800);
    for w in &pool.workers {
        let post = a.post(w.post).unwrap();
        assert_eq!(w.load, post.weighted_load, "{}", w.post);
        assert_eq!(w.capacity, post.capacity_points, "{}", w.post);
        assert_eq!(Some(w.utilisation()), post.utilisation, "{}", w.post);
    }
}

#[test]
fn receivers_kept_by_capacity_or_by_case_type_give_the_same_proposal() {
    let mut p = synthetic::plan(1_000, 20_000);
    let all = Scope {
        teams: p.teams.iter().map(|t| t.id).collect(),
        ..Scope::default()
    };
    // Four capacities (16 and 20 points, full time and 0.6), then twenty.
    same_either_way(&p, &all);
    for (i, post) in p.posts.iter_mut().enumerate() {
        post.fte = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0][i * 7 % 10];
    }
    same_either_way(&p, &all);
}

fn same_either_way(p: &Plan, all: &Scope) {
    use super::balance::balance_keeping;
    let by_type = balance_keeping(p, all, Some(false));
    assert!(by_type.cases_moved() > 1_000);
    let by_capacity = balance_keeping(p, all, Some(true));
    let first_difference = by_type
        .moves
        .iter()
        .zip(&by_capacity.moves)
        .position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "{:?}",
        first_difference.map(|i| (&by_type.moves[i], &by_capacity.moves[i]))
    );
    assert_eq!(by_capacity.moves.len(), by_type.moves.len());
}
