//! The import's steps together, on small hand-made tables: a month's refresh of a scenario's
//! structure (who is kept, whose cases wait, which teams go) and caseload matching.

use super::*;
use crate::model::defaults::{self, case_type, grade};
use crate::model::{
    AgencyCover, CaseCounts, Command, Contract, DemandChange, NextIds, Plan, Post, PostId,
    PostStatus, Team, TeamFunction, TeamId, command::apply_with, validate,
};

use super::table::test_table as table;

fn team(id: u32, name: &str, waiting: u32) -> Team {
    Team {
        id: TeamId(id),
        name: name.into(),
        function: TeamFunction::ChildInNeedProtection,
        unallocated: if waiting > 0 {
            CaseCounts::from([(case_type::CHILD_IN_NEED, waiting)])
        } else {
            CaseCounts::new()
        },
    }
}

fn post(id: u32, team: u32, worker: &str, cases: CaseCounts) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(team),
        grade: grade::SOCIAL_WORKER,
        contract: Contract::Permanent,
        fte: 1.0,
        worker: Some(worker.into()),
        status: PostStatus::Active,
        cases,
        starts: None,
        leaves: None,
        covers: Default::default(),
    }
}

/// North (2 waiting), South, Old (1 waiting); Siân (3 CP) and Jo (4 CIN) in North, Amy (5
/// CIN) in South, Tim (2 CIN) in Old; demand assumptions for North and Old.
fn last_month() -> Plan {
    let mut plan = defaults::new_plan();
    plan.teams = vec![team(1, "North", 2), team(2, "South", 0), team(3, "Old", 1)];
    let cin = |n| CaseCounts::from([(case_type::CHILD_IN_NEED, n)]);
    plan.posts = vec![
        post(
            1,
            1,
            "Siân Evans",
            CaseCounts::from([(case_type::CHILD_PROTECTION, 3)]),
        ),
        post(2, 1, "Jo Bloggs", cin(4)),
        post(3, 2, "Amy Lee", cin(5)),
        post(4, 3, "Tim Roe", cin(2)),
    ];
    for t in [1, 3] {
        plan.assumptions
            .demand
            .insert(TeamId(t), DemandChange::MonthlyGrowth(0.01));
    }
    plan
}

#[test]
fn a_monthly_refresh_keeps_workers_found_by_name_and_their_cases() {
    let base = last_month();
    let ids = NextIds {
        team: 10,
        post: 20,
        ..NextIds::of(&base)
    };
    let t = table(
        &[
            &["Name", "Job Title", "Team", "FTE"],
            &["EVANS, Siân", "Social Worker", "South", "1"],
            &["Jo Bloggs", "Social Worker", "north", "0.5"],
            &["Kim Ng", "Senior Practitioner", "East", "1"],
            &["Vacant", "Social Worker", "North", "1"],
        ],
        is_staff_heading,
    );
    let mapping = ImportMapping::guess(&t, &base);
    let found = preview(&t, &mapping, &base, ids);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let s = &found.structure;
    // Siân moves to South with her cases; Jo stays with hers at 0.5 FTE; Kim and the vacancy
    // are new posts; East is a new team. Amy has gone: her 5 cases wait in South. Old has
    // gone with its 1 waiting case and Tim's 2.
    let ids: Vec<u32> = s.posts.iter().map(|p| p.id.0).collect();
    assert_eq!(ids, [1, 2, 20, 21]);
    assert_eq!(
        (s.posts[0].team, s.posts[0].cases.clone()),
        (TeamId(2), base.posts[0].cases.clone())
    );
    assert_eq!(
        (s.posts[1].fte, s.posts[1].cases.clone()),
        (0.5, base.posts[1].cases.clone())
    );
    let teams: Vec<(u32, &str, u32)> = s
        .teams
        .iter()
        .map(|t| (t.id.0, t.name.as_str(), t.unallocated.values().sum()))
        .collect();
    assert_eq!(teams, [(1, "North", 2), (2, "South", 5), (10, "East", 0)]);
    assert_eq!(s.teams[2].function, TeamFunction::Other);
    assert_eq!((s.posts_kept, s.posts_removed), (2, 2));
    assert_eq!((s.cases_to_waiting, s.cases_dropped), (5, 3));
    assert_eq!(s.teams_removed, ["Old"]);
    assert_eq!(s.new_teams, [TeamId(10)]);

    // Applied as one command: valid, and Old's demand assumption goes with it.
    let mut plan = base.clone();
    let mut next = ids_after(&base);
    apply_with(&mut plan, found.command(), &mut next).unwrap();
    assert_eq!(validate(&plan), vec![]);
    assert_eq!((next.team, next.post), (11, 22));
    assert_eq!(
        plan.assumptions.demand.keys().copied().collect::<Vec<_>>(),
        [TeamId(1)]
    );
}

fn ids_after(base: &Plan) -> NextIds {
    NextIds {
        team: 10,
        post: 20,
        ..NextIds::of(base)
    }
}

