//! Issue 14: editing an England-scale plan (42,000 posts in 2,100 teams, with two options) as
//! the window does: each edit goes through `Document::apply` (its undo step, the assessment of
//! the scenario edited, the unsaved-changes check), one gesture at a time.
//!
//! Also prints the process's resident memory once the plan, its two options and a full undo
//! history (300 steps, each a separate edit: a third of them deleting a post from the middle
//! of the list) are held: the goal is under 500 MB.
//! `cargo bench --bench document_scale`

use caseload_planner::app::Document;
use caseload_planner::model::defaults::case_type::CHILD_IN_NEED;
use caseload_planner::model::{Command, PostId, ScenarioId, ScenarioSet, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const POSTS: usize = 42_000;

/// Undo steps the document keeps (its `MAX_UNDOS`).
const FULL_HISTORY: usize = 300;

/// Resident memory now and at its peak, in MB, where the system says (Linux's /proc).
fn memory_mb() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = |key: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line.split_whitespace().nth(1)?.parse::<f64>().ok()
    };
    Some((kb("VmRSS:")? / 1024.0, kb("VmHWM:")? / 1024.0))
}

/// One edit, a gesture of its own: post `i`'s child-in-need cases set to `count`.
fn edit(doc: &mut Document, ids: &[PostId], i: usize, count: u32) {
    let command = Command::SetPostCases {
        post: ids[i % ids.len()],
        case_type: CHILD_IN_NEED,
        count,
    };
    black_box(doc.apply(command).expect("a valid edit"));
    doc.settle();
}

fn editing(c: &mut Criterion) {
    let plan = synthetic::plan(POSTS, POSTS * 20);
    let ids: Vec<PostId> = plan
        .posts
        .iter()
        .filter(|p| p.worker.is_some())
        .map(|p| p.id)
        .collect();
    let mut doc = Document::with_scenarios(ScenarioSet::new(plan), None);
    for name in ["Option A", "Option B"] {
        doc.add_option(name).expect("an option");
    }
    doc.set_active(ScenarioId::BASELINE);
    if let Some((now, _)) = memory_mb() {
        eprintln!("memory with the plan and two options open: {now:.0} MB");
    }
    // Every third edit deletes a post from the middle of the list, shifting the posts after
    // it; the others change a post's cases in place.
    // Posts of the first half are edited, posts of the second half deleted.
    let (ids, deleted) = ids.split_at(ids.len() / 2);
    for i in 0..FULL_HISTORY {
        if i % 3 == 2 {
            let post = deleted[i * 37 % deleted.len()];
            doc.apply(Command::DeletePost { post })
                .expect("a post deleted");
            doc.settle();
        } else {
            edit(&mut doc, ids, i * 137, (i % 7) as u32);
        }
    }
    if let Some((now, peak)) = memory_mb() {
        eprintln!(
            "memory after {FULL_HISTORY} edits, a third of them deletions (a full undo history): \
             {now:.0} MB, peak {peak:.0} MB"
        );
    }
    let mut group = c.benchmark_group(format!("document, {POSTS} posts and two options"));
    group.sample_size(20);
    let mut i = 0;
    group.bench_function("one edit (undo step, assessment, unsaved check)", |b| {
        b.iter(|| {
            i += 1;
            edit(&mut doc, ids, i * 31, (i % 5) as u32);
        })
    });
    group.bench_function("undo", |b| {
        b.iter(|| {
            i += 1;
            edit(&mut doc, ids, i * 31, (i % 5) as u32);
            black_box(doc.undo());
        })
    });
    // What the autosave keeps for the panic hook once a gesture ends: a copy of every
    // scenario, made on the window's thread.
    group.bench_function("copy of the plan and its options", |b| {
        b.iter(|| black_box(doc.scenarios().clone()))
    });
    group.finish();
}

criterion_group!(benches, editing);
criterion_main!(benches);
