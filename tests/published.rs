//! The DfE release built into the app: its published rates recomputed from its own counts,
//! missing values, its areas, years and neighbours. (Files: `published_files.rs`.)

use caseload_planner::io::published::builtin_release;
use caseload_planner::model::benchmark::{Level, Measure, Published, Release};
use std::collections::BTreeSet;

fn release() -> Release {
    builtin_release().unwrap()
}

// ---------- the rates recomputed from the counts ----------

/// A rate the release publishes and how it is worked out from the counts it also publishes:
/// the numerator's and denominator's counts, whether the numerator is counted in the
/// denominator too, whether the numerator is an FTE (published to 0.1; cases are whole), and
/// the scale it is published at (percent, or cases per FTE).
struct Recomputed {
    measure: Measure,
    numerator: fn(&Published) -> Option<f64>,
    numerator_is_fte: bool,
    denominator: fn(&Published) -> Option<f64>,
    numerator_in_denominator: bool,
    scale: f64,
}

const RATES: [Recomputed; 4] = [
    // caseload = cases ÷ case holders' FTE
    Recomputed {
        measure: Measure::Caseload,
        numerator: |p| p.cases,
        numerator_is_fte: false,
        denominator: |p| p.case_holders_fte,
        numerator_in_denominator: false,
        scale: 1.0,
    },
    // turnover = leavers ÷ FTE in post
    Recomputed {
        measure: Measure::TurnoverRate,
        numerator: |p| p.leavers_fte,
        numerator_is_fte: true,
        denominator: |p| p.inpost_fte,
        numerator_in_denominator: false,
        scale: 100.0,
    },
    // agency rate = agency ÷ (agency + in post)
    Recomputed {
        measure: Measure::AgencyRate,
        numerator: |p| p.agency_fte,
        numerator_is_fte: true,
        denominator: |p| p.inpost_fte,
        numerator_in_denominator: true,
        scale: 100.0,
    },
    // vacancy rate = vacancies ÷ (vacancies + in post)
    Recomputed {
        measure: Measure::VacancyRate,
        numerator: |p| p.vacancy_fte,
        numerator_is_fte: true,
        denominator: |p| p.inpost_fte,
        numerator_in_denominator: true,
        scale: 100.0,
    },
];

impl Recomputed {
    fn rate(&self, n: f64, d: f64) -> f64 {
        let d = if self.numerator_in_denominator {
            d + n
        } else {
            d
        };
        n / d * self.scale
    }

    /// The lowest and highest rate the true, unrounded counts can give: every FTE count is
    /// published rounded to 0.1, so the true count is within 0.05 of it (cases are whole).
    /// The rate rises with its numerator and falls with its denominator (also when the
    /// numerator is in the denominator: n ÷ (n + d) rises with n).
    fn possible(&self, p: &Published) -> Option<(f64, f64)> {
        let (n, d) = ((self.numerator)(p)?, (self.denominator)(p)?);
        let dn = if self.numerator_is_fte { 0.05 } else { 0.0 };
        let low = self.rate((n - dn).max(0.0), d + 0.05);
        let high = self.rate(n + dn, (d - 0.05).max(0.0));
        Some((low, high))
    }
}

/// A value rounded to one decimal, as the release rounds.
fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Rounding errors of reading "11.8" as 0.118 and back.
const FLOAT: f64 = 1e-9;

/// Where the published rate is not what its counts give, even allowing for rounding (see
/// `every_published_rate_agrees_with_its_counts_within_rounding`): all national or regional
/// rows, whose totals the DfE worked out before suppressing some councils' counts (2023 and
/// 2024 above all: the 2024 England agency rate is published as 16.2%, its counts give
/// 15.96%). (year, area code, measure.)
const KNOWN_EXCEPTIONS: [(u16, &str, Measure); 9] = [
    (2022, "E92000001", Measure::TurnoverRate),
    (2022, "E12000001", Measure::TurnoverRate),
    (2023, "E92000001", Measure::AgencyRate),
    (2023, "E12000007", Measure::AgencyRate),
    (2023, "E13000002", Measure::AgencyRate),
    (2024, "E92000001", Measure::TurnoverRate),
    (2024, "E92000001", Measure::AgencyRate),
    (2024, "E12000001", Measure::TurnoverRate),
    (2024, "E12000005", Measure::AgencyRate),
];

