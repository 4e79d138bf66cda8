//! Loading a plan: size, encoding, syntax, version, then meaning. Never panics, whatever the
//! bytes; every failure says what is wrong and where.

use super::format::{CURRENT_VERSION, Header, PlanFile};
use crate::model::scenarios::validate_scenarios;
use crate::model::{Problem, ScenarioSet};
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Larger files are refused before they are parsed. A 10,000-post plan is about 2 MB.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Why a plan could not be loaded. `file` names the file (or "built-in plan").
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: could not be read: {detail}", file.display())]
    Unreadable { file: PathBuf, detail: String },
    #[error(
        "{}: is {size} bytes, more than the {limit} bytes a plan file may have; is it really a plan?",
        file.display()
    )]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: the file is empty", file.display())]
    Empty { file: PathBuf },
    #[error(
        "{}:{line}:{column}: this is not a text file (invalid UTF-8 here); a plan file is RON text",
        file.display()
    )]
    NotText {
        file: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}:{line}:{column}: {message}", file.display())]
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: has no format version (or version 0): a plan file starts `(version: {CURRENT_VERSION}, ...`",
        file.display()
    )]
    NoVersion { file: PathBuf },
    #[error(
        "{}: uses plan format version {found}, but this version of Caseload Planner reads up to \
         version {CURRENT_VERSION}: open it with a newer Caseload Planner",
        file.display()
    )]
    NewerVersion { file: PathBuf, found: u32 },
    #[error("{}: {}", file.display(), list_problems(problems))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
    },
}

fn list_problems(problems: &[Problem]) -> String {
    let mut text = format!(
        "{} problem{} in the plan:",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for problem in problems {
        let _ = write!(text, "\n  - {problem}");
    }
    text
}

/// Reads and checks the plan at `path`.
pub fn load_file(path: &Path) -> Result<ScenarioSet, LoadError> {
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        file: path.to_owned(),
        detail: describe_io_error(&e),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    let too_large = |size| LoadError::TooLarge {
        file: path.to_owned(),
        size,
        limit: MAX_PLAN_BYTES,
    };
    if size > MAX_PLAN_BYTES {
        return Err(too_large(size));
    }
    // The size can change between the check and the read (or lie, for special files): read at
    // most one byte past the limit, so a growing file is still refused.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    load_bytes(&bytes, path)
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
    let syntax = |e: ron::error::SpannedError| LoadError::Syntax {
        file: source.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: syntax_message(&e.code),
    };
    // One parse on the normal path. Only when it fails is the version read on its own, so that a
    // file from a newer version is refused by name rather than by a field this build lacks.
    let file = match ron::from_str::<PlanFile>(text) {
        Ok(file) => file,
        Err(e) => {
            return Err(match ron::from_str::<Header>(text) {
                Ok(header) if header.version == 0 || header.version > CURRENT_VERSION => {
                    version_error(header.version, source)
                }
                _ => syntax(e),
            });
        }
    };
    if file.version == 0 || file.version > CURRENT_VERSION {
        return Err(version_error(file.version, source));
    }
    let set = file.into_scenarios();
    let problems = validate_scenarios(&set);
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(LoadError::Invalid {
            file: source.to_owned(),
            problems,
        })
    }
}

fn version_error(found: u32, source: &Path) -> LoadError {
    if found == 0 {
        LoadError::NoVersion {
            file: source.to_owned(),
        }
    } else {
        LoadError::NewerVersion {
            file: source.to_owned(),
            found,
        }
    }
}

/// RON's message in a plan-writer's words: no internal type names, no advice meant for
/// programmers.
fn syntax_message(code: &ron::Error) -> String {
    match code {
        ron::Error::IntegerOutOfBounds => {
            "number out of range here: ids and case counts are whole numbers from 0 up".into()
        }
        other => other
            .to_string()
            .replace("struct `PlanFile`", "the plan")
            .replace("`PlanFile`", "the plan"),
    }
}

/// 1-based line and column just after `prefix`.
fn line_and_column(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Plain words for the common cases; the system's text for the rest.
pub(super) fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "there is no such file".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a folder, not a file".into(),
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
}
