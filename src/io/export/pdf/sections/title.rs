//! The title page: the plan's name, the scenario shown and those compared, the date, whether
//! workers' names are anonymised, and the plan's notes (when anonymised, only whether they
//! say the figures are illustrative: notes are free text and may name people), and the
//! contents with each section's page.

use super::super::canvas::{Colour, Style, line_height};
use super::super::flow::{BODY, Flow, NOTE, PAGE_HEIGHT};

/// What the title page says.
pub struct Title<'a> {
    pub plan: &'a str,
    pub notes: &'a str,
    pub shown: &'a str,
    /// The names of the scenarios compared, when there is a comparison.
    pub compared: Vec<&'a str>,
    pub date: &'a str,
    pub anonymised: bool,
}

const NAME: Style = Style::new(28.0).bold();
const KIND: Style = Style::new(15.0).colour(Colour::MUTED);
const NOTES: Style = Style::new(9.5);
/// Lines of the plan's notes shown at most: the title page stays one page.
const MAX_NOTE_LINES: usize = 8;

pub fn title_page(flow: &mut Flow, title: &Title) {
    flow.y = PAGE_HEIGHT * 0.15;
    flow.bookmark("Title");
    flow.paragraph(title.plan, NAME);
    flow.gap(4.0);
    flow.line("Workforce report", KIND);
    flow.gap(18.0);
    flow.line(&format!("Scenario shown: {}", title.shown), BODY.bold());
    if title.compared.len() > 1 {
        flow.paragraph(&format!("Compared: {}", title.compared.join(", ")), BODY);
    }
    flow.line(&format!("Date: {}", title.date), BODY);
    if title.anonymised {
        flow.line(
            "Workers' names are replaced by their grade and a number (\"Social worker 7\").",
            BODY,
        );
    }
    flow.gap(line_height(BODY.size));
    let illustrative = title.notes.to_lowercase().contains("illustrative");
    if title.anonymised {
        if illustrative {
            flow.line(
                "Illustrative: the plan's notes say its figures are illustrative, not a real service's.",
                BODY.bold(),
            );
        }
    } else if !title.notes.trim().is_empty() {
        flow.line("Notes", BODY.bold());
        let lines = flow
            .fonts
            .wrapped(title.notes.trim(), NOTES.size, super::super::flow::WIDTH);
        let shown = lines.len().min(MAX_NOTE_LINES);
        for line in &lines[..shown] {
            flow.line(line, NOTES);
        }
        if lines.len() > shown {
            flow.line("… (the notes go on in the plan)", NOTE);
        }
    }
    flow.gap(line_height(BODY.size));
    flow.line("Contents", BODY.bold());
    flow.contents_here();
    flow.new_page();
}
