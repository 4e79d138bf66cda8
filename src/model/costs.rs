//! What a plan costs a year. Employed staff (permanent and fixed-term) cost their grade's
//! salary with on-costs; agency workers a day rate for the working days in a year. Vacant posts
//! cost nothing (an agency worker covering one is an agency post). Absent employed staff are
//! still paid. Rates are illustrative and editable; nothing here is a real pay scale.
//!
//! The rates are part of the plan (shared by its scenarios) and saved in its file.

use super::shown::number;
use super::{Assessment, CaseTypeId, ContractKind, Grade, GradeId, GradeRole, Plan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Cost rates per grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRates {
    /// Annual salary of an employed worker at 1.0 FTE, before on-costs.
    #[serde(deserialize_with = "super::unique_keys::unique_keys")]
    pub salary: BTreeMap<GradeId, f64>,
    /// Employer's on-costs (pension, national insurance) as a fraction of salary.
    pub on_costs: f64,
    /// Agency charge per day at 1.0 FTE.
    #[serde(deserialize_with = "super::unique_keys::unique_keys")]
    pub agency_day_rate: BTreeMap<GradeId, f64>,
    /// Working days in a year, for agency day rates.
    pub working_days: f64,
    /// What recruiting one new starter costs (advertising, interviews, agency fees); 0: not
    /// counted. Left out of the file while 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cost_per_hire: f64,
    /// What an open case of a type costs a year beyond the staff who hold it (a child in care's
    /// placement, say); a type not listed costs nothing. Counted in spend over time; left out
    /// of the file while empty.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_keys::unique_keys"
    )]
    pub case_costs: BTreeMap<CaseTypeId, f64>,
    /// A year's discount rate for spend over time (0.035 = 3.5%); 0: not discounted. Left out
    /// of the file while 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub discount_rate: f64,
}

fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

/// The highest discount rate accepted (a year).
pub const MAX_DISCOUNT_RATE: f64 = 0.5;

/// Said wherever the rates are shown or written: they are examples to replace, not data.
pub const ILLUSTRATIVE_NOTE: &str = "Illustrative rates, not a real pay scale: replace them with \
    your council's salaries, on-costs and agency charges.";

/// Largest plausible annual salary or agency day rate; bounds keep every sum finite.
pub const MAX_RATE: f64 = 1_000_000.0;

/// Illustrative salary and agency day rate for a grade of `role`.
pub fn illustrative_rates(role: GradeRole) -> (f64, f64) {
    match role {
        GradeRole::NewlyQualified => (36_000.0, 300.0),
        GradeRole::Practitioner => (45_000.0, 360.0),
        GradeRole::TeamManager => (58_000.0, 450.0),
        GradeRole::SeniorManager => (72_000.0, 550.0),
        GradeRole::Other => (30_000.0, 250.0),
    }
}

impl CostRates {
    /// Illustrative rates for the plan's grades, by role: not any council's pay scale.
    pub fn illustrative(plan: &Plan) -> Self {
        Self::illustrative_for(&plan.grades)
    }

    /// Illustrative rates for `grades`, by role.
    pub fn illustrative_for(grades: &[Grade]) -> Self {
        let mut rates = CostRates {
            salary: BTreeMap::new(),
            on_costs: 0.30,
            agency_day_rate: BTreeMap::new(),
            working_days: 220.0,
            cost_per_hire: 0.0,
            case_costs: BTreeMap::new(),
            discount_rate: 0.0,
        };
        for grade in grades {
            rates.add_grade(grade.id, grade.role);
        }
        rates
    }

    /// Gives a new grade illustrative rates for its role.
    pub fn add_grade(&mut self, grade: GradeId, role: GradeRole) {
        let (pay, day) = illustrative_rates(role);
        self.salary.insert(grade, pay);
        self.agency_day_rate.insert(grade, day);
    }

    pub fn remove_grade(&mut self, grade: GradeId) {
        self.salary.remove(&grade);
        self.agency_day_rate.remove(&grade);
    }

    /// Annual cost of one post at `fte` under `contract`; 0 for a grade without a rate.
    pub fn annual(&self, grade: GradeId, contract: ContractKind, fte: f64) -> f64 {
        match contract {
            ContractKind::Agency => {
                self.agency_day_rate.get(&grade).copied().unwrap_or(0.0) * self.working_days * fte
            }
            ContractKind::Permanent | ContractKind::FixedTerm => {
                self.salary.get(&grade).copied().unwrap_or(0.0) * (1.0 + self.on_costs) * fte
            }
        }
    }
}

/// Smallest salary or day rate other than 0 (no rate known): a pound. A rate of 1e-300 is a
/// typo, and nothing a cost per case should be worked out from.
pub const MIN_RATE: f64 = 1.0;

/// What is wrong with one salary or agency day rate, said after the rate's name.
fn rate_problem(value: f64) -> Option<String> {
    if !(0.0..=MAX_RATE).contains(&value) {
        Some(format!(
            "must be from 0 to {MAX_RATE}, not {}",
            number(value)
        ))
    } else if value > 0.0 && value < MIN_RATE {
        Some(format!(
            "must be 0 or at least {MIN_RATE}, not {}",
            number(value)
        ))
    } else {
        None
    }
}

