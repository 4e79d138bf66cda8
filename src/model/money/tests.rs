//! The money case worked by hand. Illustrative rates: a social worker's salary £45,000 with
//! 30% on-costs is £4,875 a month; an agency social worker at £360 a day for 220 days, £6,600.

use super::*;
use crate::model::defaults::{self, grade::SOCIAL_WORKER};
use crate::model::projection::project;
use crate::model::{
    Assumptions, CaseCounts, Contract, Plan, Post, PostId, PostStatus, Team, TeamFunction, TeamId,
    Timeline,
};

fn ym(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-6,
        "expected {expected}, got {actual}"
    );
}

fn worker(id: u32, contract: Contract) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(1),
        grade: SOCIAL_WORKER,
        contract,
        fte: 1.0,
        worker: Some(format!("W{id}")),
        status: PostStatus::Active,
        cases: CaseCounts::new(),
        starts: None,
        leaves: None,
        covers: Default::default(),
    }
}

fn plan(months: u32, posts: Vec<Post>, assumptions: Assumptions) -> Plan {
    Plan {
        timeline: Timeline {
            start: ym("2026-04"),
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

#[test]
fn an_investment_is_spread_evenly_over_its_months() {
    // £1.8 million over 24 months from May 2026: £75,000 in months 1 to 24 of a plan from April.
    let investment = Investment {
        name: "Edge of care".into(),
        amount: 1_800_000.0,
        from: ym("2026-05"),
        months: 24,
    };
    let start = ym("2026-04");
    assert_eq!(investment.spend_at(start, 0), 0.0);
    assert_eq!(investment.spend_at(start, 1), 75_000.0);
    assert_eq!(investment.spend_at(start, 24), 75_000.0);
    assert_eq!(investment.spend_at(start, 25), 0.0);
}

#[test]
fn an_investment_replacing_agency_staff_pays_back_in_its_eighth_month() {
    // Baseline: an agency social worker, £6,600 a month. Option: a permanent one, £4,875 a
    // month, after a one-off £13,200 in April 2026. Cumulated to month t: baseline 6,600 (t+1),
    // option 13,200 + 4,875 (t+1): at or below once 1,725 (t+1) ≥ 13,200, t + 1 ≥ 7.65: month 7
    // (November 2026), where the option has spent 52,200 against 52,800.
    let steady = Assumptions::steady();
    let baseline = project(&plan(24, vec![worker(1, Contract::Agency)], steady.clone()));
    let option = project(&plan(
        24,
        vec![worker(1, Contract::Permanent)],
        Assumptions {
            investments: vec![Investment {
                name: "Recruitment campaign".into(),
                amount: 13_200.0,
                from: ym("2026-04"),
                months: 1,
            }],
            ..steady
        },
    ));
    close(option.months[0].investment_spend, 13_200.0);
    close(option.months[7].cumulative_spend, 52_200.0);
    close(baseline.months[7].cumulative_spend, 52_800.0);
    assert_eq!(
        break_even(&option, &baseline),
        BreakEven::In {
            month: ym("2026-11"),
            offset: 7
        }
    );
    // Total over 24 months: 13,200 + 24 × 4,875 = 130,200.
    close(total_spend(&option).unwrap(), 130_200.0);
    // Against itself, nothing is ever above; the baseline against the option stays above.
    assert_eq!(break_even(&baseline, &baseline), BreakEven::NeverAbove);
    let short = project(&plan(
        6,
        vec![worker(1, Contract::Permanent)],
        option_assumptions(),
    ));
    let short_base = project(&plan(
        6,
        vec![worker(1, Contract::Agency)],
        Assumptions::steady(),
    ));
    assert_eq!(break_even(&short, &short_base), BreakEven::NotWithin);
}

fn option_assumptions() -> Assumptions {
    Assumptions {
        investments: vec![Investment {
            name: "Recruitment campaign".into(),
            amount: 13_200.0,
            from: ym("2026-04"),
            months: 1,
        }],
        ..Assumptions::steady()
    }
}

#[test]
fn cumulative_spend_is_discounted_at_the_plans_rate() {
    // £4,875 a month at 3.5% a year: month t counts 1.035^(-t/12).
    let mut p = plan(
        13,
        vec![worker(1, Contract::Permanent)],
        Assumptions::steady(),
    );
    p.costs.discount_rate = 0.035;
    let projection = project(&p);
    let expected: f64 = (0..13)
        .map(|t| 4_875.0 / 1.035f64.powf(f64::from(t) / 12.0))
        .sum();
    close(projection.months[12].cumulative_spend, expected);
    // Month 12 alone counts 4,875 / 1.035 = 4,710.14.
    close(discount_factor(0.035, 12) * 4_875.0, 4_875.0 / 1.035);
}

#[test]
fn an_agency_pay_cap_lowers_the_rate_and_the_cover_found() {
    // A permanent worker leaves after April 2026; three quarters of vacancies are covered by
    // agency staff, and under a cap of £300 a day only half of those: 0.375 FTE of cover in
    // May at 300 × 220 / 12 = £5,500 a month: £2,062.50.
    let mut leaver = worker(1, Contract::Permanent);
    leaver.leaves = Some(ym("2026-04"));
    let assumptions = Assumptions {
        agency_cover: 0.75,
        agency_cap: Some(AgencyCap {
            max_day_rate: 300.0,
            still_covered: 0.5,
        }),
        ..Assumptions::steady()
    };
    let projection = project(&plan(3, vec![leaver], assumptions));
    close(projection.months[1].agency_fte, 0.375);
    close(projection.months[1].cost, 2_062.5);
    close(projection.months[1].agency_cost, 2_062.5);
    // A rate below the cap is not raised to it.
    let cap = AgencyCap {
        max_day_rate: 300.0,
        still_covered: 1.0,
    };
    assert_eq!(capped_day_rate(250.0, Some(&cap)), 250.0);
    assert_eq!(capped_day_rate(360.0, None), 360.0);
}

#[test]
fn a_retention_measure_avoids_leavers_at_a_price() {
    // Ten permanent workers at 12% a year; a payment of £1,200 a year each lowers it to 10%.
    // Over 12 months 1.2 FTE leave without it and 1.0 with it: 0.2 avoided. Payments: £100 a
    // month per FTE in post, 10 × 0.9^(t/12) in month t: 1,000 × (1 - 0.9) / (1 - 0.9^(1/12)).
    let mut assumptions = Assumptions::steady();
    assumptions.turnover.permanent = 0.12;
    assumptions.agency_cover = 0.0;
    let posts: Vec<Post> = (1..=10).map(|id| worker(id, Contract::Permanent)).collect();
    let without = project(&plan(12, posts.clone(), assumptions.clone()));
    let with = project(&plan(
        12,
        posts,
        Assumptions {
            retention_measure: Some(RetentionMeasure {
                a_year_per_worker: 1_200.0,
                turnover_cut: 0.02,
            }),
            ..assumptions
        },
    ));
    close(with.months[0].measure_spend, 1_000.0);
    let effect = measure_effect(&with, &without, 5_000.0);
    close(effect.leavers_avoided, 0.2);
    let payments = 1_000.0 * 0.1 / (1.0 - 0.9f64.powf(1.0 / 12.0));
    close(effect.payments, payments);
    close(effect.cost_per_leaver_avoided.unwrap(), payments / 0.2);
    // Nobody is recruited or covered here, so nothing else is avoided.
    close(effect.agency_spend_avoided, 0.0);
    close(effect.recruitment_spend_avoided, 0.0);
}

#[test]
fn filled_vacancies_count_as_starters_and_their_recruitment_as_spend_avoided() {
    // Two workers leave after April 2026 in the baseline, one in the option; vacancies are
    // filled the month after (a month to fill): 2 starters in May against 1, at £4,000 each.
    let leaving = |id| {
        let mut w = worker(id, Contract::Permanent);
        w.leaves = Some(ym("2026-04"));
        w
    };
    let assumptions = Assumptions {
        recruit: true,
        months_to_fill: 1.0,
        agency_cover: 0.0,
        ..Assumptions::steady()
    };
    let baseline = project(&plan(4, vec![leaving(1), leaving(2)], assumptions.clone()));
    let option = project(&plan(
        4,
        vec![leaving(1), worker(2, Contract::Permanent)],
        assumptions,
    ));
    close(baseline.months[1].starters_fte, 0.0);
    close(baseline.months[2].starters_fte, 2.0);
    let effect = measure_effect(&option, &baseline, 4_000.0);
    close(effect.recruitment_spend_avoided, 4_000.0);
    close(effect.leavers_avoided, 1.0);
}

#[test]
fn money_settings_out_of_range_are_named() {
    let investment = Investment {
        name: "x".repeat(201),
        amount: 1e11,
        from: ym("2026-04"),
        months: 0,
    };
    let cap = AgencyCap {
        max_day_rate: -5.0,
        still_covered: 1.5,
    };
    let measure = RetentionMeasure {
        a_year_per_worker: 100.0,
        turnover_cut: 2.0,
    };
    let problems = money_problems(&[investment], Some(&cap), Some(&measure));
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert!(problems[0].starts_with("investment 1 must be at most"));
    assert!(problems[1].contains("1 to 600 months, not 0"));
    assert!(problems[5].contains("0 to 100 points, not 2"));
}

#[test]
fn open_cases_cost_their_type_s_cost_a_year_as_they_move() {
    use crate::model::defaults::case_type::CHILD_IN_NEED;
    use crate::model::demand_flows::{DemandFlows, DemandLever, FlowChange};
    // 120 child-in-need cases at £12,000 a year each: £120,000 a month.
    let mut holder = worker(1, Contract::Permanent);
    holder.cases = CaseCounts::from([(CHILD_IN_NEED, 120)]);
    let mut p = plan(13, vec![holder], Assumptions::steady());
    p.costs.case_costs.insert(CHILD_IN_NEED, 12_000.0);
    let flat = project(&p);
    close(flat.months[0].case_cost, 120_000.0);
    close(flat.months[12].case_cost, 120_000.0);
    // New cases 20% fewer from May (open 6 months by default, 20 new a month): 96 + 24 × (5/6)^t
    // open in month t, each £1,000 a month.
    p.assumptions.flows = DemandFlows {
        levers: vec![DemandLever {
            change: FlowChange::NewCases {
                case_type: CHILD_IN_NEED,
                by: -0.2,
            },
            team: None,
            from: ym("2026-05"),
            ramp_months: 0,
        }],
        ..DemandFlows::default()
    };
    let cut = project(&p);
    let open = 96.0 + 24.0 * (5.0f64 / 6.0).powi(12);
    close(cut.months[12].case_cost, open * 1_000.0);
    // Spend is staff cost and case costs: £4,875 + £1,000 × open.
    close(spend(&cut.months[12]), 4_875.0 + open * 1_000.0);
}
