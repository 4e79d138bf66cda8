//! What every chart of the report has around its data, as the window's charts have it: the
//! legend above, the value axis with round numbers (thousands separated, pounds for cost) and
//! its title, light grid lines, and the labels under the columns or months. Columns are
//! labelled as in the window (`crate::text::axis_labels`): their names, shortened so no two
//! read the same, or numbered with a key under the chart when there is no room.

use super::super::canvas::{Align, Colour, Page, Style, line_height};
use super::super::fonts::Typesetter;
use crate::text::{self, axis_labels::AxisLabels};

pub const LABEL: Style = Style::new(8.0);
pub const AXIS: Style = Style::new(7.5).colour(Colour::MUTED);
/// Room between the value axis's title and its numbers, and between them and the plot.
const AXIS_GAP: f32 = 5.0;

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    Fill,
    Line,
    Dashed,
    /// A see-through fill: a band of percentiles.
    Band,
}

#[derive(Clone, Debug)]
pub struct LegendEntry {
    pub label: String,
    pub colour: Colour,
    pub swatch: Swatch,
}

impl LegendEntry {
    pub fn new(label: impl Into<String>, colour: Colour, swatch: Swatch) -> Self {
        LegendEntry {
            label: label.into(),
            colour,
            swatch,
        }
    }
}

/// Where the data goes on the page, and the values at its edges.
#[derive(Clone, Copy, Debug)]
pub struct Plot {
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub x_min: f64,
    pub x_max: f64,
    pub y_max: f64,
}

impl Plot {
    pub fn px(&self, x: f64) -> f32 {
        let span = (self.x_max - self.x_min).max(f64::EPSILON);
        self.left + ((x - self.x_min) / span) as f32 * self.width
    }

    pub fn py(&self, y: f64) -> f32 {
        let fraction = (y / self.y_max.max(f64::EPSILON)).clamp(0.0, 1.0);
        self.top + self.height - fraction as f32 * self.height
    }

    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// Points per unit of x.
    pub fn unit(&self) -> f32 {
        self.width / (self.x_max - self.x_min).max(f64::EPSILON) as f32
    }
}

/// Round steps for a value axis from 0 to at least `top`: about five marks of 1, 2, 2.5 or 5
/// times a power of ten. Returns the step and the axis's top (a whole number of steps).
pub fn value_steps(top: f64) -> (f64, f64) {
    let top = if top.is_finite() && top > 0.0 {
        top
    } else {
        1.0
    };
    let raw = top / 5.0;
    let power = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    (step, (top / step).ceil() * step)
}

/// The chart's frame, filled in from the top of its box down.
pub struct Frame<'a> {
    pub legend: &'a [LegendEntry],
    /// The value axis's title ("cases per FTE").
    pub y_title: &'a str,
    /// The highest value drawn: the axis goes a step above it at most.
    pub y_top: f64,
    pub money: bool,
    pub x_min: f64,
    pub x_max: f64,
}

/// The chart's box on the page.
#[derive(Clone, Copy, Debug)]
pub struct Area {
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

impl Frame<'_> {
    /// The value axis's marks: each value and its label, from 0 to the axis's top.
    fn marks(&self) -> (f64, Vec<(f64, String)>) {
        let (step, top) = value_steps(self.y_top);
        let label = |v: f64| {
            if self.money {
                text::money(v)
            } else {
                text::axis_number(v, step)
            }
        };
        let marks = (0..)
            .map(|k| f64::from(k) * step)
            .take_while(|&v| v <= top + step * 1e-9)
            .map(|v| (v, label(v)))
            .collect();
        (top, marks)
    }

    /// Where the plot starts, right of the value axis's title and numbers.
    fn plot_left(&self, fonts: &Typesetter, area: Area) -> f32 {
        let numbers = self
            .marks()
            .1
            .iter()
            .map(|(_, l)| fonts.width(l, AXIS.size))
            .fold(0.0, f32::max);
        area.left + line_height(LABEL.size) + AXIS_GAP + numbers + AXIS_GAP
    }

    /// How wide the plot will be in `area`: for fitting the labels under it.
    pub fn plot_width(&self, fonts: &Typesetter, area: Area) -> f32 {
        area.left + area.width - self.plot_left(fonts, area)
    }

