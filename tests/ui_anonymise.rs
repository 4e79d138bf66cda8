//! Anonymised names, as a consultant uses them before a meeting: one switch (the toolbar's
//! *Anonymise* or View > Anonymise names) and no worker's name is anywhere in any view, the
//! inspector or a presentation; the plan is not changed; the choice is remembered for the
//! plan's file and off for a new plan.

mod common;

use caseload_planner::model::ScenarioSet;
use egui::Key;
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

/// Every worker's name in every scenario.
fn worker_names(set: &ScenarioSet) -> Vec<String> {
    let mut names: Vec<String> = set
        .iter()
        .flat_map(|s| s.plan.posts.iter().filter_map(|p| p.worker.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The names of `names` found anywhere in the window's accessibility tree.
fn names_shown(harness: &App<'_>, names: &[String]) -> Vec<String> {
    let tree = format!("{:?}", harness.root());
    names
        .iter()
        .filter(|n| tree.contains(n.as_str()))
        .cloned()
        .collect()
}

const VIEWS: [&str; 7] = [
    "Overview",
    "Posts",
    "Staffing mix",
    "Projection",
    "Compare",
    "Benchmarks",
    "Weights, grades & costs",
];

#[test]
fn with_names_anonymised_no_worker_name_is_in_any_view() {
    let mut harness = common::app_harness(vec![]);
    common::wait_for_work(&mut harness);
    let set = harness.state().document().scenarios().clone();
    let names = worker_names(&set);
    assert!(names.len() > 30, "the example names its workers");
    // Names are shown until the switch is on (the test can see them).
    click(&mut harness, "Posts");
    assert!(!names_shown(&harness, &names).is_empty());

    click(&mut harness, "Anonymise");
    for scenario in ["Baseline", "Fixed-term locality team"] {
        click(&mut harness, scenario);
        for view in VIEWS {
            click(&mut harness, view);
            common::wait_for_work(&mut harness);
            assert_eq!(
                names_shown(&harness, &names),
                Vec::<String>::new(),
                "{view}"
            );
        }
    }
    // A post selected: the inspector shows its pseudonym, not the name, and no name field.
    click(&mut harness, "Posts");
    let first = harness
        .query_all_by_label_contains("Social worker 1")
        .next()
        .expect("a social worker's pseudonym");
    first.click();
    harness.run();
    assert!(harness.query_by_label("Worker name").is_none());
    assert_eq!(
        names_shown(&harness, &names),
        Vec::<String>::new(),
        "inspector"
    );
    // Balancing's preview names the workers it moves cases between.
    click(&mut harness, "Edit");
    click(&mut harness, "Balance caseloads…");
    assert_eq!(
        names_shown(&harness, &names),
        Vec::<String>::new(),
        "balance preview"
    );
    harness.key_press(Key::Escape);
    harness.run();

    // Presentation slides too.
    harness.key_press(Key::F5);
    harness.run();
    click(&mut harness, "Start");
    for _ in 0..8 {
        assert_eq!(
            names_shown(&harness, &names),
            Vec::<String>::new(),
            "slides"
        );
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();

    // The plan is unchanged, and the names come back with the switch off.
    assert_eq!(harness.state().document().scenarios(), &set);
    assert!(!harness.state().document().is_dirty());
    click(&mut harness, "Anonymise");
    click(&mut harness, "Posts");
    assert!(!names_shown(&harness, &names).is_empty());
}

#[test]
fn the_switch_is_remembered_for_the_plans_file_and_off_for_a_new_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locality.ron");
    let mut harness = common::app_harness(vec![Some(path.clone()), Some(path.clone())]);
    common::wait_for_work(&mut harness);
    click(&mut harness, "Anonymise");
    menu(&mut harness, "Save as…");
    common::wait_for_work(&mut harness);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    let names = worker_names(&caseload_planner::io::load_file(&path).unwrap());

    // Another plan (the example again, no file behind it): names shown.
    menu(&mut harness, "Open example");
    click(&mut harness, "Posts");
    assert!(!names_shown(&harness, &names).is_empty());
    // The saved plan again: anonymised, as it was left.
    menu(&mut harness, "Open…");
    common::wait_for_work(&mut harness);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    click(&mut harness, "Posts");
    assert_eq!(names_shown(&harness, &names), Vec::<String>::new());
}

/// File > `entry` (whose name may carry its shortcut).
fn menu(harness: &mut App<'_>, entry: &str) {
    click(harness, "File");
    harness
        .query_all_by_label_contains(entry)
        .next()
        .unwrap_or_else(|| panic!("no {entry:?} in the File menu"))
        .click();
    harness.run();
}
