//! Hand-worked projections. Each expected value is worked out in the comment beside it.

use super::*;
use crate::model::defaults::{
    self,
    case_type::CHILD_IN_NEED,
    grade::{ASYE, SOCIAL_WORKER},
};
use crate::model::{
    AbsenceReason, Assumptions, CaseCounts, DemandChange, GradeId, Post, PostId, Team,
    TeamFunction, TeamId, Timeline, assess,
};

fn ym(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

fn post(id: u32, grade: GradeId, contract: Contract, status: PostStatus, cases: u32) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(1),
        grade,
        contract,
        fte: 1.0,
        worker: Some(format!("W{id}")),
        status,
        cases: if cases > 0 {
            CaseCounts::from([(CHILD_IN_NEED, cases)])
        } else {
            CaseCounts::new()
        },
        starts: None,
        leaves: None,
        covers: Default::default(),
    }
}

fn plan_of(start: &str, months: u32, posts: Vec<Post>, assumptions: Assumptions) -> Plan {
    Plan {
        timeline: Timeline {
            start: ym(start),
            months,
        },
        teams: vec![Team {
            id: TeamId(1),
            name: "T".into(),
            function: TeamFunction::Other,
            unallocated: CaseCounts::new(),
        }],
        posts,
        assumptions,
        ..defaults::new_plan()
    }
}

/// One permanent worker (20 points, 10 CIN cases), one fixed-term April 2026 - March 2027
/// holding 15, one on maternity leave back in August 2026. No turnover.
fn dated_plan() -> Plan {
    let fixed = Contract::FixedTerm {
        start: ym("2026-04"),
        end: ym("2027-03"),
    };
    let away = PostStatus::Absent {
        reason: AbsenceReason::Maternity,
        returns: Some(ym("2026-08")),
    };
    plan_of(
        "2026-03",
        14,
        vec![
            post(
                1,
                SOCIAL_WORKER,
                Contract::Permanent,
                PostStatus::Active,
                10,
            ),
            post(2, SOCIAL_WORKER, fixed, PostStatus::Active, 15),
            post(3, SOCIAL_WORKER, Contract::Permanent, away, 0),
        ],
        Assumptions::steady(),
    )
}

fn series(p: &Projection, f: impl Fn(&ProjectedMonth) -> f64) -> Vec<f64> {
    p.months.iter().map(f).collect()
}

#[test]
fn without_turnover_capacity_follows_the_plans_dates_exactly() {
    let p = project(&dated_plan());
    // March: permanent only (20). April-July: + fixed-term (40). August-March 2027: + the
    // return from leave (60). April 2027: the contract has ended (40).
    let expected = [
        20.0, 40.0, 40.0, 40.0, 40.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 40.0,
    ];
    assert_eq!(series(&p, |m| m.capacity_points), expected);
    assert_eq!(p.months[13].month, ym("2027-04"));
    // 25 cases throughout, over 1, 2, 3 and again 2 available case-holding FTE.
    assert_eq!(series(&p, |m| m.demand_cases), [25.0; 14]);
    assert_eq!(p.months[0].caseload, Some(25.0));
    assert_eq!(p.months[1].caseload, Some(12.5));
    close(p.months[5].caseload.unwrap(), 25.0 / 3.0);
    assert_eq!(p.months[13].caseload, Some(12.5));
    // Only March has more work than capacity: 25 - 20 = 5 cases.
    assert_eq!(p.months[0].beyond_capacity, 5.0);
    assert!(p.months[1..].iter().all(|m| m.beyond_capacity == 0.0));
    assert_eq!(p.first_over_capacity, Some(ym("2026-03")));
    // Cost: 45,000 x 1.3 / 12 = 4,875 a month for each employed SW, absent or not.
    assert_eq!(p.months[0].cost, 2.0 * 4_875.0);
    assert_eq!(p.months[1].cost, 3.0 * 4_875.0);
    assert_eq!(p.months[13].cost, 2.0 * 4_875.0);
    assert_eq!(
        p.contract_ends,
        vec![ContractEnd {
            month: ym("2027-04"),
            posts: 1,
            fte: 1.0
        }]
    );
}

#[test]
fn without_turnover_the_first_month_matches_the_assessment() {
    let mut plan = crate::io::default_plan();
    plan.assumptions = Assumptions::steady();
    let today = assess(&plan).service;
    let first = &project(&plan).months[0];
    close(first.capacity_points, today.sums.capacity_points);
    close(first.capacity_cases, today.capacity_cases);
    close(first.demand_points, today.sums.demand_points);
    close(first.demand_cases, today.demand_cases() as f64);
    close(first.case_holding_fte, today.sums.case_holding_grade_fte);
}

