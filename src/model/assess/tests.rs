//! Hand-worked figures. Default weights: assessment 0.8, CIN 1.0, CP 1.5, CLA 1.2, court 2.0,
//! care leaver 0.6; default grades: ASYE 16, SW 20, SP 16, AP 12, TM 0, SM 0 points at 1.0 FTE.

use super::*;
use crate::model::defaults::{case_type::*, grade::*};
use crate::model::{
    AbsenceReason, CaseCounts, Contract, ContractKind, GradeId, Plan, Post, PostStatus, Settings,
    Team, TeamFunction, YearMonth, defaults,
};

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

fn some_close(actual: Option<f64>, expected: f64) {
    close(actual.expect("a value"), expected);
}

fn post(
    id: u32,
    team: u32,
    grade: GradeId,
    contract: Contract,
    fte: f64,
    worker: Option<&str>,
) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(team),
        grade,
        contract,
        fte,
        worker: worker.map(str::to_owned),
        status: PostStatus::Active,
        cases: CaseCounts::new(),
        starts: None,
        leaves: None,
        covers: Default::default(),
    }
}

fn with_cases(mut post: Post, cases: &[(CaseTypeId, u32)]) -> Post {
    post.cases = cases.iter().copied().collect();
    post
}

fn absent(mut post: Post) -> Post {
    post.status = PostStatus::Absent {
        reason: AbsenceReason::Maternity,
        returns: None,
    };
    post
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
        name: "Hand-worked".into(),
        notes: String::new(),
        settings: Settings::default(),
        teams,
        posts,
        ..defaults::new_plan()
    }
}

