//! Leaving by length of service, induction and intakes (`workforce.rs`), worked by hand. A band
//! with annual rate r leaves a monthly chance h = 1 - (1 - r)^(1/12); rates of 0% and 100% make
//! the path certain, so each month can be followed worker by worker.

use super::*;
use crate::model::retention::{Induction, Intake, ServiceBand, ServiceTurnover};

fn bands(list: &[(Option<u32>, f64)], unknown: u32) -> ServiceTurnover {
    ServiceTurnover {
        bands: list
            .iter()
            .map(|&(until_months, annual)| ServiceBand {
                until_months,
                annual,
            })
            .collect(),
        unknown_service_months: unknown,
    }
}

fn vacant(id: u32) -> Post {
    let mut p = post(
        id,
        SOCIAL_WORKER,
        Contract::Permanent,
        PostStatus::Active,
        0,
    );
    p.worker = None;
    p
}

/// Filled the month after falling vacant (a month to fill), never by agency staff.
fn filled_at_once() -> Assumptions {
    Assumptions {
        recruit: true,
        months_to_fill: 1.0,
        agency_cover: 0.0,
        ..Assumptions::steady()
    }
}

fn intake(workers: u32, month: &str, every_year: bool) -> Intake {
    Intake {
        team: TeamId(1),
        grade: ASYE,
        month: ym(month),
        workers,
        every_year,
    }
}

#[test]
fn a_cohort_facing_29_3_percent_for_two_years_keeps_half_of_its_workers() {
    // Ten workers starting in April 2026; 29.3% a year in their first 24 months of service.
    // After 24 months (April 2028) 10 × 0.707² = 4.99849 are still in post.
    let assumptions = Assumptions {
        service_turnover: Some(bands(&[(Some(24), 0.293), (None, 0.0)], 36)),
        intakes: vec![intake(10, "2026-04", false)],
        ..Assumptions::steady()
    };
    let projection = project(&plan_of("2026-04", 30, vec![], assumptions));
    close(projection.months[0].employed_fte, 10.0);
    close(projection.months[24].employed_fte, 10.0 * 0.707 * 0.707);
    // And none leave afterwards (0% from 24 months of service).
    close(projection.months[29].employed_fte, 10.0 * 0.707 * 0.707);
    close(projection.months[29].leavers_fte, 0.0);
}

