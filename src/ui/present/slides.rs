//! The slides a presentation can show, each drawn with the window's own views and charts.

use crate::app::{Document, LoadedRelease};
use crate::model::ScenarioId;
use crate::model::figures::{FigureId, figure};
use crate::ui::charts::ShownTeams;
use crate::ui::state::ChartMeasure;
use egui::{RichText, Ui};

/// One slide. The order is the order they are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slide {
    Title,
    Headline,
    CaseloadChart,
    CapacityChart,
    MixChart,
    Projection,
    Comparison,
    StaffNeeded,
    Benchmarks,
}

impl Slide {
    pub const ALL: [Slide; 9] = [
        Slide::Title,
        Slide::Headline,
        Slide::CaseloadChart,
        Slide::CapacityChart,
        Slide::MixChart,
        Slide::Projection,
        Slide::Comparison,
        Slide::StaffNeeded,
        Slide::Benchmarks,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Slide::Title => "Title",
            Slide::Headline => "Headline figures and alerts",
            Slide::CaseloadChart => "Caseload per worker",
            Slide::CapacityChart => "Team capacity and demand",
            Slide::MixChart => "Staffing mix per team (FTE)",
            Slide::Projection => "Projection",
            Slide::Comparison => "The options compared",
            Slide::StaffNeeded => "Staff needed",
            Slide::Benchmarks => "Against published figures",
        }
    }

    /// Whether the slide has anything to show for this plan: a comparison needs an option,
    /// staff needed a team short of staff, benchmarks the plan's council.
    pub fn has_content(self, doc: &Document, published: Option<&LoadedRelease>) -> bool {
        match self {
            Slide::Comparison => !doc.scenarios().options().is_empty(),
            Slide::StaffNeeded => figure(FigureId::FteShortOfTarget)
                .of(&doc.assessment().service)
                .is_some_and(|short| short > 0.0),
            Slide::Benchmarks => {
                let council = doc.plan().settings.council.as_deref();
                published.is_some_and(|p| council.is_some_and(|c| p.release.council(c).is_some()))
            }
            _ => true,
        }
    }

    pub(super) fn ui(
        self,
        ui: &mut Ui,
        doc: &Document,
        names: &crate::model::anonymise::WorkerNames,
        published: Option<&LoadedRelease>,
        compared: &[ScenarioId],
    ) {
        let (plan, assessment) = (doc.plan(), doc.assessment());
        match self {
            Slide::Title => title_ui(ui, doc, published),
            Slide::Headline => {
                crate::ui::overview::headline_ui(ui, plan, assessment);
                ui.add_space(10.0);
                crate::ui::overview::alerts_list_ui(ui, plan, assessment, ALERTS_SHOWN);
            }
            Slide::CaseloadChart => teams_chart_slide(ui, plan, assessment, |ui, teams| {
                crate::ui::charts::caseload_chart_ui(
                    ui,
                    plan,
                    assessment,
                    names,
                    ChartMeasure::Cases,
                    teams,
                )
            }),
            Slide::CapacityChart => teams_chart_slide(ui, plan, assessment, |ui, teams| {
                crate::ui::charts::capacity_chart_ui(ui, plan, assessment, teams)
            }),
            Slide::MixChart => teams_chart_slide(ui, plan, assessment, |ui, teams| {
                crate::ui::charts::mix_chart_ui(ui, plan, assessment, teams)
            }),
            Slide::Projection => match doc.projection_if_ready() {
                Some(projection) => {
                    crate::ui::projection::charts_for_slide(ui, plan, projection, doc.bands_state())
                }
                None => {
                    ui.label("Working out the projection…");
                }
            },
            Slide::Comparison => crate::ui::compare::comparison_for_slide(ui, doc, compared),
            Slide::StaffNeeded => {
                crate::ui::staff_needed::staff_needed_table_ui(ui, plan, assessment)
            }
            Slide::Benchmarks => {
                if let Some(loaded) = published {
                    crate::ui::benchmark::benchmark_for_slide(ui, doc, loaded);
                }
            }
        }
    }
}

/// A chart filling the slide: its legend above and the labels under it keep their room.
fn chart_slide(ui: &mut Ui, chart: impl FnOnce(&mut Ui)) {
    const ROOM_FOR_LEGEND_AND_LABELS: f32 = 110.0;
    let height = ui.available_height() - ROOM_FOR_LEGEND_AND_LABELS;
    crate::ui::charts::fill_height(ui, height, chart);
}

/// A slide of one of the Overview's team charts: in a plan of many teams, its busiest teams,
/// said above the chart.
fn teams_chart_slide(
    ui: &mut Ui,
    plan: &crate::model::Plan,
    assessment: &crate::model::Assessment,
    chart: impl FnOnce(&mut Ui, &ShownTeams),
) {
    let teams = ShownTeams::choose(plan, assessment, crate::ui::state::Selection::Plan);
    if let Some(summary) = teams.summary(plan) {
        ui.weak(summary);
    }
    chart_slide(ui, |ui| chart(ui, &teams));
}

/// Alerts on the headline slide; the rest are counted.
const ALERTS_SHOWN: usize = 8;

fn title_ui(ui: &mut Ui, doc: &Document, published: Option<&LoadedRelease>) {
    let plan = doc.plan();
    ui.add_space(ui.available_height() * 0.25);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(&plan.name).size(40.0).strong());
        ui.add_space(12.0);
        let scenario = doc
            .scenarios()
            .get(doc.active())
            .map_or_else(String::new, |s| s.name.clone());
        ui.label(RichText::new(scenario).size(24.0));
        let council = plan
            .settings
            .council
            .as_deref()
            .and_then(|c| published.and_then(|p| p.release.council(c)));
        if let Some(council) = council {
            ui.label(RichText::new(&council.name).size(20.0));
        }
        ui.add_space(12.0);
        ui.label(RichText::new(today()).size(20.0).weak());
    });
}

/// Today's date as people write it: "28 November 2026".
fn today() -> String {
    jiff::Zoned::now().strftime("%-d %B %Y").to_string()
}
