//! The PDF report read back: its text, found through the embedded font's ToUnicode maps, holds
//! the plan's name and headline figures; anonymised, it names no worker; a 10,000-post plan
//! still makes a report; a report is written whole or not at all.

use caseload_planner::io::default_scenarios;
use caseload_planner::io::export::pdf::{ReportInput, Worked, report_pdf};
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

fn report(set: &ScenarioSet, shown: ScenarioId, compared: &[ScenarioId]) -> Vec<u8> {
    let worked = Worked::of(set, shown, compared);
    let input = ReportInput {
        scenarios: set,
        shown,
        compared,
        assessments: &worked.assessments,
        projection: &worked.projection,
        bands: None,
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
    let pdf = report(&set, ScenarioId::BASELINE, &ids);
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
