//! Issue 14: one egui pass of every view at the sizes of a council (1,000 posts), a large
//! council or a region (10,000) and England (42,000 posts in 2,100 teams), on generated plans
//! (`synthetic::plan(n, 20 * n)`, teams of 20), headless through kittest at 1,440 × 900.
//! Goals: under 8 ms a pass at 10,000 posts and under 16 ms at 42,000.
//!
//! One app per size, its views measured in turn once its background work (the Monte Carlo
//! bands, the published figures) is done, as a user sees them after opening the plan. An app
//! is only built when a benchmark of its size is chosen, so
//! `cargo bench --bench ui_scale -- "10000 posts"` builds only the 10,000-post one.

use caseload_planner::app::ScriptedDialogs;
use caseload_planner::model::synthetic;
use caseload_planner::ui::CaseloadApp;
use caseload_planner::ui::state::View;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 42_000];

/// The app with a generated plan of `posts` posts, its background work done.
fn app_with(posts: usize) -> Harness<'static, CaseloadApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(10)
        .build_eframe(move |_cc| {
            CaseloadApp::with_plan(
                synthetic::plan(posts, posts * 20),
                Box::new(ScriptedDialogs::default()),
            )
        });
    h.run();
    settle(&mut h);
    h
}

/// Steps until the app's background work is done.
fn settle(h: &mut Harness<'static, CaseloadApp>) {
    while h.state().is_busy() {
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run();
}

fn views_by_size(c: &mut Criterion) {
    for posts in SIZES {
        let mut group = c.benchmark_group(format!("ui frame, {posts} posts"));
        group.sample_size(10);
        let mut app: Option<Harness<'static, CaseloadApp>> = None;
        for view in View::ALL {
            group.bench_function(format!("{} view", view.label()), |b| {
                let h = app.get_or_insert_with(|| app_with(posts));
                // The view's tab: the first thing of that name (a chart may share it).
                let tab = h.query_all_by_label(view.label()).next();
                tab.unwrap_or_else(|| panic!("no {} tab", view.label()))
                    .click();
                h.run();
                // The Projection's bands are worked out when it is first shown.
                settle(h);
                b.iter(|| h.step());
            });
        }
        group.finish();
    }
}

criterion_group!(benches, views_by_size);
criterion_main!(benches);
