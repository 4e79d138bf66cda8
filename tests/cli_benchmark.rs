//! `benchmark PLAN`, run as a user runs it: both programs, a council given or the plan's own,
//! a scenario, a newer release installed; published figures checked against the CSV by hand.

use caseload_planner::io::platform::{AppFolders, DATA_DIR_VARIABLE};
use caseload_planner::io::published::{ATTRIBUTION, install_release};
use caseload_planner::io::{load_file, save_file};
use caseload_planner::model::benchmark::{Measure, Release, plan_values, standing};
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::model::projection::project;
use caseload_planner::model::{Command as PlanCommand, Settings, assess};
use caseload_planner::text::figure_value;
use std::path::Path;
use std::process::{Command, Output};

const PLAN: &str = "saved-plans/stretched-locality.ron";

/// Runs `program` with `args` in the crate's folder, its app folders under `data`.
fn run_program(program: &str, data: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .env(DATA_DIR_VARIABLE, data)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn run(data: &Path, args: &[&str]) -> Output {
    run_program(env!("CARGO_BIN_EXE_caseload-planner-cli"), data, args)
}

fn release() -> Release {
    caseload_planner::io::published::builtin_release().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The line of the table for `label`, as its cells.
fn row(text: &str, label: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row {label} in:\n{text}"));
    let rest = line[label.len()..].trim();
    // Cells are separated by two spaces or more; the rank's own words by one.
    rest.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The baseline's figure `id`, as the catalogue writes it.
fn plan_figure(path: &str, scenario: usize, id: FigureId) -> String {
    let set = load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let plan = &set.iter().nth(scenario).unwrap().plan;
    let f = figure(id);
    figure_value(f.unit, f.of(&assess(plan).service))
}

#[test]
fn a_plan_beside_barking_and_dagenham() {
    let data = tempfile::tempdir().unwrap();
    let output = run(data.path(), &["benchmark", PLAN, "--council", "301"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "\"Stretched locality service (illustrative)\" (Baseline) against Barking and \
             Dagenham (301), figures published for 2025\nRelease: built in (DfE, 2017 to 2025)\n"
        ),
        "{text}"
    );
    // From the CSV, 2025: Barking and Dagenham's caseload 15.0; its ten neighbours' (308,
    // 821, 313, 333, 336, 307, 304, 312, 874, 203) 12.0 ... 17.1, median of 13.8 and 13.8;
    // London 13.8; England 15.2. The plan's 24.5 is above all 149 councils published.
    let caseload = row(&text, "Caseload per case-holding FTE");
    assert_eq!(
        caseload,
        [
            plan_figure(PLAN, 0, FigureId::Caseload).as_str(),
            "15.0",
            "13.8 (12.0–17.1)",
            "13.8",
            "15.2",
            "rank 150 of 150, fourth quarter"
        ]
    );
    // Agency: 15.5%; neighbours 7.9 ... 29.2, median (9.9 + 12.7) ÷ 2; London 17.9%; England
    // 13.0%. 101 of the 148 councils published are below the plan's 18.5%.
    let agency = row(&text, "Agency rate");
    assert_eq!(agency[0], plan_figure(PLAN, 0, FigureId::AgencyRate));
    assert_eq!(
        agency[1..5],
        ["15.5%", "11.3% (7.9%–29.2%)", "17.9%", "13.0%"]
    );
    assert_eq!(agency[5], "rank 102 of 149, third quarter");
    // The plan's turnover is its expected projection's first year; its long-term sickness
    // and case-holder share come from the assessment (see the catalogue).
    let turnover = row(&text, "Turnover (first year)");
    let set = load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN)).unwrap();
    let baseline = set.baseline();
    let values = plan_values(&assess(baseline).service, Some(&project(baseline)));
    let written = |m: usize| figure_value(values[m].0.unit(), values[m].1);
    assert_eq!(values[3].0, Measure::TurnoverRate);
    assert_eq!(turnover[0], written(3));
    assert_eq!(turnover[1], "14.8%");
    let standing = standing(
        &release(),
        Measure::TurnoverRate,
        2025,
        values[3].1.unwrap(),
    );
    assert_eq!(turnover[5], standing.unwrap().to_string());
    let sickness = row(&text, "Long-term sickness absence");
    assert_eq!(
        (sickness[0].as_str(), sickness[1].as_str()),
        (written(4).as_str(), "2.4%")
    );
    // 120 ÷ (229 + 42) = 44.3%.
    let share = row(&text, "Case-holder share");
    assert_eq!(
        (share[0].as_str(), share[1].as_str()),
        (written(5).as_str(), "44.3%")
    );
    assert!(text.contains("Definitions (Department for Education):"));
    assert!(text.trim_end().ends_with(ATTRIBUTION), "{text}");
}

#[test]
fn the_windowed_program_prints_the_same() {
    let data = tempfile::tempdir().unwrap();
    let args = ["benchmark", PLAN, "--council", "barking"];
    let console = run(data.path(), &args);
    let windowed = run_program(env!("CARGO_BIN_EXE_caseload-planner"), data.path(), &args);
    assert!(console.status.success(), "{}", stderr(&console));
    assert_eq!(stdout(&console), stdout(&windowed));
}

#[test]
fn the_plans_own_council_is_used_and_a_scenario_can_be_chosen() {
    let data = tempfile::tempdir().unwrap();
    let mut set = load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN)).unwrap();
    let settings = Settings {
        council: Some("886".to_owned()),
        ..set.baseline().settings.clone()
    };
    let baseline = set.iter().next().unwrap().id;
    set.apply(baseline, PlanCommand::SetSettings(settings))
        .unwrap();
    let path = data.path().join("kent.ron");
    save_file(&set, &path).unwrap();
    let path = path.to_str().unwrap();

    let output = run(
        data.path(),
        &["benchmark", path, "--scenario", "fixed-term locality team"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("(Fixed-term locality team) against Kent (886), figures published for 2025"),
        "{text}"
    );
    // Kent 2025: caseload 17.0, South East region.
    let caseload = row(&text, "Caseload per case-holding FTE");
    assert_eq!(caseload[0], plan_figure(PLAN, 1, FigureId::Caseload));
    assert_eq!(caseload[1], "17.0");
    assert!(text.contains("South East"), "{text}");

    // --council wins over the plan's.
    let output = run(data.path(), &["benchmark", path, "--council", "E08000025"]);
    assert!(stdout(&output).contains("against Birmingham (330)"));
}

