//! Loading a plan: what the path is, size, encoding, syntax, version, then meaning. Never
//! panics and never waits, whatever the path or the bytes; every failure says what is wrong and
//! where, in words a plan-writer uses (RON's own messages name our internal types: see
//! [`super::ron_words`]).

use super::fingerprint::Fingerprint;
use super::format::{CURRENT_VERSION, Header, MAX_PLAUSIBLE_VERSION, PlanFile, VersionNumber};
use super::ron_words::plain_words;
use crate::model::scenarios::{too_many_scenarios, validate_scenarios};
use crate::model::{Problem, ScenarioSet};
use crate::text::{printable, thousands};
use std::fmt::Write as _;
use std::fs::{File, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Larger files are refused before they are parsed. A 10,000-post plan is about 2 MB.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Why a plan could not be loaded. `file` names the file (or "built-in plan").
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: could not be read: {detail}", shown(file))]
    Unreadable { file: PathBuf, detail: String },
    #[error(
        "{}: is {size} bytes, more than the {limit} bytes a plan file may have; is it really a plan?",
        shown(file)
    )]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: the file is empty", shown(file))]
    Empty { file: PathBuf },
    #[error(
        "{}:{line}:{column}: this is not a text file (invalid UTF-8 here); a plan file is RON text",
        shown(file)
    )]
    NotText {
        file: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}:{line}:{column}: {message}", shown(file))]
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: has no format version (or version 0): a plan file starts `(version: {CURRENT_VERSION}, ...`",
        shown(file)
    )]
    NoVersion { file: PathBuf },
    #[error(
        "{}: uses plan format version {found}, but this version of Caseload Planner reads up to \
         version {CURRENT_VERSION}: open it with a newer Caseload Planner",
        shown(file)
    )]
    NewerVersion { file: PathBuf, found: u64 },
    #[error(
        "{}: its format version is not one this program knows: plan files have version 1 to \
         {CURRENT_VERSION}, written as a whole number (`version: {CURRENT_VERSION}`)",
        shown(file)
    )]
    UnknownVersion { file: PathBuf },
    /// The plan's meaning: the first problems found, and how many more there were.
    #[error("{}: {}", shown(file), list_problems(problems, *not_listed))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
        not_listed: usize,
    },
}

/// A path as a message shows it: a file name can hold control characters too.
fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

fn list_problems(problems: &[Problem], not_listed: usize) -> String {
    let count = problems.len() + not_listed;
    let mut text = format!(
        "{} problem{} in the plan:",
        thousands(count as u64),
        if count == 1 { "" } else { "s" }
    );
    for problem in problems {
        let _ = write!(text, "\n  - {problem}");
    }
    if not_listed > 0 {
        let _ = write!(text, "\n  - and {} more", thousands(not_listed as u64));
    }
    text
}

/// Reads and checks the plan at `path`.
pub fn load_file(path: &Path) -> Result<ScenarioSet, LoadError> {
    load_file_with_fingerprint(path).map(|(set, _)| set)
}

/// Reads and checks the plan at `path`, with the fingerprint of the bytes read (to tell later
/// whether the file has changed on disk).
pub fn load_file_with_fingerprint(path: &Path) -> Result<(ScenarioSet, Fingerprint), LoadError> {
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        file: path.to_owned(),
        detail: describe_io_error(&e),
    };
    let not_a_file = |kind: FileType| {
        not_a_file(kind).map(|what| LoadError::Unreadable {
            file: path.to_owned(),
            detail: what.to_owned(),
        })
    };
    // Look before opening: opening a named pipe waits for a writer, and a device may never end.
    if let Some(refusal) = not_a_file(std::fs::metadata(path).map_err(unreadable)?.file_type()) {
        return Err(refusal);
    }
    let file = open_for_reading(path).map_err(unreadable)?;
    // The path may have been replaced since it was looked at: check what was opened.
    let metadata = file.metadata().map_err(unreadable)?;
    if let Some(refusal) = not_a_file(metadata.file_type()) {
        return Err(refusal);
    }
    let size = metadata.len();
    let too_large = |size| LoadError::TooLarge {
        file: path.to_owned(),
        size,
        limit: MAX_PLAN_BYTES,
    };
    if size > MAX_PLAN_BYTES {
        return Err(too_large(size));
    }
    // The size can change between the check and the read: read at most one byte past the
    // limit, so a growing file is still refused.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let set = load_bytes(&bytes, path)?;
    Ok((set, Fingerprint::of_bytes(&bytes, &metadata)))
}

/// Why a path of this kind is not read as a plan, or `None` for a regular file.
pub(super) fn not_a_file(kind: FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("it is a folder, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("it is a named pipe, not a file: save the plan to a file and open that");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("it is a device, not a file");
        }
        if kind.is_socket() {
            return Some("it is a socket, not a file");
        }
    }
    Some("it is not a regular file")
}

/// Opens `path` for reading without waiting: on Unix non-blocking, so that a path replaced by a
/// named pipe after it was looked at is not waited on (reading a regular file is unaffected).
#[cfg(unix)]
pub(super) fn open_for_reading(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

/// Opens `path` for reading. Elsewhere than Unix the look before opening is the guard.
#[cfg(not(unix))]
pub(super) fn open_for_reading(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Checks and parses a plan held in memory; `source` names it in messages.
pub fn load_bytes(bytes: &[u8], source: &Path) -> Result<ScenarioSet, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_and_column(&bytes[..e.valid_up_to()]);
        LoadError::NotText {
            file: source.to_owned(),
            line,
            column,
        }
    })?;
    load_str(text, source)
}