#[test]
fn a_replacement_moves_band_when_its_service_is_reached() {
    // Nobody leaves in the first 2 months of service; everyone in the third. A vacant post is
    // filled at the end of month 0; the worker is in post in months 1, 2, 3 (service 0, 1, 2),
    // leaves after month 3; month 4 vacant, refilled; in post 5, 6, 7; and so on.
    let assumptions = Assumptions {
        service_turnover: Some(bands(&[(Some(2), 0.0), (None, 1.0)], 0)),
        ..filled_at_once()
    };
    let projection = project(&plan_of("2026-04", 10, vec![vacant(1)], assumptions));
    let in_post: Vec<f64> = projection.months.iter().map(|m| m.employed_fte).collect();
    assert_eq!(in_post, [0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0]);
    let leavers: Vec<f64> = projection.months.iter().map(|m| m.leavers_fte).collect();
    assert_eq!(leavers, [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
}

#[test]
fn the_first_worker_leaves_by_the_service_their_start_month_gives() {
    // Started March 2024, 25 months before April 2026: 0% in the first 24 months, 100% after;
    // service 25 at the start, so they leave after the first month.
    let mut known = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    known.starts = Some(ym("2024-03"));
    // No start month: 10 months assumed; in the 0% band until month 14 (service 24).
    let unknown = post(2, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    let assumptions = Assumptions {
        service_turnover: Some(bands(&[(Some(24), 0.0), (None, 1.0)], 10)),
        ..Assumptions::steady()
    };
    let projection = project(&plan_of("2026-04", 20, vec![known, unknown], assumptions));
    close(projection.months[0].leavers_fte, 1.0);
    close(projection.months[1].employed_fte, 1.0);
    close(projection.months[13].leavers_fte, 0.0);
    close(projection.months[14].leavers_fte, 1.0);
    close(projection.months[15].employed_fte, 0.0);
}

#[test]
fn fixed_term_and_agency_staff_keep_their_contracts_rates() {
    // Bands of 100% would empty any permanent post at once; fixed-term staff at 0% stay.
    let fixed = Contract::FixedTerm {
        start: ym("2026-01"),
        end: ym("2030-01"),
    };
    let assumptions = Assumptions {
        service_turnover: Some(bands(&[(None, 1.0)], 0)),
        ..Assumptions::steady()
    };
    let posts = vec![post(1, SOCIAL_WORKER, fixed, PostStatus::Active, 0)];
    let projection = project(&plan_of("2026-04", 12, posts, assumptions));
    close(projection.months[11].employed_fte, 1.0);
}

#[test]
fn bands_of_one_rate_project_as_that_flat_rate() {
    // Ten permanent workers, a month to fill, half covered by agency: 15% a year in every band
    // is the flat 15% a year, month by month.
    let mut flat = filled_at_once();
    flat.agency_cover = 0.5;
    flat.turnover.permanent = 0.15;
    let banded = Assumptions {
        service_turnover: Some(bands(&[(Some(6), 0.15), (Some(30), 0.15), (None, 0.15)], 3)),
        ..flat.clone()
    };
    let posts: Vec<Post> = (1..=10)
        .map(|id| {
            post(
                id,
                SOCIAL_WORKER,
                Contract::Permanent,
                PostStatus::Active,
                4,
            )
        })
        .chain([vacant(11)])
        .collect();
    let a = project(&plan_of("2026-04", 60, posts.clone(), flat));
    let b = project(&plan_of("2026-04", 60, posts, banded));
    for (x, y) in a.months.iter().zip(&b.months) {
        close(y.capacity_points, x.capacity_points);
        close(y.employed_fte, x.employed_fte);
        close(y.agency_fte, x.agency_fte);
        close(y.leavers_fte, x.leavers_fte);
        close(y.cost, x.cost);
    }
}

#[test]
fn a_new_starter_works_at_the_induction_share_for_its_months() {
    // A social worker's post (20 points) vacant, filled at the end of month 0, nobody leaving;
    // three months' induction at half capacity: 0, 10, 10, 10, then 20.
    let assumptions = Assumptions {
        induction: Some(Induction {
            months: 3,
            share: 0.5,
        }),
        ..filled_at_once()
    };
    let projection = project(&plan_of("2026-04", 6, vec![vacant(1)], assumptions));
    let capacity: Vec<f64> = projection
        .months
        .iter()
        .map(|m| m.capacity_points)
        .collect();
    assert_eq!(capacity, [0.0, 10.0, 10.0, 10.0, 20.0, 20.0]);
}

#[test]
fn workers_already_in_post_have_no_induction() {
    let induction = Assumptions {
        induction: Some(Induction::default()),
        ..Assumptions::steady()
    };
    let posts = vec![post(
        1,
        SOCIAL_WORKER,
        Contract::Permanent,
        PostStatus::Active,
        0,
    )];
    let with = project(&plan_of("2026-04", 6, posts.clone(), induction));
    let without = project(&plan_of("2026-04", 6, posts, Assumptions::steady()));
    assert_eq!(with, without);
}

#[test]
fn a_recruit_starting_later_has_an_induction() {
    // A planned recruit from June 2026 (month 2): half capacity in months 2 and 3, then full.
    let mut recruit = post(1, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0);
    recruit.starts = Some(ym("2026-06"));
    let assumptions = Assumptions {
        induction: Some(Induction {
            months: 2,
            share: 0.5,
        }),
        ..Assumptions::steady()
    };
    let projection = project(&plan_of("2026-04", 6, vec![recruit], assumptions));
    let capacity: Vec<f64> = projection
        .months
        .iter()
        .map(|m| m.capacity_points)
        .collect();
    assert_eq!(capacity, [0.0, 0.0, 10.0, 10.0, 20.0, 20.0]);
}

#[test]
fn a_yearly_intake_adds_asye_workers_who_progress() {
    // Two ASYE workers (16 points each) every September from September 2026, plan from April
    // 2026 over 24 months: cohorts at months 5 and 17. At month 5: 32 points and £36,000 × 1.3
    // / 12 = £3,900 each a month; at month 17 the first cohort has finished its ASYE year
    // (20 points each) and the second starts: 40 + 32 = 72.
    let assumptions = Assumptions {
        intakes: vec![intake(2, "2026-09", true)],
        ..Assumptions::steady()
    };
    let projection = project(&plan_of("2026-04", 24, vec![], assumptions));
    close(projection.months[4].employed_fte, 0.0);
    close(projection.months[5].employed_fte, 2.0);
    close(projection.months[5].capacity_points, 32.0);
    close(projection.months[5].cost, 2.0 * 36_000.0 * 1.3 / 12.0);
    close(projection.months[16].capacity_points, 32.0);
    close(projection.months[17].employed_fte, 4.0);
    close(projection.months[17].capacity_points, 72.0);
    close(projection.months[17].case_holding_fte, 4.0);
}

#[test]
fn certain_paths_give_monte_carlo_bands_equal_to_the_expected_path() {
    // With 0% and 100% bands and a month to fill, every run is the expected path.
    let assumptions = Assumptions {
        service_turnover: Some(bands(&[(Some(2), 0.0), (None, 1.0)], 0)),
        induction: Some(Induction {
            months: 1,
            share: 0.5,
        }),
        ..filled_at_once()
    };
    let plan = plan_of("2026-04", 12, vec![vacant(1), vacant(2)], assumptions);
    let expected = project(&plan);
    let bands = monte_carlo(&plan, 20, 7);
    for (m, band) in expected.months.iter().zip(&bands.capacity_cases) {
        close(band.p10, m.capacity_cases);
        close(band.p90, m.capacity_cases);
    }
}

#[test]
fn one_band_draws_exactly_as_the_flat_rate() {
    // The same seed gives the same bands: one band of 20% is the flat 20%, draw for draw.
    let mut flat = filled_at_once();
    flat.turnover.permanent = 0.2;
    let banded = Assumptions {
        service_turnover: Some(bands(&[(None, 0.2)], 0)),
        ..flat.clone()
    };
    let posts: Vec<Post> = (1..=6)
        .map(|id| {
            post(
                id,
                SOCIAL_WORKER,
                Contract::Permanent,
                PostStatus::Active,
                3,
            )
        })
        .collect();
    let a = monte_carlo(&plan_of("2026-04", 36, posts.clone(), flat), 50, 11);
    let b = monte_carlo(&plan_of("2026-04", 36, posts, banded), 50, 11);
    assert_eq!(a, b);
}

#[test]
fn a_single_band_is_the_permanent_rate_whatever_the_greyed_out_one_says() {
    // One band of 20% a year; the permanent rate (unused then) says 11.8%. Ten workers: 10 h
    // leave in the first month, h = 1 - 0.8^(1/12).
    let mut a = Assumptions {
        service_turnover: Some(bands(&[(None, 0.2)], 36)),
        ..Assumptions::steady()
    };
    a.turnover.permanent = 0.118;
    let posts: Vec<Post> = (1..=10)
        .map(|id| {
            post(
                id,
                SOCIAL_WORKER,
                Contract::Permanent,
                PostStatus::Active,
                0,
            )
        })
        .collect();
    let projection = project(&plan_of("2026-04", 12, posts, a));
    close(
        projection.months[0].leavers_fte,
        10.0 * (1.0 - 0.8f64.powf(1.0 / 12.0)),
    );
}

#[test]
fn workers_in_post_are_not_new_starters_whatever_their_assumed_service() {
    // An ASYE worker with no start month (their year begins with the plan) and a social worker
    // assumed to have 0 months of service: neither is inducted nor counted as a starter.
    let assumptions = Assumptions {
        service_turnover: Some(bands(&[(None, 0.0)], 0)),
        induction: Some(Induction {
            months: 3,
            share: 0.5,
        }),
        ..Assumptions::steady()
    };
    let posts = vec![
        post(1, ASYE, Contract::Permanent, PostStatus::Active, 0),
        post(2, SOCIAL_WORKER, Contract::Permanent, PostStatus::Active, 0),
    ];
    let projection = project(&plan_of("2026-04", 4, posts, assumptions));
    close(projection.months[0].capacity_points, 16.0 + 20.0);
    close(projection.months[0].starters_fte, 0.0);
}
