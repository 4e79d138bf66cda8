//! Speed of the exports (issue 13) on the generated 10,000-post plan (200,000 cases) with an
//! option: its tables (assessing every scenario, projecting the one reported), the Excel
//! workbook and the CSV files. Target: the Excel workbook of the 10,000-post plan under 1 s.
//! The bands are given (as the window has them at hand): worked out here with a few runs,
//! since their number changes nothing in what is written. Run with `cargo bench --bench
//! export`.

use caseload_planner::io::export::{
    Existing, table_csv, workbook_bytes, write_csv_tables, write_workbook,
};
use caseload_planner::model::anonymise::{Anonymised, WorkerNames};
use caseload_planner::model::projection::monte_carlo;
use caseload_planner::model::report::report_tables_of;
use caseload_planner::model::{Command, ScenarioId, ScenarioSet, TeamId, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const POSTS: usize = 10_000;
const CASES: usize = 200_000;

/// The generated plan and an option that adds twenty posts, so the comparison and the list
/// of changes have something in them.
fn plan() -> ScenarioSet {
    let mut set = ScenarioSet::new(synthetic::plan(POSTS, CASES));
    let option = set.add_option(ScenarioId::BASELINE, "Option A").unwrap();
    set.apply(
        option,
        Command::AddFilledPosts {
            team: TeamId(1),
            grade: caseload_planner::model::defaults::grade::SOCIAL_WORKER,
            contract: caseload_planner::model::Contract::Agency,
            fte: 1.0,
            count: 20,
        },
    )
    .unwrap();
    set
}

fn exports(c: &mut Criterion) {
    let set = plan();
    let bands = monte_carlo(set.baseline(), 10, 1);
    let anonymised = Anonymised::of(&set);
    let names = WorkerNames::Anonymised(&anonymised);
    let tables = report_tables_of(&set, ScenarioId::BASELINE, Some(&bands), names);
    let dir = tempfile::tempdir().unwrap();

    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function(format!("anonymise {POSTS} posts"), |b| {
        b.iter(|| Anonymised::of(black_box(&set)))
    });
    group.bench_function(format!("tables of {POSTS} posts"), |b| {
        b.iter(|| report_tables_of(black_box(&set), ScenarioId::BASELINE, Some(&bands), names))
    });
    group.bench_function(format!("xlsx bytes of {POSTS} posts"), |b| {
        b.iter(|| workbook_bytes(black_box(&tables), "Generated").unwrap())
    });
    group.bench_function(format!("csv bytes of {POSTS} posts"), |b| {
        b.iter(|| tables.iter().map(table_csv).map(|b| b.len()).sum::<usize>())
    });
    // What File > Export and the command line do once the bands are there: the tables, the
    // file put together and written whole.
    let book = dir.path().join("plan.xlsx");
    group.bench_function(
        format!("xlsx file of {POSTS} posts, tables included"),
        |b| {
            b.iter(|| {
                let tables = report_tables_of(&set, ScenarioId::BASELINE, Some(&bands), names);
                write_workbook(&tables, "Generated", &book, Existing::Replace).unwrap()
            })
        },
    );
    let folder = dir.path().join("csv");
    group.bench_function(
        format!("csv files of {POSTS} posts, tables included"),
        |b| {
            b.iter(|| {
                let tables = report_tables_of(&set, ScenarioId::BASELINE, Some(&bands), names);
                write_csv_tables(&tables, &folder, Existing::Replace).unwrap()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
