//! What differs between Windows and Unix-like systems, in one place: where the app keeps its
//! own files, making a rename durable, the console of a windowed program, and what an operating
//! system error means for a user. Each function has both sides written, so the code builds and
//! means something on every platform (`.ci/run` builds and tests the Windows side under Wine).

use directories::ProjectDirs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The folder name under the user's application-data folders. It is also the app id eframe
/// would use, so settings kept before this module existed stay where they were.
pub const APP_FOLDER: &str = "caseload-planner";

/// The app's own folders: per user, never beside the program (which may be in a folder the
/// user cannot write to, or unzipped anywhere).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppFolders {
    /// Settings and the recent-plans list (small; on Windows the roaming profile follows the
    /// user between council laptops): `%APPDATA%\caseload-planner\data`,
    /// `~/.local/share/caseload-planner` on Linux.
    pub settings: PathBuf,
    /// Crash-recovery copies of open plans. They hold plan contents (staff names), so they stay
    /// on this machine and are never roamed: `%LOCALAPPDATA%\caseload-planner\data\recovery`,
    /// `~/.local/share/caseload-planner/recovery` on Linux.
    pub recovery: PathBuf,
    /// A newer release of the DfE's published figures installed by the user (not plan
    /// contents; it follows the user like the settings): `%APPDATA%\caseload-planner\data\
    /// published`, `~/.local/share/caseload-planner/published` on Linux.
    pub published: PathBuf,
}

impl AppFolders {
    /// The current user's folders, or `None` when the system names no home folder.
    pub fn for_current_user() -> Option<Self> {
        ProjectDirs::from_path(PathBuf::from(APP_FOLDER)).map(|dirs| AppFolders {
            settings: dirs.data_dir().to_owned(),
            recovery: dirs.data_local_dir().join("recovery"),
            published: dirs.data_dir().join("published"),
        })
    }

    /// The file eframe keeps the window's settings and the recent plans in.
    pub fn settings_file(&self) -> PathBuf {
        self.settings.join("app.ron")
    }

    /// Previous versions of plans saved in a folder that allows no new file (so no `.bak`
    /// beside them): plan contents, so local like the recovery copies.
    pub fn previous_versions(&self) -> PathBuf {
        self.recovery.with_file_name("previous-versions")
    }

    /// All the app's folders under `folder`: for tests and for trying the app out without
    /// touching the user's own settings.
    pub fn under(folder: &Path) -> Self {
        AppFolders {
            settings: folder.join("settings"),
            recovery: folder.join("recovery"),
            published: folder.join("published"),
        }
    }

    /// The folders this run of the program uses: those under [`DATA_DIR_VARIABLE`] when it is
    /// set, otherwise the current user's. Read once.
    pub fn current() -> Option<Self> {
        static CURRENT: OnceLock<Option<AppFolders>> = OnceLock::new();
        CURRENT
            .get_or_init(|| match std::env::var_os(DATA_DIR_VARIABLE) {
                Some(folder) if !folder.is_empty() => Some(Self::under(Path::new(&folder))),
                _ => Self::for_current_user(),
            })
            .clone()
    }
}

/// Names a folder to use instead of the user's own application-data folders (settings, recent
/// plans, recovery copies): the tests start the real program with it, and anyone can use it to
/// try the program without touching their settings.
pub const DATA_DIR_VARIABLE: &str = "CASELOAD_PLANNER_DATA_DIR";

/// The permissions a new plan file is created with, before the user's umask: read and write for
/// everyone the umask allows, as any program creating a file does. `None` where there is no
/// such thing (Windows: a new file takes its folder's access rules).
#[cfg(unix)]
pub fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o666))
}

/// The permissions a new plan file is created with, before the user's umask: read and write for
/// everyone the umask allows, as any program creating a file does. `None` where there is no
/// such thing (Windows: a new file takes its folder's access rules).
#[cfg(windows)]
pub fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Gives `file` (the new version of a plan) the permissions of the file it replaces. On Unix
/// the mode bits (0o640 stays 0o640; as a rule the owner is the user saving, who may not give
/// the file away to its former owner).
#[cfg(unix)]
pub fn keep_permissions(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(original.permissions())
}

/// Gives `file` (the new version of a plan) the permissions of the file it replaces. On Windows
/// a plan's permissions are its folder's access rules, which the new file inherits as the old
/// one did; the read-only attribute is never set, since read-only files are never replaced.
#[cfg(windows)]
pub fn keep_permissions(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    let _ = (file, original);
    Ok(())
}

