//! The tables of a small plan, with values worked out by hand.
//!
//! Weights: child in need 1.0, child protection 1.5 points; a social worker carries 20 points
//! at 1.0 FTE. North: team manager A. Ames; social worker B. Bell (10 child in need, 4 child
//! protection: 16 points of 20, 80%); a vacant social worker post; C. Cole, agency at 0.6 FTE
//! (9 child in need: 9 of 12 points, 75%). South: D. Dunn, fixed-term April 2026 to March
//! 2027 (22 child in need: 22 of 20 points, 110%, red).

use super::*;
use crate::model::allocation::test_plans::{add_post, plan};
use crate::model::anonymise::Anonymised;
use crate::model::defaults::case_type::{CHILD_IN_NEED, CHILD_PROTECTION};
use crate::model::defaults::grade::{SOCIAL_WORKER, TEAM_MANAGER};
use crate::model::figures::{FIGURES, FigureId, figure};
use crate::model::projection::Band3;
use crate::model::{Command, Contract, PostId, TeamId, YearMonth};

const WORKERS: [&str; 4] = ["A. Ames", "B. Bell", "C. Cole", "D. Dunn"];

fn small_plan() -> crate::model::Plan {
    let mut p = plan(&["North", "South"]);
    add_post(&mut p, 1, TEAM_MANAGER, 1.0, Some("A. Ames"), &[]);
    add_post(
        &mut p,
        1,
        SOCIAL_WORKER,
        1.0,
        Some("B. Bell"),
        &[(CHILD_IN_NEED, 10), (CHILD_PROTECTION, 4)],
    );
    add_post(&mut p, 1, SOCIAL_WORKER, 1.0, None, &[]);
    let cole = add_post(
        &mut p,
        1,
        SOCIAL_WORKER,
        0.6,
        Some("C. Cole"),
        &[(CHILD_IN_NEED, 9)],
    );
    let dunn = add_post(
        &mut p,
        2,
        SOCIAL_WORKER,
        1.0,
        Some("D. Dunn"),
        &[(CHILD_IN_NEED, 22)],
    );
    let month = |m| YearMonth::new(2026, m).unwrap();
    let at = |id: PostId| id.0 as usize - 1;
    p.posts[at(cole)].contract = Contract::Agency;
    p.posts[at(dunn)].contract = Contract::FixedTerm {
        start: month(4),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    p.name = "Small plan".into();
    p.notes = "Figures from B. Bell's spreadsheet".into();
    p
}

/// The baseline, "Option A" (an agency social worker added to South, Bell's post given to
/// E. Eze) and "Option B" (no change).
fn small_set() -> ScenarioSet {
    let mut set = ScenarioSet::new(small_plan());
    let a = set.add_option(ScenarioId::BASELINE, "Option A").unwrap();
    set.add_option(ScenarioId::BASELINE, "Option B").unwrap();
    set.apply(
        a,
        Command::AddFilledPosts {
            team: TeamId(2),
            grade: SOCIAL_WORKER,
            contract: Contract::Agency,
            fte: 1.0,
            count: 1,
        },
    )
    .unwrap();
    set.apply(
        a,
        Command::SetPostWorker {
            post: PostId(2),
            worker: Some("E. Eze".into()),
        },
    )
    .unwrap();
    set
}

fn column(table: &ReportTable, heading: &str) -> usize {
    table
        .columns
        .iter()
        .position(|c| c.heading == heading)
        .unwrap_or_else(|| panic!("no column {heading} in {}", table.name))
}

fn number(cell: &Cell) -> f64 {
    match cell {
        Cell::Number(v) | Cell::Quantity(v, _) => *v,
        other => panic!("not a number: {other:?}"),
    }
}

fn close(cell: &Cell, expected: f64) {
    let value = number(cell);
    assert!((value - expected).abs() < 1e-9, "{value} is not {expected}");
}

fn words(cell: &Cell) -> &str {
    match cell {
        Cell::Text(t) => t.as_str(),
        _ => "",
    }
}

fn text(s: &str) -> Cell {
    Cell::text(s)
}

#[test]
fn posts_are_rows_as_the_posts_table_shows_them() {
    let plan = small_plan();
    let table = posts_table(&plan, &assess(&plan), &WorkerNames::Real);
    assert_eq!(table.rows.len(), 5);
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Team",
            "Worker",
            "Grade",
            "Contract",
            "Fixed-term start",
            "Fixed-term end",
            "FTE",
            "Status",
            "Agency worker covers",
            "Assessment",
            "Child in need",
            "Child protection",
            "Child looked after",
            "Court / PLO",
            "Care leaver",
            "Cases held",
            "Load (points)",
            "Capacity (points)",
            "Utilisation",
            "Band"
        ]
    );
    assert_eq!(
        table.rows[1],
        [
            text("North"),
            text("B. Bell"),
            text("Social worker"),
            text("Permanent"),
            Cell::Empty,
            Cell::Empty,
            Cell::Number(1.0),
            text("Working"),
            Cell::Empty,
            Cell::Number(0.0),
            Cell::Number(10.0),
            Cell::Number(4.0),
            Cell::Number(0.0),
            Cell::Number(0.0),
            Cell::Number(0.0),
            Cell::Number(14.0),
            Cell::Number(16.0),
            Cell::Number(20.0),
            Cell::Number(0.8),
            text("Within capacity"),
        ]
    );
    let vacant = &table.rows[2];
    assert_eq!(vacant[1], text("Vacant"));
    assert_eq!(vacant[7], text("Vacant"));
    assert_eq!(vacant[column(&table, "Utilisation")], Cell::Empty);
    let cole = &table.rows[3];
    assert_eq!(cole[3], text("Agency"));
    assert_eq!(cole[8], text("Covering a vacancy"));
    close(&cole[column(&table, "Utilisation")], 0.75);
    let dunn = &table.rows[4];
    assert_eq!(dunn[3], text("Fixed-term"));
    assert_eq!(dunn[4], text("Apr 2026"));
    assert_eq!(dunn[5], text("Mar 2027"));
    close(&dunn[column(&table, "Utilisation")], 1.1);
    assert_eq!(dunn[column(&table, "Band")], text("Over capacity"));
}

