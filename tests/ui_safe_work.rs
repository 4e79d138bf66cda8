//! Never losing work, in the window (egui_kittest): saving over a file changed on disk or open
//! in another window asks first, a plan open in another window is said to be, and unsaved work
//! left by a window that ended is offered back.

mod common;

use caseload_planner::app::{AUTOSAVE_DELAY, RecentFiles, ScriptedDialogs};
use caseload_planner::io::lock::lock_path;
use caseload_planner::io::recovery::{recovery_path, recovery_text, write_recovery};
use caseload_planner::io::{default_scenarios, load_file, save_file};
use caseload_planner::model::{Command, ScenarioId, ScenarioSet};
use caseload_planner::ui::CaseloadApp;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant, UNIX_EPOCH};

type App<'a> = egui_kittest::Harness<'a, CaseloadApp>;

fn named(name: &str) -> ScenarioSet {
    let mut set = default_scenarios();
    set.apply(ScenarioId::BASELINE, Command::SetPlanName(name.into()))
        .unwrap();
    set
}

/// The window opened on `plan`, with Save As answered from `answers` and, when given, unsaved
/// work kept in `recovery`.
fn window_on(
    plan: Option<&Path>,
    answers: Vec<Option<PathBuf>>,
    recovery: Option<&Path>,
) -> App<'static> {
    let plan = plan.map(Path::to_owned);
    let recovery = recovery.map(Path::to_owned);
    let mut harness = common::builder().build_eframe(move |_cc| {
        let mut app = CaseloadApp::with_recent(
            RecentFiles::default(),
            Box::new(ScriptedDialogs::answering(answers)),
        );
        if let Some(folder) = &recovery {
            app = app.with_recovery_folder(folder);
        }
        if let Some(plan) = &plan {
            app.open_at_start(plan);
        }
        app
    });
    common::wait_for_work(&mut harness);
    harness
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// An unsaved edit: a new team.
fn edit(harness: &mut App<'_>) {
    harness.get_by_label("+ Team").click();
    harness.run();
    assert!(harness.state().document().is_dirty());
}

fn plan_name(path: &Path) -> String {
    load_file(path).unwrap().baseline().name.clone()
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_and_save_as_uses_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North locality.ron");
    save_file(&named("Opened"), &plan).unwrap();
    let other = dir.path().join("my copy.ron");
    let mut harness = window_on(Some(&plan), vec![Some(other.clone())], None);
    edit(&mut harness);

    // Saving with nothing changed on disk just saves.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert_eq!(load_file(&plan).unwrap().baseline().teams.len(), 7);

    // Someone else saves the file meanwhile.
    edit(&mut harness);
    save_file(&named("Changed by a colleague"), &plan).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        shows(
            &harness,
            "North locality.ron changed on disk since you opened it"
        ),
        "the question is asked"
    );
    assert_eq!(
        plan_name(&plan),
        "Changed by a colleague",
        "not overwritten"
    );
    harness.get_by_label("Save As…").click();
    harness.run();
    assert_eq!(plan_name(&plan), "Changed by a colleague");
    assert_eq!(
        &load_file(&other).unwrap(),
        harness.state().document().scenarios()
    );
    assert_eq!(harness.state().document().path(), Some(other.as_path()));
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn overwrite_replaces_a_file_changed_on_disk_and_cancel_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North.ron");
    save_file(&named("Opened"), &plan).unwrap();
    let mut harness = window_on(Some(&plan), vec![], None);
    edit(&mut harness);
    // The same size, other bytes: only the hash tells.
    let mut text = std::fs::read_to_string(&plan).unwrap();
    text = text.replacen("Opened", "Edited", 1);
    std::fs::write(&plan, &text).unwrap();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(plan_name(&plan), "Edited");
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(
        &load_file(&plan).unwrap(),
        harness.state().document().scenarios()
    );
    assert!(!harness.state().document().is_dirty());
}

/// A process standing in for another window, until killed.
fn other_window() -> Child {
    #[cfg(unix)]
    let child = std::process::Command::new("sleep").arg("600").spawn();
    #[cfg(windows)]
    let child = std::process::Command::new("cmd")
        .args(["/c", "timeout /t 600 >nul"])
        .spawn();
    child.expect("a process to stand in for another window")
}

fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

