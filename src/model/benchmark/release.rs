//! A release: every area's published figures, year by year, and the councils' statistical
//! neighbours; looked up by code or name.
//!
//! An area is known by its codes, not its name: a council keeps its old (DfE) code over the
//! years while its ONS code may change (Barnsley was `E08000016`, is `E08000038`), so a
//! council's series is every year it has a row under that old code, and any of its codes
//! finds it. Councils that merged or split are other areas: Cumbria (`909`) has figures up to
//! 2022, Cumberland (`942`) and Westmorland and Furness (`943`) from 2023. Two councils
//! published together (`940 / 941`, North and West Northamptonshire) are one area, also found
//! by either code alone.

use super::{Area, Level, Published};
use std::collections::{BTreeMap, HashMap};

/// The earliest and latest years a release may hold: the DfE series starts in 2017; a year
/// far outside this range is a mistake in the file (and would make every series huge).
pub const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

/// London's region code. The release places London's councils in Inner London (`E13000001`)
/// or Outer London (`E13000002`); their region is London.
const LONDON: (&str, &str) = ("E12000007", "London");

/// How many statistical neighbours a council has.
pub const NEIGHBOURS: usize = 10;

/// One row of the release, as read from the file.
#[derive(Clone, Debug, PartialEq)]
pub struct ReleaseRow {
    pub year: u16,
    pub level: Level,
    /// The ONS code: England's, the region's or the council's.
    pub code: String,
    /// A council's old code.
    pub old_la_code: Option<String>,
    pub name: String,
    /// A council's region code and name, as published (Inner or Outer London for London).
    pub region_code: Option<String>,
    pub region_name: Option<String>,
    pub figures: Published,
}

/// Why rows cannot make a release. `row` is the index in the rows given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReleaseProblem {
    /// There are no rows at all.
    NoRows,
    /// A year outside [`YEARS`].
    Year { row: usize, year: u16 },
    /// A row with no code to know its area by.
    NoCode { row: usize },
    /// Two rows for the same area and year.
    Twice {
        row: usize,
        first: usize,
        name: String,
        year: u16,
    },
    /// No England row in the latest year: without it nothing can be compared.
    NoEngland { year: u16 },
}

/// The published figures of every area, every year, and the councils' statistical neighbours.
#[derive(Clone, Debug)]
pub struct Release {
    areas: Vec<Area>,
    /// Per area (same index as `areas`): its figures by year.
    figures: Vec<BTreeMap<u16, Published>>,
    /// Every code an area has had (and each part of a joint council's codes), written as
    /// [`code_key`] writes it.
    codes: HashMap<String, usize>,
    /// Councils with figures in the latest year, by name.
    current_councils: Vec<usize>,
    /// Old code → the old codes of its statistical neighbours, closest first.
    neighbours: HashMap<String, Vec<String>>,
    first_year: u16,
    latest_year: u16,
    england: usize,
}

/// A code as looked up: no spaces, upper case (`940 / 941` and `940/941` are the same code,
/// `e09000002` is `E09000002`).
fn code_key(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The parts of a joint code (`940 / 941` → `940`, `941`); a plain code is its only part.
fn code_parts(code: &str) -> impl Iterator<Item = String> + '_ {
    code.split('/').map(code_key).filter(|p| !p.is_empty())
}

