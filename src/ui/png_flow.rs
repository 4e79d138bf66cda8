//! The window's side of pictures (see `png_export.rs`): File > Export view as PNG… (with the
//! size to take it at), a chart's *Save chart as PNG…*, the picture taken over a few frames,
//! then the save dialog, then the file written in the background.

use super::app::CaseloadApp;
use super::png_export::{PngExport, PngTarget, SIZES, png_bytes, take_chart_request};
use crate::app::{DialogPurpose, DialogRequest};
use crate::io::export::write_atomically;
use egui::Context;
use std::path::PathBuf;

/// The "Export view as PNG" window's choice: `None` for the window's own size, else one of
/// [`SIZES`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PngForm {
    pub size: Option<[u32; 2]>,
}

impl CaseloadApp {
    /// Each frame: a chart's request, the size window, and the picture under way.
    pub(super) fn png_frame(&mut self, ctx: &Context) {
        if let Some(target) = take_chart_request(ctx) {
            self.png = Some(PngExport::start(ctx, target, None));
        }
        self.png_size_window(ctx);
        let Some(png) = self.png.as_mut() else {
            return;
        };
        if png.frame(ctx, self.view_rect) {
            let file_name = png.suggested_name(self.state.view.label());
            let folder = self
                .doc
                .path()
                .and_then(|p| p.parent())
                .filter(|p| !p.as_os_str().is_empty())
                .map(ToOwned::to_owned);
            self.ask_request(
                DialogRequest {
                    purpose: DialogPurpose::ExportPng,
                    file_name,
                    folder,
                },
                ctx,
            );
        }
    }

    fn png_size_window(&mut self, ctx: &Context) {
        let Some(form) = self.state.png_form.as_mut() else {
            return;
        };
        let mut open = true;
        let mut export = false;
        let window = ctx.content_rect().size() * ctx.pixels_per_point();
        egui::Window::new("Export view as PNG")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(egui::pos2(290.0, 100.0))
            .show(ctx, |ui| {
                ui.label(format!(
                    "A picture of the {} view.",
                    self.state.view.label()
                ));
                ui.radio_value(
                    &mut form.size,
                    None,
                    format!(
                        "As the window is ({} × {})",
                        window.x as u32, window.y as u32
                    ),
                );
                for [w, h] in SIZES {
                    ui.radio_value(&mut form.size, Some([w, h]), format!("{w} × {h}"));
                }
                ui.weak("The window takes that size for a moment (as far as the screen allows).");
                export = ui.button("Export…").clicked();
            });
        if export {
            let size = form.size;
            self.state.png_form = None;
            self.png = Some(PngExport::start(ctx, PngTarget::View, size));
        } else if !open {
            self.state.png_form = None;
        }
    }

    /// Writes the picture taken to `path` (the save dialog's answer).
    pub(super) fn save_png(&mut self, path: PathBuf) {
        let Some(image) = self.png.take().and_then(|png| png.image) else {
            return;
        };
        let path = match path.extension() {
            Some(_) => path,
            None => path.with_extension("png"),
        };
        let [w, h] = image.size;
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        self.start_writing(&path, format!("Saving {name}"), move |p| {
            write_atomically(p, &png_bytes(&image)?)?;
            Ok(format!("Saved a {w} × {h} picture to {}", p.display()))
        });
    }
}
