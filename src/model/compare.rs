//! Headline figures of scenarios side by side, and their differences from the baseline.

use super::costs::annual_cost;
use super::{Assessment, Plan, assess::ratio};

/// The figures the Compare view puts side by side for one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// FTE of available workers holding at least one case (the DfE case-holders).
    pub case_holder_fte: f64,
    /// FTE of available workers in case-holding grades, holding cases yet or not.
    pub case_holding_grade_fte: f64,
    pub capacity_cases: f64,
    /// Cases per case-holder FTE (the DfE caseload).
    pub caseload: Option<f64>,
    /// Cases per available FTE in case-holding grades: falls when empty posts are added.
    pub caseload_available: Option<f64>,
    pub utilisation: Option<f64>,
    pub unallocated: f64,
    pub must_allocate_unallocated: f64,
    pub agency_rate: Option<f64>,
    pub vacancy_rate: Option<f64>,
    pub annual_cost: f64,
    pub cost_per_case_of_capacity: Option<f64>,
}

/// The headline figures of `plan`, whose assessment is `assessment`.
pub fn headline(plan: &Plan, assessment: &Assessment) -> Headline {
    let s = &assessment.service;
    let cost = annual_cost(plan, assessment).total;
    Headline {
        case_holder_fte: s.sums.case_holder_fte,
        case_holding_grade_fte: s.sums.case_holding_grade_fte,
        capacity_cases: s.capacity_cases,
        caseload: s.caseload_per_case_holder_fte,
        caseload_available: s.caseload_per_available_fte,
        utilisation: s.utilisation,
        unallocated: s.sums.unallocated as f64,
        must_allocate_unallocated: s.sums.must_allocate_unallocated as f64,
        agency_rate: s.mix.agency_rate,
        vacancy_rate: s.mix.vacancy_rate,
        annual_cost: cost,
        cost_per_case_of_capacity: ratio(cost, s.capacity_cases),
    }
}

/// How a figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Fte,
    Cases,
    Caseload,
    Percent,
    Money,
}

/// Whether a rise is good news, for colouring differences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// One row of the comparison.
pub struct Measure {
    pub label: &'static str,
    pub unit: Unit,
    pub better: Better,
    pub value: fn(&Headline) -> Option<f64>,
    /// Shown on hover: what exactly is counted.
    pub definition: &'static str,
}

/// The rows of the comparison, in order.
pub const MEASURES: [Measure; 12] = [
    Measure {
        label: "Case-holding FTE",
        unit: Unit::Fte,
        better: Better::Higher,
        value: |h| Some(h.case_holding_grade_fte),
        definition: "Available FTE in case-holding grades, holding cases yet or not.",
    },
    Measure {
        label: "Case-holder FTE (DfE)",
        unit: Unit::Fte,
        better: Better::Higher,
        value: |h| Some(h.case_holder_fte),
        definition: "Available FTE holding at least one case: the DfE's case-holders.",
    },
    Measure {
        label: "Capacity in cases",
        unit: Unit::Cases,
        better: Better::Higher,
        value: |h| Some(h.capacity_cases),
        definition: "Points the available workers can carry, in cases at each team's case mix.",
    },
    Measure {
        label: "Caseload per case-holding FTE",
        unit: Unit::Caseload,
        better: Better::Lower,
        value: |h| h.caseload_available,
        definition: "Cases held ÷ available FTE in case-holding grades: falls as posts are added.",
    },
    Measure {
        label: "Caseload per case-holder (DfE)",
        unit: Unit::Caseload,
        better: Better::Lower,
        value: |h| h.caseload,
        definition: "Cases held ÷ FTE of workers holding at least one case (the DfE definition).",
    },
    Measure {
        label: "Utilisation",
        unit: Unit::Percent,
        better: Better::Lower,
        value: |h| h.utilisation,
        definition: "Weighted points of all cases ÷ points the available workers can carry.",
    },
    Measure {
        label: "Unallocated cases",
        unit: Unit::Cases,
        better: Better::Lower,
        value: |h| Some(h.unallocated),
        definition: "Cases waiting in teams with no named worker.",
    },
    Measure {
        label: "Must-allocate unallocated",
        unit: Unit::Cases,
        better: Better::Lower,
        value: |h| Some(h.must_allocate_unallocated),
        definition: "Unallocated cases of types that must never wait (child protection, looked after, court).",
    },
    Measure {
        label: "Agency rate",
        unit: Unit::Percent,
        better: Better::Lower,
        value: |h| h.agency_rate,
        definition: "Agency FTE ÷ (agency + employed FTE).",
    },
    Measure {
        label: "Vacancy rate",
        unit: Unit::Percent,
        better: Better::Lower,
        value: |h| h.vacancy_rate,
        definition: "(Vacant + agency-covered FTE) ÷ all posts' FTE, as the DfE counts it.",
    },
    Measure {
        label: "Annual cost",
        unit: Unit::Money,
        better: Better::Lower,
        value: |h| Some(h.annual_cost),
        definition: "Employed staff at salary with on-costs, agency staff at the day rate; vacancies cost nothing.",
    },
    Measure {
        label: "Cost per case of capacity",
        unit: Unit::Money,
        better: Better::Lower,
        value: |h| h.cost_per_case_of_capacity,
        definition: "Annual cost ÷ capacity in cases.",
    },
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
