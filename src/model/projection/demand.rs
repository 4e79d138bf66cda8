//! Each team's demand month by month: its cases now, moved by the scenario's demand flows
//! where they move (new cases and months open by case type, and the levers on them:
//! [`crate::model::demand_flows`]), then changed by its demand assumption (monthly growth or a
//! target change). A team whose flows do not move keeps its case mix, so its points per case
//! stay those of today's cases; one whose flows move takes the mix of its open cases month by
//! month (fewer children in care and more in need lowers the points a case counts for).
//!
//! The expected path follows the expected new cases; each Monte Carlo run draws a team's new
//! cases of each type each month as a Poisson count around the expected number
//! ([`FlowingTeam::demand_into`] with the drawn path), into one [`Demand`] a run.

use super::Work;
use crate::model::Plan;
use crate::model::assess::mean_points_per_case;
use crate::model::demand_flows::{ServiceFlows, TeamFlows};
use std::sync::Arc;

/// Every team's demand, month by month, team-major (`[team * months + t]`): a team's months
/// lie side by side, and a Monte Carlo run's demand is three buffers, not three per team.
#[derive(Clone, Default)]
pub(super) struct Demand {
    pub months: usize,
    /// Cases, held and waiting.
    pub cases: Vec<f64>,
    /// Weighted points a case counts for on average.
    pub points_per_case: Vec<f64>,
    /// What the team's open cases cost a month beyond staff.
    pub cost_a_month: Vec<f64>,
}

impl Demand {
    /// Team `team`'s months of each figure: cases, points per case, cost a month.
    pub fn team(&self, team: usize) -> (&[f64], &[f64], &[f64]) {
        let range = team * self.months..(team + 1) * self.months;
        (
            &self.cases[range.clone()],
            &self.points_per_case[range.clone()],
            &self.cost_a_month[range],
        )
    }

    fn team_mut(&mut self, team: usize) -> (&mut [f64], &mut [f64], &mut [f64]) {
        let range = team * self.months..(team + 1) * self.months;
        (
            &mut self.cases[range.clone()],
            &mut self.points_per_case[range.clone()],
            &mut self.cost_a_month[range],
        )
    }
}

/// A team whose flows move: what turns a path of its open cases into its demand.
pub(super) struct FlowingTeam {
    /// The team's place in the plan's team order.
    pub team: usize,
    pub flows: TeamFlows,
    /// The demand assumption's change in cases, month by month.
    extra: Vec<f64>,
    /// Points and cost a month of a case at today's mix (for the demand assumption's change).
    per_case: f64,
    cost_per_case: f64,
    /// Each case type's weight and cost a month, in the plan's order (the same for every
    /// team).
    weights: Arc<[f64]>,
    costs: Arc<[f64]>,
}

impl FlowingTeam {
    /// Puts into `demand` the team's demand when its open cases follow `path` (flat,
    /// `[t * types + k]`).
    pub fn demand_into(&self, path: &[f64], demand: &mut Demand) {
        let types = self.flows.types();
        let (cases, per_case, cost_a_month) = demand.team_mut(self.team);
        let months = cases.iter_mut().zip(per_case).zip(cost_a_month);
        let (weights, costs) = (&self.weights[..types], &self.costs[..types]);
        for (t, (((cases, per_case), cost_a_month), &extra)) in months.zip(&self.extra).enumerate()
        {
            let open = path.get(t * types..(t + 1) * types).unwrap_or(&[]);
            // Cases, points and cost of the open cases, in one pass.
            let (mut open_cases, mut points, mut cost) = (0.0, 0.0, 0.0);
            for ((n, w), c) in open.iter().zip(weights).zip(costs) {
                open_cases += n;
                points += n * w;
                cost += n * c;
            }
            let total = (open_cases + extra).max(0.0);
            let points = (points + extra * self.per_case).max(0.0);
            *cases = total;
            *per_case = mean_points_per_case(points, total);
            *cost_a_month = (cost + extra * self.cost_per_case).max(0.0);
        }
    }
}

/// Every team's demand on the expected path, in the plan's team order, and the teams whose
/// flows move; `now` is each team's cases and points now, `open` its open cases by case type
/// (`[team * types + k]`; empty when the scenario has no flows).
pub(super) fn team_demands(plan: &Plan, now: &[Work], open: &[f64]) -> (Demand, Vec<FlowingTeam>) {
    let months = plan.timeline.months;
    let a = &plan.assumptions;
    let case_costs = &plan.costs.case_costs;
    let types = plan.case_types.len();
    let service = ServiceFlows::new(
        &a.flows,
        plan.timeline,
        &plan
            .case_types
            .iter()
            .map(|c| (c.id, c.name.as_str()))
            .collect::<Vec<_>>(),
    );
    let weights: Arc<[f64]> = plan.case_types.iter().map(|c| c.weight).collect();
    let costs: Arc<[f64]> = plan
        .case_types
        .iter()
        .map(|c| case_costs.get(&c.id).copied().unwrap_or(0.0) / 12.0)
        .collect();
    let mut flowing = Vec::new();
    let mut demand = Demand {
        months: months as usize,
        cases: vec![0.0; plan.teams.len() * months as usize],
        points_per_case: vec![0.0; plan.teams.len() * months as usize],
        cost_a_month: vec![0.0; plan.teams.len() * months as usize],
    };
    for (i, (team, work)) in plan.teams.iter().zip(now).enumerate() {
        let cases = work.cases as f64;
        let per_case = mean_points_per_case(work.points, cases);
        // Cost a month of a case at today's mix: cases added or lost by a demand change
        // cost the same on average.
        let cost_per_case = if cases > 0.0 {
            work.cost / 12.0 / cases
        } else {
            0.0
        };
        let change = a.demand.get(&team.id);
        let extra: Vec<f64> = (0..months)
            .map(|t| change.map_or(0.0, |c| c.change_at(cases, t)))
            .collect();
        let flows = open
            .get(i * types..(i + 1) * types)
            .and_then(|open| service.team(team.id, open));
        match flows {
            None => {
                let (team_cases, team_per_case, team_cost) = demand.team_mut(i);
                for (((n, p), c), e) in team_cases
                    .iter_mut()
                    .zip(team_per_case)
                    .zip(team_cost)
                    .zip(&extra)
                {
                    *n = (cases + e).max(0.0);
                    *p = per_case;
                    *c = *n * cost_per_case;
                }
            }
            Some(flows) => {
                let team = FlowingTeam {
                    team: i,
                    extra,
                    per_case,
                    cost_per_case,
                    weights: weights.clone(),
                    costs: costs.clone(),
                    flows,
                };
                team.demand_into(&team.flows.open_path(|_, expected| expected), &mut demand);
                flowing.push(team);
            }
        }
    }
    (demand, flowing)
}