/// Team 1: a full-time SW, a 0.6 FTE agency SW, an ASYE, a SW on maternity leave, a vacant SW
/// post, a team manager and a fixed-term senior practitioner with no cases yet; 3 CIN and 2 CP
/// cases unallocated. Team 2: a service manager only.
fn worked_example() -> Plan {
    let fixed = Contract::FixedTerm {
        start: YearMonth::new(2026, 4).unwrap(),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    plan(
        vec![
            team(1, &[(CHILD_IN_NEED, 3), (CHILD_PROTECTION, 2)]),
            team(2, &[]),
        ],
        vec![
            with_cases(
                post(1, 1, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("Ann")),
                &[(CHILD_IN_NEED, 10), (CHILD_PROTECTION, 4)],
            ),
            with_cases(
                post(2, 1, SOCIAL_WORKER, Contract::Agency, 0.6, Some("Ben")),
                &[(CHILD_PROTECTION, 6), (COURT, 2)],
            ),
            with_cases(
                post(3, 1, ASYE, Contract::Permanent, 1.0, Some("Cat")),
                &[(CHILD_IN_NEED, 12)],
            ),
            absent(post(
                4,
                1,
                SOCIAL_WORKER,
                Contract::Permanent,
                1.0,
                Some("Dee"),
            )),
            post(5, 1, SOCIAL_WORKER, Contract::Permanent, 1.0, None),
            post(6, 1, TEAM_MANAGER, Contract::Permanent, 1.0, Some("Eve")),
            post(7, 1, SENIOR_PRACTITIONER, fixed, 1.0, Some("Fay")),
            post(8, 2, SERVICE_MANAGER, Contract::Permanent, 1.0, Some("Hal")),
        ],
    )
}

#[test]
fn post_load_capacity_and_utilisation() {
    let a = assess(&worked_example());
    // Ann: 10 x 1.0 + 4 x 1.5 = 16 points of 20: 80%, green, 4 points spare.
    let ann = a.post(PostId(1)).unwrap();
    assert_eq!(ann.cases_held, 14);
    close(ann.weighted_load, 16.0);
    close(ann.capacity_points, 20.0);
    some_close(ann.utilisation, 0.8);
    assert_eq!(ann.band, Some(Band::Green));
    close(ann.headroom_points, 4.0);

    // Ben, part-time: capacity 20 x 0.6 = 12; load 6 x 1.5 + 2 x 2.0 = 13: 108.3%, amber.
    let ben = a.post(PostId(2)).unwrap();
    close(ben.capacity_points, 12.0);
    close(ben.weighted_load, 13.0);
    some_close(ben.utilisation, 13.0 / 12.0);
    assert_eq!(ben.band, Some(Band::Amber));
    close(ben.headroom_points, -1.0);

    // Cat, ASYE: a protected 16 points; 12 CIN = 75%.
    let cat = a.post(PostId(3)).unwrap();
    close(cat.capacity_points, 16.0);
    some_close(cat.utilisation, 0.75);
}

#[test]
fn absent_vacant_and_manager_posts_have_no_capacity_and_no_utilisation() {
    let a = assess(&worked_example());
    for id in [4, 5, 6, 8] {
        let p = a.post(PostId(id)).unwrap();
        close(p.capacity_points, 0.0);
        assert_eq!(p.utilisation, None, "post {id}");
        assert_eq!(p.band, None, "post {id}");
    }
}

#[test]
fn team_demand_capacity_and_both_caseloads() {
    let a = assess(&worked_example());
    let t = &a.team(TeamId(1)).unwrap().totals;
    assert_eq!(t.sums.cases_allocated, 34); // 14 + 8 + 12
    assert_eq!(t.sums.unallocated, 5);
    assert_eq!(t.sums.must_allocate_unallocated, 2); // the CP cases
    // Demand: 16 + 13 + 12 held, 3 x 1.0 + 2 x 1.5 unallocated = 47 points.
    close(t.sums.demand_points, 47.0);
    // Capacity: Ann 20 + Ben 12 + Cat 16 + Fay 16 = 64 (Dee absent, post 5 vacant, Eve a manager).
    close(t.sums.capacity_points, 64.0);
    some_close(t.utilisation, 47.0 / 64.0);
    assert_eq!(t.band, Some(Band::Green));
    // DfE caseload: 34 cases / (1 + 0.6 + 1) FTE holding cases = 13.08.
    some_close(t.caseload_per_case_holder_fte, 34.0 / 2.6);
    // Over all available case-holding-grade FTE, Fay included: 34 / 3.6 = 9.44.
    some_close(t.caseload_per_available_fte, 34.0 / 3.6);
}

#[test]
fn headroom_in_cases_uses_the_team_case_mix() {
    let a = assess(&worked_example());
    let t = &a.team(TeamId(1)).unwrap().totals;
    // Mean weight: 47 points over 39 cases. Headroom 64 - 47 = 17 points = 17 / (47/39) cases.
    close(t.mean_case_weight, 47.0 / 39.0);
    close(t.headroom_points, 17.0);
    close(t.headroom_cases, 17.0 * 39.0 / 47.0); // 14.1 cases
    close(t.capacity_cases, 64.0 * 39.0 / 47.0); // 53.1 cases
}

#[test]
fn staffing_mix_rates_follow_the_dfe_definitions() {
    let a = assess(&worked_example());
    let t = &a.team(TeamId(1)).unwrap().totals;
    // In post: permanent Ann, Cat, Dee, Eve = 4; agency Ben 0.6; fixed-term Fay 1; vacant 1.
    close(t.fte_in_post(ContractKind::Permanent), 4.0);
    close(t.fte_in_post(ContractKind::Agency), 0.6);
    close(t.fte_in_post(ContractKind::FixedTerm), 1.0);
    assert_eq!((t.sums.vacant_posts, t.sums.absent_posts), (1, 1));
    // Agency rate: 0.6 / (0.6 + 5) = 10.7%.
    some_close(t.mix.agency_rate, 0.6 / 5.6);
    // Vacancy rate: (1 vacant + 0.6 agency cover) / 6.6 = 24.2%.
    some_close(t.mix.vacancy_rate, 1.6 / 6.6);
    // ASYE share: 1 / (Ann 1 + Ben 0.6 + Cat 1 + Dee 1 + Fay 1) = 21.7%.
    some_close(t.mix.asye_share, 1.0 / 4.6);
    // Span: 5 case-holding-grade workers in post, 1 team manager.
    some_close(t.mix.case_holders_per_manager, 5.0);
}

#[test]
fn flags_name_each_breached_target_red_first() {
    let a = assess(&worked_example());
    let flags = &a.team(TeamId(1)).unwrap().totals.flags;
    assert_eq!(
        flags,
        &vec![
            Flag::MustAllocateUnallocated { cases: 2 },
            Flag::AsyeAboveTarget {
                share: 1.0 / 4.6,
                max: 0.2
            },
        ]
    );
    assert_eq!(
        flags[0].to_string(),
        "2 must-allocate cases are unallocated"
    );
    assert_eq!(
        flags[1].to_string(),
        "ASYE share 21.7% is above the 20.0% target"
    );
}

#[test]
fn a_team_with_no_case_holders_has_no_values_not_nan() {
    let a = assess(&worked_example());
    let t = &a.team(TeamId(2)).unwrap().totals;
    assert_eq!(t.caseload_per_case_holder_fte, None);
    assert_eq!(t.caseload_per_available_fte, None);
    assert_eq!(t.utilisation, None);
    assert_eq!(t.band, None);
    assert_eq!(t.mix.case_holders_per_manager, None);
    assert_eq!(t.mix.asye_share, None);
    some_close(t.mix.agency_rate, 0.0);
    close(t.capacity_cases, 0.0);
    assert!(t.flags.is_empty(), "{:?}", t.flags);
}

#[test]
fn service_totals_add_up_the_teams() {
    let a = assess(&worked_example());
    let s = &a.service;
    assert_eq!(s.sums.cases_allocated, 34);
    close(s.sums.capacity_points, 64.0);
    // Hal adds 1 permanent FTE: agency 0.6 / 6.6; vacancy 1.6 / 7.6.
    some_close(s.mix.agency_rate, 0.6 / 6.6);
    some_close(s.mix.vacancy_rate, 1.6 / 7.6);
    close(s.capacity_cases, 64.0 * 39.0 / 47.0);
}

#[test]
fn empty_teams_and_plans_give_no_values() {
    let a = assess(&plan(vec![], vec![]));
    assert!(a.teams.is_empty() && a.posts.is_empty());
    assert_eq!(a.service.utilisation, None);
    assert_eq!(a.service.caseload_per_case_holder_fte, None);
    assert_eq!(a.service.mix.vacancy_rate, None);
    close(a.service.mean_case_weight, 1.0);
}

#[test]
fn cases_held_by_absent_staff_are_demand_but_not_caseload() {
    let p = plan(
        vec![team(1, &[])],
        vec![
            with_cases(
                post(1, 1, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("A")),
                &[(CHILD_IN_NEED, 20)],
            ),
            absent(with_cases(
                post(2, 1, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("B")),
                &[(CHILD_IN_NEED, 10)],
            )),
            post(3, 1, TEAM_MANAGER, Contract::Permanent, 1.0, Some("C")),
        ],
    );
    let t = &assess(&p).teams[0].totals;
    close(t.sums.demand_points, 30.0);
    close(t.sums.capacity_points, 20.0);
    some_close(t.utilisation, 1.5);
    // Caseload counts only the worker who is here: 20 / 1.
    some_close(t.caseload_per_case_holder_fte, 20.0);
    assert!(
        t.flags
            .contains(&Flag::CasesHeldByAbsentStaff { cases: 10 })
    );
    assert!(t.flags.contains(&Flag::CaseloadAboveTarget {
        caseload: 20.0,
        target: 18.0
    }));
    assert_eq!(
        t.flags[0],
        Flag::Utilisation {
            band: Band::Red,
            utilisation: 1.5
        }
    );
}

#[test]
fn eighteen_social_workers_in_an_empty_team_add_360_cases_of_capacity() {
    let mut posts = vec![
        with_cases(
            post(1, 1, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("A")),
            &[(CHILD_PROTECTION, 10)],
        ),
        post(2, 2, SERVICE_MANAGER, Contract::Permanent, 1.0, Some("SM")),
    ];
    let fixed = Contract::FixedTerm {
        start: YearMonth::new(2026, 4).unwrap(),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    for i in 0..3 {
        posts.push(post(10 + i, 2, TEAM_MANAGER, fixed, 1.0, Some("TM")));
    }
    for i in 0..18 {
        posts.push(post(20 + i, 2, SOCIAL_WORKER, fixed, 1.0, Some("SW")));
    }
    let a = assess(&plan(vec![team(1, &[]), team(2, &[])], posts));
    // Team 1: 20 points at a mean weight of 1.5 = 13.33 cases; team 2: 360 points, no cases
    // yet, so standard cases: 360.
    close(a.teams[1].totals.capacity_cases, 360.0);
    close(a.service.capacity_cases, 20.0 / 1.5 + 360.0);
    some_close(a.teams[1].totals.mix.case_holders_per_manager, 6.0);
}

#[test]
fn no_team_manager_is_flagged_when_there_are_case_holders() {
    let p = plan(
        vec![team(1, &[])],
        vec![post(
            1,
            1,
            SOCIAL_WORKER,
            Contract::Permanent,
            1.0,
            Some("A"),
        )],
    );
    let t = &assess(&p).teams[0].totals;
    assert_eq!(t.flags, vec![Flag::NoTeamManager { case_holders: 1 }]);
    assert_eq!(
        t.flags[0].to_string(),
        "1 case-holder with no team manager in post"
    );
    assert_eq!(
        Flag::NoTeamManager { case_holders: 2 }.to_string(),
        "2 case-holders with no team manager in post"
    );
    assert_eq!(
        Flag::MustAllocateUnallocated { cases: 1_234 }.to_string(),
        "1,234 must-allocate cases are unallocated"
    );
}

#[test]
fn assessing_an_invalid_plan_skips_dangling_posts_without_panicking() {
    let mut p = worked_example();
    p.posts[0].team = TeamId(99);
    p.posts[1].grade = GradeId(99);
    p.posts[2].cases.insert(CaseTypeId(99), 5);
    let a = assess(&p);
    assert_eq!(a.posts.len(), 6);
    assert_eq!(a.post(PostId(3)).unwrap().cases_held, 17); // counted as held, weighed as unknown
    close(a.post(PostId(3)).unwrap().weighted_load, 12.0);
}

#[test]
fn unallocated_points_and_working_fte_are_split_for_the_charts() {
    let a = assess(&worked_example());
    let t = &a.team(TeamId(1)).unwrap().totals;
    // 3 CIN x 1.0 + 2 CP x 1.5: 6 points waiting, 3 of them must-allocate.
    close(t.sums.unallocated_points, 6.0);
    close(t.sums.must_allocate_points, 3.0);
    // Working (not absent): permanent Ann, Cat, Eve = 3 (Dee is away); agency Ben 0.6; Fay 1.
    close(t.sums.working_fte.get(ContractKind::Permanent), 3.0);
    close(t.sums.working_fte.get(ContractKind::Agency), 0.6);
    close(t.sums.working_fte.get(ContractKind::FixedTerm), 1.0);
}
