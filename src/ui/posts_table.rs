//! Every post in one table, sortable by column and filtered by team, grade, contract and band.
//! Clicking a row selects the post for the inspector; Ctrl+click, Shift+click and "Select all"
//! choose several, which the inspector then edits together (see `post_selection.rs`).

use super::post_selection::ClickKind;
use super::state::{PostFilter, PostSort, UiState};
use super::widgets::band_marker;
use crate::model::anonymise::WorkerNames;
use crate::model::{Assessment, Band, ContractKind, Plan, Post, PostAssessment, PostId};
use crate::text;
use egui::{Modifiers, Ui};
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

pub fn posts_table_ui(
    ui: &mut Ui,
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
    state: &mut UiState,
) {
    filters_ui(ui, plan, &mut state.filter);
    let rows = filtered_rows(plan, assessment, names, &state.filter);
    selection_bar_ui(ui, plan, &rows, state);

    let headings: [(&str, PostSort); 10] = [
        ("Team", PostSort::Team),
        ("Worker", PostSort::Worker),
        ("Grade", PostSort::Grade),
        ("Contract", PostSort::Contract),
        ("FTE", PostSort::Fte),
        ("Status", PostSort::Plan),
        ("Cases", PostSort::Cases),
        ("Load", PostSort::Load),
        ("Capacity", PostSort::Plan),
        ("Utilisation", PostSort::Utilisation),
    ];
    let filter = &mut state.filter;
    let mut clicked = None;
    let text_column = |width: f32| {
        Column::initial(width)
            .at_least(60.0)
            .resizable(true)
            .clip(true)
    };
    // One line per row: long names are cut with "…".
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    // A click anywhere on a row chooses it, even on its text.
    ui.style_mut().interaction.selectable_labels = false;
    // Narrow windows scroll sideways rather than hiding the last columns.
    egui::ScrollArea::horizontal().show(ui, |ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            // Team, worker, grade: readable but narrow, resizable; then the figures. Narrow
            // enough for every column to show at 1280x720 beside both side panels.
            .column(text_column(85.0))
            .column(text_column(95.0))
            .column(text_column(80.0))
            .columns(Column::auto().at_least(40.0), 6)
            .column(Column::remainder().at_least(80.0))
            .header(22.0, |mut header| {
                for (title, sort) in headings {
                    header.col(|ui| {
                        if sort == PostSort::Plan {
                            ui.strong(title);
                            return;
                        }
                        let arrow = match (filter.sort == sort, filter.descending) {
                            (true, false) => " ▲",
                            (true, true) => " ▼",
                            _ => "",
                        };
                        if ui
                            .button(format!("{title}{arrow}"))
                            .on_hover_text("Sort")
                            .clicked()
                        {
                            filter.descending = filter.sort == sort && !filter.descending;
                            filter.sort = sort;
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let (post, a) = rows[row.index()];
                    row.set_selected(state.posts.contains(state.selection, post.id));
                    let team = plan.team(post.team).map_or("?", |t| t.name.as_str());
                    let grade = plan.grade(post.grade).map_or("?", |g| g.name.as_str());
                    row.col(|ui| {
                        ui.label(team);
                    });
                    row.col(|ui| {
                        ui.label(names.worker_or_vacant(post));
                    });
                    row.col(|ui| {
                        ui.label(grade);
                    });
                    row.col(|ui| {
                        ui.label(post.contract.kind().label());
                    });
                    row.col(|ui| {
                        ui.label(text::fte(post.fte));
                    });
                    row.col(|ui| {
                        ui.label(if post.is_absent() {
                            "Absent"
                        } else if post.is_vacant() {
                            "Vacant"
                        } else {
                            "Working"
                        });
                    });
                    row.col(|ui| {
                        ui.label(text::thousands(a.cases_held));
                    });
                    row.col(|ui| {
                        ui.label(text::one_decimal(Some(a.weighted_load)));
                    });
                    row.col(|ui| {
                        ui.label(text::one_decimal(Some(a.capacity_points)));
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            band_marker(ui, a.band);
                            ui.label(text::percent(a.utilisation));
                        });
                    });
                    if row.response().clicked() {
                        clicked = Some(post.id);
                    }
                });
            });
    });
    if let Some(id) = clicked {
        let kind = ClickKind::of(click_modifiers(ui));
        let order: Vec<PostId> = rows.iter().map(|(post, _)| post.id).collect();
        state.posts.click(&mut state.selection, id, kind, &order);
        state.bulk.refused.clear();
    }
}

/// "12 posts selected (2 not shown)", with "Select all" for the rows shown and "Clear
/// selection"; how to choose several while none or one is.
fn selection_bar_ui(
    ui: &mut Ui,
    plan: &Plan,
    rows: &[(&Post, &PostAssessment)],
    state: &mut UiState,
) {
    let chosen = state.posts.len(state.selection);
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "{} of {}",
            text::thousands(rows.len() as u64),
            text::count(plan.posts.len() as u64, "post", "posts")
        ));
        ui.separator();
        if chosen == 0 {
            ui.label("No post selected");
        } else {
            let shown = rows
                .iter()
                .filter(|(post, _)| state.posts.contains(state.selection, post.id))
                .count();
            let mut line = format!("{} selected", text::count(chosen as u64, "post", "posts"));
            if shown < chosen {
                line.push_str(&format!(" ({} not shown by the filters)", chosen - shown));
            }
            ui.label(egui::RichText::new(line).strong());
        }
        let all = format!("Select all {}", text::thousands(rows.len() as u64));
        if ui
            .add_enabled(!rows.is_empty(), egui::Button::new(all))
            .on_hover_text("Select every post the filters show, to edit them together.")
            .clicked()
        {
            let order: Vec<PostId> = rows.iter().map(|(post, _)| post.id).collect();
            state.posts.select_all(&mut state.selection, &order);
            state.bulk.refused.clear();
        }
        if ui
            .add_enabled(chosen > 0, egui::Button::new("Clear selection"))
            .clicked()
        {
            state.posts.clear(&mut state.selection);
            state.bulk.refused.clear();
        }
        if chosen < 2 {
            let key = ui.ctx().format_modifiers(Modifiers::COMMAND);
            ui.weak(format!("{key}+click or Shift+click to select several"));
        }
    });
}

