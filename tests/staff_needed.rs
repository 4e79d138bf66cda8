//! Staff needed in the built-in example (the stretched locality service), worked out by hand
//! from its contents. Grades: ASYE 16, social worker 20, senior practitioner 16 points at 1.0
//! FTE; a social worker costs 45,000 x 1.3 = 58,500 a year employed, 360 x 220 = 79,200 agency.
//! Caseload target 18; amber from 100%.

use caseload_planner::io::default_scenarios;
use caseload_planner::model::defaults::grade::SOCIAL_WORKER;
use caseload_planner::model::{TeamId, assess};

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value");
    assert!(
        (actual - expected).abs() < 1e-6,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn the_example_service_needs_about_ten_more_practitioners_for_the_caseload_target() {
    let set = default_scenarios();
    let plan = set.baseline();
    let service = assess(plan).service;
    let n = service.needed;
    // Available at case-holding grades: social workers 16.6, senior practitioners 3.8, ASYE 3.0
    // = 23.4 FTE (three absent social workers and five vacancies not counted).
    close(Some(n.available_fte), 23.4);
    // In post at case-holding grades: social workers 16.6 + 3 absent = 19.6, the most.
    assert_eq!(n.rate_grade, Some(SOCIAL_WORKER));

    // 573 cases held + 35 waiting = 608; 608 / 18 = 33.78 FTE needed.
    assert_eq!(service.demand_cases(), 608);
    let target = n.for_caseload_target;
    close(target.fte, 608.0 / 18.0);
    // Gap 608/18 - 23.4 = (608 - 421.2) / 18 = 186.8 / 18 = 10.38 FTE.
    close(target.gap, 186.8 / 18.0);
    // Available / needed 23.4 / (608/18) = 421.2 / 608 = 69%.
    close(target.available_per_needed, 421.2 / 608.0);
    // 186.8/18 x 58,500 = 186.8 x 3,250 = 607,100; 186.8/18 x 79,200 = 186.8 x 4,400 = 821,920.
    close(target.employed_cost, 607_100.0);
    close(target.agency_cost, 821_920.0);
}

#[test]
fn the_example_service_needs_about_twelve_more_practitioners_to_be_within_capacity() {
    let set = default_scenarios();
    let plan = set.baseline();
    let service = assess(plan).service;
    let n = service.needed;
    // Capacity 16.6 x 20 + 3.8 x 16 + 3.0 x 16 = 332 + 60.8 + 48 = 440.8 points over 23.4 FTE.
    close(Some(service.sums.capacity_points), 440.8);
    close(n.points_per_fte, 440.8 / 23.4);
    // Demand: held 77.5 + 179 + 179 + 146.8 + 51 = 633.3 points, waiting 11.1 + 9 + 9 + 3 =
    // 32.1: 665.4. Needed 665.4 / (440.8 / 23.4) = 23.4 x 665.4 / 440.8 = 35.32 FTE.
    close(Some(service.sums.demand_points), 665.4);
    let full = n.for_full_utilisation;
    close(full.fte, 23.4 * 665.4 / 440.8);
    // Gap 23.4 x (665.4 - 440.8) / 440.8 = 23.4 x 224.6 / 440.8 = 11.92 FTE.
    let gap = 23.4 * 224.6 / 440.8;
    close(full.gap, gap);
    // Available / needed: 440.8 / 665.4 = 66%, the inverse of the utilisation.
    close(full.available_per_needed, 440.8 / 665.4);
    // 11.92 x 58,500 = 697,493; 11.92 x 79,200 = 944,298.
    close(full.employed_cost, gap * 58_500.0);
    close(full.agency_cost, gap * 79_200.0);
    // The example's amber threshold is 100%: the same as full utilisation.
    assert_eq!(n.for_amber_threshold, full);
}

#[test]
fn care_leavers_are_above_the_caseload_target_but_within_capacity() {
    let set = default_scenarios();
    let plan = set.baseline();
    let a = assess(plan);
    let n = a.team(TeamId(5)).unwrap().totals.needed;
    // 3 social workers, 85 cases held + 5 waiting = 90; 90 / 18 = 5 FTE: 2 short.
    close(n.for_caseload_target.fte, 5.0);
    close(n.for_caseload_target.gap, 2.0);
    close(n.for_caseload_target.available_per_needed, 0.6);
    // 2 x 58,500 = 117,000; 2 x 79,200 = 158,400.
    close(n.for_caseload_target.employed_cost, 117_000.0);
    close(n.for_caseload_target.agency_cost, 158_400.0);
    // 54 points of 60 capacity (20 a FTE): 54 / 20 = 2.7 FTE, 0.3 to spare, nothing to pay.
    close(n.for_full_utilisation.fte, 2.7);
    close(n.for_full_utilisation.gap, -0.3);
    close(n.for_full_utilisation.employed_cost, 0.0);
}

#[test]
fn locality_north_needs_more_for_capacity_than_for_the_caseload_target() {
    let set = default_scenarios();
    let plan = set.baseline();
    let a = assess(plan);
    let n = a.team(TeamId(2)).unwrap().totals.needed;
    // 143 held + 9 waiting = 152 cases / 18 = 8.44 FTE; available 5.8: gap 47.6 / 18 = 2.64.
    close(n.for_caseload_target.fte, 152.0 / 18.0);
    close(n.for_caseload_target.gap, 47.6 / 18.0);
    // 188 points at 108.8 / 5.8 a FTE: 5.8 x 188 / 108.8 = 10.02 FTE; gap 5.8 x 79.2 / 108.8.
    close(n.for_full_utilisation.fte, 5.8 * 188.0 / 108.8);
    close(n.for_full_utilisation.gap, 5.8 * 79.2 / 108.8);
}
