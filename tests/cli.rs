//! The command line, run as a user runs it.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseload-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_accepts_every_example_plan() {
    for (name, options) in [
        ("stretched-locality", "1 option)"),
        ("weighted-caseload", "0 options)"),
    ] {
        let path = format!("saved-plans/{name}.ron");
        let output = run(&["check", &path]);
        assert!(output.status.success(), "{path}: {}", stderr(&output));
        assert!(stdout(&output).starts_with(&format!("{path}: valid (")));
        assert!(stdout(&output).contains(options), "{}", stdout(&output));
    }
}

#[test]
fn check_exits_1_with_the_messages_for_a_bad_plan() {
    let output = run(&["check", "tests/bad-plans/many-problems.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("4 problems in the plan"), "{err}");
    assert!(
        err.contains("post 2: belongs to team 9, which is not in the plan"),
        "{err}"
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn check_exits_1_for_a_missing_file() {
    let output = run(&["check", "saved-plans/no-such-plan.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no-such-plan.ron: could not be read: there is no such file"));
}

#[test]
fn summary_prints_each_team_and_the_service_totals() {
    let output = run(&["summary", "saved-plans/weighted-caseload.ron"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let row = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row {name} in\n{text}"))
            .split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // Family Support: caseload 18.0, 3 FTE, 54 cases, 0 unallocated (0 must-allocate), 46.8 of
    // 60 points = 78%,
    // 60 / (46.8 / 54) = 69.2 -> 69 cases of capacity, no agency, no vacancies.
    assert_eq!(
        row("Family Support")[2..],
        [
            "18.0", "3", "54", "0", "0", "46.8", "60.0", "78.0%", "69", "0.0%", "0.0%"
        ]
    );
    assert_eq!(
        row("Child Protection and Court")[4..][..9],
        ["18.0", "3", "54", "0", "0", "90.0", "60.0", "150.0%", "36"]
    );
    assert!(row("Whole service").contains(&"114.0%".to_owned())); // 136.8 / 120
    assert!(text.contains("ALERT: Child Protection and Court: Over capacity (150% utilised)"));
    assert!(text.contains("DfE definition"));
}

#[test]
fn summary_shows_no_value_for_a_team_without_case_holders() {
    let text = stdout(&run(&["summary", "saved-plans/stretched-locality.ron"]));
    let row = text
        .lines()
        .find(|l| l.starts_with("Service Management"))
        .unwrap();
    assert!(row.split_whitespace().nth(2) == Some("–"), "{row}");
    assert!(text.contains("ALERT: whole service: 3 must-allocate cases are unallocated"));
}

#[test]
fn summary_covers_every_option() {
    let text = stdout(&run(&["summary", "saved-plans/stretched-locality.ron"]));
    let (baseline, option) = text
        .split_once("Option \"Fixed-term locality team\":")
        .unwrap_or_else(|| panic!("no option section in\n{text}"));
    let capacity = |part: &str| {
        part.lines()
            .find(|l| l.starts_with("Whole service"))
            .unwrap()
            .split_whitespace()
            .nth(10)
            .unwrap()
            .to_owned()
    };
    // Capacity in cases: 428 in the baseline, 428 + 360 = 788 with the fixed-term team.
    assert_eq!(
        (capacity(baseline), capacity(option)),
        ("428".into(), "788".into())
    );
    assert!(option.contains("Fixed-term Locality Team"));
}