/// Every area's published figures, every year: (year, area, figures).
fn every_row(release: &Release) -> Vec<(u16, String, Level, &Published)> {
    let (first, latest) = release.years();
    let mut rows = Vec::new();
    for area in release.areas() {
        for year in first..=latest {
            if let Some(p) = release.figures(area.key(), year) {
                rows.push((year, area.code.clone(), area.level, p));
            }
        }
    }
    rows
}

/// The published rates were worked out from unrounded counts, and the counts are published
/// to 0.1 FTE; the published rate is itself rounded to one decimal. So the published rate
/// must lie within 0.05 of the range the true counts can give ([`Recomputed::possible`]):
/// no wider tolerance is allowed. Every council's rate, every year, agrees; the rows that do
/// not are national or regional ones, listed in [`KNOWN_EXCEPTIONS`], and they really differ
/// (so the list stays true both ways).
#[test]
fn every_published_rate_agrees_with_its_counts_within_rounding() {
    let release = release();
    let mut disagree = BTreeSet::new();
    let mut checked = [0usize; 4];
    for (year, code, level, p) in every_row(&release) {
        for (i, r) in RATES.iter().enumerate() {
            let (Some(published), Some((low, high))) = (r.measure.published(p), r.possible(p))
            else {
                continue;
            };
            // As printed: a percentage (the release is read as fractions) or a caseload.
            let published = published * r.scale;
            checked[i] += 1;
            if published < low - 0.05 - FLOAT || published > high + 0.05 + FLOAT {
                assert_ne!(level, Level::Council, "{year} {code} {:?}", r.measure);
                disagree.insert((year, code.clone(), format!("{:?}", r.measure)));
            }
        }
    }
    let expected: BTreeSet<(u16, String, String)> = KNOWN_EXCEPTIONS
        .iter()
        .map(|(y, c, m)| (*y, (*c).to_owned(), format!("{m:?}")))
        .collect();
    assert_eq!(disagree, expected);
    // Nearly every row of 1,463 has all its counts (a few are suppressed).
    for (r, n) in RATES.iter().zip(checked) {
        assert!(n > 1400, "{:?}: only {n} rows checked", r.measure);
    }
}

/// One area's four rates in one year, recomputed and rounded to one decimal as published.
fn recomputed(release: &Release, code: &str, year: u16) -> Vec<(Measure, f64, f64)> {
    let p = release.figures(code, year).unwrap();
    RATES
        .iter()
        .map(|r| {
            let published = r.measure.published(p).unwrap() * r.scale;
            let (n, d) = ((r.numerator)(p).unwrap(), (r.denominator)(p).unwrap());
            (r.measure, published, one_decimal(r.rate(n, d)))
        })
        .collect()
}

fn assert_exact(release: &Release, code: &str, year: u16, except: &[Measure]) {
    for (measure, published, from_counts) in recomputed(release, code, year) {
        if except.contains(&measure) {
            assert!(
                (published - from_counts).abs() > FLOAT,
                "{code} {year} {measure:?} now matches: take it off the exceptions"
            );
            continue;
        }
        assert!(
            (published - from_counts).abs() < FLOAT,
            "{code} {year} {measure:?}: published {published}, from the counts {from_counts}"
        );
    }
}

