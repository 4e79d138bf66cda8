//! Hand-worked figures. Default weights: CIN 1.0, CP 1.5, court 2.0; default grades: ASYE 16,
//! social worker 20 points at 1.0 FTE, team manager 0. Illustrative rates: a social worker costs
//! 45,000 x 1.3 = 58,500 a year employed and 360 x 220 = 79,200 agency; an ASYE 46,800 and
//! 300 x 220 = 66,000.

use super::*;
use crate::model::defaults::{self, case_type::*, grade::*};
use crate::model::{
    AbsenceReason, CaseTypeId, Contract, Post, PostId, PostStatus, Settings, Team, TeamFunction,
    TeamId, assess,
};

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

fn post(id: u32, team: u32, grade: GradeId, cases: &[(CaseTypeId, u32)]) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(team),
        grade,
        contract: Contract::Permanent,
        fte: 1.0,
        worker: Some(format!("Worker {id}")),
        status: PostStatus::Active,
        cases: cases.iter().copied().collect(),
        starts: None,
        leaves: None,
        covers: Default::default(),
    }
}

fn team(id: u32, unallocated: &[(CaseTypeId, u32)]) -> Team {
    Team {
        id: TeamId(id),
        name: format!("Team {id}"),
        function: TeamFunction::ChildInNeedProtection,
        unallocated: unallocated.iter().copied().collect(),
    }
}

fn plan(teams: Vec<Team>, posts: Vec<Post>) -> Plan {
    Plan {
        settings: Settings {
            amber_from: 0.9,
            ..Settings::default()
        },
        teams,
        posts,
        ..defaults::new_plan()
    }
}

/// The service's figures (one team plans: the team's).
fn needed(plan: &Plan) -> StaffNeeded {
    assess(plan).service.needed
}

/// A social worker holding 20 CIN (20 points), an ASYE holding 10 CIN and 2 CP (13 points), a
/// social worker on maternity leave holding 6 CIN (6 points), a vacant social worker post; 4 CIN
/// and 2 court cases waiting (8 points).
fn short_team() -> Plan {
    let mut away = post(3, 1, SOCIAL_WORKER, &[(CHILD_IN_NEED, 6)]);
    away.status = PostStatus::Absent {
        reason: AbsenceReason::Maternity,
        returns: None,
    };
    let mut vacant = post(4, 1, SOCIAL_WORKER, &[]);
    vacant.worker = None;
    plan(
        vec![team(1, &[(CHILD_IN_NEED, 4), (COURT, 2)])],
        vec![
            post(1, 1, SOCIAL_WORKER, &[(CHILD_IN_NEED, 20)]),
            post(2, 1, ASYE, &[(CHILD_IN_NEED, 10), (CHILD_PROTECTION, 2)]),
            away,
            vacant,
        ],
    )
}

#[test]
fn available_fte_and_grade_mix_leave_out_absent_staff_and_vacancies() {
    let n = needed(&short_team());
    // Available: the social worker and the ASYE, 2.0 FTE; capacity 20 + 16 = 36 points, 18 a FTE.
    assert_eq!(n.available_fte, 2.0);
    close(n.points_per_fte, 18.0);
    // In post at case-holding grades: social worker 2.0 FTE (one absent), ASYE 1.0.
    assert_eq!(n.rate_grade, Some(SOCIAL_WORKER));
}

#[test]
fn fte_needed_for_the_caseload_target_counts_waiting_cases() {
    let need = needed(&short_team()).for_caseload_target;
    // Cases: 20 + 12 + 6 held (the absent worker's included) + 6 waiting = 44; 44 / 18 = 2.444.
    close(need.fte, 44.0 / 18.0);
    // Gap 44/18 - 2 = 8/18 = 0.444 FTE; available / needed 2 / (44/18) = 36/44.
    close(need.gap, 8.0 / 18.0);
    close(need.available_per_needed, 36.0 / 44.0);
    // 8/18 x 58,500 = 26,000 employed; 8/18 x 79,200 = 35,200 agency.
    close(need.employed_cost, 26_000.0);
    close(need.agency_cost, 35_200.0);
}