#[test]
fn a_vacancy_is_filled_after_months_to_fill_on_average() {
    let mut vacant = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    vacant.worker = None;
    let assumptions = Assumptions {
        recruit: true,
        months_to_fill: 4.0,
        ..Assumptions::steady()
    };
    let p = project(&plan_of("2026-04", 4, vec![vacant], assumptions));
    // Filled by month t with chance 1 - 0.75^t: 0, 0.25, 0.4375, 0.578125 of 20 points.
    let capacity = series(&p, |m| m.capacity_points);
    for (got, want) in capacity.iter().zip([0.0, 5.0, 8.75, 11.5625]) {
        close(*got, want);
    }
    close(p.months[2].vacant_fte, 0.5625);
}

#[test]
fn leavers_are_covered_by_agency_or_leave_a_vacancy() {
    // A monthly leaving chance of exactly 10%: annual turnover 1 - 0.9^12.
    let mut assumptions = Assumptions::steady();
    assumptions.turnover.permanent = 1.0 - 0.9f64.powi(12);
    assumptions.agency_cover = 0.5;
    assumptions.recruit = true;
    assumptions.months_to_fill = 2.0;
    let worker = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    let p = project(&plan_of("2026-04", 3, vec![worker], assumptions));
    // Month 1: 0.9 still in post; of the 0.1 who left, half covered by agency, half vacant.
    // Capacity (0.9 + 0.05) x 20 = 19. Cost 0.9 x 4,875 + 0.05 x 360 x 220 / 12 = 4,717.5.
    close(p.months[1].capacity_points, 19.0);
    close(p.months[1].cost, 0.9 * 4_875.0 + 0.05 * 6_600.0);
    close(p.months[1].agency_fte, 0.05);
    // Month 2: 0.09 more leave, half of the 0.1 vacant or covered is filled:
    // in post 0.9 + 0.05 - 0.09 = 0.86; covered 0.05 + 0.045 - 0.025 = 0.07. (0.86 + 0.07) x 20.
    close(p.months[2].capacity_points, 18.6);
    close(p.months[2].vacant_fte, 0.07);
}

#[test]
fn a_known_leaver_leaves_a_vacancy_that_is_then_filled() {
    let mut leaver = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    leaver.leaves = Some(ym("2026-05"));
    let assumptions = Assumptions {
        agency_cover: 0.0,
        recruit: true,
        months_to_fill: 1.0,
        ..Assumptions::steady()
    };
    let p = project(&plan_of("2026-04", 4, vec![leaver], assumptions));
    // Works April and May, vacant in June, filled (the next month, at 1 month to fill) in July.
    assert_eq!(series(&p, |m| m.capacity_points), [20.0, 20.0, 0.0, 20.0]);
}

#[test]
fn an_asye_worker_reaches_full_capacity_after_twelve_months_in_post() {
    let mut newly_qualified = post(1, ASYE, Contract::Permanent, PostStatus::Active, 0);
    newly_qualified.starts = Some(ym("2025-10"));
    let p = project(&plan_of(
        "2026-04",
        8,
        vec![newly_qualified],
        Assumptions::steady(),
    ));
    // ASYE carries 16 points until September 2026, then a social worker's 20 from October.
    assert_eq!(
        series(&p, |m| m.capacity_points),
        [16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 20.0, 20.0]
    );
}

#[test]
fn a_planned_recruit_adds_capacity_from_their_start_month() {
    let mut recruit = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    recruit.starts = Some(ym("2026-07"));
    let p = project(&plan_of("2026-04", 5, vec![recruit], Assumptions::steady()));
    assert_eq!(
        series(&p, |m| m.capacity_points),
        [0.0, 0.0, 0.0, 20.0, 20.0]
    );
    assert_eq!(series(&p, |m| m.cost), [0.0, 0.0, 0.0, 4_875.0, 4_875.0]);
}