/// In 2025 England's and every region's rates are exactly what their counts give, rounded to
/// one decimal, except West Midlands' agency rate (its counts give 10.451%, just above the
/// halfway point; published 10.4%: the unrounded counts fall just below).
#[test]
fn england_and_every_region_in_2025_match_their_counts_at_one_decimal() {
    let release = release();
    assert_exact(&release, "E92000001", 2025, &[]);
    let regions: Vec<String> = release
        .areas()
        .filter(|a| a.level == Level::Regional)
        .map(|a| a.code.clone())
        .collect();
    assert_eq!(
        regions.len(),
        11,
        "nine regions, and Inner and Outer London"
    );
    for code in &regions {
        let except: &[Measure] = if code == "E12000005" {
            &[Measure::AgencyRate]
        } else {
            &[]
        };
        assert_exact(&release, code, 2025, except);
    }
}

/// Several councils, two years, exactly at one decimal; and one that is 0.1 out (Cumberland's
/// 2025 turnover: 10.7 leavers ÷ 158.8 in post = 6.738%, published 6.8%).
#[test]
fn councils_match_their_counts_at_one_decimal() {
    let release = release();
    for code in ["301", "330", "886", "356", "940 / 941"] {
        assert_exact(&release, code, 2025, &[]);
    }
    for code in ["301", "330", "886", "356", "909", "928"] {
        assert_exact(&release, code, 2019, &[]);
    }
    assert_exact(&release, "942", 2025, &[Measure::TurnoverRate]);
    let cumberland = release.figures("942", 2025).unwrap();
    assert_eq!(cumberland.leavers_fte, Some(10.7));
    assert_eq!(cumberland.inpost_fte, Some(158.8));
    assert!((cumberland.turnover_rate.unwrap() - 0.068).abs() < FLOAT);
}

/// The figures as published, read as the file has them: Barking and Dagenham, 2025.
#[test]
fn a_councils_row_is_read_as_published() {
    let release = release();
    let p = release.figures("E09000002", 2025).unwrap();
    assert_eq!(p.inpost_fte, Some(229.0));
    assert_eq!(p.inpost_headcount, Some(229.0));
    assert_eq!(p.starters_fte, Some(40.0));
    assert_eq!(p.leavers_fte, Some(34.0));
    assert_eq!(p.agency_fte, Some(42.0));
    assert_eq!(p.agency_cover_fte, Some(33.0));
    assert_eq!(p.vacancy_fte, Some(53.0));
    assert_eq!(p.case_holders_fte, Some(120.0));
    assert_eq!(p.cases, Some(1801.0));
    assert_eq!(p.caseload, Some(15.0));
    assert_eq!(p.working_days_lost, Some(1409.5));
    let rate = |r: Option<f64>| (r.unwrap() * 1000.0).round() / 10.0;
    assert_eq!(rate(p.turnover_rate), 14.8);
    assert_eq!(rate(p.agency_rate), 15.5);
    assert_eq!(rate(p.agency_cover_rate), 78.6);
    assert_eq!(rate(p.vacancy_rate), 18.8);
    assert_eq!(rate(p.vacancy_agency_cover_rate), 62.3);
    assert_eq!(rate(p.absence_rate), 2.4);
    // The share of staff holding cases: 120 ÷ (229 + 42).
    let share = Measure::CaseHolderShare.published(p).unwrap();
    assert!((share - 120.0 / 271.0).abs() < FLOAT);
    // England 2024, as the brief has it: about 20,800 of about 40,900 FTE held cases.
    let england = release.england(2024).unwrap();
    let share = Measure::CaseHolderShare.published(england).unwrap();
    assert!((share - 20803.5 / (34328.2 + 6520.7)).abs() < FLOAT);
}

// ---------- missing values ----------