#[test]
fn fte_needed_for_full_utilisation_is_at_the_team_grade_mix() {
    let need = needed(&short_team()).for_full_utilisation;
    // Demand 20 + 13 + 6 + 8 = 47 points; 47 / (1.0 x 18) = 2.611 FTE.
    close(need.fte, 47.0 / 18.0);
    // Gap 47/18 - 2 = 11/18; available / needed 2 / (47/18) = 36/47.
    close(need.gap, 11.0 / 18.0);
    close(need.available_per_needed, 36.0 / 47.0);
    // 11/18 x 58,500 = 35,750; 11/18 x 79,200 = 48,400.
    close(need.employed_cost, 35_750.0);
    close(need.agency_cost, 48_400.0);
}

#[test]
fn fte_needed_for_the_amber_threshold_leaves_that_much_room() {
    let need = needed(&short_team()).for_amber_threshold;
    // 47 / (0.9 x 18) = 47 / 16.2 = 2.901 FTE; gap (47 - 32.4) / 16.2 = 14.6 / 16.2.
    close(need.fte, 47.0 / 16.2);
    close(need.gap, 14.6 / 16.2);
    // 2 / (47 / 16.2) = 32.4 / 47.
    close(need.available_per_needed, 32.4 / 47.0);
    // 14.6/16.2 x 58,500 = 52,722.2; 14.6/16.2 x 79,200 = 71,377.8.
    close(need.employed_cost, 14.6 / 16.2 * 58_500.0);
    close(need.agency_cost, 14.6 / 16.2 * 79_200.0);
}

#[test]
fn a_surplus_is_a_negative_gap_that_costs_nothing() {
    let plan = plan(
        vec![team(1, &[])],
        vec![post(1, 1, SOCIAL_WORKER, &[(CHILD_IN_NEED, 9)])],
    );
    let n = needed(&plan);
    // 9 cases / 18 = 0.5 FTE for the target: gap 0.5 - 1 = -0.5, available / needed 2.0.
    close(n.for_caseload_target.fte, 0.5);
    close(n.for_caseload_target.gap, -0.5);
    close(n.for_caseload_target.available_per_needed, 2.0);
    close(n.for_caseload_target.employed_cost, 0.0);
    close(n.for_caseload_target.agency_cost, 0.0);
    // 9 points / 20 = 0.45 FTE at 100%: gap -0.55, available / needed 1 / 0.45.
    close(n.for_full_utilisation.fte, 0.45);
    close(n.for_full_utilisation.gap, -0.55);
    close(n.for_full_utilisation.available_per_needed, 1.0 / 0.45);
}

#[test]
fn a_team_with_nobody_to_hold_cases_is_costed_at_the_practitioner_grade() {
    // Only a team manager (no capacity), a vacant ASYE post; 10 CIN and 2 CP waiting (13 points).
    let mut vacant = post(2, 1, ASYE, &[]);
    vacant.worker = None;
    let plan = plan(
        vec![team(1, &[(CHILD_IN_NEED, 10), (CHILD_PROTECTION, 2)])],
        vec![post(1, 1, TEAM_MANAGER, &[]), vacant],
    );
    let n = needed(&plan);
    assert_eq!(n.available_fte, 0.0);
    // No mix of its own: the social worker grade's 20 points, and its rates.
    close(n.points_per_fte, 20.0);
    assert_eq!(n.rate_grade, Some(SOCIAL_WORKER));
    // 12 cases / 18 = 2/3 FTE; all of it is the gap; available / needed 0 / (2/3) = 0.
    close(n.for_caseload_target.fte, 12.0 / 18.0);
    close(n.for_caseload_target.gap, 12.0 / 18.0);
    close(n.for_caseload_target.available_per_needed, 0.0);
    // 2/3 x 58,500 = 39,000; 2/3 x 79,200 = 52,800.
    close(n.for_caseload_target.employed_cost, 39_000.0);
    close(n.for_caseload_target.agency_cost, 52_800.0);
    // 13 points / 20 = 0.65 FTE at 100%; 13 / (0.9 x 20) = 13 / 18 at amber.
    close(n.for_full_utilisation.fte, 0.65);
    close(n.for_amber_threshold.fte, 13.0 / 18.0);
}

