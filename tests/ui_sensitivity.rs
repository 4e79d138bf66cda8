//! Which assumption decides it, as a manager asks it of the shipped invest-to-save example: the
//! tornado chart and goal seek in the Projection view, worked out in the background.

mod common;

use caseload_planner::io::load_file;
use caseload_planner::model::sensitivity::{Goal, Sought, goal_seek, tornado};
use caseload_planner::text;
use common::{choose, click, shows};
use std::path::Path;

fn example() -> caseload_planner::model::ScenarioSet {
    load_file(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("saved-plans/redesign-invest-to-save.ron"),
    )
    .unwrap()
}

fn open_sensitivity(harness: &mut egui_kittest::Harness<'_, caseload_planner::ui::CaseloadApp>) {
    click(harness, "Invest to save");
    click(harness, "Projection");
    click(
        harness,
        "Which assumption decides it: sensitivity and goal seek",
    );
}

#[test]
fn the_tornado_chart_draws_for_the_example() {
    let set = example();
    let expected = tornado(&set.options()[0].plan, 24, 0.2, &|_| true).unwrap();
    let mut harness = common::harness_with(set);
    open_sensitivity(&mut harness);
    assert!(!shows(&harness, "Which assumption decides the caseload"));
    click(&mut harness, "Work it out");
    common::wait_for_work(&mut harness);
    assert!(shows(&harness, "Which assumption decides the caseload"));
    assert!(shows(&harness, "(Apr 2028)"), "two years on by default");
    // The chart's widest bar and the table's first row: months open, at the model's values.
    let widest = expected.swings[0];
    assert!(shows(&harness, widest.assumption.label()));
    for value in [widest.low.caseload, widest.high.caseload] {
        let shown = text::one_decimal(value);
        assert!(shows(&harness, &shown), "{shown}");
    }
    assert!(shows(&harness, &text::money(widest.low.spend)));
}

#[test]
fn goal_seek_finds_the_extra_fte_for_the_target() {
    let set = example();
    let option = set.options()[0].plan.clone();
    let target = option.settings.caseload_target;
    let Some(Sought::Found(fte)) = goal_seek(&option, Goal::ExtraFte, target, 24) else {
        panic!("extra FTE reach the target");
    };
    let mut harness = common::harness_with(set);
    open_sensitivity(&mut harness);
    choose(&mut harness, "Goal seek finds", Goal::ExtraFte.label());
    click(&mut harness, "Find");
    common::wait_for_work(&mut harness);
    let words = format!(
        "{} more case-holding FTE from the plan's start",
        text::fte((fte * 100.0).ceil() / 100.0)
    );
    assert!(shows(&harness, &words), "{words}");
}

#[test]
fn an_edit_drops_the_answer_for_the_plan_before_it() {
    let mut harness = common::harness_with(example());
    open_sensitivity(&mut harness);
    click(&mut harness, "Work it out");
    common::wait_for_work(&mut harness);
    assert!(shows(&harness, "Which assumption decides the caseload"));
    // Any change to the scenario shown: the tornado was for the plan before it.
    click(&mut harness, "Assumptions for this scenario");
    click(&mut harness, "Reset to the national defaults");
    assert!(!shows(&harness, "Which assumption decides the caseload"));
}
