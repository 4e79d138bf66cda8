//! The scenario bar: one click shows the baseline or an option; new options copy the scenario
//! shown. Renaming and deleting apply to the option shown.

use super::state::UiState;
use super::widgets::text_field;
use crate::model::{ScenarioId, ScenarioSet};
use egui::{RichText, Ui};

/// What the user asked of the scenarios this frame; the app carries it out.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioAction {
    Show(ScenarioId),
    /// A new option, a copy of the scenario shown.
    NewOption,
    Rename(ScenarioId, String),
    /// Asks to delete the option (the app confirms first).
    Delete(ScenarioId),
}

pub fn scenario_bar_ui(
    ui: &mut Ui,
    set: &ScenarioSet,
    active: ScenarioId,
    state: &mut UiState,
) -> Option<ScenarioAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Scenario:").strong());
        for scenario in set.iter() {
            if ui
                .selectable_label(scenario.id == active, &scenario.name)
                .on_hover_text(if scenario.id == ScenarioId::BASELINE {
                    "The plan as it is. Options never change it."
                } else {
                    "An option: a copy you can change without touching the baseline."
                })
                .clicked()
            {
                action = Some(ScenarioAction::Show(scenario.id));
            }
        }
        if ui
            .button("+ New option")
            .on_hover_text("Copy the scenario shown into a new option, and show it")
            .clicked()
        {
            action = Some(ScenarioAction::NewOption);
        }
        if active != ScenarioId::BASELINE
            && let Some(option) = set.get(active)
        {
            ui.separator();
            if let Some(name) = text_field(
                ui,
                "Option name",
                ("option-name", active.0),
                &option.name,
                &mut state.drafts,
            ) {
                action = Some(ScenarioAction::Rename(active, name));
            }
            if ui
                .button("Delete option")
                .on_hover_text("Delete this option (the baseline stays)")
                .clicked()
            {
                action = Some(ScenarioAction::Delete(active));
            }
        }
    });
    action
}