/// Parses and checks plan text; `source` names it in messages.
pub fn load_str(text: &str, source: &Path) -> Result<ScenarioSet, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: source.to_owned(),
        });
    }
    let syntax = |e: ron::error::SpannedError| {
        let (line, column) = editor_position(text, e.span.start.line, e.span.start.col);
        LoadError::Syntax {
            file: source.to_owned(),
            line,
            column,
            message: printable(&plain_words(&e.code)).into_owned(),
        }
    };
    // One parse on the normal path. Only when it fails is the version read on its own, so that a
    // file from a newer version is refused by name rather than by a field this build lacks.
    let file = match ron::from_str::<PlanFile>(text) {
        Ok(file) => file,
        Err(e) => {
            let header = ron::from_str::<Header>(text).map(|h| h.version);
            return Err(header
                .ok()
                .and_then(|version| version_error(version, source))
                .unwrap_or_else(|| syntax(e)));
        }
    };
    if let Some(error) = version_error(VersionNumber::Whole(file.version.into()), source) {
        return Err(error);
    }
    // Counted before the options are built: each option is a copy of the shared parts, so a
    // file of thousands of options would otherwise take memory many times its size.
    if let Some(problem) = too_many_scenarios(file.options.len() + 1) {
        return Err(LoadError::Invalid {
            file: source.to_owned(),
            problems: vec![problem],
            not_listed: 0,
        });
    }
    let set = file.into_scenarios();
    let problems = validate_scenarios(&set);
    if problems.is_empty() {
        Ok(set)
    } else {
        let (problems, not_listed) = problems.into_parts();
        Err(LoadError::Invalid {
            file: source.to_owned(),
            problems,
            not_listed,
        })
    }
}

/// The error for a version this build does not read, or `None` for one it does.
fn version_error(version: VersionNumber, source: &Path) -> Option<LoadError> {
    let file = source.to_owned();
    match version {
        VersionNumber::Missing | VersionNumber::Whole(0) => Some(LoadError::NoVersion { file }),
        VersionNumber::Whole(v) if v <= u64::from(CURRENT_VERSION) => None,
        VersionNumber::Whole(found) if found <= MAX_PLAUSIBLE_VERSION => {
            Some(LoadError::NewerVersion { file, found })
        }
        VersionNumber::Whole(_) | VersionNumber::Unreadable => {
            Some(LoadError::UnknownVersion { file })
        }
    }
}

/// RON counts only `\n` as a line break; an editor also counts a lone `\r` (old Mac files).
/// Turns RON's line and column in `text` into the ones an editor shows.
fn editor_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    if !text.contains('\r') {
        return (line, column);
    }
    let (mut at_line, mut at_column) = (1, 1);
    let mut offset = text.len();
    for (i, c) in text.char_indices() {
        if (at_line, at_column) >= (line, column) {
            offset = i;
            break;
        }
        if c == '\n' {
            at_line += 1;
            at_column = 1;
        } else {
            at_column += 1;
        }
    }
    line_and_column(&text.as_bytes()[..offset])
}

/// 1-based line and column just after `prefix`, as an editor counts them: a line ends at
/// `\n`, `\r\n` or a lone `\r`; columns count characters, not bytes.
fn line_and_column(prefix: &[u8]) -> (usize, usize) {
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in prefix.iter().enumerate() {
        let ends_crlf = b == b'\n' && i > 0 && prefix[i - 1] == b'\r';
        if b == b'\r' || (b == b'\n' && !ends_crlf) {
            line += 1;
        }
        if b == b'\r' || b == b'\n' {
            line_start = i + 1;
        }
    }
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Plain words for the common cases; the system's text for the rest.
pub fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "there is no such file".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        assert_eq!(line_and_column(b""), (1, 1));
        assert_eq!(line_and_column(b"ab\ncd"), (2, 3));
        assert_eq!(line_and_column("é".as_bytes()), (1, 2));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_crlf_ends_one() {
        assert_eq!(line_and_column(b"ab\rcd"), (2, 3));
        assert_eq!(line_and_column(b"ab\r\ncd"), (2, 3));
        assert_eq!(line_and_column(b"a\r\rb"), (3, 2));
        assert_eq!(line_and_column(b"ab\r"), (2, 1));
        // RON sees "a\rb\rc" as one line; the editor's line 3, column 2 is after the `c`.
        assert_eq!(editor_position("a\rb\rcd", 1, 6), (3, 2));
        assert_eq!(editor_position("a\r\nb", 2, 2), (2, 2));
        assert_eq!(editor_position("a\nb", 2, 2), (2, 2));
    }

    #[test]
    fn versions_are_read_for_what_they_are() {
        let source = Path::new("p.ron");
        let error = |v| version_error(v, source).map(|e| e.to_string());
        assert_eq!(error(VersionNumber::Whole(2)), None);
        assert!(
            error(VersionNumber::Missing)
                .unwrap()
                .contains("has no format version")
        );
        assert!(
            error(VersionNumber::Whole(3))
                .unwrap()
                .contains("version 3")
        );
        let unknown = error(VersionNumber::Whole(99_999_999_999)).unwrap();
        assert!(unknown.contains("not one this program knows"), "{unknown}");
        assert_eq!(error(VersionNumber::Unreadable), Some(unknown));
    }
}
