//! What a user notices in the first hour (issue 9, "Polish"): values refused rather than quietly
//! changed, a title naming the plan, Save As suggesting a name and folder, the example reopened
//! after New, lists opening at the top, a cohort added already filled, and Help's windows.

mod common;

use caseload_planner::app::{DialogPurpose, RecentFiles, ScriptedDialogs};
use caseload_planner::io::{default_plan, save_file};
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::model::{ScenarioSet, assess, synthetic};
use caseload_planner::ui::CaseloadApp;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, CaseloadApp>;

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Types `text` into the number field called `label` and presses Enter.
fn type_number(harness: &mut App<'_>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .type_text(text);
    harness.key_press(Key::Enter);
    harness.run();
}

fn open_menu(harness: &mut App<'_>, menu: &str, entry: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

#[test]
fn typing_minus_five_cases_is_refused_with_the_reason_not_made_zero() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    // J. Brown (post 2) holds 3 child protection cases.
    harness
        .get_by_label("J. Brown · Social worker · 25")
        .click();
    harness.run();
    type_number(&mut harness, "Child protection cases", "-5");
    assert!(
        shows(
            &harness,
            "Not changed: Child protection cases must be from 0 to 100,000, not -5."
        ),
        "the reason is shown in the inspector"
    );
    let plan = harness.state().document().plan();
    assert_eq!(plan.posts[1].cases_held(), 25, "the plan keeps its cases");
    assert!(!harness.state().document().is_dirty());

    // A whole number is needed: 2.5 cases is not rounded to 2.
    type_number(&mut harness, "Child protection cases", "2.5");
    assert!(shows(
        &harness,
        "Child protection cases must be a whole number, not 2.5."
    ));
    assert_eq!(harness.state().document().plan().posts[1].cases_held(), 25);

    // A value that makes sense is applied, and the message goes.
    type_number(&mut harness, "Child protection cases", "5");
    assert_eq!(harness.state().document().plan().posts[1].cases_held(), 27);
    assert!(!shows(&harness, "Not changed:"));
}

#[test]
fn negative_unallocated_cases_and_post_counts_are_refused_too() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    let team = &default_plan().teams[0];
    harness
        .query_all_by_label_contains(&format!("{} (", team.name))
        .next()
        .unwrap()
        .click();
    harness.run();
    type_number(&mut harness, "Unallocated Child protection", "-5");
    assert!(shows(
        &harness,
        "Not changed: Unallocated Child protection must be from 0 to 100,000, not -5."
    ));
    assert_eq!(harness.state().document().plan(), &default_plan());

    type_number(&mut harness, "Number of posts to add", "-5");
    assert!(shows(
        &harness,
        "Number of posts to add must be from 1 to 200, not -5."
    ));
    harness.get_by_label("Add 1 post"); // the form keeps its count

    type_number(&mut harness, "New posts' FTE", "1.5");
    assert!(shows(
        &harness,
        "New posts' FTE must be from 0.01 to 1, not 1.5."
    ));
}

#[test]
fn eighteen_fixed_term_workers_are_added_filled_in_one_go_and_undone_in_one_step() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("+ Team").click();
    harness.run();
    let team = harness.state().document().plan().teams.last().unwrap().id;
    let combo = harness.get_by_label("New posts' contract").rect();
    harness.get_by_label("New posts' contract").click();
    harness.run();
    // The entry of the list just opened under the box (the staffing mix chart's legend says
    // "Fixed-term" too).
    harness
        .query_all_by_label("Fixed-term")
        .find(|n| (n.rect().left() - combo.left()).abs() < 20.0)
        .unwrap()
        .click();
    harness.run();
    type_number(&mut harness, "Number of posts to add", "18");
    for (field, month) in [
        ("New posts' contract starts", "2026-04"),
        ("New posts' contract ends", "2027-03"),
    ] {
        harness.get_by_label(field).click();
        harness.run();
        harness.get_by_label(field).type_text(month);
        harness.run();
    }
    harness.get_by_label("Filled: New worker 1, 2, …").click();
    harness.run();
    harness.get_by_label("Add 18 filled posts").click();
    harness.run();

    let doc = harness.state().document();
    let added: Vec<_> = doc.plan().posts.iter().filter(|p| p.team == team).collect();
    assert_eq!(added.len(), 18);
    assert!(added.iter().all(|p| !p.is_vacant()));
    assert_eq!(added[0].worker.as_deref(), Some("New worker 1"));
    assert_eq!(added[17].worker.as_deref(), Some("New worker 18"));
    // 18 full-time social workers at 20 points each: 360 points of capacity, at once.
    let capacity = assess(doc.plan())
        .team(team)
        .unwrap()
        .totals
        .sums
        .capacity_points;
    assert!((capacity - 360.0).abs() < 1e-9, "{capacity}");
    assert!(shows(&harness, "7 teams · 56 posts"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        shows(&harness, "7 teams · 38 posts"),
        "one undo removes them all"
    );
}

