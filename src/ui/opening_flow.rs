//! Opening a plan file in the background: starting it, taking the outcome (the plan shown,
//! or why it could not be opened), and stopping it. The window greys the plan shown meanwhile.

use super::app::CaseloadApp;
use super::prompts::Prompt;
use crate::app::{Document, Opened, Opening};
use crate::io::default_scenarios;
use std::path::Path;
use std::time::Duration;

/// How long the frame that starts opening a file waits for it: a small plan is open within it,
/// so it appears at once with no "Opening…" flash; a large one goes on in the background.
const QUICK_OPEN: Duration = Duration::from_millis(3);

impl CaseloadApp {
    /// Waits for a file being opened and takes it (tests wait this way; the window never does).
    pub fn finish_opening(&mut self) {
        if let Some(opening) = &mut self.opening {
            let outcome = opening.wait();
            self.opened(outcome);
        }
    }

    /// Starts opening `path` in the background (a later open replaces an earlier one);
    /// `at_start` for the last plan, reopened as the app starts.
    pub(super) fn start_opening(&mut self, path: &Path, at_start: bool) {
        let mut opening = Opening::start(path, at_start, self.wake());
        let outcome = opening.poll(QUICK_OPEN);
        self.opening = Some(opening);
        if let Some(outcome) = outcome {
            self.opened(outcome);
        }
    }

    /// Shows the plan just opened. On failure the open plan stays as it was and the error is
    /// shown; at start, the example is shown with the reason in the status bar.
    pub(super) fn opened(&mut self, outcome: Opened) {
        let Some(opening) = self.opening.take() else {
            return;
        };
        let path = opening.path();
        match outcome {
            Opened::Ready(doc) => {
                if self.show_opened(*doc) {
                    self.recent.add(path);
                    self.notice = Some(format!("Opened {}", path.display()));
                }
            }
            Opened::Failed(message) => {
                if !path.exists() {
                    self.recent.remove(path);
                }
                if opening.at_start() {
                    self.replace_document(Document::with_scenarios(default_scenarios(), None));
                    self.notice = Some(format!("Could not reopen the last plan: {message}"));
                } else {
                    self.prompt = Some(Prompt::Error {
                        title: "The plan could not be opened".into(),
                        message,
                    });
                }
            }
        }
    }

    /// Stops opening a file. At start the built-in example is shown instead.
    pub(super) fn cancel_opening(&mut self) {
        if self.opening.take().is_some_and(|o| o.at_start()) {
            self.replace_document(Document::with_scenarios(default_scenarios(), None));
        }
    }
}
