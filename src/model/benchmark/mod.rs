//! The Department for Education's published figures (children's social work workforce
//! release) as plain data, and a plan's figures set beside them: a council's own figures, the
//! median and range of its statistical neighbours, its region and England, and where a value
//! ranks among all councils.
//!
//! - [`Release`] (`release.rs`): every area's figures for every year, and each council's ten
//!   statistical neighbours, built from rows read elsewhere ([`crate::io::published`] parses
//!   the files);
//! - [`Measure`] (`measure.rs`): the figures compared, each with the DfE definition and the
//!   plan figure it is compared with;
//! - [`Spread`], [`Standing`] (`stats.rs`): median and range, rank and quartile;
//! - [`benchmark()`], [`series()`] (`comparison.rs`): one measure for one council in one year,
//!   or over every year of the release.
//!
//! A value the release does not publish (suppressed, shown there as a letter) is `None` here:
//! it is left out of every median, rank and count, never taken as zero.

mod comparison;
mod measure;
mod plan_figures;
mod release;
pub mod start;
mod stats;
#[cfg(test)]
mod tests;

pub use comparison::{Benchmark, Series, benchmark, series};
pub use measure::Measure;
pub use plan_figures::{PlanValues, plan_values};
pub use release::{Release, ReleaseProblem, ReleaseRow};
pub use start::{FunctionShares, StartProblem, StartingTeams, plan_from_published};
pub use stats::{Spread, Standing, standing, standing_among};

/// What the Open Government Licence v3.0 asks to be shown wherever the data is.
pub const ATTRIBUTION: &str = "Contains public sector information licensed under the Open \
    Government Licence v3.0. Source: Department for Education, Children's social work \
    workforce statistics.";

/// What kind of area a row of the release is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// England.
    National,
    /// One of the nine English regions, or Inner or Outer London (published as regions too).
    Regional,
    /// A council (local authority), or two councils published together.
    Council,
}

/// An area of the release: England, a region or a council. Its names and codes are those of
/// the latest year it has figures for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Area {
    pub level: Level,
    /// The ONS code: `E92000001` for England, `E12000001` for a region, `E09000002` for a
    /// council. Two councils published together have both, as published:
    /// `E06000061 / E06000062`.
    pub code: String,
    /// A council's old (DfE) code, the same over the years: `301`; `940 / 941` for two councils
    /// published together. `None` for England and the regions.
    pub old_la_code: Option<String>,
    pub name: String,
    /// A council's region (one of the nine: the release places London's councils in Inner or
    /// Outer London, and their region here is London). `None` for England and the regions.
    pub region_code: Option<String>,
    pub region_name: Option<String>,
}

impl Area {
    /// The code that names the area in [`Release`]'s look-ups and in a plan's settings: a
    /// council's old code, otherwise its ONS code.
    pub fn key(&self) -> &str {
        self.old_la_code.as_deref().unwrap_or(&self.code)
    }
}

/// One area's figures in one year, as published (at 30 September). Counts are FTE (full-time
/// equivalent) or people (headcount); rates are fractions (0.118 for 11.8%), converted from
/// the published percentages. `None`: not published (suppressed or not applicable).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Published {
    /// Children and family social workers employed by the council (FTE in post).
    pub inpost_fte: Option<f64>,
    pub inpost_headcount: Option<f64>,
    /// Joined during the year.
    pub starters_fte: Option<f64>,
    pub starters_headcount: Option<f64>,
    /// Left during the year.
    pub leavers_fte: Option<f64>,
    pub leavers_headcount: Option<f64>,
    /// Leavers FTE ÷ FTE in post.
    pub turnover_rate: Option<f64>,
    /// Agency workers at 30 September.
    pub agency_fte: Option<f64>,
    pub agency_headcount: Option<f64>,
    /// Agency FTE ÷ (agency FTE + FTE in post).
    pub agency_rate: Option<f64>,
    /// Agency workers covering a vacancy.
    pub agency_cover_fte: Option<f64>,
    /// Agency FTE covering a vacancy ÷ agency FTE.
    pub agency_cover_rate: Option<f64>,
    /// Vacant posts (FTE), whether or not an agency worker covers them.
    pub vacancy_fte: Option<f64>,
    /// Vacancy FTE ÷ (vacancy FTE + FTE in post).
    pub vacancy_rate: Option<f64>,
    /// Vacancies covered by an agency worker ÷ vacancies.
    pub vacancy_agency_cover_rate: Option<f64>,
    /// Social workers (employed or agency) holding at least one case.
    pub case_holders_fte: Option<f64>,
    /// Cases held by them.
    pub cases: Option<f64>,
    /// Cases ÷ case holders' FTE.
    pub caseload: Option<f64>,
    /// Working days lost to sickness absence during the year (FTE).
    pub working_days_lost: Option<f64>,
    /// Working days lost ÷ working days available.
    pub absence_rate: Option<f64>,
}
