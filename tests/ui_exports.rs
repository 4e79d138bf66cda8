//! Exports from the File menu as a user makes them (the save dialog scripted): the tables as a
//! folder of CSV files and as an Excel workbook, and the PDF report, read back and compared
//! with what the window shows; with names anonymised, no worker's name in any file. A folder
//! that already holds CSV files is replaced only once the user says so; a place that cannot
//! be written gets a message naming it.

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

/// Every page's text of the PDF at `path`, in page order.
fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("the report is a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .expect("the report's text can be read")
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
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

#[test]
fn the_pdf_report_is_written_from_the_menu_with_the_figures_the_window_shows() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("Locality report.pdf");
    let anonymised = dir.path().join("Anonymised report");
    let answers = vec![Some(pdf.clone()), Some(anonymised.clone())];
    let mut harness = common::app_harness(answers);
    common::wait_for_work(&mut harness);
    export(&mut harness, "Export PDF report…");
    assert!(shows(&harness, "Exported the report to"));
    let text = pdf_text(&pdf);
    let plan = harness
        .state()
        .document()
        .scenarios()
        .baseline()
        .name
        .clone();
    assert!(text.contains(&plan), "the plan's name: {plan}");
    // The headline caseload the Overview shows for the example, and the option Compare shows.
    assert!(text.contains("Caseload per case-holding FTE"));
    assert!(text.contains("24.5"));
    let option = harness.state().document().scenarios().options()[0]
        .name
        .clone();
    assert!(text.contains(&option), "the option compared: {option}");
    assert!(text.contains("J. Brown"), "names, when not anonymised");

    // Anonymised, with the extension added to the name typed.
    click(&mut harness, "Anonymise");
    export(&mut harness, "Export PDF report…");
    let text = pdf_text(&anonymised.with_extension("pdf"));
    for name in worker_names(&harness) {
        assert!(!text.contains(&name), "{name} in the anonymised report");
    }
    assert!(text.contains("Social worker 1"));
}

#[test]
fn a_folder_that_holds_csv_files_is_replaced_only_when_the_user_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("tables");
    std::fs::create_dir(&csv).unwrap();
    std::fs::write(csv.join("posts.csv"), "kept\n").unwrap();
    std::fs::write(csv.join("notes.txt"), "mine\n").unwrap();
    let answers = vec![Some(csv.clone()), Some(csv.clone())];
    let mut harness = common::app_harness(answers);
    common::wait_for_work(&mut harness);

    export(&mut harness, "Export tables as CSV…");
    assert!(shows(&harness, "Replace CSV files?"));
    assert!(shows(&harness, "already holds CSV files"));
    click(&mut harness, "Cancel");
    common::wait_for_work(&mut harness);
    assert!(!shows(&harness, "Replace CSV files?"));
    assert_eq!(
        std::fs::read_to_string(csv.join("posts.csv")).unwrap(),
        "kept\n"
    );
    assert_eq!(
        std::fs::read_dir(&csv).unwrap().count(),
        2,
        "nothing written"
    );

    export(&mut harness, "Export tables as CSV…");
    click(&mut harness, "Replace");
    common::wait_for_work(&mut harness);
    assert!(shows(&harness, "CSV files to"));
    // The export's own posts.csv replaced the one there; the other tables joined it.
    let posts = std::fs::read(csv.join("posts.csv")).unwrap();
    assert!(
        posts.starts_with(&[0xEF, 0xBB, 0xBF]),
        "replaced by the export's"
    );
    assert!(std::fs::read_dir(&csv).unwrap().count() >= 8);
    assert_eq!(
        std::fs::read_to_string(csv.join("notes.txt")).unwrap(),
        "mine\n"
    );
}

#[test]
fn a_place_that_cannot_be_written_gets_a_message_naming_it_and_nothing_is_left() {
    let dir = tempfile::tempdir().unwrap();
    // A "folder" that is a file: nothing can be written inside it, even by an administrator.
    let file = dir.path().join("not a folder");
    std::fs::write(&file, "").unwrap();
    let pdf = file.join("report.pdf");
    let xlsx = file.join("tables.xlsx");
    let mut harness = common::app_harness(vec![Some(pdf), Some(xlsx)]);
    common::wait_for_work(&mut harness);
    for (entry, name) in [
        ("Export PDF report…", "report.pdf"),
        ("Export Excel workbook…", "tables.xlsx"),
    ] {
        export(&mut harness, entry);
        assert!(shows(&harness, "The file could not be written"), "{entry}");
        assert!(shows(&harness, name), "the message names {name}");
        click(&mut harness, "OK");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the file that was there");
}
