//! Each team's demand month by month: its cases now, moved by the scenario's demand flows
//! where they move (new cases and months open by case type, and the levers on them:
//! [`crate::model::demand_flows`]), then changed by its demand assumption (monthly growth or a
//! target change). A team whose flows do not move keeps its case mix, so its points per case
//! stay those of today's cases; one whose flows move takes the mix of its open cases month by
//! month (fewer children in care and more in need lowers the points a case counts for).

use super::Work;
use crate::model::Plan;
use crate::model::assess::mean_points_per_case;
use crate::model::demand_flows::{FlowStart, open_by_team, team_open_cases};

/// One team's demand, month by month.
pub(super) struct TeamDemand {
    /// Cases, held and waiting.
    pub cases: Vec<f64>,
    /// Weighted points a case counts for on average.
    pub points_per_case: Vec<f64>,
    /// What the team's open cases cost a month beyond staff.
    pub cost_a_month: Vec<f64>,
}

/// Every team's demand, in the plan's team order; `now` is each team's cases and points now.
pub(super) fn team_demands(plan: &Plan, now: &[Work]) -> Vec<TeamDemand> {
    let months = plan.timeline.months;
    let a = &plan.assumptions;
    let case_costs = &plan.costs.case_costs;
    // Counts by case type only when flows are set at all: most plans never need them.
    let counts = (!a.flows.is_empty()).then(|| open_by_team(plan));
    plan.teams
        .iter()
        .zip(now)
        .enumerate()
        .map(|(i, (team, work))| {
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
            let changed = |t: u32| change.map_or(0.0, |c| c.change_at(cases, t));
            let flowing = counts.as_ref().and_then(|counts| {
                let start: Vec<FlowStart> = plan
                    .case_types
                    .iter()
                    .map(|c| FlowStart {
                        case_type: c.id,
                        name: &c.name,
                        open: f64::from(counts[i].get(&c.id).copied().unwrap_or(0)),
                    })
                    .collect();
                team_open_cases(&a.flows, plan.timeline, team.id, &start)
            });
            match flowing {
                None => {
                    let cases: Vec<f64> =
                        (0..months).map(|t| (cases + changed(t)).max(0.0)).collect();
                    TeamDemand {
                        cost_a_month: cases.iter().map(|n| n * cost_per_case).collect(),
                        cases,
                        points_per_case: vec![per_case; months as usize],
                    }
                }
                Some(path) => {
                    let mut demand = TeamDemand {
                        cases: Vec::with_capacity(months as usize),
                        points_per_case: Vec::with_capacity(months as usize),
                        cost_a_month: Vec::with_capacity(months as usize),
                    };
                    for (t, open) in (0..months).zip(&path) {
                        let flow_cases: f64 = open.iter().sum();
                        let flow_points: f64 = open
                            .iter()
                            .zip(&plan.case_types)
                            .map(|(n, c)| n * c.weight)
                            .sum();
                        let flow_cost: f64 = open
                            .iter()
                            .zip(&plan.case_types)
                            .map(|(n, c)| n * case_costs.get(&c.id).copied().unwrap_or(0.0) / 12.0)
                            .sum();
                        let extra = changed(t);
                        let total = (flow_cases + extra).max(0.0);
                        let points = (flow_points + extra * per_case).max(0.0);
                        demand.cases.push(total);
                        demand
                            .cost_a_month
                            .push((flow_cost + extra * cost_per_case).max(0.0));
                        demand
                            .points_per_case
                            .push(mean_points_per_case(points, total));
                    }
                    demand
                }
            }
        })
        .collect()
}
