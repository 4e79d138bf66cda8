//! `caseload-planner import`, run as a user runs it: a summary and exit 0, or every problem by
//! row and column, exit 1 and nothing written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run_program(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    run_program(env!("CARGO_BIN_EXE_caseload-planner"), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn corpus(name: &str) -> String {
    format!("tests/import-files/{name}")
}

fn out(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn a_staff_list_becomes_a_plan_file_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let plan = out(dir.path(), "northshire.ron");
    let output = run(&[
        "import",
        &corpus("northshire-establishment.csv"),
        "--out",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("24 posts in 6 teams: 22 filled (3 absent), 2 vacant; 22.5 FTE"),
        "{text}"
    );
    assert!(
        text.contains("    MASH & Assessment (Front door / assessment, 6 posts)"),
        "{text}"
    );
    // The plan file is a valid plan.
    let check = run(&["check", plan.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("valid (6 teams, 24 posts, 0 options)"));
}

#[test]
fn every_problem_is_listed_by_row_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan = out(dir.path(), "westbridge.ron");
    let output = run(&[
        "import",
        &corpus("westbridge-hr-export.csv"),
        "--out",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(
            "westbridge-hr-export.csv: 1 problem:\n  row 10, column \"Post Title\": 'Business \
             Support Officer' is not matched to one of the plan's grades: choose one, or skip \
             these rows\n"
        ),
        "{err}"
    );
    assert!(err.contains("Nothing was written."), "{err}");
    assert!(!plan.exists());
    assert!(stdout(&output).is_empty());

    // The same rows, skipping the one with a problem.
    let output = run(&[
        "import",
        &corpus("westbridge-hr-export.csv"),
        "--out",
        plan.to_str().unwrap(),
        "--skip-rows-with-problems",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("8 posts in 2 teams"),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).starts_with("Rows left out:\n"));
    assert!(plan.exists());
}

#[test]
fn a_saved_mapping_is_edited_and_used_for_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let plan = out(dir.path(), "westbridge.ron");
    let mapping = out(dir.path(), "westbridge.mapping.ron");
    let staff = corpus("westbridge-hr-export.csv");
    let first = run(&[
        "import",
        &staff,
        "--out",
        plan.to_str().unwrap(),
        "--skip-rows-with-problems",
        "--save-mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let text = std::fs::read_to_string(&mapping).unwrap();
    assert!(
        text.contains("\"Business Support Officer\": Unmatched"),
        "{text}"
    );
    let edited = text
        .replace(
            "\"Business Support Officer\": Unmatched",
            "\"Business Support Officer\": Skip",
        )
        .replace(
            "\"CC4410 Locality North\": Team(\"CC4410 Locality North\")",
            "\"CC4410 Locality North\": Team(\"Locality North\")",
        );
    std::fs::write(&mapping, edited).unwrap();

    let second = run(&[
        "import",
        &staff,
        "--out",
        plan.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let summary = stdout(&second);
    assert!(
        summary.contains("1 row left out, as the mapping chose"),
        "{summary}"
    );
    assert!(
        summary.contains("    Locality North (Child in need / protection, 4 posts)"),
        "{summary}"
    );
    // The earlier plan is kept as a backup.
    assert!(dir.path().join("westbridge.ron.bak").exists());
}

#[test]
fn a_caseload_report_is_imported_with_the_staff_list() {
    let dir = tempfile::tempdir().unwrap();
    let plan = out(dir.path(), "northshire.ron");
    let args = [
        "import",
        &corpus("northshire-establishment.csv"),
        "--out",
        plan.to_str().unwrap(),
        "--cases",
        &corpus("northshire-caseloads.csv"),
    ];
    // One row names a worker who is not in the staff list: nothing is written.
    let output = run(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "northshire-caseloads.csv: 1 problem:\n  row 16, column \"Allocated Worker\": 'Zara \
             Quinn' is not a worker in the plan\n"
        ),
        "{}",
        stderr(&output)
    );

    let mut skipping = args.to_vec();
    skipping.push("--skip-rows-with-problems");
    let output = run(&skipping);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("171 cases held by 14 workers"), "{text}");
    assert!(
        text.contains("3 workers holding cases in the plan's grades had no row in"),
        "{text}"
    );
    let summary = run(&["summary", plan.to_str().unwrap()]);
    let whole = stdout(&summary);
    let row = whole
        .lines()
        .find(|l| l.starts_with("Whole service"))
        .unwrap();
    // 171 cases held, nothing waiting.
    assert_eq!(row.split_whitespace().nth(4), Some("171"), "{whole}");
}

#[test]
fn a_workbook_sheet_and_bad_files_from_the_console_program() {
    let dir = tempfile::tempdir().unwrap();
    let plan = out(dir.path(), "southvale.ron");
    let console = env!("CARGO_BIN_EXE_caseload-planner-cli");
    let ok = run_program(
        console,
        &[
            "import",
            &corpus("southvale-establishment.xlsx"),
            "--out",
            plan.to_str().unwrap(),
            "--sheet",
            "Staff",
        ],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains("7 posts in 2 teams"),
        "{}",
        stdout(&ok)
    );

    for (file, message) in [
        ("binary-junk.bin", "is not a table: it holds binary data"),
        ("empty.csv", "the file has nothing in it"),
        (
            "old-excel.xls",
            "is an old Excel workbook (.xls, Excel 97-2003)",
        ),
    ] {
        let output = run_program(
            console,
            &["import", &corpus(file), "--out", plan.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(1), "{file}");
        assert!(
            stderr(&output).contains(message),
            "{file}: {}",
            stderr(&output)
        );
    }
    let hours = run(&[
        "import",
        &corpus("southvale-establishment.xlsx"),
        "--out",
        plan.to_str().unwrap(),
        "--full-time-hours",
        "0",
    ]);
    assert_eq!(hours.status.code(), Some(1));
    assert!(stderr(&hours).contains("--full-time-hours must be from 1 to 100 hours"));
}
