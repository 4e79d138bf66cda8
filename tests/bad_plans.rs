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
        &["settings: the red threshold (90%) must be above the amber threshold (100%)"],
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
    (
        "permanent-post-covering-an-absence.ron",
        &[
            "post 2 (in team 1 \"Family Support\"): is a permanent post, so it cannot be marked \
             \"covering an absence\"",
        ],
    ),
    // Hostile or accidental files (issue 8).
    // Tiny positive numbers would make figures infinite (`inf%`, 9223372036854775807 cases).
    (
        "tiny-fte.ron",
        &[
            "post 2 (in team 1 \"Family Support\"): FTE must be at least 0.01 (about 20 minutes a week), not 5e-324",
        ],
    ),
    (
        "tiny-weight.ron",
        &["case type 3 \"Child protection\": weight must be at least 0.01 points, not 1e-300"],
    ),
    (
        "tiny-capacity.ron",
        &["grade 2 \"Social worker\": capacity must be 0 or at least 0.1 points, not 1e-300"],
    ),
    (
        "tiny-salary.ron",
        &["cost rates: salary for grade 2 must be 0 or at least 1, not 5e-324"],
    ),
    // A key written twice would otherwise silently keep the last value.
    (
        "repeated-case-type-in-cases.ron",
        &[
            "repeated-case-type-in-cases.ron:45:134: post 2: case type 2 is listed twice in its cases",
        ],
    ),
    (
        "repeated-case-type-unallocated.ron",
        &[
            "repeated-case-type-unallocated.ron:40:99: team 1 \"Family Support\": case type 2 is listed twice in its unallocated cases",
        ],
    ),
    (
        "repeated-grade-in-salaries.ron",
        &["repeated-grade-in-salaries.ron:34:96: grade 2 is listed twice here"],
    ),
    (
        "repeated-team-in-demand.ron",
        &["repeated-team-in-demand.ron:57:77: team 1 is listed twice here"],
    ),
    // A terminal escape and a line break in a team name are shown, not obeyed.
    (
        "control-characters-in-names.ron",
        &[
            "post 2 (in team 1 \"Family Support\\u{1b}[2J\\nWhole service  0.0\"): FTE must be above 0",
        ],
    ),
    (
        "version-out-of-range.ron",
        &["version-out-of-range.ron: its format version is not one this program knows"],
    ),
    // Line breaks of old Macs (CR only): the error is on line 45, not "line 1, column 4000".
    (
        "old-mac-line-endings.ron",
        &[
            "old-mac-line-endings.ron:45:57:",
            "Unexpected field named `ftee` in a post",
        ],
    ),
    (
        "month-with-sign-and-spaces.ron",
        &["month-with-sign-and-spaces.ron:45:64: ' 2026-+4 ' is not a month"],
    ),
    (
        "too-many-options.ron",
        &[
            "1 problem",
            "options: the plan has 21 scenarios (the baseline and 20 options), more than the 20",
        ],
    ),
    // RON's messages name our types (`OptionFile`, `Post`): the user sees the plan's parts.
    (
        "misspelt-field-in-option.ron",
        &["misspelt-field-in-option.ron:60:28: Unexpected field named `teems` in an option"],
    ),
    (
        "missing-field-in-post.ron",
        &["missing-field-in-post.ron:45:118: Missing field `fte` in a post"],
    ),
    (
        "absence-without-reason.ron",
        &["absence-without-reason.ron:45:106: Expected opening `(`"],
    ),
    (
        "wrong-struct-name.ron",
        &["wrong-struct-name.ron:45:9: Expected a post here, not `Poste(...)`"],
    ),
];

/// Words of the program's insides that no message may show (field names such as `red_from`
/// are fine in a message about a file: the user types them there).
const INTERNAL_NAMES: &[&str] = &[
    "PlanFile",
    "OptionFile",
    "Header",
    "CaseType",
    "GradeRole",
    "CostRates",
    "TeamFunction",
    "PostStatus",
    "AbsenceReason",
    "DemandChange",
    "YearMonth",
    "PostFields",
    "TeamFields",
    "`Post`",
    "`Team`",
    "`Grade`",
    "`Contract`",
    "struct",
    "enum ",
    "u32",
    "f64",
    "ron::",
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
                let said = message.replace(&path.display().to_string(), "");
                for internal in INTERNAL_NAMES {
                    if said.contains(internal) {
                        failures.push(format!("{name}: message shows {internal:?}:\n{message}"));
                    }
                }
                // One line per problem: no name can add a line or act on a terminal.
                if message.chars().any(|c| c.is_control() && c != '\n') {
                    failures.push(format!("{name}: message holds a control character"));
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
    assert!(
        folder_err.ends_with("could not be read: it is a folder, not a file"),
        "{folder_err}"
    );
}

/// Devices and named pipes are refused before they are read: a pipe would wait for a writer
/// forever, `/dev/zero` never ends. Run on a thread, so a regression fails rather than hangs.
#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe.ron");
    let c_path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let messages: Vec<String> = [
            pipe.as_path(),
            Path::new("/dev/zero"),
            Path::new("/dev/null"),
        ]
        .iter()
        .map(|path| load_file(path).unwrap_err().to_string())
        .collect();
        sender.send(messages).unwrap();
    });
    let messages = receiver
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the loader waited on a named pipe or a device");
    assert!(
        messages[0].ends_with("pipe.ron: could not be read: it is a named pipe, not a file: save the plan to a file and open that"),
        "{}",
        messages[0]
    );
    assert_eq!(
        messages[1],
        "/dev/zero: could not be read: it is a device, not a file"
    );
    assert_eq!(
        messages[2],
        "/dev/null: could not be read: it is a device, not a file"
    );
}
