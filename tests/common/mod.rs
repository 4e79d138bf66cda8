//! Helpers for driving the real app headless with egui_kittest.
#![allow(dead_code)] // each test file uses a different subset

use caseload_planner::app::{RecentFiles, ScriptedDialogs};
use caseload_planner::ui::CaseloadApp;
use egui_kittest::Harness;
use std::path::PathBuf;

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
