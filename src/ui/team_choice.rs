//! Finding and choosing a team among thousands: the words searched for, and the list of teams
//! a menu or a combo box offers (a search above a list laid out only where it is in view, in a
//! plan of many teams).

use crate::model::{Plan, Team, TeamId};
use egui::Ui;

/// Plans with up to this many teams list them all in a menu; larger ones add a search.
pub const LISTED_WHOLE_UP_TO: usize = 40;

/// Words a team's name must hold, in any order and any case.
pub struct TeamSearch(Vec<String>);

impl TeamSearch {
    pub fn new(text: &str) -> Self {
        TeamSearch(text.split_whitespace().map(str::to_lowercase).collect())
    }

    /// Whether nothing is searched for (every team matches).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `name` holds every word.
    pub fn matches(&self, name: &str) -> bool {
        if self.0.is_empty() {
            return true;
        }
        let name = name.to_lowercase();
        self.0.iter().all(|w| name.contains(w.as_str()))
    }
}

/// The teams to choose from in a menu or a combo box's list, `current` marked and `skip` left
/// out; the team clicked, if any. A plan of more than [`LISTED_WHOLE_UP_TO`] teams gets
/// "Find a team" above a list that lays out only the rows in view. The menu or list must stay
/// open on a click inside it (`PopupCloseBehavior::CloseOnClickOutside`), so the search can
/// be typed in; the caller closes it when a team is chosen.
pub fn team_choice_ui(
    ui: &mut Ui,
    plan: &Plan,
    current: Option<TeamId>,
    skip: Option<TeamId>,
) -> Option<TeamId> {
    let mut chosen = None;
    let mut offer = |ui: &mut Ui, team: &Team| {
        if ui
            .selectable_label(Some(team.id) == current, &team.name)
            .clicked()
        {
            chosen = Some(team.id);
        }
    };
    let teams = plan.teams.iter().filter(|t| Some(t.id) != skip);
    if plan.teams.len() <= LISTED_WHOLE_UP_TO {
        for team in teams {
            offer(ui, team);
        }
        return chosen;
    }
    // Room for the search and a long team name, however narrow the combo box.
    ui.set_min_width(220.0);
    let id = ui.make_persistent_id("team search");
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let field = egui::TextEdit::singleline(&mut text)
        .hint_text("Find a team")
        .desired_width(200.0);
    ui.add(field);
    ui.data_mut(|d| d.insert_temp(id, text.clone()));
    let search = TeamSearch::new(&text);
    let found: Vec<&Team> = teams.filter(|t| search.matches(&t.name)).collect();
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("team list")
        .max_height(260.0)
        .show_rows(ui, row_height, found.len(), |ui, rows| {
            for team in &found[rows] {
                offer(ui, team);
            }
        });
    if found.is_empty() {
        ui.weak("No team's name holds those words.");
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::TeamSearch;

    #[test]
    fn a_team_matches_when_its_name_holds_every_word_in_any_order_and_case() {
        let search = TeamSearch::new("  north CIN ");
        assert!(search.matches("CIN Team North"));
        assert!(search.matches("Northumberland cin 2"));
        assert!(!search.matches("North Front Door"));
        assert!(TeamSearch::new("").matches("anything"));
        assert!(TeamSearch::new("").is_empty());
    }
}
