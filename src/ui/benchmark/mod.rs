//! The Benchmarks view: the scenario shown beside its council's latest published figures, the
//! median and range of the council's statistical neighbours, its region and England, with
//! where the plan's figure and the council's would rank among all councils; then each figure
//! year by year. The council is a setting of the plan (saved in its file), chosen here.

mod charts;
mod council_picker;
mod table;

pub use council_picker::{CouncilSearch, council_picker_ui};

use crate::app::PublishedFigures;
use crate::io::published::ATTRIBUTION;
use crate::model::benchmark::{Area, Release};
use crate::model::{Command, Plan, Settings};
use egui::{RichText, Ui};

/// What the view remembers between frames: the search for another council.
#[derive(Clone, Debug, Default)]
pub struct BenchmarkForm {
    /// Choosing a council (the picker is open), and what has been typed.
    pub choosing: bool,
    pub search: CouncilSearch,
}

pub use crate::model::benchmark::PlanValues;

pub fn benchmark_ui(
    ui: &mut Ui,
    plan: &Plan,
    scenario: &str,
    values: &PlanValues,
    published: &PublishedFigures,
    form: &mut BenchmarkForm,
    edits: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            // Measured before the table, which may be wider than the view on a small screen.
            let width = ui.available_width();
            ui.heading("Benchmarks");
            let Some(loaded) = published.loaded() else {
                match published.failed() {
                    Some(why) => ui.colored_label(super::theme::ALERT, why),
                    None => ui.label("Reading the published figures…"),
                };
                return;
            };
            let release = &loaded.release;
            let council = plan
                .settings
                .council
                .as_deref()
                .and_then(|code| release.council(code));
            council_line_ui(ui, plan, release, council, form, edits);
            if let Some(council) = council {
                ui.add_space(6.0);
                table::benchmark_table_ui(ui, release, council, scenario, values);
                ui.add_space(10.0);
                ui.strong("Year by year");
                ui.label(format!(
                    "{} beside its statistical neighbours' median, its region and England, {} \
                     to {}; the plan's figure is the diamond on {}.",
                    council.name,
                    release.years().0,
                    release.latest_year(),
                    release.latest_year()
                ));
                charts::series_charts_ui(ui, release, council, values, width);
            }
            ui.add_space(8.0);
            attribution_ui(ui, &loaded.source.to_string());
        });
}

/// The table of the scenario shown against its council's published figures, for a slide
/// (the slide is offered only when the plan's council is in the release).
pub(super) fn benchmark_for_slide(
    ui: &mut Ui,
    doc: &crate::app::Document,
    loaded: &crate::app::LoadedRelease,
) {
    let release = &loaded.release;
    let plan = doc.plan();
    let Some(council) = plan
        .settings
        .council
        .as_deref()
        .and_then(|c| release.council(c))
    else {
        return;
    };
    let values =
        crate::model::benchmark::plan_values(&doc.assessment().service, doc.projection_if_ready());
    let scenario = doc.scenarios().get(doc.active());
    let name = scenario.map_or("", |s| s.name.as_str());
    table::benchmark_table_ui(ui, release, council, name, &values);
    ui.add_space(8.0);
    attribution_ui(ui, &loaded.source.to_string());
}

/// Which council the plan is for, and the picker to choose or change it.
fn council_line_ui(
    ui: &mut Ui,
    plan: &Plan,
    release: &Release,
    council: Option<&Area>,
    form: &mut BenchmarkForm,
    edits: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| match council {
        Some(area) => {
            ui.label("Council:");
            ui.strong(&area.name);
            if let Some(region) = &area.region_name {
                ui.weak(format!("({region})"));
            }
            if ui.button("Change council…").clicked() {
                form.choosing = !form.choosing;
            }
        }
        None => {
            match &plan.settings.council {
                Some(code) => ui.colored_label(
                    super::theme::WARNING,
                    format!(
                        "The plan's council (code {}) is not in the published figures: choose \
                         it again.",
                        crate::text::printable(code)
                    ),
                ),
                None => ui.label(
                    "Choose the council this plan is for: its published figures, its \
                     statistical neighbours, region and England are then set beside the plan.",
                ),
            };
            form.choosing = true;
        }
    });
    if !form.choosing {
        return;
    }
    if let Some(area) = council_picker_ui(ui, release, &mut form.search, "benchmark-council") {
        let settings = Settings {
            council: Some(area.key().to_owned()),
            ..plan.settings.clone()
        };
        edits.push(Command::SetSettings(settings));
        form.choosing = false;
        form.search = CouncilSearch::default();
    }
}

/// The licence's attribution and which release is in use: wherever the data is shown.
pub fn attribution_ui(ui: &mut Ui, source: &str) {
    ui.label(RichText::new(ATTRIBUTION).small().weak());
    ui.label(
        RichText::new(format!(
            "Published figures in use: {source}. A newer release: File > Use newer published \
             figures…"
        ))
        .small()
        .weak(),
    );
}
