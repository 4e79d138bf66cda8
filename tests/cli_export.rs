//! `caseload-planner export`, run as a user runs it: CSV files in a folder, an Excel workbook,
//! anonymised names that appear nowhere in what is written, files kept unless --force, and
//! clear messages (naming the path, leaving nothing behind) where it cannot write.

use calamine::{Data, Reader, Xlsx};
use caseload_planner::io::load_file;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "saved-plans/stretched-locality.ron";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseload-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn export(format: &str, out: &Path, more: &[&str]) -> Output {
    let out = out.to_str().unwrap();
    let mut args = vec!["export", EXAMPLE, "--format", format, "--out", out];
    args.extend(more);
    run(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every worker's name in every scenario of the example.
fn worker_names() -> Vec<String> {
    let set = load_file(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(EXAMPLE)
            .as_path(),
    )
    .unwrap();
    let mut names: Vec<String> = set
        .iter()
        .flat_map(|s| s.plan.posts.iter().filter_map(|p| p.worker.clone()))
        .collect();
    names.sort();
    names.dedup();
    assert!(names.len() > 30, "the example names its workers");
    names
}

/// Every string in every sheet of a workbook.
fn workbook_text(path: &Path) -> String {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let mut all = String::new();
    for name in workbook.sheet_names() {
        all.push_str(&name);
        for cell in workbook.worksheet_range(&name).unwrap().used_cells() {
            if let (_, _, Data::String(text)) = cell {
                all.push_str(text);
                all.push('\n');
            }
        }
    }
    all
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const CSV_FILES: [&str; 7] = [
    "alerts.csv",
    "changes.csv",
    "comparison.csv",
    "definitions-and-assumptions.csv",
    "posts.csv",
    "projection.csv",
    "teams.csv",
];

#[test]
fn csv_writes_a_file_per_table_into_a_folder_it_makes_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("reports").join("june");
    let output = export("csv", &folder, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(names_in(&folder), CSV_FILES);
    let said = stdout(&output);
    assert!(said.starts_with(&format!("Wrote 7 files in {}:\n", folder.display())));
    for file in CSV_FILES {
        assert!(said.contains(&format!("\n  {file}\n")), "{said}");
    }
    assert!(said.contains("Scenario: Baseline"));
    let posts = std::fs::read_to_string(folder.join("posts.csv")).unwrap();
    assert!(posts.starts_with("\u{feff}Team,Worker,Grade,"));
    assert!(
        posts.contains("J. Brown"),
        "names are there unless anonymised"
    );
}

#[test]
fn xlsx_keeps_a_file_already_there_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, "someone's own workbook").unwrap();
    let output = export("xlsx", &path, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{} already exists: nothing was written. Use --force to replace it.\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"someone's own workbook");
    assert_eq!(names_in(dir.path()), ["plan.xlsx"]);

    let output = export(
        "xlsx",
        &path,
        &["--force", "--scenario", "fixed-term LOCALITY team"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "Wrote {} (7 sheets: Posts, Teams, Alerts, Projection, Comparison, Changes, \
             Definitions and assumptions)\nScenario: Fixed-term locality team\n",
            path.display()
        )
    );
    let text = workbook_text(&path);
    assert!(
        text.contains("Posts: Stretched locality service (illustrative), Fixed-term locality team")
    );
    assert_eq!(
        names_in(dir.path()),
        ["plan.xlsx"],
        "no temporary file left"
    );
}

#[test]
fn anonymised_exports_name_no_worker_anywhere() {
    let workers = worker_names();
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("anonymised.xlsx");
    let folder = dir.path().join("anonymised");
    for scenario in ["Baseline", "Fixed-term locality team"] {
        let more = ["--anonymise", "--force", "--scenario", scenario];
        let output = export("xlsx", &book, &more);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("workers' names replaced by their grade and a number"));
        let output = export("csv", &folder, &more);
        assert!(output.status.success(), "{}", stderr(&output));

        let mut outputs = vec![(book.clone(), workbook_text(&book))];
        for file in CSV_FILES {
            let path = folder.join(file);
            outputs.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
        }
        for (path, text) in &outputs {
            for worker in &workers {
                assert!(
                    !text.contains(worker.as_str()),
                    "{worker} is named in {} ({scenario})",
                    path.display()
                );
            }
        }
        let all: String = outputs.iter().map(|(_, text)| text.as_str()).collect();
        assert!(all.contains("Social worker 1"), "pseudonyms are there");
        assert!(all.contains("Team manager 1"));
    }
    // The same check finds the names when they are not anonymised: every worker of the
    // scenario exported.
    let output = export(
        "xlsx",
        &book,
        &["--force", "--scenario", "Fixed-term locality team"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = workbook_text(&book);
    let set = load_file(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(EXAMPLE)
            .as_path(),
    )
    .unwrap();
    let option = set.options()[0]
        .plan
        .posts
        .iter()
        .filter_map(|p| p.worker.as_deref());
    for worker in option {
        assert!(text.contains(worker), "{worker} is not in the workbook");
    }
}

#[test]
fn an_unknown_scenario_writes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    let output = export("xlsx", &path, &["--scenario", "Option Z"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "The plan has no scenario called \"Option Z\": its scenarios are \"Baseline\", \
         \"Fixed-term locality team\".\n"
    );
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_path_through_a_file_is_refused_naming_it_and_nothing_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "notes").unwrap();
    let output = export("xlsx", &file.join("plan.xlsx"), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "Nothing was exported: {}/plan.xlsx was not written: could not write in {}: part \
             of the path is a file, not a folder.\n",
            file.display(),
            file.display()
        )
    );
    let output = export("csv", &file.join("reports"), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!(
            "the folder {}/reports could not be made",
            file.display()
        )),
        "{}",
        stderr(&output)
    );
    let output = export("csv", &file, &[]);
    assert_eq!(
        stderr(&output),
        format!(
            "Nothing was exported: {} is a file, not a folder.\n",
            file.display()
        )
    );
    let output = export("xlsx", dir.path(), &[]);
    assert!(stderr(&output).contains("was not written: it is a folder, not a file"));
    assert_eq!(names_in(dir.path()), ["notes.txt"]);
    assert_eq!(std::fs::read(&file).unwrap(), b"notes");
}

