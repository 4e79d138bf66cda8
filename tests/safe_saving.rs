//! Saving never loses the file already there (`src/io/save.rs`): the temporary file is fresh
//! and exclusive, links are followed to their file, permissions are kept, the backup is
//! replaced only once the new one exists, and a folder that allows no new file still saves.
//!
//! A full disk cannot be arranged here; the order of the steps (see `src/io/save.rs`) is what
//! makes it harmless: the only step that needs space is writing the temporary file, before the
//! existing file or its backup is touched, and the backup is a hard link (no space) renamed
//! over the old one. `a_backup_that_cannot_be_made_leaves_the_file_and_the_old_backup` shows a
//! failure at the backup step leaving everything as it was.

use caseload_planner::io::{SaveError, backup_path, default_scenarios, load_file, save_file};
use caseload_planner::model::{Command, ScenarioId, ScenarioSet};
use std::path::Path;

fn named(name: &str) -> ScenarioSet {
    let mut set = default_scenarios();
    set.apply(ScenarioId::BASELINE, Command::SetPlanName(name.into()))
        .unwrap();
    set
}

fn plan_name(path: &Path) -> String {
    load_file(path).unwrap().baseline().name.clone()
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_link_planted_under_the_old_temporary_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&named("First"), &path).unwrap();
    // Someone plants a link where earlier versions wrote their temporary file, pointing at a
    // file of the user's: the save must not write through it.
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let planted = dir.path().join(".plan.ron.tmp");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();

    save_file(&named("Second"), &path).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(planted.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(plan_name(&path), "Second");
    assert_eq!(
        names_in(dir.path()),
        [".plan.ron.tmp", "plan.ron", "plan.ron.bak", "victim.txt"]
    );
}

#[test]
fn two_saves_at_once_never_mix_and_a_reader_always_sees_a_whole_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&named("Start"), &path).unwrap();
    let (a, b) = (named("Window A"), named("Window B"));
    let writing = std::sync::atomic::AtomicUsize::new(2);
    std::thread::scope(|scope| {
        for plan in [&a, &b] {
            let (path, writing) = (&path, &writing);
            scope.spawn(move || {
                for _ in 0..25 {
                    save_file(plan, path).unwrap();
                }
                writing.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
            });
        }
        let mut reads = 0;
        while writing.load(std::sync::atomic::Ordering::SeqCst) > 0 {
            let name = plan_name(&path);
            assert!(["Start", "Window A", "Window B"].contains(&name.as_str()));
            reads += 1;
        }
        assert!(reads > 0);
    });
    let last = load_file(&path).unwrap();
    assert!(last == a || last == b);
    let backup = load_file(&backup_path(&path)).unwrap();
    assert!(backup == a || backup == b || backup == named("Start"));
    assert_eq!(
        names_in(dir.path()),
        ["plan.ron", "plan.ron.bak"],
        "no temporary file is left behind"
    );
}

#[cfg(unix)]
#[test]
fn saving_over_a_link_keeps_the_link_and_updates_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let real_folder = dir.path().join("shared drive");
    std::fs::create_dir(&real_folder).unwrap();
    let real = real_folder.join("north.ron");
    save_file(&named("First"), &real).unwrap();
    let link = dir.path().join("north.ron");
    // A relative link, as `ln -s "shared drive/north.ron"` makes.
    std::os::unix::fs::symlink("shared drive/north.ron", &link).unwrap();

    save_file(&named("Second"), &link).unwrap();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        Path::new("shared drive/north.ron")
    );
    assert_eq!(plan_name(&real), "Second");
    assert_eq!(plan_name(&backup_path(&real)), "First");
    assert_eq!(names_in(dir.path()), ["north.ron", "shared drive"]);
    assert_eq!(names_in(&real_folder), ["north.ron", "north.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn a_loop_of_links_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let message = save_file(&named("X"), &a).unwrap_err().to_string();
    assert!(
        message.contains("could not follow the link to its file: it is a loop of links"),
        "{message}"
    );
}

#[cfg(unix)]
#[test]
fn the_files_permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&named("First"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    save_file(&named("Second"), &path).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&path), 0o640);
    assert_eq!(mode(&backup_path(&path)), 0o640);
    // A new file is not made owner-only, as temporary files are: the umask decides.
    let new = dir.path().join("new.ron");
    save_file(&named("New"), &new).unwrap();
    // SAFETY: umask is read by setting it and putting it straight back; no other thread of
    // this test binary creates files in this instant that depend on it.
    let umask = unsafe {
        let old = libc::umask(0o022);
        libc::umask(old);
        old
    };
    #[allow(clippy::useless_conversion)] // mode_t is u16 on some Unixes
    let umask = u32::from(umask);
    assert_eq!(mode(&new), 0o666 & !umask);
}