#[test]
fn the_title_names_the_plan_and_its_file_and_save_as_suggests_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = default_plan();
    plan.name = "North locality".into();
    let file = dir.path().join("north.ron");
    save_file(&ScenarioSet::new(plan), &file).unwrap();

    let dialogs = ScriptedDialogs::answering(vec![None]);
    let asked = dialogs.asked.clone();
    let mut recent = RecentFiles::default();
    recent.add(&file);
    let mut harness = common::builder()
        .build_eframe(move |_cc| CaseloadApp::with_recent(recent, Box::new(dialogs)));
    common::wait_for_work(&mut harness);
    assert_eq!(
        harness.state().document().window_title(),
        "North locality — north.ron — Caseload Planner"
    );
    harness.get_by_label("+ Team").click();
    harness.run();
    assert_eq!(
        harness.state().document().window_title(),
        "North locality — north.ron ● — Caseload Planner"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    harness.run();
    let asked = asked.lock().unwrap();
    let request = asked.last().expect("Save As asked for a file");
    assert_eq!(request.purpose, DialogPurpose::SaveAs);
    assert_eq!(request.file_name, "North locality.ron");
    assert_eq!(request.folder.as_deref(), Some(dir.path()));
}

#[test]
fn the_built_in_example_opens_again_after_new() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(shows(&harness, "0 teams · 0 posts"));
    open_menu(&mut harness, "File", "Open example");
    assert!(shows(&harness, "6 teams · 38 posts"));
    assert_eq!(harness.state().document().plan(), &default_plan());
    assert_eq!(harness.state().document().scenarios().len(), 2);

    // With unsaved changes, it asks first.
    harness.get_by_label("+ Team").click();
    harness.run();
    open_menu(&mut harness, "File", "Open example");
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().document().plan(), &default_plan());
}

#[test]
fn help_shows_what_the_figures_mean_from_the_catalogue() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    let caseload = figure(FigureId::Caseload);
    let cost = figure(FigureId::CostPerCaseOfCapacity);
    let count = |harness: &App<'_>, text: &str| harness.query_all_by_label(text).count();
    let before = [caseload.label, caseload.definition, cost.definition].map(|t| count(&harness, t));
    open_menu(&mut harness, "Help", "What the figures mean");
    harness.get_by_label("What the figures mean"); // the window's title
    let after = [caseload.label, caseload.definition, cost.definition].map(|t| count(&harness, t));
    assert_eq!(
        after,
        before.map(|n| n + 1),
        "each shown once more, in Help"
    );
}

#[test]
fn help_shows_the_first_ten_minutes_guide_and_the_shortcuts() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    open_menu(&mut harness, "Help", "First ten minutes");
    assert!(shows(&harness, "1. Read the example. The app opens on"));
    assert!(shows(&harness, "9. Save. Ctrl+S asks where the first time"));
    assert!(
        !shows(&harness, "**"),
        "Markdown's marks are styles, not text"
    );

    open_menu(&mut harness, "Help", "Keyboard shortcuts");
    harness.get_by_label("Redo what was undone.");
    // In the shortcuts' window and in the guide's table.
    assert_eq!(
        harness.query_all_by_label("Ctrl+Shift+Z or Ctrl+Y").count(),
        2
    );
}

