//! A plan file being opened in the background. Reading, checking and assessing a large plan
//! takes longer than a frame, so it is done by a [`Job`]; the window learns the outcome in a
//! later frame and meanwhile shows what it is opening.

use super::Document;
use super::jobs::{Job, JobState, Wake};
use crate::io::LoadError;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What became of a file being opened.
pub enum Opened {
    /// Open, ready to show.
    Ready(Box<Document>),
    /// It could not be opened: why, naming the file and the place.
    Failed(String),
}

/// A plan file being opened.
pub struct Opening {
    job: Job<PathBuf, Result<Document, LoadError>>,
    at_start: bool,
}

impl Opening {
    /// Starts opening `path`; `at_start` when it is the last plan, reopened as the app starts.
    /// `wake` is called when it is done.
    pub fn start(path: &Path, at_start: bool, wake: Wake) -> Self {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let owned = path.to_owned();
        let job = Job::start(
            path.to_owned(),
            format!("Opening {name}"),
            wake,
            move |_| Some(Document::open(&owned)),
        );
        Opening { job, at_start }
    }

    pub fn path(&self) -> &Path {
        self.job.tag()
    }

    /// "Opening NAME".
    pub fn label(&self) -> &str {
        self.job.label()
    }

    /// Is this the last plan, reopening as the app starts?
    pub fn at_start(&self) -> bool {
        self.at_start
    }

    /// The outcome if it is known within `wait` (zero: without waiting).
    pub fn poll(&mut self, wait: Duration) -> Option<Opened> {
        let state = if wait.is_zero() {
            self.job.poll()
        } else {
            self.job.wait_for(wait)
        };
        self.outcome(state)
    }

    /// Waits for the outcome (tests wait this way; the window never does).
    pub fn wait(&mut self) -> Opened {
        let state = self.job.wait();
        self.outcome(state)
            .unwrap_or_else(|| Opened::Failed(self.stopped()))
    }

    fn outcome(&self, state: JobState<Result<Document, LoadError>>) -> Option<Opened> {
        match state {
            JobState::Running => None,
            JobState::Done(Ok(doc)) => Some(Opened::Ready(Box::new(doc))),
            JobState::Done(Err(e)) => Some(Opened::Failed(e.to_string())),
            JobState::Stopped => Some(Opened::Failed(self.stopped())),
        }
    }

    fn stopped(&self) -> String {
        format!("Opening {} stopped unexpectedly.", self.path().display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::save_file;
    use std::sync::Arc;

    #[test]
    fn a_plan_opens_in_the_background_and_a_bad_one_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("north.ron");
        let set = crate::io::default_scenarios();
        save_file(&set, &good).unwrap();
        let mut opening = Opening::start(&good, false, Arc::new(|| {}));
        assert_eq!(opening.label(), "Opening north.ron");
        assert_eq!(opening.path(), good.as_path());
        match opening.wait() {
            Opened::Ready(doc) => {
                assert_eq!(doc.scenarios(), &set);
                assert_eq!(doc.path(), Some(good.as_path()));
            }
            Opened::Failed(why) => panic!("not opened: {why}"),
        }

        let missing = dir.path().join("gone.ron");
        let mut opening = Opening::start(&missing, true, Arc::new(|| {}));
        assert!(opening.at_start());
        match opening.wait() {
            Opened::Failed(why) => assert!(why.contains("gone.ron"), "{why}"),
            Opened::Ready(_) => panic!("a missing file opened"),
        }
    }
}
