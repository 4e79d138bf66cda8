//! The derived figures for a team or the whole service. Each definition is written here once.

use super::band::Band;
use super::flags::Flag;
use super::sums::Sums;
use crate::model::allocation::{StaffNeeded, staff_needed};
use crate::model::{AgencyCover, ContractKind, Plan};

/// Figures for one team or the whole service.
#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    /// The additive quantities these figures are derived from.
    pub sums: Sums,
    /// Demand points / capacity points. `None` when there is no capacity.
    pub utilisation: Option<f64>,
    pub band: Option<Band>,
    /// **Caseload per case-holding FTE**, the DfE definition: cases held by available workers
    /// holding at least one case / their FTE (agency workers included; absent workers and
    /// vacancies excluded). `None` when nobody holds a case.
    pub caseload_per_case_holder_fte: Option<f64>,
    /// Average caseload over all available FTE in case-holding grades, whether or not they hold
    /// cases yet. Lower than the DfE figure when some workers have empty caseloads.
    pub caseload_per_available_fte: Option<f64>,
    /// Mean points per case over allocated and unallocated cases; 1.0 (a standard case) when
    /// there are no cases, so an empty team's capacity reads as standard cases.
    pub mean_case_weight: f64,
    /// Capacity in cases at the current case mix: capacity points / mean case weight.
    pub capacity_cases: f64,
    /// Capacity points minus demand points; negative when over capacity.
    pub headroom_points: f64,
    /// Headroom as cases that could be taken at the current case mix (negative: cases over).
    pub headroom_cases: f64,
    pub mix: StaffingMix,
    /// Staff needed to meet the plan's caseload target and utilisation thresholds.
    pub needed: StaffNeeded,
    /// Everything that breaks a target, worst first.
    pub flags: Vec<Flag>,
}

/// Staffing-mix rates. Rates are fractions (0.15 = 15%); `None` when the denominator is zero.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffingMix {
    /// Agency FTE / (agency FTE + council-employed FTE in post), the DfE agency rate: every
    /// agency worker counts, whatever they cover.
    pub agency_rate: Option<f64>,
    /// Vacancy FTE / (vacancy FTE + council-employed FTE in post), the DfE vacancy rate, where
    /// vacancy FTE = vacant posts' FTE + FTE of agency workers covering a vacancy (an agency
    /// worker covering an absence or over the establishment fills no vacancy).
    pub vacancy_rate: Option<f64>,
    /// The vacancy FTE of the vacancy rate.
    pub vacancy_fte: f64,
    /// ASYE FTE / FTE in post at case-holding grades.
    pub asye_share: Option<f64>,
    /// Case-holding-grade workers in post per team manager in post (span of control).
    pub case_holders_per_manager: Option<f64>,
}

/// `numerator / denominator`, or `None` when the denominator is not positive (never NaN).
#[inline]
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

impl StaffingMix {
    fn of(sums: &Sums) -> Self {
        let fte = |kind| sums.fte_in_post.get(kind);
        let agency = fte(ContractKind::Agency);
        let employed = fte(ContractKind::Permanent) + fte(ContractKind::FixedTerm);
        let vacancy_fte = sums.vacant_fte + sums.agency_fte_by_cover.get(AgencyCover::Vacancy);
        StaffingMix {
            agency_rate: ratio(agency, agency + employed),
            vacancy_rate: ratio(vacancy_fte, vacancy_fte + employed),
            vacancy_fte,
            asye_share: ratio(sums.asye_fte, sums.case_holding_grade_fte_in_post),
            case_holders_per_manager: ratio(
                f64::from(sums.case_holders_in_post),
                f64::from(sums.team_managers_in_post),
            ),
        }
    }
}

impl Totals {
    /// Derives every figure from `sums`, at `plan`'s targets, grades and cost rates.
    /// `capacity_and_headroom_cases` overrides the two
    /// case-denominated figures where they must be summed over teams instead (the service).
    pub fn from_sums(
        sums: Sums,
        plan: &Plan,
        capacity_and_headroom_cases: Option<(f64, f64)>,
    ) -> Self {
        let settings = &plan.settings;
        let utilisation = ratio(sums.demand_points, sums.capacity_points);
        let band = utilisation.map(|u| Band::of(u, settings));
        let demand_cases = (sums.cases_allocated + sums.unallocated) as f64;
        let mean_case_weight = super::mean_points_per_case(sums.demand_points, demand_cases);
        let headroom_points = sums.capacity_points - sums.demand_points;
        let (capacity_cases, headroom_cases) = capacity_and_headroom_cases.unwrap_or((
            sums.capacity_points / mean_case_weight,
            headroom_points / mean_case_weight,
        ));
        let mix = StaffingMix::of(&sums);
        let needed = staff_needed(plan, &sums);
        let mut totals = Totals {
            caseload_per_case_holder_fte: ratio(
                sums.case_holder_cases as f64,
                sums.case_holder_fte,
            ),
            caseload_per_available_fte: ratio(
                sums.case_holding_grade_cases as f64,
                sums.case_holding_grade_fte,
            ),
            utilisation,
            band,
            mean_case_weight,
            capacity_cases,
            headroom_points,
            headroom_cases,
            mix,
            needed,
            flags: Vec::new(),
            sums,
        };
        totals.flags = Flag::all_for(&totals, settings);
        totals
    }

    /// Cases of work in total: allocated plus unallocated.
    pub fn demand_cases(&self) -> u64 {
        self.sums.cases_allocated + self.sums.unallocated
    }

    /// FTE in post (filled posts, absent included) under one contract kind.
    pub fn fte_in_post(&self, kind: ContractKind) -> f64 {
        self.sums.fte_in_post.get(kind)
    }

    /// Council-employed FTE in post (permanent and fixed-term, absent included): the DfE's
    /// "FTE in post".
    pub fn employed_fte_in_post(&self) -> f64 {
        self.fte_in_post(ContractKind::Permanent) + self.fte_in_post(ContractKind::FixedTerm)
    }

    /// What the filled posts cost a year at the plan's rates.
    pub fn annual_cost(&self) -> f64 {
        self.sums.annual_cost.total()
    }
}