/// Is the process `pid` of this machine still running? Used to tell a lock or recovery file
/// left by a program that has ended from one whose program is still open. A process id reused
/// by another program counts as running: the user is then asked once more than needed.
#[cfg(unix)]
pub fn process_is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    // EPERM: it exists but belongs to someone else.
    alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Is the process `pid` of this machine still running? Used to tell a lock or recovery file
/// left by a program that has ended from one whose program is still open. A process id reused
/// by another program counts as running: the user is then asked once more than needed.
#[cfg(windows)]
pub fn process_is_running(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{CloseHandle, STILL_ACTIVE};
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: plain Win32 calls; the handle is closed before returning, and the exit code is
    // written into a local.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // Access denied means it exists (another user's, or elevated).
            return std::io::Error::last_os_error().raw_os_error() == Some(5);
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(handle, &mut code) != 0;
        CloseHandle(handle);
        !ok || code == STILL_ACTIVE as u32
    }
}

/// Makes a rename in `folder` durable, as far as the platform allows; the renamed file's data is
/// already on disk. Best effort: a file system that cannot do it does not fail the save.
#[cfg(unix)]
pub fn sync_folder(folder: &Path) {
    // On Unix a folder is synced like a file: its entries (the rename) reach the disk.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// Makes a rename in `folder` durable, as far as the platform allows; the renamed file's data is
/// already on disk. Best effort: a file system that cannot do it does not fail the save.
#[cfg(windows)]
pub fn sync_folder(folder: &Path) {
    use std::os::windows::fs::OpenOptionsExt;
    // Windows opens a folder only with backup semantics, and flushes it (FlushFileBuffers)
    // only through a handle with write access. NTFS journals the rename in any case.
    const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;
    if let Ok(dir) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
        .open(folder)
    {
        let _ = dir.sync_all();
    }
}

/// What an operating system error means, in a user's words, where the platform has a case the
/// portable error kinds do not name; `None` otherwise.
pub fn describe_os_error(error: &std::io::Error) -> Option<&'static str> {
    if error.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
        return Some(READ_ONLY_FOLDER);
    }
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::{
            ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION, ERROR_WRITE_PROTECT,
        };
        let code = error.raw_os_error().and_then(|c| u32::try_from(c).ok());
        if code == Some(ERROR_SHARING_VIOLATION) || code == Some(ERROR_LOCK_VIOLATION) {
            return Some(OPEN_ELSEWHERE);
        }
        if code == Some(ERROR_WRITE_PROTECT) {
            return Some(READ_ONLY_FOLDER);
        }
    }
    None
}

/// Said when a save would replace a file marked read-only: it is never replaced. Windows
/// refuses to, and so the app does the same everywhere, whatever the folder allows.
pub const READ_ONLY_FILE: &str =
    "the file is marked read-only (clear Read-only in its Properties, or save under another name)";

const READ_ONLY_FOLDER: &str = "the folder is read-only (save the plan in another folder)";

const OPEN_ELSEWHERE: &str = "the file is open in another program (close it there, then save \
                              again, or save under another name)";

/// Why replacing `target` with the newly written file failed, where the reason is the target
/// itself; `None` otherwise. Windows refuses to replace a file that another program holds open
/// without letting others delete it (Excel, many editors), with the same "access denied" as a
/// folder the user may not change; asking for delete access to the target tells them apart.
pub fn describe_replace_error(error: &std::io::Error, target: &Path) -> Option<&'static str> {
    // Only Windows ever finds the target held open (`check_replaceable` is Ok elsewhere).
    let held_open =
        error.kind() == std::io::ErrorKind::PermissionDenied && check_replaceable(target).is_err();
    held_open.then_some(OPEN_ELSEWHERE)
}

/// Checks, before a save touches anything, that `target` could be replaced now. On Windows a
/// file another program holds open without letting others delete it (Excel, many editors)
/// cannot be replaced, nor can any hard link to it be renamed or deleted: a save that went on
/// would leave its `.bak` link behind. Elsewhere an open file never stops a replace.
pub fn check_replaceable(target: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        use windows_sys::Win32::Foundation::ERROR_SHARING_VIOLATION;
        const DELETE: u32 = 0x0001_0000;
        const SHARE_ALL: u32 = 0x1 | 0x2 | 0x4;
        let probe = std::fs::OpenOptions::new()
            .access_mode(DELETE)
            .share_mode(SHARE_ALL)
            .open(target);
        if let Err(e) = probe
            && e.raw_os_error() == i32::try_from(ERROR_SHARING_VIOLATION).ok()
        {
            return Err(e);
        }
    }
    #[cfg(not(windows))]
    let _ = target;
    Ok(())
}

