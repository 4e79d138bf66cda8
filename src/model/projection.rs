//! Capacity over time, from the dates already in a plan: fixed-term contracts that start and
//! end, and absences with a return month. Each month is assessed by [`assess`] on the plan as it
//! stands that month, so every figure keeps its one definition.
//!
//! This is the expected path with no turnover, recruitment or demand change: the first part of
//! the projection in issue 4, which adds those assumptions, scenarios and costs.

use super::{Contract, Plan, PostStatus, Totals, YearMonth, assess};
use std::collections::BTreeSet;

/// The service's figures in one month.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthFigures {
    pub month: YearMonth,
    pub service: Totals,
}

/// The plan as it stands in `month`: fixed-term posts outside their dates are not there (their
/// cases, if any, wait unallocated in their team) and absent workers whose return month has
/// come are back.
pub fn plan_at(plan: &Plan, month: YearMonth) -> Plan {
    let mut at = plan.clone();
    let mut released = Vec::new();
    at.posts.retain(|post| {
        let in_post = match post.contract {
            Contract::FixedTerm { start, end } => start <= month && month <= end,
            Contract::Permanent | Contract::Agency => true,
        };
        if !in_post {
            released.push((post.team, post.cases.clone()));
        }
        in_post
    });
    for post in &mut at.posts {
        if let PostStatus::Absent {
            returns: Some(back),
            ..
        } = post.status
            && back <= month
        {
            post.status = PostStatus::Active;
        }
    }
    for (team, cases) in released {
        if let Some(t) = at.teams.iter_mut().find(|t| t.id == team) {
            t.receive_unallocated(&cases);
        }
    }
    at
}

/// Months in which the plan as it stands can change: a fixed-term contract starts, or the month
/// after one ends, or an absent worker returns.
fn change_months(plan: &Plan) -> BTreeSet<YearMonth> {
    let mut months = BTreeSet::new();
    for post in &plan.posts {
        if let Contract::FixedTerm { start, end } = post.contract {
            months.insert(start);
            months.extend(end.plus_months(1));
        }
        if let PostStatus::Absent {
            returns: Some(back),
            ..
        } = post.status
        {
            months.insert(back);
        }
    }
    months
}

/// The service month by month for `months` months from `start`. The plan is assessed only in
/// the first month and in months where a date changes it; other months repeat the month before.
pub fn project(plan: &Plan, start: YearMonth, months: u32) -> Vec<MonthFigures> {
    let changes = change_months(plan);
    let mut figures: Vec<MonthFigures> = Vec::with_capacity(months as usize);
    for month in (0..months).map_while(|i| start.plus_months(i32::try_from(i).ok()?)) {
        let service = match figures.last() {
            Some(previous) if !changes.contains(&month) => previous.service.clone(),
            _ => assess(&plan_at(plan, month)).service,
        };
        figures.push(MonthFigures { month, service });
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::{self, case_type::CHILD_IN_NEED, grade::SOCIAL_WORKER};
    use crate::model::{
        AbsenceReason, CaseCounts, Post, PostId, Settings, Team, TeamFunction, TeamId,
    };

    fn ym(text: &str) -> YearMonth {
        text.parse().unwrap()
    }

    fn worker(id: u32, contract: Contract, status: PostStatus, cases: u32) -> Post {
        Post {
            id: PostId(id),
            team: TeamId(1),
            grade: SOCIAL_WORKER,
            contract,
            fte: 1.0,
            worker: Some(format!("W{id}")),
            status,
            cases: if cases > 0 {
                CaseCounts::from([(CHILD_IN_NEED, cases)])
            } else {
                CaseCounts::new()
            },
        }
    }

    /// One permanent worker (20 points), one fixed-term April 2026 - March 2027 holding 15 CIN
    /// cases, one on maternity leave back in August 2026.
    fn plan() -> Plan {
        let fixed = Contract::FixedTerm {
            start: ym("2026-04"),
            end: ym("2027-03"),
        };
        let away = PostStatus::Absent {
            reason: AbsenceReason::Maternity,
            returns: Some(ym("2026-08")),
        };
        Plan {
            name: "Projection".into(),
            notes: String::new(),
            settings: Settings::default(),
            case_types: defaults::case_types(),
            grades: defaults::grades(),
            teams: vec![Team {
                id: TeamId(1),
                name: "T".into(),
                function: TeamFunction::Other,
                unallocated: CaseCounts::new(),
            }],
            posts: vec![
                worker(1, Contract::Permanent, PostStatus::Active, 10),
                worker(2, fixed, PostStatus::Active, 15),
                worker(3, Contract::Permanent, away, 0),
            ],
        }
    }

    #[test]
    fn capacity_follows_contract_dates_and_returns_from_leave() {
        let months = project(&plan(), ym("2026-03"), 14);
        let capacity: Vec<f64> = months
            .iter()
            .map(|m| m.service.sums.capacity_points)
            .collect();
        // March: permanent only (20). April-July: + fixed-term (40). August-March 2027: + the
        // return from leave (60). April 2027: the contract has ended (40).
        let expected = [
            20.0, 40.0, 40.0, 40.0, 40.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 40.0,
        ];
        assert_eq!(capacity, expected);
        assert_eq!(months[13].month, ym("2027-04"));
    }

    #[test]
    fn a_contract_that_ends_leaves_its_cases_unallocated() {
        let after = &project(&plan(), ym("2027-04"), 1)[0].service;
        assert_eq!(after.sums.unallocated, 15);
        assert_eq!(after.sums.cases_allocated, 10);
        // Demand is unchanged: the 25 cases still need a worker.
        assert!((after.sums.demand_points - 25.0).abs() < 1e-9);
    }

    #[test]
    fn reusing_unchanged_months_gives_the_same_figures_as_assessing_every_month() {
        let p = plan();
        let start = ym("2026-01");
        for figures in project(&p, start, 24) {
            assert_eq!(
                figures.service,
                assess(&plan_at(&p, figures.month)).service,
                "{}",
                figures.month
            );
        }
    }

    #[test]
    fn a_plan_without_dates_projects_flat_and_equals_today() {
        let mut p = plan();
        p.posts.truncate(1);
        let today = assess(&p).service;
        assert!(
            project(&p, ym("2026-01"), 60)
                .iter()
                .all(|m| m.service == today)
        );
    }
}
