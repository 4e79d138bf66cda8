//! Small building blocks shared by the panels. Every input gets an accessible name.

use super::theme;
use crate::model::figures::Figure;
use crate::model::{Band, YearMonth};
use egui::{Color32, RichText, Ui};
use std::collections::{HashMap, HashSet};

/// A filled circle in the band's colour, sized to sit in a line of text.
pub fn band_marker(ui: &mut Ui, band: Option<Band>) {
    let size = egui::vec2(10.0, 10.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), 4.5, theme::band_colour(band));
}

/// A single-line text field whose value is stored differently from how it is typed (names
/// are trimmed). While focused it shows the draft; returns the new text when it changes.
pub fn text_field(
    ui: &mut Ui,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    stored: &str,
    drafts: &mut HashMap<egui::Id, String>,
) -> Option<String> {
    sized_text_field(ui, 170.0, label, id_salt, stored, drafts)
}

/// [`text_field`] of a given width, kept even in a grid column that would squeeze it.
pub fn sized_text_field(
    ui: &mut Ui,
    width: f32,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    stored: &str,
    drafts: &mut HashMap<egui::Id, String>,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let mut text = drafts
        .get(&id)
        .cloned()
        .unwrap_or_else(|| stored.to_owned());
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    let response = ui.name_inputs(label, |ui| {
        ui.add_sized(size, egui::TextEdit::singleline(&mut text).id(id))
    });
    if response.has_focus() {
        drafts.insert(id, text.clone());
    } else {
        drafts.remove(&id);
    }
    (response.changed() && text != stored).then_some(text)
}

/// A `YYYY-MM` field. Returns `Some(Ok(month))` (or `Some(Ok(None))` when cleared and
/// `optional`) when a valid change is typed; shows why an invalid entry is not accepted.
pub fn month_field(
    ui: &mut Ui,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    stored: Option<YearMonth>,
    optional: bool,
    drafts: &mut HashMap<egui::Id, String>,
) -> Option<Option<YearMonth>> {
    let id = ui.make_persistent_id(id_salt);
    let stored_text = stored.map(|m| m.to_string()).unwrap_or_default();
    let mut text = drafts
        .get(&id)
        .cloned()
        .unwrap_or_else(|| stored_text.clone());
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id(id)
            .hint_text("YYYY-MM")
            .desired_width(84.0),
    );
    // Named explicitly: the "YYYY-MM" hint would otherwise be the field's only name.
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(label));
    let parsed = if text.trim().is_empty() && optional {
        Ok(None)
    } else {
        text.parse::<YearMonth>().map(Some)
    };
    if let Err(e) = &parsed {
        // Wrapped: a message never widens the panel it is in.
        ui.add(egui::Label::new(RichText::new(e.to_string()).color(theme::ALERT).small()).wrap());
    }
    if response.has_focus() {
        drafts.insert(id, text.clone());
    } else {
        drafts.remove(&id);
    }
    match parsed {
        Ok(month) if response.changed() && month != stored => Some(month),
        _ => None,
    }
}

/// Size of a headline figure card. Fixed, so a wrapping row of cards knows each one's size
/// before placing it (a frame of unknown size would never wrap).
const CARD_SIZE: egui::Vec2 = egui::vec2(178.0, 74.0);

/// A headline figure of the catalogue: its label, its value written as its unit says, and a
/// line of context; hovering shows the figure's definition.
pub fn figure_card(
    ui: &mut Ui,
    figure: &Figure,
    value: Option<f64>,
    context: &str,
    colour: Option<Color32>,
) {
    let value = crate::text::figure_value(figure.unit, value);
    ui.allocate_ui(CARD_SIZE, |ui| {
        figure_card_contents(ui, figure.label, &value, context, colour)
    })
    .response
    .on_hover_text(figure.definition);
}

fn figure_card_contents(
    ui: &mut Ui,
    caption: &str,
    value: &str,
    context: &str,
    colour: Option<Color32>,
) {
    egui::Frame::group(ui.style())
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(CARD_SIZE.x - 14.0);
            ui.vertical(|ui| {
                ui.add(egui::Label::new(RichText::new(caption).small()).truncate());
                let mut text = RichText::new(value).size(22.0).strong();
                if let Some(colour) = colour {
                    text = text.color(colour);
                }
                ui.label(text);
                ui.add(egui::Label::new(RichText::new(context).small().weak()).truncate());
            });
        });
}

/// Red text for alerts, amber for warnings.
pub fn flag_text(text: String, red: bool) -> RichText {
    RichText::new(text).color(if red { theme::ALERT } else { theme::WARNING })
}

/// A combo box with an accessible name (screen readers, and kittest's accessibility check).
pub fn combo<R>(
    ui: &mut Ui,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    selected: impl Into<egui::WidgetText>,
    contents: impl FnOnce(&mut Ui) -> R,
) {
    ui.name_inputs(label, |ui| {
        egui::ComboBox::from_id_salt(id_salt)
            .selected_text(selected)
            .show_ui(ui, contents)
    });
}

/// Scroll areas that open at the top for each plan shown.
pub trait OpensAtTop {
    /// The area scrolled to the top the first time it is shown for the plan now open (`shown`
    /// is [`super::state::UiState::shown_from_top`]). egui keeps scroll positions in its
    /// memory, which is saved between runs: without this the tree and the alerts would open
    /// part-way down, where they were left in another plan or before a restart.
    fn opening_at_top(self, name: &'static str, shown: &mut HashSet<&'static str>) -> Self;
}

impl OpensAtTop for egui::ScrollArea {
    fn opening_at_top(self, name: &'static str, shown: &mut HashSet<&'static str>) -> Self {
        if shown.insert(name) {
            self.vertical_scroll_offset(0.0)
        } else {
            self
        }
    }
}

