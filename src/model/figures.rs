//! The catalogue of figures: every number a user can see for a team, the whole service, a
//! projected month or a whole projection, each defined once.
//!
//! A [`Figure`] is an id, the label every view uses for it, how it is written ([`Unit`]),
//! whether a rise is good news ([`Better`]), a one-sentence definition (shown on hover and in
//! the README), and how it is computed: from a team's or the service's [`Totals`], from a
//! [`ProjectedMonth`] (or both), or from the whole [`Projection`] (a figure of its first
//! year, such as turnover). The Overview cards, the Compare table and chart, the command
//! line's `summary` and the exports all read figures from here, so one label always means one
//! figure. Adding a figure is one entry in [`FIGURES`] (`figures/catalogue.rs`) plus its id.

use super::Totals;
use super::projection::{ProjectedMonth, Projection};

/// Names a figure. The order is the catalogue's order ([`FIGURES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureId {
    /// The DfE caseload: cases held per FTE of workers holding at least one case.
    Caseload,
    /// Cases held per available FTE in case-holding grades, holding cases or not.
    CasesPerPractitionerFte,
    /// All cases, allocated or waiting, per available FTE in case-holding grades.
    AllCasesPerPractitionerFte,
    Utilisation,
    CaseHoldingFte,
    /// Case-holding FTE ÷ everyone in post, employed or agency (the DfE's case holders).
    CaseHolderShare,
    PractitionerFte,
    CasesHeld,
    Unallocated,
    MustAllocateWaiting,
    DemandCases,
    DemandPoints,
    CapacityPoints,
    /// Capacity points kept back by reductions (protected time, phased returns…).
    CapacityReduced,
    CapacityCases,
    HeadroomCases,
    CasesBeyondCapacity,
    /// Available workers above 100% of their capacity, and the highest worker's utilisation.
    WorkersOverCapacity,
    HighestWorkerUtilisation,
    /// Staff needed ([`crate::model::allocation::needed`]).
    FteNeededForTarget,
    FteNeededForCapacity,
    FteNeededForAmber,
    FteShortOfTarget,
    FteShortOfCapacity,
    StaffedForTarget,
    EmployedCostOfTargetGap,
    AgencyCostOfTargetGap,
    AgencyRate,
    VacancyRate,
    /// Leavers over the projection's first year ÷ employed FTE in post (the DfE's turnover).
    TurnoverFirstYear,
    /// Leavers over the projection's first year, and the share of them going to agency work.
    LeaversFirstYear,
    LeaversToAgencyFirstYear,
    AsyeShare,
    CaseHoldersPerManager,
    AgencyFte,
    VacantPosts,
    VacantFte,
    AbsentFte,
    /// Employed FTE away on long-term sickness ÷ employed FTE in post.
    SicknessAbsenceRate,
    AnnualCost,
    CostPerCaseOfCapacity,
    MonthlyCost,
    /// The money case ([`crate::model::money`]).
    AgencySpend,
    CaseCosts,
    InvestmentSpend,
    RetentionPayments,
    CumulativeSpend,
    TotalSpend,
    StartersFte,
}

/// How a figure is written (see `crate::text::figure_value`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Cases per FTE, one decimal: `24.5`.
    Caseload,
    /// Whole cases (or posts), never overstated: `428`.
    Cases,
    /// FTE, up to two decimals: `23.4`.
    Fte,
    /// A fraction written as a percentage: `18.5%`.
    Percent,
    /// Weighted points, one decimal: `564.5`.
    Points,
    /// Whole pounds: `£1,372,800`.
    Money,
    /// A ratio of people, one decimal: `6.0`.
    Ratio,
}

/// Whether a rise is good news, for colouring differences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
    /// Neither: more or fewer is not good or bad in itself (cases held, demand).
    Neither,
}

/// One figure: what it is called, how it is written and how it is computed.
#[derive(Clone, Copy, Debug)]
pub struct Figure {
    pub id: FigureId,
    /// Shown wherever the figure is: card, table row, chart, export heading.
    pub label: &'static str,
    /// A narrow column heading (the command line's table).
    pub short: &'static str,
    pub unit: Unit,
    pub better: Better,
    /// What exactly is counted, in one sentence.
    pub definition: &'static str,
    team: Option<fn(&Totals) -> Option<f64>>,
    month: Option<fn(&ProjectedMonth) -> Option<f64>>,
    projection: Option<fn(&Projection) -> Option<f64>>,
}

impl Figure {
    /// The figure for a team or the whole service; `None` when it has no value there (a
    /// caseload with no case-holders) or is not a team figure.
    pub fn of(&self, totals: &Totals) -> Option<f64> {
        self.team.and_then(|f| f(totals))
    }

    /// The figure in a projected month; `None` when it has no value or is not a month figure.
    pub fn of_month(&self, month: &ProjectedMonth) -> Option<f64> {
        self.month.and_then(|f| f(month))
    }

    /// The figure of a whole projection (its first year); `None` when it has no value or is
    /// not a projection figure.
    pub fn of_projection(&self, projection: &Projection) -> Option<f64> {
        self.projection.and_then(|f| f(projection))
    }

    /// Whether the figure exists for teams and the service.
    pub fn is_team_figure(&self) -> bool {
        self.team.is_some()
    }

    /// Whether the figure exists for projected months.
    pub fn is_month_figure(&self) -> bool {
        self.month.is_some()
    }

    /// Whether the figure is one of a whole projection.
    pub fn is_projection_figure(&self) -> bool {
        self.projection.is_some()
    }
}

/// The figure called `id`.
pub fn figure(id: FigureId) -> &'static Figure {
    // `FIGURES` lists the ids in declaration order (checked by a test), so the id is the index.
    &FIGURES[id as usize]
}

/// The staff-needed figures, in the order the inspector and `summary` list them.
pub const STAFF_NEEDED: [FigureId; 8] = [
    FigureId::PractitionerFte,
    FigureId::FteNeededForTarget,
    FigureId::FteShortOfTarget,
    FigureId::StaffedForTarget,
    FigureId::FteNeededForCapacity,
    FigureId::FteShortOfCapacity,
    FigureId::EmployedCostOfTargetGap,
    FigureId::AgencyCostOfTargetGap,
];

mod catalogue;
pub use catalogue::FIGURES;

#[cfg(test)]
mod tests;
