//! Plan files where Windows and Unix-like systems differ: saving over an existing file (rename
//! semantics), a file held open by another program, non-ASCII names, long paths, CRLF line
//! endings, a read-only file and a read-only folder.
//!
//! `cargo test` runs these on Linux; `.ci/run` also builds them for Windows and runs them under
//! Wine (`cargo test --target x86_64-pc-windows-gnu --test windows`), where the standard library
//! takes its Windows paths. Tests of behaviour only Windows has are `cfg(windows)`.

use caseload_planner::io::{DEFAULT_PLAN_RON, SaveError, backup_path, load_file, save_file};
use caseload_planner::model::{Command, ScenarioId, ScenarioSet};
use std::path::{Path, PathBuf};

fn example() -> ScenarioSet {
    caseload_planner::io::default_scenarios()
}

/// The example under another name: a second version to save over the first.
fn renamed(name: &str) -> ScenarioSet {
    let mut set = example();
    set.apply(ScenarioId::BASELINE, Command::SetPlanName(name.into()))
        .unwrap();
    set
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn saving_over_an_existing_file_replaces_it_and_keeps_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&example(), &path).unwrap();
    save_file(&renamed("Second"), &path).unwrap();
    // Windows' rename does not replace an existing file unless asked to: the save must.
    assert_eq!(load_file(&path).unwrap().baseline().name, "Second");
    assert_eq!(load_file(&backup_path(&path)).unwrap(), example());
    // A third save replaces the backup too.
    save_file(&renamed("Third"), &path).unwrap();
    assert_eq!(load_file(&path).unwrap().baseline().name, "Third");
    assert_eq!(
        load_file(&backup_path(&path)).unwrap().baseline().name,
        "Second"
    );
    assert_eq!(
        names_in(dir.path()),
        ["plan.ron", "plan.ron.bak"],
        "no temporary file is left behind"
    );
}

#[test]
fn a_plan_with_crlf_line_endings_opens_as_with_lf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // As Notepad or a Windows git checkout (core.autocrlf) would write it.
    std::fs::write(&path, DEFAULT_PLAN_RON.replace('\n', "\r\n")).unwrap();
    assert_eq!(load_file(&path).unwrap(), example());
    // Saved plans are the same bytes on every system: LF, so a plan moves between them as is.
    save_file(&renamed("Saved"), &path).unwrap();
    assert!(!std::fs::read_to_string(&path).unwrap().contains('\r'));
}

#[test]
fn a_broken_plan_with_crlf_line_endings_is_refused_at_the_same_line_and_column() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-plans");
    for name in [
        "trailing-garbage.ron",
        "truncated.ron",
        "unterminated-string.ron",
        "fte-above-one.ron",
        "misspelt-field.ron",
        "invalid-utf8.ron",
    ] {
        let lf = std::fs::read(bad.join(name)).unwrap();
        assert!(!lf.contains(&b'\r'), "{name} is a LF fixture");
        let mut crlf = Vec::new();
        for &b in &lf {
            if b == b'\n' {
                crlf.push(b'\r');
            }
            crlf.push(b);
        }
        let dir = tempfile::tempdir().unwrap();
        let (lf_path, crlf_path) = (dir.path().join("lf.ron"), dir.path().join("crlf.ron"));
        std::fs::write(&lf_path, &lf).unwrap();
        std::fs::write(&crlf_path, &crlf).unwrap();
        let lf_message = load_file(&lf_path).unwrap_err().to_string();
        let crlf_message = load_file(&crlf_path).unwrap_err().to_string();
        assert_eq!(
            crlf_message.replace("crlf.ron", "lf.ron"),
            lf_message,
            "{name}"
        );
    }
}

#[test]
fn a_plan_with_a_non_ascii_name_saves_opens_and_is_named_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Cynllunio gweithlu – Siân");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("Siân's plan.ron");
    save_file(&example(), &path).unwrap();
    save_file(&renamed("Cynllun Siân"), &path).unwrap();
    assert_eq!(load_file(&path).unwrap().baseline().name, "Cynllun Siân");
    assert_eq!(load_file(&backup_path(&path)).unwrap(), example());
    assert_eq!(
        names_in(&folder),
        ["Siân's plan.ron", "Siân's plan.ron.bak"]
    );

    std::fs::write(&path, "(version: 2, name: ").unwrap();
    let message = load_file(&path).unwrap_err().to_string();
    assert!(message.contains("Siân's plan.ron:1:"), "{message}");
}