impl Release {
    /// A release from its rows (in any order) and each council's statistical neighbours (old
    /// code → the old codes of its neighbours, closest first). An area's names and codes are
    /// taken from its latest row.
    pub fn from_rows(
        rows: Vec<ReleaseRow>,
        neighbours: HashMap<String, Vec<String>>,
    ) -> Result<Release, ReleaseProblem> {
        if rows.is_empty() {
            return Err(ReleaseProblem::NoRows);
        }
        for (row, r) in rows.iter().enumerate() {
            if !YEARS.contains(&r.year) {
                return Err(ReleaseProblem::Year { row, year: r.year });
            }
            if code_key(identity(r)).is_empty() {
                return Err(ReleaseProblem::NoCode { row });
            }
        }
        // Latest first, so each area is described by its latest row.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(rows[i].year));

        let mut areas = Vec::new();
        let mut figures: Vec<BTreeMap<u16, Published>> = Vec::new();
        let mut by_identity: HashMap<(Level, String), usize> = HashMap::new();
        // Where each area's figures for a year came from, to name both rows of a duplicate.
        let mut seen: HashMap<(usize, u16), usize> = HashMap::new();
        let mut codes = HashMap::new();
        let mut rows: Vec<Option<ReleaseRow>> = rows.into_iter().map(Some).collect();
        for i in order {
            let Some(row) = rows[i].take() else { continue };
            let identity_key = (row.level, code_key(identity(&row)));
            let area = *by_identity.entry(identity_key).or_insert_with(|| {
                areas.push(area_of(&row));
                figures.push(BTreeMap::new());
                areas.len() - 1
            });
            if let Some(&first) = seen.get(&(area, row.year)) {
                return Err(ReleaseProblem::Twice {
                    row: first.max(i),
                    first: first.min(i),
                    name: areas[area].name.clone(),
                    year: row.year,
                });
            }
            seen.insert((area, row.year), i);
            // A code names the area that had it most recently.
            for code in std::iter::once(&row.code).chain(&row.old_la_code) {
                codes.entry(code_key(code)).or_insert(area);
            }
            figures[area].insert(row.year, row.figures);
        }
        // Then each part of a joint code, unless a council of its own has that code.
        for (index, area) in areas.iter().enumerate() {
            for code in std::iter::once(&area.code).chain(&area.old_la_code) {
                for part in code_parts(code) {
                    codes.entry(part).or_insert(index);
                }
            }
        }

        let first_year = figures.iter().flat_map(|f| f.keys()).copied().min();
        let latest_year = figures.iter().flat_map(|f| f.keys()).copied().max();
        let (Some(first_year), Some(latest_year)) = (first_year, latest_year) else {
            return Err(ReleaseProblem::NoRows);
        };
        let england = (0..areas.len())
            .find(|&a| areas[a].level == Level::National && figures[a].contains_key(&latest_year))
            .ok_or(ReleaseProblem::NoEngland { year: latest_year })?;
        let mut current_councils: Vec<usize> = (0..areas.len())
            .filter(|&a| areas[a].level == Level::Council && figures[a].contains_key(&latest_year))
            .collect();
        current_councils.sort_by_cached_key(|&a| (areas[a].name.to_lowercase(), a));
        let neighbours = neighbours
            .into_iter()
            .map(|(code, list)| (code_key(&code), list))
            .collect();
        Ok(Release {
            areas,
            figures,
            codes,
            current_councils,
            neighbours,
            first_year,
            latest_year,
            england,
        })
    }

    /// The first and latest years with figures.
    pub fn years(&self) -> (u16, u16) {
        (self.first_year, self.latest_year)
    }

    pub fn latest_year(&self) -> u16 {
        self.latest_year
    }

    /// Councils with figures in the latest year, by name (two councils published together
    /// are one).
    pub fn councils(&self) -> impl Iterator<Item = &Area> {
        self.current_councils.iter().map(|&a| &self.areas[a])
    }

    /// Every area: England, the regions and every council that has had figures.
    pub fn areas(&self) -> impl Iterator<Item = &Area> {
        self.areas.iter()
    }

