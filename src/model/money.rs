//! The money case of an option: what it invests, what an agency pay cap and a retention measure
//! change, and when its spend over time pays back against the baseline's.
//!
//! - Investments: an amount spent evenly over months from a month (one month: a one-off), e.g.
//!   £1.8 million over 24 months is £75,000 a month.
//! - An agency pay cap (a regional agreement): no agency worker is paid more than the cap a day,
//!   and optionally only a share of the vacancies agency staff would cover are still covered.
//! - A retention measure: a payment a year to each council-employed worker in post (FTE) that
//!   lowers permanent staff's annual turnover (every band of service) by some points.
//! - Spend in a month: staff cost + what open cases cost beyond staff (placements, at the
//!   plan's case costs; none unless set) + investments + the measure's payments. Cumulative spend adds
//!   the months up, each discounted to the plan's start at the plan's discount rate (a year's
//!   rate r: month t counts `1 / (1 + r)^(t / 12)`; 0: not discounted).
//! - Break-even against the baseline: the first month from which the option's cumulative spend
//!   stays at or below the baseline's to the end of the plan.

use super::YearMonth;
use super::projection::{ProjectedMonth, Projection};
use super::shown::number;
use serde::{Deserialize, Serialize};

/// Money spent on a change, spread evenly over months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investment {
    /// What it pays for ("edge-of-care team").
    pub name: String,
    /// The whole amount, in pounds.
    pub amount: f64,
    /// The first month it is spent.
    pub from: YearMonth,
    /// Months it is spread over (1: a one-off).
    pub months: u32,
}

impl Investment {
    /// What it spends `offset` months after `start`.
    pub fn spend_at(&self, start: YearMonth, offset: i32) -> f64 {
        let first = start.months_until(self.from);
        let months = i32::try_from(self.months.max(1)).unwrap_or(i32::MAX);
        if (first..first.saturating_add(months)).contains(&offset) {
            self.amount / f64::from(months)
        } else {
            0.0
        }
    }
}

/// A regional agreement capping what agency workers are paid.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyCap {
    /// The most an agency worker is charged a day (1.0 FTE).
    pub max_day_rate: f64,
    /// The share of the vacancies agency staff would cover that are still covered under the
    /// cap (1: as many as before).
    pub still_covered: f64,
}

/// A payment to keep staff.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionMeasure {
    /// Paid a year to each council-employed worker in post, per FTE.
    pub a_year_per_worker: f64,
    /// How much lower permanent staff's annual turnover is: 0.03 = 3 points (15.8% → 12.8%).
    pub turnover_cut: f64,
}

/// The largest amount, rate or payment accepted: beyond it a value is a typo.
pub const MAX_AMOUNT: f64 = 1e10;
/// The longest name an investment may have.
pub const MAX_INVESTMENT_NAME_CHARS: usize = 200;
/// The longest an investment is spread over, in months.
pub const MAX_INVESTMENT_MONTHS: u32 = 600;

/// The day rate an agency worker is charged under `cap`.
pub fn capped_day_rate(rate: f64, cap: Option<&AgencyCap>) -> f64 {
    cap.map_or(rate, |cap| rate.min(cap.max_day_rate))
}

/// A month's spend: staff cost, investments and measures.
pub fn spend(month: &ProjectedMonth) -> f64 {
    month.cost + month.case_cost + month.investment_spend + month.measure_spend
}

/// What a retention measure buys over the plan's months, against the same scenario without it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureEffect {
    /// Council-employed FTE who would have left and do not.
    pub leavers_avoided: f64,
    /// The measure's payments.
    pub payments: f64,
    /// Payments ÷ leavers avoided; `None` when it avoids none.
    pub cost_per_leaver_avoided: Option<f64>,
    /// Agency spend (agency posts and cover) saved.
    pub agency_spend_avoided: f64,
    /// Fewer new starters × the recruitment cost of one.
    pub recruitment_spend_avoided: f64,
}