/// Makes `folder` refuse new files, and puts it back when dropped: for root (CI runs as root,
/// for whom folder permissions mean nothing) with the immutable attribute, otherwise by taking
/// away write permission. (As in `tests/safe_saving.rs`.)
#[cfg(unix)]
struct NoNewFiles(std::path::PathBuf);

#[cfg(unix)]
impl NoNewFiles {
    fn on(folder: &Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            let status = Command::new("chattr")
                .arg("+i")
                .arg(folder)
                .status()
                .expect("chattr (e2fsprogs) is needed to make a folder refuse root");
            assert!(status.success(), "chattr +i failed on {}", folder.display());
        } else {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        let guard = NoNewFiles(folder.to_owned());
        assert!(
            std::fs::File::create(folder.join("probe")).is_err(),
            "the folder still allows new files"
        );
        guard
    }
}

#[cfg(unix)]
impl Drop for NoNewFiles {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_is_named_and_nothing_is_left_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("posts.csv"), "old").unwrap();
    let guard = NoNewFiles::on(&folder);
    let output = export("csv", &folder, &["--force"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "Nothing was exported: {}/posts.csv was not written: could not write in {}: \
             permission denied.\n",
            folder.display(),
            folder.display()
        )
    );
    let output = export("xlsx", &folder.join("plan.xlsx"), &[]);
    assert!(
        stderr(&output).contains(&format!(
            "could not write in {}: permission denied",
            folder.display()
        )),
        "{}",
        stderr(&output)
    );
    drop(guard);
    assert_eq!(names_in(&folder), ["posts.csv"]);
    assert_eq!(std::fs::read(folder.join("posts.csv")).unwrap(), b"old");
}
