//! Presentation mode (View > Present…, F5): for a meeting room. The user ticks the slides to
//! show; the window then goes full screen with larger type and no editing panels, and steps
//! through the slides with the arrow keys (or Page Up / Page Down, Space, Home, End); Esc
//! returns to the window as it was. Slides draw the same views and charts as the window, from
//! the same plan and assessment, so nothing in a slide can differ from what the app shows.

mod slides;

use crate::app::{Document, LoadedRelease};
use egui::{Context, Key, RichText, ViewportCommand};
use std::collections::BTreeSet;

pub use slides::Slide;

/// The slide chooser and, once started, where the presentation is.
#[derive(Default)]
pub struct Presentation {
    /// The "Present" window is open: slides are being chosen.
    pub choosing: bool,
    /// The slides ticked (those that have something to show are offered).
    pub chosen: Option<BTreeSet<Slide>>,
    pub running: Option<Running>,
}

/// A presentation under way.
pub struct Running {
    pub slides: Vec<Slide>,
    pub at: usize,
    /// The zoom before it started, restored after.
    zoom_before: f32,
}

impl Presentation {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Opens the chooser.
    pub fn choose(&mut self) {
        self.choosing = true;
    }

    fn start(&mut self, ctx: &Context, slides: Vec<Slide>) {
        let zoom_before = ctx.zoom_factor();
        // Larger type for the room: as if the screen were 1,100 points wide (1920x1080 shows
        // at 175%), never smaller than the window shows now.
        let width = ctx.content_rect().width() * zoom_before;
        ctx.set_zoom_factor((width / PRESENTATION_WIDTH).clamp(zoom_before, 2.5));
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        self.running = Some(Running {
            slides,
            at: 0,
            zoom_before,
        });
        self.choosing = false;
    }

    fn stop(&mut self, ctx: &Context) {
        if let Some(running) = self.running.take() {
            ctx.set_zoom_factor(running.zoom_before);
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }
}

/// The width, in points, a slide is laid out for once zoomed.
const PRESENTATION_WIDTH: f32 = 1100.0;

/// The chooser window while it is open.
pub fn present_chooser_ui(
    ctx: &Context,
    presentation: &mut Presentation,
    doc: &Document,
    published: Option<&LoadedRelease>,
) {
    if !presentation.choosing {
        return;
    }
    let offered: Vec<Slide> = Slide::ALL
        .into_iter()
        .filter(|s| s.has_content(doc, published))
        .collect();
    let chosen = presentation
        .chosen
        .get_or_insert_with(|| offered.iter().copied().collect());
    let mut open = true;
    let mut start = false;
    egui::Window::new("Present")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_pos(egui::pos2(290.0, 100.0))
        .show(ctx, |ui| {
            ui.label(format!(
                "Full screen, larger type, no editing panels: {} shown.",
                scenario_name(doc)
            ));
            ui.label("Slides to show:");
            for slide in &offered {
                let mut on = chosen.contains(slide);
                if ui.checkbox(&mut on, slide.title()).changed() {
                    if on {
                        chosen.insert(*slide);
                    } else {
                        chosen.remove(slide);
                    }
                }
            }
            ui.add_space(4.0);
            ui.weak("Right arrow or Page Down: next · Left arrow or Page Up: back · Esc: leave");
            ui.horizontal(|ui| {
                let any = offered.iter().any(|s| chosen.contains(s));
                start = ui.add_enabled(any, egui::Button::new("Start")).clicked();
                if ui.button("Cancel").clicked() {
                    presentation.choosing = false;
                }
            });
        });
    if !open {
        presentation.choosing = false;
    }
    if start {
        let chosen = presentation.chosen.clone().unwrap_or_default();
        let slides = offered.into_iter().filter(|s| chosen.contains(s)).collect();
        presentation.start(ctx, slides);
    }
}

/// Draws the presentation, full screen, and takes its keys. Returns false once it has ended.
pub fn presentation_ui(
    ui: &mut egui::Ui,
    presentation: &mut Presentation,
    doc: &Document,
    names: &crate::model::anonymise::WorkerNames,
    published: Option<&LoadedRelease>,
    compared: &[crate::model::ScenarioId],
) -> bool {
    let ctx = ui.ctx().clone();
    let Some(running) = presentation.running.as_mut() else {
        return false;
    };
    let last = running.slides.len().saturating_sub(1);
    let (next, back, home, end, leave) = ctx.input(|i| {
        (
            i.key_pressed(Key::ArrowRight)
                || i.key_pressed(Key::PageDown)
                || i.key_pressed(Key::Space),
            i.key_pressed(Key::ArrowLeft)
                || i.key_pressed(Key::PageUp)
                || i.key_pressed(Key::Backspace),
            i.key_pressed(Key::Home),
            i.key_pressed(Key::End),
            i.key_pressed(Key::Escape),
        )
    });
    if next {
        running.at = (running.at + 1).min(last);
    }
    if back {
        running.at = running.at.saturating_sub(1);
    }
    if home {
        running.at = 0;
    }
    if end {
        running.at = last;
    }
    if leave {
        presentation.stop(&ctx);
        return false;
    }
    let (at, count) = (running.at, running.slides.len());
    let Some(&slide) = running.slides.get(at) else {
        presentation.stop(&ctx);
        return false;
    };
    egui::Panel::bottom("presentation-footer").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.weak(format!("{} · {}", doc.plan().name, scenario_name(doc)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(format!(
                    "Slide {} of {count} · arrow keys to move · Esc leaves",
                    at + 1
                ));
            });
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        if slide != Slide::Title {
            ui.label(RichText::new(slide.title()).heading().strong());
            ui.add_space(6.0);
        }
        slide.ui(ui, doc, names, published, compared);
    });
    true
}

fn scenario_name(doc: &Document) -> String {
    doc.scenarios()
        .get(doc.active())
        .map_or_else(String::new, |s| s.name.clone())
}
