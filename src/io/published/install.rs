//! A newer release installed by the user: checked, then copied into the app's data folder
//! ([`AppFolders::published`]) under its own name, and used from then on instead of the one
//! built in, as long as it can still be read and is not older.

use super::{PublishedError, builtin_release, read_release, read_release_bytes, read_release_file};
use crate::io::load::describe_io_error;
use crate::io::platform::{self, AppFolders};
use crate::model::benchmark::Release;
use crate::text::printable;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which release the app is using, for the window and the command line to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReleaseSource {
    /// The release built into the app. `installed_not_used` says why an installed release
    /// was not used, when there is one.
    BuiltIn {
        first: u16,
        latest: u16,
        installed_not_used: Option<String>,
    },
    /// A release the user installed (the file in the app's data folder).
    Installed {
        file: PathBuf,
        first: u16,
        latest: u16,
    },
}

impl ReleaseSource {
    /// Why the installed release is not the one used, if there is one.
    pub fn installed_not_used(&self) -> Option<&str> {
        match self {
            ReleaseSource::BuiltIn {
                installed_not_used, ..
            } => installed_not_used.as_deref(),
            ReleaseSource::Installed { .. } => None,
        }
    }
}

impl fmt::Display for ReleaseSource {
    /// "built in (DfE, 2017 to 2025)", "csww_2026.csv (installed, 2017 to 2026)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseSource::BuiltIn { first, latest, .. } => {
                write!(f, "built in (DfE, {first} to {latest})")
            }
            ReleaseSource::Installed {
                file,
                first,
                latest,
            } => {
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                write!(f, "{} (installed, {first} to {latest})", printable(&name))
            }
        }
    }
}

fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// The installed release file, if there is one: the CSV file in the data folder (the latest
/// modified, should an interrupted install have left two).
pub fn installed_release_file(folders: &AppFolders) -> Option<PathBuf> {
    let entries = std::fs::read_dir(&folders.published).ok()?;
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()) && is_csv(&e.path()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

/// The release to use: the installed one when there is one that can be read and is not older
/// than the built-in one; otherwise the built-in one, saying why the installed one was not
/// used.
pub fn current_release(folders: &AppFolders) -> (Release, ReleaseSource) {
    // The built-in files are read by the tests (`tests/published.rs`): they always parse.
    let builtin = builtin_release().expect("the built-in release is readable");
    let (first, latest) = builtin.years();
    let builtin_source = |why: Option<String>| ReleaseSource::BuiltIn {
        first,
        latest,
        installed_not_used: why,
    };
    let Some(path) = installed_release_file(folders) else {
        return (builtin, builtin_source(None));
    };
    match read_release_file(&path) {
        Ok(installed) if installed.latest_year() >= latest => {
            let (first, latest) = installed.years();
            let source = ReleaseSource::Installed {
                file: path,
                first,
                latest,
            };
            (installed, source)
        }
        Ok(installed) => {
            let older = PublishedError::Older {
                file: path.display().to_string(),
                latest: installed.latest_year(),
                builtin_latest: latest,
            };
            (builtin, builtin_source(Some(older.to_string())))
        }
        Err(e) => (builtin, builtin_source(Some(e.to_string()))),
    }
}

/// Checks the release CSV at `csv_path` and copies it into the app's data folder, where
/// [`current_release`] finds it from then on. A release older than the one built in (its
/// latest year earlier) is refused: it would not be used. The copy is written to a temporary file in the
/// folder first and renamed into place, so a failure leaves any release installed before as
/// it was; the previous one is removed once the new one is in place.
pub fn install_release(csv_path: &Path, folders: &AppFolders) -> Result<Release, PublishedError> {
    let bytes = read_release_bytes(csv_path)?;
    let file = csv_path.display().to_string();
    let release = read_release(&file, &bytes)?;
    let builtin_latest = builtin_release()?.latest_year();
    if release.latest_year() < builtin_latest {
        return Err(PublishedError::Older {
            file,
            latest: release.latest_year(),
            builtin_latest,
        });
    }
    let failed = |step: String| {
        let file = file.clone();
        move |e: std::io::Error| PublishedError::Install {
            file,
            step,
            detail: describe_io_error(&e),
        }
    };
    let folder = &folders.published;
    let mut name = csv_path
        .file_name()
        .map(|n| n.to_string_lossy().trim_start_matches('.').to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "release".to_owned());
    if !is_csv(Path::new(&name)) {
        name.push_str(".csv");
    }
    let target = folder.join(&name);
    std::fs::create_dir_all(folder)
        .map_err(failed(format!("create the folder {}", folder.display())))?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".release-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(failed(format!("write a file in {}", folder.display())))?;
    temporary
        .write_all(&bytes)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(failed(format!("write a file in {}", folder.display())))?;
    temporary
        .persist(&target)
        .map_err(|e| failed(format!("write {}", target.display()))(e.error))?;
    platform::sync_folder(folder);
    // The release installed before, if any (best effort: the newest file is the one used).
    if let Ok(entries) = std::fs::read_dir(folder) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path != target && is_csv(&path) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    Ok(release)
}
