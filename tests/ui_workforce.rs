//! The workforce's own flows, as a manager sets them in an option: half of new workers gone
//! within two years (turnover by length of service) and a yearly intake of newly qualified
//! workers, seen in the Projection's summary.

mod common;

use caseload_planner::model::ScenarioId;
use caseload_planner::model::projection::project;
use caseload_planner::model::retention::{Intake, ServiceTurnover};
use caseload_planner::text;
use common::{choose, click, shows, type_number};

#[test]
fn an_option_with_service_bands_and_a_yearly_intake_projects_them() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "+ New option");
    click(&mut harness, "Projection");
    click(&mut harness, "Assumptions for this scenario");
    click(
        &mut harness,
        "Workforce: turnover by length of service, induction and planned intakes",
    );
    click(
        &mut harness,
        "Permanent staff leave by length of service (instead of the one permanent rate)",
    );
    assert!(shows(
        &harness,
        "Illustrative starting values, not national figures"
    ));
    type_number(&mut harness, "Service band 1 turnover", "29.3");
    type_number(&mut harness, "Service band 2 turnover", "29.3");
    click(&mut harness, "+ Add intake");
    type_number(&mut harness, "Intake 1 workers", "8");
    choose(&mut harness, "Intake 1 grade", "ASYE / newly qualified");
    click(
        &mut harness,
        "New starters have an induction, at part of full capacity",
    );

    let doc = harness.state().document();
    let option = doc.scenarios().plan(ScenarioId(2));
    let service = option.assumptions.service_turnover.clone().unwrap();
    assert_eq!(service.bands[0].annual, 0.293);
    assert_eq!(service.bands[1].annual, 0.293);
    assert_eq!(service.bands.len(), ServiceTurnover::default().bands.len());
    let [intake]: [Intake; 1] = option.assumptions.intakes.clone().try_into().unwrap();
    assert_eq!((intake.workers, intake.every_year), (8, true));
    assert_eq!(intake.month.month(), 9, "the next September");
    assert!(option.assumptions.induction.is_some());
    let baseline = doc.scenarios().baseline();
    assert!(baseline.assumptions.service_turnover.is_none());
    assert!(baseline.assumptions.intakes.is_empty());

    // The summary gives the option's first-year leavers as the model works them out, and the
    // eight workers are in post from the intake's month.
    let projected = project(option);
    let leavers = projected.first_year_leavers().unwrap();
    assert!(shows(
        &harness,
        &format!(
            "Leavers expected in the first year: {} FTE",
            text::fte(leavers)
        )
    ));
    let start = option.timeline.offset(intake.month) as usize;
    let before = project(baseline).months[start].employed_fte;
    let after = projected.months[start].employed_fte;
    assert!(after > before + 7.0, "{after} against {before}");
}

#[test]
fn a_band_out_of_order_cannot_be_typed() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Projection");
    click(&mut harness, "Assumptions for this scenario");
    click(
        &mut harness,
        "Workforce: turnover by length of service, induction and planned intakes",
    );
    click(
        &mut harness,
        "Permanent staff leave by length of service (instead of the one permanent rate)",
    );
    // Band 2 runs from 12 months: it cannot end at 6.
    type_number(&mut harness, "Service band 2 ends", "6");
    assert!(shows(&harness, "must be from 13 to 600, not 6"));
    let doc = harness.state().document();
    let service = doc
        .scenarios()
        .baseline()
        .assumptions
        .service_turnover
        .clone();
    assert_eq!(service.unwrap().bands[1].until_months, Some(24));
}

#[test]
fn an_option_investing_shows_its_spend_and_break_even_in_compare() {
    use caseload_planner::model::money::{break_even, total_spend};
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Fixed-term locality team");
    click(&mut harness, "Projection");
    click(&mut harness, "Assumptions for this scenario");
    click(
        &mut harness,
        "Money: investments, an agency pay cap and a retention payment",
    );
    click(&mut harness, "+ Add investment");
    type_number(&mut harness, "Investment 1 amount", "1800000");
    type_number(&mut harness, "Investment 1 months", "24");
    assert!(shows(&harness, "= £75,000 a month"));

    let doc = harness.state().document();
    let set = doc.scenarios();
    let option = &set.options()[0].plan;
    assert_eq!(option.assumptions.investments[0].amount, 1_800_000.0);
    let (with, base) = (project(option), project(set.baseline()));
    let invested: f64 = with.months.iter().map(|m| m.investment_spend).sum();
    assert!((invested - 1_800_000.0).abs() < 1e-6);
    let total = total_spend(&with).unwrap();
    let difference = total - total_spend(&base).unwrap();
    let break_even_words = text::break_even(break_even(&with, &base));

    click(&mut harness, "Compare");
    assert!(shows(&harness, "Money over the plan's 36 months"));
    for shown in [
        text::money(1_800_000.0),
        text::money(total),
        text::signed(difference, text::money),
        break_even_words,
    ] {
        assert!(shows(&harness, &shown), "Compare shows {shown}");
    }
}
