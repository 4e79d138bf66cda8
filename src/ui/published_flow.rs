//! The window's side of the published figures: taking the release once it is read, installing
//! a newer one the user chose (File > Use newer published figures…), and the plan made by File
//! > New from published figures…, which opens in place of the one open.

use super::app::CaseloadApp;
use super::menu::AppAction;
use super::prompts::Prompt;
use crate::app::Document;
use std::path::Path;

impl CaseloadApp {
    /// Each frame: takes the release when read or installed, and draws the New from published
    /// figures window while it is open.
    pub(super) fn published_frame(&mut self, ctx: &egui::Context) {
        match self.published.poll() {
            Some(Ok(source)) => {
                self.notice = Some(format!(
                    "Using the published figures from {source} from now on."
                ));
            }
            Some(Err(why)) => {
                self.prompt = Some(Prompt::Error {
                    title: "The published figures could not be used".into(),
                    message: format!("{why}\n\nThe figures in use before are still used."),
                });
            }
            None => {}
        }
        if let Some(plan) = super::start_from_published::start_from_published_ui(
            ctx,
            &mut self.state.start_from_published,
            self.published.loaded(),
        ) {
            self.started = Some(Box::new(plan));
            self.request(AppAction::OpenStarted, ctx);
        }
    }

    /// Opens the plan made from published figures (after the unsaved-changes question).
    pub(super) fn open_started(&mut self) {
        if let Some(plan) = self.started.take() {
            let council = plan.name.clone();
            self.replace_document(Document::new(*plan, None));
            self.state.view = super::state::View::Benchmarks;
            self.notice = Some(format!("Made {council} (not saved yet)."));
        }
    }

    /// Checks and installs the release CSV the user chose, in the background.
    pub(super) fn install_release(&mut self, path: &Path) {
        let wake = self.wake();
        self.published.install(path, wake);
    }

    /// True while the published figures are read or a release is checked.
    pub(super) fn published_busy(&self) -> bool {
        self.published.is_reading() || self.published.is_installing()
    }
}