#[test]
fn letters_are_missing_values_never_zeros() {
    let release = release();
    // Westminster, 2025: every figure "x".
    let westminster = release.figures("213", 2025).unwrap();
    assert_eq!(*westminster, Published::default());
    for m in Measure::ALL {
        assert_eq!(m.published(westminster), None, "{m:?}");
    }
    // Sunderland, 2025: agency "low", the rest published.
    let sunderland = release.figures("394", 2025).unwrap();
    assert_eq!(sunderland.agency_fte, None);
    assert_eq!(sunderland.agency_rate, None);
    assert_eq!(sunderland.agency_cover_fte, None);
    assert_eq!(sunderland.agency_headcount, Some(1.0));
    assert_eq!(sunderland.inpost_fte, Some(229.5));
    // Sunderland, 2024: leavers "u"; Kensington and Chelsea 2024: agency "u", its rate "x".
    let sunderland = release.figures("394", 2024).unwrap();
    assert_eq!(
        (sunderland.leavers_fte, sunderland.turnover_rate),
        (None, None)
    );
    assert_eq!(sunderland.leavers_headcount, Some(28.0));
    let kensington = release.figures("207", 2024).unwrap();
    assert_eq!(
        (kensington.agency_fte, kensington.agency_rate),
        (None, None)
    );
    // A real zero stays zero: Rutland had no agency workers in 2021.
    let rutland = release.figures("857", 2021).unwrap();
    assert_eq!(rutland.agency_fte, Some(0.0));
    assert_eq!(rutland.agency_rate, Some(0.0));
    // 2021: its agency cover rate is "z" (no agency workers to cover anything).
    assert_eq!(rutland.agency_cover_rate, None);
}

#[test]
fn missing_values_are_left_out_of_ranks_and_medians() {
    let release = release();
    let ranked = |year| {
        release
            .councils_in(year)
            .filter(|(_, p)| p.caseload.is_some())
            .count()
    };
    // 151 councils in 2025, Westminster's and Kensington and Chelsea's caseloads not published.
    assert_eq!(release.councils_in(2025).count(), 151);
    assert_eq!(ranked(2025), 149);
    let standing =
        caseload_planner::model::benchmark::standing(&release, Measure::Caseload, 2025, 0.0)
            .unwrap();
    assert_eq!((standing.rank, standing.of, standing.quartile), (1, 150, 1));
    // Westminster's neighbours' median leaves out the one whose caseload is not published.
    let westminster = release.council("213").unwrap();
    let b = caseload_planner::model::benchmark::benchmark(
        &release,
        westminster,
        Measure::Caseload,
        2025,
    );
    assert_eq!((b.council, b.council_standing), (None, None));
    let published_neighbours = release
        .neighbours(westminster)
        .iter()
        .filter(|n| {
            release
                .figures(n.key(), 2025)
                .and_then(|p| p.caseload)
                .is_some()
        })
        .count();
    assert_eq!(b.neighbours.unwrap().count, published_neighbours);
    assert!(
        published_neighbours < 10,
        "Kensington and Chelsea is a neighbour"
    );
}

// ---------- areas, years and neighbours ----------

#[test]
fn the_release_has_england_every_region_and_every_council_for_nine_years() {
    let release = release();
    assert_eq!(release.years(), (2017, 2025));
    for year in 2017..=2025 {
        assert!(release.england(year).is_some(), "{year}");
        let councils = release.councils_in(year).count();
        let expected = if (2019..=2022).contains(&year) {
            150
        } else {
            151
        };
        assert_eq!(councils, expected, "{year}");
    }
    assert_eq!(release.councils().count(), 151);
    let regions = release
        .areas()
        .filter(|a| a.level == Level::Regional)
        .count();
    assert_eq!(regions, 11);
    // Councils over the years: the 151 of 2025 and five since replaced: Bournemouth, Dorset
    // (the county) and Poole until 2018, Northamptonshire until 2020, Cumbria until 2022.
    let mut gone: Vec<&str> = release
        .areas()
        .filter(|a| a.level == Level::Council && release.figures(a.key(), 2025).is_none())
        .map(|a| a.key())
        .collect();
    gone.sort_unstable();
    assert_eq!(gone, ["835", "836", "837", "909", "928"]);
    assert_eq!(release.council("835").unwrap().name, "Dorset");
    assert_eq!(
        release.find_councils("dorset")[0].key(),
        "838",
        "today's Dorset"
    );
    assert_eq!(release.england_area().name, "England");
}

