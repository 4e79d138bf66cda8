//! The published figures in the window, as a user meets them: the Benchmarks view (choosing
//! the plan's council, the table and its numbers, undo), File > New from published figures…,
//! Compare's benchmarks, and File > Use newer published figures… (a wrong file refused, a newer
//! release used). Every number asserted is worked out here from the release's CSV.

mod common;

use caseload_planner::model::benchmark::{Measure, Release, benchmark, standing};
use caseload_planner::model::figures::Unit;
use caseload_planner::model::{Command, ScenarioId, assess};
use caseload_planner::text::figure_value;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn release() -> Release {
    caseload_planner::io::published::builtin_release().unwrap()
}

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

fn assert_shows(harness: &App<'_>, text: &str) {
    assert!(shows(harness, text), "the window should show {text:?}");
}

fn find_council(harness: &mut App<'_>, name: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Find a council:")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find a council:")
        .type_text(name);
    harness.run();
}

fn value(unit: Unit, v: Option<f64>) -> String {
    figure_value(unit, v)
}

#[test]
fn choosing_the_council_sets_the_plan_beside_its_published_figures_and_undo_takes_it_back() {
    let mut harness = common::app_harness(vec![]);
    common::wait_for_work(&mut harness);
    click(&mut harness, "Benchmarks");
    assert_shows(&harness, "Choose the council this plan is for");
    find_council(&mut harness, "Leeds");
    click(&mut harness, "Leeds");

    let release = release();
    let year = release.latest_year();
    let leeds = release.council("383").unwrap();
    assert_eq!(
        harness
            .state()
            .document()
            .plan()
            .settings
            .council
            .as_deref(),
        Some("383")
    );
    assert_shows(&harness, &format!("Leeds {year}"));
    // Each row: the plan's figure and where it would rank, Leeds's, the neighbours' median
    // and range, England; all worked out here from the CSV.
    let plan_caseload = assess(harness.state().document().plan())
        .service
        .caseload_per_case_holder_fte;
    for measure in [Measure::Caseload, Measure::AgencyRate, Measure::VacancyRate] {
        let b = benchmark(&release, leeds, measure, year);
        let unit = measure.unit();
        let spread = b.neighbours.unwrap();
        assert_shows(
            &harness,
            &format!(
                "{} ({} to {})",
                value(unit, Some(spread.median)),
                value(unit, Some(spread.min)),
                value(unit, Some(spread.max))
            ),
        );
        assert_shows(&harness, &b.council_standing.unwrap().to_string());
    }
    let plan_standing = standing(&release, Measure::Caseload, year, plan_caseload.unwrap());
    assert_shows(&harness, &value(Unit::Caseload, plan_caseload));
    assert_shows(&harness, &plan_standing.unwrap().to_string());
    assert_shows(&harness, "Open Government Licence v3.0");

    // The council is a change to the plan: one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().plan().settings.council, None);
    assert_shows(&harness, "Choose the council this plan is for");
}

#[test]
fn a_plan_started_from_a_councils_published_figures_has_its_headline() {
    let mut harness = common::app_harness(vec![]);
    common::wait_for_work(&mut harness);
    click(&mut harness, "File");
    click(&mut harness, "New from published figures…");
    find_council(&mut harness, "Rutland");
    click(&mut harness, "Rutland");
    let release = release();
    let year = release.latest_year();
    assert_shows(&harness, &format!("Rutland, 30 September {year}"));
    click(&mut harness, "One team");
    click(&mut harness, "Create plan");

    let doc = harness.state().document();
    assert_eq!(
        doc.plan().name,
        format!("Rutland from published figures ({year})")
    );
    assert_eq!(doc.plan().teams.len(), 1);
    assert!(doc.is_dirty() || doc.path().is_none());
    // It opens on the Benchmarks view: the plan's caseload, agency and vacancy rates are
    // Rutland's published ones, in the plan's column and in Rutland's.
    let rutland = release.council("857").unwrap();
    let published = release.figures(rutland.key(), year).unwrap();
    for measure in [Measure::Caseload, Measure::AgencyRate, Measure::VacancyRate] {
        let text = value(measure.unit(), measure.published(published));
        let cells = harness.query_all_by_label(&text).count();
        assert!(cells >= 2, "{measure:?} {text} shown {cells} times");
    }
    assert_shows(&harness, &format!("Rutland {year}"));
}

