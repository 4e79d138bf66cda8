//! Helpers for driving the real app headless with egui_kittest.
#![allow(dead_code)] // each test file uses a different subset

use caseload_planner::app::{RecentFiles, ScriptedDialogs};
use caseload_planner::io::default_scenarios;
use caseload_planner::model::{Command, ScenarioId, ScenarioSet};
use caseload_planner::ui::CaseloadApp;
use egui_kittest::{Harness, HarnessBuilder};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub const WINDOW: egui::Vec2 = egui::vec2(1440.0, 900.0);

/// Frames `run()` may step before the window must have settled. Above kittest's 4: background
/// work that ends while `run()` steps wakes the window for two more frames to take its result.
const MAX_STEPS: u64 = 10;

/// A harness for the app at the window's usual size.
pub fn builder() -> HarnessBuilder<CaseloadApp> {
    Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
}

/// The app as a newcomer first sees it (built-in example plan), with scripted file dialogs.
pub fn app_harness(dialog_answers: Vec<Option<PathBuf>>) -> Harness<'static, CaseloadApp> {
    builder().build_eframe(move |_cc| {
        CaseloadApp::with_recent(
            RecentFiles::default(),
            Box::new(ScriptedDialogs::answering(dialog_answers)),
        )
    })
}

/// Steps the app until its background work (a file opening, the Projection's bands) is done and
/// taken, then until it settles: for flows that expect that work's result. Fails after a
/// generous time rather than hanging.
pub fn wait_for_work(harness: &mut Harness<'_, CaseloadApp>) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while harness.state().is_busy() {
        assert!(
            Instant::now() < deadline,
            "the background work did not finish"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// The built-in example with its fixed-term option as first written, before it took the
/// localities' cases: the 18 new social workers hold no cases, and every other worker and team
/// holds what it holds in the baseline.
pub fn example_before_moves() -> ScenarioSet {
    let mut set = default_scenarios();
    let baseline = set.baseline().clone();
    let option = set.plan(ScenarioId(1)).clone();
    let mut undo_moves = Vec::new();
    for post in &option.posts {
        let before = baseline.post(post.id).map(|p| p.cases.clone());
        for case_type in &option.case_types {
            let count = before
                .as_ref()
                .and_then(|c| c.get(&case_type.id).copied())
                .unwrap_or(0);
            if post.cases.get(&case_type.id).copied().unwrap_or(0) != count {
                undo_moves.push(Command::SetPostCases {
                    post: post.id,
                    case_type: case_type.id,
                    count,
                });
            }
        }
    }
    for team in &baseline.teams {
        for case_type in &option.case_types {
            let count = team.unallocated.get(&case_type.id).copied().unwrap_or(0);
            undo_moves.push(Command::SetUnallocated {
                team: team.id,
                case_type: case_type.id,
                count,
            });
        }
    }
    set.apply(ScenarioId(1), Command::Batch(undo_moves))
        .unwrap();
    set
}

/// The app with `set` open (no file behind it), settled on its first frame.
pub fn harness_with(set: ScenarioSet) -> Harness<'static, CaseloadApp> {
    let mut harness = builder().build_eframe(move |_cc| {
        CaseloadApp::with_scenarios(set, Box::new(ScriptedDialogs::answering(vec![])))
    });
    harness.run();
    harness
}

type App<'a> = Harness<'a, CaseloadApp>;

/// Clicks the first widget labelled `label` and lets the app settle.
pub fn click(harness: &mut App<'_>, label: &str) {
    use egui_kittest::kittest::Queryable;
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

/// Whether anything shown has `text` in its label.
pub fn shows(harness: &App<'_>, text: &str) -> bool {
    use egui_kittest::kittest::Queryable;
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Opens combo box `combo` and picks `entry` in its list (the entry below the box).
pub fn choose(harness: &mut App<'_>, combo: &str, entry: &str) {
    use egui_kittest::kittest::Queryable;
    let left = harness.get_by_label(combo).rect().left();
    harness.get_by_label(combo).click();
    harness.run();
    harness
        .query_all_by_label(entry)
        .find(|n| (n.rect().left() - left).abs() < 20.0)
        .unwrap_or_else(|| panic!("{entry:?} is offered under {combo:?}"))
        .click();
    harness.run();
}

/// Types `value` into the number field labelled `label` and presses Enter.
pub fn type_number(harness: &mut App<'_>, label: &str, value: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .type_text(value);
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// Turns the mouse wheel once, `points` down, with the pointer at `at`, and lets the app settle.
pub fn wheel_down(harness: &mut App<'_>, at: egui::Pos2, points: f32) {
    harness.event(egui::Event::PointerMoved(at));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -points),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
}

/// Types `text` into the last text field whose placeholder is `placeholder` (a search field is
/// named by its placeholder).
pub fn type_into(harness: &mut App<'_>, placeholder: &str, text: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{Queryable, by};
    let field = || {
        by().role(Role::TextInput)
            .predicate(move |n| n.placeholder() == Some(placeholder))
    };
    harness
        .query_all(field())
        .last()
        .expect("the field")
        .click();
    harness.run();
    harness
        .query_all(field())
        .last()
        .expect("the field")
        .type_text(text);
    harness.run();
}
