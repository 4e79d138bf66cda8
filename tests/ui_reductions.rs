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
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
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
    assert!(shows(
        &harness,
        "None: the worker's whole time is for cases."
    ));
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

    // A share over 100% is refused as it is typed.
    type_number(&mut harness, "Reduction 1 share", "150");
    assert!(shows(&harness, "must be from 0 to 100, not 150"));
    // Two reductions that together take more than the whole post: the second is refused by
    // the model, saying why; the 25% stays and the second stays at its 10%.
    click(&mut harness, "+ Add reduction");
    type_number(&mut harness, "Reduction 2 share", "80");
    assert!(
        shows(
            &harness,
            "Reductions take more than the whole of the post's time in 2026-04 (105%)"
        ),
        "the refusal says why"
    );
    let reductions = post(&harness).reductions;
    use caseload_planner::model::reductions::ReductionAmount::Share;
    assert_eq!(
        reductions.iter().map(|r| r.amount).collect::<Vec<_>>(),
        vec![Share(0.25), Share(0.1)]
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();

    // Undo takes the reduction away again: one edit, one step.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(post(&harness).reductions.is_empty());
    assert!(!shows(&harness, "Capacity kept back by reductions"));
}
