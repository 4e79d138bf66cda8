//! The report's pages as they fill: A4 landscape, margins, a cursor going down the page, and a
//! new page when what comes next does not fit. Headings are never left alone at the foot of a
//! page; every page but the title page gets a footer with the plan's name, the date and "page
//! n of m" once the number of pages is known.

use super::canvas::{Align, Colour, Page, Style, line_height};
use super::fonts::Typesetter;

/// A4 landscape, in points.
pub const PAGE_WIDTH: f32 = 841.89;
pub const PAGE_HEIGHT: f32 = 595.28;
pub const MARGIN: f32 = 42.0;
/// Where content starts and must end on a page (the footer sits below `BOTTOM`).
pub const TOP: f32 = 40.0;
pub const BOTTOM: f32 = PAGE_HEIGHT - 44.0;
/// The width content may use.
pub const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

pub const BODY: Style = Style::new(10.0);
pub const NOTE: Style = Style::new(8.5).colour(Colour::MUTED);
pub const HEADING: Style = Style::new(17.0).bold();
pub const SUBHEADING: Style = Style::new(12.0).bold();

/// A section's heading, for the PDF's outline (bookmarks): its title, page and height.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out report: its pages and the sections' bookmarks.
pub struct Laid {
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
}

/// Pages being filled, and where the next thing goes.
pub struct Flow<'f> {
    pub fonts: &'f Typesetter,
    pages: Vec<Page>,
    bookmarks: Vec<Bookmark>,
    /// Where the contents go on the first page, once the sections' pages are known.
    contents: Option<f32>,
    /// The top of the next thing on the current page.
    pub y: f32,
}

impl<'f> Flow<'f> {
    /// A flow with one empty page.
    pub fn new(fonts: &'f Typesetter) -> Self {
        Flow {
            fonts,
            pages: vec![Page::default()],
            bookmarks: Vec::new(),
            contents: None,
            y: TOP,
        }
    }

