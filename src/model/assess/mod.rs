//! From plan to assessment: one pure function, [`assess`], computes every figure the app,
//! the command line and the charts show.
//!
//! Definitions (each written once, in the module named):
//! - post: cases held, weighted load, capacity, utilisation, band, headroom ([`PostAssessment`]);
//! - team and service: demand, capacity, utilisation, the two caseload averages, headroom in
//!   cases, staffing-mix rates ([`Totals`], [`StaffingMix`]);
//! - targets breached ([`Flag`]).

mod band;
mod busiest;
mod capacity;
mod flags;
mod sums;
mod totals;

pub use band::Band;
pub(crate) use capacity::capacity_points;
pub use capacity::mean_points_per_case;
pub use flags::Flag;
pub use sums::{ByContract, Sums, Weighed};
pub use totals::{StaffingMix, Totals, ratio};

use super::reductions::kept_back_now;
use super::{CaseCounts, CaseTypeId, ContractKind, GradeId, Plan, PostId, TeamId};
use std::collections::HashMap;

/// Everything derived from a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// One entry per post whose team and grade exist, in plan order.
    pub posts: Vec<PostAssessment>,
    /// One entry per team, in plan order.
    pub teams: Vec<TeamAssessment>,
    /// The whole service.
    pub service: Totals,
    /// Where each post's entry is in `posts`: the UI looks posts up once per bar and row.
    post_index: HashMap<PostId, usize>,
}

/// Figures for one post.
#[derive(Clone, Debug, PartialEq)]
pub struct PostAssessment {
    pub post: PostId,
    pub team: TeamId,
    pub cases_held: u64,
    /// Sum over case types of cases x weight.
    pub weighted_load: f64,
    /// Grade capacity x FTE less what reductions keep back this month; zero while the post
    /// is vacant or its worker absent.
    pub capacity_points: f64,
    /// Grade capacity x FTE before reductions (zero while vacant or absent).
    pub nominal_points: f64,
    /// Weighted load / capacity; `None` when the post has no capacity.
    pub utilisation: Option<f64>,
    pub band: Option<Band>,
    /// Capacity minus load, in points; negative when over capacity.
    pub headroom_points: f64,
}

/// Figures for one team.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamAssessment {
    pub team: TeamId,
    pub totals: Totals,
}

impl Assessment {
    pub fn team(&self, id: TeamId) -> Option<&TeamAssessment> {
        self.teams.iter().find(|t| t.team == id)
    }

    pub fn post(&self, id: PostId) -> Option<&PostAssessment> {
        self.post_index.get(&id).map(|&i| &self.posts[i])
    }
}

/// Case-type weights, looked up by binary search: plans have a handful of case types, and this
/// is the inner loop of the assessment. The projection weighs cases with it too.
pub(crate) struct Weights(Vec<(CaseTypeId, f64, bool)>);

impl Weights {
    pub(crate) fn new(plan: &Plan) -> Self {
        let mut v: Vec<_> = plan
            .case_types
            .iter()
            .map(|c| (c.id, c.weight, c.must_allocate))
            .collect();
        v.sort_by_key(|entry| entry.0);
        Weights(v)
    }

    /// The case types in id order, each with its weight and whether it must be allocated: the
    /// order of the counts [`Weights::points_of`] takes.
    pub(crate) fn types(&self) -> &[(CaseTypeId, f64, bool)] {
        &self.0
    }

    /// Weighted points of counts listed in the order of [`Weights::types`]: the same sum, added
    /// in the same order, as [`Weights::weigh`]'s `points`, so a load kept as a list of counts
    /// (the allocation's) is exactly the load the assessment shows.
    pub(crate) fn points_of(&self, counts: &[u32]) -> f64 {
        let mut points = 0.0;
        for (&(_, weight, _), &n) in self.0.iter().zip(counts) {
            points += f64::from(n) * weight;
        }
        points
    }