/// In a Windows program with no console of its own (the windowed program), sends what it
/// prints to the console it was started from, if any: `caseload-planner summary PLAN.ron` typed
/// in cmd then shows its output. Windows does not make cmd wait for such a program, so the
/// console program `caseload-planner-cli.exe` is the one for scripts and exit codes.
/// Started by a double-click there is no such console and nothing happens; elsewhere a program
/// always has its console and this does nothing.
pub fn attach_parent_console() {
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Console::{
            ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
        };
        // SAFETY: plain Win32 calls with constant arguments; no memory is passed.
        unsafe {
            // Output redirected to a file or pipe already has somewhere to go: keep it.
            let redirected = !GetStdHandle(STD_OUTPUT_HANDLE).is_null()
                || !GetStdHandle(STD_ERROR_HANDLE).is_null();
            if !redirected {
                AttachConsole(ATTACH_PARENT_PROCESS);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_folders_are_the_users_own_and_not_beside_the_program() {
        let Some(folders) = AppFolders::for_current_user() else {
            panic!("no home folder: the test machine should have one");
        };
        let program = std::env::current_exe().unwrap();
        let program_folder = program.parent().unwrap();
        for folder in [&folders.settings, &folders.recovery, &folders.published] {
            assert!(folder.is_absolute(), "{}", folder.display());
            assert!(
                !folder.starts_with(program_folder),
                "{} is beside the program",
                folder.display()
            );
            assert!(
                folder.components().any(|c| c.as_os_str() == APP_FOLDER),
                "{}",
                folder.display()
            );
        }
        assert_eq!(
            folders.settings_file(),
            folders.settings.join("app.ron"),
            "the file name eframe uses, so earlier settings are kept"
        );
    }

    #[test]
    fn settings_are_where_eframe_kept_them_before() {
        // eframe's own choice for the app id set in `ui::native_options`.
        let eframe = eframe::storage_dir(APP_FOLDER).expect("a data folder");
        assert_eq!(AppFolders::for_current_user().unwrap().settings, eframe);
    }

    #[test]
    fn recovery_copies_stay_on_this_machine() {
        let folders = AppFolders::for_current_user().unwrap();
        assert!(folders.recovery.ends_with("recovery"));
        #[cfg(windows)]
        {
            // Local, not roaming, application data: plan contents never follow the profile.
            let local = std::env::var_os("LOCALAPPDATA").expect("LOCALAPPDATA");
            assert!(folders.recovery.starts_with(local));
            let roaming = std::env::var_os("APPDATA").expect("APPDATA");
            assert!(folders.settings.starts_with(roaming));
        }
    }

    #[cfg(windows)]
    #[test]
    fn a_sharing_violation_is_described_as_a_file_open_elsewhere() {
        let e = std::io::Error::from_raw_os_error(32);
        assert!(
            describe_os_error(&e)
                .unwrap()
                .contains("open in another program")
        );
        let e = std::io::Error::from_raw_os_error(5);
        assert_eq!(describe_os_error(&e), None);
    }

    #[test]
    fn an_ordinary_error_needs_no_platform_words() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(describe_os_error(&e), None);
        let e = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
        assert!(
            describe_os_error(&e)
                .unwrap()
                .starts_with("the folder is read-only")
        );
    }

    #[test]
    fn a_refused_replace_is_blamed_on_another_program_only_when_one_holds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ron");
        std::fs::write(&target, "x").unwrap();
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(describe_replace_error(&denied, &target), None);
        #[cfg(windows)]
        {
            use std::os::windows::fs::OpenOptionsExt;
            let _held = std::fs::OpenOptions::new()
                .read(true)
                .share_mode(0x1 | 0x2)
                .open(&target)
                .unwrap();
            assert_eq!(
                describe_replace_error(&denied, &target),
                Some(OPEN_ELSEWHERE)
            );
            let other = std::io::Error::from(std::io::ErrorKind::NotFound);
            assert_eq!(describe_replace_error(&other, &target), None);
        }
    }
}
