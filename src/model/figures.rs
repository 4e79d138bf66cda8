//! The catalogue of figures: every number a user can see for a team, the whole service or a
//! projected month, each defined once.
//!
//! A [`Figure`] is an id, the label every view uses for it, how it is written ([`Unit`]),
//! whether a rise is good news ([`Better`]), a one-sentence definition (shown on hover and in
//! the README), and how it is computed: from a team's or the service's [`Totals`], from a
//! [`ProjectedMonth`], or both. The Overview cards, the Compare table and chart, the command
//! line's `summary` and the exports all read figures from here, so one label always means one
//! figure. Adding a figure is one entry in [`FIGURES`] plus its definition.

use super::Totals;
use super::projection::ProjectedMonth;

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
    PractitionerFte,
    CasesHeld,
    Unallocated,
    MustAllocateWaiting,
    DemandCases,
    DemandPoints,
    CapacityPoints,
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
    AsyeShare,
    CaseHoldersPerManager,
    AgencyFte,
    VacantPosts,
    VacantFte,
    AbsentFte,
    AnnualCost,
    CostPerCaseOfCapacity,
    MonthlyCost,
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

    /// Whether the figure exists for teams and the service.
    pub fn is_team_figure(&self) -> bool {
        self.team.is_some()
    }

    /// Whether the figure exists for projected months.
    pub fn is_month_figure(&self) -> bool {
        self.month.is_some()
    }
}

/// The figure called `id`.
pub fn figure(id: FigureId) -> &'static Figure {
    // `FIGURES` lists the ids in declaration order (checked by a test), so the id is the index.
    &FIGURES[id as usize]
}

/// Every figure, in [`FigureId`] order.
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

