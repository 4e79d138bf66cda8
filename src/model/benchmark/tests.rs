//! A small hand-made release: look-ups by code and name, neighbours, and benchmarks worked out
//! by hand.

use super::*;
use crate::model::figures::{Better, FigureId, Unit, figure};
use std::collections::HashMap;

fn row(
    year: u16,
    level: Level,
    code: &str,
    old: Option<&str>,
    name: &str,
    region: Option<(&str, &str)>,
    caseload: Option<f64>,
) -> ReleaseRow {
    ReleaseRow {
        year,
        level,
        code: code.to_owned(),
        old_la_code: old.map(str::to_owned),
        name: name.to_owned(),
        region_code: region.map(|r| r.0.to_owned()),
        region_name: region.map(|r| r.1.to_owned()),
        figures: Published {
            caseload,
            ..Published::default()
        },
    }
}

const NORTH_EAST: Option<(&str, &str)> = Some(("E12000001", "North East"));
const INNER_LONDON: Option<(&str, &str)> = Some(("E13000001", "Inner London"));

fn rows() -> Vec<ReleaseRow> {
    use Level::{Council, National, Regional};
    vec![
        row(
            2025,
            National,
            "E92000001",
            None,
            "England",
            None,
            Some(17.0),
        ),
        row(
            2024,
            National,
            "E92000001",
            None,
            "England",
            None,
            Some(17.5),
        ),
        row(
            2025,
            Regional,
            "E12000001",
            None,
            "North East",
            None,
            Some(18.0),
        ),
        row(
            2024,
            Regional,
            "E12000001",
            None,
            "North East",
            None,
            Some(19.0),
        ),
        row(
            2025,
            Regional,
            "E12000007",
            None,
            "London",
            None,
            Some(21.0),
        ),
        row(
            2025,
            Regional,
            "E13000001",
            None,
            "Inner London",
            None,
            Some(22.0),
        ),
        row(
            2025,
            Council,
            "E06000001",
            Some("101"),
            "Alpha",
            NORTH_EAST,
            Some(10.0),
        ),
        row(
            2024,
            Council,
            "E06000001",
            Some("101"),
            "Alpha",
            NORTH_EAST,
            Some(12.0),
        ),
        row(
            2025,
            Council,
            "E06000002",
            Some("102"),
            "Beta",
            NORTH_EAST,
            Some(20.0),
        ),
        // Suppressed: published as a letter.
        row(
            2025,
            Council,
            "E06000003",
            Some("103"),
            "Gamma",
            NORTH_EAST,
            None,
        ),
        row(
            2025,
            Council,
            "E09000001",
            Some("104"),
            "Delta",
            INNER_LONDON,
            Some(30.0),
        ),
        // A new ONS code in 2025, the same old code.
        row(
            2024,
            Council,
            "E08000016",
            Some("105"),
            "Epsilon",
            NORTH_EAST,
            Some(15.0),
        ),
        row(
            2025,
            Council,
            "E08000038",
            Some("105"),
            "Epsilon",
            NORTH_EAST,
            Some(16.0),
        ),
        // Two councils published together.
        row(
            2025,
            Council,
            "E06000061 / E06000062",
            Some("940 / 941"),
            "North / West",
            NORTH_EAST,
            Some(25.0),
        ),
        // A council that has since been replaced.
        row(
            2024,
            Council,
            "E10000006",
            Some("909"),
            "Omega",
            NORTH_EAST,
            Some(14.0),
        ),
    ]
}

fn neighbours() -> HashMap<String, Vec<String>> {
    let list = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect();
    HashMap::from([
        ("101".to_owned(), list(&["102", "103", "104", "999"])),
        ("940".to_owned(), list(&["101", "941", "102"])),
        ("941".to_owned(), list(&["103", "940", "104"])),
    ])
}

fn release() -> Release {
    Release::from_rows(rows(), neighbours()).unwrap()
}

fn names<'a>(areas: impl IntoIterator<Item = &'a Area>) -> Vec<&'a str> {
    areas.into_iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn the_years_and_the_current_councils_by_name() {
    let r = release();
    assert_eq!(r.years(), (2024, 2025));
    assert_eq!(r.latest_year(), 2025);
    assert_eq!(
        names(r.councils()),
        ["Alpha", "Beta", "Delta", "Epsilon", "Gamma", "North / West"],
        "Omega has no figures in 2025"
    );
    assert_eq!(r.england(2024).unwrap().caseload, Some(17.5));
    assert_eq!(r.england(2023), None);
}

