//! Help's windows: the first-ten-minutes guide, what each figure means and the keyboard
//! shortcuts. Nothing here is written twice: the guide is the README's own section (built into
//! the program), the figures come from the catalogue ([`crate::model::figures::FIGURES`]) and
//! the shortcuts from the menus' table (`commands.rs`).

use super::commands;
use crate::model::figures::FIGURES;
use egui::text::LayoutJob;
use egui::{Context, Id, RichText, TextFormat, Ui};

/// The README, for its "Your first ten minutes" section.
const README: &str = include_str!("../../README.md");
const GUIDE_HEADING: &str = "## Your first ten minutes";

/// A window of Help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpTopic {
    FirstTenMinutes,
    Figures,
    Shortcuts,
}

impl HelpTopic {
    pub const ALL: [HelpTopic; 3] = [
        HelpTopic::FirstTenMinutes,
        HelpTopic::Figures,
        HelpTopic::Shortcuts,
    ];

    /// The Help menu's entry and the window's title.
    pub fn title(self) -> &'static str {
        match self {
            HelpTopic::FirstTenMinutes => "First ten minutes",
            HelpTopic::Figures => "What the figures mean",
            HelpTopic::Shortcuts => "Keyboard shortcuts",
        }
    }

    fn open_id(self) -> Id {
        Id::unique(("help-window-open", self))
    }
}

/// Opens a Help window (window state, kept in egui's memory like About's).
pub fn open_help(ctx: &Context, topic: HelpTopic) {
    ctx.data_mut(|d| d.insert_temp(topic.open_id(), true));
}

/// Widest a Help window's text runs: lines of a length people read comfortably.
const TEXT_WIDTH: f32 = 620.0;

/// Draws the Help windows that are open; each one's close button closes it.
pub fn help_ui(ctx: &Context) {
    for (index, topic) in HelpTopic::ALL.into_iter().enumerate() {
        let mut open = ctx.data(|d| d.get_temp::<bool>(topic.open_id()).unwrap_or(false));
        if !open {
            continue;
        }
        egui::Window::new(topic.title())
            .open(&mut open)
            .collapsible(false)
            .default_width(TEXT_WIDTH)
            .default_height(480.0)
            // Side by side when several are open, not on top of each other.
            .default_pos([60.0 + 40.0 * index as f32, 70.0 + 30.0 * index as f32])
            .show(ctx, |ui| {
                ui.set_max_width(TEXT_WIDTH);
                egui::ScrollArea::vertical().show(ui, |ui| match topic {
                    HelpTopic::FirstTenMinutes => guide_ui(ui),
                    HelpTopic::Figures => figures_ui(ui),
                    HelpTopic::Shortcuts => shortcuts_ui(ui),
                });
            });
        ctx.data_mut(|d| d.insert_temp(topic.open_id(), open));
    }
}

/// The README's "Your first ten minutes" section, as Markdown.
pub fn guide_markdown() -> &'static str {
    let start = README
        .find(GUIDE_HEADING)
        .map_or(README.len(), |i| i + GUIDE_HEADING.len());
    let rest = &README[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].trim()
}

fn guide_ui(ui: &mut Ui) {
    for block in guide_blocks(guide_markdown()) {
        if block.contains("![") {
            // Pictures (the README's screenshots, with their captions): not in the window.
            continue;
        } else if block.starts_with('|') {
            table_ui(ui, &block);
        } else {
            ui.label(styled(ui, &block, ui.available_width()));
        }
        ui.add_space(6.0);
    }
}

