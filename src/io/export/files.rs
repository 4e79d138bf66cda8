//! Writing an export's files, whole or not at all: each is written to a temporary file beside
//! where it goes, and only once every one is complete are they renamed into place. A failure
//! part-way leaves no temporary file and no half-written file; a folder made for the export
//! and left empty is taken away again. Files already there are replaced only when asked; a
//! refusal is found before anything is written.

use super::super::load::describe_io_error;
use crate::text::printable;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to do with a file already where an export goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: nothing is written ([`ExportError::Exists`]).
    Keep,
    /// Replace it, whole, once the new one is complete.
    Replace,
}

/// Why an export was not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// A file is already there and was to be kept; nothing was written.
    Exists(PathBuf),
    /// Anything else, in words that name the file or folder.
    Failed(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Exists(path) => write!(f, "{} already exists", shown(path)),
            ExportError::Failed(why) => f.write_str(why),
        }
    }
}

pub(super) fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// The folder a file goes in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes every file of `files` (path and bytes) or none: see the module's description.
pub fn write_files(files: &[(PathBuf, Vec<u8>)], existing: Existing) -> Result<(), ExportError> {
    let not_written = |path: &Path, why: String| {
        ExportError::Failed(format!("{} was not written: {why}", shown(path)))
    };
    if let Some((path, _)) = files.iter().find(|(path, _)| path.is_dir()) {
        return Err(not_written(path, "it is a folder, not a file".into()));
    }
    if existing == Existing::Keep
        && let Some((path, _)) = files.iter().find(|(path, _)| path.exists())
    {
        return Err(ExportError::Exists(path.clone()));
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let folder = folder_of(path);
        let mut file = builder().tempfile_in(folder).map_err(|e| {
            let why = format!(
                "could not write in {}: {}",
                shown(folder),
                describe_io_error(&e)
            );
            not_written(path, why)
        })?;
        file.write_all(bytes)
            .and_then(|()| file.as_file().sync_all())
            .map_err(|e| not_written(path, describe_io_error(&e)))?;
        staged.push((file, path));
    }
    // Every file is complete: into place. (Dropping a temporary file deletes it.)
    for (file, path) in staged {
        let placed = match existing {
            Existing::Replace => file.persist(path),
            Existing::Keep => file.persist_noclobber(path),
        };
        placed.map_err(|e| match e.error.kind() {
            std::io::ErrorKind::AlreadyExists => ExportError::Exists(path.clone()),
            _ => not_written(path, describe_io_error(&e.error)),
        })?;
    }
    Ok(())
}

/// Temporary files named as the app's, readable as any file the user makes: a temporary
/// file is made for the owner alone, and an export is for sharing (the umask still applies).
fn builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".export").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Makes `folder` (and any folders above it that are missing), returning the ones made, the
/// innermost last, so they can be taken away if nothing is written in them.
pub fn make_folder(folder: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let missing: Vec<PathBuf> = folder
        .ancestors()
        .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
        .map(Path::to_path_buf)
        .collect();
    if folder.exists() && !folder.is_dir() {
        return Err(ExportError::Failed(format!(
            "{} is a file, not a folder",
            shown(folder)
        )));
    }
    std::fs::create_dir_all(folder).map_err(|e| {
        ExportError::Failed(format!(
            "the folder {} could not be made: {}",
            shown(folder),
            describe_io_error(&e)
        ))
    })?;
    Ok(missing.into_iter().rev().collect())
}

/// Takes away the folders `made` (innermost last) that are still empty.
pub fn remove_empty_folders(made: &[PathBuf]) {
    for folder in made.iter().rev() {
        // Fails, and so keeps the folder, when anything is in it.
        let _ = std::fs::remove_dir(folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_written_or_none_and_files_there_are_kept_unless_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv");
        std::fs::write(&b, "old").unwrap();
        let files = vec![
            (a.clone(), b"new a".to_vec()),
            (b.clone(), b"new b".to_vec()),
        ];
        assert_eq!(
            write_files(&files, Existing::Keep),
            Err(ExportError::Exists(b.clone()))
        );
        assert!(!a.exists(), "nothing written after a refusal");
        assert_eq!(std::fs::read(&b).unwrap(), b"old");
        write_files(&files, Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new a");
        assert_eq!(std::fs::read(&b).unwrap(), b"new b");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file left");
    }

    #[test]
    fn a_failure_part_way_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        let missing = dir.path().join("no such folder").join("b.csv");
        let files = vec![(a.clone(), b"a".to_vec()), (missing.clone(), b"b".to_vec())];
        let Err(ExportError::Failed(why)) = write_files(&files, Existing::Replace) else {
            panic!("written")
        };
        assert!(why.contains("b.csv was not written"), "{why}");
        assert!(why.contains("no such folder"), "{why}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn folders_made_for_an_export_go_again_when_left_empty() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("reports").join("june");
        let made = make_folder(&inner).unwrap();
        assert_eq!(made, [dir.path().join("reports"), inner.clone()]);
        assert!(inner.is_dir());
        remove_empty_folders(&made);
        assert!(!dir.path().join("reports").exists());
        let file = dir.path().join("plan.ron");
        std::fs::write(&file, "x").unwrap();
        let Err(ExportError::Failed(why)) = make_folder(&file) else {
            panic!("made")
        };
        assert!(why.ends_with("plan.ron is a file, not a folder"), "{why}");
    }
}
