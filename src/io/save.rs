//! Saving a plan without ever losing the file already there.
//!
//! The order of the steps is what makes a failure at any point harmless:
//!
//! 1. The new contents go into a fresh temporary file beside the target, uniquely named and
//!    created exclusively (`O_EXCL`: a link planted under any name is never followed, and two
//!    windows saving at once each have their own), given the target's permissions, and flushed
//!    to disk. A failure here (a full disk, a folder that allows no new file) leaves the file
//!    and its backup as they were.
//! 2. The previous version becomes `NAME.bak`: a hard link to the existing file (no data is
//!    copied, so a full disk cannot stop it) made under a fresh temporary name, then renamed
//!    over the old `.bak`. The old backup is replaced only once the new one exists, by a rename,
//!    which replaces it whole or not at all. Where hard links are not supported (FAT, exFAT, some
//!    network shares) the existing file is copied into a fresh temporary file instead and that
//!    is renamed over the old `.bak`: a full disk then fails the copy, and the old backup stays.
//!    (Renaming the existing file itself to `.bak` would leave, for a moment, no file under the
//!    plan's name, and the message "the existing file is unchanged" would be false if the next
//!    step failed.)
//! 3. The temporary file is renamed over the target: atomic, so the target is either the old
//!    file or the new one, never a mix. Its backup is the same old file.
//! 4. The folder is flushed, so the renames survive a power cut.
//!
//! A symbolic link is followed to the file it names (the link stays a link, the file it points
//! to gets the new contents). When the folder allows no new file but the plan file itself may be
//! written (a shared folder set up that way), see [`write_in_place`].

use super::fingerprint::Fingerprint;
use super::format::to_ron_string;
use super::load::describe_io_error;
use super::platform;
use crate::model::scenarios::validate_scenarios;
use crate::model::{Problems, ScenarioSet};
use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use tempfile::{Builder, NamedTempFile};

/// Why a save failed. Every variant except `InPlace` means the existing file is unchanged.
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
    /// Writing over the file in place failed part-way and the previous version could not be
    /// put back: it is kept in the app's own folder.
    #[error(
        "{} was not saved: writing it failed part-way ({detail}) and the file may be incomplete. \
         The previous version is kept as {}: copy it back over the file",
        file.display(), spare.display()
    )]
    InPlace {
        file: PathBuf,
        detail: String,
        spare: PathBuf,
    },
}

/// A save that succeeded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The file as written, to tell later whether someone else has changed it.
    pub fingerprint: Fingerprint,
    /// Set when the folder allowed no new file and the plan was written over in place: where
    /// the previous version was kept instead of `.bak`.
    pub previous_version_kept_in: Option<PathBuf>,
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

/// Links are followed at most this many times (as the operating systems do), so a loop of
/// links fails instead of hanging.
const MAX_LINKS: usize = 40;

/// The file `path` stands for: itself, or the file its symbolic link (or chain of links) names.
/// A link to a file that does not exist yet names where the new file goes.
pub(super) fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(folder) if to.is_relative() => folder.join(to),
                    _ => to,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other("it is a loop of links"))
}

