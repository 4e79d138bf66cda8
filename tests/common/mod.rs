//! Helpers for driving the real app headless with egui_kittest.
#![allow(dead_code)] // each test file uses a different subset

use caseload_planner::app::{RecentFiles, ScriptedDialogs};
use caseload_planner::ui::CaseloadApp;
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub const WINDOW: egui::Vec2 = egui::vec2(1440.0, 900.0);

/// The app as a newcomer first sees it (built-in example plan), with scripted file dialogs.
pub fn app_harness(dialog_answers: Vec<Option<PathBuf>>) -> Harness<'static, CaseloadApp> {
    Harness::builder()
        .with_size(WINDOW)
        .build_eframe(move |_cc| {
            CaseloadApp::with_recent(
                RecentFiles::default(),
                Box::new(ScriptedDialogs::answering(dialog_answers)),
            )
        })
}

/// Steps the app until its background work (a file opening, the Projection's bands) is done and
/// taken, then until it settles: for flows that expect that work's result. Fails after a
/// generous time rather than hanging.
pub fn wait_for_work(harness: &mut Harness<'_, CaseloadApp>) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while harness.state().is_busy() {
        assert!(
            Instant::now() < deadline,
            "the background work did not finish"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}
