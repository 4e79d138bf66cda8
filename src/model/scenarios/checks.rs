//! The problems of a whole set of scenarios: the shared parts once, each scenario's own parts
//! with the option named, and the options' names.

use super::{BASELINE_NAME, MAX_SCENARIOS, ScenarioSet};
use crate::model::validate::{
    Location, MAX_LISTED_PROBLEMS, Problem, Problems, check_own_parts, check_shared_parts,
};
use std::collections::HashSet;

/// Every problem in every scenario, the first [`MAX_LISTED_PROBLEMS`] described and the rest
/// counted: the shared parts' and the baseline's as [`validate`](fn@crate::model::validate)
/// finds them, each option's own with the option named, and any option without a unique name.
/// The shared parts are checked once: every scenario holds the same.
pub fn validate_scenarios(set: &ScenarioSet) -> Problems {
    let mut problems = Problems::listing_at_most(MAX_LISTED_PROBLEMS);
    if let Some(problem) = too_many_scenarios(set.len()) {
        problems.push(problem);
    }
    let shared = check_shared_parts(set.baseline(), &mut problems);
    check_own_parts(set.baseline(), &shared, None, &mut problems);
    let mut names = HashSet::with_capacity(set.len());
    names.insert(BASELINE_NAME.to_ascii_lowercase());
    for (i, option) in set.options().iter().enumerate() {
        let position = i + 1;
        let at = || Location::in_option(position, &option.name, None);
        let name = option.name.trim();
        if name.is_empty() {
            problems.report(at, || "has no name".into());
        } else if !names.insert(name.to_ascii_lowercase()) {
            problems.report(at, || "another scenario has the same name".into());
        }
        check_own_parts(
            &option.plan,
            &shared,
            Some((position, &option.name)),
            &mut problems,
        );
    }
    problems
}

/// The problem with a plan of `scenarios` scenarios (the baseline and its options), if there
/// are more than [`MAX_SCENARIOS`]. A loader checks this before copying the shared parts into
/// each option.
pub fn too_many_scenarios(scenarios: usize) -> Option<Problem> {
    (scenarios > MAX_SCENARIOS).then(|| {
        Problem::new(
            Location::Options,
            format!(
                "the plan has {scenarios} scenarios (the baseline and {} options), more than \
                 the {MAX_SCENARIOS} a plan may hold: remove some options",
                scenarios - 1
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    // The scenario tests' helpers: a plan with team 1 "North" and "Option A"; cohorts of posts.
    use crate::model::scenarios::tests::{add_posts, set_with_option};
    use crate::model::{PostId, ScenarioId, TeamId};

    #[test]
    fn problems_are_named_by_scenario_and_shared_ones_reported_once() {
        let mut set = set_with_option();
        add_posts(&mut set, ScenarioId::BASELINE, 1);
        set.delete_option(ScenarioId(1)).unwrap();
        set.add_option(ScenarioId::BASELINE, "Option A").unwrap(); // a copy holding post 1
        for scenario in &mut set.scenarios {
            scenario.plan.posts[0].fte = 1.5; // in both scenarios
            scenario.plan.settings.caseload_target = -1.0; // shared
        }
        let problems = validate_scenarios(&set);
        let places: Vec<String> = problems
            .listed()
            .iter()
            .map(|p| p.location.to_string())
            .collect();
        assert_eq!(
            places,
            [
                "settings",
                "post 1 (in team 1 \"North\")",
                "option \"Option A\", post 1 (in team 1 \"North\")",
            ]
        );
        let in_option = &problems.listed()[2].location;
        assert_eq!(in_option.option(), Some((1, "Option A")));
        assert_eq!(in_option.post_id(), Some(PostId(1)));
        assert_eq!(in_option.team_id(), Some(TeamId(1)));
    }

    #[test]
    fn option_names_must_be_unique_whatever_their_case() {
        let mut set = set_with_option();
        set.scenarios.push(set.scenarios[1].clone());
        set.scenarios[2].name = " option a ".into();
        set.scenarios.push(set.scenarios[1].clone());
        set.scenarios[3].name = "BASELINE".into();
        set.scenarios.push(set.scenarios[1].clone());
        set.scenarios[4].name = "  ".into();
        let shown: Vec<String> = validate_scenarios(&set)
            .listed()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "option \" option a \": another scenario has the same name",
                "option \"BASELINE\": another scenario has the same name",
                "option 4: has no name",
            ]
        );
    }

    #[test]
    fn more_scenarios_than_a_plan_may_hold_is_a_problem_of_the_options() {
        assert_eq!(too_many_scenarios(MAX_SCENARIOS), None);
        let problem = too_many_scenarios(21).unwrap();
        assert_eq!(problem.location, Location::Options);
        assert_eq!(
            problem.to_string(),
            "options: the plan has 21 scenarios (the baseline and 20 options), more than the 20 \
             a plan may hold: remove some options"
        );
    }
}
