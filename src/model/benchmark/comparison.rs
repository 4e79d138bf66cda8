//! One measure for one council: its published value beside its statistical neighbours, its
//! region and England, in one year or over every year of the release.

use super::stats::standing_within;
use super::{Area, Measure, Release, Spread, Standing};

/// A council's published value of one measure in one year, and what it is compared with.
/// Every part is `None` where the release publishes no value.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    pub measure: Measure,
    pub year: u16,
    pub council: Option<f64>,
    /// The council's own value among all councils' published values that year.
    pub council_standing: Option<Standing>,
    /// Its statistical neighbours' published values that year.
    pub neighbours: Option<Spread>,
    pub region: Option<f64>,
    pub england: Option<f64>,
}

/// `measure` for `council` in `year`.
pub fn benchmark(release: &Release, council: &Area, measure: Measure, year: u16) -> Benchmark {
    let value = |code: &str| {
        release
            .figures(code, year)
            .and_then(|p| measure.published(p))
    };
    let own = value(council.key());
    let council_standing = own.map(|own| {
        let all: Vec<f64> = release
            .councils_in(year)
            .filter_map(|(_, p)| measure.published(p))
            .collect();
        standing_within(&all, own)
    });
    Benchmark {
        measure,
        year,
        council: own,
        council_standing,
        neighbours: Spread::of(
            release
                .neighbours(council)
                .into_iter()
                .map(|n| value(n.key())),
        ),
        region: release.region_of(council).and_then(|r| value(&r.code)),
        england: release.england(year).and_then(|p| measure.published(p)),
    }
}

/// One measure for a council, year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub measure: Measure,
    /// Every year of the release, first to latest, in all four.
    pub council: Vec<(u16, Option<f64>)>,
    pub neighbours_median: Vec<(u16, Option<f64>)>,
    pub region: Vec<(u16, Option<f64>)>,
    pub england: Vec<(u16, Option<f64>)>,
}

/// `measure` for `council`, its neighbours' median, its region and England over every year of
/// the release (the neighbours are today's ten in every year).
pub fn series(release: &Release, council: &Area, measure: Measure) -> Series {
    let (first, latest) = release.years();
    let years: Vec<Benchmark> = (first..=latest)
        .map(|year| benchmark(release, council, measure, year))
        .collect();
    let column =
        |part: fn(&Benchmark) -> Option<f64>| years.iter().map(|b| (b.year, part(b))).collect();
    Series {
        measure,
        council: column(|b| b.council),
        neighbours_median: column(|b| b.neighbours.map(|s| s.median)),
        region: column(|b| b.region),
        england: column(|b| b.england),
    }
}
