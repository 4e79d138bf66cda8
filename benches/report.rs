//! Speed of the PDF report (issue 13): the whole report of the built-in example (baseline and
//! option compared, with 10th–90th percentile bands), and of a generated 1,000-post plan, from
//! the worked-out figures to the PDF's bytes. Targets: the example under 500 ms, 1,000 posts
//! under 2 s; 10,000 posts within seconds. Run with `cargo bench --bench report`.

use caseload_planner::io::default_scenarios;
use caseload_planner::io::export::pdf::{PdfInput, report_pdf};
use caseload_planner::model::anonymise::WorkerNames;
use caseload_planner::model::projection::{monte_carlo, project};
use caseload_planner::model::report::{ReportInput, assess_all};
use caseload_planner::model::{ScenarioId, ScenarioSet, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// The bytes of `set`'s report, the baseline shown and every scenario compared; the figures
/// and bands are worked out beforehand, as the window has them.
fn bench_report(c: &mut Criterion, name: &str, set: &ScenarioSet) {
    let ids: Vec<ScenarioId> = set.iter().map(|s| s.id).collect();
    let assessments = assess_all(set);
    let projection = project(set.baseline());
    let bands = monte_carlo(set.baseline(), 200, 1);
    let input = PdfInput {
        tables: ReportInput {
            set,
            scenario: ScenarioId::BASELINE,
            assessments: &assessments,
            projection: &projection,
            bands: Some(&bands),
            names: WorkerNames::Real,
        },
        compared: &ids,
        date: "28 November 2026",
    };
    let mut group = c.benchmark_group("pdf report");
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| black_box(report_pdf(&input, &|_| true).expect("a report").len()))
    });
    group.finish();
}

fn reports(c: &mut Criterion) {
    bench_report(c, "the example, with bands", &default_scenarios());
    let large = ScenarioSet::new(synthetic::plan(1_000, 18_000));
    bench_report(c, "1,000 posts, with bands", &large);
    // The bad case: a report "within seconds" (its posts capped at 1,000).
    let largest = ScenarioSet::new(synthetic::plan(10_000, 180_000));
    bench_report(c, "10,000 posts, with bands", &largest);
}

criterion_group!(benches, reports);
criterion_main!(benches);
