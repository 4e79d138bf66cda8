//! A plan started from a council's published figures (File > New from published figures…, and
//! `caseload-planner new --council`): for **every** council of the built-in release with the
//! figures, the plan is valid and its headline caseload, agency rate and vacancy rate equal the
//! published ones at the published rounding (one decimal place), whichever starting teams.

use caseload_planner::model::benchmark::{
    FunctionShares, Measure, Release, StartProblem, StartingTeams, plan_from_published,
};
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::model::{ContractKind, assess, validate};

fn release() -> Release {
    caseload_planner::io::published::builtin_release().expect("the built-in release reads")
}

/// Whether `value` rounds to `published` at one decimal place (of a caseload, or of a
/// percentage for a rate): within half a unit of the last place.
fn rounds_to(value: Option<f64>, published: f64, scale: f64) -> bool {
    value.is_some_and(|v| (v * scale - published * scale).abs() <= 0.05 + 1e-9)
}

fn check_every_council(teams: StartingTeams) -> usize {
    let release = release();
    let year = release.latest_year();
    let mut built = 0;
    let mut wrong = Vec::new();
    for (council, published) in release.councils_in(year) {
        let plan = match plan_from_published(council, year, published, teams) {
            Ok(plan) => plan,
            Err(StartProblem::NotPublished { missing, .. }) => {
                // Only a council whose case-holding figures are suppressed has no plan.
                assert!(
                    published.cases.is_none()
                        || published.case_holders_fte.is_none()
                        || published.inpost_fte.is_none(),
                    "{}: refused for {missing:?} though published",
                    council.name
                );
                continue;
            }
            Err(e) => panic!("{}: {e}", council.name),
        };
        assert!(
            validate(&plan).is_empty(),
            "{}: {:?}",
            council.name,
            validate(&plan)
        );
        assert_eq!(plan.settings.council.as_deref(), Some(council.key()));
        let assessment = assess(&plan);
        // A full-time team manager for every six case-holders: no span-of-control alert
        // (none at all where every member of staff in post holds cases: Isles of Scilly).
        for team in &assessment.teams {
            let span = team.totals.mix.case_holders_per_manager;
            assert!(span.is_none_or(|s| s <= 6.0), "{}: {span:?}", council.name);
        }
        let service = assessment.service;
        for (id, measure, scale) in [
            (FigureId::Caseload, Measure::Caseload, 1.0),
            (FigureId::AgencyRate, Measure::AgencyRate, 100.0),
            (FigureId::VacancyRate, Measure::VacancyRate, 100.0),
        ] {
            let Some(published_value) = measure.published(published) else {
                continue;
            };
            let value = figure(id).of(&service);
            if !rounds_to(value, published_value, scale) {
                wrong.push(format!(
                    "{} {:?}: plan {value:?}, published {published_value}",
                    council.name, measure
                ));
            }
        }
        // The counts themselves are the published ones (to their 0.1 FTE).
        let cases: u64 = plan.posts.iter().map(|p| p.cases_held()).sum();
        assert_eq!(Some(cases as f64), published.cases, "{}", council.name);
        let agency = service.fte_in_post(ContractKind::Agency);
        if let Some(a) = published.agency_fte {
            assert!(
                (agency - a).abs() < 0.05,
                "{}: agency {agency} vs {a}",
                council.name
            );
        }
        built += 1;
    }
    assert!(
        wrong.is_empty(),
        "{} councils differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    built
}

#[test]
fn every_council_with_figures_gets_a_plan_with_its_published_headline_in_one_team() {
    let built = check_every_council(StartingTeams::One);
    // 2025: 153 councils (and joint returns) published, nearly all with the figures.
    assert!(built >= 140, "only {built} plans built");
}

#[test]
fn every_council_with_figures_gets_a_plan_with_its_published_headline_in_teams_by_function() {
    check_every_council(StartingTeams::ByFunction(FunctionShares::default()));
    check_every_council(StartingTeams::ByFunction(FunctionShares {
        front_door: 1.0,
        child_in_need_protection: 0.0,
        children_in_care: 3.0,
        care_leavers: 0.5,
    }));
}

#[test]
fn leeds_in_teams_by_function_has_four_teams_in_the_proportions_chosen() {
    let release = release();
    let year = release.latest_year();
    let leeds = release.find_councils("Leeds")[0];
    assert_eq!(leeds.name, "Leeds");
    let published = release.figures(leeds.key(), year).unwrap();
    let plan = plan_from_published(
        leeds,
        year,
        published,
        StartingTeams::ByFunction(FunctionShares::default()),
    )
    .unwrap();
    let names: Vec<&str> = plan.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Front door",
            "Child in need and protection",
            "Children in care",
            "Care leavers"
        ]
    );
    // Each team holds its share (20, 45, 25, 10) of the cases, to the nearest case.
    let total = published.cases.unwrap();
    let assessment = assess(&plan);
    for (team, share) in assessment.teams.iter().zip([0.20, 0.45, 0.25, 0.10]) {
        let held = team.totals.sums.cases_allocated as f64;
        assert!(
            (held - total * share).abs() <= 1.0,
            "{}: {held} of {total}",
            team.team.0
        );
    }
}

#[test]
fn shares_that_add_up_to_nothing_are_refused_in_words() {
    let release = release();
    let year = release.latest_year();
    let leeds = release.find_councils("Leeds")[0];
    let published = release.figures(leeds.key(), year).unwrap();
    let zero = FunctionShares {
        front_door: 0.0,
        child_in_need_protection: 0.0,
        children_in_care: 0.0,
        care_leavers: 0.0,
    };
    let refused =
        plan_from_published(leeds, year, published, StartingTeams::ByFunction(zero)).unwrap_err();
    assert!(refused.to_string().contains("add up to more than zero"));
}
