//! What a scenario assumes about the months ahead: staff leaving, vacancies being filled or
//! covered by agency staff, and demand changing team by team. Each scenario has its own.

use super::demand_flows::{DemandFlows, flow_problems};
use super::money::{AgencyCap, Investment, RetentionMeasure, money_problems};
use super::reductions::ProtectedTime;
use super::retention::{
    Induction, Intake, ServiceTurnover, induction_problem, intake_problems,
    service_turnover_problems,
};
use super::shown::number;
use super::{CaseTypeId, GradeId, TeamId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Turnover, recruitment and demand assumptions for one scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assumptions {
    /// Share of workers on each kind of contract who leave in a year (0.118 = 11.8%).
    pub turnover: Turnover,
    /// Whether vacancies are recruited to at all within the plan's months.
    pub recruit: bool,
    /// Average months from a post falling vacant to a new worker starting in it (at least 1).
    pub months_to_fill: f64,
    /// Share of vacancies covered by agency staff while they are recruited to (0 to 1).
    pub agency_cover: f64,
    /// How demand changes, by team; a team not listed stays as it is.
    #[serde(deserialize_with = "super::unique_keys::unique_keys")]
    pub demand: BTreeMap<TeamId, DemandChange>,
    /// Demand as flows of cases: months open, new cases and the levers on them
    /// ([`super::demand_flows`]). Left out of the file while unused.
    #[serde(skip_serializing_if = "DemandFlows::is_empty")]
    pub flows: DemandFlows,
    /// Service-wide protected time for posts at chosen grades ([`super::reductions`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protected_time: Option<ProtectedTime>,
    /// Permanent staff's turnover by length of service instead of one rate
    /// ([`super::retention`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_turnover: Option<ServiceTurnover>,
    /// New starters' reduced capacity at first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub induction: Option<Induction>,
    /// Planned cohorts of new workers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub intakes: Vec<Intake>,
    /// Money spent on the scenario's changes ([`super::money`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub investments: Vec<Investment>,
    /// A regional cap on agency pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_cap: Option<AgencyCap>,
    /// A payment to keep staff, lowering permanent turnover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention_measure: Option<RetentionMeasure>,
}

/// Annual turnover by contract type, as fractions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Turnover {
    pub permanent: f64,
    pub fixed_term: f64,
    pub agency: f64,
}

/// How one team's demand changes over the plan's months.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum DemandChange {
    /// Demand grows (or shrinks, when negative) by this fraction each month: 0.005 = 0.5%.
    MonthlyGrowth(f64),
    /// Demand changes by `cases` (negative for fewer) evenly over `months`, then stays there:
    /// e.g. 165 fewer children in care over 60 months.
    Target { cases: f64, months: u32 },
}

impl DemandChange {
    /// The change in cases `offset` months after the start, for a team with `cases` now.
    pub fn change_at(self, cases: f64, offset: u32) -> f64 {
        match self {
            DemandChange::MonthlyGrowth(rate) => {
                cases * ((1.0 + rate).powf(f64::from(offset)) - 1.0)
            }
            DemandChange::Target {
                cases: change,
                months,
            } => change * f64::from(offset.min(months)) / f64::from(months.max(1)),
        }
    }
}

/// England's turnover rate of children's social workers (FTE) at 30 September 2025, DfE.
pub const NATIONAL_TURNOVER_2025: f64 = 0.118;
/// "About three quarters of vacancies are covered by agency staff" (DfE workforce release).
pub const NATIONAL_AGENCY_COVER: f64 = 0.75;
/// Illustrative, not a national figure: agency workers move on more often than employees.
pub const ILLUSTRATIVE_AGENCY_TURNOVER: f64 = 0.30;
/// Months to fill a vacancy implied by England's 2025 figures: with turnover at 11.8% a year
/// (1.04% a month) and vacancies at 14.2%, a steady state needs vacancies filled at 6.3% a
/// month, i.e. after 16 months on average (v = h / (h + q), so q = h (1 - v) / v).
pub const NATIONAL_MONTHS_TO_FILL: f64 = 16.0;

/// Where each default comes from, for the app and the README to show beside the values.
pub const DEFAULT_SOURCES: &str = "Defaults from England's 2025 figures (DfE): turnover of \
    permanent and fixed-term staff 11.8% a year; three quarters of vacancies covered by agency \
    staff; 16 months to fill a vacancy, the steady state implied by a 14.2% vacancy rate at that \
    turnover. Agency turnover of 30% is illustrative, not a national figure.";

impl Default for Turnover {
    fn default() -> Self {
        Turnover {
            permanent: NATIONAL_TURNOVER_2025,
            fixed_term: NATIONAL_TURNOVER_2025,
            agency: ILLUSTRATIVE_AGENCY_TURNOVER,
        }
    }
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            turnover: Turnover::default(),
            recruit: true,
            months_to_fill: NATIONAL_MONTHS_TO_FILL,
            agency_cover: NATIONAL_AGENCY_COVER,
            demand: BTreeMap::new(),
            flows: DemandFlows::default(),
            protected_time: None,
            service_turnover: None,
            induction: None,
            intakes: Vec::new(),
            investments: Vec::new(),
            agency_cap: None,
            retention_measure: None,
        }
    }
}