#[test]
fn a_name_on_two_rows_matches_no_one_and_the_old_posts_cases_wait() {
    let base = last_month();
    let t = table(
        &[
            &["Name", "Job Title", "Team"],
            &["Amy Lee", "Social Worker", "South"],
            &["Amy Lee", "Social Worker", "South"],
        ],
        is_staff_heading,
    );
    let found = preview(
        &t,
        &ImportMapping::guess(&t, &base),
        &base,
        ids_after(&base),
    );
    let ids: Vec<u32> = found.posts().iter().map(|p| p.id.0).collect();
    assert_eq!(ids, [20, 21]);
    assert!(found.posts().iter().all(|p| p.cases.is_empty()));
    // Only South stays: Amy's 5 cases wait there; North's and Old's go with them.
    assert_eq!(found.structure.cases_to_waiting, 5);
    assert_eq!(found.structure.cases_dropped, 2 + 3 + 4 + 1 + 2);
}

#[test]
fn missing_columns_are_said_once_not_on_every_row() {
    let base = defaults::new_plan();
    let t = table(
        &[
            &["Name", "FTE", "Hours"],
            &["A", "1", "37"],
            &["B", "1", "37"],
        ],
        is_staff_heading,
    );
    let found = preview(
        &t,
        &ImportMapping::guess(&t, &base),
        &base,
        NextIds::of(&base),
    );
    let shown: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "row 1: no column is chosen as the job title or grade: every post needs one",
            "row 1: no column is chosen as the team or cost centre: every post needs one",
        ]
    );
    assert!(found.posts().is_empty());
}

#[test]
fn caseload_rows_find_workers_by_post_number_or_a_unique_name() {
    let mut plan = last_month();
    plan.posts.push(post(5, 2, "Jo Bloggs", CaseCounts::new()));
    let t = table(
        &[
            &["Worker", "Post Number", "CIN", "CP"],
            &["Amy Lee", "", "6", "1"],
            &["Jo Bloggs", "", "2", ""],
            &["Whoever", "P5", "3", "0"],
            &["Lee, Amy", "", "1", "1"],
            &["Ann Other", "", "1", ""],
            &["Tim Roe", "", "x", ""],
        ],
        is_caseload_heading,
    );
    let mapping = CaseloadMapping::guess(&t, &plan);
    let found = preview_cases(&t, &mapping, &plan, &|_| None);
    let shown = |p: &[crate::model::Problem]| -> Vec<String> {
        p.iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        shown(&found.unmatched_rows),
        [
            "row 3, column \"Worker\": 'Jo Bloggs' is the name of more than one worker in the \
             plan: give employee numbers",
            "row 6, column \"Worker\": 'Ann Other' is not a worker in the plan",
        ]
    );
    assert_eq!(
        shown(&found.problems),
        [
            "row 5, column \"Worker\": this worker is also on row 2: each worker needs one row",
            "row 7, column \"CIN\": 'x' is not a number of cases",
        ]
    );
    let cin = case_type::CHILD_IN_NEED;
    let cp = case_type::CHILD_PROTECTION;
    assert_eq!(
        found.cases,
        std::collections::BTreeMap::from([
            (PostId(3), CaseCounts::from([(cin, 6), (cp, 1)])),
            (PostId(5), CaseCounts::from([(cin, 3), (cp, 0)])),
        ])
    );
    // Only what changes: Amy 5 → 6 CIN and 0 → 1 CP; post 5 gets 3 CIN (0 CP as before).
    assert_eq!(
        found.command(&plan),
        Command::Batch(vec![
            Command::SetPostCases {
                post: PostId(3),
                case_type: cin,
                count: 6
            },
            Command::SetPostCases {
                post: PostId(3),
                case_type: cp,
                count: 1
            },
            Command::SetPostCases {
                post: PostId(5),
                case_type: cin,
                count: 3
            },
        ])
    );
    let missing: Vec<&str> = found
        .workers_not_in_report
        .iter()
        .map(|(_, n)| n.as_str())
        .collect();
    assert_eq!(missing, ["Siân Evans", "Jo Bloggs", "Tim Roe"]);
}

#[test]
fn a_covering_column_is_read_for_agency_workers_only() {
    let base = last_month();
    let t = table(
        &[
            &["Name", "Job Title", "Team", "Contract", "Covering"],
            &[
                "Kim Ng",
                "Social Worker",
                "North",
                "Agency",
                "Maternity cover",
            ],
            &["Li Wu", "Social Worker", "North", "Locum", ""],
            &[
                "Ann Orr",
                "Social Worker",
                "North",
                "Permanent",
                "Maternity cover",
            ],
            &["Bo Fox", "Social Worker", "North", "Agency", "Project work"],
        ],
        is_staff_heading,
    );
    let mapping = ImportMapping::guess(&t, &base);
    let found = preview(&t, &mapping, &base, NextIds::of(&base));
    // Bo Fox's cover is not a word the app knows: a problem at his row and column.
    let problems: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("Covering")
            && problems[0].contains("'Project work' is not what an agency worker covers"),
        "{}",
        problems[0]
    );
    // Kim covers an absence; Li (blank) a vacancy; Ann, a permanent employee, covers
    // nothing as far as the plan is concerned (an employee fills a post of her own).
    let covers: Vec<(Option<&str>, AgencyCover)> = found
        .posts()
        .iter()
        .map(|p| (p.worker.as_deref(), p.covers))
        .collect();
    assert_eq!(
        covers,
        [
            (Some("Kim Ng"), AgencyCover::Absence),
            (Some("Li Wu"), AgencyCover::Vacancy),
            (Some("Ann Orr"), AgencyCover::Vacancy),
        ]
    );
}