#[test]
fn teams_have_the_catalogues_figures_and_the_whole_service_a_row() {
    let plan = small_plan();
    let table = teams_table(&plan, &assess(&plan));
    let names: Vec<&Cell> = table.rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        names,
        [&text("North"), &text("South"), &text("Whole service")]
    );
    let team_figures = FIGURES.iter().filter(|f| f.is_team_figure()).count();
    assert_eq!(table.columns.len(), 2 + team_figures);
    let at = |row: usize, id: FigureId| &table.rows[row][column(&table, figure(id).label)];
    // North: 23 cases held by 1.6 FTE; 25 of 32 points; agency 0.6 of 2.6 FTE in post;
    // vacancies 1.0 + 0.6 covered by agency, over 1.6 + 2.0 employed.
    close(at(0, FigureId::Caseload), 23.0 / 1.6);
    close(at(0, FigureId::Utilisation), 25.0 / 32.0);
    close(at(0, FigureId::AgencyRate), 0.6 / 2.6);
    close(at(0, FigureId::VacancyRate), 1.6 / 3.6);
    close(at(1, FigureId::Caseload), 22.0);
    close(at(1, FigureId::Utilisation), 1.1);
    // South has no team manager: no span of control.
    assert_eq!(at(1, FigureId::CaseHoldersPerManager), &Cell::Empty);
    // The service: 45 cases by 2.6 FTE; 47 of 52 points.
    close(at(2, FigureId::Caseload), 45.0 / 2.6);
    close(at(2, FigureId::Utilisation), 47.0 / 52.0);
    assert_eq!(
        table.columns[column(&table, figure(FigureId::AnnualCost).label)].unit,
        Some(Unit::Money)
    );
}

