//! Step 2 of a staff-list import: what the file's words mean in the plan. Each job title
//! becomes one of the plan's grades (or its rows are left out), each team or cost centre a
//! team (the plan's own, or a new one), each contract word a kind of contract, each absence
//! word working or away. Guessed first; anything unguessed is marked to choose.

use crate::model::import::{
    AbsenceChoice, ColumnRole, ContractChoice, GradeChoice, ImportMapping, Table, TeamChoice,
    normalise,
};
use crate::model::{AbsenceReason, Plan, TeamFunction};
use crate::text;
use crate::ui::theme;
use egui::{RichText, Ui};
use std::collections::BTreeMap;

/// The different words of the columns whose words are mapped, each with its number of rows.
#[derive(Clone, Default)]
pub(super) struct Words {
    job_titles: Vec<(String, usize)>,
    teams: Vec<(String, usize)>,
    contracts: Vec<(String, usize)>,
    absences: Vec<(String, usize)>,
}

impl Words {
    /// Read from every row: kept while the columns' roles stay as they are.
    pub fn of(table: &Table, mapping: &ImportMapping) -> Self {
        Words {
            job_titles: mapping.words(table, ColumnRole::JobTitle),
            teams: mapping.words(table, ColumnRole::Team),
            contracts: mapping.words(table, ColumnRole::Contract),
            absences: mapping.words(table, ColumnRole::Absence),
        }
    }
}

/// `plan` is the plan the posts go into: a new plan's teams are all new.
pub(super) fn words_ui(ui: &mut Ui, words: &Words, mapping: &mut ImportMapping, plan: &Plan) {
    let Words {
        job_titles,
        teams,
        contracts,
        absences,
    } = words;
    let unmatched = job_titles
        .iter()
        .filter(|(w, _)| matches!(find(&mapping.grades, w), Some(GradeChoice::Unmatched)))
        .count()
        + contracts
            .iter()
            .filter(|(w, _)| matches!(find(&mapping.contracts, w), Some(ContractChoice::Unmatched)))
            .count();
    if unmatched > 0 {
        ui.label(
            RichText::new(format!(
                "{} to choose: rows with a word not matched are left out.",
                text::count(unmatched as u64, "word", "words")
            ))
            .color(theme::WARNING),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("import-words")
        .max_height(360.0)
        .show(ui, |ui| {
            section(
                ui,
                "Job titles: the grade of each",
                job_titles,
                |ui, word| grade_combo(ui, word, entry(&mut mapping.grades, word), plan),
            );
            section(
                ui,
                "Teams or cost centres: the team of each",
                teams,
                |ui, word| team_combo(ui, word, entry(&mut mapping.teams, word), plan),
            );
            let new_teams = mapping.new_team_names(plan);
            if !new_teams.is_empty() {
                ui.add_space(4.0);
                ui.strong("New teams: what each does");
                egui::Grid::new("import-new-teams")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for name in new_teams {
                            ui.label(&name);
                            let function = mapping
                                .new_team_functions
                                .entry(name.clone())
                                .or_insert(TeamFunction::Other);
                            ui.name_inputs(format!("What {name} does"), |ui| {
                                egui::ComboBox::from_id_salt(("import-new-team", &name))
                                    .selected_text(function.label())
                                    .show_ui(ui, |ui| {
                                        for option in TeamFunction::ALL {
                                            ui.selectable_value(function, option, option.label());
                                        }
                                    });
                            });
                            ui.end_row();
                        }
                    });
            }
            section(ui, "Contracts", contracts, |ui, word| {
                contract_combo(ui, word, entry(&mut mapping.contracts, word))
            });
            section(ui, "Absences", absences, |ui, word| {
                absence_combo(ui, word, entry(&mut mapping.absences, word))
            });
        });
}

/// The entry of `map` for `word`, compared as the import compares words (so "Social Worker"
/// and "SOCIAL WORKER" are one); `None` when the word is not in the map (a blank cell).
fn find<'a, T>(map: &'a BTreeMap<String, T>, word: &str) -> Option<&'a T> {
    let wanted = normalise(word);
    map.iter()
        .find(|(k, _)| normalise(k) == wanted)
        .map(|(_, v)| v)
}

fn entry<'a, T>(map: &'a mut BTreeMap<String, T>, word: &str) -> Option<&'a mut T> {
    let wanted = normalise(word);
    map.iter_mut()
        .find(|(k, _)| normalise(k) == wanted)
        .map(|(_, v)| v)
}