/// The folder `path` is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A fresh temporary file beside `target`, hidden and named after it (`.plan.ron.Xa9f3.tmp`),
/// created exclusively under a random name.
fn fresh_file_beside(target: &Path, what: &str) -> std::io::Result<NamedTempFile> {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push(what);
    let mut builder = Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new plan file gets the usual permissions for a new file (less the user's umask), not
    // the owner-only ones temporary files are made with; an existing file's own permissions
    // are put back afterwards.
    if let Some(usual) = platform::new_file_permissions() {
        builder.permissions(usual);
    }
    builder.tempfile_in(folder_of(target))
}

/// Saves the plan (all its scenarios) to `path` without risk to the file already there (see
/// the module's description), keeping the previous file as [`backup_path`]. Where the folder
/// allows no new file, the previous version is kept in the app's own folder
/// ([`platform::AppFolders::previous_versions`]).
pub fn save_file(plan: &ScenarioSet, path: &Path) -> Result<Saved, SaveError> {
    let spare = platform::AppFolders::current().map(|f| f.previous_versions());
    save_file_with_spare_folder(plan, path, spare.as_deref())
}

/// [`save_file`], keeping the previous version in `spare_folder` if the plan has to be written
/// in place (`None`: it is then not saved at all).
pub fn save_file_with_spare_folder(
    plan: &ScenarioSet,
    path: &Path,
    spare_folder: Option<&Path>,
) -> Result<Saved, SaveError> {
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
    let failed = |step: String| {
        move |e: std::io::Error| SaveError::Io {
            file: path.to_owned(),
            step,
            detail: describe(&e),
        }
    };

    let target = resolve_links(path).map_err(failed("follow the link to its file".into()))?;
    let existing = std::fs::metadata(&target).ok().filter(Metadata::is_file);
    // Never replace a file the user marked read-only (Windows would refuse at the last step).
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(SaveError::Io {
            file: path.to_owned(),
            step: "replace the file".into(),
            detail: platform::READ_ONLY_FILE.into(),
        });
    }

    // 1. The new contents, in a file of their own.
    let folder = folder_of(&target);
    let mut temporary = match fresh_file_beside(&target, ".") {
        Ok(file) => file,
        Err(e) => {
            let denied = e.kind() == std::io::ErrorKind::PermissionDenied;
            let refused = failed(format!("write the temporary file in {}", folder.display()))(e);
            return if denied && existing.is_some() {
                write_in_place(path, &target, &text, spare_folder, refused)
            } else {
                Err(refused)
            };
        }
    };
    let written = temporary
        .write_all(text.as_bytes())
        .and_then(|()| match &existing {
            Some(meta) => platform::keep_permissions(temporary.as_file(), meta),
            None => Ok(()),
        })
        .and_then(|()| temporary.as_file().sync_all());
    // On every early return below the temporary file is deleted as it is dropped.
    written.map_err(failed(format!(
        "write the temporary file {}",
        temporary.path().display()
    )))?;

    // 2. The previous version as .bak, replacing the old backup only once it exists.
    if existing.is_some() {
        platform::check_replaceable(&target).map_err(|e| SaveError::Io {
            file: path.to_owned(),
            step: "replace the file".into(),
            detail: describe(&e),
        })?;
        let backup = backup_path(&target);
        let keep = |e| failed(format!("keep the previous version as {}", backup.display()))(e);
        let new_backup = previous_version_beside(&target).map_err(keep)?;
        let link = new_backup.path().to_owned();
        new_backup.persist(&backup).map_err(|e| keep(e.error))?;
        // POSIX: renaming a link onto another link of the same file (the backup already is
        // this file: two windows saving at once, or a save that stopped after this step) does
        // nothing and succeeds, leaving the link under its temporary name.
        let _ = std::fs::remove_file(link);
    }

    // 3. The new file in place of the old one, in one rename.
    let saved = temporary.persist(&target).map_err(|e| SaveError::Io {
        file: path.to_owned(),
        step: "replace the file".into(),
        detail: platform::describe_replace_error(&e.error, &target)
            .map_or_else(|| describe(&e.error), str::to_owned),
    })?;
    // 4. Make the renames durable where the platform allows it; the data is already synced.
    platform::sync_folder(folder);
    let fingerprint = match saved.metadata() {
        Ok(meta) => Fingerprint::of_bytes(text.as_bytes(), &meta),
        Err(_) => Fingerprint {
            size: text.len() as u64,
            modified: None,
            hash: super::fingerprint::hash_bytes(text.as_bytes()),
        },
    };
    Ok(Saved {
        fingerprint,
        previous_version_kept_in: None,
    })
}

fn describe(e: &std::io::Error) -> String {
    platform::describe_os_error(e).map_or_else(|| describe_io_error(e), str::to_owned)
}

