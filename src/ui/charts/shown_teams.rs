//! Which teams the Overview's charts draw. A plan of a few dozen teams shows them all; a plan
//! of hundreds (a region, England) shows its busiest teams and the team the user has selected,
//! so no chart is thousands of unreadable bars and any team can still be brought into view.

use super::super::state::Selection;
use super::super::theme;
use crate::model::{Assessment, Band, Plan};
use crate::text;
use egui::{RichText, Ui};

/// Plans with up to this many teams chart every team.
pub const ALL_TEAMS_UP_TO: usize = 40;

/// How many of the busiest teams a larger plan charts.
pub const BUSIEST_SHOWN: usize = 25;

/// The teams a chart draws, as positions in the plan, in the order drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownTeams {
    pub positions: Vec<usize>,
    /// Whether these are some of the plan's teams (its busiest) rather than all of them.
    pub busiest_only: bool,
    /// The selected team's position, when it is shown only because it is selected.
    pub selected_extra: Option<usize>,
}

impl ShownTeams {
    /// Every team in plan order when there are few; otherwise the busiest first, then the
    /// team selected (or the selected post's team) if it is not among them.
    pub fn choose(plan: &Plan, assessment: &Assessment, selection: Selection) -> Self {
        let count = plan.teams.len().min(assessment.teams.len());
        if count <= ALL_TEAMS_UP_TO {
            return ShownTeams {
                positions: (0..count).collect(),
                busiest_only: false,
                selected_extra: None,
            };
        }
        let mut positions = assessment.busiest_teams(BUSIEST_SHOWN);
        // Charts index both lists: only teams the plan and its assessment both have.
        positions.retain(|&i| i < count);
        let selected_team = match selection {
            Selection::Team(team) => Some(team),
            Selection::Post(post) => plan.post(post).map(|p| p.team),
            Selection::Plan | Selection::Posts => None,
        };
        let selected = selected_team.and_then(|id| plan.teams.iter().position(|t| t.id == id));
        let selected_extra = selected.filter(|&i| i < count && !positions.contains(&i));
        positions.extend(selected_extra);
        ShownTeams {
            positions,
            busiest_only: true,
            selected_extra,
        }
    }

    /// What the charts show, when it is not every team: "2,100 teams: the charts show the 25
    /// busiest …".
    pub fn summary(&self, plan: &Plan) -> Option<String> {
        if !self.busiest_only {
            return None;
        }
        let busiest = self.positions.len() - usize::from(self.selected_extra.is_some());
        let mut line = format!(
            "{} teams: the charts show the {busiest} busiest (largest share of capacity in \
             use), busiest first",
            text::thousands(plan.teams.len() as u64),
        );
        match self.selected_extra {
            Some(i) => line.push_str(&format!(", then {}, selected.", plan.teams[i].name)),
            None => line.push('.'),
        }
        Some(line)
    }
}

/// Above the charts of a plan of many teams: which teams they show, how to bring another
/// into view, and how all the teams spread across the bands.
pub fn shown_teams_note_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, shown: &ShownTeams) {
    let Some(mut line) = shown.summary(plan) else {
        return;
    };
    if shown.selected_extra.is_none() {
        line.push_str(" Select a team in Structure to add it to the charts.");
    }
    ui.label(line);
    ui.horizontal_wrapped(|ui| {
        ui.label("Teams by band:");
        for band in [Band::Red, Band::Amber, Band::Green] {
            let n = assessment
                .teams
                .iter()
                .filter(|t| t.totals.band == Some(band))
                .count();
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    text::thousands(n as u64),
                    band.label().to_lowercase()
                ))
                .color(theme::band_colour(Some(band))),
            );
        }
        let none = assessment
            .teams
            .iter()
            .filter(|t| t.totals.band.is_none())
            .count();
        if none > 0 {
            ui.weak(format!("{} without capacity", text::thousands(none as u64)));
        }
    });
}
