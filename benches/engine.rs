//! Speed of the engine on generated plans: 1,000 posts / 20,000 cases and 10,000 posts /
//! 200,000 cases. Targets (issue 2): assessing the 10,000-post plan under 2 ms, loading it
//! under 150 ms. Issue 4: the expected-path projection of 1,000 posts over 60 months under 2 ms,
//! 1,000 Monte Carlo runs under 250 ms. Issue 10: allocating the waiting work and balancing
//! every team of the 10,000-post plan under 20 ms together. Issue 11: a change to every post of
//! the 1,000-post plan worked out (each post's edit tried on a copy) and applied, within a
//! frame. Run with `cargo bench --bench engine`.

use caseload_planner::io::{load_file, save_file};
use caseload_planner::model::allocation::{Scope, allocate_waiting, balance, balance_each_team};
use caseload_planner::model::projection::{monte_carlo, project};
use caseload_planner::model::{Plan, ScenarioSet, Timeline, YearMonth, assess, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [(usize, usize); 2] = [(1_000, 20_000), (10_000, 200_000)];

fn assessment(c: &mut Criterion) {
    let mut group = c.benchmark_group("assess");
    for (posts, cases) in SIZES {
        let plan = synthetic::plan(posts, cases);
        group.bench_function(format!("{posts} posts"), |b| {
            b.iter(|| assess(black_box(&plan)))
        });
    }
    group.finish();
}

/// Reading the file, parsing and validating: everything `Open` does before the first frame.
fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    let dir = tempfile::tempdir().unwrap();
    for (posts, cases) in SIZES {
        let path = dir.path().join(format!("plan-{posts}.ron"));
        save_file(&ScenarioSet::new(synthetic::plan(posts, cases)), &path).unwrap();
        let kb = std::fs::metadata(&path).unwrap().len() / 1024;
        group.bench_function(format!("{posts} posts ({kb} KB)"), |b| {
            b.iter(|| load_file(black_box(&path)).unwrap())
        });
    }
    group.finish();
}

fn saving(c: &mut Criterion) {
    let mut group = c.benchmark_group("save");
    group.sample_size(20);
    let dir = tempfile::tempdir().unwrap();
    for (posts, cases) in SIZES {
        let plan = ScenarioSet::new(synthetic::plan(posts, cases));
        let path = dir.path().join(format!("plan-{posts}.ron"));
        group.bench_function(format!("{posts} posts"), |b| {
            b.iter(|| save_file(black_box(&plan), &path).unwrap())
        });
    }
    group.finish();
}

/// The 1,000-post plan over 60 months, with the national default assumptions (turnover,
/// recruitment, agency cover) so every month changes.
fn five_year_plan() -> Plan {
    let mut plan = synthetic::plan(1_000, 20_000);
    plan.timeline = Timeline {
        start: YearMonth::new(2026, 4).unwrap(),
        months: 60,
    };
    plan
}

/// Issue 4's targets: expected path < 2 ms; 1,000 Monte Carlo runs < 250 ms on 2 cores.
fn projection(c: &mut Criterion) {
    let plan = five_year_plan();
    c.bench_function("project/1000 posts, 60 months", |b| {
        b.iter(|| project(black_box(&plan)))
    });
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(10);
    group.bench_function("1000 runs, 1000 posts, 60 months", |b| {
        b.iter(|| monte_carlo(black_box(&plan), 1_000, 7))
    });
    group.finish();
}

/// `plan` moved by everything issue 16 added: a lever on new cases of every case type
/// (ramped), so flows move in every team; reductions on a tenth of the posts; permanent
/// turnover by four bands of service; an induction; a retention payment; an investment.
fn with_causes(mut plan: Plan) -> Plan {
    use caseload_planner::model::demand_flows::{DemandLever, FlowChange};
    use caseload_planner::model::money::{Investment, RetentionMeasure};
    use caseload_planner::model::reductions::{Reduction, ReductionAmount, ReductionReason};
    use caseload_planner::model::retention::{Induction, ServiceTurnover};
    let from = YearMonth::new(2026, 5).unwrap();
    for case_type in plan.case_types.clone() {
        plan.assumptions.flows.levers.push(DemandLever {
            change: FlowChange::NewCases {
                case_type: case_type.id,
                by: -0.1,
            },
            team: None,
            from,
            ramp_months: 12,
        });
    }
    for post in plan.posts.iter_mut().step_by(10) {
        post.reductions.push(Reduction {
            reason: ReductionReason::Development,
            amount: ReductionAmount::Share(0.1),
            from,
            until: YearMonth::new(2027, 3),
        });
    }
    let a = &mut plan.assumptions;
    a.service_turnover = Some(ServiceTurnover::default());
    a.induction = Some(Induction::default());
    a.retention_measure = Some(RetentionMeasure {
        a_year_per_worker: 1_500.0,
        turnover_cut: 0.03,
    });
    a.investments.push(Investment {
        name: "Edge of care".into(),
        amount: 1_800_000.0,
        from,
        months: 24,
    });
    plan
}

