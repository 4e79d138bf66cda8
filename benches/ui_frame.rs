//! CPU time of one full UI frame: the overview with all three charts, the structure tree and
//! the inspector, on the generated 1,000-post / 20,000-case plan, headless through kittest.
//! Target (issue 3): under 8 ms per frame. Issue 4 adds the Projection view (three charts with
//! Monte Carlo bands, worked out once in the background and cached; measured once they are
//! ready) and the Compare view (the baseline and an option of the same size, with its list of
//! changes). Run with `cargo bench --bench ui_frame`. Frames while the bands are worked out
//! are measured by `frames_while_busy`. Issue 10 adds the frame in which the Balance caseloads
//! window works its proposal out again. Issue 11: the Posts view with all 1,000 posts selected
//! (the inspector showing the form that edits them together), and the frame that applies a
//! change to all of them.

use caseload_planner::app::ScriptedDialogs;
use caseload_planner::model::synthetic;
use caseload_planner::ui::CaseloadApp;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};

fn harness() -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        // Room for background work that ends while `run()` steps (two frames each).
        .with_max_steps(10)
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

/// The app showing `view`, with an option copied from the baseline (so Compare has a column
/// and a list of changes to work out every frame).
fn harness_showing(view: &str) -> Harness<'static, CaseloadApp> {
    let mut h = harness();
    h.get_by_label("+ New option").click();
    h.run();
    h.get_by_label(view).click();
    h.run();
    // The view as it stays: with its bands, once worked out in the background.
    while h.state().is_busy() {
        std::thread::sleep(std::time::Duration::from_millis(1));
        h.step();
    }
    h.run();
    h
}

fn views(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui frame, 1000 posts");
    for view in ["Projection", "Compare"] {
        let mut h = harness_showing(view);
        group.bench_function(format!("{view} view"), |b| b.iter(|| h.step()));
    }
    group.finish();
}

/// The frame in which the "Balance caseloads" window works its proposal out again (issue 10:
/// within one frame on the 1,000-post plan): every team chosen, the pool switched between
/// "within each team" and "across these teams" each iteration, so each frame proposes anew,
/// applies the proposal to a copy and assesses it for the preview's figures.
fn proposal_preview(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui frame, 1000 posts");
    let mut h = harness();
    h.get_by_label("Edit").click();
    h.run();
    // The menu's entry (the inspector has a button of the same name after it).
    let entry = h.query_all_by_label("Balance caseloads…").next();
    entry.expect("Edit > Balance caseloads…").click();
    h.run();
    let modes = ["Across these teams as one pool", "Within each team"];
    let mut i = 0;
    group.bench_function("Balance caseloads preview, worked out again", |b| {
        // Only the frame is timed: kittest's search of the accessibility tree for the radio
        // button and its click are the test driver's work, not the app's.
        b.iter_custom(|iterations| {
            let mut frames = Duration::ZERO;
            for _ in 0..iterations {
                h.get_by_label(modes[i % 2]).click();
                i += 1;
                let start = Instant::now();
                h.step();
                frames += start.elapsed();
            }
            frames
        })
    });
    group.finish();
}

/// Issue 11: all 1,000 posts selected in the Posts table; the frame as it stays, and the frame
/// in which "Apply to 1,000 posts" changes their grade (alternately to two grades, so each
/// application changes every post): worked out post by post, applied as one batch, assessed.
fn bulk_editing(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui frame, 1000 posts");
    let mut h = harness();
    h.get_by_label("Posts").click();
    h.run();
    h.get_by_label("Select all 1,000").click();
    h.run();
    assert!(h.query_by_label("Apply to 1,000 posts").is_some());
    group.bench_function("Posts view, 1,000 posts selected", |b| b.iter(|| h.step()));
    let grades = ["Social worker", "Senior practitioner"];
    let mut i = 0;
    group.bench_function("Apply a grade to 1,000 posts", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                let combo = h.get_by_label("Selected posts' grade");
                let left = combo.rect().left();
                combo.click();
                h.run();
                let entry = h
                    .query_all_by_label(grades[i % 2])
                    .find(|n| (n.rect().left() - left).abs() < 20.0);
                entry.expect("the grade in the list").click();
                h.run();
                i += 1;
                h.get_by_label("Apply to 1,000 posts").click();
                let start = std::time::Instant::now();
                h.step();
                spent += start.elapsed();
                h.run();
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, frame, views, proposal_preview, bulk_editing);
criterion_main!(benches);