    pub fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    #[cfg(test)]
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Starts a new page, unless the current one is still empty.
    pub fn new_page(&mut self) {
        if self.page().ops.is_empty() {
            self.y = TOP;
            return;
        }
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Room left on the page below the cursor.
    pub fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Makes sure `height` fits below the cursor, starting a new page if it does not.
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y > TOP {
            self.new_page();
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// A section's heading, kept with at least `then` points of what follows.
    pub fn heading(&mut self, text: &str, then: f32) {
        self.ensure(line_height(HEADING.size) + 8.0 + then);
        self.bookmark(text);
        let fonts = self.fonts;
        let y = self.y;
        self.page()
            .text(fonts, text, MARGIN, y, HEADING, Align::Left);
        self.y += line_height(HEADING.size) + 2.0;
        let y = self.y;
        self.page()
            .line(vec![(MARGIN, y), (MARGIN + WIDTH, y)], 0.6, Colour::RULE);
        self.y += 8.0;
    }

    /// Marks where the cursor is as the start of `title`, for the PDF's outline.
    pub fn bookmark(&mut self, title: &str) {
        self.bookmarks.push(Bookmark {
            title: title.to_owned(),
            page: self.pages.len() - 1,
            y: self.y,
        });
    }

    /// Marks the cursor as where the contents go: each section's title and page, written
    /// when the report is finished.
    pub fn contents_here(&mut self) {
        self.contents = Some(self.y);
    }

    /// A heading within a section, kept with at least `then` points of what follows.
    pub fn subheading(&mut self, text: &str, then: f32) {
        self.ensure(line_height(SUBHEADING.size) + then);
        self.line(text, SUBHEADING);
        self.y += 2.0;
    }

    /// One line of text at the left margin (cut with "…" if too long).
    pub fn line(&mut self, text: &str, style: Style) {
        self.line_at(text, MARGIN, WIDTH, style);
    }

    /// One line of text starting at `x`, at most `width` wide.
    pub fn line_at(&mut self, text: &str, x: f32, width: f32, style: Style) {
        let height = line_height(style.size);
        self.ensure(height);
        let fonts = self.fonts;
        let fitted = fonts.fitted(text, style.size, width);
        let y = self.y;
        self.page().text(fonts, &fitted, x, y, style, Align::Left);
        self.y += height;
    }

    /// Text wrapped to the page's width, continuing on the next page if need be.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.paragraph_at(text, MARGIN, WIDTH, style);
    }

    /// Text wrapped to `width` from `x`.
    pub fn paragraph_at(&mut self, text: &str, x: f32, width: f32, style: Style) {
        for line in self.fonts.wrapped(text, style.size, width) {
            self.line_at(&line, x, width, style);
        }
    }

    /// The pages, each but the first with its footer: `left` on the left, "Page n of m" on
    /// the right.
    pub fn finish(mut self, left: &str) -> Laid {
        let total = self.pages.len();
        let fonts = self.fonts;
        if let Some(mut y) = self.contents {
            for mark in self.bookmarks.iter().filter(|m| m.page > 0) {
                if y + line_height(BODY.size) > BOTTOM {
                    break;
                }
                let page = &mut self.pages[0];
                let title = fonts.fitted(&mark.title, BODY.size, 380.0);
                page.text(fonts, &title, MARGIN, y, BODY, Align::Left);
                let number = (mark.page + 1).to_string();
                page.text(fonts, &number, MARGIN + 420.0, y, BODY, Align::Right);
                y += line_height(BODY.size);
            }
        }
        let footer_top = PAGE_HEIGHT - 30.0;
        for (n, page) in self.pages.iter_mut().enumerate().skip(1) {
            page.line(
                vec![
                    (MARGIN, footer_top - 4.0),
                    (MARGIN + WIDTH, footer_top - 4.0),
                ],
                0.4,
                Colour::RULE,
            );
            let number = format!("Page {} of {}", n + 1, total);
            let number_width = fonts.width(&number, NOTE.size);
            let left = fonts.fitted(left, NOTE.size, WIDTH - number_width - 24.0);
            page.text(fonts, &left, MARGIN, footer_top, NOTE, Align::Left);
            page.text(
                fonts,
                &number,
                MARGIN + WIDTH,
                footer_top,
                NOTE,
                Align::Right,
            );
        }
        Laid {
            pages: self.pages,
            bookmarks: self.bookmarks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_does_not_fit_goes_on_a_new_page_and_every_page_has_a_footer() {
        let fonts = Typesetter::new().unwrap();
        let mut flow = Flow::new(&fonts);
        flow.line("Title page", BODY);
        flow.new_page();
        flow.heading("Alerts", 20.0);
        let long = "word ".repeat(4000);
        flow.paragraph(&long, BODY);
        assert!(flow.page_count() > 3);
        let laid = flow.finish("Stretched locality · 27 November 2026");
        assert_eq!(laid.bookmarks[0].title, "Alerts");
        assert_eq!(laid.bookmarks[0].page, 1);
        let pages = laid.pages;
        assert_eq!(pages[0].texts(), ["Title page"]);
        let total = pages.len();
        for (n, page) in pages.iter().enumerate().skip(1) {
            let texts = page.texts();
            assert!(texts.contains(&format!("Page {} of {total}", n + 1).as_str()));
            // Nothing written below the content's bottom but the footer.
            for op in &page.ops {
                if let super::super::canvas::Op::Text { y, shaped, .. } = op
                    && !shaped.text.starts_with("Page ")
                    && !shaped.text.starts_with("Stretched")
                {
                    assert!(*y <= BOTTOM, "{} at {y}", shaped.text);
                }
            }
        }
    }

    #[test]
    fn a_heading_is_never_left_alone_at_the_foot_of_a_page() {
        let fonts = Typesetter::new().unwrap();
        let mut flow = Flow::new(&fonts);
        flow.y = BOTTOM - 40.0;
        flow.line("something", BODY);
        flow.heading("Comparison", 100.0);
        assert_eq!(flow.page_count(), 2);
        assert!(flow.y < TOP + 40.0);
    }
}