/// Issue 16's targets: the expected path with flows and length-of-service bands (and
/// everything else it added), 10,000 posts over 60 months, under 5 ms; Monte Carlo bands no
/// more than 1.5 times as long as without them; a tornado of 8 assumptions (16 expected
/// paths) on the 1,000-post plan under 50 ms. Issue 14's: the expected path of 42,000 posts
/// over 60 months under 20 ms.
fn projection_with_causes(c: &mut Criterion) {
    let mut plan = synthetic::plan(10_000, 200_000);
    plan.timeline = five_year_plan().timeline;
    let plan = with_causes(plan);
    c.bench_function(
        "project/10000 posts, 60 months, flows, service bands and reductions",
        |b| b.iter(|| project(black_box(&plan))),
    );
    // Issue 14's target: England (42,000 posts in 2,100 teams) over 60 months under 20 ms.
    let mut england = synthetic::plan(42_000, 840_000);
    england.timeline = five_year_plan().timeline;
    c.bench_function("project/42000 posts, 60 months", |b| {
        b.iter(|| project(black_box(&england)))
    });
    let england = with_causes(england);
    c.bench_function(
        "project/42000 posts, 60 months, flows, service bands and reductions",
        |b| b.iter(|| project(black_box(&england))),
    );
    let plan = with_causes(five_year_plan());
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(10);
    group.bench_function(
        "1000 runs, 1000 posts, 60 months, flows and service bands",
        |b| b.iter(|| monte_carlo(black_box(&plan), 1_000, 7)),
    );
    group.finish();
    c.bench_function("tornado/8 assumptions, 1000 posts, 60 months", |b| {
        b.iter(|| {
            caseload_planner::model::sensitivity::tornado(black_box(&plan), 24, 0.2, &|_| true)
        })
    });
}

/// Issue 10's target: allocation and balancing of the 10,000-post plan, every team in the
/// pool, under 20 ms in all.
fn allocation(c: &mut Criterion) {
    let mut group = c.benchmark_group("allocation");
    for (posts, cases) in SIZES {
        let plan = synthetic::plan(posts, cases);
        let scope = Scope {
            teams: plan.teams.iter().map(|t| t.id).collect(),
            ..Scope::default()
        };
        let moved = balance(&plan, &scope).cases_moved();
        group.bench_function(format!("allocate waiting, {posts} posts"), |b| {
            b.iter(|| allocate_waiting(black_box(&plan), &scope))
        });
        group.bench_function(
            format!("balance, {posts} posts ({moved} cases moved)"),
            |b| b.iter(|| balance(black_box(&plan), &scope)),
        );
    }
    // Issue 14: the Balance window's default, within each team, for England's 2,100 teams.
    let plan = synthetic::plan(42_000, 840_000);
    let scope = Scope {
        teams: plan.teams.iter().map(|t| t.id).collect(),
        ..Scope::default()
    };
    group.bench_function("balance within each team, 42000 posts (2100 teams)", |b| {
        b.iter(|| balance_each_team(black_box(&plan), &scope))
    });
    group.finish();
}

/// Issue 11: grade, FTE and absence for every post of the 1,000-post plan (the vacancies
/// refused), worked out as one batch, then applied.
fn bulk_editing(c: &mut Criterion) {
    use caseload_planner::model::command::bulk::{PostChanges, StatusChange, bulk_edit};
    use caseload_planner::model::defaults::grade::SENIOR_PRACTITIONER;
    use caseload_planner::model::{AbsenceReason, PostId, apply};
    let mut group = c.benchmark_group("bulk edit, 1000 posts");
    let plan = synthetic::plan(1_000, 20_000);
    let all: Vec<PostId> = plan.posts.iter().map(|p| p.id).collect();
    let changes = PostChanges {
        grade: Some(SENIOR_PRACTITIONER),
        fte: Some(0.8),
        status: Some(StatusChange::Absent {
            reason: AbsenceReason::Secondment,
            returns: None,
        }),
        ..PostChanges::default()
    };
    group.bench_function("worked out", |b| {
        b.iter(|| bulk_edit(black_box(&plan), &all, &changes).unwrap())
    });
    let command = bulk_edit(&plan, &all, &changes).unwrap().command;
    group.bench_function("applied", |b| {
        b.iter(|| apply(&mut plan.clone(), black_box(command.clone())).unwrap())
    });
    group.finish();
}

criterion_group!(
    benches,
    assessment,
    loading,
    saving,
    projection,
    projection_with_causes,
    allocation,
    bulk_editing
);
criterion_main!(benches);