#[test]
fn alerts_list_the_whole_service_first_then_each_team_red_first() {
    let plan = small_plan();
    let table = alerts_table(&plan, &assess(&plan));
    let rows: Vec<[&str; 3]> = table
        .rows
        .iter()
        .map(|r| [words(&r[0]), words(&r[1]), words(&r[2])])
        .collect();
    assert_eq!(
        rows,
        [
            [
                "Whole service",
                "Warning",
                "Agency rate 16.7% is above the 15.0% target"
            ],
            [
                "North",
                "Warning",
                "Agency rate 23.1% is above the 15.0% target"
            ],
            ["South", "Alert", "Over capacity (110% utilised)"],
            [
                "South",
                "Warning",
                "Caseload 22.0 is above the target of 18.0"
            ],
            [
                "South",
                "Warning",
                "1 case-holder with no team manager in post"
            ],
        ]
    );
}

#[test]
fn the_projection_has_a_row_a_month_and_bands_when_given() {
    let plan = small_plan();
    let projection = project(&plan);
    let without = projection_table(&projection, None);
    let month_figures = FIGURES.iter().filter(|f| f.is_month_figure()).count();
    assert_eq!(without.columns.len(), 1 + month_figures);
    assert_eq!(without.rows.len(), 36);
    assert_eq!(without.rows[0][0], text("Apr 2026"));
    assert_eq!(without.rows[35][0], text("Mar 2029"));
    // The first month is the assessment: 47 of 52 points.
    close(
        &without.rows[0][column(&without, figure(FigureId::CapacityPoints).label)],
        52.0,
    );
    close(
        &without.rows[0][column(&without, figure(FigureId::Utilisation).label)],
        47.0 / 52.0,
    );

    let band = |p: f64| Band3 {
        p10: p,
        p50: p + 1.0,
        p90: p + 2.0,
    };
    let bands = Bands {
        runs: 3,
        capacity_cases: vec![band(10.0); 36],
        case_holding_fte: vec![band(20.0); 36],
        caseload: vec![band(30.0); 36],
        beyond_capacity: vec![band(40.0); 36],
        cost: vec![band(50.0); 36],
    };
    let with = projection_table(&projection, Some(&bands));
    assert_eq!(with.columns.len(), 1 + month_figures + 5 * 3);
    assert!(with.title.contains("3 runs"));
    let cost = figure(FigureId::MonthlyCost).label;
    let at = |heading: String| &with.rows[7][column(&with, &heading)];
    close(at(format!("{cost}, 10th percentile")), 50.0);
    close(at(format!("{cost}, 50th percentile")), 51.0);
    close(at(format!("{cost}, 90th percentile")), 52.0);
    let caseload = figure(FigureId::AllCasesPerPractitionerFte).label;
    close(at(format!("{caseload}, 90th percentile")), 32.0);
    assert_eq!(
        with.columns[column(&with, &format!("{cost}, 50th percentile"))].unit,
        Some(Unit::Money)
    );
}

#[test]
fn the_comparison_has_each_compared_figure_with_differences_from_the_baseline() {
    let set = small_set();
    let assessments = assess_all(&set);
    let scenarios: Vec<(&str, &Assessment)> = set
        .iter()
        .map(|s| s.name.as_str())
        .zip(&assessments)
        .collect();
    let table = comparison_table(&scenarios);
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Figure",
            "Unit",
            "Baseline",
            "Option A",
            "Option A vs baseline",
            "Option B",
            "Option B vs baseline"
        ]
    );
    assert_eq!(table.rows.len(), crate::model::compare::COMPARED.len());
    // Practitioner FTE: 2.6 in the baseline, 3.6 with the added agency worker.
    let fte = &table.rows[0];
    assert_eq!(fte[0], text(figure(FigureId::PractitionerFte).label));
    assert_eq!(fte[1], text("FTE"));
    close(&fte[2], 2.6);
    close(&fte[3], 3.6);
    close(&fte[4], 1.0);
    close(&fte[6], 0.0);
    assert!(matches!(fte[3], Cell::Quantity(_, Unit::Fte)));
    // Utilisation: 47 of 52 points, then of 72.
    let row = crate::model::compare::COMPARED
        .iter()
        .position(|&id| id == FigureId::Utilisation)
        .unwrap();
    close(&table.rows[row][3], 47.0 / 72.0);
    close(&table.rows[row][4], 47.0 / 72.0 - 47.0 / 52.0);
    assert_eq!(table.rows[row][1], text("%"));
}