/// A heading and one row per word: the word, its number of rows, and its choice.
fn section<T>(
    ui: &mut Ui,
    heading: &str,
    words: &[(String, usize)],
    mut choice: impl FnMut(&mut Ui, &str) -> T,
) {
    let words: Vec<&(String, usize)> = words.iter().filter(|(w, _)| !w.is_empty()).collect();
    if words.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(heading);
    egui::Grid::new(("import-words-grid", heading))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (word, rows) in words {
                ui.label(text::shortened(word));
                ui.weak(text::count(*rows as u64, "row", "rows"));
                ui.name_inputs(format!("{word} means"), |ui| choice(ui, word));
                ui.end_row();
            }
        });
}

const LEAVE_OUT: &str = "leave these rows out";
const CHOOSE: &str = "choose…";

fn grade_combo(ui: &mut Ui, word: &str, choice: Option<&mut GradeChoice>, plan: &Plan) {
    let Some(choice) = choice else { return };
    let shown = match choice {
        GradeChoice::Grade(name) => RichText::new(name.as_str()),
        GradeChoice::Skip => RichText::new(LEAVE_OUT),
        GradeChoice::Unmatched => RichText::new(CHOOSE).color(theme::WARNING),
    };
    egui::ComboBox::from_id_salt(("import-grade", word))
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            for grade in &plan.grades {
                let option = GradeChoice::Grade(grade.name.clone());
                ui.selectable_value(choice, option, &grade.name);
            }
            ui.selectable_value(choice, GradeChoice::Skip, LEAVE_OUT);
        });
}

fn team_combo(ui: &mut Ui, word: &str, choice: Option<&mut TeamChoice>, plan: &Plan) {
    let Some(choice) = choice else { return };
    let exists = |name: &str| {
        plan.teams
            .iter()
            .any(|t| normalise(&t.name) == normalise(name))
    };
    let shown = match choice {
        TeamChoice::Team(name) if exists(name) => name.clone(),
        TeamChoice::Team(name) => format!("new team \"{}\"", text::shortened(name)),
        TeamChoice::Skip => LEAVE_OUT.to_owned(),
    };
    egui::ComboBox::from_id_salt(("import-team", word))
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            if !exists(word) {
                let label = format!("new team \"{}\"", text::shortened(word));
                ui.selectable_value(choice, TeamChoice::Team(word.to_owned()), label);
            }
            for team in &plan.teams {
                let option = TeamChoice::Team(team.name.clone());
                ui.selectable_value(choice, option, &team.name);
            }
            ui.selectable_value(choice, TeamChoice::Skip, LEAVE_OUT);
        });
}

fn contract_combo(ui: &mut Ui, word: &str, choice: Option<&mut ContractChoice>) {
    let Some(choice) = choice else { return };
    let label = |c: ContractChoice| match c {
        ContractChoice::Permanent => "permanent",
        ContractChoice::FixedTerm => "fixed term (needs an end date)",
        ContractChoice::Agency => "agency, locum or interim",
        ContractChoice::Skip => LEAVE_OUT,
        ContractChoice::Unmatched => CHOOSE,
    };
    let shown = RichText::new(label(*choice));
    let shown = if *choice == ContractChoice::Unmatched {
        shown.color(theme::WARNING)
    } else {
        shown
    };
    egui::ComboBox::from_id_salt(("import-contract", word))
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            for option in [
                ContractChoice::Permanent,
                ContractChoice::FixedTerm,
                ContractChoice::Agency,
                ContractChoice::Skip,
            ] {
                ui.selectable_value(choice, option, label(option));
            }
        });
}

fn absence_combo(ui: &mut Ui, word: &str, choice: Option<&mut AbsenceChoice>) {
    let Some(choice) = choice else { return };
    let label = |c: AbsenceChoice| match c {
        AbsenceChoice::Working => "working (not absent)".to_owned(),
        AbsenceChoice::Absent(reason) => format!("absent: {}", reason.label().to_lowercase()),
    };
    egui::ComboBox::from_id_salt(("import-absence", word))
        .selected_text(label(*choice))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(
                choice,
                AbsenceChoice::Working,
                label(AbsenceChoice::Working),
            );
            for reason in AbsenceReason::ALL {
                let option = AbsenceChoice::Absent(reason);
                ui.selectable_value(choice, option, label(option));
            }
        });
}
