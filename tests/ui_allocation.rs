//! Staff needed, allocating waiting work and balancing caseloads, driven as a user drives them:
//! a proposal first, one click to apply it, one Undo to put every case back.

mod common;

use caseload_planner::io::default_scenarios;
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::model::{Plan, ScenarioId, TeamId};
use caseload_planner::text::figure_value;
use caseload_planner::ui::CaseloadApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, CaseloadApp>;

const OPTION: ScenarioId = ScenarioId(1);

fn click(harness: &mut App<'_>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn click_containing(harness: &mut App<'_>, text: &str) {
    harness
        .query_all_by_label_contains(text)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {text:?}"))
        .click();
    harness.run();
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn service_figure(harness: &App<'_>, scenario: ScenarioId, id: FigureId) -> Option<f64> {
    let doc = harness.state().document();
    figure(id).of(&doc.assessment_of(scenario).unwrap().service)
}

/// Every count of cases, held by each post and waiting in each team.
fn counts(plan: &Plan) -> Vec<String> {
    let posts = plan
        .posts
        .iter()
        .map(|p| format!("{:?} {:?}", p.id, p.cases));
    let teams = plan
        .teams
        .iter()
        .map(|t| format!("{:?} {:?}", t.id, t.unallocated));
    posts.chain(teams).collect()
}

#[test]
fn balancing_the_fixed_term_option_with_the_localities_lowers_its_caseload_in_compare() {
    let mut harness = common::harness_with(common::example_before_moves());
    let caseload = |h: &App<'_>, s| service_figure(h, s, FigureId::Caseload).unwrap();
    // As first written: 24.5 in the baseline and 24.5 with the fixed-term team.
    assert_eq!(
        figure_value(
            figure(FigureId::Caseload).unit,
            Some(caseload(&harness, OPTION))
        ),
        "24.5"
    );
    click(&mut harness, "Fixed-term locality team");
    // For the whole service (every team ticked), then only the fixed-term team and the two
    // localities it relieves.
    click(&mut harness, "Balance caseloads…");
    for team in [
        "Front Door and Assessment",
        "Children in Care",
        "Care Leavers",
        "Service Management",
    ] {
        harness.get_by_role_and_label(Role::CheckBox, team).click();
        harness.run();
    }
    click(&mut harness, "Across these teams as one pool");
    // Child-protection cases stay with their social worker, as in the shipped example.
    click_containing(&mut harness, "Cases that stay with their worker");
    harness
        .get_by_role_and_label(Role::CheckBox, "Child protection")
        .click();
    harness.run();
    // The proposal first: each move, by name, and the effect on the headline figures.
    assert!(
        shows(&harness, "-> FT social worker"),
        "no move to a new worker listed"
    );
    assert!(!shows(&harness, "J. Brown ->"), "Front Door gives no cases");
    assert!(shows(&harness, "Now") && shows(&harness, "After"));
    assert_eq!(
        harness.state().document().scenarios().plan(OPTION).posts,
        common::example_before_moves().plan(OPTION).posts,
        "nothing changes before Apply"
    );
    assert!(!shows(&harness, "child protection case: A. Hall"));
    click_containing(&mut harness, "Apply ");
    // Exactly the example as shipped: its option was balanced this way.
    assert_eq!(
        harness.state().document().scenarios().plan(OPTION).posts,
        default_scenarios().plan(OPTION).posts
    );

    let baseline = caseload(&harness, ScenarioId::BASELINE);
    let option = caseload(&harness, OPTION);
    assert!(
        option < baseline - 3.0,
        "baseline {baseline}, option {option}"
    );
    click(&mut harness, "Compare");
    let unit = figure(FigureId::Caseload).unit;
    assert!(shows(&harness, &figure_value(unit, Some(option))));
    assert!(shows(&harness, &figure_value(unit, Some(baseline))));
    // The list of changes shows the moves, worker by worker.
    assert!(
        shows(&harness, "18 × Social worker"),
        "the fixed-term team is listed"
    );
    assert!(
        shows(&harness, "holding "),
        "with the cases its workers now hold"
    );
    assert!(
        shows(&harness, "A. Hall (Social worker, Locality North): 26 to "),
        "each worker who gave cases is listed"
    );
}

#[test]
fn allocating_waiting_work_clears_the_must_allocate_alert_where_there_is_room() {
    let mut harness = common::harness_with(default_scenarios());
    let before = counts(harness.state().document().plan());
    let waiting = |h: &App<'_>, team: u32| {
        let doc = h.state().document();
        let t = &doc.assessment().team(TeamId(team)).unwrap().totals;
        figure(FigureId::MustAllocateWaiting).of(t).unwrap()
    };
    // Front Door: 1 child protection case waiting, and M. Davies (ASYE, 12.8 of 16 points)
    // has room for it (1.5 points). Locality South: 2 waiting, every worker over capacity.
    assert_eq!((waiting(&harness, 1), waiting(&harness, 3)), (1.0, 2.0));
    click_containing(&mut harness, "Front Door and Assessment (");
    let alert = "1 must-allocate case is unallocated";
    assert!(
        shows(&harness, alert),
        "the inspector shows Front Door's alert"
    );

    click(&mut harness, "Edit");
    // The menu's entry (the inspector's button beside it does the same).
    click_containing(&mut harness, "Allocate waiting work…");
    assert!(shows(
        &harness,
        "1 child protection case: waiting in Front Door and Assessment -> M. Davies"
    ));
    assert!(
        !shows(&harness, "waiting in Locality South"),
        "only the team selected"
    );
    click_containing(&mut harness, "Apply ");
    assert_eq!((waiting(&harness, 1), waiting(&harness, 3)), (0.0, 2.0));
    assert!(!shows(&harness, alert), "the alert is gone");
    assert!(
        shows(&harness, "Allocated "),
        "the status bar says what was done"
    );

    // One Undo puts every case back where it was, and the alert with it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(harness.state().document().plan()), before);
    assert!(shows(&harness, alert));
}

