//! The status bar: the scenario shown and its size, the last refusal or notice, a file being
//! opened (with a way to stop), and where the plan is saved.

use super::busy::busy_ui;
use super::theme;
use crate::app::{Document, Opening};
use crate::text;
use egui::{RichText, Ui};

/// Draws the status bar. `message` is a refusal (`true`, shown as an alert) or a notice.
/// Returns true when the user asks to stop opening a file.
pub fn status_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    message: Option<(bool, &str)>,
    opening: Option<&Opening>,
) -> bool {
    let mut cancel = false;
    // Where the plan is saved goes at the right first; the rest takes the room left, long
    // messages cut with "…" (whole on hover) rather than running under it.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let place = doc
        .path()
        .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.weak(place);
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let plan = doc.plan();
            let service = &doc.assessment().service;
            let scenario = doc
                .scenarios()
                .get(doc.active())
                .map_or("", |s| s.name.as_str());
            ui.label(RichText::new(scenario).strong());
            ui.label(format!(
                "{} · {} · {} held · {} unallocated",
                text::count(plan.teams.len() as u64, "team", "teams"),
                text::count(plan.posts.len() as u64, "post", "posts"),
                text::count(service.sums.cases_allocated, "case", "cases"),
                text::thousands(service.sums.unallocated)
            ));
            if let Some(job) = opening {
                ui.separator();
                busy_ui(ui, &format!("{}…", job.label()));
                cancel = ui.button("Stop opening").clicked();
            } else if let Some((refusal, text)) = message {
                ui.separator();
                if refusal {
                    ui.label(RichText::new(format!("Not changed: {text}")).color(theme::ALERT));
                } else {
                    ui.weak(text);
                }
            }
        });
    });
    cancel
}
