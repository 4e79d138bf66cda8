//! Protected time as a manager enters it: a reduction on one worker shows in the inspector
//! (capacity before and after) and on the Overview (what reductions keep back service-wide);
//! one that would take more than the whole post is refused with the reason.

mod common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn type_number(harness: &mut App<'_>, label: &str, value: &str) {
    harness.get_by_role_and_label(Role::SpinButton, label).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .type_text(value);
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn protected_time_on_a_worker_shows_in_the_inspector_and_the_overview() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    assert!(!shows(&harness, "Capacity kept back by reductions"));
    // J. Brown: social worker, 1 FTE, 20 points.
    click(&mut harness, "J. Brown · Social worker · 25");
    assert!(shows(&harness, "None: the worker's whole time is for cases."));
    click(&mut harness, "+ Add reduction");
    // The new reduction: development time, 10% of the time from the plan's start.
    let post = |h: &App<'_>| {
        h.state()
            .document()
            .plan()
            .posts
            .iter()
            .find(|p| p.worker.as_deref() == Some("J. Brown"))
            .unwrap()
            .clone()
    };
    assert_eq!(post(&harness).reductions.len(), 1);
    type_number(&mut harness, "Reduction 1 share", "25");
    // 20 × 1 × (1 − 0.25) = 15 points.
    assert!(shows(&harness, "15.0 points (20.0 before reductions)"));
    assert!(
        shows(&harness, "Capacity kept back by reductions: 5.0 points"),
        "the Overview's line"
    );

    // More than the whole post: refused, saying why; the 25% stays.
    type_number(&mut harness, "Reduction 1 share", "150");
    assert!(
        shows(&harness, "100% of the post's time"),
        "the refusal names the limit"
    );
    let reductions = post(&harness).reductions;
    assert_eq!(
        reductions[0].amount,
        caseload_planner::model::reductions::ReductionAmount::Share(0.25)
    );

    // Undo takes the reduction away again: one edit, one step.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(post(&harness).reductions.is_empty());
    assert!(!shows(&harness, "Capacity kept back by reductions"));
}
