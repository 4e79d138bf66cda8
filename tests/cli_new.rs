//! `new --council`, run as a user runs it: a plan file from a council's published figures,
//! whose headline equals them; a name matching several councils or none is refused in words.

use caseload_planner::io::load_file;
use caseload_planner::io::platform::DATA_DIR_VARIABLE;
use caseload_planner::model::assess;
use caseload_planner::model::figures::{FigureId, figure};
use caseload_planner::text::figure_value;
use std::path::Path;
use std::process::{Command, Output};

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseload-planner-cli"))
        .args(args)
        .env(DATA_DIR_VARIABLE, data)
        .output()
        .unwrap()
}

#[test]
fn rutland_from_its_published_figures() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("rutland.ron");
    let output = run(
        data.path(),
        &[
            "new",
            "--council",
            "rutland",
            "--out",
            out.to_str().unwrap(),
            "--one-team",
        ],
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Rutland 2025 in the CSV: 181 cases, 15.4 case-holding FTE, caseload 11.7; agency and
    // vacancy rates 8.4%.
    assert!(
        text.contains("Caseload per case-holding FTE: 11.7 (published 11.7)"),
        "{text}"
    );
    assert!(
        text.contains("Agency rate: 8.4% (published 8.4%)"),
        "{text}"
    );
    assert!(
        text.contains("Vacancy rate: 8.4% (published 8.4%)"),
        "{text}"
    );
    assert!(text.contains("Open Government Licence v3.0"));
    let set = load_file(&out).unwrap();
    let plan = set.baseline();
    assert_eq!(plan.settings.council.as_deref(), Some("857"));
    assert_eq!(plan.teams.len(), 1);
    let service = assess(plan).service;
    let caseload = figure(FigureId::Caseload);
    assert_eq!(figure_value(caseload.unit, caseload.of(&service)), "11.7");
    let cases: u64 = plan.posts.iter().map(|p| p.cases_held()).sum();
    assert_eq!(cases, 181);
}

#[test]
fn a_name_matching_several_councils_or_none_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("x.ron");
    let out = out.to_str().unwrap();
    let several = run(data.path(), &["new", "--council", "north", "--out", out]);
    assert_eq!(several.status.code(), Some(1));
    let said = String::from_utf8_lossy(&several.stderr);
    assert!(
        said.contains("\"north\" matches 8 councils: North East Lincolnshire"),
        "{said}"
    );
    let none = run(data.path(), &["new", "--council", "Atlantis", "--out", out]);
    assert_eq!(none.status.code(), Some(1));
    let said = String::from_utf8_lossy(&none.stderr);
    assert!(said.contains("No council in the published figures matches \"Atlantis\""));
    assert!(!Path::new(out).exists(), "nothing is written");
}
