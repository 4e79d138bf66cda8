//! Saving a plan atomically: write a temporary file beside the target, flush it to disk, keep
//! the previous file as `.bak`, then rename over the target. A failure at any step leaves the
//! existing file as it was.

use super::format::to_ron_string;
use super::load::describe_io_error;
use super::platform;
use crate::model::scenarios::validate_scenarios;
use crate::model::{Problems, ScenarioSet};
use std::ffi::OsString;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a save failed. Every variant means the existing file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "{} was not saved: the plan has {}, first: {}",
        file.display(), crate::text::count(problems.count() as u64, "problem", "problems"), problems.listed().first().map(ToString::to_string).unwrap_or_default()
    )]
    Invalid { file: PathBuf, problems: Problems },
    #[error("{} was not saved: the plan could not be written as RON: {detail}", file.display())]
    Encode { file: PathBuf, detail: String },
    #[error("{} was not saved: could not {step}: {detail}. The existing file is unchanged", file.display())]
    Io {
        file: PathBuf,
        step: String,
        detail: String,
    },
}

/// Where the previous version of `path` is kept: `plan.ron` → `plan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// The temporary file: hidden, in the same folder (so the rename cannot cross file systems).
fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default();
    let mut hidden = OsString::from(".");
    hidden.push(name);
    hidden.push(".tmp");
    path.with_file_name(hidden)
}

/// Saves the plan (all its scenarios) to `path` atomically, keeping the previous file as
/// [`backup_path`].
pub fn save_file(plan: &ScenarioSet, path: &Path) -> Result<(), SaveError> {
    let problems = validate_scenarios(plan);
    if !problems.is_empty() {
        return Err(SaveError::Invalid {
            file: path.to_owned(),
            problems,
        });
    }
    let text = to_ron_string(plan).map_err(|e| SaveError::Encode {
        file: path.to_owned(),
        detail: e.to_string(),
    })?;
    let describe = |e: &std::io::Error| {
        platform::describe_os_error(e).map_or_else(|| describe_io_error(e), str::to_owned)
    };
    let failed = |step: String| {
        move |e: std::io::Error| SaveError::Io {
            file: path.to_owned(),
            step,
            detail: describe(&e),
        }
    };

    // Never replace a file the user marked read-only (Windows would refuse at the last step).
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly()) {
        return Err(SaveError::Io {
            file: path.to_owned(),
            step: "replace the file".into(),
            detail: platform::READ_ONLY_FILE.into(),
        });
    }
    let temporary = temporary_path(path);
    let written = File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .map_err(failed(format!(
            "write the temporary file {}",
            temporary.display()
        )));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(e);
    }

    if path.is_file() {
        let backup = backup_path(path);
        if let Err(e) = std::fs::copy(path, &backup) {
            let _ = std::fs::remove_file(&temporary);
            return Err(failed(format!(
                "keep the previous version as {}",
                backup.display()
            ))(e));
        }
    }
    if let Err(e) = std::fs::rename(&temporary, path) {
        let _ = std::fs::remove_file(&temporary);
        return Err(SaveError::Io {
            file: path.to_owned(),
            step: "replace the file".into(),
            detail: platform::describe_replace_error(&e, path)
                .map_or_else(|| describe(&e), str::to_owned),
        });
    }
    // Make the rename itself durable where the platform allows it; the data is already synced.
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        platform::sync_folder(folder);
    }
    Ok(())
}
