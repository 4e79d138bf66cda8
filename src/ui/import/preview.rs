//! Step 3 of a staff-list import: what it would do, before anything changes. The posts and
//! teams it makes, every problem by row and column (those rows are left out), what was
//! assumed; where the posts go; and the one click that imports them.

use super::ShownScenario;
use super::{ImportRequest, StaffImport};
use crate::text;
use crate::ui::busy;
use crate::ui::theme;
use egui::{RichText, Ui};

/// Where imported posts go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// A new plan, in place of the one open (which is offered for saving first).
    NewPlan,
    /// The scenario shown: its teams and posts replaced, as one undo step.
    ReplaceShown,
    /// A new option copying the scenario shown, with its teams and posts replaced.
    NewOption,
}

pub(super) fn preview_ui(
    ui: &mut Ui,
    import: &mut StaffImport,
    scenario: &ShownScenario<'_>,
) -> Option<ImportRequest> {
    let shown_name = scenario.name;
    ui.horizontal_wrapped(|ui| {
        ui.label("Import into");
        ui.radio_value(&mut import.target, ImportTarget::NewPlan, "a new plan");
        ui.radio_value(
            &mut import.target,
            ImportTarget::ReplaceShown,
            format!("{shown_name} (its teams and posts replaced)"),
        );
        ui.radio_value(&mut import.target, ImportTarget::NewOption, "a new option");
    });
    let target = import.target;
    let stem = import
        .path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let refusal = import.refusal.clone();
    let Some((worked, up_to_date)) = import.preview(
        scenario.plan,
        scenario.ids,
        scenario.revision,
        &scenario.wake,
    ) else {
        busy::busy_ui(ui, "Working out the preview…");
        return None;
    };
    if !up_to_date {
        busy::busy_ui(ui, "Working out the preview again…");
    }
    let preview = &worked.preview;
    let posts = preview.posts().len();
    ui.label(
        RichText::new(format!(
            "{}: {} filled, {} vacant, {} absent; {} FTE; {} ({} new).",
            text::count(posts as u64, "post", "posts"),
            text::thousands(preview.filled() as u64),
            text::thousands(preview.vacant() as u64),
            text::thousands(preview.absent() as u64),
            text::grouped(preview.fte(), 1),
            text::count(preview.teams().len() as u64, "team", "teams"),
            preview.structure.new_teams.len(),
        ))
        .strong(),
    );
    teams_ui(ui, preview);
    if preview.rows_skipped > 0 {
        ui.label(format!(
            "{} left out, as chosen in step 2.",
            text::count(preview.rows_skipped as u64, "row is", "rows are")
        ));
    }
    for note in &preview.notes {
        ui.weak(note);
    }
    if !preview.problems.is_empty() {
        ui.label(
            RichText::new(format!(
                "{} problems: {} left out. Correct the file and import it again, or change \
                 the choices in steps 1 and 2.",
                text::count(preview.rows_with_problems as u64, "row has", "rows have"),
                if preview.rows_with_problems == 1 {
                    "it is"
                } else {
                    "they are"
                }
            ))
            .color(theme::WARNING),
        );
        let row_height = ui.text_style_height(&egui::TextStyle::Body);
        egui::ScrollArea::vertical()
            .id_salt("import-problems")
            .max_height(160.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, preview.problems.len(), |ui, rows| {
                for problem in &preview.problems[rows] {
                    ui.label(RichText::new(problem.to_string()).color(theme::WARNING));
                }
            });
    }
    if let Some(refusal) = refusal {
        ui.label(RichText::new(refusal).color(theme::WARNING));
    }
    let label = format!("Import {}", text::count(posts as u64, "post", "posts"));
    let clicked = ui
        .add_enabled(
            posts > 0 && up_to_date,
            egui::Button::new(RichText::new(label).strong()),
        )
        .on_hover_text("One step: Undo puts everything back.")
        .clicked();
    if !clicked {
        return None;
    }
    Some(match target {
        ImportTarget::NewPlan => ImportRequest::NewPlan(Box::new(preview.plan(&worked.base))),
        ImportTarget::ReplaceShown => ImportRequest::ReplaceShown(preview.command()),
        ImportTarget::NewOption => {
            ImportRequest::NewOption(format!("Staff list: {stem}"), preview.command())
        }
    })
}

/// Each team the posts go into, with its posts and FTE, so the split can be checked.
fn teams_ui(ui: &mut Ui, preview: &crate::model::import::ImportPreview) {
    let mut rows: Vec<(&str, bool, usize, f64)> = preview
        .teams()
        .iter()
        .map(|t| (t.name.as_str(), preview.is_new_team(t.id), 0, 0.0))
        .collect();
    let at: std::collections::HashMap<_, _> = preview
        .teams()
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    for post in preview.posts() {
        if let Some(&i) = at.get(&post.team) {
            rows[i].2 += 1;
            rows[i].3 += post.fte;
        }
    }
    egui::ScrollArea::vertical()
        .id_salt("import-teams")
        .max_height(200.0)
        .show(ui, |ui| {
            egui::Grid::new("import-teams-grid")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Team");
                    ui.strong("Posts");
                    ui.strong("FTE");
                    ui.end_row();
                    for (name, new, posts, fte) in rows {
                        if new {
                            ui.label(format!("{} (new)", text::shortened(name)));
                        } else {
                            ui.label(text::shortened(name));
                        }
                        ui.label(posts.to_string());
                        ui.label(text::grouped(fte, 1));
                        ui.end_row();
                    }
                });
        });
}
