//! Scenarios side by side: which figures of the catalogue are compared, their differences
//! from the baseline, and what the posts an option adds would cost from an agency.

use super::figures::FigureId;
use super::{Assessment, Plan};

/// The figures Compare puts side by side, in order, for the whole service of each scenario.
pub const COMPARED: [FigureId; 18] = [
    FigureId::PractitionerFte,
    FigureId::CaseHoldingFte,
    FigureId::CapacityCases,
    FigureId::CasesPerPractitionerFte,
    FigureId::Caseload,
    FigureId::Utilisation,
    FigureId::WorkersOverCapacity,
    FigureId::HighestWorkerUtilisation,
    FigureId::Unallocated,
    FigureId::MustAllocateWaiting,
    FigureId::AgencyRate,
    FigureId::VacancyRate,
    FigureId::AnnualCost,
    FigureId::CostPerCaseOfCapacity,
    // Staff needed: what the option leaves to find.
    FigureId::FteNeededForTarget,
    FigureId::FteShortOfTarget,
    FigureId::StaffedForTarget,
    FigureId::EmployedCostOfTargetGap,
];

/// `value - baseline`, when both exist.
pub fn difference(value: Option<f64>, baseline: Option<f64>) -> Option<f64> {
    Some(value? - baseline?)
}

/// The posts an option adds, costed as they are and as if agency staff filled them instead:
/// the question "what does this cost compared with agency cover?".
#[derive(Clone, Debug, PartialEq)]
pub struct AgencyAlternative {
    /// Filled posts in the option that the baseline does not have.
    pub added_posts: usize,
    pub added_fte: f64,
    /// Their annual cost on their own contracts, and at agency day rates.
    pub own_cost: f64,
    pub agency_cost: f64,
    /// Capacity in cases the option has over the baseline.
    pub capacity_added: f64,
}

impl AgencyAlternative {
    pub fn own_per_case(&self) -> Option<f64> {
        (self.capacity_added > 0.0).then(|| self.own_cost / self.capacity_added)
    }

    pub fn agency_per_case(&self) -> Option<f64> {
        (self.capacity_added > 0.0).then(|| self.agency_cost / self.capacity_added)
    }
}

/// The added posts of `option` against `baseline`, if it adds any filled posts.
pub fn agency_alternative(
    baseline: &Plan,
    baseline_assessment: &Assessment,
    option: &Plan,
    option_assessment: &Assessment,
) -> Option<AgencyAlternative> {
    use super::ContractKind;
    let known: std::collections::HashSet<_> = baseline.posts.iter().map(|p| p.id).collect();
    let added: Vec<_> = option
        .posts
        .iter()
        .filter(|p| !known.contains(&p.id) && !p.is_vacant())
        .collect();
    if added.is_empty() {
        return None;
    }
    let rates = &option.costs;
    Some(AgencyAlternative {
        added_posts: added.len(),
        added_fte: added.iter().map(|p| p.fte).sum(),
        own_cost: added
            .iter()
            .map(|p| rates.annual(p.grade, p.contract.kind(), p.fte))
            .sum(),
        agency_cost: added
            .iter()
            .map(|p| rates.annual(p.grade, ContractKind::Agency, p.fte))
            .sum(),
        capacity_added: option_assessment.service.capacity_cases
            - baseline_assessment.service.capacity_cases,
    })
}
