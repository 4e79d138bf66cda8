//! The charts as a user reads them: every team labelled, and labelled differently; the
//! tooltip of the rightmost bar inside the window; legends beside the data, not over it;
//! numbers with thousands separated and counts with the right plural.

mod common;

use caseload_planner::app::ScriptedDialogs;
use caseload_planner::model::{Plan, Post, synthetic};
use caseload_planner::ui::CaseloadApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App = Harness<'static, CaseloadApp>;

const EIGHT_TEAMS: [&str; 8] = [
    "Locality North",
    "Locality South",
    "Locality East",
    "Locality West",
    "Locality Central",
    "Children in Care",
    "Care Leavers",
    "Front Door and Assessment",
];

/// Eight teams with real-sounding names (several starting with the same word), each with a
/// team manager and seven other posts: few enough workers for one bar each.
fn eight_team_plan() -> Plan {
    let mut plan = synthetic::plan(160, 800);
    for (team, name) in plan.teams.iter_mut().zip(EIGHT_TEAMS) {
        team.name = name.to_owned();
    }
    plan.posts.retain(|p| (p.id.0 - 1) % 20 < 8);
    assert_eq!(caseload_planner::model::validate(&plan), vec![]);
    plan
}

fn app_at(plan: Plan, width: f32, height: f32) -> App {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_max_steps(10)
        .build_eframe(move |_cc| {
            CaseloadApp::with_plan(plan, Box::new(ScriptedDialogs::default()))
        });
    harness.run();
    harness
}

/// The labels a chart shows under its columns, as it describes them to screen readers.
fn axis_labels(harness: &App, chart: &str) -> Vec<String> {
    let node = harness.get_by_role_and_label(Role::Figure, chart);
    let description = node.accesskit_node().description().unwrap_or_default();
    description.split(", ").map(str::to_owned).collect()
}

/// Every team has a label of its own: its name, a distinct short form, or its number with the
/// name in the key under the chart.
fn assert_every_team_labelled(harness: &App, chart: &str) {
    let labels = axis_labels(harness, chart);
    assert_eq!(labels.len(), 8, "{chart}: {labels:?}");
    let mut distinct = labels.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        8,
        "{chart}: labels read the same: {labels:?}"
    );
    for (k, (label, name)) in labels.iter().zip(EIGHT_TEAMS).enumerate() {
        if *label == (k + 1).to_string() {
            // Numbered: the key says which team it is.
            let key = format!("{} {name}", k + 1);
            assert!(
                harness.query_all_by_label(&key).next().is_some(),
                "{chart}: no {key:?} in the key"
            );
        } else {
            let tail = name.rsplit(' ').next().unwrap();
            let head: String = name.chars().take(4).collect();
            assert!(
                label == name || label.contains(tail) || label.starts_with(&head),
                "{chart}: {label:?} does not say {name:?}"
            );
        }
    }
}

#[test]
fn with_eight_teams_every_chart_labels_every_team_distinctly() {
    for (width, height) in [(1280.0, 720.0), (1024.0, 700.0), (1440.0, 900.0)] {
        let harness = app_at(eight_team_plan(), width, height);
        for chart in [
            "Caseload per worker",
            "Team capacity and demand",
            "Staffing mix per team",
        ] {
            assert_every_team_labelled(&harness, chart);
        }
    }
}

#[test]
fn the_example_plans_localities_are_told_apart() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    let labels = axis_labels(&harness, "Team capacity and demand");
    assert_eq!(labels.len(), 6, "{labels:?}");
    let north = labels.iter().position(|l| l.contains("North") || l == "2");
    let south = labels.iter().position(|l| l.contains("South") || l == "3");
    assert_eq!((north, south), (Some(1), Some(2)), "{labels:?}");
}

/// The legend is a line of its own above the chart, not drawn over the bars.
#[test]
fn legends_sit_above_the_charts() {
    let harness = app_at(eight_team_plan(), 1280.0, 720.0);
    let chart = harness
        .get_by_role_and_label(Role::Figure, "Team capacity and demand")
        .rect();
    let entry = harness.get_by_label("Unallocated, must allocate").rect();
    assert!(
        entry.max.y <= chart.min.y,
        "legend {entry:?} overlaps the chart {chart:?}"
    );
}

/// Hovering the rightmost team's bars shows its figures in a tooltip wholly inside the window.
#[test]
fn the_rightmost_bars_tooltip_is_inside_the_window() {
    // Tall enough for the overview's charts to be in view without scrolling.
    let width = 1280.0;
    let mut harness = app_at(eight_team_plan(), width, 1200.0);
    for (chart, says) in [
        ("Team capacity and demand", "capacity: "),
        ("Staffing mix per team", "Permanent: "),
    ] {
        let rect = harness.get_by_role_and_label(Role::Figure, chart).rect();
        // Over the last team's column, just inside the plot's right edge.
        harness.hover_at(egui::pos2(rect.max.x - 6.0, rect.max.y - 30.0));
        harness.run();
        let tip = harness.get_by_label_contains(says);
        let node = tip.accesskit_node();
        let text = node.label().or_else(|| node.value()).unwrap_or_default();
        assert!(
            text.starts_with("Front Door and Assessment\n"),
            "{chart}: {text:?}"
        );
        let tip = tip.rect();
        assert!(
            tip.min.x >= 0.0 && tip.max.x <= width,
            "{chart}: tooltip {tip:?} is cut off"
        );
    }
}

/// One team, one worker, no team manager: counts of one are said in the singular.
#[test]
fn counts_of_one_are_singular() {
    let mut plan = synthetic::plan(20, 10);
    let worker: Post = plan
        .posts
        .iter()
        .find(|p| p.id.0 > 1 && !p.is_vacant() && !p.is_absent())
        .cloned()
        .unwrap();
    plan.posts = vec![worker];
    let harness = app_at(plan, 1280.0, 720.0);
    harness.get_by_label("Team 1: 1 case-holder with no team manager in post");
    assert!(
        harness
            .query_all_by_label_contains("1 team · 1 post · ")
            .next()
            .is_some()
    );
}

/// Large numbers everywhere people read them: the status bar and the headline cards.
#[test]
fn large_numbers_have_thousands_separated() {
    let harness = app_at(synthetic::plan(2_000, 577_977), 1280.0, 720.0);
    assert!(
        harness
            .query_all_by_label_contains("100 teams · 2,000 posts · 577,977 cases held")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label("577977").is_none());
}