#[test]
fn demand_follows_the_teams_target_change() {
    let mut plan = plan_of(
        "2026-04",
        14,
        vec![post(
            1,
            SOCIAL_WORKER,
            Contract::Permanent,
            PostStatus::Active,
            24,
        )],
        Assumptions::steady(),
    );
    plan.assumptions.demand.insert(
        TeamId(1),
        DemandChange::Target {
            cases: -12.0,
            months: 12,
        },
    );
    let p = project(&plan);
    // 24 cases falling by 1 a month to 12 in month 12, then staying.
    close(p.months[6].demand_cases, 18.0);
    close(p.months[12].demand_cases, 12.0);
    close(p.months[13].demand_cases, 12.0);
    close(p.months[6].caseload.unwrap(), 18.0);
}

#[test]
fn monte_carlo_is_repeatable_and_brackets_the_expected_path() {
    let plan = crate::model::synthetic::plan(200, 3_000);
    let a = monte_carlo(&plan, 300, 7);
    assert_eq!(a, monte_carlo(&plan, 300, 7), "same seed, same bands");
    assert_ne!(a, monte_carlo(&plan, 300, 8));
    assert_eq!(a.runs, 300);
    let expected = project(&plan);
    assert_eq!(a.capacity_cases.len(), expected.months.len());
    for (band, month) in a.capacity_cases.iter().zip(&expected.months).skip(6) {
        assert!(band.p10 <= band.p50 && band.p50 <= band.p90);
        assert!(
            band.p10 <= month.capacity_cases && month.capacity_cases <= band.p90,
            "{}: expected {} outside {band:?}",
            month.month,
            month.capacity_cases
        );
        assert!(band.p90 > band.p10, "turnover spreads the runs");
    }
}

#[test]
fn without_turnover_or_vacancies_every_run_is_the_expected_path() {
    let plan = dated_plan();
    let bands = monte_carlo(&plan, 50, 1);
    let expected = project(&plan);
    for (band, month) in bands.capacity_cases.iter().zip(&expected.months) {
        assert_eq!(band.p10, month.capacity_cases);
        assert_eq!(band.p90, month.capacity_cases);
    }
    for (band, month) in bands.cost.iter().zip(&expected.months) {
        assert_eq!(band.p50, month.cost);
    }
}

#[test]
fn percentiles_use_the_nearest_rank() {
    let mut values: Vec<f64> = (1..=10).rev().map(f64::from).collect();
    let band = percentiles(&mut values);
    assert_eq!((band.p10, band.p50, band.p90), (1.0, 5.0, 9.0));
}

#[test]
fn without_turnover_each_band_is_its_own_figure_on_the_expected_path() {
    // Every run is the expected path, so each band must be the figure of its own name.
    let plan = dated_plan();
    let bands = monte_carlo(&plan, 20, 1);
    let expected = project(&plan);
    type Figure = fn(&ProjectedMonth) -> f64;
    let figures: [(&[Band3], Figure); 5] = [
        (&bands.capacity_cases, |m| m.capacity_cases),
        (&bands.case_holding_fte, |m| m.case_holding_fte),
        (&bands.caseload, |m| m.caseload.unwrap()),
        (&bands.beyond_capacity, |m| m.beyond_capacity),
        (&bands.cost, |m| m.cost),
    ];
    for (band, figure) in figures {
        assert_eq!(band.len(), expected.months.len());
        for (b, month) in band.iter().zip(&expected.months) {
            let v = figure(month);
            assert_eq!((b.p10, b.p50, b.p90), (v, v, v), "{}", month.month);
        }
    }
}

#[test]
fn the_bands_do_not_depend_on_the_threads_and_the_runs_can_be_stopped() {
    let plan = crate::model::synthetic::plan(100, 1_500);
    let all = monte_carlo(&plan, 40, 3);
    for threads in [1, 3, 64] {
        let bands = monte_carlo_with(&plan, 40, 3, threads, &|_| true);
        assert_eq!(bands.as_ref(), Some(&all), "{threads} threads");
    }
    // Told after each run how many are done; asked to stop after 10, there are no bands.
    let seen = std::sync::Mutex::new(Vec::new());
    let stopped = monte_carlo_with(&plan, 40, 3, 2, &|done| {
        seen.lock().unwrap().push(done);
        done < 10
    });
    assert_eq!(stopped, None);
    let mut seen = seen.into_inner().unwrap();
    seen.sort_unstable();
    // Each count once; the other thread finishes at most the run it had begun.
    assert_eq!(seen, (1..=seen.len() as u32).collect::<Vec<_>>());
    assert!((10..=11).contains(&seen.len()), "{} runs done", seen.len());
}

mod flows;
mod turnover;
mod workforce;
