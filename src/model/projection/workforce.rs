//! Leaving by length of service and new starters' induction ([`crate::model::retention`]) on
//! the expected path, the random stays of the Monte Carlo runs under them, and the posts a
//! planned intake adds.
//!
//! A post's replacements (workers who join during the projection) are followed by band of
//! service: all workers in one band leave with the same monthly chance, so a band's mass needs
//! no more than its total, and the mass moving on to the next band in a month is exactly the
//! share of the cohort that joined that band's length ago and is still in post (its joining
//! mass × the chance of surviving so long, worked out once for the whole plan). That keeps the
//! cost per post and month to a few operations per band. The first worker's service is known
//! (from the post's start month, or assumed), so their chance of leaving is known month by month.

use super::chances::Chances;
use super::{ASYE_MONTHS, NEVER, PostPath, Prepared, curve_index, monthly_costs};
use crate::model::retention::{ServiceTurnover, monthly_hazard};
use crate::model::{ContractKind, Grade, GradeRole, Plan};
use rand::rngs::Xoshiro256PlusPlus;

/// Monthly chances of leaving by months of service, and the chance of staying so long.
pub(super) struct Curve {
    /// The months of service at which each band after the first begins, ascending.
    bounds: Vec<i32>,
    /// Each band's monthly chance of leaving (one more than `bounds`).
    hazards: Vec<f64>,
    /// `survival[s]`: a new starter's chance of still being in post after `s` months.
    survival: Vec<f64>,
}

impl Curve {
    /// One chance for any length of service.
    pub(super) fn flat(hazard: f64, months: i32) -> Self {
        Self::new(Vec::new(), vec![hazard], months)
    }

    /// The bands of `service` (checked: ascending, the last with no end).
    pub(super) fn banded(service: &ServiceTurnover, months: i32) -> Self {
        let bounds = service
            .bands
            .iter()
            .filter_map(|b| b.until_months)
            .map(|m| i32::try_from(m).unwrap_or(NEVER))
            .collect();
        let hazards = service
            .bands
            .iter()
            .map(|b| monthly_hazard(b.annual))
            .collect();
        Self::new(bounds, hazards, months)
    }

    fn new(bounds: Vec<i32>, mut hazards: Vec<f64>, months: i32) -> Self {
        if hazards.is_empty() {
            hazards.push(0.0);
        }
        let mut curve = Curve {
            bounds,
            hazards,
            survival: Vec::new(),
        };
        let mut staying = 1.0;
        curve.survival = (0..=months.max(0))
            .map(|s| {
                let now = staying;
                staying *= 1.0 - curve.hazard_at(s);
                now
            })
            .collect();
        curve
    }

    /// The monthly chance of leaving in the first band (the only one of a flat curve).
    pub(super) fn first_hazard(&self) -> f64 {
        self.hazards[0]
    }

    pub(super) fn is_banded(&self) -> bool {
        !self.bounds.is_empty()
    }

    /// The monthly chance of leaving with `service` months of service (none yet: the first band).
    pub(super) fn hazard_at(&self, service: i32) -> f64 {
        self.hazards[self.bounds.partition_point(|&b| b <= service)]
    }

    /// A random number of months until a worker with `service` months of service leaves
    /// (1: at the end of this month). Draws one geometric stay per band reached, so with one
    /// band it draws exactly as [`super::monte_carlo`]'s flat stays do.
    pub(super) fn months_until_leaving(&self, rng: &mut Xoshiro256PlusPlus, service: i32) -> i32 {
        let mut service = service.max(0);
        let mut band = self.bounds.partition_point(|&b| b <= service);
        let mut elapsed: i32 = 0;
        loop {
            let stay = super::monte_carlo::months_until_change(rng, self.hazards[band]);
            let Some(&end) = self.bounds.get(band) else {
                return elapsed.saturating_add(stay);
            };
            let left_in_band = end - service;
            if stay <= left_in_band {
                return elapsed.saturating_add(stay);
            }
            elapsed = elapsed.saturating_add(left_in_band);
            service = end;
            band += 1;
        }
    }
}

/// Months of induction and the share of capacity lost meanwhile.
#[derive(Clone, Copy)]
pub(super) struct InductionLoss {
    pub months: i32,
    pub lost: f64,
}

impl InductionLoss {
    /// Whether a worker with `service` months of service is still in induction.
    pub(super) fn applies(&self, service: i32) -> bool {
        (0..self.months).contains(&service)
    }
}

/// Reused between posts: replacements' mass by band, and what joined each month.
#[derive(Default)]
pub(super) struct Scratch {
    bands: Vec<f64>,
    joined: Vec<f64>,
}

