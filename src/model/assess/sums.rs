//! Raw sums over posts and teams. Everything derived (rates, caseloads, bands) is computed from
//! these in [`super::totals`], so a team's and the service's figures use the same definitions.

use crate::model::{
    AbsenceReason, AgencyCover, ContractKind, Grade, GradeId, GradeRole, Post, PostStatus,
};
use std::collections::BTreeMap;

/// A quantity for each kind of contract (FTE, cost): a fixed array, as the assessment adds to
/// it once per post.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ByContract([f64; 3]);

impl ByContract {
    fn slot(kind: ContractKind) -> usize {
        match kind {
            ContractKind::Permanent => 0,
            ContractKind::Agency => 1,
            ContractKind::FixedTerm => 2,
        }
    }

    pub fn get(&self, kind: ContractKind) -> f64 {
        self.0[Self::slot(kind)]
    }

    pub fn add(&mut self, kind: ContractKind, value: f64) {
        self.0[Self::slot(kind)] += value;
    }

    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    fn merge(&mut self, other: &ByContract) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }
}

/// A quantity for each thing an agency worker may cover (FTE): the DfE's vacancy rate counts
/// only agency workers covering a vacancy.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ByCover([f64; 3]);

impl ByCover {
    fn slot(cover: AgencyCover) -> usize {
        match cover {
            AgencyCover::Vacancy => 0,
            AgencyCover::Absence => 1,
            AgencyCover::OverEstablishment => 2,
        }
    }

    pub fn get(&self, cover: AgencyCover) -> f64 {
        self.0[Self::slot(cover)]
    }

    pub fn add(&mut self, cover: AgencyCover, value: f64) {
        self.0[Self::slot(cover)] += value;
    }

    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    fn merge(&mut self, other: &ByCover) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }
}

/// A set of case counts, weighed: how many cases, how many must be allocated, their points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Weighed {
    pub cases: u64,
    pub must_cases: u64,
    pub points: f64,
    pub must_points: f64,
}

/// Additive quantities: a team's sums plus another team's are the two teams' sums (the highest
/// worker utilisation combines by maximum).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sums {
    /// Cases held by named workers (including workers who are absent).
    pub cases_allocated: u64,
    /// Of those, cases held by absent workers: allocated on paper, nobody working them.
    pub cases_held_by_absent: u64,
    pub unallocated: u64,
    /// Unallocated cases of must-allocate types (child protection, looked after, court).
    pub must_allocate_unallocated: u64,
    /// Weighted points of all unallocated cases (part of `demand_points`).
    pub unallocated_points: f64,
    /// Of those, the points of must-allocate cases.
    pub must_allocate_points: f64,
    /// Weighted points of all cases: allocated plus unallocated.
    pub demand_points: f64,
    /// Weighted points the available workers can carry.
    pub capacity_points: f64,
    /// Points the available workers' reductions keep back this month (protected time, phased
    /// returns…): capacity before reductions less `capacity_points`.
    pub reduced_points: f64,
    /// FTE of available workers holding at least one case (the DfE "case holders").
    pub case_holder_fte: f64,
    /// Cases held by those workers.
    pub case_holder_cases: u64,
    /// FTE of available workers in case-holding grades, holding cases or not.
    pub case_holding_grade_fte: f64,
    /// Cases held by those workers.
    pub case_holding_grade_cases: u64,
    /// FTE of filled posts (absent workers included: they are still in post), by contract.
    pub fte_in_post: ByContract,
    /// FTE of available workers (filled, not absent), by contract.
    pub working_fte: ByContract,
    /// FTE of filled agency posts (absent included), by what the worker covers: the agency
    /// FTE of `fte_in_post`, split.
    pub agency_fte_by_cover: ByCover,
    /// FTE of available agency workers, by what they cover: the agency FTE of `working_fte`.
    pub working_agency_fte_by_cover: ByCover,
    /// Annual cost of filled posts (absent workers are still paid), by contract: see
    /// [`crate::model::CostRates::annual`].
    pub annual_cost: ByContract,
    /// FTE of filled posts by grade.
    pub fte_by_grade: BTreeMap<GradeId, f64>,
    pub vacant_posts: u32,
    pub vacant_fte: f64,
    pub absent_posts: u32,
    pub absent_fte: f64,
    /// FTE of council-employed workers (not agency) away on long-term sickness.
    pub employed_long_term_sick_fte: f64,
    /// FTE of filled posts at a newly-qualified (ASYE) grade.
    pub asye_fte: f64,
    /// FTE of filled posts at case-holding grades (denominator of the ASYE share).
    pub case_holding_grade_fte_in_post: f64,
    /// Filled posts at case-holding grades: the people a team manager supervises.
    pub case_holders_in_post: u32,
    /// Filled team-manager posts.
    pub team_managers_in_post: u32,
    /// Available workers whose weighted load is above their capacity (utilisation over 100%).
    pub workers_over_capacity: u32,
    /// The highest utilisation of any available worker with capacity: the worker balancing
    /// relieves first. `None` when no worker has capacity. (Combined by maximum, not sum.)
    pub highest_worker_utilisation: Option<f64>,
}

