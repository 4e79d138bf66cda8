//! **Staff needed** (the WHO WISN idea, in this service's terms): how many FTE of available
//! case-holding staff a team, or the whole service taken as one pool, needs to meet the plan's
//! targets, counting waiting (unallocated) work as demand; the gap against the staff available
//! now; and what closing the gap would cost a year.
//!
//! Definitions (each written once, here):
//! - **available FTE**: FTE of available workers in case-holding grades, holding cases yet or
//!   not (absent staff and vacancies not counted): the denominator of "All cases per
//!   practitioner FTE", so a team staffed at exactly the FTE needed for the caseload target has
//!   that figure at the target.
//! - **FTE needed for the caseload target**: every case, held (by anyone, absent workers
//!   included: nobody is working those) or waiting ÷ the plan's caseload target.
//! - **FTE needed for a utilisation** (100%, and the amber threshold): demand points ÷
//!   (utilisation × capacity points per available FTE). Points per FTE is the team's grade mix:
//!   its capacity points ÷ its available FTE. A team with no available case-holding FTE has no
//!   mix of its own, so it is costed at the plan's practitioner grade (the first grade, in plan
//!   order, whose role is practitioner and which holds cases: "Social worker", 20 points, in the
//!   default grades).
//! - **gap**: FTE needed − available FTE; negative when there are more staff than needed.
//! - **available ÷ needed**: `None` when nothing is needed (no demand).
//! - **cost a year of closing the gap**: the gap in FTE, kept fractional (part-time posts and
//!   shared posts exist; rounding to whole posts is for whoever makes the posts), × the annual
//!   cost of 1.0 FTE at the team's main practitioner grade, employed (salary with on-costs) or
//!   agency (day rate × working days), at the plan's rates. Nothing when there is no gap. The
//!   main grade is the case-holding grade with the most FTE in post (absent staff included:
//!   they are part of the team's mix), the lower grade id on a tie; the plan's practitioner
//!   grade when the team has nobody in post at a case-holding grade.
//!
//! Every figure is `None` rather than NaN when its denominator is zero (a caseload target or
//! threshold of 0, no grade to cost at).
//!
//! The service's figures pool the whole service: a surplus in one team offsets a shortage in
//! another, so the service's gap can be smaller than the teams' shortages added up.

use crate::model::assess::{Sums, ratio};
use crate::model::{ContractKind, GradeId, GradeRole, Plan};

/// What one target needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Need {
    /// FTE of available case-holding staff needed to meet the target.
    pub fte: Option<f64>,
    /// `fte` − available FTE; negative when there are more staff than needed.
    pub gap: Option<f64>,
    /// Available FTE ÷ `fte`; `None` when nothing is needed.
    pub available_per_needed: Option<f64>,
    /// Cost a year of the gap as employed staff at the main grade; 0 without a gap.
    pub employed_cost: Option<f64>,
    /// Cost a year of the gap as agency staff at the main grade; 0 without a gap.
    pub agency_cost: Option<f64>,
}

/// Staff needed by a team or the whole service.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaffNeeded {
    /// FTE of available workers in case-holding grades now.
    pub available_fte: f64,
    /// Capacity points per available FTE used for the utilisation targets; `None` when the
    /// team has no available staff and the plan no practitioner grade.
    pub points_per_fte: Option<f64>,
    /// The grade whose rates cost the gap; `None` when there is none to cost at.
    pub rate_grade: Option<GradeId>,
    /// To bring all cases, held or waiting, per available FTE to the plan's caseload target.
    pub for_caseload_target: Need,
    /// To bring utilisation, waiting work included, to 100%.
    pub for_full_utilisation: Need,
    /// To bring utilisation, waiting work included, to the amber threshold.
    pub for_amber_threshold: Need,
}

/// Staff needed by a team's or the service's `sums`, at `plan`'s targets, grades and cost
/// rates. The assessment works it out for every team and the service ([`crate::model::Totals`]'s
/// `needed`).
pub fn staff_needed(plan: &Plan, sums: &Sums) -> StaffNeeded {
    let settings = &plan.settings;
    let available = sums.case_holding_grade_fte;
    let practitioner_grade = plan
        .grades
        .iter()
        .find(|g| g.role == GradeRole::Practitioner && g.holds_cases);
    // The team's own mix when it has available staff; the practitioner grade otherwise.
    let points_per_fte = ratio(sums.capacity_points, available).or_else(|| {
        practitioner_grade
            .map(|g| g.capacity_points)
            .filter(|&p| p > 0.0)
    });
    let rate_grade = main_grade(plan, sums).or(practitioner_grade.map(|g| g.id));
    let need = |fte: Option<f64>| {
        let gap = fte.map(|f| f - available);
        let cost = |kind| {
            let grade = rate_grade?;
            let gap = gap?.max(0.0);
            Some(plan.costs.annual(grade, kind, gap))
        };
        Need {
            fte,
            gap,
            available_per_needed: fte.and_then(|f| ratio(available, f)),
            employed_cost: cost(ContractKind::Permanent),
            agency_cost: cost(ContractKind::Agency),
        }
    };
    let for_utilisation = |u: f64| {
        let ppf = points_per_fte?;
        ratio(sums.demand_points, u * ppf)
    };
    StaffNeeded {
        available_fte: available,
        points_per_fte,
        rate_grade,
        for_caseload_target: need(ratio(
            (sums.cases_allocated + sums.unallocated) as f64,
            settings.caseload_target,
        )),
        for_full_utilisation: need(for_utilisation(1.0)),
        for_amber_threshold: need(for_utilisation(settings.amber_from)),
    }
}

/// The case-holding grade with the most FTE in post, the lower id on a tie.
fn main_grade(plan: &Plan, sums: &Sums) -> Option<GradeId> {
    let holds_cases = |id: GradeId| plan.grade(id).is_some_and(|g| g.holds_cases);
    let mut best: Option<(GradeId, f64)> = None;
    for (&grade, &fte) in &sums.fte_by_grade {
        if fte > 0.0 && holds_cases(grade) && best.is_none_or(|(_, most)| fte > most) {
            best = Some((grade, fte));
        }
    }
    best.map(|(grade, _)| grade)
}

#[cfg(test)]
mod tests;
