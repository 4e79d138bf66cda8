//! The report's typeface and how wide its text is. One font, the window's own (Ubuntu Light,
//! from egui's font crate: it covers £, –, …, é and ö), embedded and subsetted by krilla; bold
//! is the same glyphs filled and outlined (see `render.rs`), so every word stays text a reader
//! can search and copy.
//!
//! Text is shaped once with rustybuzz, the shaper krilla itself uses, and the glyphs measured
//! for the layout are the glyphs drawn: a line judged to fit does fit. Shaped strings are kept
//! by their text, since a report repeats the same grades, teams and headings many times.

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Face, ShapePlan, UnicodeBuffer, script};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The font's bytes: the window's font, so the report reads like the app.
pub const FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// A string shaped in the font: its glyphs (advances in ems) and its width in ems.
#[derive(Debug)]
pub struct Shaped {
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// Width at a size of 1 pt.
    pub em_width: f32,
}

impl Shaped {
    /// The width at `size` pt.
    pub fn width(&self, size: f32) -> f32 {
        self.em_width * size
    }
}

/// Shapes and measures text, keeping what it has shaped.
pub struct Typesetter {
    face: Face<'static>,
    plan: ShapePlan,
    shaped: RefCell<HashMap<String, Rc<Shaped>>>,
}

/// Strings longer than this are shaped each time rather than kept: long paragraphs are not
/// repeated, and the cache stays small.
const KEPT_UP_TO: usize = 80;

impl Typesetter {
    pub fn new() -> Result<Self, String> {
        let face = Face::from_slice(FONT, 0).ok_or("the report's font could not be read")?;
        let plan = ShapePlan::new(
            &face,
            Direction::LeftToRight,
            Some(script::LATIN),
            None,
            &[],
        );
        Ok(Self {
            face,
            plan,
            shaped: RefCell::new(HashMap::new()),
        })
    }

    /// `text` shaped, from the cache when it has been shaped before.
    pub fn shape(&self, text: &str) -> Rc<Shaped> {
        if let Some(found) = self.shaped.borrow().get(text) {
            return Rc::clone(found);
        }
        let shaped = Rc::new(self.shape_now(text));
        if text.len() <= KEPT_UP_TO {
            self.shaped
                .borrow_mut()
                .insert(text.to_owned(), Rc::clone(&shaped));
        }
        shaped
    }

    fn shape_now(&self, text: &str) -> Shaped {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        // Set, not guessed: the plan is for left-to-right Latin text, and a string of digits
        // would otherwise be guessed to be of no script.
        buffer.set_direction(Direction::LeftToRight);
        buffer.set_script(script::LATIN);
        let output = rustybuzz::shape_with_plan(&self.face, &self.plan, buffer);
        let per_em = self.face.units_per_em() as f32;
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        let mut em_width = 0.0;
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            // A cluster ends where the next cluster starts (left to right).
            let end = infos[i + 1..]
                .iter()
                .map(|next| next.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(text.len());
            let advance = pos.x_advance as f32 / per_em;
            em_width += advance;
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance,
                pos.x_offset as f32 / per_em,
                pos.y_offset as f32 / per_em,
                pos.y_advance as f32 / per_em,
                start..end,
                None,
            ));
        }
        Shaped {
            text: text.to_owned(),
            glyphs,
            em_width,
        }
    }

    /// The width of `text` at `size` pt.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.shape(text).width(size)
    }

    /// `text` as it fits in `width` at `size`: whole, or cut with "…" (at least one character
    /// kept, so a cell is never blank when it has something to say).
    pub fn fitted(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        // The longest prefix that fits with its ellipsis, by halving.
        let (mut low, mut high) = (1, chars.len());
        while low < high {
            let mid = (low + high).div_ceil(2);
            let candidate: String = chars[..mid].iter().collect::<String>() + "…";
            if self.width(&candidate, size) <= width {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        let kept: String = chars[..low].iter().collect();
        format!("{}…", kept.trim_end())
    }

    /// `text` broken into lines no wider than `width` at `size`, at spaces (a word wider than
    /// the line is cut with "…"). Line breaks in the text are kept.
    pub fn wrapped(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let space = self.width(" ", size);
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            let mut line_width = 0.0;
            for word in paragraph.split_whitespace() {
                let word_width = self.width(word, size);
                if !line.is_empty() && line_width + space + word_width > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                if !line.is_empty() {
                    line.push(' ');
                    line_width += space;
                }
                if word_width > width {
                    let cut = self.fitted(word, size, width);
                    line_width += self.width(&cut, size);
                    line.push_str(&cut);
                } else {
                    line.push_str(word);
                    line_width += word_width;
                }
            }
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_every_character_the_report_writes() {
        let t = Typesetter::new().unwrap();
        for text in [
            "£1,372,800",
            "Apr 2026 – Mar 2027",
            "Loc. No…",
            "Zoë Brontë, José",
        ] {
            let shaped = t.shape(text);
            assert!(
                shaped.glyphs.iter().all(|g| g.glyph_id.to_u32() != 0),
                "a character of {text:?} is missing from the font"
            );
        }
    }

    #[test]
    fn widths_add_up_and_long_text_is_cut_or_wrapped_to_fit() {
        let t = Typesetter::new().unwrap();
        let one = t.width("Locality", 10.0);
        assert!(one > 20.0 && one < 60.0, "{one}");
        assert!((t.width("Locality", 20.0) - 2.0 * one).abs() < 1e-3);
        assert_eq!(t.fitted("Locality", 10.0, 100.0), "Locality");
        let cut = t.fitted("Locality North and the Valleys", 10.0, 60.0);
        assert!(cut.ends_with('…') && t.width(&cut, 10.0) <= 60.0, "{cut}");
        let lines = t.wrapped("one two three four five six seven", 10.0, 50.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| t.width(l, 10.0) <= 50.0), "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six seven");
        assert_eq!(t.wrapped("a\n\nb", 10.0, 50.0), ["a", "", "b"]);
    }
}
