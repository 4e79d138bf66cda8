//! Copy as table: Ctrl+C on the Compare, Posts or Staffing mix view (when no text is being
//! edited) puts the view's table on the clipboard as tab-separated text, which pastes as a
//! table into Excel or Word. The tables are the exports' own (`model::report`), so a copy and
//! an export say the same, and anonymised names stay anonymised.

use super::state::View;
use crate::app::Document;
use crate::model::anonymise::WorkerNames;
use crate::model::report::{ReportTable, comparison_table, posts_table, teams_table};
use crate::model::{Assessment, ScenarioId};

/// Whether Ctrl+C (or the platform's copy) was pressed this frame outside a text field. A
/// focused text field asks for the keyboard's text input (IME) in the frame's output, which
/// tells it from a button that merely has focus (a view's tab just clicked).
pub fn copy_pressed(ctx: &egui::Context) -> bool {
    if ctx.output(|o| o.ime.is_some()) {
        return false;
    }
    // The window gets the platform's copy event; a key press with the command modifier is
    // what arrives where the platform does not translate it (and in tests).
    ctx.input(|i| {
        i.events.iter().any(|e| match e {
            egui::Event::Copy => true,
            egui::Event::Key {
                key: egui::Key::C,
                pressed: true,
                modifiers,
                ..
            } => modifiers.command,
            _ => false,
        })
    })
}

/// The table the view shows, for the clipboard; `None` for a view without one.
pub fn table_of_view(
    view: View,
    doc: &Document,
    names: &WorkerNames,
    compared: &[ScenarioId],
) -> Option<ReportTable> {
    let (plan, assessment) = (doc.plan(), doc.assessment());
    match view {
        View::Posts => Some(posts_table(plan, assessment, names)),
        View::StaffingMix => Some(teams_table(plan, assessment)),
        View::Compare => {
            let set = doc.scenarios();
            let scenarios: Vec<(&str, &Assessment)> = std::iter::once(ScenarioId::BASELINE)
                .chain(compared.iter().copied())
                .filter_map(|id| Some((set.get(id)?.name.as_str(), doc.assessment_of(id)?)))
                .collect();
            Some(comparison_table(&scenarios))
        }
        _ => None,
    }
}

/// Puts `table` on the clipboard; returns what the status bar says.
pub fn copy(ctx: &egui::Context, table: &ReportTable) -> String {
    ctx.copy_text(table.to_tab_separated());
    format!(
        "Copied the {} table ({}): paste it into Excel or Word.",
        table.name,
        crate::text::count(table.rows.len() as u64, "row", "rows")
    )
}
