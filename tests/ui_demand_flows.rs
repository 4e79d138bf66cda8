//! Demand as flows, as a manager uses it: an option with a lever on new cases (early help
//! cutting new child-in-need cases by a fifth over a year), seen two years on in Compare.

mod common;

use caseload_planner::model::demand_flows::FlowChange;
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::model::projection::project;
use caseload_planner::model::{ScenarioId, demand_flows::DemandLever};
use caseload_planner::text;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Opens combo box `combo` and picks `entry` in its list (the entry below the box).
fn choose(harness: &mut App<'_>, combo: &str, entry: &str) {
    let left = harness.get_by_label(combo).rect().left();
    harness.get_by_label(combo).click();
    harness.run();
    harness
        .query_all_by_label(entry)
        .find(|n| (n.rect().left() - left).abs() < 20.0)
        .unwrap_or_else(|| panic!("{entry:?} is offered under {combo:?}"))
        .click();
    harness.run();
}

fn type_number(harness: &mut App<'_>, label: &str, value: &str) {
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .type_text(value);
    harness.key_press(Key::Enter);
    harness.run();
}

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
