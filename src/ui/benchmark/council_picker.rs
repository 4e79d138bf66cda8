//! Choosing a council from the published figures by typing part of its name (or its code):
//! the Benchmarks view and File > New from published figures both use it.

use crate::model::benchmark::{Area, Release};
use egui::Ui;

/// Most councils listed under the search at once: type more to narrow it down.
const MAX_SHOWN: usize = 8;

/// What has been typed into the search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CouncilSearch {
    pub query: String,
}

/// The search field and the councils it matches, best first; returns the council clicked.
pub fn council_picker_ui<'r>(
    ui: &mut Ui,
    release: &'r Release,
    search: &mut CouncilSearch,
    id_salt: &str,
) -> Option<&'r Area> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        let label = ui.label("Find a council:");
        ui.add(
            egui::TextEdit::singleline(&mut search.query)
                .id_salt((id_salt, "search"))
                .hint_text("name or code, e.g. Leeds or 383")
                .desired_width(240.0),
        )
        .labelled_by(label.id)
        .on_hover_text("Part of the council's name, or its DfE or ONS code.");
    });
    let query = search.query.trim();
    if query.is_empty() {
        ui.weak(format!(
            "{} councils published in {}.",
            release.councils().count(),
            release.latest_year()
        ));
        return None;
    }
    let found = release.find_councils(query);
    if found.is_empty() {
        ui.weak(format!("No council matches \"{query}\"."));
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        for area in found.iter().take(MAX_SHOWN) {
            let region = area.region_name.as_deref().unwrap_or("");
            if ui
                .button(&area.name)
                .on_hover_text(format!("{region} (code {})", area.key()))
                .clicked()
            {
                chosen = Some(*area);
            }
        }
        if found.len() > MAX_SHOWN {
            ui.weak(format!(
                "and {} more: type more of the name",
                found.len() - MAX_SHOWN
            ));
        }
    });
    chosen
}
