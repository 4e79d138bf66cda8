//! Scenarios, the Compare view and the Projection view, driven as a user drives them.

mod common;

use caseload_planner::model::ScenarioId;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::Path;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn assert_shows(harness: &App<'_>, text: &str) {
    assert!(shows(harness, text), "the window should show {text:?}");
}

fn click(harness: &mut App<'_>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Sets J. Brown's FTE to `fte` in the scenario shown.
fn set_brown_fte(harness: &mut App<'_>, fte: &str) {
    click(harness, "J. Brown · Social worker · 25");
    harness
        .get_by_role_and_label(Role::SpinButton, "FTE")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "FTE")
        .type_text(fte);
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn an_option_is_created_changed_and_compared_without_touching_the_baseline() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "+ New option");
    // The new option copies the baseline and is shown: its name is in the status bar.
    assert_eq!(harness.state().document().active(), ScenarioId(2));
    assert_shows(&harness, "Option A");
    set_brown_fte(&mut harness, "0.5");
    let doc = harness.state().document();
    let brown = |i: u32| {
        doc.scenarios()
            .plan(ScenarioId(i))
            .posts
            .iter()
            .find(|p| p.worker.as_deref() == Some("J. Brown"))
            .unwrap()
            .fte
    };
    assert_eq!(
        (brown(0), brown(2)),
        (1.0, 0.5),
        "the baseline is unchanged"
    );

    click(&mut harness, "Compare");
    // Columns: the baseline and both options; the deltas are against the baseline.
    for option in ["Option A", "Fixed-term locality team"] {
        let ticked = harness
            .query_all_by_role_and_label(Role::CheckBox, option)
            .count();
        assert!(ticked >= 1, "{option} can be chosen for comparison");
    }
    // Case-holding FTE 23.4 → 22.9 (and the DfE case-holder FTE with it).
    assert_eq!(harness.query_all_by_label("22.9").count(), 2);
    assert_eq!(harness.query_all_by_label("-0.5").count(), 2);
    // Capacity: J. Brown carried 20 points; Front Door's case mix is 0.81 points a case
    // (115.6 points / 143 cases), so half of them is 10 / 0.808 = 12.4 cases: 428 → 415.
    assert_shows(&harness, "-12");
    // Salary with on-costs halves: 58,500 → 29,250 a year less.
    assert_shows(&harness, "-£29,250");
    // The fixed-term option beside it: 18 x 20 = 360 more points of capacity, 304 more cases
    // at the mix of the court and child-in-need work its team took from the localities.
    assert_shows(&harness, "+304");
    assert_shows(&harness, "+£1,372,800");
    // What each option changes against the baseline.
    assert_shows(
        &harness,
        "J. Brown (Social worker, Front Door and Assessment): 1 to 0.5 FTE",
    );
    assert_shows(
        &harness,
        "18 × Social worker, fixed-term 2026-04 to 2027-03",
    );
    // Against agency cover.
    assert_shows(
        &harness,
        "Covering the same posts with agency staff would cost £1,843,600",
    );
}

#[test]
fn undo_stays_within_the_scenario_shown() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "+ New option");
    set_brown_fte(&mut harness, "0.5");
    click(&mut harness, "Baseline");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let option_fte =
        |h: &App<'_>| h.state().document().scenarios().plan(ScenarioId(2)).posts[1].fte;
    assert_eq!(
        option_fte(&harness),
        0.5,
        "Ctrl+Z in the baseline leaves the option alone"
    );
    click(&mut harness, "Option A");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(option_fte(&harness), 1.0);
}

#[test]
fn the_projection_shows_when_capacity_runs_out() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Projection");
    assert_shows(&harness, "Over capacity from the start (Apr 2026)");
    assert_shows(&harness, "Fixed-term contracts end: Jan 2027 (1 post)");
    click(&mut harness, "Fixed-term locality team");
    // With 360 more points of capacity the option is within capacity until the contracts end.
    assert_shows(&harness, "First over capacity: Apr 2027");
    assert_shows(&harness, "Apr 2027 (22 posts)");
    common::wait_for_work(&mut harness);
    assert!(harness.state().document().bands_if_ready().is_some());
}