    /// Draws the legend, the value axis and the grid in `area`, leaving `below` points under
    /// the plot for the x labels (and any key); returns where the data goes.
    pub fn draw(&self, page: &mut Page, fonts: &Typesetter, area: Area, below: f32) -> Plot {
        let legend_height = legend(page, fonts, self.legend, area.left, area.top, area.width);
        let (top, marks) = self.marks();
        let plot_left = self.plot_left(fonts, area);
        let plot = Plot {
            left: plot_left,
            top: area.top + legend_height + AXIS.size / 2.0,
            width: area.left + area.width - plot_left,
            height: (area.height - legend_height - AXIS.size / 2.0 - below).max(20.0),
            x_min: self.x_min,
            x_max: self.x_max,
            y_max: top,
        };
        for (v, l) in &marks {
            let y = plot.py(*v);
            let colour = if *v == 0.0 {
                Colour::MUTED
            } else {
                Colour::GRID
            };
            page.line(
                vec![(plot.left, y), (plot.left + plot.width, y)],
                0.5,
                colour,
            );
            page.text(
                fonts,
                l,
                plot.left - AXIS_GAP,
                y - line_height(AXIS.size) / 2.0,
                AXIS,
                Align::Right,
            );
        }
        page.text_upwards(
            fonts,
            self.y_title,
            area.left + LABEL.size,
            plot.top + plot.height / 2.0,
            LABEL.colour(Colour::MUTED),
        );
        plot
    }
}

/// The legend's entries in rows from (left, top) within `width`; returns its height.
fn legend(
    page: &mut Page,
    fonts: &Typesetter,
    entries: &[LegendEntry],
    left: f32,
    top: f32,
    width: f32,
) -> f32 {
    if entries.is_empty() {
        return 0.0;
    }
    let row = line_height(LABEL.size) + 2.0;
    let (mut x, mut y) = (left, top);
    for entry in entries {
        let label = fonts.fitted(&entry.label, LABEL.size, width - 20.0);
        let needed = 16.0 + fonts.width(&label, LABEL.size) + 14.0;
        if x > left && x + needed > left + width {
            x = left;
            y += row;
        }
        let middle = y + line_height(LABEL.size) / 2.0;
        match entry.swatch {
            Swatch::Fill => page.rect(x, middle - 4.0, 10.0, 8.0, entry.colour),
            Swatch::Band => page.shape(
                vec![
                    (x, middle - 4.0),
                    (x + 12.0, middle - 4.0),
                    (x + 12.0, middle + 4.0),
                    (x, middle + 4.0),
                ],
                entry.colour,
                0.3,
            ),
            Swatch::Line => page.line(vec![(x, middle), (x + 12.0, middle)], 2.0, entry.colour),
            Swatch::Dashed => page.dashed(vec![(x, middle), (x + 12.0, middle)], 1.5, entry.colour),
        }
        page.text(fonts, &label, x + 16.0, y, LABEL, Align::Left);
        x += needed;
    }
    y + row + 2.0 - top
}

/// Labels for columns named `names`, each centred in `rooms[i]` points: their names, short
/// forms of them, or numbers.
pub fn column_labels(fonts: &Typesetter, names: &[&str], rooms: &[f32]) -> AxisLabels {
    crate::text::axis_labels::axis_labels(names, |i, label| {
        fonts.width(label, LABEL.size) <= rooms[i] - 3.0
    })
}

/// The key under a chart whose columns are numbered: "1 Locality North", "2 …", in rows
/// across `width`. Returns the lines.
pub fn key_lines(fonts: &Typesetter, names: &[&str], width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (i, name) in names.iter().enumerate() {
        let entry = format!("{} {}", i + 1, fonts.fitted(name, LABEL.size, 160.0));
        let longer = if line.is_empty() {
            entry.clone()
        } else {
            format!("{line}    {entry}")
        };
        if !line.is_empty() && fonts.width(&longer, LABEL.size) > width {
            lines.push(std::mem::replace(&mut line, entry));
        } else {
            line = longer;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_axes_go_up_in_round_steps_to_just_above_the_top() {
        assert_eq!(value_steps(23.0), (5.0, 25.0));
        assert_eq!(value_steps(100.0), (20.0, 100.0));
        assert_eq!(value_steps(732.0), (200.0, 800.0));
        assert_eq!(value_steps(11.0), (2.5, 12.5));
        assert_eq!(value_steps(0.0), (0.2, 1.0));
        assert_eq!(value_steps(f64::NAN), (0.2, 1.0));
        assert_eq!(value_steps(390_000.0), (100_000.0, 400_000.0));
    }
}
