//! What every chart has around its data: a legend above it (never over the bars), distinct
//! labels for its columns (see [`crate::text::axis_labels`]) with a key when they are
//! numbered, a tooltip for the column under the pointer (a window-level tooltip, so it is never
//! cut off at the plot's edge), numbers with thousands separated on the value axis, and a
//! name and a description of the columns for screen readers.

use crate::text::{self, axis_labels::AxisLabels, axis_labels::axis_labels};
use egui::{Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, GridMark, Plot, PlotResponse};

/// The value axis's least width, the same for every chart so their plot areas line up.
const Y_AXIS_WIDTH: f32 = 48.0;

/// Room taken beside the plot area by the value axis and its title, as assumed when working
/// out how wide each column is on screen: the axis's least width and a little more, for
/// wider numbers ("12,000").
const Y_AXIS_ROOM: f32 = 64.0;

/// Space kept between neighbouring column labels.
const LABEL_GAP: f32 = 6.0;

/// How an item is drawn in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Swatch {
    /// Bars and bands: a filled square.
    Fill,
    Line,
    Dashed,
    Diamond,
}

/// One entry of a legend.
#[derive(Clone)]
pub(crate) struct LegendEntry {
    pub name: String,
    pub colour: Color32,
    pub swatch: Swatch,
}

impl LegendEntry {
    pub fn new(name: impl Into<String>, colour: Color32, swatch: Swatch) -> Self {
        Self {
            name: name.into(),
            colour,
            swatch,
        }
    }
}

/// The legend as a line of text above a chart, wrapped when narrow: it takes room of its own
/// instead of covering data.
pub(crate) fn legend_ui(ui: &mut Ui, entries: &[LegendEntry]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 14.0;
        for entry in entries {
            legend_entry_ui(ui, entry);
        }
    });
}

/// One entry, swatch and name, as one widget, so that it wraps as a whole.
fn legend_entry_ui(ui: &mut Ui, entry: &LegendEntry) {
    const SWATCH: egui::Vec2 = egui::vec2(16.0, 10.0);
    const GAP: f32 = 4.0;
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(entry.name.clone(), font, ui.visuals().text_color());
    let size = egui::vec2(
        SWATCH.x + GAP + galley.size().x,
        galley.size().y.max(SWATCH.y),
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), &entry.name));
    let swatch = egui::Rect::from_center_size(
        egui::pos2(rect.left() + SWATCH.x / 2.0, rect.center().y),
        SWATCH,
    );
    paint_swatch(ui.painter(), swatch, entry.colour, entry.swatch);
    let text_at = egui::pos2(
        swatch.right() + GAP,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter()
        .galley(text_at, galley, ui.visuals().text_color());
}

fn paint_swatch(painter: &egui::Painter, rect: egui::Rect, colour: Color32, swatch: Swatch) {
    let (left, right) = (rect.left_center(), rect.right_center());
    match swatch {
        Swatch::Fill => {
            painter.rect_filled(rect.shrink2(egui::vec2(3.0, 0.0)), 1.0, colour);
        }
        Swatch::Line => {
            painter.line_segment([left, right], Stroke::new(2.0, colour));
        }
        Swatch::Dashed => {
            painter.add(egui::Shape::dashed_line(
                &[left, right],
                Stroke::new(1.5, colour),
                4.0,
                3.0,
            ));
        }
        Swatch::Diamond => {
            let c = rect.center();
            let r = 4.5;
            painter.add(egui::Shape::convex_polygon(
                vec![
                    c + egui::vec2(0.0, -r),
                    c + egui::vec2(r, 0.0),
                    c + egui::vec2(0.0, r),
                    c + egui::vec2(-r, 0.0),
                ],
                colour,
                Stroke::NONE,
            ));
        }
    }
}

/// One column of a chart (a team, a measure): its centre on the axis, the width of axis it
/// may label (up to its neighbours' rooms), and its full name.
pub(crate) struct Column {
    pub centre: f64,
    pub room: f64,
    pub name: String,
}

/// What the tooltip says while the pointer is between `from` and `to` on the axis.
pub(crate) struct Tip {
    pub from: f64,
    pub to: f64,
    pub text: String,
}

impl Tip {
    /// A tip for the bar or column centred at `centre`, `width` wide.
    pub fn around(centre: f64, width: f64, text: String) -> Self {
        Self {
            from: centre - width / 2.0,
            to: centre + width / 2.0,
            text,
        }
    }
}