/// Markdown's blocks: paragraphs (their lines joined), each numbered step on its own, and
/// tables (kept as lines).
fn guide_blocks(markdown: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in markdown.lines() {
        let trimmed = line.trim();
        let step = trimmed
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let table = trimmed.starts_with('|');
        let ends_block = trimmed.is_empty() || step || table != current.starts_with('|');
        if ends_block && !current.is_empty() {
            blocks.push(std::mem::take(&mut current));
        }
        if trimmed.is_empty() {
            continue;
        }
        if !current.is_empty() {
            current.push(if table { '\n' } else { ' ' });
        }
        current.push_str(trimmed);
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// A Markdown table (the shortcuts) as a grid, without its rule row.
fn table_ui(ui: &mut Ui, block: &str) {
    egui::Grid::new(("guide-table", block.len()))
        .striped(true)
        .show(ui, |ui| {
            for line in block.lines().filter(|l| !l.contains("---")) {
                for cell in line.trim().trim_matches('|').split('|') {
                    // Short cells, on one line each.
                    ui.label(styled(ui, cell.trim(), f32::INFINITY));
                }
                ui.end_row();
            }
        });
}

/// Markdown's inline marks as styles (`**bold**`, `*italic*`, `` `code` ``), wrapped at
/// `wrap_width`.
fn styled(ui: &Ui, text: &str, wrap_width: f32) -> LayoutJob {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let mut job = LayoutJob::default();
    let (mut bold, mut italic, mut code) = (false, false, false);
    let mut rest = text;
    while !rest.is_empty() {
        let (mark, len) = if rest.starts_with("**") {
            (Some('b'), 2)
        } else if rest.starts_with('*') {
            (Some('i'), 1)
        } else if rest.starts_with('`') {
            (Some('c'), 1)
        } else {
            (None, 0)
        };
        match mark {
            Some('b') if !code => bold = !bold,
            Some('i') if !code => italic = !italic,
            Some('c') => code = !code,
            _ => {}
        }
        if mark.is_some() && (mark == Some('c') || !code) {
            rest = &rest[len..];
            continue;
        }
        // Up to the next mark, at least one character (a lone `*` inside code).
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..]
            .find(['*', '`'])
            .map_or(rest.len(), |i| i + first);
        let format = TextFormat {
            font_id: if code {
                egui::TextStyle::Monospace.resolve(ui.style())
            } else {
                body.clone()
            },
            color: if bold { strong } else { colour },
            italics: italic,
            ..Default::default()
        };
        let text = drawable(ui, &format.font_id, &rest[..end]);
        job.append(&text, 0.0, format);
        rest = &rest[end..];
    }
    job.wrap.max_width = wrap_width;
    job
}

/// `text` with the characters the font cannot draw replaced (`→` by `->`): the README may use
/// any character, the window's font has only some.
fn drawable<'t>(ui: &Ui, font: &egui::FontId, text: &'t str) -> std::borrow::Cow<'t, str> {
    ui.ctx().fonts_mut(|fonts| {
        if fonts.has_glyphs(font, text) {
            return text.into();
        }
        text.chars()
            .map(|c| match c {
                _ if fonts.has_glyph(font, c) => c.to_string(),
                '→' => "->".to_owned(),
                '−' => "-".to_owned(),
                _ => "?".to_owned(),
            })
            .collect::<String>()
            .into()
    })
}

fn figures_ui(ui: &mut Ui) {
    ui.label(
        "Every figure the app shows, with exactly what it counts. Hover a figure anywhere in \
         the app to see its definition.",
    );
    ui.add_space(6.0);
    for figure in &FIGURES {
        ui.label(RichText::new(figure.label).strong());
        ui.label(figure.definition);
        ui.add_space(4.0);
    }
}

fn shortcuts_ui(ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for command in commands::all().filter(|c| !c.shortcuts.is_empty()) {
            ui.label(RichText::new(commands::shortcut_text(&ctx, command)).strong());
            ui.label(command.label);
            ui.label(command.tooltip);
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    ui.label("Drop a plan file (.ron) on the window to open it.");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_is_the_readmes_first_ten_minutes_section() {
        let guide = guide_markdown();
        assert!(guide.starts_with("1. **Read the example.**"), "{guide}");
        assert!(guide.contains("9. **Save.**"));
        assert!(!guide.contains("\n## "), "only that section");
    }

    #[test]
    fn each_step_paragraph_and_table_is_a_block_of_its_own() {
        let markdown = "1. **Read.** The cards\n   at the top.\n2. **Build.** Click\n\n\
                        A paragraph\non two lines.\n\n| key | action |\n| --- | --- |\n\
                        | Ctrl+N | new |\nAfter.";
        assert_eq!(
            guide_blocks(markdown),
            [
                "1. **Read.** The cards at the top.",
                "2. **Build.** Click",
                "A paragraph on two lines.",
                "| key | action |\n| --- | --- |\n| Ctrl+N | new |",
                "After.",
            ]
        );
    }
}
