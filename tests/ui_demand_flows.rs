//! Demand as flows, as a manager uses it: an option with a lever on new cases (early help
//! cutting new child-in-need cases by a fifth over a year), seen two years on in Compare.

mod common;

use common::{choose, click, shows, type_number};

use caseload_planner::model::demand_flows::FlowChange;
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::model::projection::project;
use caseload_planner::model::{ScenarioId, demand_flows::DemandLever};
use caseload_planner::text;

#[test]
fn an_option_cutting_new_child_in_need_cases_shows_a_lower_caseload_two_years_on() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "+ New option");
    click(&mut harness, "Projection");
    click(&mut harness, "Assumptions for this scenario");
    click(
        &mut harness,
        "Demand as flows: new cases and how long cases stay open",
    );
    click(&mut harness, "+ Add lever");
    choose(&mut harness, "Lever 1 case type", "Child in need");
    type_number(&mut harness, "Lever 1 change", "-20");
    type_number(&mut harness, "Lever 1 ramp", "12");

    // One lever in the option, none in the baseline.
    let doc = harness.state().document();
    let option = doc.scenarios().plan(ScenarioId(2));
    let [lever]: [DemandLever; 1] = option.assumptions.flows.levers.clone().try_into().unwrap();
    let cin = option
        .case_types
        .iter()
        .find(|c| c.name == "Child in need")
        .unwrap()
        .id;
    assert_eq!(
        lever.change,
        FlowChange::NewCases {
            case_type: cin,
            by: -0.2
        }
    );
    assert_eq!(lever.ramp_months, 12);
    assert!(doc.scenarios().baseline().assumptions.flows.is_empty());

    // Two years on the option holds fewer cases per worker than the baseline.
    let at_24 = |plan| project(plan).months[24].caseload.unwrap();
    let (base, cut) = (at_24(doc.scenarios().baseline()), at_24(option));
    assert!(cut < base - 0.5, "{cut} against {base}");
    let caseload = figure(FigureId::AllCasesPerPractitionerFte);
    let shown_base = text::figure_value(caseload.unit, Some(base));
    let shown_cut = text::figure_value(caseload.unit, Some(cut));
    let shown_difference = text::figure_difference(caseload.unit, cut - base);

    click(&mut harness, "Compare");
    assert!(shows(&harness, "Projected, in"));
    assert!(
        shows(&harness, "(Apr 2028), expected"),
        "24 months after April 2026"
    );
    for text in [&shown_base, &shown_cut, &shown_difference] {
        assert!(shows(&harness, text), "Compare shows {text}");
    }
    assert!(shown_difference.starts_with('-'), "{shown_difference}");
}
