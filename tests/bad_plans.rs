//! Every file in `tests/bad-plans/` is refused with its own specific message, naming where the
//! problem is. A new file in the folder without an expectation here fails the suite.

use caseload_planner::io::{LoadError, MAX_PLAN_BYTES, load_file};
use std::collections::BTreeSet;
use std::path::Path;

/// File name, then text the message must contain.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "binary-junk.ron",
        &["binary-junk.ron:1:1:", "not a text file"],
    ),
    (
        "invalid-utf8.ron",
        &["invalid-utf8.ron:3:43:", "not a text file"],
    ),
    ("empty.ron", &["the file is empty"]),
    ("whitespace-only.ron", &["the file is empty"]),
    (
        "truncated.ron",
        &["truncated.ron:25:54:", "Unexpected variant named `Pr`"],
    ),
    (
        "unterminated-string.ron",
        &["unterminated-string.ron:4:13:"],
    ),
    (
        "trailing-garbage.ron",
        &["trailing-garbage.ron:43:2:", "trailing characters"],
    ),
    (
        "not-a-plan.ron",
        &["not-a-plan.ron:1:1:", "Expected opening `(` for the plan"],
    ),
    // Nesting where a string belongs is refused at once, without recursing into it.
    (
        "deeply-nested.ron",
        &["deeply-nested.ron:1:31:", "Expected string"],
    ),
    (
        "newer-version.ron",
        &[
            "plan format version 3",
            "reads up to version 2",
            "newer Caseload Planner",
        ],
    ),
    ("no-version.ron", &["has no format version"]),
    (
        "wrong-type-fte.ron",
        &["wrong-type-fte.ron:35:61:", "Expected float"],
    ),
    (
        "negative-cases.ron",
        &["negative-cases.ron:35:120:", "number out of range"],
    ),
    (
        "misspelt-field.ron",
        &["misspelt-field.ron:35:57:", "`ftee`", "`fte`"],
    ),
    (
        "unknown-contract.ron",
        &["unknown-contract.ron:35:46:", "`Freelance`", "`FixedTerm`"],
    ),
    (
        "impossible-month.ron",
        &["impossible-month.ron:35:64:", "'2026-13' is not a month"],
    ),
    (
        "unknown-team.ron",
        &[
            "1 problem",
            "post 2: belongs to team 99, which is not in the plan",
        ],
    ),
    (
        "unknown-grade.ron",
        &["post 2 (in team 1 \"Family Support\"): has grade 42"],
    ),
    (
        "unknown-case-type.ron",
        &["post 2 (in team 1 \"Family Support\"): cases name case type 77"],
    ),
    (
        "fte-zero.ron",
        &["post 2 (in team 1 \"Family Support\"): FTE must be above 0 and at most 1, not 0"],
    ),
    (
        "fte-above-one.ron",
        &["FTE must be above 0 and at most 1, not 1.5"],
    ),
    (
        "nan-weight.ron",
        &[
            "case type 3 \"Child protection\": weight must be a number above 0 and at most 100, not NaN",
        ],
    ),
    (
        "negative-weight.ron",
        &["case type 5 \"Court / PLO\": weight must be a number above 0 and at most 100, not -2"],
    ),
    (
        "infinite-capacity.ron",
        &["grade 2 \"Social worker\": capacity must be from 0 to 1000 points, not inf"],
    ),
    (
        "duplicate-post-ids.ron",
        &["post 2 (in team 1 \"Family Support\"): duplicate id"],
    ),
    (
        "duplicate-team-ids.ron",
        &["team 1 \"Child Protection and Court\": duplicate id"],
    ),
    (
        "fixed-term-ends-before-start.ron",
        &[
            "post 2 (in team 1 \"Family Support\"): fixed-term contract ends (2025-03) before it starts (2026-04)",
        ],
    ),
    (
        "vacant-post-holding-cases.ron",
        &["post 2 (in team 1 \"Family Support\"): is vacant but holds 18 cases"],
    ),
    (
        "red-below-amber.ron",
        &["settings: red_from (0.9) must be above amber_from (1)"],
    ),
    (
        "implausible-numbers.ron",
        &[
            "2 problems",
            "case type 3 \"Child protection\": weight must be a number above 0 and at most 100, not 150",
            "post 2 (in team 1 \"Family Support\"): cases: case type 2: 4000000000 is more than the plausible 100000",
        ],
    ),
    (
        "many-problems.ron",
        &[
            "4 problems in the plan",
            "case type 1 \"Assessment\": weight must be a number above 0 and at most 100, not 0",
            "post 2: belongs to team 9",
            "post 2: FTE must be above 0 and at most 1, not 2",
            "post 3 (in team 1 \"Family Support\"): duplicate id",
        ],
    ),
    // Format 2: timeline, cost rates, assumptions and options.
    (
        "bad-assumptions.ron",
        &[
            "4 problems",
            "assumptions: permanent turnover must be from 0% to 100% a year, not 1.5",
            "months to fill a vacancy must be from 1 to 36, not 0.5",
            "demand change for team 9, which is not in the plan",
        ],
    ),
    (
        "horizon-too-long.ron",
        &["timeline: the plan looks ahead 1 to 60 months, not 61"],
    ),
    (
        "bad-cost-rates.ron",
        &[
            "cost rates: salary for grade 2 must be from 0 to 1000000, not -45000",
            "salary for grade 9, which is not in the plan",
        ],
    ),
    (
        "bad-options.ron",
        &[
            "option \"Option A\", post 2 (in team 1 \"Family Support\"): FTE must be above 0",
            "option \"option a\": another scenario has the same name",
        ],
    ),
    (
        "leaves-before-start.ron",
        &["the worker leaves (2026-05) before the post starts (2026-06)"],
    ),
];

fn folder() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-plans"))
}

#[test]
fn every_bad_plan_is_refused_with_its_specific_message() {
    let mut failures = Vec::new();
    for (name, needles) in EXPECTED {
        let path = folder().join(name);
        match load_file(&path) {
            Ok(_) => failures.push(format!("{name}: loaded, but should have been refused")),
            Err(e) => {
                let message = e.to_string();
                for needle in *needles {
                    if !message.contains(needle) {
                        failures.push(format!("{name}: message lacks {needle:?}:\n{message}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_folder_and_the_expectations_list_the_same_files() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(folder())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> = EXPECTED.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(on_disk, expected);
    assert!(on_disk.len() >= 20);
}

#[test]
fn a_semantic_error_lists_each_problem_separately() {
    match load_file(&folder().join("many-problems.ron")) {
        Err(LoadError::Invalid { problems, .. }) => assert_eq!(problems.len(), 4),
        other => panic!("expected semantic problems, got {other:?}"),
    }
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse file: as large as a real one to the loader, nearly free on disk.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_PLAN_BYTES + 1).unwrap();
    let message = load_file(&path).unwrap_err().to_string();
    assert!(
        message.contains("huge.ron: is 67108865 bytes, more than the 67108864"),
        "{message}"
    );
}

#[test]
fn a_missing_file_or_a_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = load_file(&dir.path().join("nope.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        missing.ends_with("nope.ron: could not be read: there is no such file"),
        "{missing}"
    );
    let folder_err = load_file(dir.path()).unwrap_err().to_string();
    assert!(folder_err.contains("could not be read"), "{folder_err}");
}