/// A plot's x axis labelled with `columns`: each label distinct and narrow enough for its
/// room at the width the plot will have in `ui`, or numbers when no such labels exist. The
/// x range is exactly the columns' rooms, so the first and last labels are not cut off.
pub(crate) fn category_axis<'a>(
    ui: &Ui,
    plot: Plot<'a>,
    columns: &[Column],
) -> (Plot<'a>, AxisLabels) {
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return (plot, AxisLabels::Named(Vec::new()));
    };
    let (x_min, x_max) = (
        first.centre - first.room / 2.0,
        last.centre + last.room / 2.0,
    );
    let points_per_unit =
        f64::from((ui.available_width() - Y_AXIS_ROOM).max(40.0)) / (x_max - x_min).max(1e-9);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |label: &str| {
        ui.painter()
            .layout_no_wrap(label.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
    };
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let labels = axis_labels(&names, |i, label| {
        f64::from(width_of(label) + LABEL_GAP) <= columns[i].room * points_per_unit
    });
    let shown = labels.shown();

    // Numbers too wide for every column are put on every second, third, … column.
    let every = if labels.is_numbered() {
        let narrowest = columns.iter().map(|c| c.room).fold(f64::INFINITY, f64::min);
        let widest = f64::from(width_of(&columns.len().to_string()) + LABEL_GAP);
        ((widest / (narrowest * points_per_unit)).ceil() as usize).max(1)
    } else {
        1
    };
    // egui_plot leaves out a label wider than its mark's step on screen: each mark's step is
    // the room its label was fitted to.
    let marks: Vec<GridMark> = columns
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(_, c)| GridMark {
            value: c.centre,
            step_size: if every > 1 {
                c.room * every as f64
            } else {
                c.room
            },
        })
        .collect();
    let lookup: Vec<(f64, String)> = columns.iter().map(|c| c.centre).zip(shown).collect();
    let axis = AxisHints::new_x()
        // Full strength at any spacing: the labels were fitted to their rooms above.
        .label_spacing(0.0..=1.0)
        .formatter(move |mark, _| {
            lookup
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                .map(|(_, label)| label.clone())
                .unwrap_or_default()
        });
    let plot = plot
        .include_x(x_min)
        .include_x(x_max)
        .set_margin_fraction(egui::vec2(0.0, 0.05))
        .x_grid_spacer(move |_| marks.clone())
        .custom_x_axes(vec![axis]);
    (plot, labels)
}

/// The value (y) axis written with thousands separated, as wide on every chart.
pub(crate) fn number_axis(plot: Plot<'_>) -> Plot<'_> {
    plot.y_axis_min_width(Y_AXIS_WIDTH)
        // Marks at 1, 5, 25, …: a chart of 0 to 9 FTE still has a number half way up.
        .y_grid_spacer(egui_plot::log_grid_spacer(5))
        .y_axis_formatter(|mark, _| text::axis_number(mark.value, mark.step_size))
}

/// The key of a chart whose columns are numbered: `1 Front Door and Assessment`, …
pub(crate) fn key_ui(ui: &mut Ui, labels: &AxisLabels, columns: &[Column]) {
    if !labels.is_numbered() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 14.0;
        for (k, column) in columns.iter().enumerate() {
            // Each entry whole on one line: a long name moves to the next line, not half of it.
            ui.add(
                egui::Label::new(RichText::new(format!("{} {}", k + 1, column.name)).small())
                    .wrap_mode(egui::TextWrapMode::Extend),
            );
        }
    });
}

/// Shows the tip for the column under the pointer, if any. `along_y`: the columns run up the
/// y axis (a horizontal bar chart).
pub(crate) fn tip_ui<R>(response: &PlotResponse<R>, tips: &[Tip], along_y: bool) {
    let Some(pointer) = response.response.hover_pos() else {
        return;
    };
    let value = response.transform.value_from_position(pointer);
    let at = if along_y { value.y } else { value.x };
    let Some(tip) = tips.iter().find(|t| t.from <= at && at <= t.to) else {
        return;
    };
    let plot = &response.response;
    egui::Tooltip::always_open(
        plot.ctx.clone(),
        plot.layer_id,
        plot.id,
        egui::PopupAnchor::Pointer,
    )
    .gap(12.0)
    .show(|ui| ui.label(&tip.text));
}

/// Names the chart for screen readers (and tests) and lists its columns as labelled.
pub(crate) fn describe<R>(ui: &Ui, response: &PlotResponse<R>, title: &str, labels: &[String]) {
    let description = labels.join(", ");
    ui.ctx()
        .accesskit_node_builder(response.response.id, |node| {
            node.set_role(egui::accesskit::Role::Figure);
            node.set_label(title);
            node.set_description(description);
        });
}

/// What egui_plot paints beside a hovered bar or box.
pub(crate) type ElementText<T, C> = Box<dyn Fn(&T, &C) -> String>;

/// Bars' own hover text is painted inside the plot and cut off at its edge: charts show
/// [`tip_ui`] instead, and their bars say nothing.
pub(crate) fn no_text<T, C>() -> ElementText<T, C> {
    Box::new(|_, _| String::new())
}
