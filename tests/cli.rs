//! The command line, run as a user runs it.

use std::path::Path;
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
    // Capacity in cases: 428 in the baseline; 428 + 304 = 732 with the fixed-term team, whose
    // 360 points hold 324.4 cases at its mix while the localities' heavier mix loses 20.
    assert_eq!(
        (capacity(baseline), capacity(option)),
        ("428".into(), "732".into())
    );
    assert!(option.contains("Fixed-term Locality Team"));
}

#[test]
fn summary_shows_the_staff_needed_for_each_team_and_the_service() {
    let text = stdout(&run(&["summary", "saved-plans/stretched-locality.ron"]));
    let baseline = text.split("Option \"").next().unwrap();
    let (_, needed) = baseline
        .split_once("Staff needed (practitioner FTE; waiting work counts as demand):")
        .unwrap_or_else(|| panic!("no staff-needed table in\n{text}"));
    let row = |name: &str| -> Vec<String> {
        needed
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row {name} in\n{needed}"))
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    // 573 held + 35 waiting = 608 cases ÷ target 18 = 33.78 FTE needed, against 23.4
    // available: 10.38 short, 23.4 / 33.78 = 69.3% staffed. 100%: 665.4 points ÷ (440.8 /
    // 23.4 = 18.84 points per FTE) = 35.32, 11.92 short. 10.38 FTE × £58,500 (Social worker
    // £45,000 + 30% on-costs) = £607,100; agency 10.38 × £360 × 220 days.
    assert_eq!(
        row("Whole service")[2..],
        [
            "23.4",
            "33.78",
            "10.38",
            "69.3%",
            "35.32",
            "11.92",
            "£607,100",
            "£821,920"
        ]
    );
    // Care Leavers has more than enough for 100%: a surplus shows as a negative shortfall.
    assert_eq!(
        row("Care Leavers")[2..][..6],
        ["3", "5", "2", "60.0%", "2.7", "-0.3"]
    );
}

/// The example plan with its first team renamed: `name` is RON string text (escapes allowed).
fn example_with_team_name(dir: &Path, name: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("saved-plans/weighted-caseload.ron"),
    )
    .unwrap()
    .replacen("\"Family Support\"", &format!("\"{name}\""), 1);
    let path = dir.join("renamed.ron");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn summary_of_a_team_name_of_65_536_characters_is_a_table_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_with_team_name(dir.path(), &"N".repeat(65_536));
    let output = run(&["summary", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    // The name is cut to 80 characters, so one long name does not widen every row.
    let row = text.lines().find(|l| l.starts_with("NNNN")).unwrap();
    assert!(row.starts_with(&format!("{}… ", "N".repeat(80))), "{row}");
    assert!(text.lines().all(|l| l.chars().count() < 300), "{text}");
}

#[test]
fn names_are_printed_with_control_characters_written_out() {
    let dir = tempfile::tempdir().unwrap();
    // A terminal escape, and a line break that would forge a row of the table.
    let forged = "Family Support\\u{1b}[2J\\nWhole service  99.0";
    let path = example_with_team_name(dir.path(), forged);
    let output = run(&["summary", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("Whole service"))
            .count(),
        2, // one in each table: caseloads, and staff needed
        "{text}"
    );
    assert!(
        text.contains("Family Support\\u{1b}[2J\\nWhole service  99.0  "),
        "{text}"
    );
}

#[test]
fn check_and_summary_refuse_a_folder_with_exit_1() {
    for command in ["check", "summary"] {
        let output = run(&[command, "saved-plans"]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert_eq!(
            stderr(&output),
            "saved-plans: could not be read: it is a folder, not a file\n"
        );
        assert!(stdout(&output).is_empty());
    }
}

/// Named pipes are refused at once, never waited on. The binary runs with a watchdog: should it
/// block on the pipe, the test fails after 10 s instead of hanging.
#[cfg(unix)]
#[test]
fn check_and_summary_refuse_a_named_pipe_without_waiting() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("plan.ron");
    let c_path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    for command in ["check", "summary"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_caseload-planner"))
            .args([command, pipe.to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(10) {
                child.kill().unwrap();
                panic!("{command} waited on a named pipe");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert!(
            stderr(&output).ends_with(
                "plan.ron: could not be read: it is a named pipe, not a file: save the plan to a \
                 file and open that\n"
            ),
            "{}",
            stderr(&output)
        );
    }
}

/// A plan saved to a temporary file, for the command line to read.
fn saved(dir: &Path, plan: caseload_planner::model::Plan) -> std::path::PathBuf {
    let path = dir.join("plan.ron");
    let set = caseload_planner::model::ScenarioSet::new(plan);
    caseload_planner::io::save_file(&set, &path).unwrap();
    path
}

#[test]
fn summary_of_a_large_plan_separates_thousands() {
    let dir = tempfile::tempdir().unwrap();
    let plan = caseload_planner::model::synthetic::plan(2_000, 577_977);
    let path = saved(dir.path(), plan);
    let output = run(&["summary", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let service = text
        .lines()
        .find(|l| l.starts_with("Whole service"))
        .unwrap();
    // Every case is held: 577,977 cases held across the service.
    assert!(service.contains(" 577,977 "), "{service}");
    assert!(!text.contains("577977"), "{text}");
    let check = stdout(&run(&["check", path.to_str().unwrap()]));
    assert!(
        check.ends_with(": valid (100 teams, 2,000 posts, 0 options)\n"),
        "{check}"
    );
}

#[test]
fn counts_of_one_are_singular() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = caseload_planner::model::synthetic::plan(20, 10);
    // One team, one worker in post and no team manager.
    let worker = plan
        .posts
        .iter()
        .find(|p| p.id.0 > 1 && !p.is_vacant() && !p.is_absent())
        .cloned()
        .unwrap();
    plan.posts = vec![worker];
    let path = saved(dir.path(), plan);
    let check = stdout(&run(&["check", path.to_str().unwrap()]));
    assert!(
        check.ends_with(": valid (1 team, 1 post, 0 options)\n"),
        "{check}"
    );
    let summary = stdout(&run(&["summary", path.to_str().unwrap()]));
    assert!(
        summary.contains("warning: Team 1: 1 case-holder with no team manager in post"),
        "{summary}"
    );
}

#[test]
fn summary_shows_each_scenarios_projected_figures_months_ahead_when_asked() {
    let output = run(&[
        "summary",
        "saved-plans/stretched-locality.ron",
        "--month",
        "24",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    // Once for the baseline, once for the option; April 2026 + 24 months.
    assert_eq!(
        text.matches("In 24 months (Apr 2028), expected:").count(),
        2
    );
    assert!(text.contains("  All cases per practitioner FTE: "));
    assert!(text.contains("  Cases beyond capacity: "));

    // The plan looks 36 months ahead: month 36 is beyond it.
    let beyond = run(&[
        "summary",
        "saved-plans/stretched-locality.ron",
        "--month",
        "36",
    ]);
    assert_eq!(beyond.status.code(), Some(1));
    assert!(
        stderr(&beyond).contains("--month must be from 0 (its start) to 35, not 36"),
        "{}",
        stderr(&beyond)
    );
    assert!(stdout(&beyond).is_empty());
}

#[test]
fn summary_gives_each_options_spend_and_break_even_against_the_baseline() {
    let output = run(&["summary", "saved-plans/redesign-invest-to-save.ron"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "Money over the plan's 60 months (staff cost, case costs, investments, retention \
             payments):"
        ),
        "{text}"
    );
    // The example's break-even, asserted from the model in tests/example_invest_to_save.rs.
    assert!(text.contains("breaks even: May 2027 (month 13))"), "{text}");
    assert!(text.contains("    retention measure: "));
    assert!(text.contains(" per leaver avoided); agency spend "));
}
