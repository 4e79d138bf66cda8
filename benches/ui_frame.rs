//! CPU time of one full UI frame: the overview with all three charts, the structure tree and
//! the inspector, on the generated 1,000-post / 20,000-case plan, headless through kittest.
//! Target (issue 3): under 8 ms per frame. Run with `cargo bench --bench ui_frame`.

use caseload_planner::app::ScriptedDialogs;
use caseload_planner::model::synthetic;
use caseload_planner::ui::CaseloadApp;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn harness() -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|_cc| {
            CaseloadApp::with_plan(
                synthetic::plan(1_000, 20_000),
                Box::new(ScriptedDialogs::default()),
            )
        });
    harness.run();
    harness
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui frame, 1000 posts");
    let mut h = harness();
    group.bench_function("egui pass (layout, charts, accessibility)", |b| {
        b.iter(|| h.step())
    });
    let mut h = harness();
    group.bench_function("egui pass + tessellation", |b| {
        b.iter(|| {
            h.step();
            let output = h.output();
            h.ctx
                .tessellate(output.shapes.clone(), output.pixels_per_point)
        })
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