#[test]
fn waiting_work_with_no_room_stays_waiting_and_is_reported() {
    let mut harness = common::harness_with(default_scenarios());
    click_containing(&mut harness, "Locality South (");
    click(&mut harness, "Allocate waiting work…");
    assert!(shows(&harness, "Nothing to move"));
    assert!(shows(&harness, "Stays waiting"));
    assert!(shows(
        &harness,
        "Locality South: 6 Child in need, 2 Child protection"
    ));
    let apply = harness.get_by_label_contains("Apply ");
    assert!(
        format!("{apply:?}").contains("disabled: true"),
        "nothing to apply"
    );
}

#[test]
fn making_an_option_with_the_posts_needed_shows_it_in_compare() {
    let mut harness = common::harness_with(default_scenarios());
    click_containing(&mut harness, "Locality North (");
    click(&mut harness, "Staff needed");
    // Locality North: 152 cases / 18 = 8.44 FTE needed, 5.8 available: 2.64 short.
    assert!(shows(&harness, "8.44"));
    assert!(shows(&harness, "2.64"));
    click(&mut harness, "Make an option with these posts…");
    assert!(shows(
        &harness,
        "Locality North: 3 × Social worker (2.64 FTE short)"
    ));
    click(&mut harness, "Make the option");

    let doc = harness.state().document();
    let made = doc.active();
    assert_ne!(made, ScenarioId::BASELINE);
    assert_eq!(
        doc.scenarios().get(made).unwrap().name,
        "Locality North + 3 posts"
    );
    let north = |s| {
        let a = doc.assessment_of(s).unwrap();
        figure(FigureId::Caseload)
            .of(&a.team(TeamId(2)).unwrap().totals)
            .unwrap()
    };
    assert!(north(made) < north(ScenarioId::BASELINE) - 3.0);
    // Shown in Compare beside the baseline, and one Undo takes the posts away again.
    assert!(shows(&harness, "Locality North + 3 posts"));
    assert!(shows(&harness, "vs baseline"));
    let posts = doc.plan().posts.len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().plan().posts.len(), posts - 3);
}
