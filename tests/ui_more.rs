//! More of the desktop app as a user meets it: large plans, dropping a file on the window,
//! recent plans across restarts, filtering the posts table.

mod common;

use caseload_planner::app::{RecentFiles, ScriptedDialogs};
use caseload_planner::io::{default_plan, save_file};
use caseload_planner::model::{Band, ContractKind, TeamId, assess, synthetic};
use caseload_planner::ui::state::{PostFilter, PostSort};
use caseload_planner::ui::{CaseloadApp, RECENT_KEY, filtered_rows};
use egui_kittest::kittest::Queryable;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[test]
fn a_large_plan_shows_each_team_spread_instead_of_a_thousand_bars() {
    let plan = synthetic::plan(1_000, 20_000);
    let mut harness = common::builder().build_eframe(move |_cc| {
        CaseloadApp::with_plan(plan, Box::new(ScriptedDialogs::default()))
    });
    harness.run();
    // 1,000 posts less 50 managers, vacancies and absences: far more than MAX_WORKER_BARS
    // (80) bars, so the chart shows each team's spread instead.
    assert!(
        harness
            .query_all_by_label_contains("workers: showing each team's spread")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("50 teams · 1,000 posts · 20,000 cases held")
            .next()
            .is_some()
    );
}

/// A file dropped on the window, as the platform integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_plan_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weighted.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("saved-plans/weighted-caseload.ron"),
        &path,
    )
    .unwrap();
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    harness.run();
    common::wait_for_work(&mut harness);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert!(
        harness
            .query_all_by_label_contains("2 teams · 8 posts")
            .next()
            .is_some()
    );
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_last_plan_reopens_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("north.ron");
    let mut plan = default_plan();
    plan.name = "North restructure".into();
    save_file(&caseload_planner::model::ScenarioSet::new(plan), &path).unwrap();

    // First run: open the plan, then eframe saves the app's state on exit.
    let mut first = common::app_harness(vec![Some(path.clone())]);
    first.run();
    first.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    first.run();
    common::wait_for_work(&mut first);
    let mut storage = MemoryStorage::default();
    eframe::App::save(first.state_mut(), &mut storage);
    assert!(storage.0.contains_key(RECENT_KEY));

    // Second run: the recent list comes back from storage and the plan reopens.
    let recent: RecentFiles = eframe::get_value(&storage, RECENT_KEY).unwrap();
    let mut second = CaseloadApp::with_recent(recent, Box::new(ScriptedDialogs::default()));
    second.finish_opening();
    assert_eq!(second.document().plan().name, "North restructure");
    assert_eq!(second.document().path(), Some(path.as_path()));
}

#[test]
fn a_recent_plan_that_no_longer_opens_falls_back_to_the_example() {
    let mut recent = RecentFiles::default();
    recent.add(Path::new("/no/such/plan.ron"));
    let mut app = CaseloadApp::with_recent(recent, Box::new(ScriptedDialogs::default()));
    app.finish_opening();
    assert_eq!(app.document().plan(), &default_plan());
}

#[test]
fn the_posts_table_filters_and_sorts() {
    let plan = default_plan();
    let assessment = assess(&plan);
    let rows = |filter: &PostFilter| filtered_rows(&plan, &assessment, &Default::default(), filter);
    // Locality North has 9 posts; 2 of them agency.
    let north = PostFilter {
        team: Some(TeamId(2)),
        ..Default::default()
    };
    assert_eq!(rows(&north).len(), 9);
    let agency = PostFilter {
        team: Some(TeamId(2)),
        contract: Some(ContractKind::Agency),
        ..Default::default()
    };
    assert_eq!(rows(&agency).len(), 2);
    // Green posts: M. Davies (16 x 0.8 = 12.8 of 16 points, 80%) and the care leaver workers
    // W. Ellis (28 x 0.6 = 16.8 of 20, 84%), X. Ford (18 of 20, 90%), Y. Grant (16.2, 81%).
    let green = PostFilter {
        band: Some(Band::Green),
        ..Default::default()
    };
    let names: Vec<_> = rows(&green)
        .iter()
        .filter_map(|(p, _)| p.worker.clone())
        .collect();
    assert_eq!(
        names,
        ["M. Davies", "W. Ellis", "X. Ford", "Y. Grant (agency)"]
    );
    // Sorted by cases, most first: X. Ford holds 30.
    let by_cases = PostFilter {
        sort: PostSort::Cases,
        descending: true,
        ..Default::default()
    };
    assert_eq!(rows(&by_cases)[0].0.worker.as_deref(), Some("X. Ford"));
    let search = PostFilter {
        search: "osei".into(),
        ..Default::default()
    };
    assert_eq!(rows(&search).len(), 1);
}

#[test]
fn a_post_moves_to_another_team_from_its_menu_in_structure() {
    let plan = default_plan();
    let post = plan.posts.iter().find(|p| p.worker.is_some()).unwrap();
    let worker = post.worker.clone().unwrap();
    let from = post.team;
    let to = plan.teams.iter().find(|t| t.id != from).unwrap().clone();
    let id = post.id;
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness
        .query_all_by_label_contains(&format!("{worker} ·"))
        .next()
        .expect("the worker in Structure")
        .click_secondary();
    harness.run();
    common::click(&mut harness, "Move to team");
    // A small plan lists every other team; its own is not offered.
    let own = plan.teams.iter().find(|t| t.id == from).unwrap();
    assert!(harness.query_all_by_label(&own.name).count() <= 1);
    harness
        .query_all_by_label(&to.name)
        .last()
        .expect("the team offered")
        .click();
    harness.run();
    let moved = harness.state().document().plan().post(id).unwrap().team;
    assert_eq!(moved, to.id, "moved to {}", to.name);
    assert!(!common::shows(&harness, "Move to team"), "the menu closed");
}
