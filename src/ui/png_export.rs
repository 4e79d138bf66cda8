//! Pictures for slides and reports: the view shown, or one chart (right-click it: *Save chart
//! as PNG…*), as a PNG file, at the window's size or a chosen one (1280×720, 1920×1080). egui's
//! own screenshot command takes the picture: no external tools. The window is first resized
//! when another size was chosen (and put back after), the picture is cut to the view or the
//! chart, then the user says where to save it and it is written in the background.

use egui::{ColorImage, Context, Rect, ScreenshotCallback, ViewportCommand};
use std::sync::{Arc, Mutex};

/// What to take a picture of.
#[derive(Clone, Debug, PartialEq)]
pub enum PngTarget {
    /// The view in the middle of the window (Overview, Posts, …).
    View,
    /// One chart, where it is on screen, and its name (for the file's name).
    Chart { rect: Rect, name: String },
}

/// Where the picture has got to.
enum Stage {
    /// Waiting `frames` more frames for the window to take the size asked for.
    Resizing { frames: u8 },
    /// The screenshot is asked for; it arrives in `slot`.
    Taking(Arc<Mutex<Option<Arc<ColorImage>>>>),
    /// Taken and cut: waiting for the user to say where to save it.
    Taken,
}

/// A picture being taken.
pub struct PngExport {
    pub target: PngTarget,
    stage: Stage,
    /// The window's size before it was changed for the picture, to put back.
    restore: Option<egui::Vec2>,
    /// The picture, once taken and cut.
    pub image: Option<ColorImage>,
}

/// Frames given to the window to take a new size before the picture is taken.
const RESIZE_FRAMES: u8 = 4;

/// The sizes offered besides the window's own, in pixels.
pub const SIZES: [[u32; 2]; 2] = [[1280, 720], [1920, 1080]];

/// Where a chart's *Save chart as PNG…* leaves its request for the app to take.
fn request_id() -> egui::Id {
    egui::Id::unique("png-export-request")
}

/// Draws a chart (legend, plot, labels: `draw` returns the plot's response) and gives its
/// plot a context menu that saves the whole chart, legend and labels included, as a picture.
pub fn chart_block(
    ui: &mut egui::Ui,
    name: &str,
    draw: impl FnOnce(&mut egui::Ui) -> egui::Response,
) {
    let drawn = ui.scope(draw);
    chart_menu(&drawn.inner, drawn.response.rect, name);
}

/// The plot's context menu entry: asks the app for a picture of the chart at `rect`.
fn chart_menu(plot: &egui::Response, rect: Rect, name: &str) {
    plot.context_menu(|ui| {
        if ui.button("Save chart as PNG…").clicked() {
            let target = PngTarget::Chart {
                rect,
                name: name.to_owned(),
            };
            ui.ctx().data_mut(|d| d.insert_temp(request_id(), target));
            ui.close();
        }
    });
}

/// A chart's request made this frame, if any.
pub fn take_chart_request(ctx: &Context) -> Option<PngTarget> {
    ctx.data_mut(|d| {
        let target = d.get_temp::<PngTarget>(request_id());
        d.remove::<PngTarget>(request_id());
        target
    })
}

impl PngExport {
    /// Starts taking a picture of `target`, the window resized to `size` pixels first.
    pub fn start(ctx: &Context, target: PngTarget, size: Option<[u32; 2]>) -> Self {
        let mut restore = None;
        if let Some([w, h]) = size {
            let points = ctx.pixels_per_point();
            let wanted = egui::vec2(w as f32, h as f32) / points;
            let now = ctx.content_rect().size();
            if (wanted - now).length() > 0.5 {
                restore = Some(now);
                ctx.send_viewport_cmd(ViewportCommand::InnerSize(wanted));
            }
        }
        PngExport {
            target,
            // One frame for a menu or the chart's context menu to close before the picture.
            stage: Stage::Resizing {
                frames: if restore.is_some() { RESIZE_FRAMES } else { 1 },
            },
            restore,
            image: None,
        }
    }

    /// Moves the picture on, once a frame; `view` is where the view was drawn this frame.
    /// True once the picture is taken and cut (then ask where to save it).
    pub fn frame(&mut self, ctx: &Context, view: Rect) -> bool {
        match &mut self.stage {
            Stage::Resizing { frames } => {
                if *frames > 0 {
                    *frames -= 1;
                    ctx.request_repaint();
                    return false;
                }
                let slot: Arc<Mutex<Option<Arc<ColorImage>>>> = Arc::default();
                let filled = slot.clone();
                let wake = ctx.clone();
                let callback = ScreenshotCallback::new(move |image| {
                    if let Ok(mut slot) = filled.lock() {
                        *slot = Some(image);
                    }
                    wake.request_repaint();
                });
                ctx.send_viewport_cmd(ViewportCommand::Screenshot(callback));
                self.stage = Stage::Taking(slot);
                false
            }
            Stage::Taking(slot) => {
                let taken = slot.lock().ok().and_then(|mut s| s.take());
                let Some(image) = taken else {
                    ctx.request_repaint();
                    return false;
                };
                // A chart partly scrolled out of view is cut where the view ends.
                let rect = match &self.target {
                    PngTarget::View => view,
                    PngTarget::Chart { rect, .. } => rect.intersect(view),
                };
                self.image = Some(crop(&image, rect, ctx.pixels_per_point()));
                if let Some(size) = self.restore.take() {
                    ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
                }
                self.stage = Stage::Taken;
                true
            }
            Stage::Taken => false,
        }
    }

    /// The file name to suggest: the chart's or the view's name.
    pub fn suggested_name(&self, view: &str) -> String {
        let name = match &self.target {
            PngTarget::View => view,
            PngTarget::Chart { name, .. } => name,
        };
        format!(
            "{}.png",
            crate::app::file_name_for(name).trim_end_matches(".ron")
        )
    }
}

/// The part of `image` (a screenshot) under `rect` (in points), kept within the image: a chart
/// scrolled partly out of view is cut at the window's edge (egui's own `region` would panic).
fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> ColorImage {
    let [width, height] = image.size;
    let to_pixels = |v: f32, most: usize| ((v * pixels_per_point).max(0.0) as usize).min(most);
    let (x0, x1) = (to_pixels(rect.min.x, width), to_pixels(rect.max.x, width));
    let (y0, y1) = (to_pixels(rect.min.y, height), to_pixels(rect.max.y, height));
    image.region_by_pixels([x0, y0], [x1.saturating_sub(x0), y1.saturating_sub(y0)])
}

/// `image` as the bytes of a PNG file (8-bit RGBA).
pub fn png_bytes(image: &ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}
