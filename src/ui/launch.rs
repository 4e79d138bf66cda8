//! Starting the window. eframe does not fall back when a renderer cannot start (no suitable
//! GPU driver, a remote desktop), so the app tries the other renderer itself; `--renderer`
//! forces one.

use super::CaseloadApp;
use crate::app::NativeDialogs;
use crate::io::platform::{APP_FOLDER, AppFolders};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which renderer to use; `None` tries wgpu, then OpenGL (glow).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RendererChoice {
    Wgpu,
    Glow,
}

/// The window's icon (also the Windows program's, from `assets/icon.ico`): see
/// `scripts/make-icon.py`.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The window's options. Settings go to the user's own application-data folder
/// ([`AppFolders`]), never beside the program.
pub fn native_options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_app_id(APP_FOLDER)
        .with_title("Caseload Planner")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([960.0, 600.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        renderer,
        persistence_path: AppFolders::current().map(|f| f.settings_file()),
        ..Default::default()
    }
}

/// Runs the desktop app until the window closes, on `plan` when one is given (a double-click on
/// a plan file), otherwise on the last plan or the example.
pub fn run_desktop(choice: Option<RendererChoice>, plan: Option<PathBuf>) -> ExitCode {
    // Kept in the recent list, so it must not depend on the folder the program started in.
    let plan = plan.map(|p| std::path::absolute(&p).unwrap_or(p));
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
                let mut app = CaseloadApp::new(cc, Box::new(NativeDialogs::default()));
                if let Some(plan) = &plan {
                    app.open_at_start(plan);
                }
                Ok(Box::new(app))
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
    let message = "Caseload Planner could not open its window: no renderer could start. \
                   Try `--renderer glow` or `--renderer wgpu`.";
    eprintln!("{message}");
    // A windowed program on Windows has no console to show that in: say it in a message box.
    #[cfg(windows)]
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Caseload Planner")
        .set_description(message)
        .show();
    ExitCode::FAILURE
}
