//! The PDF report read back: its text, found through the embedded font's ToUnicode maps, holds
//! the plan's name and headline figures; anonymised, it names no worker; a 10,000-post plan
//! still makes a report; a report is written whole or not at all; `export --format pdf` writes
//! it from the command line.

use caseload_planner::io::default_scenarios;
use caseload_planner::io::export::Existing;
use caseload_planner::io::export::pdf::{PdfInput, ReportError, report_pdf, write_report};
use caseload_planner::model::anonymise::{Anonymised, WorkerNames};
use caseload_planner::model::projection::project;
use caseload_planner::model::report::{ReportInput, assess_all};
use caseload_planner::model::synthetic;
use caseload_planner::model::{ScenarioId, ScenarioSet};

/// Every page's text, in page order.
fn pages_text(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("the report is a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|&n| {
            doc.extract_text(&[n])
                .expect("each page's text can be read")
        })
        .collect()
}

fn report(
    set: &ScenarioSet,
    shown: ScenarioId,
    compared: &[ScenarioId],
    names: WorkerNames,
) -> Vec<u8> {
    let assessments = assess_all(set);
    let projection = project(set.plan(shown));
    let input = PdfInput {
        tables: ReportInput {
            set,
            scenario: shown,
            assessments: &assessments,
            projection: &projection,
            bands: None,
            names,
        },
        compared,
        date: "28 November 2026",
    };
    report_pdf(&input, &|_| true).expect("the report is made")
}

fn example() -> (ScenarioSet, Vec<ScenarioId>) {
    let set = default_scenarios();
    let ids = set.iter().map(|s| s.id).collect();
    (set, ids)
}

#[test]
fn the_example_report_holds_the_plan_name_and_its_headline_figures() {
    let (set, ids) = example();
    let pdf = report(&set, ScenarioId::BASELINE, &ids, WorkerNames::Real);
    if let Some(path) = std::env::var_os("REPORT_OUT") {
        std::fs::write(path, &pdf).unwrap();
    }
    let pages = pages_text(&pdf);
    let all = pages.join("\n");
    assert!(
        pages[0].contains("Stretched locality service"),
        "{}",
        pages[0]
    );
    assert!(pages[0].contains("28 November 2026"));
    // The headline page: the DfE caseload 24.5 against its target of 18, and the other cards.
    let headline = &pages[1];
    for text in [
        "Headline figures",
        "24.5",
        "target 18",
        "18.5%",
        "428",
        "10.38",
    ] {
        assert!(
            headline.contains(text),
            "{text:?} not on the headline page:\n{headline}"
        );
    }
    for text in ["£", "Fixed-term locality team", "Figures side by side"] {
        assert!(all.contains(text), "{text:?} not in the report");
    }
}