#[test]
fn the_backup_holds_the_previous_version_and_replaces_the_old_backup_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&named("First"), &path).unwrap();
    save_file(&named("Second"), &path).unwrap();
    assert_eq!(plan_name(&backup_path(&path)), "First");
    let first_backup = std::fs::read(backup_path(&path)).unwrap();
    // Someone holds the old backup open (a viewer, a sync tool). A truncating copy would empty
    // it under them; the new backup takes its name only once it exists.
    let mut held = std::fs::File::open(backup_path(&path)).unwrap();
    save_file(&named("Third"), &path).unwrap();
    assert_eq!(plan_name(&path), "Third");
    assert_eq!(plan_name(&backup_path(&path)), "Second");
    let mut still = Vec::new();
    std::io::Read::read_to_end(&mut held, &mut still).unwrap();
    assert_eq!(
        still, first_backup,
        "the old backup was replaced, not emptied"
    );
}

#[test]
fn a_backup_that_cannot_be_made_leaves_the_file_and_the_old_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&named("First"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Something that cannot be replaced by a file sits under the backup's name.
    let backup = backup_path(&path);
    std::fs::create_dir(&backup).unwrap();
    std::fs::write(backup.join("kept.txt"), "old backup").unwrap();

    let error = save_file(&named("Second"), &path).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, SaveError::Io { .. }));
    assert!(
        message.contains("plan.ron was not saved: could not keep the previous version as"),
        "{message}"
    );
    assert!(
        message.contains("The existing file is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::read_to_string(backup.join("kept.txt")).unwrap(),
        "old backup"
    );
    assert_eq!(
        names_in(dir.path()),
        ["plan.ron", "plan.ron.bak"],
        "the temporary files are removed"
    );
}

/// Makes `folder` refuse new files while the files in it stay writable, and puts it back when
/// dropped: for root (CI runs as root, for whom folder permissions mean nothing) with the
/// immutable attribute, otherwise by taking away write permission.
#[cfg(unix)]
struct NoNewFiles(std::path::PathBuf);

#[cfg(unix)]
impl NoNewFiles {
    fn on(folder: &Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(folder)
                .status()
                .expect("chattr (e2fsprogs) is needed to make a folder refuse root");
            assert!(status.success(), "chattr +i failed on {}", folder.display());
        } else {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        let guard = NoNewFiles(folder.to_owned());
        assert!(
            std::fs::File::create(folder.join("probe")).is_err(),
            "the folder still allows new files"
        );
        guard
    }
}

#[cfg(unix)]
impl Drop for NoNewFiles {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[cfg(unix)]
#[test]
fn a_folder_that_allows_no_new_file_still_saves_over_a_writable_plan() {
    use caseload_planner::io::save_file_with_spare_folder;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("edit only");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("plan.ron");
    save_file(&named("First"), &path).unwrap();
    std::fs::remove_file(backup_path(&path)).ok();
    let before = std::fs::read(&path).unwrap();
    let spare = dir.path().join("app data");

    let guard = NoNewFiles::on(&folder);
    // With nowhere to keep the previous version, nothing is written.
    let message = save_file_with_spare_folder(&named("Refused"), &path, None)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("could not write the temporary file in"),
        "{message}"
    );
    assert!(
        message.contains("The existing file is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let saved = save_file_with_spare_folder(&named("Second"), &path, Some(&spare)).unwrap();
    drop(guard);
    assert_eq!(plan_name(&path), "Second");
    assert_eq!(names_in(&folder), ["plan.ron"], "nothing new in the folder");
    let kept = saved.previous_version_kept_in.expect("written in place");
    assert!(kept.starts_with(&spare), "{}", kept.display());
    assert_eq!(std::fs::read(&kept).unwrap(), before);
    assert_eq!(
        saved.fingerprint,
        caseload_planner::io::Fingerprint::of_file(&path)
            .unwrap()
            .unwrap()
    );
    // A folder that allows no new file and a new plan: nothing to write over, so it fails.
    let _guard = NoNewFiles::on(&folder);
    let message = save_file_with_spare_folder(&named("New"), &folder.join("new.ron"), Some(&spare))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("could not write the temporary file in"),
        "{message}"
    );
}
