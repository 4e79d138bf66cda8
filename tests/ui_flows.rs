//! The desktop app driven as a user drives it (egui_kittest): click, type, read what is shown.

mod common;

use caseload_planner::io::load_file;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn status_shows(harness: &App<'_>, text: &str) {
    assert!(
        harness.query_all_by_label_contains(text).next().is_some(),
        "the window should show {text:?}"
    );
}

/// A copy of a bad plan in a temporary folder: a test that saves by mistake must never
/// overwrite the fixtures.
fn bad_plan(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad-plans")
        .join(name);
    let copy = dir.path().join(name);
    std::fs::copy(fixture, &copy).unwrap();
    copy
}

#[test]
fn a_newcomer_sees_the_example_plan_and_its_headline_figures() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    assert!(
        harness
            .query_all_by_label("Stretched locality service (illustrative)")
            .count()
            >= 1
    );
    // Caseload 573 / 23.4 = 24.5, shown twice: DfE definition and over all available FTE.
    assert_eq!(harness.query_all_by_label("24.5").count(), 2);
    harness.get_by_label("151.0%"); // utilisation 665.4 / 440.8
    harness.get_by_label("428"); // capacity in cases at each team's case mix
    harness.get_by_label("179 cases over capacity");
    harness.get_by_label("18.5%"); // agency 6 / 32.4
    harness.get_by_label("29.4%"); // vacancy 11 / 37.4
    harness.get_by_label("3 must be allocated");
    status_shows(
        &harness,
        "6 teams · 38 posts · 573 cases held · 35 unallocated",
    );
    status_shows(
        &harness,
        "Whole service: 3 must-allocate cases are unallocated",
    );
}

#[test]
fn adding_a_team_and_a_post_changes_the_counts() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    status_shows(&harness, "7 teams · 38 posts");
    harness.get_by_label("Team: Team 7"); // the new team is selected in the inspector
    harness.get_by_label("Add 1 post").click();
    harness.run();
    status_shows(&harness, "7 teams · 39 posts");
    // Post ids are unique across scenarios: the example's option already has posts 39 to 60.
    harness.get_by_label("Post 61 in Team 7");
    harness.get_by_label("Team 7 (1 post, –)"); // no case-holders yet: no utilisation
}

#[test]
fn a_cohort_of_fixed_term_posts_is_added_in_one_go() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    let count = harness.get_by_label("Number of posts to add");
    count.click();
    harness.run();
    harness
        .get_by_label("Number of posts to add")
        .type_text("18");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Add 18 posts");
    status_shows(&harness, "7 teams · 38 posts");
    harness.get_by_label("Add 18 posts").click();
    harness.run();
    status_shows(&harness, "7 teams · 56 posts");
}

#[test]
fn changing_a_case_weight_changes_the_weighted_load() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    // J. Brown: 22 assessments x 0.8 + 3 child protection x 1.5 = 22.1 points.
    harness
        .get_by_label("J. Brown · Social worker · 25")
        .click();
    harness.run();
    harness.get_by_label("22.1 points");

    harness.get_by_label("Weights, grades & costs").click();
    harness.run();
    harness.get_by_label("Child protection weight").click();
    harness.run();
    harness
        .get_by_label("Child protection weight")
        .type_text("2.5");
    harness.key_press(Key::Enter);
    harness.run();
    // 17.6 + 3 x 2.5 = 25.1 points, in the same inspector.
    harness.get_by_label("25.1 points");
    assert!(harness.query_by_label("22.1 points").is_none());
}

#[test]
fn undo_and_redo_from_the_keyboard() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    status_shows(&harness, "7 teams");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    status_shows(&harness, "6 teams");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    status_shows(&harness, "7 teams");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    status_shows(&harness, "7 teams");
}

#[test]
fn an_impossible_value_is_refused_with_its_reason() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness
        .get_by_label("J. Brown · Social worker · 25")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "FTE")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "FTE")
        .type_text("1.5");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Not changed: FTE must be above 0 and at most 1, not 1.5.")
            .count()
            >= 1
    );
    let fte = harness.state().document().plan().posts[1].fte;
    assert_eq!(fte, 1.0, "the plan keeps the old value");
}

#[test]
fn saving_through_the_dialog_and_opening_again_gives_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my plan"); // the app adds .ron
    let mut harness = common::app_harness(vec![Some(path.clone())]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    assert!(harness.state().document().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S); // never saved: asks where
    harness.run();
    let saved = dir.path().join("my plan.ron");
    assert!(!harness.state().document().is_dirty());
    // Every scenario is saved: the baseline with its new team, and the example's option.
    assert_eq!(
        &load_file(&saved).unwrap(),
        harness.state().document().scenarios()
    );
    assert_eq!(harness.state().document().scenarios().len(), 2);
    status_shows(&harness, "Saved ");
    status_shows(&harness, "my plan.ron");

    // A fresh window opens it through File > Open…
    let mut other = common::app_harness(vec![Some(saved.clone())]);
    other.run();
    other.get_by_label("File").click();
    other.run();
    other.get_by_label_contains("Open…").click();
    other.run();
    common::wait_for_work(&mut other);
    assert_eq!(
        other.state().document().plan(),
        harness.state().document().plan()
    );
    assert_eq!(other.state().document().path(), Some(saved.as_path()));
    status_shows(&other, "7 teams · 38 posts");
    assert_eq!(other.state().recent().last(), Some(saved.as_path()));
}

#[test]
fn a_bad_file_shows_its_error_and_keeps_the_open_plan_with_its_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(vec![Some(bad_plan(&dir, "many-problems.ron"))]);
    harness.run();
    harness.get_by_label("+ Team").click(); // an unsaved edit that must survive
    harness.run();
    let edited = harness.state().document().plan().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Discard changes").click();
    harness.run();
    common::wait_for_work(&mut harness);
    harness.get_by_label("The plan could not be opened");
    status_shows(&harness, "4 problems in the plan");
    harness.get_by_label("OK").click();
    harness.run();
    // Opening failed, so nothing was replaced: the edited plan is still open and still unsaved.
    assert_eq!(harness.state().document().plan(), &edited);
    assert!(harness.state().document().is_dirty());
    status_shows(&harness, "7 teams · 38 posts");
}

#[test]
fn a_file_that_fails_to_load_is_reported_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(vec![
        Some(bad_plan(&dir, "truncated.ron")),
        Some(bad_plan(&dir, "many-problems.ron")),
    ]);
    harness.run();
    let before = harness.state().document().plan().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    common::wait_for_work(&mut harness);
    harness.get_by_label("The plan could not be opened");
    status_shows(&harness, "truncated.ron:25:54:");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(
        harness
            .query_by_label("The plan could not be opened")
            .is_none()
    );
    assert_eq!(harness.state().document().plan(), &before);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    common::wait_for_work(&mut harness);
    status_shows(&harness, "4 problems in the plan");
    status_shows(
        &harness,
        "post 2: belongs to team 9, which is not in the plan",
    );
    assert_eq!(harness.state().document().plan(), &before);
    status_shows(&harness, "6 teams · 38 posts");
}

#[test]
fn the_unsaved_changes_prompt_guards_new() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    status_shows(&harness, "7 teams · 38 posts");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    status_shows(&harness, "0 teams · 0 posts");
    status_shows(&harness, "New plan");
}

#[test]
fn no_prompt_when_there_is_nothing_to_lose() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    status_shows(&harness, "0 teams · 0 posts");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    let root = harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default();
    root.events.push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    status_shows(&harness, "7 teams · 38 posts");
}