/// The effect of `with`'s retention measure, comparing its projection with `without`'s (the
/// same scenario without the measure); sums over the plan's months, not discounted.
pub fn measure_effect(
    with: &Projection,
    without: &Projection,
    cost_per_hire: f64,
) -> MeasureEffect {
    let sum = |p: &Projection, f: fn(&ProjectedMonth) -> f64| p.months.iter().map(f).sum::<f64>();
    let leavers_avoided = sum(without, |m| m.leavers_fte) - sum(with, |m| m.leavers_fte);
    let payments = sum(with, |m| m.measure_spend);
    MeasureEffect {
        leavers_avoided,
        payments,
        cost_per_leaver_avoided: (leavers_avoided > 1e-9).then(|| payments / leavers_avoided),
        agency_spend_avoided: sum(without, |m| m.agency_cost) - sum(with, |m| m.agency_cost),
        recruitment_spend_avoided: (sum(without, |m| m.starters_fte)
            - sum(with, |m| m.starters_fte))
            * cost_per_hire,
    }
}

/// The weight of month `offset` in a discounted sum at the annual `rate`.
pub fn discount_factor(rate: f64, offset: i32) -> f64 {
    if rate == 0.0 {
        1.0
    } else {
        (1.0 + rate).powf(-f64::from(offset) / 12.0)
    }
}

/// When an option's cumulative spend comes back to the baseline's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BreakEven {
    /// It never spends more than the baseline, month by month cumulated.
    NeverAbove,
    /// From this month on it stays at or below the baseline.
    In { month: YearMonth, offset: u32 },
    /// It is still above the baseline in the plan's last month.
    NotWithin,
}

/// When `option` breaks even against `baseline` (their cumulative spend compared month by
/// month over the months both have).
pub fn break_even(option: &Projection, baseline: &Projection) -> BreakEven {
    let pairs = option.months.iter().zip(&baseline.months);
    // Cumulative spend a penny apart is the same.
    let above = |(o, b): (&ProjectedMonth, &ProjectedMonth)| {
        o.cumulative_spend > b.cumulative_spend + 0.005
    };
    match pairs.clone().rposition(above) {
        None => BreakEven::NeverAbove,
        Some(last) => match option.months.get(last + 1) {
            Some(m) if last + 1 < baseline.months.len() => BreakEven::In {
                month: m.month,
                offset: (last + 1) as u32,
            },
            _ => BreakEven::NotWithin,
        },
    }
}

/// Cumulative spend over the whole plan (discounted as the plan says); `None` without months.
pub fn total_spend(projection: &Projection) -> Option<f64> {
    projection.months.last().map(|m| m.cumulative_spend)
}

/// Every problem with a scenario's money settings, in a plan-writer's words.
pub fn money_problems(
    investments: &[Investment],
    cap: Option<&AgencyCap>,
    measure: Option<&RetentionMeasure>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, investment) in investments.iter().enumerate() {
        let n = i + 1;
        if !(-MAX_AMOUNT..=MAX_AMOUNT).contains(&investment.amount) {
            problems.push(format!(
                "investment {n} must be at most £{} either way, not {}",
                number(MAX_AMOUNT),
                number(investment.amount)
            ));
        }
        if !(1..=MAX_INVESTMENT_MONTHS).contains(&investment.months) {
            problems.push(format!(
                "investment {n} must be spread over 1 to {MAX_INVESTMENT_MONTHS} months, not {}",
                investment.months
            ));
        }
        if investment.name.chars().count() > MAX_INVESTMENT_NAME_CHARS {
            problems.push(format!(
                "investment {n}'s name is longer than {MAX_INVESTMENT_NAME_CHARS} characters"
            ));
        }
    }
    if let Some(cap) = cap {
        if !(1.0..=super::costs::MAX_RATE).contains(&cap.max_day_rate) {
            problems.push(format!(
                "the agency pay cap must be from 1 to {} a day, not {}",
                super::costs::MAX_RATE,
                number(cap.max_day_rate)
            ));
        }
        if !(0.0..=1.0).contains(&cap.still_covered) {
            problems.push(format!(
                "the share of vacancies still covered under the cap must be from 0% to 100%, not {}",
                number(cap.still_covered)
            ));
        }
    }
    if let Some(m) = measure {
        if !(0.0..=MAX_AMOUNT).contains(&m.a_year_per_worker) {
            problems.push(format!(
                "a retention payment must be from 0 to {}, not {}",
                number(MAX_AMOUNT),
                number(m.a_year_per_worker)
            ));
        }
        if !(0.0..=1.0).contains(&m.turnover_cut) {
            problems.push(format!(
                "a retention measure lowers turnover by 0 to 100 points, not {}",
                number(m.turnover_cut)
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests;