/// The window's memory as eframe keeps it between runs (saved on exit, restored at start).
fn restart_with_memory_of(before: &App<'_>, plan: caseload_planner::model::Plan) -> App<'static> {
    let memory = before.ctx.memory(|m| ron::to_string(m).unwrap());
    let mut after = common::builder().build_eframe(move |cc| {
        cc.egui_ctx
            .memory_mut(|m| *m = ron::from_str(&memory).unwrap());
        CaseloadApp::with_plan(plan, Box::new(ScriptedDialogs::default()))
    });
    after.run();
    after
}

#[test]
fn the_structure_tree_opens_at_the_top_after_a_restart_and_for_another_plan() {
    let plan = synthetic::plan(120, 2_000); // 6 teams of 20 posts: taller than the window
    let first = format!("{} (20 posts", plan.teams[0].name);
    let last = format!("{} (20 posts", plan.teams[5].name);
    let top_of_tree = |harness: &App<'_>| harness.get_by_label("Structure").rect().bottom();
    let team_top = |harness: &App<'_>, caption: &str| {
        harness
            .query_all_by_label_contains(caption)
            .next()
            .unwrap()
            .rect()
            .top()
    };

    let start = plan.clone();
    let mut harness = common::builder().build_eframe(move |_cc| {
        CaseloadApp::with_plan(start, Box::new(ScriptedDialogs::default()))
    });
    harness.run();
    assert!(team_top(&harness, &first) > top_of_tree(&harness));
    harness
        .query_all_by_label_contains(&last)
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    assert!(
        team_top(&harness, &first) < top_of_tree(&harness),
        "scrolled down to the last team, the first is out of view"
    );

    let after = restart_with_memory_of(&harness, plan.clone());
    assert!(
        team_top(&after, &first) > top_of_tree(&after),
        "after a restart the tree opens at the top"
    );

    // Another plan opened in the same window opens at the top too.
    harness
        .query_all_by_label_contains(&last)
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    harness.run();
    open_menu(&mut harness, "File", "Open example");
    let example_first = format!("{} (", default_plan().teams[0].name);
    assert!(team_top(&harness, &example_first) > top_of_tree(&harness));
}

#[test]
fn the_alert_list_opens_at_the_top_after_a_restart() {
    let plan = synthetic::plan(400, 12_000); // 20 teams over capacity: a long list of alerts
    let a = assess(&plan);
    assert!(
        a.teams
            .iter()
            .filter(|t| !t.totals.flags.is_empty())
            .count()
            > 10
    );
    let first = format!("Whole service: {}", a.service.flags[0]);
    let alerts_top = |harness: &App<'_>| {
        harness
            .query_all_by_label_contains("Alerts: ")
            .next()
            .unwrap()
            .rect()
            .bottom()
    };
    let line_top = |harness: &App<'_>, text: &str| {
        harness
            .query_all_by_label(text)
            .map(|n| n.rect().top())
            .fold(f32::INFINITY, f32::min)
    };
    let start = plan.clone();
    let mut harness = common::builder().build_eframe(move |_cc| {
        CaseloadApp::with_plan(start, Box::new(ScriptedDialogs::default()))
    });
    harness.run();
    assert!(line_top(&harness, &first) >= alerts_top(&harness));
    let last_team = plan.teams.last().unwrap();
    let last_flag = a.teams.last().unwrap().totals.flags.last().unwrap();
    // Scrolled down to its last line with the mouse wheel over the list (lines out of sight
    // are not laid out, so there is no node to scroll to).
    let last_line = format!("{}: {last_flag}", last_team.name);
    let over_list = {
        let heading = harness
            .query_all_by_label_contains("Alerts: ")
            .next()
            .unwrap()
            .rect();
        egui::pos2(heading.left() + 40.0, heading.bottom() + 40.0)
    };
    for _ in 0..60 {
        if harness.query_by_label(&last_line).is_some() {
            break;
        }
        common::wheel_down(&mut harness, over_list, 60.0);
    }
    assert!(
        harness.query_by_label(&last_line).is_some(),
        "the last alert reached"
    );
    // The first line scrolled up out of sight: above the heading, or not laid out at all.
    assert!(
        harness.query_by_label(&first).is_none()
            || line_top(&harness, &first) < alerts_top(&harness)
    );

    let after = restart_with_memory_of(&harness, plan);
    assert!(
        after.query_by_label(&first).is_some(),
        "the first alert shown"
    );
    assert!(
        line_top(&after, &first) >= alerts_top(&after),
        "after a restart the alerts open at the top"
    );
}
