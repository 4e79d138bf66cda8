//! Leavers and the first year's turnover, hand-worked with the projection's monthly hazard:
//! an annual turnover `r` is a monthly chance h = 1 - (1 - r)^(1/12) of leaving, so of one FTE
//! (1 - h)^t is still there after t months and h (1 - h)^t leaves at the end of month t.

use super::*;
use crate::model::figures::{FigureId, figure};

/// Ten permanent full-time social workers.
fn ten_permanent() -> Vec<Post> {
    (1..=10)
        .map(|id| {
            post(
                id,
                SOCIAL_WORKER,
                Contract::Permanent,
                PostStatus::Active,
                0,
            )
        })
        .collect()
}

/// Turnover of 12% a year for employees (permanent and fixed-term), 30% for agency workers,
/// no recruitment.
fn twelve_percent() -> Assumptions {
    let mut a = Assumptions::steady();
    a.turnover.permanent = 0.12;
    a.turnover.fixed_term = 0.12;
    a.turnover.agency = 0.3;
    a
}

fn turnover(p: &Projection) -> f64 {
    let value = figure(FigureId::TurnoverFirstYear).of_projection(p);
    assert_eq!(value, p.first_year_turnover());
    value.expect("a turnover")
}

#[test]
fn ten_permanent_staff_at_twelve_percent_lose_one_point_two_fte_in_the_first_year() {
    let p = project(&plan_of("2026-04", 24, ten_permanent(), twelve_percent()));
    let h = 1.0 - 0.88f64.powf(1.0 / 12.0);
    // Month by month: 10 h (1 - h)^t.
    for t in 0..12 {
        close(p.months[t].leavers_fte, 10.0 * h * (1.0 - h).powi(t as i32));
    }
    // Over months 0 to 11: 10 (1 - (1 - h)^12) = 10 x (1 - 0.88) = 1.2 FTE of 10 in post.
    let first_year: f64 = p.months[..12].iter().map(|m| m.leavers_fte).sum();
    close(first_year, 1.2);
    close(p.months[0].employed_fte, 10.0);
    close(turnover(&p), 0.12);
    // Of 1.2 FTE leaving, 17% go to agency work (England 2020-21): 0.204 FTE.
    let of = |id| figure(id).of_projection(&p).expect("a figure");
    close(of(FigureId::LeaversFirstYear), 1.2);
    close(of(FigureId::LeaversToAgencyFirstYear), 0.204);
}

#[test]
fn a_fixed_term_contract_ending_counts_and_agency_leavers_do_not() {
    let mut posts = ten_permanent();
    // A fixed term April to September 2026: its sixth month (offset 5) is its last.
    let fixed = Contract::FixedTerm {
        start: ym("2026-04"),
        end: ym("2026-09"),
    };
    posts.push(post(11, SOCIAL_WORKER, fixed, PostStatus::Active, 0));
    posts.push(post(
        12,
        SOCIAL_WORKER,
        Contract::Agency,
        PostStatus::Active,
        0,
    ));
    let p = project(&plan_of("2026-04", 24, posts, twelve_percent()));
    let h = 1.0 - 0.88f64.powf(1.0 / 12.0);
    // The fixed-term worker leaves at h (1 - h)^t a month until September, when whoever is
    // still there, (1 - h)^5, leaves with the contract: 1 - (1 - h)^5 + (1 - h)^5 = 1 FTE.
    close(
        p.months[5].leavers_fte,
        10.0 * h * (1.0 - h).powi(5) + (1.0 - h).powi(5),
    );
    close(p.months[6].leavers_fte, 10.0 * h * (1.0 - h).powi(6));
    // The agency worker (30% a year) is neither a leaver nor in the denominator:
    // (1.2 + 1) / (10 + 1) = 20%.
    close(p.months[0].employed_fte, 11.0);
    close(turnover(&p), 2.2 / 11.0);
}

#[test]
fn a_known_leaver_counts_but_a_contract_running_past_the_timeline_does_not() {
    let mut leaver = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    leaver.leaves = Some(ym("2026-06"));
    let fixed = Contract::FixedTerm {
        start: ym("2026-04"),
        end: ym("2027-03"),
    };
    let posts = vec![
        leaver,
        post(2, SOCIAL_WORKER, fixed, PostStatus::Active, 0),
        post(3, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0),
    ];
    // Six months, no turnover: the leaver goes after June (offset 2); the fixed term ends
    // after the timeline, so its worker is still in post at its last month.
    let p = project(&plan_of("2026-04", 6, posts, Assumptions::steady()));
    assert_eq!(
        series(&p, |m| m.leavers_fte),
        [0.0, 0.0, 1.0, 0.0, 0.0, 0.0]
    );
    // One leaver in six months is two a year, of 3 FTE employed at the start.
    close(turnover(&p), 2.0 / 3.0);
}

#[test]
fn a_timeline_shorter_than_a_year_is_annualised() {
    let p = project(&plan_of("2026-04", 6, ten_permanent(), twelve_percent()));
    // Six months: 10 (1 - (1 - h)^6) = 10 (1 - 0.88^(1/2)) leave; twice that in a year.
    close(turnover(&p), 2.0 * (1.0 - 0.88f64.sqrt()));
}

#[test]
fn with_no_one_employed_there_is_no_turnover() {
    let agency = post(1, SOCIAL_WORKER, Contract::Agency, PostStatus::Active, 0);
    let p = project(&plan_of("2026-04", 12, vec![agency], twelve_percent()));
    assert_eq!(p.first_year_turnover(), None);
    assert!(p.months.iter().all(|m| m.leavers_fte == 0.0));
}
