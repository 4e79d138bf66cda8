//! Showing that work goes on in the background: a small spinner and what is being done.

use egui::{Response, Sense, Shape, Stroke, Ui, emath::lerp, vec2};
use std::time::Duration;

/// How often a busy indicator redraws: often enough to look alive and to take the result soon
/// after it is ready (the job also wakes the window when done), but not at the full frame rate,
/// which would take the window's share of a small machine away from the work itself.
const REDRAW_EVERY: Duration = Duration::from_millis(33);

/// A spinner followed by `text` ("Opening plan.ron…"); the window keeps redrawing while it is
/// shown.
pub fn busy_ui(ui: &mut Ui, text: &str) -> Response {
    ui.horizontal(|ui| {
        let size = ui.text_style_height(&egui::TextStyle::Body);
        let (rect, _) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
        if ui.is_rect_visible(rect) {
            // The arc of egui's own spinner, turning once a second.
            let time = ui.input(|i| i.time);
            let start = time * std::f64::consts::TAU;
            let end = start + 240f64.to_radians() * time.sin();
            let radius = rect.height() * 0.5 - 1.5;
            let points = (0..=16)
                .map(|i| {
                    let (sin, cos) = lerp(start..=end, f64::from(i) / 16.0).sin_cos();
                    rect.center() + radius * vec2(cos as f32, sin as f32)
                })
                .collect();
            let colour = ui.visuals().strong_text_color();
            ui.painter()
                .add(Shape::line(points, Stroke::new(2.0, colour)));
            ui.ctx().request_repaint_after(REDRAW_EVERY);
        }
        ui.label(text)
    })
    .inner
}