/// A number input with its unit written beside it (a unit inside the field, as a DragValue
/// suffix, becomes the field's accessible name and hides `label`). Returns true when edited.
///
/// Nothing is silently changed into another number: dragging stops at the ends of `range`,
/// but a value typed outside it (-5 cases, 150%), or a fraction where only whole numbers make
/// sense, is not applied and the reason is shown as a refused edit is (see [`refuse_entry`]).
pub fn number_field<N: egui::emath::Numeric>(
    ui: &mut Ui,
    label: &str,
    value: &mut N,
    range: std::ops::RangeInclusive<N>,
    speed: f64,
    unit: &str,
) -> bool {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        // No range on the widget itself: it would clamp what is typed as well as drags.
        let mut entered = value.to_f64();
        let response = ui.add(
            egui::DragValue::new(&mut entered)
                .speed(speed)
                .max_decimals(if N::INTEGRAL { 0 } else { 2 })
                // Thousands separated, as everywhere else; typed with or without them.
                .custom_formatter(|v, decimals| {
                    crate::text::with_separators(&egui::emath::format_with_decimals_in_range(
                        v, decimals,
                    ))
                })
                .custom_parser(crate::text::parse_number),
        );
        // Named explicitly, for screen readers and for tests that find inputs by name.
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::SpinButton, ui.is_enabled(), label)
        });
        let (low, high) = (range.start().to_f64(), range.end().to_f64());
        let mut changed = false;
        if response.changed() {
            if response.dragged() {
                entered = entered.clamp(low, high);
            }
            match entry_problem(entered, low, high, N::INTEGRAL) {
                None => {
                    *value = N::from_f64(entered);
                    changed = true;
                }
                Some(problem) => refuse_entry(ui, format!("{label} {problem}.")),
            }
        }
        if !unit.is_empty() {
            ui.label(unit);
        }
        changed
    })
    .inner
}

/// A selectable row of a list whose text is cut with an ellipsis when it does not fit (the
/// panel never widens for it); the whole text shows on hover when it was cut.
pub fn row_button(ui: &mut Ui, selected: bool, text: String) -> egui::Response {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let width = ui
        .painter()
        .layout_no_wrap(text.clone(), font, egui::Color32::PLACEHOLDER)
        .size()
        .x;
    let fits = width + 2.0 * ui.spacing().button_padding.x <= ui.available_width();
    let response = ui.add(egui::Button::selectable(selected, text.clone()).truncate());
    if fits {
        response
    } else {
        response.on_hover_text(text)
    }
}

/// Why `entered` cannot be taken as a value from `low` to `high` (whole when `whole`).
fn entry_problem(entered: f64, low: f64, high: f64, whole: bool) -> Option<String> {
    let written = |v: f64| {
        if v.fract() == 0.0 && v.abs() >= 1000.0 && v.abs() < 1e15 {
            let sign = if v < 0.0 { "-" } else { "" };
            format!("{sign}{}", crate::text::thousands(v.abs() as u64))
        } else {
            v.to_string()
        }
    };
    if !(low..=high).contains(&entered) {
        Some(format!(
            "must be from {} to {}, not {}",
            written(low),
            written(high),
            written(entered)
        ))
    } else if whole && entered.fract() != 0.0 {
        Some(format!("must be a whole number, not {}", written(entered)))
    } else {
        None
    }
}

fn entry_refusal_id() -> egui::Id {
    egui::Id::unique("refused-entry")
}

/// Says why a value typed into a field was not applied. The window shows it where it shows the
/// model's refusals (the inspector and the status bar): see [`take_entry_refusal`].
pub fn refuse_entry(ui: &Ui, reason: String) {
    ui.ctx()
        .data_mut(|d| d.insert_temp(entry_refusal_id(), reason));
    // Shown by panels drawn before this one next frame: draw it at once.
    ui.ctx().request_repaint();
}

/// The reason a typed value was refused this frame, if one was.
pub fn take_entry_refusal(ctx: &egui::Context) -> Option<String> {
    ctx.data_mut(|d| d.remove_temp(entry_refusal_id()))
}

/// Whether the grid row about to be drawn, `height` tall, is out of sight: then only its
/// height is taken (one empty cell) and the row ends, so a table of thousands of teams lays
/// out and describes only the rows on screen, and the scroll bar stays as long as the whole
/// table. For tables whose rows are all one line.
pub fn skipped_off_screen(ui: &mut Ui, height: f32) -> bool {
    let row = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
    if ui.is_rect_visible(row) {
        return false;
    }
    ui.allocate_space(egui::vec2(1.0, height));
    ui.end_row();
    true
}

#[cfg(test)]
mod tests {
    use super::entry_problem;

    #[test]
    fn typed_values_outside_the_range_or_not_whole_are_refused_with_the_reason() {
        assert_eq!(
            entry_problem(-5.0, 0.0, 100_000.0, true).as_deref(),
            Some("must be from 0 to 100,000, not -5")
        );
        assert_eq!(
            entry_problem(150.0, 0.0, 100.0, false).as_deref(),
            Some("must be from 0 to 100, not 150")
        );
        assert_eq!(
            entry_problem(2.5, 0.0, 10.0, true).as_deref(),
            Some("must be a whole number, not 2.5")
        );
        assert_eq!(entry_problem(2.5, 0.0, 10.0, false), None);
        assert_eq!(entry_problem(0.0, 0.0, 10.0, true), None);
        assert!(entry_problem(f64::NAN, 0.0, 10.0, false).is_some());
    }
}