/// `post`'s chances on the expected path when its leaving depends on service or its new
/// starters have an induction. The same chances as the flat path, with the first worker and
/// the replacements by band kept apart.
pub(super) fn expected_post(
    post: &PostPath,
    prepared: &Prepared,
    acc: &mut Chances,
    scratch: &mut Scratch,
) {
    let curve = &prepared.curves[post.curve];
    let (a, q) = (prepared.agency_cover, prepared.fill);
    let Scratch { bands, joined } = scratch;
    bands.clear();
    bands.resize(curve.hazards.len(), 0.0);
    joined.clear();
    joined.resize(prepared.months.max(0) as usize, 0.0);

    let mut first_worker = if post.filled { 1.0 } else { 0.0 };
    let (mut cover, mut vacant) = (0.0, 1.0 - first_worker);
    if post.starts_new() {
        acc.add_starters(post, post.first, first_worker);
    }
    for t in post.first..=post.last {
        let replacements: f64 = bands.iter().sum();
        let own = first_worker + replacements;
        let away = if t < post.back_from {
            first_worker
        } else {
            0.0
        };
        acc.add(t, own - away, own, cover, vacant);
        if let Some(induction) = prepared.induction {
            let mut inducting =
                if post.new_starter && induction.applies(post.service0.saturating_add(t)) {
                    first_worker - away
                } else {
                    0.0
                };
            let from = (t - induction.months).max(post.first);
            // Joined in month j, in post from j + 1: t - j - 1 months of service now.
            for (j, &mass) in (from..t).zip(&joined[from as usize..t as usize]) {
                inducting += mass * curve.survival[(t - j - 1) as usize];
            }
            acc.add_induction(t, inducting);
        }

        let first_leaving = curve.hazard_at(post.service0.saturating_add(t)) * first_worker;
        let mut leaving = first_leaving;
        for (mass, hazard) in bands.iter_mut().zip(&curve.hazards) {
            let out = hazard * *mass;
            leaving += out;
            *mass -= out;
        }
        // Cohorts reaching the next band: those who joined a band's length ago (bounds
        // ascend, so none beyond the first not yet reached).
        for (k, &bound) in curve.bounds.iter().enumerate() {
            let j = t - bound;
            if j < post.first {
                break;
            }
            let moving = joined[j as usize] * curve.survival[bound as usize];
            bands[k] -= moving;
            bands[k + 1] += moving;
        }
        first_worker -= first_leaving;
        let filling = q * (vacant + cover);
        acc.add_starters(post, t + 1, filling);
        bands[0] += filling;
        joined[t as usize] = filling;
        cover += a * leaving - q * cover;
        vacant += (1.0 - a) * leaving - q * vacant;
        let mut leavers = leaving;
        if t == post.leaves_after {
            leavers += first_worker;
            cover += a * first_worker;
            vacant += (1.0 - a) * first_worker;
            first_worker = 0.0;
        }
        acc.add_leavers(t, if t == post.ends { own } else { leavers });
    }
}

/// One worker of an intake joining `team` at `grade` in month `first`: a new permanent post,
/// filled from then on by a new starter.
pub(super) fn intake_post(
    plan: &Plan,
    team: usize,
    grade: &Grade,
    full_grade: Option<&Grade>,
    first: i32,
    months: i32,
) -> PostPath {
    let rule = plan.assumptions.protected_time.as_ref();
    let kept = rule
        .filter(|rule| rule.share > 0.0 && rule.grades.contains(&grade.id))
        .map(|rule| vec![rule.share.clamp(0.0, 1.0); months.max(0) as usize].into());
    let (own_cost, cover_cost) = monthly_costs(plan, grade.id, ContractKind::Permanent);
    PostPath {
        team,
        fte: 1.0,
        holds_cases: grade.holds_cases,
        points: grade.capacity_points,
        full_points: full_grade.map_or(grade.capacity_points, |g| g.capacity_points),
        full_from: match (grade.role, full_grade) {
            (GradeRole::NewlyQualified, Some(_)) => first + ASYE_MONTHS,
            _ => NEVER,
        },
        own_cost,
        cover_cost,
        agency: false,
        hazard: 0.0, // intakes follow the workforce path: the permanent curve
        curve: curve_index(ContractKind::Permanent),
        service0: -first,
        new_starter: true,
        by_service: true,
        kept_back: kept,
        first,
        last: months - 1,
        ends: NEVER,
        filled: true,
        back_from: i32::MIN,
        leaves_after: NEVER,
    }
}
