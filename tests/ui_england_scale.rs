//! Issue 14: plans of many teams, as a user meets them. A 42,000-post plan of 2,100 teams
//! opens from its file and every view shows it; a plan of a hundred teams charts its busiest
//! teams (any other brought in by selecting it) and its Structure finds a team by name.

mod common;

use caseload_planner::io::save_file;
use caseload_planner::model::{ScenarioSet, synthetic};
use caseload_planner::ui::state::View;
use common::{click, shows};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable, by};

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

/// The labels a chart shows under its columns, as it describes them to screen readers.
fn chart_columns(harness: &App, title: &str) -> Vec<String> {
    let node = harness.get_by_role_and_label(Role::Figure, title);
    let description = node.accesskit_node().description().unwrap_or_default();
    description.split(", ").map(str::to_owned).collect()
}

#[test]
fn an_england_scale_plan_opens_from_its_file_and_every_view_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("england.ron");
    let mut plan = synthetic::plan(42_000, 840_000);
    plan.name = "England generated plan".into();
    save_file(&ScenarioSet::new(plan), &path).unwrap();

    let mut harness = common::app_harness(vec![Some(path.clone())]);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    common::wait_for_work(&mut harness);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert!(shows(&harness, "2,100 teams · 42,000 posts"));

    // Overview: the 25 busiest teams charted, not 2,100 columns.
    assert!(shows(
        &harness,
        "2,100 teams: the charts show the 25 busiest"
    ));
    for title in ["Team capacity and demand", "Staffing mix per team"] {
        assert_eq!(chart_columns(&harness, title).len(), 25, "{title}");
    }
    let seen = [
        (View::Posts, "of 42,000 posts"),
        (View::StaffingMix, "Per\nmanager"),
        (View::Projection, "Capacity and demand, in cases"),
        (View::Compare, "Each scenario against the baseline"),
        (View::Benchmarks, "Choose the council this plan is for"),
        (View::WeightsAndGrades, "Case weights"),
        (
            View::Overview,
            "2,100 teams: the charts show the 25 busiest",
        ),
    ];
    for (view, text) in seen {
        click(&mut harness, view.label());
        assert!(shows(&harness, text), "{} shows {text:?}", view.label());
    }
}

#[test]
fn a_plan_of_a_hundred_teams_charts_its_busiest_and_any_team_found_and_selected() {
    let plan = synthetic::plan(2_000, 40_000);
    let assessment = caseload_planner::model::assess(&plan);
    let order = assessment.busiest_teams(plan.teams.len());
    let busiest = plan.teams[order[0]].name.clone();
    let quietest = plan.teams[*order.last().unwrap()].name.clone();
    let mut harness = common::harness_with(ScenarioSet::new(plan));

    assert!(shows(&harness, "100 teams: the charts show the 25 busiest"));
    assert!(shows(
        &harness,
        "Select a team in Structure to add it to the charts."
    ));
    for title in ["Team capacity and demand", "Staffing mix per team"] {
        assert_eq!(chart_columns(&harness, title).len(), 25, "{title}");
    }
    // The busiest team is the first column: its name is in the chart's key.
    assert!(shows(&harness, &format!("1 {busiest}")));
    let keyed = |harness: &App, team: &str| {
        harness.query_all_by_label_contains(team).any(|n| {
            let node = n.accesskit_node();
            let label = node.label().or_else(|| node.value()).unwrap_or_default();
            label
                .split_once(' ')
                .is_some_and(|(number, name)| number.parse::<usize>().is_ok() && name == team)
        })
    };
    assert!(keyed(&harness, &busiest));
    assert!(
        !keyed(&harness, &quietest),
        "the quietest team is not charted"
    );

    // Found by name in Structure, selected, and charted after the busiest.
    common::type_into(&mut harness, "Find a team", &quietest.to_lowercase());
    let found = "1 of 100 teams";
    assert!(shows(&harness, found), "{found}");
    harness
        .query_all_by_label_contains(&format!("{quietest} ("))
        .next()
        .expect("the team found, in Structure")
        .click();
    harness.run();
    assert!(shows(&harness, &format!(", then {quietest}, selected.")));
    for title in ["Team capacity and demand", "Staffing mix per team"] {
        assert_eq!(chart_columns(&harness, title).len(), 26, "{title}");
    }
    assert!(keyed(&harness, &quietest), "the selected team is charted");
}

