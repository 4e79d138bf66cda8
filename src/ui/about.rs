//! Help > About: the version, the licence, where the app keeps its settings, and the attribution
//! that the Department for Education's data asks for (Open Government Licence v3.0).

use crate::io::platform::AppFolders;
use crate::io::published::{ATTRIBUTION, OGL_URL};
use egui::{Context, Id, RichText};

/// The window's open flag lives in egui's memory: it is window state, not part of the plan.
fn open_id() -> Id {
    Id::unique("about-window-open")
}

/// Opens the About window (Help > About).
pub fn open_about(ctx: &Context) {
    ctx.data_mut(|d| d.insert_temp(open_id(), true));
}

/// Draws the About window while it is open; its close button closes it.
pub fn about_ui(ctx: &Context) {
    let mut open = ctx.data(|d| d.get_temp::<bool>(open_id()).unwrap_or(false));
    if !open {
        return;
    }
    egui::Window::new("About Caseload Planner")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.heading("Caseload Planner");
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.separator();
            ui.label(format!(
                "Licence: {}, at your choice. Free to use, copy and share.",
                env!("CARGO_PKG_LICENSE").replace(" OR ", " or ")
            ));
            ui.label(
                "The libraries it is built with, and their licences, are listed in \
                 NOTICES.txt beside the program.",
            );
            ui.separator();
            ui.label(RichText::new("Data").strong());
            ui.label(
                "The national default assumptions (turnover, agency cover of vacancies, months \
                 to fill a vacancy) and the published figures plans are compared with come from \
                 the Department for Education's Children's social work workforce statistics \
                 (England).",
            );
            ui.label(ATTRIBUTION);
            ui.hyperlink_to("Open Government Licence v3.0", OGL_URL);
            ui.separator();
            if let Some(folders) = AppFolders::for_current_user() {
                ui.label(format!(
                    "Settings and the list of recent plans are kept in {}. Plans are kept only \
                     where you save them.",
                    folders.settings.display()
                ));
            }
        });
    ctx.data_mut(|d| d.insert_temp(open_id(), open));
}
