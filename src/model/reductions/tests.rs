use super::*;
use crate::model::defaults::grade::{SENIOR_PRACTITIONER, SOCIAL_WORKER};
use crate::model::{Contract, PostId, PostStatus, TeamId};

fn ym(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn post(fte: f64, reductions: Vec<Reduction>) -> Post {
    Post {
        id: PostId(1),
        team: TeamId(1),
        grade: SOCIAL_WORKER,
        contract: Contract::Permanent,
        fte,
        worker: Some("W".into()),
        status: PostStatus::Active,
        cases: Default::default(),
        starts: None,
        leaves: None,
        covers: Default::default(),
        reductions,
    }
}

fn reduction(amount: ReductionAmount, from: &str, until: Option<&str>) -> Reduction {
    Reduction {
        reason: ReductionReason::Development,
        amount,
        from: ym(from),
        until: until.map(ym),
    }
}

#[test]
fn hours_a_week_take_their_share_of_the_contracted_hours() {
    // 3.7 hours a week of a 0.8 FTE post: 3.7 ÷ (0.8 × 37 = 29.6) = 12.5% of its time, so a
    // 20-point grade carries 20 × 0.8 × (29.6 − 3.7) ÷ 29.6 = 14 points (probation's formula).
    let p = post(
        0.8,
        vec![reduction(
            ReductionAmount::HoursAWeek(3.7),
            "2026-04",
            Some("2026-09"),
        )],
    );
    let share = reduced_share(&p, STANDARD_HOURS, None, ym("2026-06"));
    assert!((share - 0.125).abs() < 1e-12);
    let available = crate::model::assess::capacity_points(20.0, 0.8, 1.0) * (1.0 - share);
    assert!((available - 14.0).abs() < 1e-9);
    // Before it starts and after its last month nothing is kept back.
    assert_eq!(reduced_share(&p, STANDARD_HOURS, None, ym("2026-03")), 0.0);
    assert_eq!(reduced_share(&p, STANDARD_HOURS, None, ym("2026-10")), 0.0);
}

#[test]
fn overlapping_reductions_and_the_service_rule_add_up_to_at_most_the_whole_post() {
    let p = post(
        1.0,
        vec![
            reduction(ReductionAmount::Share(0.2), "2026-04", None),
            reduction(ReductionAmount::HoursAWeek(7.4), "2026-06", Some("2026-08")),
        ],
    );
    // 20% from April; 7.4 of 37 hours (20%) more from June to August.
    assert!((reduced_share(&p, STANDARD_HOURS, None, ym("2026-05")) - 0.2).abs() < 1e-12);
    assert!((reduced_share(&p, STANDARD_HOURS, None, ym("2026-07")) - 0.4).abs() < 1e-12);
    // "Experienced social workers keep 10% protected development time": this post's grade.
    let rule = ProtectedTime {
        share: 0.1,
        grades: vec![SOCIAL_WORKER],
    };
    let with_rule = reduced_share(&p, STANDARD_HOURS, Some(&rule), ym("2026-07"));
    assert!((with_rule - 0.5).abs() < 1e-12);
    let elsewhere = ProtectedTime {
        share: 0.1,
        grades: vec![SENIOR_PRACTITIONER],
    };
    assert!(has_reductions(&post(1.0, vec![]), Some(&rule)));
    assert!(!has_reductions(&post(1.0, vec![]), Some(&elsewhere)));
    // Never more than the whole post, whatever the plan says.
    let greedy = ProtectedTime {
        share: 0.9,
        grades: vec![SOCIAL_WORKER],
    };
    assert_eq!(
        reduced_share(&p, STANDARD_HOURS, Some(&greedy), ym("2026-07")),
        1.0
    );
}

#[test]
fn shares_month_by_month_change_only_where_a_reduction_starts_or_ends() {
    // 20% from April (before the plan), 20% more from June to August; a plan of March to
    // October 2026 and 10% protected time for the grade: 10%, then 30% from April, 50% in
    // June to August, 30% again.
    let p = post(
        1.0,
        vec![
            reduction(ReductionAmount::Share(0.2), "2026-04", None),
            reduction(ReductionAmount::HoursAWeek(7.4), "2026-06", Some("2026-08")),
        ],
    );
    let rule = ProtectedTime {
        share: 0.1,
        grades: vec![SOCIAL_WORKER],
    };
    let timeline = Timeline {
        start: ym("2026-03"),
        months: 8,
    };
    let shares = reduced_shares(&p, STANDARD_HOURS, Some(&rule), timeline);
    let want = [0.1, 0.3, 0.3, 0.5, 0.5, 0.5, 0.3, 0.3];
    assert_eq!(shares.len(), want.len());
    for (t, (got, want)) in shares.iter().zip(want).enumerate() {
        assert!((got - want).abs() < 1e-12, "month {t}: {got} not {want}");
        let month = timeline.month(t as u32).unwrap();
        assert_eq!(*got, reduced_share(&p, STANDARD_HOURS, Some(&rule), month));
    }
}

#[test]
fn impossible_reductions_are_refused_with_their_reason() {
    // 30 hours of a half-time post (18.5 hours) in July, with 10% from April.
    let p = post(
        0.5,
        vec![
            reduction(ReductionAmount::Share(0.1), "2026-04", None),
            reduction(
                ReductionAmount::HoursAWeek(30.0),
                "2026-07",
                Some("2026-05"),
            ),
            Reduction {
                reason: ReductionReason::Other("x".repeat(MAX_REASON_CHARS + 1)),
                amount: ReductionAmount::Share(1.5),
                from: ym("2026-04"),
                until: None,
            },
        ],
    );
    let all = reduction_problems(&p, STANDARD_HOURS).join("\n");
    for expected in [
        "a reduction ends (2026-05) before it starts (2026-07)",
        "from 0% to 100% of the post's time, not 1.5",
        "longer than 200 characters",
        "reductions take more than the whole of the post's time in 2026-04",
    ] {
        assert!(all.contains(expected), "{expected}: {all}");
    }
    assert!(reduction_problems(&post(1.0, vec![]), STANDARD_HOURS).is_empty());
    assert_eq!(
        protected_time_problems(&ProtectedTime {
            share: 1.2,
            grades: vec![]
        })
        .len(),
        1
    );
}