/// A folder under `root` whose full path is longer than `length` characters, as deep folders on
/// a shared drive make them.
fn deep_folder(root: &Path, length: usize) -> PathBuf {
    let mut folder = root.to_owned();
    while folder.as_os_str().len() <= length {
        folder.push("Children's services workforce planning 2026-27");
    }
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[test]
fn a_plan_deeper_than_260_characters_saves_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = deep_folder(dir.path(), 300).join("Siân's plan.ron");
    assert!(path.as_os_str().len() > 300);
    save_file(&example(), &path).unwrap();
    save_file(&renamed("Deep"), &path).unwrap();
    assert_eq!(load_file(&path).unwrap().baseline().name, "Deep");
    assert_eq!(load_file(&backup_path(&path)).unwrap(), example());
}

#[cfg(windows)]
mod windows_only {
    use super::*;
    use std::os::windows::fs::OpenOptionsExt;

    const FILE_SHARE_READ: u32 = 1;
    const FILE_SHARE_WRITE: u32 = 2;

    #[test]
    fn saving_over_a_file_open_in_another_program_fails_and_leaves_it_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        save_file(&example(), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        // As Excel or an editor holds a file: open, others may read and write but not delete
        // or rename over it (no FILE_SHARE_DELETE).
        let held = std::fs::OpenOptions::new()
            .read(true)
            .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE)
            .open(&path)
            .unwrap();
        let error = save_file(&renamed("Changed"), &path).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, SaveError::Io { .. }), "{message}");
        assert!(message.contains("could not replace the file"), "{message}");
        assert!(
            message.contains("the file is open in another program"),
            "{message}"
        );
        assert!(
            message.contains("The existing file is unchanged"),
            "{message}"
        );
        drop(held);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(
            !names_in(dir.path()).iter().any(|n| n.ends_with(".tmp")),
            "the temporary file is removed"
        );
        // Closed in the other program, the same save goes through.
        save_file(&renamed("Changed"), &path).unwrap();
        assert_eq!(load_file(&path).unwrap().baseline().name, "Changed");
    }
}

#[test]
fn saving_over_a_read_only_file_fails_and_leaves_it_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&example(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    // Windows refuses to replace a file marked read-only; Unix would leave it to the folder.
    // The app refuses on both, before writing anything.
    let message = save_file(&renamed("Changed"), &path)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("could not replace the file: the file is marked read-only"),
        "{message}"
    );
    assert!(
        message.contains("The existing file is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        names_in(dir.path()),
        ["plan.ron"],
        "no temporary file, no .bak"
    );
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    save_file(&renamed("Changed"), &path).unwrap();
}

/// The folder `.ci/run` prepares: read-only for this process, holding `plan.ron`.
const READ_ONLY_FOLDER: &str = "CASELOAD_READ_ONLY_FOLDER";

#[test]
#[ignore = "needs a folder this process cannot write to, even as root: .ci/run mounts one \
            read-only and sets CASELOAD_READ_ONLY_FOLDER"]
fn saving_into_a_read_only_folder_fails_and_leaves_the_plan_intact() {
    let folder = PathBuf::from(std::env::var_os(READ_ONLY_FOLDER).unwrap_or_else(|| {
        panic!("set {READ_ONLY_FOLDER} to a read-only folder holding plan.ron")
    }));
    let path = folder.join("plan.ron");
    let before = std::fs::read(&path).unwrap();
    let plan = load_file(&path).unwrap();
    let error = save_file(&plan, &path).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, SaveError::Io { .. }), "{message}");
    assert!(
        message.contains("plan.ron was not saved: could not write the temporary file"),
        "{message}"
    );
    // A read-only mount says so; a folder the user may not write to (Windows' permissions)
    // is refused as such.
    assert!(
        message.contains("the folder is read-only") || message.contains("permission denied"),
        "{message}"
    );
    assert!(
        message.contains("The existing file is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(names_in(&folder), ["plan.ron"]);
}