#[test]
fn compare_sets_each_option_beside_the_published_figures() {
    let mut set = caseload_planner::io::default_scenarios();
    let mut settings = set.baseline().settings.clone();
    settings.council = Some("383".to_owned());
    set.apply(ScenarioId::BASELINE, Command::SetSettings(settings))
        .unwrap();
    let option = set.options()[0].name.clone();
    let caseloads: Vec<f64> = [ScenarioId::BASELINE, ScenarioId(1)]
        .map(|id| {
            assess(set.plan(id))
                .service
                .caseload_per_case_holder_fte
                .unwrap()
        })
        .to_vec();
    let mut harness = common::harness_with(set);
    common::wait_for_work(&mut harness);
    click(&mut harness, "Compare");
    let release = release();
    let year = release.latest_year();
    assert_shows(
        &harness,
        &format!("Against published figures: Leeds and its statistical neighbours, {year}"),
    );
    let quarter = |v: f64| {
        standing(&release, Measure::Caseload, year, v)
            .unwrap()
            .quarter()
    };
    let leeds = release.council("383").unwrap();
    let median = benchmark(&release, leeds, Measure::Caseload, year)
        .neighbours
        .unwrap()
        .median;
    assert_shows(
        &harness,
        &format!(
            "{option}: caseload from {} ({} of councils) to {} ({}); the neighbours' median is {}",
            value(Unit::Caseload, Some(caseloads[0])),
            quarter(caseloads[0]),
            value(Unit::Caseload, Some(caseloads[1])),
            quarter(caseloads[1]),
            value(Unit::Caseload, Some(median)),
        ),
    );
}

/// The built-in release with every 2025 row repeated for `year`, Leeds's caseload there set to
/// `caseload`; or, with `other_columns`, a file whose columns are not the release's.
fn release_file(dir: &tempfile::TempDir, name: &str, other_columns: bool) -> PathBuf {
    let path = dir.path().join(name);
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/published/csww_indicators_2017_to_2025.csv"),
    )
    .unwrap();
    let text = if other_columns {
        "council,social_workers,caseload\nLeeds,660,14.8\n".to_owned()
    } else {
        let mut text = builtin.clone();
        for line in builtin.lines().filter(|l| l.starts_with("2025,")) {
            let line = line.replacen("2025,", "2026,", 1);
            let line = if line.contains(",383,E08000035,") {
                // Leeds: caseload_fte (the 30th of 32 columns) becomes 13.0.
                let mut cells: Vec<&str> = line.split(',').collect();
                cells[29] = "13.0";
                cells.join(",")
            } else {
                line
            };
            text.push_str(&line);
            text.push('\n');
        }
        text
    };
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_file_with_other_columns_is_refused_and_a_newer_release_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let wrong = release_file(&dir, "workforce.csv", true);
    let newer = release_file(&dir, "csww_2017_to_2026.csv", false);
    let mut harness = common::app_harness(vec![Some(wrong), Some(newer)]);
    common::wait_for_work(&mut harness);

    click(&mut harness, "File");
    click(&mut harness, "Use newer published figures…");
    common::wait_for_work(&mut harness);
    assert_shows(&harness, "The published figures could not be used");
    assert_shows(
        &harness,
        "workforce.csv: is not a children's social work workforce release",
    );
    assert_shows(&harness, "The figures in use before are still used.");
    click(&mut harness, "OK");

    click(&mut harness, "File");
    click(&mut harness, "Use newer published figures…");
    common::wait_for_work(&mut harness);
    assert_shows(&harness, "(installed, 2017 to 2026)");
    click(&mut harness, "Benchmarks");
    find_council(&mut harness, "Leeds");
    click(&mut harness, "Leeds");
    assert_shows(&harness, "Leeds 2026");
    assert_shows(&harness, "csww_2017_to_2026.csv (installed, 2017 to 2026)");
    assert!(harness.query_all_by_label("13.0").next().is_some());
}
