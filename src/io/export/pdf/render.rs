//! Laid-out pages drawn into a PDF with krilla: text as text (the font embedded and
//! subsetted, with a ToUnicode map, so it can be searched, copied and read back), charts as
//! vector paths.

use super::canvas::{Colour, Op, Weight};
use super::flow::{Laid, PAGE_HEIGHT, PAGE_WIDTH};
use super::fonts::FONT;
use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::Font;

/// How much wider a bold stroke makes text: the outline's width, in ems.
const BOLD_STROKE: f32 = 0.035;

/// The PDF of `pages`, titled `title`. `progress` hears the share of pages drawn and returns
/// false to stop (then `Ok(None)`).
pub fn render(
    laid: &Laid,
    title: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Option<Vec<u8>>, String> {
    let pages = &laid.pages;
    let font = Font::new(FONT.into(), 0).ok_or("the report's font could not be read")?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Caseload Planner".to_owned())
            .language("en-GB".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("bad page size")?;
    for (n, page) in pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            draw(&mut surface, op, &font);
        }
        surface.finish();
        pdf_page.finish();
        if n % 10 == 9 && !progress((n + 1) as f32 / pages.len() as f32) {
            return Ok(None);
        }
    }
    let mut outline = Outline::new();
    for mark in &laid.bookmarks {
        let at = XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y));
        outline.push_child(OutlineNode::new(mark.title.clone(), at));
    }
    document.set_outline(outline);
    document
        .finish()
        .map(Some)
        .map_err(|e| format!("the PDF could not be put together ({e:?})"))
}

fn colour(c: Colour) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Colour, opacity: f32) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }
}

fn stroke(c: Colour, width: f32, dash: Option<(f32, f32)>) -> Stroke {
    Stroke {
        paint: colour(c).into(),
        width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        dash: dash.map(|(on, off)| StrokeDash {
            array: vec![on, off],
            offset: 0.0,
        }),
        ..Default::default()
    }
}

fn path(points: &[(f32, f32)], close: bool) -> Option<krilla::geom::Path> {
    let (&(x0, y0), rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(x0, y0);
    for &(x, y) in rest {
        builder.line_to(x, y);
    }
    if close {
        builder.close();
    }
    builder.finish()
}

fn draw(surface: &mut Surface<'_>, op: &Op, font: &Font) {
    match op {
        Op::Text {
            x,
            y,
            size,
            weight,
            colour: c,
            shaped,
            upright,
        } => {
            surface.set_fill(Some(fill(*c, 1.0)));
            surface.set_stroke(match weight {
                Weight::Regular => None,
                Weight::Bold => Some(stroke(*c, BOLD_STROKE * size, None)),
            });
            let start = if *upright {
                Point::from_xy(*x, *y)
            } else {
                surface.push_transform(&Transform::from_rotate_at(-90.0, *x, *y));
                Point::from_xy(*x, *y)
            };
            surface.draw_glyphs(
                start,
                &shaped.glyphs,
                font.clone(),
                &shaped.text,
                *size,
                false,
            );
            if !upright {
                surface.pop();
            }
            surface.set_stroke(None);
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            fill: c,
        } => {
            let corners = [(*x, *y), (x + w, *y), (x + w, y + h), (*x, y + h)];
            if let Some(p) = path(&corners, true) {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*c, 1.0)));
                surface.draw_path(&p);
            }
        }
        Op::Shape {
            points,
            fill: c,
            opacity,
        } => {
            if let Some(p) = path(points, true) {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*c, *opacity)));
                surface.draw_path(&p);
            }
        }
        Op::Line {
            points,
            width,
            colour: c,
            dash,
        } => {
            if let Some(p) = path(points, false) {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*c, *width, *dash)));
                surface.draw_path(&p);
                surface.set_stroke(None);
            }
        }
    }
}