#[test]
fn assumptions_are_edited_per_scenario() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Projection");
    click(&mut harness, "Assumptions for this scenario");
    harness
        .get_by_role_and_label(Role::SpinButton, "Permanent turnover")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "Permanent turnover")
        .type_text("20");
    harness.key_press(Key::Enter);
    harness.run();
    let turnover = |h: &App<'_>, i: u32| {
        h.state()
            .document()
            .scenarios()
            .plan(ScenarioId(i))
            .assumptions
            .turnover
            .permanent
    };
    assert!((turnover(&harness, 0) - 0.2).abs() < 1e-9);
    assert!(
        (turnover(&harness, 1) - 0.118).abs() < 1e-9,
        "the option keeps its own"
    );
}

#[test]
fn deleting_an_option_asks_first_and_keeps_the_baseline() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Fixed-term locality team");
    click(&mut harness, "Delete option");
    assert_shows(&harness, "Delete the option \"Fixed-term locality team\"");
    click(&mut harness, "Keep");
    assert_eq!(harness.state().document().scenarios().len(), 2);
    click(&mut harness, "Delete option");
    harness
        .query_all_by_label("Delete option")
        .last()
        .unwrap()
        .click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.scenarios().len(), 1);
    assert_eq!(doc.active(), ScenarioId::BASELINE);
    assert_eq!(doc.plan().teams.len(), 6);
}

#[test]
fn a_version_1_file_opens_as_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/v1-plans/stretched-locality.ron"),
        &copy,
    )
    .unwrap();
    let mut harness = common::app_harness(vec![Some(copy)]);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    for _ in 0..5 {
        harness.run();
    }
    common::wait_for_work(&mut harness);
    assert_shows(&harness, "Opened");
    let doc = harness.state().document();
    assert_eq!(doc.scenarios().len(), 1);
    assert_eq!(doc.plan().posts.len(), 38);
    assert!(!shows(&harness, "Fixed-term locality team"));
}

#[test]
fn a_known_leaver_is_entered_in_the_inspector_and_shows_in_the_projection() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Projection");
    let capacity_in = |h: &App<'_>, month: usize| {
        h.state().document().projection_if_ready().unwrap().months[month].capacity_points
    };
    let (september, october) = (capacity_in(&harness, 5), capacity_in(&harness, 6));
    click(&mut harness, "J. Brown · Social worker · 25");
    harness
        .get_by_role_and_label(Role::TextInput, "Worker's last month")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Worker's last month")
        .type_text("2026-09");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let post = harness.state().document().plan().posts[1].clone();
    assert_eq!(post.leaves, Some("2026-09".parse().unwrap()));
    // From October 2026 (month 6) J. Brown is gone. Under the default assumptions three in four
    // vacancies are covered by agency staff at once, so the expected loss is a quarter of his
    // 20 points, times the chance he had not already left through turnover (11.8% a year, so
    // 0.882^(6/12) = 0.93915): 20 x 0.25 x 0.93915 = 4.696 points.
    harness.run();
    assert_eq!(
        capacity_in(&harness, 5),
        september,
        "still there in September"
    );
    let lost = october - capacity_in(&harness, 6);
    let expected = 20.0 * 0.25 * 0.882f64.powf(0.5);
    assert!(
        (lost - expected).abs() < 1e-6,
        "lost {lost}, expected {expected}"
    );
}

#[test]
fn one_label_means_one_figure_on_the_overview_and_in_compare() {
    // Seen before: "Caseload per case-holding FTE" was 24.5 on the Overview card for the
    // fixed-term option but 13.8 in Compare, where the label named another figure.
    let mut harness = common::harness_with(common::example_before_moves());
    click(&mut harness, "Fixed-term locality team");
    // The 18 new social workers hold no cases yet: the DfE caseload stays 573 / 23.4 = 24.5,
    // while cases held per practitioner FTE fall to 573 / 41.4 = 13.8.
    harness.get_by_label("Caseload per case-holding FTE");
    assert_eq!(harness.query_all_by_label("24.5").count(), 1);
    harness.get_by_label("Cases held per practitioner FTE");
    harness.get_by_label("13.8");
    click(&mut harness, "Compare");
    harness.get_by_label("Caseload per case-holding FTE");
    harness.get_by_label("Cases held per practitioner FTE");
    // Baseline and option: 24.5 twice (DfE) and 24.5 once more for the baseline's cases held
    // per practitioner FTE (every available practitioner holds cases there); 13.8 for the option.
    assert_eq!(harness.query_all_by_label("24.5").count(), 3);
    harness.get_by_label("13.8");
}
