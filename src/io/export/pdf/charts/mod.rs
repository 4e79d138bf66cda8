//! The report's charts, drawn as vector shapes: the Overview's three team charts
//! (`teams.rs`) and the Projection's three month-by-month charts (`months.rs`), with the
//! window's colours, legends and labels (`frame.rs`).

pub mod frame;
pub mod months;
pub mod teams;

use super::canvas::{Align, Colour, Page, line_height};
use super::fonts::Typesetter;
use crate::model::{AgencyCover, Band, ContractKind};
use crate::text::axis_labels::AxisLabels;
use frame::{LABEL, Plot, column_labels, key_lines};

/// The window's colours (`ui::theme`), so a chart in the report reads like the one on screen.
pub mod palette {
    use super::*;

    pub fn band(band: Option<Band>) -> Colour {
        match band {
            Some(Band::Green) => Colour(46, 160, 67),
            Some(Band::Amber) => Colour(230, 160, 20),
            Some(Band::Red) => Colour(210, 50, 45),
            None => Colour(140, 140, 140),
        }
    }

    pub fn contract(kind: ContractKind) -> Colour {
        match kind {
            ContractKind::Permanent => Colour(50, 110, 190),
            ContractKind::Agency => Colour(200, 90, 160),
            ContractKind::FixedTerm => Colour(20, 160, 170),
        }
    }

    pub fn agency_cover(cover: AgencyCover) -> Colour {
        match cover {
            AgencyCover::Vacancy => contract(ContractKind::Agency),
            AgencyCover::Absence => Colour(230, 160, 205),
            AgencyCover::OverEstablishment => Colour(130, 40, 100),
        }
    }

    pub const VACANT: Colour = Colour(170, 170, 170);
    pub const ABSENT: Colour = Colour(240, 190, 90);
    pub const CAPACITY: Colour = Colour(50, 110, 190);
    pub const DEMAND: Colour = Colour(120, 120, 150);
    pub const UNALLOCATED: Colour = Colour(230, 160, 20);
    pub const MUST_ALLOCATE: Colour = Colour(210, 50, 45);
    pub const ALERT: Colour = Colour(210, 50, 45);
    pub const WARNING: Colour = Colour(200, 130, 0);
    /// The 10th–90th percentile bands: the capacity blue, see-through.
    pub const BAND: Colour = Colour(90, 150, 230);
    pub const BAND_OPACITY: f32 = 0.27;

    /// `colour` mixed halfway with white: a box's fill under its outline.
    pub fn light(colour: Colour) -> Colour {
        let mix = |c: u8| ((u16::from(c) + 255) / 2) as u8;
        Colour(mix(colour.0), mix(colour.1), mix(colour.2))
    }
}

/// A column of a chart: where it is, how much room it has (in units of x) and what it is.
#[derive(Clone, Debug)]
pub struct Column {
    pub centre: f64,
    pub room: f64,
    pub name: String,
}

/// The labels under a chart's columns, and the key when they are numbered.
pub struct CategoryAxis {
    labels: AxisLabels,
    key: Vec<String>,
}

impl CategoryAxis {
    /// Labels for `columns` on a plot `width` points wide spanning `span` units of x.
    pub fn new(fonts: &Typesetter, columns: &[Column], width: f32, span: f64) -> Self {
        let unit = width / span.max(f64::EPSILON) as f32;
        let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
        let rooms: Vec<f32> = columns.iter().map(|c| c.room as f32 * unit).collect();
        let labels = column_labels(fonts, &names, &rooms);
        let key = if labels.is_numbered() {
            key_lines(fonts, &names, width)
        } else {
            Vec::new()
        };
        CategoryAxis { labels, key }
    }

    /// The height the labels and key take under the plot.
    pub fn height(&self) -> f32 {
        let row = line_height(LABEL.size);
        row + 4.0
            + if self.key.is_empty() {
                0.0
            } else {
                4.0 + row * self.key.len() as f32
            }
    }

    pub fn draw(&self, page: &mut Page, fonts: &Typesetter, plot: &Plot, columns: &[Column]) {
        let top = plot.bottom() + 3.0;
        for (column, label) in columns.iter().zip(self.labels.shown()) {
            page.text(
                fonts,
                &label,
                plot.px(column.centre),
                top,
                LABEL,
                Align::Centre,
            );
        }
        let mut y = top + line_height(LABEL.size) + 4.0;
        for line in &self.key {
            page.text(
                fonts,
                line,
                plot.left,
                y,
                LABEL.colour(Colour::MUTED),
                Align::Left,
            );
            y += line_height(LABEL.size);
        }
    }
}

/// A bar from `base` up to `base + value` at x, `width` units wide.
pub fn bar(
    page: &mut Page,
    plot: &Plot,
    x: f64,
    width: f64,
    base: f64,
    value: f64,
    colour: Colour,
) {
    if value <= 0.0 {
        return;
    }
    let left = plot.px(x - width / 2.0);
    let right = plot.px(x + width / 2.0);
    let top = plot.py(base + value);
    let bottom = plot.py(base);
    page.rect(left, top, right - left, bottom - top, colour);
}
