//! The projection following the demand flows (`demand.rs`) and reductions of capacity, worked
//! by hand.

use super::*;
use crate::model::defaults::case_type::CHILD_PROTECTION;
use crate::model::demand_flows::{DemandFlows, DemandLever, FlowChange, MonthsOpen};

/// One social worker holding 120 child-in-need cases, nobody leaving: demand is all that moves.
fn one_team(flows: DemandFlows) -> Plan {
    let assumptions = Assumptions {
        flows,
        ..Assumptions::steady()
    };
    let worker = post(
        1,
        SOCIAL_WORKER,
        Contract::Permanent,
        PostStatus::Active,
        120,
    );
    plan_of("2026-04", 24, vec![worker], assumptions)
}

fn cut_new_child_in_need(by: f64) -> DemandLever {
    DemandLever {
        change: FlowChange::NewCases {
            case_type: CHILD_IN_NEED,
            by,
        },
        team: None,
        from: ym("2026-05"),
        ramp_months: 0,
    }
}

#[test]
fn a_plan_without_flows_and_one_whose_flows_stand_still_project_alike() {
    let still = one_team(DemandFlows {
        months_open: vec![MonthsOpen {
            case_type: CHILD_IN_NEED,
            months: 12.0,
        }],
        ..DemandFlows::default()
    });
    let without = one_team(DemandFlows::default());
    assert_eq!(project(&still), project(&without));
}

#[test]
fn fewer_new_cases_lower_the_demand_the_projection_carries() {
    let plan = one_team(DemandFlows {
        months_open: vec![MonthsOpen {
            case_type: CHILD_IN_NEED,
            months: 12.0,
        }],
        new_cases: vec![],
        levers: vec![cut_new_child_in_need(-0.2)],
    });
    let projection = project(&plan);
    // 120 open, 10 new a month steady; 8 a month from May 2026: 96 + 24 × (11/12)^t.
    close(projection.months[0].demand_cases, 120.0);
    close(projection.months[1].demand_cases, 118.0);
    let month_12 = 96.0 + 24.0 * (11.0f64 / 12.0).powi(12);
    close(projection.months[12].demand_cases, month_12);
    // Child-in-need cases weigh 1 point: points follow cases; one worker of 20 points.
    close(projection.months[12].demand_points, month_12);
    close(projection.months[12].caseload.unwrap(), month_12);
    close(projection.months[12].beyond_capacity, month_12 - 20.0);
}

#[test]
fn a_changed_case_mix_changes_the_points_a_case_counts_for() {
    // Half of new child-in-need cases (weight 1) come in as child protection (weight 1.5)
    // from May 2026: month 1 has 120 × 11/12 + 5 = 115 in need and 0 × … + 5 = 5 under
    // protection (9 months open by its name): 120 cases, 115 + 7.5 = 122.5 points.
    let plan = one_team(DemandFlows {
        months_open: vec![MonthsOpen {
            case_type: CHILD_IN_NEED,
            months: 12.0,
        }],
        new_cases: vec![],
        levers: vec![DemandLever {
            change: FlowChange::Divert {
                from: CHILD_IN_NEED,
                to: CHILD_PROTECTION,
                share: 0.5,
            },
            team: None,
            from: ym("2026-05"),
            ramp_months: 0,
        }],
    });
    let month = &project(&plan).months[1];
    close(month.demand_cases, 120.0);
    close(month.demand_points, 122.5);
    // Capacity in cases at this month's mix: 20 points ÷ (122.5 / 120) = 19.592.
    close(month.capacity_cases, 20.0 / (122.5 / 120.0));
}

#[test]
fn a_reduction_keeps_back_capacity_in_its_months_only() {
    use crate::model::reductions::{Reduction, ReductionAmount, ReductionReason};
    // One social worker (20 points) with 7.4 of 37 hours (20%) kept back from June to August
    // 2026 (months 2 to 4): 16 points then, 20 before and after.
    let mut plan = one_team(DemandFlows::default());
    plan.posts[0].reductions = vec![Reduction {
        reason: ReductionReason::PhasedReturn,
        amount: ReductionAmount::HoursAWeek(7.4),
        from: ym("2026-06"),
        until: Some(ym("2026-08")),
    }];
    let projection = project(&plan);
    let points: Vec<f64> = projection.months[..6]
        .iter()
        .map(|m| m.capacity_points)
        .collect();
    for (got, want) in points.iter().zip([20.0, 20.0, 16.0, 16.0, 16.0, 20.0]) {
        close(*got, want);
    }
    close(projection.months[3].reduced_points, 4.0);
    close(projection.months[5].reduced_points, 0.0);
    // The assessment is of April: nothing kept back yet.
    let assessment = assess(&plan);
    close(assessment.service.sums.reduced_points, 0.0);
    // From April instead, the assessment keeps back 4 of the 20 points too.
    plan.posts[0].reductions[0].from = ym("2026-04");
    let assessment = assess(&plan);
    close(assessment.service.sums.capacity_points, 16.0);
    close(assessment.service.sums.reduced_points, 4.0);
    close(assessment.posts[0].nominal_points, 20.0);
}

#[test]
fn the_bands_draw_new_cases_at_random_around_the_expected_flow() {
    // One worker (nobody leaves) with 120 child-in-need cases open 12 months; 20% fewer new
    // cases from May 2026: 8 a month expected. The staffing is certain, so the caseload band
    // is the spread of the arrivals alone: none at the start (today's cases), then around the
    // expected path: 104.45 cases in month 12, with a Poisson count of arrivals each month
    // (variance 8 a month, kept at (11/12)^2 a month after: 8 × (1 - (121/144)^12) /
    // (1 - 121/144) = 8 × 5.49 = 43.9 by month 12, a standard deviation of 6.6 cases).
    let plan = one_team(DemandFlows {
        months_open: vec![MonthsOpen {
            case_type: CHILD_IN_NEED,
            months: 12.0,
        }],
        new_cases: vec![],
        levers: vec![cut_new_child_in_need(-0.2)],
    });
    let expected = project(&plan);
    let bands = monte_carlo(&plan, 400, 5);
    let start = bands.caseload[0];
    close(start.p10, 120.0);
    close(start.p90, 120.0);
    let at_12 = bands.caseload[12];
    let mean = expected.months[12].caseload.unwrap();
    close(mean, 96.0 + 24.0 * (11.0f64 / 12.0).powi(12));
    assert!(
        at_12.p10 < mean - 4.0 && at_12.p90 > mean + 4.0,
        "{at_12:?}"
    );
    assert!((at_12.p50 - mean).abs() < 2.0, "{at_12:?} around {mean}");
    // A 10th to 90th percentile range of about 2 × 1.28 × 6.6 = 17 cases.
    assert!((12.0..22.0).contains(&(at_12.p90 - at_12.p10)), "{at_12:?}");
}

#[test]
fn random_arrivals_leave_the_staffing_draws_as_they_were() {
    // Turnover and recruitment at random: the practitioner FTE bands are the same with and
    // without a lever on demand, run for run.
    let mut with = one_team(DemandFlows {
        months_open: vec![],
        new_cases: vec![],
        levers: vec![cut_new_child_in_need(-0.2)],
    });
    with.assumptions.turnover.permanent = 0.3;
    with.assumptions.recruit = true;
    let mut without = with.clone();
    without.assumptions.flows = DemandFlows::default();
    let (a, b) = (monte_carlo(&with, 200, 9), monte_carlo(&without, 200, 9));
    assert_eq!(a.case_holding_fte, b.case_holding_fte);
    assert_ne!(a.caseload, b.caseload);
}