/// The existing file `target` under a fresh temporary name beside it: a hard link, or a copy
/// where the file system has no hard links.
fn previous_version_beside(target: &Path) -> std::io::Result<NamedTempFile<()>> {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push(".bak.");
    let linked = Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .make_in(folder_of(target), |name| std::fs::hard_link(target, name));
    match linked {
        Ok(link) => Ok(link),
        Err(_) => {
            let mut copy = fresh_file_beside(target, ".bak.")?;
            let mut original = File::open(target)?;
            std::io::copy(&mut original, &mut copy)?;
            platform::keep_permissions(copy.as_file(), &original.metadata()?)?;
            copy.as_file().sync_all()?;
            let (_, path) = copy.into_parts();
            Ok(NamedTempFile::from_parts((), path))
        }
    }
}

/// The fallback for a folder that allows no new file while the plan file itself may be
/// written (found on shared drives set up so that people may edit but not create files).
/// There is then nowhere beside the file for a temporary file or a `.bak`, so:
///
/// 1. the file is opened for writing (if it cannot be, the folder's refusal `refused` is the
///    answer), and its current contents are copied to the app's own folder (`spare_folder`, on this machine), as
///    a new file renamed into place there, and flushed. If that fails, or there is no such
///    folder, nothing is written and the file is unchanged;
/// 2. the new contents are written over the file from its start, cut to their length, and
///    flushed. The file keeps its identity, its permissions and any link to it;
/// 3. if writing fails part-way (a full disk), the previous contents are written back; if even
///    that fails, the message says where the previous version is kept.
///
/// Unlike the normal save this is not atomic: a power cut during step 2 can leave a mix of the
/// two versions in the file, and the copy from step 1 is then the way back.
fn write_in_place(
    path: &Path,
    target: &Path,
    text: &str,
    spare_folder: Option<&Path>,
    refused: SaveError,
) -> Result<Saved, SaveError> {
    let io_error = |step: &str, detail: String| SaveError::Io {
        file: path.to_owned(),
        step: step.to_owned(),
        detail,
    };
    let Some(spare_folder) = spare_folder else {
        return Err(refused);
    };
    let Ok(mut file) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(target)
    else {
        return Err(refused);
    };
    let mut previous = Vec::new();
    file.read_to_end(&mut previous)
        .map_err(|e| io_error("read the file", describe(&e)))?;
    let spare = spare_path(spare_folder, target);
    keep_spare_copy(&spare, &previous).map_err(|e| {
        io_error(
            &format!(
                "keep the previous version as {} (the folder does not allow new files, so it \
                 is kept there)",
                spare.display()
            ),
            describe(&e),
        )
    })?;

    let overwrite = |file: &mut File, bytes: &[u8]| -> std::io::Result<()> {
        file.rewind()?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    };
    if let Err(e) = overwrite(&mut file, text.as_bytes()) {
        return Err(match overwrite(&mut file, &previous) {
            Ok(()) => io_error("write over the file", describe(&e)),
            Err(_) => SaveError::InPlace {
                file: path.to_owned(),
                detail: describe(&e),
                spare,
            },
        });
    }
    let fingerprint = match file.metadata() {
        Ok(meta) => Fingerprint::of_bytes(text.as_bytes(), &meta),
        Err(e) => return Err(io_error("read back the file", describe(&e))),
    };
    Ok(Saved {
        fingerprint,
        previous_version_kept_in: Some(spare),
    })
}

/// Where the previous version of `target` is kept when it is written in place: one file per
/// plan file (its name and a hash of its full path, so two `plan.ron` in different folders do
/// not share one), replaced at each such save.
fn spare_path(spare_folder: &Path, target: &Path) -> PathBuf {
    let full = std::path::absolute(target).unwrap_or_else(|_| target.to_owned());
    let hash = super::fingerprint::hash_bytes(full.as_os_str().as_encoded_bytes());
    let mut name = OsString::from(target.file_name().unwrap_or_default());
    name.push(format!(".{:08x}.previous", hash as u32));
    spare_folder.join(name)
}

fn keep_spare_copy(spare: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = folder_of(spare);
    std::fs::create_dir_all(folder)?;
    let mut copy = NamedTempFile::new_in(folder)?;
    copy.write_all(bytes)?;
    copy.as_file().sync_all()?;
    copy.persist(spare).map_err(|e| e.error)?;
    platform::sync_folder(folder);
    Ok(())
}
