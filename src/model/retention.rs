//! The workforce's own flows beyond flat turnover: leaving by length of service, new workers'
//! induction, and planned intakes of newly qualified workers. All three are scenario settings,
//! left out of files while unused, so a plan without them projects as before.
//!
//! - Length of service: permanent staff leave with the annual rate of their band of service
//!   (first year, 1-2 years, ...), month by month as their service grows; fixed-term and agency
//!   staff keep their contract's rate. A worker's service is counted from their post's start
//!   month; a post with none has the service the user assumes (`unknown_service_months`). A
//!   new starter begins at 0.
//! - Induction: a new starter (a replacement, a recruit to a post that starts later, an intake)
//!   works at a share of full capacity for their first months.
//! - Intakes: cohorts of workers joining a team in a month (every year, if chosen) as new
//!   permanent posts at a grade, from 0 months of service: an ASYE grade progresses as ASYE
//!   posts do.
//!
//! With annual rate `r`, a band's monthly chance of leaving is `1 - (1 - r)^(1/12)`, so a worker
//! staying a whole year in one band stays with chance `1 - r`: a cohort facing 29.3% a year for
//! two years keeps `0.707² = 0.4998` of its workers (half leave within two years).

use super::shown::number;
use super::{GradeId, TeamId, YearMonth};
use serde::{Deserialize, Serialize};

/// Turnover of permanent staff by length of service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTurnover {
    /// Bands in order of service; each but the last ends before `until_months` of service.
    pub bands: Vec<ServiceBand>,
    /// Months of service assumed for a worker whose post has no start month (36 if left out).
    #[serde(default = "default_unknown_service")]
    pub unknown_service_months: u32,
}

fn default_unknown_service() -> u32 {
    36
}

/// One band of service and its annual turnover.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceBand {
    /// The band ends when a worker reaches this many months of service; `None`: the last band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_months: Option<u32>,
    /// Share of workers in the band who leave in a year (0.2 = 20%).
    pub annual: f64,
}

/// New starters' reduced capacity at first.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Induction {
    /// Months a new starter spends in induction.
    pub months: u32,
    /// Share of full capacity a new starter has meanwhile (0.5 = half).
    pub share: f64,
}

/// A planned cohort of new workers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    pub team: TeamId,
    pub grade: GradeId,
    /// The month they start.
    pub month: YearMonth,
    /// How many workers, each full-time.
    pub workers: u32,
    /// Whether another cohort like it starts every 12 months after.
    #[serde(default)]
    pub every_year: bool,
}

/// Illustrative defaults, labelled so wherever they are offered: not national figures.
pub const ILLUSTRATIVE_NOTE: &str = "Illustrative starting values, not national figures: \
    replace them with your own (your HR system's leavers by length of service).";

impl Default for ServiceTurnover {
    /// Illustrative: higher in the first two years (half of a city council's frontline workers
    /// stay only about two years), lower with experience.
    fn default() -> Self {
        let band = |until: Option<u32>, annual| ServiceBand {
            until_months: until,
            annual,
        };
        ServiceTurnover {
            bands: vec![
                band(Some(12), 0.20),
                band(Some(24), 0.18),
                band(Some(60), 0.12),
                band(None, 0.08),
            ],
            unknown_service_months: default_unknown_service(),
        }
    }
}

impl Default for Induction {
    /// Illustrative: three months at half capacity.
    fn default() -> Self {
        Induction {
            months: 3,
            share: 0.5,
        }
    }
}

/// Where England's children's social workers went on leaving in 2020-21 (DfE): out of the
/// sector, to agency work, to another council.
pub const LEAVERS_LEAVING_THE_SECTOR: f64 = 0.56;
pub const LEAVERS_TO_AGENCY: f64 = 0.17;
pub const LEAVERS_TO_ANOTHER_COUNCIL: f64 = 0.27;

/// The monthly chance of leaving implied by an annual turnover rate.
pub fn monthly_hazard(annual: f64) -> f64 {
    1.0 - (1.0 - annual.clamp(0.0, 1.0)).powf(1.0 / 12.0)
}