#[test]
fn without_a_council_it_says_how_to_give_one() {
    let data = tempfile::tempdir().unwrap();
    let output = run(data.path(), &["benchmark", PLAN]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("The plan names no council to compare with"),
        "{err}"
    );
    assert!(err.contains("--council"), "{err}");
}

#[test]
fn a_council_not_found_or_not_one_and_a_scenario_not_there_are_explained() {
    let data = tempfile::tempdir().unwrap();
    let output = run(data.path(), &["benchmark", PLAN, "--council", "Atlantis"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("No council in the published figures is called \"Atlantis\""),
        "{}",
        stderr(&output)
    );
    let output = run(data.path(), &["benchmark", PLAN, "--council", "north"]);
    let err = stderr(&output);
    assert!(err.starts_with("\"north\" matches 8 councils: "), "{err}");
    assert!(err.contains("North Tyneside (392)"), "{err}");
    let output = run(
        data.path(),
        &["benchmark", PLAN, "--council", "301", "--scenario", "x"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(
        "no scenario called \"x\"; its scenarios are \"Baseline\", \"Fixed-term locality team\""
    ));
}

#[test]
fn a_newer_release_installed_is_the_one_compared_with() {
    let data = tempfile::tempdir().unwrap();
    // The built-in release with its 2025 rows repeated as 2026.
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/published/csww_indicators_2017_to_2025.csv"),
    )
    .unwrap();
    let mut newer = csv.clone();
    for line in csv.lines().filter(|l| l.starts_with("2025,")) {
        newer.push_str(&line.replacen("2025,", "2026,", 1));
        newer.push('\n');
    }
    let source = data.path().join("csww_2026.csv");
    std::fs::write(&source, newer).unwrap();
    install_release(&source, &AppFolders::under(data.path())).unwrap();

    let output = run(data.path(), &["benchmark", PLAN, "--council", "301"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("figures published for 2026\n"), "{text}");
    assert!(
        text.contains("Release: csww_2026.csv (installed, 2017 to 2026)\n"),
        "{text}"
    );
    assert_eq!(row(&text, "Caseload per case-holding FTE")[1], "15.0");
}