    fn get(&self, id: CaseTypeId) -> Option<(f64, bool)> {
        let i = self.0.binary_search_by_key(&id, |entry| entry.0).ok()?;
        Some((self.0[i].1, self.0[i].2))
    }

    /// Counts, must-allocate counts and their points. Unknown case types are skipped: a
    /// validated plan has none.
    pub(crate) fn weigh(&self, counts: &CaseCounts) -> Weighed {
        let mut w = Weighed::default();
        for (&id, &n) in counts {
            if let Some((weight, must_allocate)) = self.get(id) {
                let points = f64::from(n) * weight;
                w.cases += u64::from(n);
                w.points += points;
                if must_allocate {
                    w.must_cases += u64::from(n);
                    w.must_points += points;
                }
            }
        }
        w
    }
}

/// Assesses a plan. Meant for validated plans; on an invalid one it never panics and skips
/// posts whose team or grade does not exist.
pub fn assess(plan: &Plan) -> Assessment {
    let settings = &plan.settings;
    let weights = Weights::new(plan);
    // Each grade with what a full-time post at it costs a year under each contract, looked up
    // once per grade rather than once per post.
    let grades: HashMap<GradeId, _> = plan
        .grades
        .iter()
        .map(|g| {
            let mut rates = ByContract::default();
            for kind in ContractKind::ALL {
                rates.add(kind, plan.costs.annual(g.id, kind, 1.0));
            }
            (g.id, (g, rates))
        })
        .collect();
    let team_index = plan.team_positions();

    let mut team_sums = vec![Sums::default(); plan.teams.len()];
    for (sums, team) in team_sums.iter_mut().zip(&plan.teams) {
        sums.add_unallocated(weights.weigh(&team.unallocated));
    }

    let mut posts = Vec::with_capacity(plan.posts.len());
    for post in &plan.posts {
        let (Some(&team), Some(&(grade, rates))) =
            (team_index.get(&post.team), grades.get(&post.grade))
        else {
            continue;
        };
        let load = weights.weigh(&post.cases).points;
        let worked = if post.is_available() { 1.0 } else { 0.0 };
        let nominal = capacity_points(grade.capacity_points, post.fte, worked);
        // Reductions that apply in the month the plan describes (protected time and others).
        let capacity = if nominal > 0.0 {
            nominal * (1.0 - kept_back_now(post, plan))
        } else {
            nominal
        };
        let utilisation = ratio(load, capacity);
        let cost = rates.get(post.contract.kind()) * post.fte;
        team_sums[team].add_post(post, grade, load, capacity, cost);
        team_sums[team].reduced_points += nominal - capacity;
        posts.push(PostAssessment {
            post: post.id,
            team: post.team,
            cases_held: post.cases_held(),
            weighted_load: load,
            capacity_points: capacity,
            nominal_points: nominal,
            utilisation,
            band: utilisation.map(|u| Band::of(u, settings)),
            headroom_points: capacity - load,
        });
    }

    let mut service_sums = Sums::default();
    let mut capacity_cases = 0.0;
    let mut headroom_cases = 0.0;
    let teams: Vec<TeamAssessment> = plan
        .teams
        .iter()
        .zip(team_sums)
        .map(|(team, sums)| {
            service_sums.merge(&sums);
            let totals = Totals::from_sums(sums, plan, None);
            capacity_cases += totals.capacity_cases;
            headroom_cases += totals.headroom_cases;
            TeamAssessment {
                team: team.id,
                totals,
            }
        })
        .collect();
    // Case-denominated service figures are summed over teams, each at its own case mix, so an
    // empty new team adds its capacity in standard cases (18 social workers x 20 = 360).
    let service = Totals::from_sums(service_sums, plan, Some((capacity_cases, headroom_cases)));
    let post_index = posts.iter().enumerate().map(|(i, p)| (p.post, i)).collect();
    Assessment {
        posts,
        teams,
        service,
        post_index,
    }
}

#[cfg(test)]
mod published_definitions;
#[cfg(test)]
mod tests;
