//! Protected time and other reductions: capacity a worker keeps back for a reason and a
//! period (development time, a phased return, union duties, supervising students), as
//! probation's Workload Measurement Tool records them, and a scenario's service-wide rule
//! ("experienced social workers keep 10% protected development time").
//!
//! The formula is the tool's (see `BRIEF.md`):
//!
//! ```text
//! available = nominal × (contracted hours ÷ standard hours) × ((contracted − reduction hours) ÷ contracted)
//! ```
//!
//! where nominal × contracted ÷ standard is the grade's capacity × FTE
//! ([`super::assess::capacity_points`]), so a reduction takes its share of the post's own
//! contracted time: 3.7 hours a week of a 0.8 FTE post (29.6 of 37 hours) is 12.5% of it, and
//! a 20-point grade then carries 20 × 0.8 × 0.875 = 14 points. A reduction given as a share
//! is that share of the contracted time. Reductions that overlap add up; with the service-wide
//! rule they never take more than the whole post.

use super::{GradeId, Plan, Post, Timeline, YearMonth};
use serde::{Deserialize, Serialize};

/// Hours in a full-time week unless the plan says otherwise.
pub const STANDARD_HOURS: f64 = 37.0;
/// Longest reason a plan may give for an "other" reduction, in characters.
pub const MAX_REASON_CHARS: usize = 200;

/// Capacity kept back from one post for a reason, over a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reduction {
    pub reason: ReductionReason,
    pub amount: ReductionAmount,
    /// The first month it applies.
    pub from: YearMonth,
    /// Its last month; `None`: until further notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<YearMonth>,
}

/// Why capacity is kept back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReductionReason {
    /// Protected time for the worker's own development.
    Development,
    /// Back from absence on reduced duties for a while.
    PhasedReturn,
    /// Trade union duties.
    UnionDuties,
    /// Supervising social work students.
    PracticeEducator,
    /// Anything else, in the plan's words.
    Other(String),
}

impl ReductionReason {
    /// Every reason but `Other`, for lists to choose from.
    pub const NAMED: [ReductionReason; 4] = [
        ReductionReason::Development,
        ReductionReason::PhasedReturn,
        ReductionReason::UnionDuties,
        ReductionReason::PracticeEducator,
    ];

    /// The reason in words.
    pub fn label(&self) -> &str {
        match self {
            ReductionReason::Development => "Development time",
            ReductionReason::PhasedReturn => "Phased return",
            ReductionReason::UnionDuties => "Union duties",
            ReductionReason::PracticeEducator => "Practice educator",
            ReductionReason::Other(text) => text,
        }
    }
}

/// How much capacity is kept back.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReductionAmount {
    /// Hours a week of the post's contracted hours.
    HoursAWeek(f64),
    /// A share of the post's contracted time (0.1 = 10%).
    Share(f64),
}

/// A scenario's service-wide protected time: a share of the time of every post at the chosen
/// grades, in every month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectedTime {
    /// The share of each such post's time (0.1 = 10%).
    pub share: f64,
    /// The grades it applies to (the experienced ones, say).
    pub grades: Vec<GradeId>,
}

impl Reduction {
    /// Whether it applies in `month`.
    pub fn applies_in(&self, month: YearMonth) -> bool {
        self.from <= month && self.until.is_none_or(|last| month <= last)
    }

    /// The share of a post's contracted time it takes, for a post of `fte` in a week of
    /// `standard_hours` (not capped).
    pub fn share_of(&self, fte: f64, standard_hours: f64) -> f64 {
        match self.amount {
            ReductionAmount::Share(share) => share,
            ReductionAmount::HoursAWeek(hours) => {
                let contracted = fte * standard_hours;
                if contracted > 0.0 {
                    hours / contracted
                } else {
                    0.0
                }
            }
        }
    }
}

/// The share of `post`'s time kept back in `month` (0 to 1): its own reductions that apply
/// then and the scenario's protected time for its grade.
pub fn reduced_share(
    post: &Post,
    standard_hours: f64,
    rule: Option<&ProtectedTime>,
    month: YearMonth,
) -> f64 {
    let own: f64 = post
        .reductions
        .iter()
        .filter(|r| r.applies_in(month))
        .map(|r| r.share_of(post.fte, standard_hours))
        .sum();
    let protected = rule
        .filter(|rule| rule.grades.contains(&post.grade))
        .map_or(0.0, |rule| rule.share);
    let share = own + protected;
    if share.is_nan() {
        0.0
    } else {
        share.clamp(0.0, 1.0)
    }
}