#[test]
fn the_changes_list_every_option_and_name_workers_through_worker_names() {
    let set = small_set();
    let table = changes_table(&set, &WorkerNames::Real);
    assert_eq!(
        table.rows,
        [
            vec![
                text("Option A"),
                text("Added"),
                text("Social worker, agency, 1 FTE, filled — South")
            ],
            vec![
                text("Option A"),
                text("Worker"),
                text("B. Bell (Social worker, North): now E. Eze")
            ],
            vec![
                text("Option B"),
                Cell::Empty,
                text("No changes from the baseline")
            ],
        ]
    );
    let anonymised = Anonymised::of(&set);
    let table = changes_table(&set, &WorkerNames::Anonymised(&anonymised));
    assert_eq!(
        table.rows[1][2],
        text("Social worker 1 (Social worker, North): now Social worker 1b")
    );
}

#[test]
fn definitions_give_every_figure_and_the_plans_targets_assumptions_and_rates() {
    let plan = small_plan();
    let table = definitions_table(&plan, &WorkerNames::Real);
    let find = |item: &str| {
        table
            .rows
            .iter()
            .find(|r| r[1] == text(item))
            .unwrap_or_else(|| panic!("no row {item}"))
    };
    let caseload = figure(FigureId::Caseload);
    assert_eq!(find(caseload.label)[4], text(caseload.definition));
    assert_eq!(find(caseload.label)[0], text("Figure"));
    let figures = table.rows.iter().filter(|r| r[0] == text("Figure")).count();
    assert_eq!(figures, FIGURES.len());
    assert_eq!(
        find("Caseload target")[2],
        Cell::Quantity(18.0, Unit::Caseload)
    );
    assert_eq!(find("Amber from")[2], Cell::Quantity(1.0, Unit::Percent));
    assert_eq!(find("Amber from")[3], text("%"));
    assert_eq!(
        find("Turnover, permanent")[2],
        Cell::Quantity(0.118, Unit::Percent)
    );
    assert_eq!(find("Months to fill a vacancy")[2], Cell::Number(16.0));
    assert_eq!(find("Case weight, Child protection")[2], Cell::Number(1.5));
    assert_eq!(find("Capacity, Social worker")[2], Cell::Number(20.0));
    assert_eq!(
        find("Salary, Social worker")[2],
        Cell::Quantity(45_000.0, Unit::Money)
    );
    assert_eq!(
        find("Agency day rate, Team manager")[2],
        Cell::Quantity(450.0, Unit::Money)
    );
    assert_eq!(find("These rates")[2], text("Illustrative"));
    assert_eq!(find("First month")[2], text("Apr 2026"));
    assert_eq!(find("Notes")[2], text("Figures from B. Bell's spreadsheet"));
    // Anonymised: the notes are free text that may name someone, so they are left out.
    let set = ScenarioSet::new(plan.clone());
    let anonymised = Anonymised::of(&set);
    let table = definitions_table(&plan, &WorkerNames::Anonymised(&anonymised));
    assert!(table.rows.iter().all(|r| r[1] != text("Notes")));
    assert!(table.rows.iter().any(|r| r[1] == text("Workers' names")));
}

#[test]
fn the_assumptions_name_the_demand_flows_levers_and_protected_time_when_there_are_any() {
    use crate::model::demand_flows::{DemandLever, FlowChange, MonthsOpen};
    use crate::model::reductions::ProtectedTime;
    let mut plan = small_plan();
    let before = definitions_table(&plan, &WorkerNames::Real);
    assert!(
        before.rows.iter().all(|r| r[0] != text("Demand flow")),
        "nothing about flows until they are set"
    );
    plan.assumptions.flows.months_open.push(MonthsOpen {
        case_type: CHILD_IN_NEED,
        months: 8.0,
    });
    plan.assumptions.flows.levers.push(DemandLever {
        change: FlowChange::NewCases {
            case_type: CHILD_IN_NEED,
            by: -0.2,
        },
        team: Some(TeamId(1)),
        from: "2026-05".parse().unwrap(),
        ramp_months: 12,
    });
    plan.assumptions.protected_time = Some(ProtectedTime {
        share: 0.1,
        grades: vec![SOCIAL_WORKER],
    });
    let table = definitions_table(&plan, &WorkerNames::Real);
    let find = |item: &str| {
        table
            .rows
            .iter()
            .find(|r| r[1] == text(item))
            .unwrap_or_else(|| panic!("no row {item}"))
            .clone()
    };
    assert_eq!(find("Months open, Child in need")[2], Cell::Number(8.0));
    // Not entered: the illustrative default by the type's name, said so.
    let protection = find("Months open, Child protection");
    assert_eq!(protection[2], Cell::Number(9.0));
    assert!(words(&protection[4]).contains("illustrative"));
    let lever = find("Lever 1: new Child in need cases, North");
    assert_eq!(lever[2], Cell::Quantity(-0.2, Unit::Percent));
    assert_eq!(
        lever[4],
        text("From May 2026, full effect after 12 months.")
    );
    let protected = find("Protected time");
    assert_eq!(protected[2], Cell::Quantity(0.1, Unit::Percent));
    assert_eq!(
        protected[4],
        text("Of the time of every post at: Social worker.")
    );
}

