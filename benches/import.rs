//! Speed of the staff-list import (issue 11): reading, mapping and checking a 10,000-row CSV
//! in an HR system's style (40 teams, seven job titles, hours, contracts, dates, absences).
//! Target: parse, map and validate under 200 ms. Run with `cargo bench --bench import`.

use caseload_planner::io::import::{NoProgress, TableKind, read_table_bytes};
use caseload_planner::model::defaults;
use caseload_planner::model::import::{ImportMapping, preview};
use caseload_planner::model::{NextIds, Plan};
use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

const ROWS: usize = 10_000;

/// An establishment report of `rows` posts, the same every run.
fn staff_list(rows: usize) -> String {
    const TITLES: [&str; 7] = [
        "Level 3 Social Worker",
        "Social Worker",
        "Senior Social Worker",
        "ASYE Social Worker",
        "Advanced Practitioner",
        "Team Manager",
        "Locum Social Worker",
    ];
    const CONTRACTS: [&str; 5] = [
        "Permanent",
        "Permanent",
        "Fixed Term",
        "Agency",
        "Permanent",
    ];
    const ABSENCES: [&str; 4] = ["", "", "Maternity Leave", "Long-term sick"];
    let mut text = String::from(
        "Council establishment report\r\n\r\nEmp No,Employee Name,Job Title,Team,Contracted \
         Hours,Contract Type,Start Date,End Date,Absence Type,Expected Return Date\r\n",
    );
    for i in 0..rows {
        let contract = CONTRACTS[i % CONTRACTS.len()];
        let (start, end) = if contract == "Fixed Term" {
            ("01/04/2026", "31/03/2027")
        } else {
            ("12/09/2019", "")
        };
        let absence = ABSENCES[i % 7 % ABSENCES.len()];
        let name = if i % 11 == 0 {
            "VACANT".to_owned()
        } else {
            format!("Worker {i} Surname")
        };
        let returns = if absence.is_empty() || name == "VACANT" {
            ""
        } else {
            "01/02/2027"
        };
        let absence = if name == "VACANT" { "" } else { absence };
        let _ = write!(
            text,
            "E{:06},{name},{},Locality {:02},{},{contract},{start},{end},{absence},{returns}\r\n",
            i,
            TITLES[i % TITLES.len()],
            i % 40,
            [37.0, 37.0, 22.5, 30.0][i % 4],
        );
    }
    text
}

fn import(text: &str, plan: &Plan) -> usize {
    let table = read_table_bytes(
        text.as_bytes(),
        Path::new("staff.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    let mapping = ImportMapping::guess(&table, plan);
    preview(&table, &mapping, plan, NextIds::of(plan))
        .posts()
        .len()
}

fn staff_list_import(c: &mut Criterion) {
    let text = staff_list(ROWS);
    let plan = defaults::new_plan();
    assert_eq!(
        import(&text, &plan),
        ROWS,
        "the generated file imports without problems"
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function(
        format!("parse {ROWS} rows ({} KB)", text.len() / 1024),
        |b| {
            b.iter(|| {
                read_table_bytes(
                    black_box(text.as_bytes()),
                    Path::new("staff.csv"),
                    TableKind::StaffList,
                    None,
                    &NoProgress,
                )
                .unwrap()
            })
        },
    );
    group.bench_function(format!("parse, map and validate {ROWS} rows"), |b| {
        b.iter(|| import(black_box(&text), &plan))
    });
    group.finish();
}

criterion_group!(benches, staff_list_import);
criterion_main!(benches);
