//! Heavy work off the frame, driven as a user meets it: the Projection's bands are worked out in
//! the background and never drawn for an earlier plan; a large file opens in the background
//! with the window responsive and the open plan untouched until it is ready; the last plan
//! reopens at start the same way.

mod common;

use caseload_planner::app::{BAND_RUNS, BAND_SEED, RecentFiles, ScriptedDialogs};
use caseload_planner::io::{default_plan, save_file};
use caseload_planner::model::projection::monte_carlo;
use caseload_planner::model::{ScenarioSet, synthetic};
use caseload_planner::ui::CaseloadApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

type App<'a> = Harness<'a, CaseloadApp>;

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn click(harness: &mut App<'_>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The app with a generated plan large enough that its bands take a while in a test build.
fn large_plan_app() -> App<'static> {
    let plan = synthetic::plan(1_000, 20_000);
    common::builder()
        .build_eframe(move |_cc| CaseloadApp::with_plan(plan, Box::new(ScriptedDialogs::default())))
}

#[test]
fn the_projection_draws_the_expected_path_at_once_and_says_the_bands_are_coming() {
    let mut harness = large_plan_app();
    harness.run();
    click(&mut harness, "Projection");
    // The expected path is there in the first frame; the bands are being worked out.
    assert!(harness.state().document().projection_if_ready().is_some());
    assert!(harness.state().document().bands_if_ready().is_none());
    assert!(harness.state().is_busy());
    assert!(shows(&harness, "Working out the range of outcomes…"));
    assert!(shows(&harness, "Bands: being worked out"));
    // The window keeps answering meanwhile: another view opens at once.
    click(&mut harness, "Staffing mix");
    assert!(shows(&harness, "Per\nmanager"));
}

#[test]
fn bands_for_an_earlier_plan_are_never_drawn_over_a_newer_one() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Projection");
    common::wait_for_work(&mut harness);
    let first = harness
        .state()
        .document()
        .bands_if_ready()
        .cloned()
        .unwrap();
    assert!(!shows(&harness, "Working out the range of outcomes"));

    // Turnover up: the expected path follows in the same frame, and the old bands go with
    // the old plan.
    click(&mut harness, "Assumptions for this scenario");
    let turnover = harness.get_by_role_and_label(Role::SpinButton, "Permanent turnover");
    turnover.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "Permanent turnover")
        .type_text("30");
    harness.key_press(Key::Enter);
    harness.key_press(Key::Tab);
    harness.run();
    let doc = harness.state().document();
    assert!((doc.plan().assumptions.turnover.permanent - 0.3).abs() < 1e-9);
    assert_ne!(
        doc.bands_if_ready(),
        Some(&first),
        "no bands of the old plan"
    );
    common::wait_for_work(&mut harness);
    let doc = harness.state().document();
    let expected = monte_carlo(doc.plan(), BAND_RUNS, BAND_SEED);
    assert_eq!(
        doc.bands_if_ready(),
        Some(&expected),
        "the bands of the plan drawn"
    );
    assert_ne!(expected, first);
}

/// A file of `posts` generated posts, named `name`.
fn large_file(dir: &Path, name: &str, posts: usize) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut plan = synthetic::plan(posts, posts * 20);
    plan.name = "Large generated plan".into();
    save_file(&ScenarioSet::new(plan), &path).unwrap();
    path
}

