//! Files read and written for importing and exporting, off the window's thread: a staff list
//! or caseload report read into a table ([`TableReading`]), and a file written (the posts as
//! CSV, the template, the import's choices: [`FileWriting`]). Each runs as a [`Job`] whose
//! label the window shows meanwhile.

use super::jobs::{Job, JobControl, JobState, Wake};
use crate::io::import::{ReadProgress, TableKind, read_table, sheet_names};
use crate::model::import::Table;
use std::path::{Path, PathBuf};

/// A job's control as the reader's progress: how far, and whether still wanted.
struct JobProgress<'a>(&'a JobControl);

impl ReadProgress for JobProgress<'_> {
    fn progress(&self, fraction: f32) {
        self.0.set_progress(fraction);
    }

    fn cancelled(&self) -> bool {
        self.0.is_cancelled()
    }
}

/// The file's name as a person knows it (`staff.csv`), for labels.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A table read from a file, and the file's sheets when it is a workbook.
#[derive(Debug)]
pub struct ReadTable {
    pub table: Table,
    /// The workbook's sheets, in order; empty for a CSV file.
    pub sheets: Vec<String>,
}

/// A staff list or caseload report being read.
pub struct TableReading {
    job: Job<PathBuf, Result<ReadTable, String>>,
    kind: TableKind,
    sheet: Option<String>,
}

impl TableReading {
    /// Starts reading `path` as a table of `kind` (for a workbook, `sheet` or the first).
    pub fn start(path: &Path, kind: TableKind, sheet: Option<String>, wake: Wake) -> Self {
        let owned = path.to_owned();
        let wanted = sheet.clone();
        let job = Job::start(
            path.to_owned(),
            format!("Reading {}", file_name(path)),
            wake,
            move |control| {
                let read = read_table(&owned, kind, wanted.as_deref(), &JobProgress(control));
                if control.is_cancelled() {
                    return None;
                }
                // A CSV file has no sheets: its "error" only says so.
                let sheets = sheet_names(&owned).unwrap_or_default();
                Some(
                    read.map(|table| ReadTable { table, sheets })
                        .map_err(|e| e.to_string()),
                )
            },
        );
        TableReading { job, kind, sheet }
    }

    pub fn path(&self) -> &Path {
        self.job.tag()
    }

    pub fn kind(&self) -> TableKind {
        self.kind
    }

    /// The sheet asked for, if one was.
    pub fn sheet(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// "Reading staff.csv", with how far it has got once that is known.
    pub fn label(&self) -> String {
        with_progress(self.job.label(), self.job.progress())
    }

    /// Asks the reading to stop: a large file stops within a thousand rows.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// The table, or why it could not be read, once known.
    pub fn poll(&mut self) -> Option<Result<ReadTable, String>> {
        let state = self.job.poll();
        self.outcome(state)
    }

    /// Waits for the outcome (tests wait this way; the window never does).
    pub fn wait(&mut self) -> Result<ReadTable, String> {
        let state = self.job.wait();
        self.outcome(state).unwrap_or_else(|| Err(self.stopped()))
    }

    fn outcome(
        &self,
        state: JobState<Result<ReadTable, String>>,
    ) -> Option<Result<ReadTable, String>> {
        match state {
            JobState::Running => None,
            JobState::Done(result) => Some(result),
            JobState::Stopped => Some(Err(self.stopped())),
        }
    }

    fn stopped(&self) -> String {
        format!("Reading {} stopped unexpectedly.", file_name(self.path()))
    }
}

/// `label` with how far the work has got, once it has said ("Reading staff.csv (40%)").
fn with_progress(label: &str, done: f32) -> String {
    if done > 0.0 {
        format!("{label} ({:.0}%)", done * 100.0)
    } else {
        label.to_owned()
    }
}

/// A file being written: the outcome is what to tell the user, done or not.
pub struct FileWriting {
    job: Job<PathBuf, Result<String, String>>,
    /// Whether the work stops when asked (a report does; a small CSV file just finishes).
    stoppable: bool,
}

impl FileWriting {
    /// Starts `write` for `path`, labelled `label` ("Exporting posts to north.csv"); `write`
    /// returns the notice to show when done, or why it failed.
    pub fn start(
        path: &Path,
        label: String,
        wake: Wake,
        write: impl FnOnce(&Path) -> Result<String, String> + Send + 'static,
    ) -> Self {
        let owned = path.to_owned();
        let job = Job::start(path.to_owned(), label, wake, move |_| Some(write(&owned)));
        FileWriting {
            job,
            stoppable: false,
        }
    }

