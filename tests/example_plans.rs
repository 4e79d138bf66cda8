//! The example plans in `saved-plans/` load, and give the figures worked out by hand from their
//! contents (the arithmetic is in the comments).

use caseload_planner::io::{default_plan, load_file};
use caseload_planner::model::{Band, Contract, ContractKind, Plan, TeamId, YearMonth, assess};
use std::path::Path;

fn load(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saved-plans")
        .join(name);
    load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn stretched_locality_service_has_a_caseload_near_25_and_agency_cover() {
    let plan = load("stretched-locality.ron");
    assert!(
        plan.notes
            .starts_with("Illustrative plan, not any real council's data")
    );
    assert_eq!((plan.teams.len(), plan.posts.len()), (6, 38));
    let s = assess(&plan).service;
    // Cases held by available case-holders: front door 25+26+22+16 = 89; North 26+26+24+25+24+18
    // = 143; South 26+15+26+26+24+24 = 141; in care 25+24+25+24+17 = 115; leavers 28+30+27 = 85.
    // 573 cases over 4 + 5.8 + 5.6 + 5 + 3 = 23.4 FTE = 24.5.
    assert_eq!(s.sums.case_holder_cases, 573);
    close(s.sums.case_holder_fte, 23.4);
    close(s.caseload_per_case_holder_fte.unwrap(), 573.0 / 23.4);
    // Six agency workers; employed in post 26.4 FTE (absent included); five vacant posts.
    close(s.fte_in_post(ContractKind::Agency), 6.0);
    close(s.mix.agency_rate.unwrap(), 6.0 / 32.4);
    close(s.mix.vacancy_rate.unwrap(), 11.0 / 37.4);
    assert_eq!((s.sums.vacant_posts, s.sums.absent_posts), (5, 3));
    // Unallocated: 13 + 9 + 8 + 0 + 5; child protection 1 at the front door, 2 in the South.
    assert_eq!(
        (s.sums.unallocated, s.sums.must_allocate_unallocated),
        (35, 3)
    );
}

#[test]
fn stretched_locality_teams_are_over_capacity_except_care_leavers() {
    let plan = load("stretched-locality.ron");
    let a = assess(&plan);
    // North: 33 + 34.5 + 28.5 + 32 + 33 + 18 held + 9 unallocated = 188 points;
    // capacity 4 x 20 + 16 x 0.8 + 16 = 108.8.
    let north = &a.team(TeamId(2)).unwrap().totals;
    close(north.sums.demand_points, 188.0);
    close(north.sums.capacity_points, 108.8);
    close(north.utilisation.unwrap(), 188.0 / 108.8);
    assert_eq!(north.band, Some(Band::Red));
    // Care leavers: 85 held + 5 unallocated at 0.6 = 54 points of 60: 90%, 100 cases capacity.
    let leavers = &a.team(TeamId(5)).unwrap().totals;
    close(leavers.utilisation.unwrap(), 0.9);
    assert_eq!(leavers.band, Some(Band::Green));
    close(leavers.capacity_cases, 100.0);
    close(leavers.caseload_per_case_holder_fte.unwrap(), 85.0 / 3.0);
    // Service management holds no cases: no caseload, no utilisation.
    let management = &a.team(TeamId(6)).unwrap().totals;
    assert_eq!(management.caseload_per_case_holder_fte, None);
    assert_eq!(management.utilisation, None);
}

#[test]
fn the_fixed_term_locality_team_adds_exactly_360_cases_of_capacity() {
    let base = assess(&load("stretched-locality.ron"));
    let plan = load("fixed-term-locality-team.ron");
    let with_team = assess(&plan);
    close(
        with_team.service.capacity_cases,
        base.service.capacity_cases + 360.0,
    );

    let team = plan
        .teams
        .iter()
        .find(|t| t.name == "Fixed-term Locality Team")
        .unwrap();
    let posts: Vec<_> = plan.posts.iter().filter(|p| p.team == team.id).collect();
    assert_eq!(posts.len(), 22); // 1 service manager, 3 team managers, 18 social workers
    let twelve_months = Contract::FixedTerm {
        start: YearMonth::new(2026, 4).unwrap(),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    assert!(
        posts
            .iter()
            .all(|p| p.contract == twelve_months && p.fte == 1.0)
    );
    let totals = &with_team.team(team.id).unwrap().totals;
    close(totals.sums.capacity_points, 18.0 * 20.0);
    close(totals.mix.case_holders_per_manager.unwrap(), 6.0);
    // The cases have not moved yet, so the DfE caseload is unchanged, but the average over all
    // available case-holding FTE falls: 573 / (23.4 + 18).
    assert_eq!(
        with_team.service.caseload_per_case_holder_fte,
        base.service.caseload_per_case_holder_fte
    );
    close(
        with_team.service.caseload_per_available_fte.unwrap(),
        573.0 / 41.4,
    );
    // 22 more employed FTE bring the agency rate below the 15% target: 6 / (6 + 26.4 + 22).
    close(with_team.service.mix.agency_rate.unwrap(), 6.0 / 54.4);
}

#[test]
fn weighting_separates_two_teams_with_the_same_caseload() {
    let a = assess(&load("weighted-caseload.ron"));
    let support = &a.teams[0].totals;
    let protection = &a.teams[1].totals;
    // Both: 3 workers x 18 cases.
    close(support.caseload_per_case_holder_fte.unwrap(), 18.0);
    close(protection.caseload_per_case_holder_fte.unwrap(), 18.0);
    // Weighted: 3 x (12 x 1.0 + 6 x 0.6) = 46.8 of 60 points; 3 x (12 x 1.5 + 6 x 2.0) = 90.
    close(support.utilisation.unwrap(), 46.8 / 60.0);
    close(protection.utilisation.unwrap(), 1.5);
    assert_eq!(
        (support.band, protection.band),
        (Some(Band::Green), Some(Band::Red))
    );
    // Capacity at each mix: 60 / (46.8 / 54) = 69.2 cases against 60 / (90 / 54) = 36.
    close(protection.capacity_cases, 36.0);
}

#[test]
fn the_built_in_plan_is_the_stretched_locality_file() {
    assert_eq!(default_plan(), load("stretched-locality.ron"));
}

#[test]
fn the_fixed_term_team_adds_360_points_for_twelve_months_then_nothing() {
    use caseload_planner::model::projection::project;
    let start = YearMonth::new(2026, 4).unwrap();
    let base = project(&load("stretched-locality.ron"), start, 18);
    let option = project(&load("fixed-term-locality-team.ron"), start, 18);
    for (i, (b, o)) in base.iter().zip(&option).enumerate() {
        let added = o.service.sums.capacity_points - b.service.sums.capacity_points;
        // Months 1-12 (April 2026 - March 2027): 18 social workers x 20 points; from month 13
        // the contracts have ended.
        let expected = if i < 12 { 360.0 } else { 0.0 };
        close(added, expected);
    }
    // Both plans also lose N. Usman's fixed-term post after December 2026 (20 points) and gain
    // G. Nash back from leave in February 2027 (20 points).
    let capacity = |m: usize| base[m].service.sums.capacity_points;
    close(capacity(9) - capacity(8), -20.0); // January 2027
    close(capacity(10) - capacity(9), 20.0); // February 2027
}

#[test]
fn the_fixed_term_team_costs_less_than_covering_the_same_posts_with_agency() {
    use caseload_planner::model::costs::{CostRates, annual_cost};
    let base = load("stretched-locality.ron");
    let option = load("fixed-term-locality-team.ron");
    let rates = CostRates::illustrative(&option);
    let added = annual_cost(&option, &rates).total - annual_cost(&base, &rates).total;
    // Illustrative rates with 30% on-costs: service manager 72,000 x 1.3 = 93,600; team managers
    // 3 x 75,400 = 226,200; social workers 18 x 58,500 = 1,053,000. Total 1,372,800 a year.
    close(added, 1_372_800.0);

    // The same 22 posts from an agency, 220 days a year: 121,000 + 3 x 99,000 + 18 x 79,200.
    let mut agency = option.clone();
    let team = agency
        .teams
        .iter()
        .find(|t| t.name == "Fixed-term Locality Team")
        .unwrap()
        .id;
    for post in agency.posts.iter_mut().filter(|p| p.team == team) {
        post.contract = Contract::Agency;
    }
    let agency_added = annual_cost(&agency, &rates).total - annual_cost(&base, &rates).total;
    close(agency_added, 1_843_600.0);
    // Per case of the 360 cases of capacity added: 3,813.33 a year against 5,121.11.
}