/// Every worker's name in every scenario of `set`.
fn worker_names(set: &ScenarioSet) -> Vec<String> {
    let mut names: Vec<String> = set
        .iter()
        .flat_map(|s| s.plan.posts.iter().filter_map(|p| p.worker.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn an_anonymised_report_names_no_worker_anywhere() {
    let (set, ids) = example();
    let names = worker_names(&set);
    assert!(names.len() > 20, "the example names its workers");
    let real = pages_text(&report(&set, ScenarioId::BASELINE, &ids, WorkerNames::Real)).join("\n");
    // The plain report names them (in the posts and the list of changes): the check can fail.
    assert!(names.iter().any(|n| real.contains(n.as_str())));

    let anonymised = Anonymised::of(&set);
    for shown in &ids {
        let pdf = report(&set, *shown, &ids, WorkerNames::Anonymised(&anonymised));
        let text = pages_text(&pdf).join("\n");
        for name in &names {
            assert!(
                !text.contains(name.as_str()),
                "{name:?} is in the anonymised report"
            );
        }
        assert!(
            text.contains("Social worker 1"),
            "workers appear by grade and number"
        );
        // Nor in the document's own information (title, author, outline).
        let raw = String::from_utf8_lossy(&pdf);
        for name in &names {
            assert!(
                !raw.contains(name.as_str()),
                "{name:?} is in the PDF's bytes"
            );
        }
    }
}

#[test]
fn a_plan_of_ten_thousand_posts_still_makes_a_report_with_its_posts_capped() {
    let set = ScenarioSet::new(synthetic::plan(10_000, 180_000));
    let progress = std::cell::Cell::new(0.0_f32);
    let pdf = {
        let assessments = assess_all(&set);
        let projection = project(set.baseline());
        let input = PdfInput {
            tables: ReportInput {
                set: &set,
                scenario: ScenarioId::BASELINE,
                assessments: &assessments,
                projection: &projection,
                bands: None,
                names: WorkerNames::Real,
            },
            compared: &[],
            date: "28 November 2026",
        };
        report_pdf(&input, &|f| {
            assert!(f >= progress.get(), "progress only goes forward");
            progress.set(f);
            true
        })
        .expect("the report is made")
    };
    assert_eq!(progress.get(), 1.0, "progress ends at 1");
    let pages = pages_text(&pdf);
    let all = pages.join("\n");
    assert!(
        all.contains("The first 1,000 of 10,000 posts"),
        "the cap is said"
    );
    assert!(all.contains("Worker 1000") || all.contains("Worker 999"));
    assert!(
        !all.contains("Worker 9999"),
        "posts past the first 1,000 are left out"
    );
    assert!(all.contains("The charts show the first 96 of 500 teams"));
    assert!(
        all.contains("Team 500"),
        "the table of teams lists every team"
    );
    assert!(pages.len() < 150, "{} pages", pages.len());
    if let Some(path) = std::env::var_os("LARGE_REPORT_OUT") {
        std::fs::write(path, &pdf).unwrap();
    }
}

#[test]
fn a_report_stopped_or_failed_part_way_leaves_no_file_behind() {
    let (set, ids) = example();
    let assessments = assess_all(&set);
    let projection = project(set.baseline());
    let input = PdfInput {
        tables: ReportInput {
            set: &set,
            scenario: ScenarioId::BASELINE,
            assessments: &assessments,
            projection: &projection,
            bands: None,
            names: WorkerNames::Real,
        },
        compared: &ids,
        date: "28 November 2026",
    };
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("report.pdf");
    // Stopped half-way: no file, no temporary file.
    let stopped = write_report(&input, &path, Existing::Replace, &|f| f < 0.5);
    assert_eq!(stopped, Err(ReportError::Stopped));
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    // A folder that does not exist: a message naming the file, nothing written.
    let nowhere = folder.path().join("no such folder").join("report.pdf");
    let failed = write_report(&input, &nowhere, Existing::Replace, &|_| true).unwrap_err();
    assert!(failed.to_string().contains("report.pdf"), "{failed}");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    // A file already there is kept unless it is to be replaced.
    std::fs::write(&path, b"old").unwrap();
    let kept = write_report(&input, &path, Existing::Keep, &|_| true);
    assert_eq!(kept, Err(ReportError::Exists(path.clone())));
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    // Written: a whole PDF, replacing what was there.
    write_report(&input, &path, Existing::Replace, &|_| true).unwrap();
    let written = std::fs::read(&path).unwrap();
    assert!(written.starts_with(b"%PDF-") && pages_text(&written).len() > 5);
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
}

/// `caseload-planner export PLAN --format pdf --out PATH`, with `more` arguments.
fn cli_pdf(out: &std::path::Path, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "export",
        "saved-plans/stretched-locality.ron",
        "--format",
        "pdf",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(more);
    std::process::Command::new(env!("CARGO_BIN_EXE_caseload-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn the_command_line_writes_the_report_anonymised_when_asked_and_keeps_a_file_there() {
    let (set, _) = example();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("report.pdf");
    let output = cli_pdf(&path, &[]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.starts_with(&format!(
            "Wrote {} (the report, the baseline and 1 option compared)",
            path.display()
        )),
        "{said}"
    );
    let text = pages_text(&std::fs::read(&path).unwrap()).join("\n");
    assert!(text.contains("Stretched locality service") && text.contains("24.5"));
    assert!(
        text.contains("10th–90th percentile"),
        "the command line works out the bands"
    );

    // Already there: kept, and nothing else written.
    let output = cli_pdf(&path, &["--anonymise"]);
    assert_eq!(output.status.code(), Some(1));
    let complaint = String::from_utf8_lossy(&output.stderr);
    assert!(
        complaint.contains("already exists") && complaint.contains("--force"),
        "{complaint}"
    );
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);

    let output = cli_pdf(
        &path,
        &[
            "--anonymise",
            "--force",
            "--scenario",
            "Fixed-term locality team",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = pages_text(&std::fs::read(&path).unwrap()).join("\n");
    assert!(text.contains("Scenario shown: Fixed-term locality team"));
    for name in worker_names(&set) {
        assert!(
            !text.contains(name.as_str()),
            "{name:?} is in the anonymised report"
        );
    }
}