/// Selects every post the filters show (Edit > Select all posts, Ctrl+A).
pub fn select_all_shown(
    plan: &Plan,
    assessment: &Assessment,
    names: &WorkerNames,
    state: &mut UiState,
) {
    let rows = filtered_rows(plan, assessment, names, &state.filter);
    let shown: Vec<PostId> = rows.iter().map(|(post, _)| post.id).collect();
    state.posts.select_all(&mut state.selection, &shown);
    state.bulk.refused.clear();
}

/// The keys held when the pointer was released this frame, as the release reported them: a key
/// may be let go within the same frame (a test sends a whole click at once).
fn click_modifiers(ui: &Ui) -> Modifiers {
    ui.input(|input| {
        input
            .events
            .iter()
            .rev()
            .find_map(|event| match event {
                egui::Event::PointerButton {
                    pressed: false,
                    button: egui::PointerButton::Primary,
                    modifiers,
                    ..
                } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(input.modifiers)
    })
}

fn filters_ui(ui: &mut Ui, plan: &Plan, filter: &mut PostFilter) {
    ui.horizontal_wrapped(|ui| {
        let team_name = filter
            .team
            .and_then(|id| plan.team(id))
            .map_or("All teams", |t| t.name.as_str());
        egui::ComboBox::from_label("Team")
            .selected_text(team_name)
            // Stays open on a click inside: a large plan's "Find a team".
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(filter.team.is_none(), "All teams")
                    .clicked()
                {
                    filter.team = None;
                    ui.close();
                }
                if let Some(team) = super::team_choice::team_choice_ui(ui, plan, filter.team, None)
                {
                    filter.team = Some(team);
                    ui.close();
                }
            });
        let grade_name = filter
            .grade
            .and_then(|id| plan.grade(id))
            .map_or("All grades", |g| g.name.as_str());
        egui::ComboBox::from_label("Grade")
            .selected_text(grade_name)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.grade, None, "All grades");
                for grade in &plan.grades {
                    ui.selectable_value(&mut filter.grade, Some(grade.id), &grade.name);
                }
            });
        egui::ComboBox::from_label("Contract")
            .selected_text(filter.contract.map_or("All contracts", ContractKind::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.contract, None, "All contracts");
                for kind in ContractKind::ALL {
                    ui.selectable_value(&mut filter.contract, Some(kind), kind.label());
                }
            });
        egui::ComboBox::from_label("Band")
            .selected_text(filter.band.map_or("All bands", Band::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.band, None, "All bands");
                for band in Band::ALL {
                    ui.selectable_value(&mut filter.band, Some(band), band.label());
                }
            });
        ui.name_inputs("Search worker or team", |ui| {
            ui.add(
                egui::TextEdit::singleline(&mut filter.search)
                    .hint_text("Search worker or team")
                    .desired_width(160.0),
            )
        });
    });
}

/// The posts that pass the filter, in the chosen order. Workers are searched and sorted by
/// their names as shown (anonymised or not).
pub fn filtered_rows<'p>(
    plan: &'p Plan,
    assessment: &'p Assessment,
    names: &WorkerNames,
    filter: &PostFilter,
) -> Vec<(&'p Post, &'p PostAssessment)> {
    let needle = filter.search.trim().to_lowercase();
    let team_name = |post: &Post| plan.team(post.team).map_or("", |t| t.name.as_str());
    let grade_name = |post: &Post| plan.grade(post.grade).map_or("", |g| g.name.as_str());
    let mut rows: Vec<_> = plan
        .posts
        .iter()
        .zip(&assessment.posts)
        .filter(|(post, a)| {
            filter.team.is_none_or(|t| post.team == t)
                && filter.grade.is_none_or(|g| post.grade == g)
                && filter.contract.is_none_or(|c| post.contract.kind() == c)
                && filter.band.is_none_or(|b| a.band == Some(b))
                && (needle.is_empty()
                    || names
                        .worker_or_vacant(post)
                        .to_lowercase()
                        .contains(&needle)
                    || team_name(post).to_lowercase().contains(&needle))
        })
        .collect();
    let key =
        |(post, a): &(&Post, &PostAssessment), (other, b): &(&Post, &PostAssessment)| -> Ordering {
            match filter.sort {
                PostSort::Plan => Ordering::Equal,
                PostSort::Team => team_name(post).cmp(team_name(other)),
                PostSort::Worker => names.worker(post).cmp(&names.worker(other)),
                PostSort::Grade => grade_name(post).cmp(grade_name(other)),
                PostSort::Contract => post.contract.kind().cmp(&other.contract.kind()),
                PostSort::Fte => post.fte.total_cmp(&other.fte),
                PostSort::Cases => a.cases_held.cmp(&b.cases_held),
                PostSort::Load => a.weighted_load.total_cmp(&b.weighted_load),
                PostSort::Utilisation => a
                    .utilisation
                    .unwrap_or(-1.0)
                    .total_cmp(&b.utilisation.unwrap_or(-1.0)),
            }
        };
    rows.sort_by(|x, y| {
        if filter.descending {
            key(y, x)
        } else {
            key(x, y)
        }
    });
    rows
}
