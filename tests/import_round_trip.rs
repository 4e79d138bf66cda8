//! A plan's structure exported as CSV and imported again is the same structure, whatever the
//! names (accents, commas, quotes, text a spreadsheet would take for a formula), FTEs, contracts,
//! what agency workers cover, dates and absences: property-tested on generated plans.

use caseload_planner::io::export::posts_csv;
use caseload_planner::io::import::{NoProgress, TableKind, read_table_bytes};
use caseload_planner::model::defaults::{self, case_type};
use caseload_planner::model::import::{ImportMapping, normalise, parse_number, preview};
use caseload_planner::model::{
    AbsenceReason, AgencyCover, CaseCounts, Contract, GradeId, NextIds, Plan, Post, PostId,
    PostStatus, Team, TeamFunction, TeamId, YearMonth, validate,
};
use proptest::prelude::*;
use std::path::Path;

/// A name as people write them: letters with accents, spaces, commas, quotes, apostrophes,
/// and formula characters first. Trimmed, single spaces, and not a word that means "vacant".
fn name() -> impl Strategy<Value = String> {
    "[=+@-]?[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ,\"'.()&/-]{0,24}"
        .prop_map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .prop_filter("a name", |n| {
            let words = normalise(n);
            !n.is_empty()
                && parse_number(n, false).is_none()
                && !matches!(
                    words.as_str(),
                    "" | "vacant"
                        | "vacancy"
                        | "vacant post"
                        | "vacancy post"
                        | "tbc"
                        | "n a"
                        | "none"
                )
                && !words.starts_with("total")
        })
}

fn month() -> impl Strategy<Value = YearMonth> {
    // From the plan's start (April 2026) to five years on.
    (0i32..60).prop_map(|n| YearMonth::new(2026, 4).unwrap().plus_months(n).unwrap())
}

fn status() -> impl Strategy<Value = PostStatus> {
    prop_oneof![
        3 => Just(PostStatus::Active),
        1 => (0usize..4, prop::option::of(month())).prop_map(|(r, returns)| PostStatus::Absent {
            reason: AbsenceReason::ALL[r],
            returns,
        }),
    ]
}

/// A post's contract, and its own start and leaving months.
fn contract() -> impl Strategy<Value = (Contract, Option<YearMonth>, Option<YearMonth>)> {
    prop_oneof![
        (prop::option::of(month()), prop::option::of(month())).prop_map(|(a, b)| {
            let (starts, leaves) = match (a, b) {
                (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                other => other,
            };
            (Contract::Permanent, starts, leaves)
        }),
        Just((Contract::Agency, None, None)),
        (month(), month()).prop_map(|(a, b)| {
            (
                Contract::FixedTerm {
                    start: a.min(b),
                    end: a.max(b),
                },
                None,
                None,
            )
        }),
    ]
}

#[derive(Debug, Clone)]
struct PostParts {
    team: usize,
    grade: u32,
    contract: (Contract, Option<YearMonth>, Option<YearMonth>),
    fte: f64,
    worker: Option<String>,
    status: PostStatus,
    cases: u32,
    covers: AgencyCover,
}

fn post_parts(teams: usize) -> impl Strategy<Value = PostParts> {
    (
        0..teams,
        1u32..=6,
        contract(),
        prop_oneof![Just(1.0), 0.01f64..=1.0],
        prop::option::of(name()),
        status(),
        0u32..30,
        prop::sample::select(AgencyCover::ALL.to_vec()),
    )
        .prop_map(
            |(team, grade, contract, fte, worker, status, cases, covers)| PostParts {
                team,
                grade,
                contract,
                fte,
                worker,
                status,
                cases,
                covers,
            },
        )
}

/// A valid plan: 1 to 4 teams of distinct names, each with at least one post.
fn plan() -> impl Strategy<Value = Plan> {
    prop::collection::vec(name(), 1..=4)
        .prop_filter("distinct team names", |names| {
            let mut seen: Vec<String> = names.iter().map(|n| normalise(n)).collect();
            seen.sort();
            seen.dedup();
            seen.len() == names.len()
        })
        .prop_flat_map(|names| {
            let teams = names.len();
            (
                Just(names),
                prop::collection::vec(post_parts(teams), teams..=teams + 12),
            )
        })
        .prop_map(|(names, parts)| {
            let mut plan = defaults::new_plan();
            plan.teams = names
                .into_iter()
                .enumerate()
                .map(|(i, name)| Team {
                    id: TeamId(i as u32 + 1),
                    name,
                    function: TeamFunction::ALL[i % TeamFunction::ALL.len()],
                    unallocated: CaseCounts::from([(case_type::CHILD_IN_NEED, i as u32 + 1)]),
                })
                .collect();
            plan.teams.retain(|t| !t.name.is_empty());
            let count = plan.teams.len();
            plan.posts = parts
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    // The first posts cover every team once.
                    let team = if i < count { i } else { p.team };
                    let vacant = p.worker.is_none();
                    Post {
                        reductions: Vec::new(),
                        id: PostId(i as u32 * 3 + 2),
                        team: TeamId(team as u32 + 1),
                        grade: GradeId(p.grade),
                        contract: p.contract.0,
                        fte: p.fte,
                        status: if vacant { PostStatus::Active } else { p.status },
                        cases: if vacant || p.cases == 0 {
                            CaseCounts::new()
                        } else {
                            CaseCounts::from([(case_type::CHILD_PROTECTION, p.cases)])
                        },
                        worker: p.worker,
                        starts: p.contract.1,
                        leaves: p.contract.2,
                        // Only an agency worker covers anything but a vacancy.
                        covers: if p.contract.0 == Contract::Agency {
                            p.covers
                        } else {
                            AgencyCover::Vacancy
                        },
                    }
                })
                .collect();
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn export_then_import_gives_the_same_structure(plan in plan()) {
        prop_assert_eq!(validate(&plan), vec![]);
        let csv = posts_csv(&plan);
        let table = read_table_bytes(
            csv.as_bytes(),
            Path::new("posts.csv"),
            TableKind::StaffList,
            None,
            &NoProgress,
        )
        .unwrap();
        let mapping = ImportMapping::guess(&table, &plan);
        let found = preview(&table, &mapping, &plan, NextIds::of(&plan));
        prop_assert!(found.problems.is_empty(), "{:?}\n{}", found.problems, csv);
        prop_assert_eq!(found.teams(), &plan.teams[..], "{}", csv);
        prop_assert_eq!(found.posts(), &plan.posts[..], "{}", csv);
    }
}
