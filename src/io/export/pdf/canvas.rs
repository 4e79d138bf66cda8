//! What a page shows, as a list of drawing operations in points from the page's top left
//! corner (y downwards): text, filled rectangles and shapes, lines. The report is laid out into
//! these first and drawn into the PDF afterwards (`render.rs`), so every page knows how many
//! pages there are ("page 3 of 12") and the layout can be tested without a PDF.

use super::fonts::{Shaped, Typesetter};
use std::rc::Rc;

/// A colour, as the window's theme gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub const WHITE: Colour = Colour(255, 255, 255);
    pub const TEXT: Colour = Colour(33, 33, 33);
    pub const MUTED: Colour = Colour(100, 100, 100);
    pub const RULE: Colour = Colour(200, 200, 200);
    pub const GRID: Colour = Colour(225, 225, 225);
    pub const SHADE: Colour = Colour(242, 242, 242);
    pub const HEADING_SHADE: Colour = Colour(228, 232, 240);
}

/// Regular or bold text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Where text sits on its x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// One drawing operation.
#[derive(Clone, Debug)]
pub enum Op {
    /// Text whose baseline starts at (x, y); turned a quarter to the left (reading upwards)
    /// when `upright` is false.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Colour,
        shaped: Rc<Shaped>,
        upright: bool,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Colour,
    },
    /// A closed shape filled with a see-through colour (a band of percentiles).
    Shape {
        points: Vec<(f32, f32)>,
        fill: Colour,
        opacity: f32,
    },
    /// A line through `points`; dashed when `dash` is set (dash and gap lengths).
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: Colour,
        dash: Option<(f32, f32)>,
    },
}

/// Where a line of text of `size` has its baseline, below the top of its line.
pub fn baseline(size: f32) -> f32 {
    size * 0.95
}

/// The height of a line of text of `size`.
pub fn line_height(size: f32) -> f32 {
    size * 1.3
}

/// One page's operations.
#[derive(Debug, Default)]
pub struct Page {
    pub ops: Vec<Op>,
}

/// A style of text: size, weight and colour.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub colour: Colour,
}

impl Style {
    pub const fn new(size: f32) -> Self {
        Style {
            size,
            weight: Weight::Regular,
            colour: Colour::TEXT,
        }
    }

    pub const fn bold(self) -> Self {
        Style {
            weight: Weight::Bold,
            ..self
        }
    }

    pub const fn colour(self, colour: Colour) -> Self {
        Style { colour, ..self }
    }
}

impl Page {
    /// Writes `text` in a line whose top is `top`, aligned on `x`; returns its width.
    pub fn text(
        &mut self,
        fonts: &Typesetter,
        text: &str,
        x: f32,
        top: f32,
        style: Style,
        align: Align,
    ) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let shaped = fonts.shape(text);
        let width = shaped.width(style.size);
        let x = match align {
            Align::Left => x,
            Align::Centre => x - width / 2.0,
            Align::Right => x - width,
        };
        self.ops.push(Op::Text {
            x,
            y: top + baseline(style.size),
            size: style.size,
            weight: style.weight,
            colour: style.colour,
            shaped,
            upright: true,
        });
        width
    }

    /// Writes `text` reading upwards, centred on (x, y_centre), its baseline's left at x.
    pub fn text_upwards(
        &mut self,
        fonts: &Typesetter,
        text: &str,
        x: f32,
        y_centre: f32,
        style: Style,
    ) {
        let shaped = fonts.shape(text);
        let width = shaped.width(style.size);
        self.ops.push(Op::Text {
            x,
            y: y_centre + width / 2.0,
            size: style.size,
            weight: style.weight,
            colour: style.colour,
            shaped,
            upright: false,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Colour) {
        if w > 0.0 && h > 0.0 {
            self.ops.push(Op::Rect { x, y, w, h, fill });
        }
    }

    pub fn line(&mut self, points: Vec<(f32, f32)>, width: f32, colour: Colour) {
        self.ops.push(Op::Line {
            points,
            width,
            colour,
            dash: None,
        });
    }

    pub fn dashed(&mut self, points: Vec<(f32, f32)>, width: f32, colour: Colour) {
        self.ops.push(Op::Line {
            points,
            width,
            colour,
            dash: Some((4.0, 3.0)),
        });
    }

    pub fn shape(&mut self, points: Vec<(f32, f32)>, fill: Colour, opacity: f32) {
        self.ops.push(Op::Shape {
            points,
            fill,
            opacity,
        });
    }

    /// Every string written on the page, in order: for tests.
    #[cfg(test)]
    pub fn texts(&self) -> Vec<&str> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text { shaped, .. } => Some(shaped.text.as_str()),
                _ => None,
            })
            .collect()
    }
}