    /// Starts `write`, which reports how far it has got through the control it is given and
    /// returns `None` once it has stopped because it was asked to (leaving nothing written).
    pub fn start_stoppable(
        path: &Path,
        label: String,
        wake: Wake,
        write: impl FnOnce(&Path, &JobControl) -> Option<Result<String, String>> + Send + 'static,
    ) -> Self {
        let owned = path.to_owned();
        let job = Job::start(path.to_owned(), label, wake, move |control| {
            write(&owned, control)
        });
        FileWriting {
            job,
            stoppable: true,
        }
    }

    /// "Writing north.pdf", with how far it has got once that is known.
    pub fn label(&self) -> String {
        with_progress(self.job.label(), self.job.progress())
    }

    /// Whether asking it to stop stops it (the window offers Stop only then).
    pub fn stoppable(&self) -> bool {
        self.stoppable
    }

    /// Asks the writing to stop; nothing is left written.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// What to tell the user, once it is done.
    pub fn poll(&mut self) -> Option<Result<String, String>> {
        match self.job.poll() {
            JobState::Running => None,
            JobState::Done(result) => Some(result),
            JobState::Stopped => Some(Err(self.stopped())),
        }
    }

    /// Waits for it (tests).
    pub fn wait(&mut self) -> Result<String, String> {
        match self.job.wait() {
            JobState::Done(result) => result,
            _ => Err(self.stopped()),
        }
    }

    fn stopped(&self) -> String {
        format!(
            "Writing {} stopped unexpectedly.",
            file_name(self.job.tag())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_staff_list_is_read_in_the_background_and_a_bad_one_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("staff.csv");
        std::fs::write(&good, crate::io::import::STAFF_LIST_TEMPLATE).unwrap();
        let mut reading = TableReading::start(&good, TableKind::StaffList, None, Arc::new(|| {}));
        // The worker may already have said how far it has got: "Reading staff.csv (100%)".
        assert!(
            reading.label().starts_with("Reading staff.csv"),
            "{}",
            reading.label()
        );
        let read = reading.wait().expect("the template reads");
        assert!(!read.table.rows.is_empty());
        assert!(read.sheets.is_empty(), "a CSV file has no sheets");

        let junk = dir.path().join("junk.csv");
        std::fs::write(&junk, [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
        let mut reading = TableReading::start(&junk, TableKind::StaffList, None, Arc::new(|| {}));
        let why = reading.wait().expect_err("junk is refused");
        assert!(why.contains("junk.csv"), "{why}");
    }

    #[test]
    fn a_file_written_in_the_background_reports_its_outcome() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let mut writing =
            FileWriting::start(&path, "Writing out.csv".to_owned(), Arc::new(|| {}), |p| {
                std::fs::write(p, "a,b\n").map_err(|e| e.to_string())?;
                Ok("Written.".to_owned())
            });
        assert_eq!(writing.label(), "Writing out.csv");
        assert_eq!(writing.wait(), Ok("Written.".to_owned()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n");
        assert!(!writing.stoppable());
    }

    #[test]
    fn a_stoppable_writing_says_how_far_it_has_got_and_stops_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        let (go_on, wait) = std::sync::mpsc::channel::<()>();
        let (halfway, reached) = std::sync::mpsc::channel::<()>();
        let mut writing = FileWriting::start_stoppable(
            &path,
            "Writing report.pdf".to_owned(),
            Arc::new(|| {}),
            move |_, control| {
                control.set_progress(0.4);
                halfway.send(()).unwrap();
                wait.recv().unwrap();
                if control.is_cancelled() {
                    return None;
                }
                Some(Ok("Written.".to_owned()))
            },
        );
        reached.recv().unwrap();
        assert_eq!(writing.label(), "Writing report.pdf (40%)");
        assert!(writing.stoppable());
        writing.cancel();
        go_on.send(()).unwrap();
        assert!(
            writing.wait().is_err(),
            "a stopped writing tells nothing done"
        );
    }
}
