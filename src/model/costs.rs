//! What a plan costs a year. Employed staff (permanent and fixed-term) cost their grade's
//! salary with on-costs; agency workers a day rate for the working days in a year. Vacant posts
//! cost nothing (an agency worker covering one is an agency post). Absent employed staff are
//! still paid. Rates are illustrative and editable; nothing here is a real pay scale.
//!
//! Part of issue 4: rates are passed in for now; they join the plan file with format v2.

use super::{ContractKind, GradeId, GradeRole, Plan, assess::ratio};
use std::collections::BTreeMap;

/// Cost rates per grade.
#[derive(Clone, Debug, PartialEq)]
pub struct CostRates {
    /// Annual salary of an employed worker at 1.0 FTE, before on-costs.
    pub salary: BTreeMap<GradeId, f64>,
    /// Employer's on-costs (pension, national insurance) as a fraction of salary.
    pub on_costs: f64,
    /// Agency charge per day at 1.0 FTE.
    pub agency_day_rate: BTreeMap<GradeId, f64>,
    /// Working days in a year, for agency day rates.
    pub working_days: f64,
}

impl CostRates {
    /// Illustrative rates for the plan's grades, by role: not any council's pay scale.
    pub fn illustrative(plan: &Plan) -> Self {
        let (mut salary, mut agency_day_rate) = (BTreeMap::new(), BTreeMap::new());
        for grade in &plan.grades {
            let (pay, day) = match grade.role {
                GradeRole::NewlyQualified => (36_000.0, 300.0),
                GradeRole::Practitioner => (45_000.0, 360.0),
                GradeRole::TeamManager => (58_000.0, 450.0),
                GradeRole::SeniorManager => (72_000.0, 550.0),
                GradeRole::Other => (30_000.0, 250.0),
            };
            salary.insert(grade.id, pay);
            agency_day_rate.insert(grade.id, day);
        }
        CostRates {
            salary,
            on_costs: 0.30,
            agency_day_rate,
            working_days: 220.0,
        }
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

/// A plan's annual cost.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnualCost {
    pub by_contract: BTreeMap<ContractKind, f64>,
    pub total: f64,
    /// Total ÷ capacity in cases (as [`super::assess`] counts it); `None` with no capacity.
    pub per_case_of_capacity: Option<f64>,
}

/// The annual cost of every filled post in `plan` at `rates`.
pub fn annual_cost(plan: &Plan, rates: &CostRates) -> AnnualCost {
    let mut by_contract = BTreeMap::new();
    for post in plan.posts.iter().filter(|p| !p.is_vacant()) {
        let kind = post.contract.kind();
        *by_contract.entry(kind).or_insert(0.0) += rates.annual(post.grade, kind, post.fte);
    }
    let total = by_contract.values().sum();
    let capacity = super::assess(plan).service.capacity_cases;
    AnnualCost {
        by_contract,
        total,
        per_case_of_capacity: ratio(total, capacity),
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
}
