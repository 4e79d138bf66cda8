//! Tornado and goal seek worked by hand on one team of social workers holding 120 child-in-need
//! cases, open 6 months on average (the illustrative default): 20 new cases a month keep them
//! steady. With new cases n a month and m months open, open(t) = n m + (120 - n m)(1 - 1/m)^t.

use super::*;
use crate::model::defaults::{self, case_type::CHILD_IN_NEED, grade::SOCIAL_WORKER};
use crate::model::{
    Assumptions, CaseCounts, Contract, Post, PostId, PostStatus, Team, TeamFunction, TeamId,
    Timeline, YearMonth,
};

fn close(actual: f64, expected: f64, within: f64) {
    assert!(
        (actual - expected).abs() < within,
        "expected {expected}, got {actual}"
    );
}

/// `workers` full-time social workers sharing 120 child-in-need cases, nobody leaving.
fn team(workers: u32) -> Plan {
    let start: YearMonth = "2026-04".parse().unwrap();
    let posts = (1..=workers)
        .map(|id| Post {
            reductions: Vec::new(),
            id: PostId(id),
            team: TeamId(1),
            grade: SOCIAL_WORKER,
            contract: Contract::Permanent,
            fte: 1.0,
            worker: Some(format!("W{id}")),
            status: PostStatus::Active,
            cases: CaseCounts::from([(CHILD_IN_NEED, 120 / workers)]),
            starts: None,
            leaves: None,
            covers: Default::default(),
        })
        .collect();
    Plan {
        timeline: Timeline { start, months: 24 },
        teams: vec![Team {
            id: TeamId(1),
            name: "T".into(),
            function: TeamFunction::Other,
            unallocated: CaseCounts::new(),
        }],
        posts,
        assumptions: Assumptions::steady(),
        ..defaults::new_plan()
    }
}

fn open(new: f64, months_open: f64, t: i32) -> f64 {
    new * months_open + (120.0 - new * months_open) * (1.0 - 1.0 / months_open).powi(t)
}

#[test]
fn the_tornado_puts_the_widest_swing_first_and_skips_what_the_plan_lacks() {
    let plan = team(6);
    let tornado = tornado(&plan, 12, 0.2, &|_| true).unwrap();
    // As it is: 120 cases over 6 FTE = 20.
    close(tornado.base.caseload.unwrap(), 20.0, 1e-9);
    // New cases 16 or 24 a month: 98.69 or 141.31 open in month 12, over 6 FTE.
    let first = tornado.swings[0];
    assert_eq!(first.assumption, Assumption::NewCases);
    close(first.low.caseload.unwrap(), open(16.0, 6.0, 12) / 6.0, 1e-9);
    close(
        first.high.caseload.unwrap(),
        open(24.0, 6.0, 12) / 6.0,
        1e-9,
    );
    // Months open 4.8 or 7.2 with 20 new a month: a little narrower.
    let second = tornado.swings[1];
    assert_eq!(second.assumption, Assumption::MonthsOpen);
    close(
        second.low.caseload.unwrap(),
        open(20.0, 4.8, 12) / 6.0,
        1e-9,
    );
    close(
        second.high.caseload.unwrap(),
        open(20.0, 7.2, 12) / 6.0,
        1e-9,
    );
    assert!(first.caseload_range() > second.caseload_range());
    // Nobody leaves, so turnover and recruitment move nothing; day rates move spend only
    // (nobody is agency here either). No levers, no retention payment: not in the tornado.
    let listed: Vec<Assumption> = tornado.swings.iter().map(|s| s.assumption).collect();
    assert!(!listed.contains(&Assumption::LeverEffect));
    assert!(!listed.contains(&Assumption::RetentionEffect));
    assert_eq!(listed.len(), 6);
    for swing in &tornado.swings[2..] {
        assert_eq!(swing.caseload_range(), 0.0, "{:?}", swing.assumption);
    }
}

#[test]
fn turnover_moved_scales_every_rate_within_its_limits() {
    let mut plan = team(1);
    plan.assumptions.turnover.permanent = 0.9;
    plan.assumptions.turnover.agency = 0.3;
    let up = moved(&plan, Assumption::Turnover, 1.2).unwrap();
    assert_eq!(up.assumptions.turnover.permanent, 1.0);
    close(up.assumptions.turnover.agency, 0.36, 1e-12);
    let fill = moved(&plan, Assumption::MonthsToFill, 0.01).unwrap();
    assert_eq!(fill.assumptions.months_to_fill, 1.0);
}

#[test]
fn stopping_the_tornado_gives_nothing() {
    assert!(tornado(&team(6), 12, 0.2, &|done| done < 0.3).is_none());
}

#[test]
fn goal_seek_finds_the_extra_fte_for_the_target() {
    // 120 cases over 5 FTE is 24; 20 needs 6 FTE: one more.
    let mut plan = team(5);
    plan.settings.caseload_target = 20.0;
    match goal_seek(&plan, Goal::ExtraFte, 20.0, 0).unwrap() {
        Sought::Found(fte) => close(fte, 1.0, 1e-3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn goal_seek_finds_the_cut_in_new_cases_for_the_target() {
    // 6 FTE at 18 cases each by month 12 need 108 open: 120 - 120 x (1 - (5/6)^12) = 108,
    // x = 12 / (120 × 0.887843) = 0.11263.
    let plan = team(6);
    let x = 12.0 / (120.0 * (1.0 - (5.0f64 / 6.0).powi(12)));
    match goal_seek(&plan, Goal::FewerNewCases, 18.0, 12).unwrap() {
        Sought::Found(cut) => close(cut, x, 1e-3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn goal_seek_says_when_the_target_is_met_or_out_of_reach() {
    let plan = team(6);
    assert_eq!(
        goal_seek(&plan, Goal::ExtraFte, 25.0, 0),
        Some(Sought::AlreadyMet)
    );
    // Nobody leaves already: lower turnover cannot bring 20 down to 18.
    assert_eq!(
        goal_seek(&plan, Goal::LowerTurnover, 18.0, 12),
        Some(Sought::Unreachable)
    );
}