/// [`reduced_share`] for each month of `timeline`, worked out only in the months where a
/// reduction starts or ends (the share is the same in between).
pub fn reduced_shares(
    post: &Post,
    standard_hours: f64,
    rule: Option<&ProtectedTime>,
    timeline: Timeline,
) -> Box<[f64]> {
    let months = i32::try_from(timeline.months).unwrap_or(0);
    let mut changes: Vec<i32> = vec![0];
    for r in &post.reductions {
        changes.push(timeline.offset(r.from));
        if let Some(last) = r.until {
            changes.push(timeline.offset(last).saturating_add(1));
        }
    }
    changes.retain(|&t| (0..months).contains(&t));
    changes.sort_unstable();
    changes.dedup();
    changes.push(months);
    let mut shares = Vec::with_capacity(months.max(0) as usize);
    for span in changes.windows(2) {
        let share = timeline.month(span[0] as u32).map_or(0.0, |month| {
            reduced_share(post, standard_hours, rule, month)
        });
        shares.extend(std::iter::repeat_n(share, (span[1] - span[0]) as usize));
    }
    shares.into()
}

/// The share of `post`'s time kept back in the month `plan` describes (its timeline's start),
/// as the assessment and the allocation count its capacity.
pub fn kept_back_now(post: &Post, plan: &Plan) -> f64 {
    let rule = plan.assumptions.protected_time.as_ref();
    if has_reductions(post, rule) {
        reduced_share(post, STANDARD_HOURS, rule, plan.timeline.start)
    } else {
        0.0
    }
}

/// Whether `post` has anything kept back in any month, under `rule`.
pub fn has_reductions(post: &Post, rule: Option<&ProtectedTime>) -> bool {
    !post.reductions.is_empty()
        || rule.is_some_and(|rule| rule.share > 0.0 && rule.grades.contains(&post.grade))
}

/// Every problem with a post's reductions, in a plan-writer's words.
pub fn reduction_problems(post: &Post, standard_hours: f64) -> Vec<String> {
    let mut problems = Vec::new();
    for r in &post.reductions {
        if let Some(last) = r.until
            && last < r.from
        {
            problems.push(format!(
                "a reduction ends ({last}) before it starts ({})",
                r.from
            ));
        }
        let bad_amount = match r.amount {
            ReductionAmount::HoursAWeek(h) => !(0.0..=168.0).contains(&h),
            ReductionAmount::Share(s) => !(0.0..=1.0).contains(&s),
        };
        if bad_amount {
            problems.push(match r.amount {
                ReductionAmount::HoursAWeek(h) => format!(
                    "a reduction must be from 0 to 168 hours a week, not {}",
                    super::shown::number(h)
                ),
                ReductionAmount::Share(s) => format!(
                    "a reduction must be from 0% to 100% of the post's time, not {}",
                    super::shown::number(s)
                ),
            });
        }
        if let ReductionReason::Other(text) = &r.reason {
            if text.chars().count() > MAX_REASON_CHARS {
                problems.push(format!(
                    "a reduction's reason is longer than {MAX_REASON_CHARS} characters"
                ));
            }
            if text.trim().is_empty() {
                problems.push("a reduction's reason is blank".to_owned());
            }
        }
    }
    // The most kept back is in a month some reduction starts.
    for r in &post.reductions {
        let total: f64 = post
            .reductions
            .iter()
            .filter(|other| other.applies_in(r.from))
            .map(|other| other.share_of(post.fte, standard_hours))
            .sum();
        if total > 1.0 + 1e-9 {
            problems.push(format!(
                "reductions take more than the whole of the post's time in {} ({:.0}%)",
                r.from,
                total * 100.0
            ));
            break;
        }
    }
    problems
}

/// Every problem with a scenario's protected time. (A grade no longer in the plan is no
/// problem: no post is at it.)
pub fn protected_time_problems(rule: &ProtectedTime) -> Vec<String> {
    (!(0.0..=1.0).contains(&rule.share))
        .then(|| {
            format!(
                "protected time must be from 0% to 100% of a post's time, not {}",
                super::shown::number(rule.share)
            )
        })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests;