pub const FIGURES: [Figure; 36] = [
    Figure {
        id: FigureId::Caseload,
        label: "Caseload per case-holding FTE",
        short: "Caseload",
        unit: Unit::Caseload,
        better: Better::Lower,
        definition: "Cases held by available workers holding at least one case ÷ their FTE \
            (the DfE definition: agency workers included, absent staff and vacancies excluded).",
        team: Some(|t| t.caseload_per_case_holder_fte),
        month: None,
    },
    Figure {
        id: FigureId::CasesPerPractitionerFte,
        label: "Cases held per practitioner FTE",
        short: "Per pract.",
        unit: Unit::Caseload,
        better: Better::Lower,
        definition: "Cases held ÷ FTE of every available worker in a case-holding grade, \
            holding cases yet or not: falls as soon as posts are filled.",
        team: Some(|t| t.caseload_per_available_fte),
        month: None,
    },
    Figure {
        id: FigureId::AllCasesPerPractitionerFte,
        label: "All cases per practitioner FTE",
        short: "All per pract.",
        unit: Unit::Caseload,
        better: Better::Lower,
        definition: "All cases, held or waiting ÷ FTE of available workers in case-holding \
            grades: what each would hold if all the work were allocated.",
        team: Some(|t| {
            super::assess::ratio(t.demand_cases() as f64, t.sums.case_holding_grade_fte)
        }),
        month: Some(|m| m.caseload),
    },
    Figure {
        id: FigureId::Utilisation,
        label: "Utilisation",
        short: "Utilised",
        unit: Unit::Percent,
        better: Better::Lower,
        definition: "Weighted points of all cases, held or waiting ÷ points the available \
            workers can carry.",
        team: Some(|t| t.utilisation),
        month: Some(|m| super::assess::ratio(m.demand_points, m.capacity_points)),
    },
    Figure {
        id: FigureId::CaseHoldingFte,
        label: "Case-holding FTE",
        short: "Case-hold FTE",
        unit: Unit::Fte,
        better: Better::Higher,
        definition: "FTE of available workers holding at least one case (the DfE's case \
            holders).",
        team: Some(|t| Some(t.sums.case_holder_fte)),
        month: None,
    },
    Figure {
        id: FigureId::PractitionerFte,
        label: "Practitioner FTE available",
        short: "Pract. FTE",
        unit: Unit::Fte,
        better: Better::Higher,
        definition: "FTE of available workers in case-holding grades (practitioners and \
            ASYE), holding cases yet or not; absent staff and vacancies excluded.",
        team: Some(|t| Some(t.sums.case_holding_grade_fte)),
        month: Some(|m| Some(m.case_holding_fte)),
    },
    Figure {
        id: FigureId::CasesHeld,
        label: "Cases held",
        short: "Cases held",
        unit: Unit::Cases,
        better: Better::Neither,
        definition: "Cases allocated to a named worker, including workers who are away.",
        team: Some(|t| Some(t.sums.cases_allocated as f64)),
        month: None,
    },
    Figure {
        id: FigureId::Unallocated,
        label: "Unallocated cases",
        short: "Unalloc",
        unit: Unit::Cases,
        better: Better::Lower,
        definition: "Cases waiting in teams with no named worker.",
        team: Some(|t| Some(t.sums.unallocated as f64)),
        month: None,
    },
    Figure {
        id: FigureId::MustAllocateWaiting,
        label: "Must-allocate cases waiting",
        short: "Must-alloc",
        unit: Unit::Cases,
        better: Better::Lower,
        definition: "Unallocated cases of types that must never wait (child protection, \
            looked after, court).",
        team: Some(|t| Some(t.sums.must_allocate_unallocated as f64)),
        month: None,
    },
    Figure {
        id: FigureId::DemandCases,
        label: "Cases, held and waiting",
        short: "Cases",
        unit: Unit::Cases,
        better: Better::Neither,
        definition: "Every case: held by a worker or waiting unallocated (in a projected \
            month, changed by the demand assumption).",
        team: Some(|t| Some(t.demand_cases() as f64)),
        month: Some(|m| Some(m.demand_cases)),
    },
    Figure {
        id: FigureId::DemandPoints,
        label: "Demand in points",
        short: "Demand pts",
        unit: Unit::Points,
        better: Better::Neither,
        definition: "Σ cases × case-type weight over every case, held or waiting.",
        team: Some(|t| Some(t.sums.demand_points)),
        month: Some(|m| Some(m.demand_points)),
    },
    Figure {
        id: FigureId::CapacityPoints,
        label: "Capacity in points",
        short: "Capacity pts",
        unit: Unit::Points,
        better: Better::Higher,
        definition: "Σ grade capacity × FTE over available workers (vacant posts and absent \
            staff carry nothing).",
        team: Some(|t| Some(t.sums.capacity_points)),
        month: Some(|m| Some(m.capacity_points)),
    },
    Figure {
        id: FigureId::CapacityCases,
        label: "Capacity in cases",
        short: "Capacity cases",
        unit: Unit::Cases,
        better: Better::Higher,
        definition: "Points the available workers can carry, in cases at each team's case mix \
            (standard cases for a team with none).",
        team: Some(|t| Some(t.capacity_cases)),
        month: Some(|m| Some(m.capacity_cases)),
    },
    Figure {
        id: FigureId::HeadroomCases,
        label: "Headroom in cases",
        short: "Headroom",
        unit: Unit::Cases,
        better: Better::Higher,
        definition: "Capacity minus demand, in cases at each team's case mix; negative when \
            over capacity.",
        team: Some(|t| Some(t.headroom_cases)),
        month: None,
    },
    Figure {
        id: FigureId::CasesBeyondCapacity,
        label: "Cases beyond capacity",
        short: "Beyond cap.",
        unit: Unit::Cases,
        better: Better::Lower,
        definition: "Each team's cases above its own capacity, summed: the cases expected to \
            wait unallocated.",
        team: None,
        month: Some(|m| Some(m.beyond_capacity)),
    },
    Figure {
        id: FigureId::WorkersOverCapacity,
        label: "Workers over capacity",
        short: "Over cap.",
        unit: Unit::Cases,
        better: Better::Lower,
        definition: "Available workers whose weighted load is above their capacity (grade \
            capacity × FTE): utilisation over 100%.",
        team: Some(|t| Some(f64::from(t.sums.workers_over_capacity))),
        month: None,
    },
    Figure {
        id: FigureId::HighestWorkerUtilisation,
        label: "Highest worker utilisation",
        short: "Highest",
        unit: Unit::Percent,
        better: Better::Lower,
        definition: "The highest weighted load ÷ capacity of any available worker: the caseload \
            balancing brings down first.",
        team: Some(|t| t.sums.highest_worker_utilisation),
        month: None,
    },
    Figure {
        id: FigureId::FteNeededForTarget,
        label: "FTE needed for the caseload target",
        short: "Need: target",
        unit: Unit::Fte,
        better: Better::Neither,
        definition: "Every case, held or waiting ÷ the plan's caseload target: the available FTE \
            in case-holding grades at which all cases per practitioner FTE meet the target.",
        team: Some(|t| t.needed.for_caseload_target.fte),
        month: None,
    },
    Figure {
        id: FigureId::FteNeededForCapacity,
        label: "FTE needed for 100% utilisation",
        short: "Need: 100%",
        unit: Unit::Fte,
        better: Better::Neither,
        definition: "Points of every case, held or waiting ÷ capacity points per available \
            practitioner FTE (the team's grade mix; the plan's practitioner grade where nobody is \
            available).",
        team: Some(|t| t.needed.for_full_utilisation.fte),
        month: None,
    },
    Figure {
        id: FigureId::FteNeededForAmber,
        label: "FTE needed for the amber threshold",
        short: "Need: amber",
        unit: Unit::Fte,
        better: Better::Neither,
        definition: "Points of every case, held or waiting ÷ (the amber threshold × capacity \
            points per available practitioner FTE).",
        team: Some(|t| t.needed.for_amber_threshold.fte),
        month: None,
    },
    Figure {
        id: FigureId::FteShortOfTarget,
        label: "FTE short of the caseload target",
        short: "Short: target",
        unit: Unit::Fte,
        better: Better::Lower,
        definition: "FTE needed for the caseload target − practitioner FTE available (absent \
            staff and vacancies not counted); negative when there are more than needed.",
        team: Some(|t| t.needed.for_caseload_target.gap),
        month: None,
    },
    Figure {
        id: FigureId::FteShortOfCapacity,
        label: "FTE short of 100% utilisation",
        short: "Short: 100%",
        unit: Unit::Fte,
        better: Better::Lower,
        definition: "FTE needed for 100% utilisation − practitioner FTE available (absent staff \
            and vacancies not counted); negative when there are more than needed.",
        team: Some(|t| t.needed.for_full_utilisation.gap),
        month: None,
    },
    Figure {
        id: FigureId::StaffedForTarget,
        label: "Staffed for the caseload target",
        short: "Staffed",
        unit: Unit::Percent,
        better: Better::Higher,
        definition: "Practitioner FTE available ÷ FTE needed for the caseload target.",
        team: Some(|t| t.needed.for_caseload_target.available_per_needed),
        month: None,
    },
    Figure {
        id: FigureId::EmployedCostOfTargetGap,
        label: "Cost a year of the FTE short, employed",
        short: "Short: employed",
        unit: Unit::Money,
        better: Better::Lower,
        definition: "FTE short of the caseload target (none when there are enough) × salary with \
            on-costs at the team's main case-holding grade (most FTE in post).",
        team: Some(|t| t.needed.for_caseload_target.employed_cost),
        month: None,
    },
    Figure {
        id: FigureId::AgencyCostOfTargetGap,
        label: "Cost a year of the FTE short, agency",
        short: "Short: agency",
        unit: Unit::Money,
        better: Better::Lower,
        definition: "FTE short of the caseload target (none when there are enough) × agency day \
            rate × working days at the team's main case-holding grade (most FTE in post).",
        team: Some(|t| t.needed.for_caseload_target.agency_cost),
        month: None,
    },
    Figure {
        id: FigureId::AgencyRate,
        label: "Agency rate",
        short: "Agency",
        unit: Unit::Percent,
        better: Better::Lower,
        definition: "Agency FTE ÷ (agency FTE + council-employed FTE in post) (DfE).",
        team: Some(|t| t.mix.agency_rate),
        month: None,
    },
    Figure {
        id: FigureId::VacancyRate,
        label: "Vacancy rate",
        short: "Vacancy",
        unit: Unit::Percent,
        better: Better::Lower,
        definition: "(Vacant FTE + agency FTE) ÷ all posts' FTE: as in the DfE release, a post \
            held by an agency worker is a vacancy covered by agency.",
        team: Some(|t| t.mix.vacancy_rate),
        month: None,
    },
    Figure {
        id: FigureId::AsyeShare,
        label: "ASYE share",
        short: "ASYE",
        unit: Unit::Percent,
        better: Better::Neither,
        definition: "FTE in the ASYE year ÷ FTE in post at case-holding grades.",
        team: Some(|t| t.mix.asye_share),
        month: None,
    },
    Figure {
        id: FigureId::CaseHoldersPerManager,
        label: "Case-holders per team manager",
        short: "Per manager",
        unit: Unit::Ratio,
        better: Better::Neither,
        definition: "Workers in post at case-holding grades ÷ team managers in post (span of \
            control).",
        team: Some(|t| t.mix.case_holders_per_manager),
        month: None,
    },
    Figure {
        id: FigureId::AgencyFte,
        label: "Agency FTE",
        short: "Agency FTE",
        unit: Unit::Fte,
        better: Better::Lower,
        definition: "FTE of agency workers in post (in a projected month, with agency cover of \
            vacancies).",
        team: Some(|t| Some(t.fte_in_post(super::ContractKind::Agency))),
        month: Some(|m| Some(m.agency_fte)),
    },
    Figure {
        id: FigureId::VacantPosts,
        label: "Vacant posts",
        short: "Vacant",
        unit: Unit::Cases,
        better: Better::Lower,
        definition: "Posts with no worker named.",
        team: Some(|t| Some(f64::from(t.sums.vacant_posts))),
        month: None,
    },
    Figure {
        id: FigureId::VacantFte,
        label: "Vacant FTE",
        short: "Vacant FTE",
        unit: Unit::Fte,
        better: Better::Lower,
        definition: "FTE of posts with no worker (in a projected month, vacancies not covered \
            by agency staff).",
        team: Some(|t| Some(t.sums.vacant_fte)),
        month: Some(|m| Some(m.vacant_fte)),
    },
    Figure {
        id: FigureId::AbsentFte,
        label: "Absent FTE",
        short: "Absent FTE",
        unit: Unit::Fte,
        better: Better::Lower,
        definition: "FTE of workers in post but away (parental leave, long-term sickness, \
            secondment).",
        team: Some(|t| Some(t.sums.absent_fte)),
        month: None,
    },
    Figure {
        id: FigureId::AnnualCost,
        label: "Annual cost",
        short: "Cost a year",
        unit: Unit::Money,
        better: Better::Lower,
        definition: "Employed staff in post (absent included) at salary with on-costs, agency \
            staff at the day rate for the working days; vacancies cost nothing.",
        team: Some(|t| Some(t.annual_cost())),
        month: None,
    },
    Figure {
        id: FigureId::CostPerCaseOfCapacity,
        label: "Cost per case of capacity",
        short: "Cost/case",
        unit: Unit::Money,
        better: Better::Lower,
        definition: "Annual cost ÷ capacity in cases.",
        team: Some(|t| super::assess::ratio(t.annual_cost(), t.capacity_cases)),
        month: None,
    },
    Figure {
        id: FigureId::MonthlyCost,
        label: "Cost in the month",
        short: "Cost/month",
        unit: Unit::Money,
        better: Better::Lower,
        definition: "Employed staff in post at salary with on-costs ÷ 12; agency staff and \
            agency cover at the day rate × working days ÷ 12; vacancies nothing.",
        team: None,
        month: Some(|m| Some(m.cost)),
    },
];

#[cfg(test)]
mod tests;