    /// Councils for a search box, best match first: a council whose code (old or ONS, any it
    /// has had) is exactly `query`, then the current councils ([`Release::councils`]) whose
    /// name, ignoring case, is `query`, starts with it, has a word starting with it, or
    /// contains it, in that order and by name within each. An empty query finds every
    /// current council.
    pub fn find_councils(&self, query: &str) -> Vec<&Area> {
        let query = query.trim().to_lowercase();
        let mut found: Vec<usize> = Vec::new();
        if let Some(&a) = self.codes.get(&code_key(&query))
            && self.areas[a].level == Level::Council
        {
            found.push(a);
        }
        let mut by_name: Vec<(u8, usize)> = self
            .current_councils
            .iter()
            .filter_map(|&a| {
                let name = self.areas[a].name.to_lowercase();
                let how_good = if name == query {
                    0
                } else if name.starts_with(&query) {
                    1
                } else if name
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word.starts_with(&query))
                {
                    2
                } else if name.contains(&query) {
                    3
                } else {
                    return None;
                };
                Some((how_good, a))
            })
            .collect();
        // `current_councils` is by name, and the sort is stable.
        by_name.sort_by_key(|&(how_good, _)| how_good);
        for (_, a) in by_name {
            if !found.contains(&a) {
                found.push(a);
            }
        }
        found.into_iter().map(|a| &self.areas[a]).collect()
    }

    /// The area with this code (old or ONS, any it has had; either part of a joint code).
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.area_index(code).map(|a| &self.areas[a])
    }

    /// The council with this code (old or ONS, any it has had; either part of a joint code).
    pub fn council(&self, code: &str) -> Option<&Area> {
        self.area(code).filter(|a| a.level == Level::Council)
    }

    fn area_index(&self, code: &str) -> Option<usize> {
        self.codes.get(&code_key(code)).copied()
    }

    /// The figures of the area with this code in `year`; `None` when it has no row that year.
    pub fn figures(&self, area_code: &str, year: u16) -> Option<&Published> {
        self.area_index(area_code)
            .and_then(|a| self.figures[a].get(&year))
    }

    /// England's figures in `year`.
    pub fn england(&self, year: u16) -> Option<&Published> {
        self.figures[self.england].get(&year)
    }

    /// England, as an area.
    pub fn england_area(&self) -> &Area {
        &self.areas[self.england]
    }

    /// A council's region (London for a London council).
    pub fn region_of(&self, council: &Area) -> Option<&Area> {
        council
            .region_code
            .as_deref()
            .and_then(|code| self.area(code))
            .filter(|a| a.level == Level::Regional)
    }

    /// A council's statistical neighbours, closest first: the ten the neighbours file lists,
    /// those the release has. Two councils published together have the neighbours of each,
    /// taken in turn (the first of each, then the second of each...), without each other or
    /// repeats, up to ten.
    pub fn neighbours(&self, council: &Area) -> Vec<&Area> {
        let Some(own) = self.area_index(council.key()) else {
            return Vec::new();
        };
        let lists: Vec<&Vec<String>> = code_parts(council.key())
            .filter_map(|part| self.neighbours.get(&part))
            .collect();
        let longest = lists.iter().map(|l| l.len()).max().unwrap_or(0);
        let mut found: Vec<usize> = Vec::new();
        for rank in 0..longest {
            for list in &lists {
                let Some(code) = list.get(rank) else { continue };
                let Some(a) = self.area_index(code) else {
                    continue;
                };
                if a != own && self.areas[a].level == Level::Council && !found.contains(&a) {
                    found.push(a);
                }
            }
        }
        found.truncate(NEIGHBOURS);
        found.into_iter().map(|a| &self.areas[a]).collect()
    }

    /// Every council with figures in `year`, with them.
    pub fn councils_in(&self, year: u16) -> impl Iterator<Item = (&Area, &Published)> {
        self.areas
            .iter()
            .zip(&self.figures)
            .filter(|(area, _)| area.level == Level::Council)
            .filter_map(move |(area, figures)| figures.get(&year).map(|f| (area, f)))
    }
}

/// The code that says which area a row is about: a council's old code (the same over the
/// years), otherwise its ONS code.
fn identity(row: &ReleaseRow) -> &str {
    match (&row.level, &row.old_la_code) {
        (Level::Council, Some(old)) if !old.trim().is_empty() => old,
        _ => &row.code,
    }
}

fn area_of(row: &ReleaseRow) -> Area {
    let council = row.level == Level::Council;
    let (region_code, region_name) = match (&row.region_code, &row.region_name) {
        (Some(code), _) if council && code.starts_with("E13") => {
            (Some(LONDON.0.to_owned()), Some(LONDON.1.to_owned()))
        }
        (code, name) if council => (code.clone(), name.clone()),
        _ => (None, None),
    };
    Area {
        level: row.level,
        code: row.code.trim().to_owned(),
        old_la_code: row
            .old_la_code
            .as_deref()
            .map(str::trim)
            .filter(|c| council && !c.is_empty())
            .map(str::to_owned),
        name: row.name.trim().to_owned(),
        region_code,
        region_name,
    }
}
