//! Exports from the File menu as a user makes them (the save dialog scripted): the tables as a
//! folder of CSV files and as an Excel workbook, read back and compared with what the window
//! shows; with names anonymised, no worker's name in any file.

mod common;

use calamine::{Data, Reader, Xlsx};
use egui_kittest::kittest::Queryable;
use std::path::Path;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

/// File > `entry`, then waits for the export to be written.
fn export(harness: &mut App<'_>, entry: &str) {
    click(harness, "File");
    click(harness, entry);
    common::wait_for_work(harness);
}

fn worker_names(harness: &App<'_>) -> Vec<String> {
    let set = harness.state().document().scenarios();
    let mut names: Vec<String> = set
        .iter()
        .flat_map(|s| s.plan.posts.iter().filter_map(|p| p.worker.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Every cell of every sheet, as text.
fn workbook_cells(path: &Path) -> Vec<Vec<Vec<String>>> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let sheets = workbook.sheet_names();
    sheets
        .iter()
        .map(|name| {
            let range = workbook.worksheet_range(name).unwrap();
            range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|c| match c {
                            Data::Float(f) => format!("{f}"),
                            Data::Int(i) => format!("{i}"),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_tables_go_to_a_folder_of_csv_files_and_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("Locality tables");
    let xlsx = dir.path().join("Locality.xlsx");
    let mut harness = common::app_harness(vec![Some(csv.clone()), Some(xlsx.clone())]);
    common::wait_for_work(&mut harness);
    export(&mut harness, "Export tables as CSV…");
    let mut files: Vec<String> = std::fs::read_dir(&csv)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    assert!(files.iter().any(|f| f.contains("posts")), "{files:?}");
    // The posts file: UTF-8 with a BOM, a heading and a row per post.
    let posts_file = files.iter().find(|f| f.contains("posts")).unwrap();
    let bytes = std::fs::read(csv.join(posts_file)).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let posts = harness.state().document().plan().posts.len();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(reader.records().count(), posts);
    assert!(
        harness
            .query_all_by_label_contains("CSV files to")
            .next()
            .is_some()
    );

    export(&mut harness, "Export Excel workbook…");
    let sheets = workbook_cells(&xlsx);
    assert!(sheets.len() >= 7);
    // The comparison sheet has the example's caseloads, as numbers.
    let text: String = sheets
        .iter()
        .flatten()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("|");
    assert!(text.contains("Caseload per case-holding FTE"));
    let row = sheets
        .iter()
        .flatten()
        .find(|r| {
            r.first()
                .is_some_and(|c| c == "Caseload per case-holding FTE")
        })
        .expect("the comparison's caseload row");
    let numbers: Vec<f64> = row.iter().filter_map(|c| c.parse().ok()).collect();
    assert!((numbers[0] - 24.5).abs() < 0.05, "{row:?}");
    assert!(text.contains("J. Brown"), "names, when not anonymised");
}

#[test]
fn anonymised_exports_name_no_worker() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("anonymised");
    let xlsx = dir.path().join("anonymised.xlsx");
    let mut harness = common::app_harness(vec![Some(csv.clone()), Some(xlsx.clone())]);
    common::wait_for_work(&mut harness);
    click(&mut harness, "Anonymise");
    export(&mut harness, "Export tables as CSV…");
    export(&mut harness, "Export Excel workbook…");
    let mut everything = String::new();
    for entry in std::fs::read_dir(&csv).unwrap() {
        everything.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let cells = workbook_cells(&xlsx);
    everything.push_str(
        &cells
            .iter()
            .flatten()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("|"),
    );
    for name in worker_names(&harness) {
        assert!(!everything.contains(&name), "{name} exported");
    }
    assert!(everything.contains("Social worker 1"));
}