#[test]
fn nothing_needed_gives_no_ratio_and_zero_targets_give_no_values_not_nan() {
    // No cases at all: 0 FTE needed, so available / needed has no value.
    let empty = plan(vec![team(1, &[])], vec![post(1, 1, SOCIAL_WORKER, &[])]);
    let n = needed(&empty);
    close(n.for_caseload_target.fte, 0.0);
    close(n.for_caseload_target.gap, -1.0);
    assert_eq!(n.for_caseload_target.available_per_needed, None);
    assert_eq!(n.for_full_utilisation.available_per_needed, None);

    // A caseload target and an amber threshold of 0 (an invalid plan): no values.
    let mut zero = short_team();
    zero.settings.caseload_target = 0.0;
    zero.settings.amber_from = 0.0;
    let n = needed(&zero);
    let none = Need {
        fte: None,
        gap: None,
        available_per_needed: None,
        employed_cost: None,
        agency_cost: None,
    };
    assert_eq!(n.for_caseload_target, none);
    assert_eq!(n.for_amber_threshold, none);
    assert!(n.for_full_utilisation.fte.is_some());
}

#[test]
fn without_staff_or_a_practitioner_grade_utilisation_needs_have_no_value() {
    let mut plan = plan(vec![team(1, &[(CHILD_IN_NEED, 9)])], vec![]);
    plan.grades.retain(|g| g.role != GradeRole::Practitioner);
    let n = needed(&plan);
    assert_eq!((n.points_per_fte, n.rate_grade), (None, None));
    assert_eq!(n.for_full_utilisation.fte, None);
    // The caseload target needs no grade: 9 / 18 = 0.5 FTE; but no grade to cost it at.
    close(n.for_caseload_target.fte, 0.5);
    assert_eq!(n.for_caseload_target.employed_cost, None);
}

#[test]
fn the_main_grade_is_the_most_fte_in_post_the_lower_id_on_a_tie() {
    let plan = plan(
        vec![team(1, &[])],
        vec![
            post(1, 1, SOCIAL_WORKER, &[(CHILD_IN_NEED, 20)]),
            post(2, 1, ASYE, &[(CHILD_IN_NEED, 16)]),
            post(3, 1, TEAM_MANAGER, &[]),
            post(4, 1, TEAM_MANAGER, &[]),
        ],
    );
    // Social worker 1.0, ASYE 1.0 (team managers hold no cases): the ASYE grade, id 1.
    let n = needed(&plan);
    assert_eq!(n.rate_grade, Some(ASYE));
    // 36 cases / 18 = 2 FTE: no gap, nothing to pay.
    close(n.for_caseload_target.gap, 0.0);
    close(n.for_caseload_target.employed_cost, 0.0);
}

#[test]
fn the_service_pools_its_teams_so_a_surplus_offsets_a_shortage() {
    let plan = plan(
        vec![team(1, &[(CHILD_IN_NEED, 18)]), team(2, &[])],
        vec![
            post(1, 1, SOCIAL_WORKER, &[(CHILD_IN_NEED, 18)]),
            post(2, 2, SOCIAL_WORKER, &[]),
        ],
    );
    let a = assess(&plan);
    // Team 1: 36 cases / 18 = 2 FTE for 1 available: gap 1. Team 2: no cases, gap -1.
    let team_1 = a.team(TeamId(1)).unwrap().totals.needed;
    close(team_1.for_caseload_target.gap, 1.0);
    let team_2 = a.team(TeamId(2)).unwrap().totals.needed;
    close(team_2.for_caseload_target.gap, -1.0);
    // The service: 36 cases / 18 = 2 FTE, 2 available: no gap.
    close(needed(&plan).for_caseload_target.gap, 0.0);
}