#[test]
fn a_large_plan_opened_after_the_example_starts_with_its_teams_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    save_file(&ScenarioSet::new(synthetic::plan(400, 8_000)), &path).unwrap();
    // The example's teams start open in Structure (a small plan).
    let mut harness = common::app_harness(vec![Some(path)]);
    harness.run();
    let example = caseload_planner::io::default_plan();
    let first_worker = example.posts[0].worker.clone().unwrap();
    assert!(
        shows(&harness, &first_worker),
        "the example's first team is open"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    common::wait_for_work(&mut harness);
    assert!(shows(&harness, "20 teams · 400 posts"));
    // Teams with the same ids as the example's open ones start closed all the same.
    assert!(shows(&harness, "Team 1 (20 posts"));
    assert!(
        !shows(&harness, "Worker 2 ·"),
        "the opened plan's first team is closed"
    );
}

/// How many widgets' labels hold `text`.
fn count(harness: &App, text: &str) -> usize {
    harness.query_all_by_label_contains(text).count()
}

/// Scrolls the central view down with the mouse wheel until `label` is laid out.
fn scroll_down_to(harness: &mut App, label: &str) {
    let middle = harness.ctx.content_rect().center();
    for _ in 0..400 {
        if harness.query_all_by_label_contains(label).next().is_some() {
            return;
        }
        common::wheel_down(harness, middle, 200.0);
    }
    panic!("{label:?} never came into view");
}

#[test]
fn the_projections_tables_of_a_hundred_teams_lay_out_only_the_rows_in_view() {
    let mut harness = common::harness_with(ScenarioSet::new(synthetic::plan(2_000, 40_000)));
    click(&mut harness, "Projection");
    click(&mut harness, "Assumptions for this scenario");
    let laid_out = count(&harness, " demand change");
    assert!(
        (1..100).contains(&laid_out),
        "{laid_out} of the 100 teams' demand rows laid out"
    );
    scroll_down_to(&mut harness, "Team 100 demand change");

    for header in [
        "Demand as flows: new cases and how long cases stay open",
        "New cases a month by team",
    ] {
        harness.get_by_label(header).scroll_to_me();
        harness.run();
        click(&mut harness, header);
    }
    scroll_down_to(&mut harness, " new a month");
    let fields = count(&harness, " new a month");
    assert!(
        (1..600).contains(&fields),
        "{fields} of the 100 teams' 6 new-case fields laid out"
    );
    scroll_down_to(&mut harness, "Team 100 Child in need new a month");
}

#[test]
fn the_balance_window_of_a_hundred_teams_finds_teams_to_tick_and_lists_only_those_in_view() {
    let mut harness = common::harness_with(ScenarioSet::new(synthetic::plan(2_000, 40_000)));
    click(&mut harness, "Balance caseloads…");
    assert!(shows(&harness, "100 of 100 teams ticked"));
    let listed = harness
        .query_all_by_role(Role::CheckBox)
        .filter(|n| {
            let node = n.accesskit_node();
            let label = node.label().or_else(|| node.value()).unwrap_or_default();
            label.starts_with("Team ")
        })
        .count();
    assert!(
        (1..100).contains(&listed),
        "{listed} team checkboxes laid out"
    );

    common::type_into(&mut harness, "Find teams to tick", "team 5");
    // Each word anywhere in the name: Teams 5, 15, 25, … 95 and 50 to 59.
    click(&mut harness, "Untick the 19 teams found");
    assert!(shows(&harness, "81 of 100 teams ticked"));
    click(&mut harness, "Tick the 19 teams found");
    assert!(shows(&harness, "100 of 100 teams ticked"));
}

#[test]
fn the_posts_table_is_filtered_to_a_team_found_by_name_among_a_hundred() {
    let mut harness = common::harness_with(ScenarioSet::new(synthetic::plan(2_000, 40_000)));
    click(&mut harness, "Posts");
    assert!(shows(&harness, "2,000 of 2,000 posts"));
    harness
        .query_all_by_role(Role::ComboBox)
        .find(|n| n.accesskit_node().label().as_deref() == Some("Team"))
        .expect("the Team filter")
        .click();
    harness.run();
    // A hundred teams: a search above the list, which lays out only the teams in view.
    assert!(
        harness.query_all_by_label("Team 90").next().is_none(),
        "the 90th team is not laid out until scrolled to"
    );
    let field = || {
        by().role(Role::TextInput)
            .predicate(|n| n.placeholder() == Some("Find a team"))
    };
    // The Structure panel has one too: the list's is the last.
    common::type_into(&mut harness, "Find a team", "77");
    click(&mut harness, "Team 77");
    assert!(shows(&harness, "20 of 2,000 posts"));
    assert_eq!(
        harness.query_all(field()).count(),
        1,
        "the list closed: only Structure's search is left"
    );
}
