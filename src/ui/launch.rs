//! Starting the window. eframe does not fall back when a renderer cannot start (no suitable
//! GPU driver, a remote desktop), so the app tries the other renderer itself; `--renderer`
//! forces one.

use super::CaseloadApp;
use crate::app::NativeDialogs;
use std::process::ExitCode;

/// Which renderer to use; `None` tries wgpu, then OpenGL (glow).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RendererChoice {
    Wgpu,
    Glow,
}

/// The window's options. The app id names the folder eframe keeps its settings in.
pub fn native_options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("caseload-planner")
            .with_title("Caseload Planner")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        renderer,
        ..Default::default()
    }
}

/// Runs the desktop app until the window closes.
pub fn run_desktop(choice: Option<RendererChoice>) -> ExitCode {
    let order: &[eframe::Renderer] = match choice {
        Some(RendererChoice::Wgpu) => &[eframe::Renderer::Wgpu],
        Some(RendererChoice::Glow) => &[eframe::Renderer::Glow],
        None => &[eframe::Renderer::Wgpu, eframe::Renderer::Glow],
    };
    for (attempt, &renderer) in order.iter().enumerate() {
        let result = eframe::run_native(
            "Caseload Planner",
            native_options(renderer),
            Box::new(|cc| {
                Ok(Box::new(CaseloadApp::new(
                    cc,
                    Box::new(NativeDialogs::default()),
                )))
            }),
        );
        match result {
            Ok(()) => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("Caseload Planner: the {renderer} renderer could not start: {e}");
                if let Some(next) = order.get(attempt + 1) {
                    eprintln!("Caseload Planner: trying the {next} renderer instead.");
                }
            }
        }
    }
    eprintln!(
        "Caseload Planner: no renderer could start. Try `--renderer glow` or `--renderer wgpu`."
    );
    ExitCode::FAILURE
}
