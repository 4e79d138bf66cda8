//! Lock files (which window has a plan open) and recovery files (unsaved work kept for after a
//! crash), as files: `src/io/lock.rs` and `src/io/recovery.rs`.

use caseload_planner::io::lock::{LockOwner, Locking, PlanLock, held_elsewhere, lock_path};
use caseload_planner::io::recovery::{
    adopt, find_recovered, read_recovery, recovery_path, recovery_text, write_recovery,
};
use caseload_planner::io::{default_scenarios, save_file};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, UNIX_EPOCH};

/// A process that runs until killed (a stand-in for another window).
fn running_process() -> Child {
    #[cfg(unix)]
    let child = Command::new("sleep").arg("600").spawn();
    #[cfg(windows)]
    let child = Command::new("cmd")
        .args(["/c", "timeout /t 600 >nul"])
        .spawn();
    child.expect("a process to stand in for another window")
}

/// The id of a process that has ended.
fn ended_process() -> u32 {
    let mut child = running_process();
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    pid
}

fn write_lock(plan: &Path, pid: u32, host: &str) {
    std::fs::write(lock_path(plan), format!("pid: {pid}\nhost: {host}\n")).unwrap();
}

fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

#[test]
fn opening_a_plan_locks_it_until_the_window_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North.ron");
    save_file(&default_scenarios(), &plan).unwrap();
    let Locking::Locked(lock) = PlanLock::acquire(&plan) else {
        panic!("a plan nobody has open is locked");
    };
    assert_eq!(lock.file(), dir.path().join("North.ron.lock"));
    let text = std::fs::read_to_string(lock.file()).unwrap();
    assert!(
        text.contains(&format!("pid: {}", std::process::id())),
        "{text}"
    );
    assert_eq!(held_elsewhere(&plan), None, "this window's own lock");

    // The same window opens the plan again: the new lock takes over, and letting go of the
    // old one leaves it.
    let Locking::Locked(again) = PlanLock::acquire(&plan) else {
        panic!("this process's own lock is taken over");
    };
    drop(lock);
    assert!(again.file().exists());
    drop(again);
    assert!(
        !lock_path(&plan).exists(),
        "removed when the window lets go"
    );
}

#[test]
fn a_plan_open_in_another_running_window_is_said_to_be_held() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North.ron");
    save_file(&default_scenarios(), &plan).unwrap();
    let mut other = running_process();
    write_lock(&plan, other.id(), &this_host());
    let owner = LockOwner {
        pid: other.id(),
        host: this_host(),
    };
    match PlanLock::acquire(&plan) {
        Locking::HeldBy(held) => assert_eq!(held, owner),
        other => panic!("not held: {other:?}"),
    }
    assert_eq!(held_elsewhere(&plan), Some(owner));
    other.kill().unwrap();
    other.wait().unwrap();
    // Its process has ended: the lock is stale, ignored and replaced.
    assert_eq!(held_elsewhere(&plan), None);
    let Locking::Locked(lock) = PlanLock::acquire(&plan) else {
        panic!("a stale lock is replaced");
    };
    let text = std::fs::read_to_string(lock.file()).unwrap();
    assert!(
        text.contains(&format!("pid: {}", std::process::id())),
        "{text}"
    );
}

#[test]
fn stale_and_unreadable_locks_are_replaced_and_another_machines_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North.ron");
    save_file(&default_scenarios(), &plan).unwrap();
    write_lock(&plan, ended_process(), &this_host());
    assert!(matches!(PlanLock::acquire(&plan), Locking::Locked(_)));

    std::fs::write(lock_path(&plan), "\u{0}garbage").unwrap();
    assert!(matches!(PlanLock::acquire(&plan), Locking::Locked(_)));

    // A window on another machine (a shared drive) cannot be checked: it counts as running.
    write_lock(&plan, ended_process(), "ANOTHER-LAPTOP");
    match PlanLock::acquire(&plan) {
        Locking::HeldBy(owner) => assert_eq!(owner.host, "ANOTHER-LAPTOP"),
        other => panic!("not held: {other:?}"),
    }
}

#[test]
fn a_folder_with_no_room_for_a_lock_opens_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("gone").join("North.ron");
    assert!(matches!(PlanLock::acquire(&plan), Locking::Unavailable));
}

#[cfg(unix)]
#[test]
fn a_plan_opened_through_a_link_has_the_lock_of_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("North.ron");
    save_file(&default_scenarios(), &plan).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    assert_eq!(lock_path(&link), lock_path(&plan));
}

#[test]
fn recovery_files_of_ended_windows_are_found_newest_first_and_running_ones_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let set = default_scenarios();
    let at = |secs| UNIX_EPOCH + Duration::from_secs(secs);
    let plan = dir.path().join("North locality.ron");
    let (older, newer) = (ended_process(), ended_process());
    let text = recovery_text(&set, Some(&plan), None, at(1_795_000_000)).unwrap();
    write_recovery(folder, older, &text).unwrap();
    let text = recovery_text(&set, None, None, at(1_795_794_120)).unwrap();
    write_recovery(folder, newer, &text).unwrap();
    // A window still open, and this process itself, keep theirs.
    let mut running = running_process();
    write_recovery(folder, running.id(), &text).unwrap();
    write_recovery(folder, std::process::id(), &text).unwrap();

    let found = find_recovered(folder);
    let files: Vec<_> = found.iter().map(|r| r.file.clone()).collect();
    assert_eq!(
        files,
        [recovery_path(folder, newer), recovery_path(folder, older)]
    );
    assert_eq!(found[0].plan_name(), "an untitled plan");
    assert_eq!(found[1].plan_name(), "North locality.ron");
    assert_eq!(found[1].set, set);

    // Restored work becomes this process's own recovery file.
    adopt(&found[1], folder).unwrap();
    assert!(!found[1].file.exists());
    let mine = read_recovery(&recovery_path(folder, std::process::id())).unwrap();
    assert_eq!(mine.plan_file.as_deref(), Some(plan.as_path()));
    running.kill().unwrap();
    running.wait().unwrap();
}

#[test]
fn a_panic_writes_the_latest_unsaved_work_before_anything_else() {
    use caseload_planner::app::{Autosave, Document, install_panic_hook};
    use caseload_planner::model::Command as Edit;
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::with_scenarios(default_scenarios(), None);
    doc.apply(Edit::SetPlanName("Unsaved work".into())).unwrap();
    doc.settle();
    let mut autosave = Autosave::new(dir.path());
    // Before the autosave delay: kept where the hook can reach it, not yet written.
    autosave.tick(&doc, std::time::Instant::now());
    let file = recovery_path(dir.path(), std::process::id());
    assert!(!file.exists());

    install_panic_hook(dir.path(), autosave.latest());
    let panicked = std::thread::spawn(|| panic!("a deliberate panic in a test")).join();
    assert!(panicked.is_err());
    let written = read_recovery(&file).expect("written by the panic hook");
    assert_eq!(&written.set, doc.scenarios());
    assert_eq!(written.set.baseline().name, "Unsaved work");
}
