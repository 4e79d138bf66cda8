use super::*;

fn ym(text: &str) -> YearMonth {
    text.parse().unwrap()
}

#[test]
fn a_year_in_one_band_keeps_one_minus_its_rate() {
    // (1 - h)^12 = 1 - r.
    let h = monthly_hazard(0.293);
    assert!(((1.0 - h).powi(12) - 0.707).abs() < 1e-12);
    assert_eq!(monthly_hazard(0.0), 0.0);
    assert_eq!(monthly_hazard(1.0), 1.0);
}

#[test]
fn intakes_start_in_their_month_and_every_twelve_after_when_yearly() {
    let once = Intake {
        team: TeamId(1),
        grade: GradeId(1),
        month: ym("2026-09"),
        workers: 8,
        every_year: false,
    };
    // A plan from April 2026 over 30 months: September 2026 is month 5.
    assert_eq!(intake_offsets(&once, ym("2026-04"), 30), [5]);
    let yearly = Intake {
        every_year: true,
        ..once
    };
    assert_eq!(intake_offsets(&yearly, ym("2026-04"), 30), [5, 17, 29]);
    // A yearly intake begun before the plan: September 2025 → months 5 and 17 again.
    let earlier = Intake {
        month: ym("2025-09"),
        ..yearly
    };
    assert_eq!(intake_offsets(&earlier, ym("2026-04"), 24), [5, 17]);
    // A one-off intake outside the plan's months starts nothing.
    assert!(intake_offsets(&once, ym("2027-04"), 24).is_empty());
}

#[test]
fn bands_out_of_order_or_out_of_range_are_named() {
    assert!(service_turnover_problems(&ServiceTurnover::default()).is_empty());
    let bad = ServiceTurnover {
        bands: vec![
            ServiceBand {
                until_months: Some(24),
                annual: 0.2,
            },
            ServiceBand {
                until_months: Some(12),
                annual: 1.5,
            },
            ServiceBand {
                until_months: Some(60),
                annual: 0.1,
            },
        ],
        unknown_service_months: 1000,
    };
    let problems = service_turnover_problems(&bad);
    assert_eq!(
        problems,
        [
            "service band 2 must end after 24 months and by 600, not at 12",
            "turnover in service band 2 must be from 0% to 100% a year, not 1.5",
            "the last service band (3) must go on with no end",
            "the service assumed for posts without a start month must be at most 600 months, \
             not 1000",
        ]
    );
}

#[test]
fn an_induction_or_intake_out_of_range_is_refused_with_the_reason() {
    assert_eq!(induction_problem(&Induction::default()), None);
    let long = Induction {
        months: 30,
        share: 0.5,
    };
    assert!(
        induction_problem(&long)
            .unwrap()
            .contains("not 30 months at 0.5")
    );
    let intake = Intake {
        team: TeamId(4),
        grade: GradeId(1),
        month: ym("2026-09"),
        workers: 0,
        every_year: false,
    };
    let problems = intake_problems(2, &intake, |t| t != TeamId(4), |_| true);
    assert_eq!(
        problems,
        [
            "intake 2 joins team 4, which is not in the plan",
            "intake 2 must bring 1 to 200 workers, not 0",
        ]
    );
}
