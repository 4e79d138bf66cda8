//! Small building blocks shared by the panels. Every input gets an accessible name.

use super::theme;
use crate::model::figures::Figure;
use crate::model::{Band, YearMonth};
use egui::{Color32, RichText, Ui};
use std::collections::HashMap;

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
    let id = ui.make_persistent_id(id_salt);
    let mut text = drafts
        .get(&id)
        .cloned()
        .unwrap_or_else(|| stored.to_owned());
    let response = ui.name_inputs(label, |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(170.0),
        )
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
        ui.label(RichText::new(e.to_string()).color(theme::ALERT).small());
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

/// A number input with its unit written beside it (a unit inside the field, as a DragValue
/// suffix, becomes the field's accessible name and hides `label`). Returns true when edited.
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
        let response = ui.add(
            egui::DragValue::new(value)
                .range(range)
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
        let changed = response.changed();
        if !unit.is_empty() {
            ui.label(unit);
        }
        changed
    })
    .inner
}