#[test]
fn a_council_is_found_by_any_of_its_codes() {
    let r = release();
    let epsilon = r.council("105").unwrap();
    assert_eq!(epsilon.code, "E08000038", "its latest ONS code");
    assert_eq!(r.council("E08000016"), Some(epsilon));
    assert_eq!(r.council(" e08000038 "), Some(epsilon));
    assert_eq!(r.figures("E08000038", 2024).unwrap().caseload, Some(15.0));
    assert_eq!(r.figures("E08000016", 2025).unwrap().caseload, Some(16.0));

    let joint = r.council("940").unwrap();
    assert_eq!(joint.old_la_code.as_deref(), Some("940 / 941"));
    assert_eq!(joint.key(), "940 / 941");
    for code in ["941", "940/941", "940 / 941", "E06000062"] {
        assert_eq!(r.council(code), Some(joint), "{code}");
    }
    assert_eq!(r.council("909").unwrap().name, "Omega");
    assert_eq!(r.council("E12000001"), None, "a region is not a council");
    assert_eq!(r.area("E12000001").unwrap().level, Level::Regional);
    assert_eq!(r.council("999"), None);
}

#[test]
fn a_london_councils_region_is_london() {
    let r = release();
    let delta = r.council("104").unwrap();
    assert_eq!(delta.region_name.as_deref(), Some("London"));
    assert_eq!(r.region_of(delta).unwrap().code, "E12000007");
    let alpha = r.council("101").unwrap();
    assert_eq!(r.region_of(alpha).unwrap().name, "North East");
    assert_eq!(r.region_of(r.england_area()), None);
}

#[test]
fn neighbours_are_in_order_and_only_those_found() {
    let r = release();
    let alpha = r.council("101").unwrap();
    assert_eq!(names(r.neighbours(alpha)), ["Beta", "Gamma", "Delta"]);
    assert!(r.neighbours(r.council("102").unwrap()).is_empty());
    // 940's first, 941's first, (each other, skipped), 940's third, 941's third.
    let joint = r.council("940").unwrap();
    assert_eq!(
        names(r.neighbours(joint)),
        ["Alpha", "Gamma", "Beta", "Delta"]
    );
}

#[test]
fn councils_are_found_by_name_best_match_first() {
    let r = release();
    let find = |q: &str| names(r.find_councils(q));
    assert_eq!(find("alpha"), ["Alpha"]);
    // Starts with "a" before containing it; by name within each.
    assert_eq!(find("A"), ["Alpha", "Beta", "Delta", "Gamma"]);
    assert_eq!(find("west"), ["North / West"], "a word of the name");
    assert_eq!(find("105"), ["Epsilon"]);
    assert_eq!(find("E08000016"), ["Epsilon"]);
    assert_eq!(
        find("909"),
        ["Omega"],
        "a code finds a council no longer published"
    );
    assert_eq!(
        find("omega"),
        Vec::<&str>::new(),
        "names: current councils only"
    );
    assert_eq!(find("  ").len(), 6);
    assert!(find("zzz").is_empty());
}

#[test]
fn rows_that_make_no_release_are_refused() {
    assert_eq!(
        Release::from_rows(vec![], HashMap::new()).unwrap_err(),
        ReleaseProblem::NoRows
    );
    let mut twice = rows();
    twice.push(rows()[8].clone());
    assert_eq!(
        Release::from_rows(twice, HashMap::new()).unwrap_err(),
        ReleaseProblem::Twice {
            row: 15,
            first: 8,
            name: "Beta".to_owned(),
            year: 2025
        }
    );
    let no_england: Vec<ReleaseRow> = rows()
        .into_iter()
        .filter(|r| r.level != Level::National || r.year != 2025)
        .collect();
    assert_eq!(
        Release::from_rows(no_england, HashMap::new()).unwrap_err(),
        ReleaseProblem::NoEngland { year: 2025 }
    );
    let mut far = rows();
    far[3].year = 3000;
    assert_eq!(
        Release::from_rows(far, HashMap::new()).unwrap_err(),
        ReleaseProblem::Year { row: 3, year: 3000 }
    );
}