/// Every piece of text in `tables`, titles and headings included.
fn all_text(tables: &[ReportTable]) -> String {
    let mut all = String::new();
    for table in tables {
        all.push_str(&table.name);
        all.push_str(&table.title);
        all.push_str(&table.to_tab_separated());
    }
    all
}

#[test]
fn an_anonymised_report_names_no_worker_anywhere() {
    let set = small_set();
    let anonymised = Anonymised::of(&set);
    for scenario in set.iter() {
        let tables = report_tables_of(
            &set,
            scenario.id,
            None,
            WorkerNames::Anonymised(&anonymised),
        );
        assert_eq!(tables.len(), 7);
        let all = all_text(&tables);
        for worker in WORKERS.iter().chain(&["E. Eze", "New worker"]) {
            assert!(!all.contains(worker), "{worker} named in {}", scenario.name);
        }
        assert!(all.contains("Social worker 1"));
    }
    // Not anonymised, they are there (the check above can fail).
    let tables = report_tables_of(&set, ScenarioId::BASELINE, None, WorkerNames::Real);
    let all = all_text(&tables);
    assert!(WORKERS.iter().all(|w| all.contains(w)));
}

#[test]
fn tables_have_distinct_short_names_titles_and_full_rows() {
    let set = small_set();
    let tables = report_tables_of(&set, ScenarioId::BASELINE, None, WorkerNames::Real);
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Posts",
            "Teams",
            "Alerts",
            "Projection",
            "Comparison",
            "Changes",
            "Definitions and assumptions"
        ]
    );
    assert_eq!(tables[0].title, "Posts: Small plan, Baseline");
    assert_eq!(
        tables[4].title,
        "Comparison of scenarios, whole service: Small plan"
    );
    for table in &tables {
        assert!(table.name.chars().count() <= 31);
        for row in &table.rows {
            assert_eq!(row.len(), table.columns.len(), "{}", table.name);
        }
    }
}

#[test]
fn a_table_pastes_as_tab_separated_lines_with_numbers_a_spreadsheet_reads() {
    let table = ReportTable {
        name: "T".into(),
        title: "T".into(),
        columns: vec![
            ReportColumn::text("Team"),
            ReportColumn::number("Utilisation", Unit::Percent),
            ReportColumn::number("Annual cost", Unit::Money),
            ReportColumn::number("FTE", Unit::Fte),
            ReportColumn::text("Value"),
        ],
        rows: vec![
            vec![
                text("North\tEast\nside"),
                Cell::Number(0.18523),
                Cell::Number(1_372_800.4),
                Cell::Number(23.4),
                Cell::Quantity(16.26, Unit::Caseload),
            ],
            vec![
                text("=SUM(A1)"),
                Cell::Empty,
                Cell::Number(-3_200.0),
                Cell::Number(2.0),
                Cell::Number(0.75),
            ],
        ],
    };
    assert_eq!(
        table.to_tab_separated(),
        "Team\tUtilisation\tAnnual cost\tFTE\tValue\n\
         North East side\t18.5%\t1372800\t23.4\t16.3\n\
         '=SUM(A1)\t\t-3200\t2\t0.75\n"
    );
}