#[test]
fn a_plan_open_in_another_window_is_said_to_be_and_saving_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North.ron");
    save_file(&named("Shared"), &plan).unwrap();
    let mut other = other_window();
    let lock = format!("pid: {}\nhost: {}\n", other.id(), this_host());
    std::fs::write(lock_path(&plan), &lock).unwrap();

    let mut harness = window_on(Some(&plan), vec![], None);
    let message = format!(
        "North.ron is open in another Caseload Planner window (process {})",
        other.id()
    );
    assert!(shows(&harness, &message));
    // Cancel: the plan shown stays (here the example).
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().path(), None);

    harness.state_mut().open_at_start(&plan);
    common::wait_for_work(&mut harness);
    harness.get_by_label("Open anyway").click();
    harness.run();
    assert_eq!(harness.state().document().path(), Some(plan.as_path()));
    assert_eq!(
        std::fs::read_to_string(lock_path(&plan)).unwrap(),
        lock,
        "the other window's lock stays"
    );
    edit(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(shows(&harness, &message), "saving asks again");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(plan_name(&plan), "Shared");

    // The other window ends without removing its lock (killed): the lock is stale, and the
    // plan opens here without a question, locked for this window.
    other.kill().unwrap();
    other.wait().unwrap();
    let mut fresh = window_on(Some(&plan), vec![], None);
    assert!(!shows(&fresh, "is open in another"));
    assert_eq!(fresh.state().document().path(), Some(plan.as_path()));
    let text = std::fs::read_to_string(lock_path(&plan)).unwrap();
    assert!(
        text.contains(&format!("pid: {}", std::process::id())),
        "{text}"
    );
    fresh.run();
    // Opening another plan lets go of the lock.
    fresh.key_press_modifiers(Modifiers::COMMAND, Key::N);
    fresh.run();
    let deadline = Instant::now() + Duration::from_secs(30);
    while lock_path(&plan).exists() {
        assert!(Instant::now() < deadline, "the lock stays after New");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The id of a process that has ended: the window that left the recovery file.
fn ended_window() -> u32 {
    let mut child = other_window();
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    pid
}

/// A recovery file left by a window that ended with `set` unsaved, for `plan`.
fn left_behind(folder: &Path, plan: Option<&Path>, set: &ScenarioSet) -> PathBuf {
    let on_disk = plan.map(|p| {
        caseload_planner::io::Fingerprint::of_file(p)
            .unwrap()
            .unwrap()
    });
    // 27 Nov 2026 15:42 UTC (GMT in England).
    let at = UNIX_EPOCH + Duration::from_secs(1_795_794_120);
    let text = recovery_text(set, plan, on_disk.as_ref(), at).unwrap();
    write_recovery(folder, ended_window(), &text).unwrap()
}

#[test]
fn unsaved_work_left_by_an_ended_window_is_offered_and_restored_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let plan = dir.path().join("North locality.ron");
    save_file(&named("On disk"), &plan).unwrap();
    let left = left_behind(&recovery, Some(&plan), &named("Unsaved work"));

    let mut harness = window_on(None, vec![], Some(&recovery));
    harness.run();
    assert!(shows(&harness, "Unsaved work from 27 Nov 2026 "));
    assert!(shows(&harness, "(North locality.ron) was recovered"));
    harness.get_by_label("Restore").click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.scenarios(), &named("Unsaved work"));
    assert_eq!(doc.path(), Some(plan.as_path()));
    assert!(doc.is_dirty(), "restored as unsaved changes");
    assert_eq!(plan_name(&plan), "On disk", "the user's file is untouched");
    let mine = recovery_path(&recovery, std::process::id());
    assert!(!left.exists() && mine.exists(), "now this window's own");

    // Saving goes through the usual checks (nothing changed on disk: no question) and the
    // recovery copy goes once saved.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(plan_name(&plan), "Unsaved work");
    let deadline = Instant::now() + Duration::from_secs(30);
    while mine.exists() {
        assert!(
            Instant::now() < deadline,
            "the recovery copy stays after saving"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
}

#[test]
fn restored_work_whose_file_changed_since_asks_before_saving() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let plan = dir.path().join("North.ron");
    save_file(&named("Opened then"), &plan).unwrap();
    left_behind(&recovery, Some(&plan), &named("Unsaved work"));
    save_file(&named("Saved by a colleague since"), &plan).unwrap();

    let mut harness = window_on(None, vec![], Some(&recovery));
    harness.run();
    harness.get_by_label("Restore").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(shows(
        &harness,
        "North.ron changed on disk since you opened it"
    ));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(plan_name(&plan), "Saved by a colleague since");
}

#[test]
fn discarded_recovered_work_is_removed_and_not_offered_again() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let left = left_behind(&recovery, None, &named("Unsaved work"));
    let mut harness = window_on(None, vec![], Some(&recovery));
    harness.run();
    assert!(shows(&harness, "(an untitled plan) was recovered"));
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!left.exists());
    assert_eq!(
        harness.state().document().plan().name,
        "Stretched locality service (illustrative)"
    );
    let again = window_on(None, vec![], Some(&recovery));
    assert!(!shows(&again, "was recovered"));
}

#[test]
fn unsaved_work_is_autosaved_after_a_pause_and_removed_when_closing_with_discard() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let mut harness = window_on(None, vec![], Some(&recovery));
    edit(&mut harness);
    let file = recovery_path(&recovery, std::process::id());
    assert!(!file.exists(), "not at once");
    std::thread::sleep(AUTOSAVE_DELAY);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !file.exists() {
        assert!(Instant::now() < deadline, "no autosave");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    let kept = caseload_planner::io::recovery::read_recovery(&file).unwrap();
    assert_eq!(&kept.set, harness.state().document().scenarios());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    drop(harness); // the window closes
    assert!(
        !file.exists(),
        "closing with Discard changes removes the copy"
    );
}
