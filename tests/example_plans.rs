//! The example plans in `saved-plans/` load, and give the figures worked out by hand from their
//! contents (the arithmetic is in the comments).

use caseload_planner::io::{default_plan, load_file};
use caseload_planner::model::{
    Assumptions, Band, Contract, ContractKind, Plan, ScenarioSet, TeamId, YearMonth, assess,
};
use std::path::Path;

fn load_set(name: &str) -> ScenarioSet {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saved-plans")
        .join(name);
    load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// A file's baseline.
fn load(name: &str) -> Plan {
    load_set(name).baseline().clone()
}

/// The acceptance example: the stretched locality service and its fixed-term option, as shipped:
/// the new team holds the cases it took from the two localities.
fn fixed_term_option() -> Plan {
    let set = load_set("stretched-locality.ron");
    let option = set
        .options()
        .iter()
        .find(|o| o.name == "Fixed-term locality team")
        .expect("the example has the fixed-term option");
    option.plan.clone()
}

/// The fixed-term option as first written, before it took any cases: every post holds what it
/// holds in the baseline, and the 22 new posts hold none.
fn fixed_term_option_before_moves() -> Plan {
    let base = load("stretched-locality.ron");
    let mut plan = fixed_term_option();
    for post in &mut plan.posts {
        post.cases = base
            .post(post.id)
            .map(|p| p.cases.clone())
            .unwrap_or_default();
    }
    plan
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
fn the_fixed_term_locality_team_adds_exactly_360_cases_of_capacity_before_it_takes_any() {
    let base = assess(&load("stretched-locality.ron"));
    let plan = fixed_term_option_before_moves();
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

/// As shipped, the option's new team holds the cases it took from the two localities, moved
/// by Balance caseloads across Locality North, Locality South and the new team with child
/// protection cases kept with their social worker.
#[test]
fn the_fixed_term_team_holds_the_cases_it_took_from_the_localities() {
    use caseload_planner::model::CaseTypeId;
    use caseload_planner::model::allocation::{Scope, balance};
    let base = load("stretched-locality.ron");
    let plan = fixed_term_option();
    let held = |plan: &Plan, team: u32, case_type: u32| -> u32 {
        plan.posts
            .iter()
            .filter(|p| p.team == TeamId(team))
            .filter_map(|p| p.cases.get(&CaseTypeId(case_type)))
            .sum()
    };
    // Nothing created or lost: every type's count, held and waiting, is the baseline's.
    for case_type in 1..=6 {
        let total = |plan: &Plan| -> u32 {
            (1..=7).map(|t| held(plan, t, case_type)).sum::<u32>()
                + plan
                    .teams
                    .iter()
                    .filter_map(|t| t.unallocated.get(&CaseTypeId(case_type)))
                    .sum::<u32>()
        };
        assert_eq!(total(&plan), total(&base), "case type {case_type}");
    }
    // Every child-protection case is with the worker who held it in the baseline.
    for post in &base.posts {
        let cp = |p: &caseload_planner::model::Post| p.cases.get(&CaseTypeId(3)).copied();
        assert_eq!(plan.post(post.id).and_then(cp), cp(post), "{:?}", post.id);
    }
    // North gave 82 - 8 = 74 child-in-need and 11 court cases, South 72 and 7: the new team
    // holds 146 child-in-need and 18 court cases, 146 + 36 = 182 points of its 360.
    assert_eq!((held(&plan, 2, 2), held(&plan, 2, 5)), (8, 0));
    assert_eq!((held(&plan, 3, 2), held(&plan, 3, 5)), (0, 0));
    assert_eq!((held(&plan, 7, 2), held(&plan, 7, 5)), (146, 18));
    let a = assess(&plan);
    let team = &a.team(TeamId(7)).unwrap().totals;
    close(team.utilisation.unwrap(), 182.0 / 360.0);
    // At the mix it holds (182 / 164 points a case) its 360 points are 324.4 cases.
    close(team.capacity_cases, 360.0 / (182.0 / 164.0));
    // The DfE caseload counts the 18 new case-holders: 573 / (23.4 + 18) = 13.8, not 24.5.
    close(
        a.service.caseload_per_case_holder_fte.unwrap(),
        573.0 / 41.4,
    );
    // The example is balanced by the app's own rule: from the option as first written the
    // same balancing moves 164 cases, and balancing again proposes nothing.
    let scope = Scope {
        teams: vec![TeamId(2), TeamId(3), TeamId(7)],
        kept_types: [CaseTypeId(3)].into(),
        ..Scope::default()
    };
    assert!(balance(&plan, &scope).is_empty());
    let moved = balance(&fixed_term_option_before_moves(), &scope);
    assert_eq!(moved.cases_moved(), 164);
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
fn the_fixed_term_team_adds_360_cases_for_twelve_months_then_nothing() {
    use caseload_planner::model::projection::project;
    // Turnover-free, so the projection follows the dates alone.
    let steady = |mut plan: Plan| {
        plan.assumptions = Assumptions::steady();
        plan
    };
    let base_plan = steady(load("stretched-locality.ron"));
    assert_eq!(base_plan.timeline.start, YearMonth::new(2026, 4).unwrap());
    let base = project(&base_plan);
    let option = project(&steady(fixed_term_option()));
    let before_moves = project(&steady(fixed_term_option_before_moves()));
    assert_eq!(base.months.len(), 36);
    for (i, (b, o)) in base.months.iter().zip(&before_moves.months).enumerate() {
        // Months 1-12 (April 2026 - March 2027): 18 social workers x 20 points, and the new team
        // holds no cases so a case is a standard one: 360 cases. From month 13 the contracts
        // have ended.
        let expected = if i < 12 { 360.0 } else { 0.0 };
        close(o.capacity_points - b.capacity_points, expected);
        close(o.capacity_cases - b.capacity_cases, expected);
    }
    // As shipped, holding the localities' cases: the same points, and fewer cases beyond
    // capacity while the contracts run; when they end, the caseload is the baseline's again
    // (the new team's 164 cases wait, in its name, to be reallocated).
    for (i, (b, o)) in base.months.iter().zip(&option.months).enumerate() {
        close(
            o.capacity_points - b.capacity_points,
            if i < 12 { 360.0 } else { 0.0 },
        );
        if i < 12 {
            assert!(o.beyond_capacity < b.beyond_capacity, "month {i}");
        } else {
            assert_eq!(o.caseload, b.caseload, "month {i}");
        }
    }
    // Markers: N. Usman's contract (already in the baseline) ends after December 2026; the 22
    // posts of the new team after March 2027.
    let ends: Vec<(YearMonth, u32)> = option
        .contract_ends
        .iter()
        .map(|e| (e.month, e.posts))
        .collect();
    assert_eq!(
        ends,
        [
            (YearMonth::new(2027, 1).unwrap(), 1),
            (YearMonth::new(2027, 4).unwrap(), 22)
        ]
    );
    // The baseline is over capacity from the start; the option only once the contracts end.
    assert_eq!(
        base.first_over_capacity,
        Some(YearMonth::new(2026, 4).unwrap())
    );
    assert_eq!(
        option.first_over_capacity,
        Some(YearMonth::new(2027, 4).unwrap())
    );
    // Both plans also lose N. Usman's fixed-term post after December 2026 (20 points) and gain
    // G. Nash back from leave in February 2027 (20 points).
    let capacity = |m: usize| base.months[m].capacity_points;
    close(capacity(9) - capacity(8), -20.0); // January 2027
    close(capacity(10) - capacity(9), 20.0); // February 2027
    // The option's extra cost stops with the contracts: 1,372,800 a year is 114,400 a month.
    close(option.months[0].cost - base.months[0].cost, 114_400.0);
    close(option.months[12].cost - base.months[12].cost, 0.0);
}

#[test]
fn the_fixed_term_team_costs_less_than_covering_the_same_posts_with_agency() {
    use caseload_planner::model::costs::annual_cost;
    use caseload_planner::model::figures::{FigureId, figure};
    let base = load("stretched-locality.ron");
    // Before the new team takes any cases, a case is a standard one: 360 of capacity.
    let option = fixed_term_option_before_moves();
    let cost = |plan: &Plan| annual_cost(&assess(plan)).total;
    let added = cost(&option) - cost(&base);
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
    let agency_added = cost(&agency) - cost(&base);
    close(agency_added, 1_843_600.0);
    // Per case of the 360 cases of capacity added: 3,813.33 a year against 5,121.11.
    close(added / 360.0, 3_813.333_333_333_333_5);
    close(agency_added / 360.0, 5_121.111_111_111_111);
    // The Compare view's figures for the option before its team took cases: capacity +360,
    // cost +1,372,800.
    let (b, o) = (assess(&base).service, assess(&option).service);
    let compared = |id| (figure(id).of(&b).unwrap(), figure(id).of(&o).unwrap());
    let (before, after) = compared(FigureId::CapacityCases);
    close(after - before, 360.0);
    let (before, after) = compared(FigureId::AnnualCost);
    close(after - before, 1_372_800.0);
    let (before, after) = compared(FigureId::CostPerCaseOfCapacity);
    assert!(after < before);
    // And what the Compare view says against agency cover, from the option alone.
    use caseload_planner::model::compare::agency_alternative;
    let alt = agency_alternative(&base, &assess(&base), &option, &assess(&option)).unwrap();
    assert_eq!(alt.added_posts, 22);
    close(alt.own_cost, 1_372_800.0);
    close(alt.agency_cost, 1_843_600.0);
    close(alt.capacity_added, 360.0);
    close(alt.own_per_case().unwrap(), 1_372_800.0 / 360.0);
    close(alt.agency_per_case().unwrap(), 1_843_600.0 / 360.0);
    // As shipped, the new team holds heavier cases than a standard one: the same cost buys
    // 324.4 cases of capacity at its mix, and the localities' capacity at theirs moves too.
    let shipped = fixed_term_option();
    close(cost(&shipped) - cost(&base), 1_372_800.0);
    let shipped = assess(&shipped).service;
    let capacity = figure(FigureId::CapacityCases);
    let added = capacity.of(&shipped).unwrap() - capacity.of(&b).unwrap();
    assert!((304.0..304.5).contains(&added), "{added}");
}

#[test]
fn a_version_1_file_loads_as_a_baseline_with_defaults_for_what_it_lacks() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/v1-plans/stretched-locality.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 1,"));
    let set = load_file(&path).unwrap();
    assert_eq!(set.len(), 1, "no options");
    let v1 = set.baseline();
    let v2 = load("stretched-locality.ron");
    assert_eq!(v1.teams, v2.teams);
    assert_eq!(v1.posts, v2.posts);
    assert_eq!(v1.case_types, v2.case_types);
    assert_eq!(v1.timeline, caseload_planner::model::Timeline::default());
    assert_eq!(v1.assumptions, Assumptions::default());
    assert_eq!(
        v1.costs,
        caseload_planner::model::CostRates::illustrative(v1)
    );
    // The old fixed-term file is the option's structure.
    let old = load_file(&path.with_file_name("fixed-term-locality-team.ron")).unwrap();
    assert_eq!(old.baseline().posts, fixed_term_option_before_moves().posts);
}