impl Assumptions {
    /// No one leaves, no vacancy is filled and demand stays flat: the projection then follows
    /// the plan's own dates alone.
    pub fn steady() -> Self {
        Assumptions {
            turnover: Turnover {
                permanent: 0.0,
                fixed_term: 0.0,
                agency: 0.0,
            },
            recruit: false,
            ..Assumptions::default()
        }
    }
}

/// Largest plausible monthly demand growth either way (10% a month is tripling in a year).
pub const MAX_MONTHLY_GROWTH: f64 = 0.1;
/// Longest plausible time to fill a vacancy.
pub const MAX_MONTHS_TO_FILL: f64 = 36.0;

/// Largest plausible demand change either way, in cases.
const MAX_CASES: f64 = super::validate::MAX_CASE_COUNT as f64;

/// Every problem with a scenario's assumptions, in a plan-writer's words, one at a time: a
/// caller that only wants the first, or only counts them, builds no more messages than it takes.
pub fn assumptions_problems<'a>(
    a: &'a Assumptions,
    team_exists: impl Fn(TeamId) -> bool + 'a,
    case_type_exists: impl Fn(CaseTypeId) -> bool + 'a,
    grade_exists: impl Fn(GradeId) -> bool + 'a,
) -> impl Iterator<Item = String> + 'a {
    let share = |v: f64| (0.0..=1.0).contains(&v);
    let mut overall = Vec::new();
    for (label, v) in [
        ("permanent", a.turnover.permanent),
        ("fixed-term", a.turnover.fixed_term),
        ("agency", a.turnover.agency),
    ] {
        if !share(v) {
            overall.push(format!(
                "{label} turnover must be from 0% to 100% a year, not {}",
                number(v)
            ));
        }
    }
    if !(1.0..=MAX_MONTHS_TO_FILL).contains(&a.months_to_fill) {
        overall.push(format!(
            "months to fill a vacancy must be from 1 to {MAX_MONTHS_TO_FILL}, not {}",
            number(a.months_to_fill)
        ));
    }
    if !share(a.agency_cover) {
        overall.push(format!(
            "the share of vacancies covered by agency must be from 0% to 100%, not {}",
            number(a.agency_cover)
        ));
    }
    overall.extend(flow_problems(&a.flows, &team_exists, case_type_exists));
    if let Some(rule) = &a.protected_time {
        overall.extend(super::reductions::protected_time_problems(rule));
    }
    if let Some(service) = &a.service_turnover {
        overall.extend(service_turnover_problems(service));
    }
    overall.extend(a.induction.as_ref().and_then(induction_problem));
    for (i, intake) in a.intakes.iter().enumerate() {
        overall.extend(intake_problems(i + 1, intake, &team_exists, &grade_exists));
    }
    overall.extend(money_problems(
        &a.investments,
        a.agency_cap.as_ref(),
        a.retention_measure.as_ref(),
    ));
    let by_team = a.demand.iter().flat_map(move |(&team, &change)| {
        let unknown = (!team_exists(team))
            .then(|| format!("demand change for {team}, which is not in the plan"));
        unknown
            .into_iter()
            .chain(demand_change_problem(change).map(|m| format!("{team}: {m}")))
    });
    overall.into_iter().chain(by_team)
}

fn demand_change_problem(change: DemandChange) -> Option<String> {
    match change {
        DemandChange::MonthlyGrowth(rate)
            if !(-MAX_MONTHLY_GROWTH..=MAX_MONTHLY_GROWTH).contains(&rate) =>
        {
            Some(format!(
                "monthly demand growth must be between -10% and 10%, not {}",
                number(rate)
            ))
        }
        DemandChange::Target { cases, months }
            if !(-MAX_CASES..=MAX_CASES).contains(&cases)
                || !(1..=super::Timeline::MAX_MONTHS).contains(&months) =>
        {
            Some(format!(
                "a demand change needs at most {} cases over 1 to {} months, not {} over {months}",
                super::validate::MAX_CASE_COUNT,
                super::Timeline::MAX_MONTHS,
                number(cases)
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_change_is_spread_evenly_then_held() {
        let fewer = DemandChange::Target {
            cases: -165.0,
            months: 60,
        };
        assert_eq!(fewer.change_at(400.0, 0), 0.0);
        assert_eq!(fewer.change_at(400.0, 12), -33.0);
        assert_eq!(fewer.change_at(400.0, 60), -165.0);
        assert_eq!(fewer.change_at(400.0, 70), -165.0);
    }

    #[test]
    fn monthly_growth_compounds() {
        // 100 cases growing 1% a month: 101 after one month, 100 x 1.01^12 = 112.68 after a year.
        let growth = DemandChange::MonthlyGrowth(0.01);
        assert!((growth.change_at(100.0, 1) - 1.0).abs() < 1e-9);
        assert!((growth.change_at(100.0, 12) - 12.682_503_013_196_97).abs() < 1e-9);
    }

    #[test]
    fn out_of_range_assumptions_are_named() {
        let mut a = Assumptions::default();
        assert_eq!(
            assumptions_problems(&a, |_| true, |_| true, |_| true).count(),
            0
        );
        a.turnover.agency = 1.5;
        a.months_to_fill = 0.0;
        a.demand
            .insert(TeamId(9), DemandChange::MonthlyGrowth(f64::NAN));
        let problems: Vec<String> =
            assumptions_problems(&a, |t| t != TeamId(9), |_| true, |_| true).collect();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("agency turnover"));
        assert!(problems[2].contains("team 9, which is not in the plan"));
    }
}