#[test]
fn councils_that_merged_split_or_changed_code_keep_their_series() {
    let release = release();
    // Barnsley: E08000016 until 2023, E08000038 since; one council, code 370.
    let barnsley = release.council("E08000016").unwrap();
    assert_eq!(release.council("E08000038"), Some(barnsley));
    assert_eq!(barnsley.code, "E08000038");
    let years = |code: &str| -> Vec<u16> {
        (2017..=2025)
            .filter(|&y| release.figures(code, y).is_some())
            .collect()
    };
    assert_eq!(years("370"), (2017..=2025).collect::<Vec<_>>());
    // Cumbria to 2022, then Cumberland and Westmorland and Furness.
    assert_eq!(years("909"), (2017..=2022).collect::<Vec<_>>());
    assert_eq!(years("942"), [2023, 2024, 2025]);
    assert_eq!(years("943"), [2023, 2024, 2025]);
    // Northamptonshire to 2020; North and West Northamptonshire, published together, since.
    assert_eq!(years("928"), (2017..=2020).collect::<Vec<_>>());
    let joint = release.council("941").unwrap();
    assert_eq!(joint.name, "North Northamptonshire / West Northamptonshire");
    assert_eq!(years("940"), (2021..=2025).collect::<Vec<_>>());
    let series = caseload_planner::model::benchmark::series(&release, joint, Measure::Caseload);
    assert_eq!(series.council.len(), 9);
    assert_eq!(series.council[0], (2017, None));
    assert_eq!(series.council[8], (2025, Some(14.8)));
}

#[test]
fn each_council_has_its_ten_neighbours_in_order() {
    let release = release();
    // Ten each, except where two of the ten are published together (North and West
    // Northamptonshire): they are one area, listed once. Swindon and Thurrock list both.
    for council in release.councils() {
        let expected = if ["866", "883"].contains(&council.key()) {
            9
        } else {
            10
        };
        assert_eq!(
            release.neighbours(council).len(),
            expected,
            "{}",
            council.name
        );
    }
    // Barking and Dagenham: 308, 821, 313, ... (Enfield, Luton, Hounslow ...).
    let barking = release.council("301").unwrap();
    let codes: Vec<&str> = release
        .neighbours(barking)
        .iter()
        .map(|n| n.key())
        .collect();
    assert_eq!(
        codes,
        [
            "308", "821", "313", "333", "336", "307", "304", "312", "874", "203"
        ]
    );
    // Kingston and Richmond, published together: the first of each, then the second of
    // each..., without each other (314, 318) or repeats.
    let joint = release.council("314").unwrap();
    let codes: Vec<&str> = release.neighbours(joint).iter().map(|n| n.key()).collect();
    assert_eq!(
        codes,
        [
            "319", "868", "315", "919", "936", "305", "872", "800", "358", "825"
        ]
    );
}

#[test]
fn councils_are_found_by_name_or_code() {
    let release = release();
    let first = |q: &str| release.find_councils(q).first().map(|a| a.name.clone());
    assert_eq!(first("barking").as_deref(), Some("Barking and Dagenham"));
    assert_eq!(
        first("hull").as_deref(),
        Some("Kingston upon Hull, City of")
    );
    assert_eq!(first("301").as_deref(), Some("Barking and Dagenham"));
    assert_eq!(first("e09000002").as_deref(), Some("Barking and Dagenham"));
    assert_eq!(
        first("Richmond").as_deref(),
        Some("Kingston upon Thames / Richmond upon Thames")
    );
    let york: Vec<String> = release
        .find_councils("york")
        .iter()
        .map(|a| a.name.clone())
        .collect();
    assert_eq!(york[0], "York", "the name itself first");
    assert!(york.contains(&"North Yorkshire".to_owned()));
}