/// Every problem with a plan's cost rates, one at a time: a caller that only wants the first,
/// or only counts them, builds no more messages than it takes.
pub fn cost_problems<'a>(
    rates: &'a CostRates,
    grade_exists: impl Fn(GradeId) -> bool + 'a,
    case_type_exists: impl Fn(CaseTypeId) -> bool + 'a,
) -> impl Iterator<Item = String> + 'a {
    let by_grade = [
        ("salary", &rates.salary),
        ("agency day rate", &rates.agency_day_rate),
    ]
    .into_iter()
    .flat_map(|(what, map)| map.iter().map(move |(&grade, &value)| (what, grade, value)))
    .flat_map(move |(what, grade, value)| {
        let unknown =
            (!grade_exists(grade)).then(|| format!("{what} for {grade}, which is not in the plan"));
        let out_of_range = rate_problem(value).map(|m| format!("{what} for {grade} {m}"));
        unknown.into_iter().chain(out_of_range)
    });
    let on_costs = (!(0.0..=1.0).contains(&rates.on_costs)).then(|| {
        format!(
            "on-costs must be from 0% to 100% of salary, not {}",
            number(rates.on_costs)
        )
    });
    let working_days = (!(1.0..=366.0).contains(&rates.working_days)).then(|| {
        format!(
            "working days in a year must be from 1 to 366, not {}",
            number(rates.working_days)
        )
    });
    let cost_per_hire = rate_problem(rates.cost_per_hire)
        .map(|m| format!("the recruitment cost of a new starter {m}"));
    let discount = (!(0.0..=MAX_DISCOUNT_RATE).contains(&rates.discount_rate)).then(|| {
        format!(
            "the discount rate must be from 0% to 50% a year, not {}",
            number(rates.discount_rate)
        )
    });
    let case_costs = rates
        .case_costs
        .iter()
        .flat_map(move |(&case_type, &value)| {
            let unknown = (!case_type_exists(case_type))
                .then(|| format!("a case cost for {case_type}, which is not in the plan"));
            let out_of_range = (!(0.0..=MAX_RATE).contains(&value)).then(|| {
                format!(
                    "the cost a year of a {case_type} case must be from 0 to {MAX_RATE}, not {}",
                    number(value)
                )
            });
            unknown.into_iter().chain(out_of_range)
        });
    by_grade
        .chain(case_costs)
        .chain(on_costs)
        .chain(working_days)
        .chain(cost_per_hire)
        .chain(discount)
}

/// A plan's annual cost.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnualCost {
    pub by_contract: BTreeMap<ContractKind, f64>,
    pub total: f64,
    /// Total ÷ capacity in cases (as [`assess`](fn@super::assess) counts it); `None` with no capacity.
    pub per_case_of_capacity: Option<f64>,
}

/// The annual cost of every filled post, by contract, as the assessment worked it out at the
/// plan's own rates (the figures [`super::figures::FigureId::AnnualCost`] and
/// [`super::figures::FigureId::CostPerCaseOfCapacity`]).
pub fn annual_cost(assessment: &Assessment) -> AnnualCost {
    use super::figures::{FigureId, figure};
    let service = &assessment.service;
    AnnualCost {
        by_contract: ContractKind::ALL
            .into_iter()
            .map(|kind| (kind, service.sums.annual_cost.get(kind)))
            .collect(),
        total: service.annual_cost(),
        per_case_of_capacity: figure(FigureId::CostPerCaseOfCapacity).of(service),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::grade::{ASYE, SOCIAL_WORKER, TEAM_MANAGER};

    fn rates() -> CostRates {
        CostRates::illustrative(&crate::model::defaults::new_plan())
    }

    #[test]
    fn employed_staff_cost_salary_with_on_costs_and_agency_a_day_rate() {
        let r = rates();
        // 45,000 x 1.3 = 58,500; part-time 0.6: 35,100.
        assert_eq!(
            r.annual(SOCIAL_WORKER, ContractKind::Permanent, 1.0),
            58_500.0
        );
        assert!((r.annual(SOCIAL_WORKER, ContractKind::FixedTerm, 0.6) - 35_100.0).abs() < 1e-6);
        // 360 a day x 220 days = 79,200.
        assert_eq!(r.annual(SOCIAL_WORKER, ContractKind::Agency, 1.0), 79_200.0);
        assert_eq!(r.annual(ASYE, ContractKind::Permanent, 1.0), 46_800.0);
        assert_eq!(
            r.annual(TEAM_MANAGER, ContractKind::Permanent, 1.0),
            75_400.0
        );
    }

    #[test]
    fn rates_are_zero_or_at_least_a_pound_and_unknown_grades_are_named() {
        let mut r = rates();
        assert_eq!(cost_problems(&r, |_| true, |_| true).count(), 0);
        r.salary.insert(SOCIAL_WORKER, 5e-324);
        r.agency_day_rate.insert(ASYE, -1.0);
        r.agency_day_rate.insert(TEAM_MANAGER, 0.0);
        let problems: Vec<String> = cost_problems(&r, |g| g != ASYE, |_| true).collect();
        assert_eq!(
            problems,
            [
                "salary for grade 1, which is not in the plan",
                "salary for grade 2 must be 0 or at least 1, not 5e-324",
                "agency day rate for grade 1, which is not in the plan",
                "agency day rate for grade 1 must be from 0 to 1000000, not -1",
            ]
        );
    }
}