/// The months each intake's cohorts start within `first..first + months` (offsets from the
/// plan's start): the intake's month and, when it repeats, every 12 months after.
pub fn intake_offsets(intake: &Intake, start: YearMonth, months: u32) -> Vec<i32> {
    let end = i32::try_from(months).unwrap_or(i32::MAX);
    let first = start.months_until(intake.month);
    if !intake.every_year {
        return if (0..end).contains(&first) {
            vec![first]
        } else {
            Vec::new()
        };
    }
    // A yearly intake that began before the plan still starts cohorts within it.
    (first.max(first.rem_euclid(12))..end).step_by(12).collect()
}

/// Longest band boundary, intake size and induction accepted: beyond them a value is a typo.
pub const MAX_SERVICE_MONTHS: u32 = 600;
pub const MAX_INTAKE_WORKERS: u32 = 200;
pub const MAX_INDUCTION_MONTHS: u32 = 24;
pub const MAX_BANDS: usize = 8;

/// Every problem with turnover by length of service, in a plan-writer's words.
pub fn service_turnover_problems(s: &ServiceTurnover) -> Vec<String> {
    let mut problems = Vec::new();
    if s.bands.is_empty() || s.bands.len() > MAX_BANDS {
        problems.push(format!(
            "turnover by length of service needs 1 to {MAX_BANDS} bands, not {}",
            s.bands.len()
        ));
    }
    let mut previous = 0;
    for (i, band) in s.bands.iter().enumerate() {
        let last = i + 1 == s.bands.len();
        let n = i + 1;
        match (band.until_months, last) {
            (Some(until), false) if until <= previous || until > MAX_SERVICE_MONTHS => problems
                .push(format!(
                    "service band {n} must end after {previous} months and by {MAX_SERVICE_MONTHS}, \
                     not at {until}"
                )),
            (Some(until), false) => previous = until,
            (None, false) => problems.push(format!(
                "service band {n} needs the months of service it ends at (only the last band \
                 goes on)"
            )),
            (Some(_), true) => problems.push(format!(
                "the last service band ({n}) must go on with no end"
            )),
            (None, true) => {}
        }
        if !(0.0..=1.0).contains(&band.annual) {
            problems.push(format!(
                "turnover in service band {n} must be from 0% to 100% a year, not {}",
                number(band.annual)
            ));
        }
    }
    if s.unknown_service_months > MAX_SERVICE_MONTHS {
        problems.push(format!(
            "the service assumed for posts without a start month must be at most \
             {MAX_SERVICE_MONTHS} months, not {}",
            s.unknown_service_months
        ));
    }
    problems
}

/// What is wrong with an induction setting, if anything.
pub fn induction_problem(i: &Induction) -> Option<String> {
    if i.months > MAX_INDUCTION_MONTHS || !(0.0..=1.0).contains(&i.share) {
        Some(format!(
            "an induction lasts 0 to {MAX_INDUCTION_MONTHS} months at 0% to 100% of capacity, \
             not {} months at {}",
            i.months,
            number(i.share)
        ))
    } else {
        None
    }
}

/// Every problem with one intake (`n` counts from 1), given what the plan holds.
pub fn intake_problems(
    n: usize,
    intake: &Intake,
    team_exists: impl Fn(TeamId) -> bool,
    grade_exists: impl Fn(GradeId) -> bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    if !team_exists(intake.team) {
        problems.push(format!(
            "intake {n} joins {}, which is not in the plan",
            intake.team
        ));
    }
    if !grade_exists(intake.grade) {
        problems.push(format!(
            "intake {n} is at {}, which is not in the plan",
            intake.grade
        ));
    }
    if !(1..=MAX_INTAKE_WORKERS).contains(&intake.workers) {
        problems.push(format!(
            "intake {n} must bring 1 to {MAX_INTAKE_WORKERS} workers, not {}",
            intake.workers
        ));
    }
    problems
}

#[cfg(test)]
mod tests;
