//! Tables on the page: columns as wide as their contents (text columns narrowed, and their
//! cells cut with "…", when the whole is wider than the page), numbers aligned right,
//! headings on up to two lines, rows shaded alternately, and a table longer than the page
//! continued on the next with its title ("continued") and headings repeated.

use super::canvas::{Align, Colour, Style, Weight, line_height};
use super::flow::{BOTTOM, Flow, MARGIN, NOTE, SUBHEADING, TOP, WIDTH};

/// Text in a table.
const CELL: Style = Style::new(9.0);
const HEAD: Style = Style::new(8.5).bold();
/// Room either side of a cell's text.
const PAD: f32 = 4.0;
/// A text column is never made narrower than this to fit the page.
const MIN_TEXT_COLUMN: f32 = 60.0;
/// The widest a column is made, so one long name does not take the page.
const MAX_COLUMN: f32 = 300.0;

/// How a cell reads: plain, or coloured as better or worse (a difference, a breach).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    /// Emphasised: a row's name, a total.
    Strong,
}

impl Tone {
    fn style(self) -> Style {
        match self {
            Tone::Plain => CELL,
            Tone::Good => CELL.colour(Colour(25, 125, 45)),
            Tone::Bad => CELL.colour(Colour(185, 35, 30)),
            Tone::Strong => CELL.bold(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Column {
    pub heading: String,
    /// Numbers: aligned right, never cut.
    pub numeric: bool,
    /// Sentences: wrapped onto as many lines as they take, in the room the other columns
    /// leave.
    pub wrap: bool,
}

impl Column {
    pub fn text(heading: impl Into<String>) -> Self {
        Column {
            heading: heading.into(),
            numeric: false,
            wrap: false,
        }
    }

    pub fn number(heading: impl Into<String>) -> Self {
        Column {
            numeric: true,
            ..Column::text(heading)
        }
    }

    pub fn sentences(heading: impl Into<String>) -> Self {
        Column {
            wrap: true,
            ..Column::text(heading)
        }
    }
}

/// A table to lay out: a title, its columns and rows (each as long as `columns`).
#[derive(Clone, Debug)]
pub struct Table {
    pub title: String,
    /// Whether the title is written above the table's start, or only above its continuations
    /// (when the section's heading already says it).
    pub title_first: bool,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(title: impl Into<String>, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Self {
        Table {
            title: title.into(),
            title_first: true,
            columns,
            rows,
        }
    }

    /// The table under a heading that names it: its title only on the pages it continues on.
    pub fn under_heading(self) -> Self {
        Table {
            title_first: false,
            ..self
        }
    }
}

/// A table measured: its columns' widths, headings and rows as lines, and how much of it must
/// start on the same page.
struct Laying {
    widths: Vec<f32>,
    headings: Vec<Vec<String>>,
    head_height: f32,
    rows: Vec<Row>,
    /// The whole table when it fits on a page; else its title, headings and first rows.
    start: f32,
}

/// A wrapped column is given at least this much room.
const MIN_WRAPPED_COLUMN: f32 = 160.0;

/// A row's cells as lines, and its height.
struct Row {
    lines: Vec<Vec<String>>,
    height: f32,
}

impl Flow<'_> {
    /// Lays `table` out from the cursor, across as many pages as it takes (kept on one page
    /// when it fits on one). `progress` is told the share of rows laid out and returns false
    /// to stop (then `false` is returned).
    pub fn table(&mut self, table: &Table, progress: &mut dyn FnMut(f32) -> bool) -> bool {
        let laid = self.lay_table(table);
        self.ensure(laid.start);
        let Laying {
            widths,
            headings,
            head_height,
            rows,
            ..
        } = laid;
        if table.title_first {
            self.line(&table.title, SUBHEADING);
            self.y += 2.0;
        }
        self.table_head(&table.columns, &headings, &widths, head_height);
        if table.rows.is_empty() {
            self.line("None.", NOTE);
        }
        for (i, (row, laid)) in table.rows.iter().zip(&rows).enumerate() {
            if laid.height > self.room() {
                self.new_page();
                self.line(&format!("{} (continued)", table.title), SUBHEADING);
                self.y += 2.0;
                self.table_head(&table.columns, &headings, &widths, head_height);
            }
            self.table_row(&table.columns, row, laid, &widths, i % 2 == 1);
            if i % 200 == 199 && !progress(i as f32 / table.rows.len() as f32) {
                return false;
            }
        }
        self.y += 10.0;
        true
    }

    /// How much of `table` must be on the page it starts on: all of it when it fits on a
    /// page, else its title, headings and first three rows. A heading above the table keeps
    /// this much room below it.
    pub fn table_start(&self, table: &Table) -> f32 {
        self.lay_table(table).start
    }

    fn lay_table(&self, table: &Table) -> Laying {
        let widths = self.column_widths(table);
        let headings: Vec<Vec<String>> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, &w)| self.heading_lines(&c.heading, w - 2.0 * PAD))
            .collect();
        let head_lines = headings.iter().map(Vec::len).max().unwrap_or(1) as f32;
        let head_height = head_lines * line_height(HEAD.size) + 4.0;
        let rows: Vec<Row> = table
            .rows
            .iter()
            .map(|row| self.row_lines(&table.columns, row, &widths))
            .collect();
        let title = if table.title_first {
            line_height(SUBHEADING.size) + 2.0
        } else {
            0.0
        };
        let all: f32 = rows.iter().map(|r| r.height).sum();
        let first: f32 = rows.iter().take(3).map(|r| r.height).sum();
        let start = if title + head_height + all <= BOTTOM - TOP {
            title + head_height + all
        } else {
            title + head_height + first
        };
        Laying {
            widths,
            headings,
            head_height,
            rows,
            start,
        }
    }

    /// Each column's width. Columns of words and numbers are as wide as their widest cell or
    /// heading word (headings take up to two lines), at most [`MAX_COLUMN`]; columns of
    /// sentences share the room left. A table wider than the page has its text columns
    /// narrowed in proportion; one with room to spare gives it to columns cut at the maximum.
    fn column_widths(&self, table: &Table) -> Vec<f32> {
        let fonts = self.fonts;
        let natural: Vec<f32> = table
            .columns
            .iter()
            .enumerate()
            .map(|(k, column)| {
                let cells = table
                    .rows
                    .iter()
                    .filter_map(|row| row.get(k))
                    .map(|cell| {
                        fonts.width(&cell.text, cell.tone.style().size) * bold_factor(cell.tone)
                    })
                    .fold(0.0, f32::max);
                let words = column
                    .heading
                    .split_whitespace()
                    .map(|w| fonts.width(w, HEAD.size))
                    .fold(0.0, f32::max);
                // Wide enough for the heading on two lines, but no wider than the heading.
                let heading = fonts.width(&column.heading, HEAD.size);
                let mut width = cells.max(words);
                while width < heading
                    && width < MAX_COLUMN
                    && fonts.wrapped(&column.heading, HEAD.size, width).len() > 2
                {
                    width += 4.0;
                }
                width * 1.03 + 2.0 * PAD
            })
            .collect();
        let mut widths: Vec<f32> = natural
            .iter()
            .zip(&table.columns)
            .map(|(&w, c)| if c.wrap { w } else { w.min(MAX_COLUMN) })
            .collect();
        let wrapped: f32 = sum_where(&widths, table, |c| c.wrap);
        if wrapped > 0.0 {
            let room = WIDTH - sum_where(&widths, table, |c| !c.wrap);
            if wrapped > room {
                for (w, c) in widths.iter_mut().zip(&table.columns) {
                    if c.wrap {
                        *w = (*w * room / wrapped).max(MIN_WRAPPED_COLUMN.min(*w));
                    }
                }
            }
        }
        let total: f32 = widths.iter().sum();
        if total > WIDTH {
            // Text columns narrowed in proportion; one that would go below its least width
            // keeps that, and the others share what is left, until the table fits.
            let floor = |natural: f32| MIN_TEXT_COLUMN.min(natural);
            let mut held: Vec<bool> = table.columns.iter().map(|c| c.numeric).collect();
            let start = widths.clone();
            for _ in 0..table.columns.len() {
                let fixed: f32 = widths
                    .iter()
                    .zip(&held)
                    .filter(|(_, h)| **h)
                    .map(|(w, _)| w)
                    .sum();
                let flexible: f32 = start
                    .iter()
                    .zip(&held)
                    .filter(|(_, h)| !**h)
                    .map(|(w, _)| w)
                    .sum();
                if flexible <= 0.0 {
                    break;
                }
                let scale = ((WIDTH - fixed) / flexible).max(0.0);
                let mut floored = false;
                for k in 0..widths.len() {
                    if held[k] {
                        continue;
                    }
                    widths[k] = start[k] * scale;
                    if widths[k] < floor(start[k]) {
                        widths[k] = floor(start[k]);
                        held[k] = true;
                        floored = true;
                    }
                }
                if !floored {
                    break;
                }
            }
        } else {
            let mut spare = WIDTH - total;
            for (w, &n) in widths.iter_mut().zip(&natural) {
                let more = (n - *w).clamp(0.0, spare);
                *w += more;
                spare -= more;
            }
        }
        widths
    }

    /// A heading's words on at most two lines within `width`.
    fn heading_lines(&self, heading: &str, width: f32) -> Vec<String> {
        let mut lines = self.fonts.wrapped(heading, HEAD.size, width);
        if lines.len() > 2 {
            let rest = lines[1..].join(" ");
            lines.truncate(1);
            lines.push(self.fonts.fitted(&rest, HEAD.size, width));
        }
        lines
    }

    /// Each cell of `row` as the lines it is written on: sentences wrapped, anything else on
    /// one line, cut with "…" if it must be.
    fn row_lines(&self, columns: &[Column], row: &[Cell], widths: &[f32]) -> Row {
        let fonts = self.fonts;
        let lines: Vec<Vec<String>> = columns
            .iter()
            .zip(row)
            .zip(widths)
            .map(|((column, cell), &w)| {
                let size = cell.tone.style().size;
                let room = (w - 2.0 * PAD) / bold_factor(cell.tone);
                if column.wrap {
                    fonts.wrapped(&cell.text, size, room)
                } else {
                    vec![fonts.fitted(&cell.text, size, room)]
                }
            })
            .collect();
        let most = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Row {
            height: most as f32 * line_height(CELL.size) + 3.0,
            lines,
        }
    }

    fn table_head(
        &mut self,
        columns: &[Column],
        headings: &[Vec<String>],
        widths: &[f32],
        height: f32,
    ) {
        let fonts = self.fonts;
        let top = self.y;
        let total: f32 = widths.iter().sum();
        let page = self.page();
        page.rect(MARGIN, top, total, height, Colour::HEADING_SHADE);
        let mut x = MARGIN;
        for ((column, lines), &w) in columns.iter().zip(headings).zip(widths) {
            // Headings sit at the bottom of the heading row, over their column's values.
            let mut y = top + height - 2.0 - lines.len() as f32 * line_height(HEAD.size);
            for line in lines {
                let (at, align) = if column.numeric {
                    (x + w - PAD, Align::Right)
                } else {
                    (x + PAD, Align::Left)
                };
                page.text(fonts, line, at, y, HEAD, align);
                y += line_height(HEAD.size);
            }
            x += w;
        }
        self.y += height;
    }

    fn table_row(
        &mut self,
        columns: &[Column],
        row: &[Cell],
        laid: &Row,
        widths: &[f32],
        shaded: bool,
    ) {
        let fonts = self.fonts;
        let top = self.y;
        let total: f32 = widths.iter().sum();
        let page = self.page();
        if shaded {
            page.rect(MARGIN, top, total, laid.height, Colour::SHADE);
        }
        let mut x = MARGIN;
        for (((column, cell), lines), &w) in columns.iter().zip(row).zip(&laid.lines).zip(widths) {
            let style = cell.tone.style();
            let (at, align) = if column.numeric {
                (x + w - PAD, Align::Right)
            } else {
                (x + PAD, Align::Left)
            };
            let mut y = top + 1.5;
            for line in lines {
                page.text(fonts, line, at, y, style, align);
                y += line_height(CELL.size);
            }
            x += w;
        }
        self.y += laid.height;
    }
}

/// The widths of the columns `which` picks, added up.
fn sum_where(widths: &[f32], table: &Table, which: impl Fn(&Column) -> bool) -> f32 {
    widths
        .iter()
        .zip(&table.columns)
        .filter(|(_, c)| which(c))
        .map(|(w, _)| w)
        .sum()
}

/// Bold text is drawn outlined as well as filled, which widens it a little.
fn bold_factor(tone: Tone) -> f32 {
    if tone.style().weight == Weight::Bold {
        1.04
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::super::canvas::Op;
    use super::super::flow::PAGE_WIDTH;
    use super::super::fonts::Typesetter;
    use super::*;

    fn table(rows: usize) -> Table {
        Table::new(
            "Posts",
            vec![
                Column::text("Worker"),
                Column::text("Team"),
                Column::number("Cases held"),
            ],
            (0..rows)
                .map(|i| {
                    vec![
                        Cell::plain(format!("Worker {i}")),
                        Cell::plain("Locality North and the Valleys ".repeat(i % 3 + 1)),
                        Cell::plain(i.to_string()),
                    ]
                })
                .collect(),
        )
    }

    #[test]
    fn a_long_table_continues_on_new_pages_with_its_headings_repeated() {
        let fonts = Typesetter::new().unwrap();
        let mut flow = Flow::new(&fonts);
        assert!(flow.table(&table(200), &mut |_| true));
        let pages = flow.finish("footer").pages;
        assert!(pages.len() >= 6, "{}", pages.len());
        let mut rows_seen = 0;
        for (n, page) in pages.iter().enumerate() {
            let texts = page.texts();
            let title = if n == 0 { "Posts" } else { "Posts (continued)" };
            assert_eq!(texts[0], title);
            // "Cases held" goes on two lines over its narrow column.
            assert!(texts.contains(&"Worker") && texts.contains(&"Cases"));
            rows_seen += texts.iter().filter(|t| t.starts_with("Worker ")).count();
            for op in &page.ops {
                if let Op::Text {
                    x, y, shaped, size, ..
                } = op
                {
                    assert!(*x + shaped.width(*size) <= PAGE_WIDTH - MARGIN + 0.5);
                    if !shaped.text.starts_with("Page ") && shaped.text != "footer" {
                        assert!(*y <= BOTTOM, "{} at {y}", shaped.text);
                    }
                }
            }
        }
        assert_eq!(rows_seen, 200, "every row once");
    }

    #[test]
    fn a_wide_table_is_narrowed_to_the_page_and_numbers_keep_their_width() {
        let fonts = Typesetter::new().unwrap();
        let flow = Flow::new(&fonts);
        let mut wide = table(5);
        for k in 0..8 {
            wide.columns
                .push(Column::text(format!("Long heading number {k}")));
            for row in &mut wide.rows {
                row.push(Cell::plain("a fairly long piece of text in a cell"));
            }
        }
        let widths = flow.column_widths(&wide);
        assert!(widths.iter().sum::<f32>() <= WIDTH + 0.5, "{widths:?}");
        let number = fonts.width("Cases held", HEAD.size) / 2.0;
        assert!(widths[2] >= number, "{widths:?}");
    }

    #[test]
    fn stopping_is_heard_within_a_long_table() {
        let fonts = Typesetter::new().unwrap();
        let mut flow = Flow::new(&fonts);
        let mut asked = 0;
        assert!(!flow.table(&table(1_000), &mut |_| {
            asked += 1;
            false
        }));
        assert_eq!(asked, 1);
    }
}