#[test]
fn a_benchmark_worked_out_by_hand() {
    let r = release();
    let alpha = r.council("101").unwrap();
    let b = benchmark(&r, alpha, Measure::Caseload, 2025);
    assert_eq!(b.council, Some(10.0));
    // 2025's published caseloads: 10, 20, 30, 16, 25 (Gamma's is not published): Alpha is
    // lowest of five, 4 × 1 ÷ 5 = 0.8: the first quarter.
    assert_eq!(
        b.council_standing,
        Some(Standing {
            rank: 1,
            of: 5,
            quartile: 1
        })
    );
    // Neighbours Beta 20, Gamma (none), Delta 30: median of two.
    assert_eq!(
        b.neighbours,
        Some(Spread {
            median: 25.0,
            min: 20.0,
            max: 30.0,
            count: 2
        })
    );
    assert_eq!(b.region, Some(18.0));
    assert_eq!(b.england, Some(17.0));

    let gamma = benchmark(&r, r.council("103").unwrap(), Measure::Caseload, 2025);
    assert_eq!((gamma.council, gamma.council_standing), (None, None));
    assert_eq!(gamma.neighbours, None, "no neighbours listed");

    // Where 22 would stand: above 10, 16 and 20, below 25 and 30: 4th of 6, 4 × 4 ÷ 6 = 2.67.
    assert_eq!(
        standing(&r, Measure::Caseload, 2025, 22.0),
        Some(Standing {
            rank: 4,
            of: 6,
            quartile: 3
        })
    );
    assert_eq!(
        standing(&r, Measure::AgencyRate, 2025, 0.1),
        None,
        "nothing published"
    );
}

#[test]
fn a_series_has_every_year_for_all_four() {
    let r = release();
    let s = series(&r, r.council("101").unwrap(), Measure::Caseload);
    assert_eq!(s.council, [(2024, Some(12.0)), (2025, Some(10.0))]);
    assert_eq!(s.neighbours_median, [(2024, None), (2025, Some(25.0))]);
    assert_eq!(s.region, [(2024, Some(19.0)), (2025, Some(18.0))]);
    assert_eq!(s.england, [(2024, Some(17.5)), (2025, Some(17.0))]);
    let omega = series(&r, r.council("909").unwrap(), Measure::Caseload);
    assert_eq!(omega.council, [(2024, Some(14.0)), (2025, None)]);
}

#[test]
fn the_share_holding_cases_is_worked_out_from_the_counts() {
    let p = Published {
        case_holders_fte: Some(50.0),
        inpost_fte: Some(80.0),
        agency_fte: Some(20.0),
        ..Published::default()
    };
    assert_eq!(Measure::CaseHolderShare.published(&p), Some(0.5));
    let suppressed = Published {
        agency_fte: None,
        ..p.clone()
    };
    assert_eq!(Measure::CaseHolderShare.published(&suppressed), None);
    let empty = Published {
        inpost_fte: Some(0.0),
        agency_fte: Some(0.0),
        ..p
    };
    assert_eq!(
        Measure::CaseHolderShare.published(&empty),
        None,
        "no staff: no share"
    );
}

#[test]
fn measures_share_the_catalogues_labels() {
    assert_eq!(Measure::Caseload.label(), figure(FigureId::Caseload).label);
    assert_eq!(Measure::AgencyRate.figure(), FigureId::AgencyRate);
    assert_eq!(Measure::TurnoverRate.figure(), FigureId::TurnoverFirstYear);
    assert_eq!(Measure::TurnoverRate.label(), "Turnover (first year)");
    assert_eq!(Measure::Caseload.unit(), Unit::Caseload);
    assert_eq!(Measure::VacancyRate.unit(), Unit::Percent);
    assert_eq!(Measure::AbsenceRate.better(), Better::Lower);
    let labels: std::collections::HashSet<&str> = Measure::ALL.iter().map(|m| m.label()).collect();
    assert_eq!(labels.len(), Measure::ALL.len());
    for m in Measure::ALL {
        assert!(m.definition().ends_with('.'), "{m:?}");
    }
}
