//! The team inspector's "Add posts" form: N posts of a grade, contract and FTE, as vacancies or
//! each filled by a new worker ("New worker 1", "New worker 2", …), in one command and one undo
//! step. Split from [`super::inspector`].

use super::contract_fields::contract_rows_ui;
use super::state::UiState;
use super::widgets::{combo, number_field};
use crate::model::command::{MAX_POSTS_AT_ONCE, NEW_WORKER};
use crate::model::{Command, GradeRole, Plan, Team};
use crate::text;
use egui::{RichText, Ui};

/// "Add N posts of this grade and contract": one post, or a cohort.
pub fn add_posts_ui(
    ui: &mut Ui,
    plan: &Plan,
    team: &Team,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.label(RichText::new("Add posts").strong());
    let form = &mut state.add_posts;
    // Until the user picks one: the first practitioner grade (usually a social worker).
    let grade = form
        .grade
        .filter(|g| plan.grades.iter().any(|x| x.id == *g))
        .or_else(|| {
            let practitioner = plan
                .grades
                .iter()
                .find(|g| g.role == GradeRole::Practitioner);
            practitioner
                .or(plan.grades.iter().find(|g| g.holds_cases))
                .or(plan.grades.first())
                .map(|g| g.id)
        });
    form.grade = grade;
    egui::Grid::new("add-posts").num_columns(2).show(ui, |ui| {
        ui.label("How many");
        number_field(
            ui,
            "Number of posts to add",
            &mut form.count,
            1..=MAX_POSTS_AT_ONCE,
            0.2,
            "",
        );
        ui.end_row();
        ui.label("Grade");
        let grade_name = grade
            .and_then(|g| plan.grade(g))
            .map_or("—", |g| g.name.as_str());
        combo(
            ui,
            "New posts' grade",
            "add-posts-grade",
            grade_name,
            |ui| {
                for g in &plan.grades {
                    ui.selectable_value(&mut form.grade, Some(g.id), &g.name);
                }
            },
        );
        ui.end_row();
        contract_rows_ui(ui, "New posts'", &mut form.contract);
        ui.label("FTE each");
        number_field(ui, "New posts' FTE", &mut form.fte, 0.01..=1.0, 0.05, "");
        ui.end_row();
        ui.label("Workers");
        ui.vertical(|ui| {
            ui.radio_value(&mut form.filled, false, "Vacant: name them later");
            ui.radio_value(
                &mut form.filled,
                true,
                format!("Filled: {NEW_WORKER} 1, 2, …"),
            )
            .on_hover_text(
                "Each post gets a new worker at once, so the posts count in capacity; \
                 rename the workers later.",
            );
        });
        ui.end_row();
    });
    let contract = form.contract.contract();
    let count = u64::from(form.count);
    let label = if form.filled {
        format!("Add {}", text::count(count, "filled post", "filled posts"))
    } else {
        format!("Add {}", text::count(count, "post", "posts"))
    };
    let ready = contract.is_some() && grade.is_some();
    let button = ui.add_enabled(ready, egui::Button::new(label));
    if !ready {
        button.on_disabled_hover_text(
            "Give the fixed-term contract's start and end months (YYYY-MM).",
        );
    } else if button.clicked()
        && let (Some(contract), Some(grade)) = (contract, grade)
    {
        let (team, fte, count) = (team.id, form.fte, form.count);
        edits.push(if form.filled {
            Command::AddFilledPosts {
                team,
                grade,
                contract,
                fte,
                count,
            }
        } else {
            Command::AddPosts {
                team,
                grade,
                contract,
                fte,
                count,
            }
        });
    }
}