impl Sums {
    /// Adds one post. `load` is its weighted load, `capacity` its capacity in points and
    /// `annual_cost` what it costs a year when filled, all already worked out by the caller.
    pub fn add_post(
        &mut self,
        post: &Post,
        grade: &Grade,
        load: f64,
        capacity: f64,
        annual_cost: f64,
    ) {
        let held = post.cases_held();
        self.cases_allocated += held;
        self.demand_points += load;
        self.capacity_points += capacity;

        if post.is_vacant() {
            self.vacant_posts += 1;
            self.vacant_fte += post.fte;
            return;
        }
        self.fte_in_post.add(post.contract.kind(), post.fte);
        let cover = post.agency_cover();
        if let Some(cover) = cover {
            self.agency_fte_by_cover.add(cover, post.fte);
        }
        self.annual_cost.add(post.contract.kind(), annual_cost);
        *self.fte_by_grade.entry(grade.id).or_default() += post.fte;
        if grade.holds_cases {
            self.case_holding_grade_fte_in_post += post.fte;
            self.case_holders_in_post += 1;
            if grade.role == GradeRole::NewlyQualified {
                self.asye_fte += post.fte;
            }
        }
        if grade.role == GradeRole::TeamManager {
            self.team_managers_in_post += 1;
        }
        if post.is_absent() {
            self.absent_posts += 1;
            self.absent_fte += post.fte;
            self.cases_held_by_absent += held;
            let long_term_sick = matches!(
                post.status,
                PostStatus::Absent {
                    reason: AbsenceReason::LongTermSickness,
                    ..
                }
            );
            if long_term_sick && cover.is_none() {
                self.employed_long_term_sick_fte += post.fte;
            }
            return;
        }
        self.working_fte.add(post.contract.kind(), post.fte);
        if let Some(cover) = cover {
            self.working_agency_fte_by_cover.add(cover, post.fte);
        }
        if capacity > 0.0 {
            let utilisation = load / capacity;
            if utilisation > 1.0 {
                self.workers_over_capacity += 1;
            }
            self.highest_worker_utilisation = Some(
                self.highest_worker_utilisation
                    .map_or(utilisation, |h| h.max(utilisation)),
            );
        }
        if held > 0 {
            self.case_holder_fte += post.fte;
            self.case_holder_cases += held;
        }
        if grade.holds_cases {
            self.case_holding_grade_fte += post.fte;
            self.case_holding_grade_cases += held;
        }
    }

    /// Adds a team's unallocated work.
    pub fn add_unallocated(&mut self, work: Weighed) {
        self.unallocated += work.cases;
        self.must_allocate_unallocated += work.must_cases;
        self.unallocated_points += work.points;
        self.must_allocate_points += work.must_points;
        self.demand_points += work.points;
    }

    /// Adds another set of sums (a team's into the service's).
    pub fn merge(&mut self, other: &Sums) {
        self.cases_allocated += other.cases_allocated;
        self.cases_held_by_absent += other.cases_held_by_absent;
        self.unallocated += other.unallocated;
        self.must_allocate_unallocated += other.must_allocate_unallocated;
        self.unallocated_points += other.unallocated_points;
        self.must_allocate_points += other.must_allocate_points;
        self.demand_points += other.demand_points;
        self.capacity_points += other.capacity_points;
        self.reduced_points += other.reduced_points;
        self.case_holder_fte += other.case_holder_fte;
        self.case_holder_cases += other.case_holder_cases;
        self.case_holding_grade_fte += other.case_holding_grade_fte;
        self.case_holding_grade_cases += other.case_holding_grade_cases;
        self.fte_in_post.merge(&other.fte_in_post);
        self.working_fte.merge(&other.working_fte);
        self.agency_fte_by_cover.merge(&other.agency_fte_by_cover);
        self.working_agency_fte_by_cover
            .merge(&other.working_agency_fte_by_cover);
        self.annual_cost.merge(&other.annual_cost);
        for (grade, fte) in &other.fte_by_grade {
            *self.fte_by_grade.entry(*grade).or_default() += fte;
        }
        self.vacant_posts += other.vacant_posts;
        self.vacant_fte += other.vacant_fte;
        self.absent_posts += other.absent_posts;
        self.absent_fte += other.absent_fte;
        self.employed_long_term_sick_fte += other.employed_long_term_sick_fte;
        self.asye_fte += other.asye_fte;
        self.case_holding_grade_fte_in_post += other.case_holding_grade_fte_in_post;
        self.case_holders_in_post += other.case_holders_in_post;
        self.team_managers_in_post += other.team_managers_in_post;
        self.workers_over_capacity += other.workers_over_capacity;
        self.highest_worker_utilisation = match (
            self.highest_worker_utilisation,
            other.highest_worker_utilisation,
        ) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
}