#[test]
fn a_large_file_opens_in_the_background_and_the_plan_shown_stays_until_it_is_ready() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_file(dir.path(), "large.ron", 3_000);
    let mut harness = common::app_harness(vec![Some(path.clone())]);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    if harness.state().document().path() == Some(path.as_path()) {
        // Opened within the frames that took the key press (the harness runs until the
        // window settles, and the reading thread may finish meanwhile): nothing to wait for.
        assert_eq!(
            harness.state().document().plan().name,
            "Large generated plan"
        );
        return;
    }
    assert!(shows(&harness, "Opening large.ron…"));
    assert_eq!(harness.state().document().plan(), &default_plan());
    // The plan about to be replaced takes no edits meanwhile (unless the file has opened in
    // the meantime, on a fast machine: then the click was the opened plan's to take).
    harness.get_by_label("+ Team").click();
    harness.run();
    let doc = harness.state().document();
    if doc.path() == Some(path.as_path()) {
        // Opened before the click was taken (a fast machine): the click was the opened plan's,
        // and there is no wait left to check.
        assert_eq!(doc.plan().name, "Large generated plan");
        return;
    }
    assert!(!doc.is_dirty(), "an edit went into the plan being replaced");

    common::wait_for_work(&mut harness);
    let doc = harness.state().document();
    assert_eq!(doc.plan().name, "Large generated plan");
    assert_eq!(doc.path(), Some(path.as_path()));
    assert!(shows(&harness, "Opened "));
    assert!(shows(&harness, "150 teams · 3,000 posts"));
    assert!(!shows(&harness, "Opening large.ron"));
}

#[test]
fn opening_can_be_stopped_and_the_plan_shown_stays() {
    let dir = tempfile::tempdir().unwrap();
    // Large enough that opening cannot finish within the frames before the click, even on a
    // fast or idle machine (3,000 posts once did, under CI).
    let path = large_file(dir.path(), "large.ron", 20_000);
    let mut harness = common::app_harness(vec![Some(path)]);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    click(&mut harness, "Stop opening");
    assert!(!harness.state().is_busy());
    assert!(!shows(&harness, "Opening large.ron"));
    // However long the file would have taken, it never replaces the plan.
    std::thread::sleep(std::time::Duration::from_millis(500));
    harness.run();
    assert_eq!(harness.state().document().plan(), &default_plan());
    assert_eq!(harness.state().document().path(), None);
    assert!(
        harness
            .query_by_label("The plan could not be opened")
            .is_none()
    );
}

#[test]
fn the_last_plan_reopens_in_the_background_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_file(dir.path(), "last.ron", 3_000);
    let mut recent = RecentFiles::default();
    recent.add(&path);
    let mut harness = common::builder().build_eframe(move |_cc| {
        CaseloadApp::with_recent(recent, Box::new(ScriptedDialogs::default()))
    });
    harness.run();
    // Not the example meanwhile: the user is waiting for their own plan.
    assert!(shows(&harness, "Opening last.ron…"));
    assert!(!shows(&harness, "Front Door"));
    common::wait_for_work(&mut harness);
    assert_eq!(
        harness.state().document().plan().name,
        "Large generated plan"
    );
    assert!(shows(&harness, "150 teams · 3,000 posts"));
}

#[test]
fn the_bands_can_be_stopped_and_worked_out_again() {
    let mut harness = large_plan_app();
    harness.run();
    click(&mut harness, "Projection");
    assert!(shows(&harness, "Working out the range of outcomes…"));
    click(&mut harness, "Stop");
    assert!(!harness.state().is_busy(), "nothing left in the background");
    assert!(shows(
        &harness,
        "Bands: stopped; the lines are the expected path."
    ));
    assert!(!shows(&harness, "Working out the range of outcomes"));
    // Stopped stays stopped: the window does not start them again by itself.
    std::thread::sleep(std::time::Duration::from_millis(100));
    harness.run();
    assert!(shows(&harness, "Bands: stopped"));
    assert!(harness.state().document().bands_if_ready().is_none());

    click(&mut harness, "Work out the bands");
    assert!(shows(&harness, "Working out the range of outcomes…"));
    common::wait_for_work(&mut harness);
    let doc = harness.state().document();
    let expected = monte_carlo(doc.plan(), BAND_RUNS, BAND_SEED);
    assert_eq!(doc.bands_if_ready(), Some(&expected));
    assert!(shows(&harness, "Bands: 10th to 90th percentile"));
}
