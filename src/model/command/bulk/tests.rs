use super::*;
use crate::model::allocation::test_plans::{
    add_post, held, make_absent, plan, social_worker, waiting,
};
use crate::model::defaults::case_type::{CHILD_IN_NEED, CHILD_PROTECTION};
use crate::model::defaults::grade::{SENIOR_PRACTITIONER, SOCIAL_WORKER};
use crate::model::{assess, validate};

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn ids(numbers: &[u32]) -> Vec<PostId> {
    numbers.iter().map(|&n| PostId(n)).collect()
}

/// North (team 1): 1 A. Hall (5 CIN + 2 CP), 2 J. Brown (1 CIN), 3 a vacancy, 4 K. Ito
/// (absent), 5 FT worker 1 (fixed term 2026-09 to 2027-08, 4 CIN), 6 FT worker 2 (fixed term
/// 2026-04 to 2027-03); South (team 2): 7 S. Khan. All full-time social workers (20 points).
fn north_and_south() -> Plan {
    let mut p = plan(&["North", "South"]);
    social_worker(
        &mut p,
        1,
        "A. Hall",
        &[(CHILD_IN_NEED, 5), (CHILD_PROTECTION, 2)],
    );
    social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 1)]);
    add_post(&mut p, 1, SOCIAL_WORKER, 1.0, None, &[]);
    let ito = social_worker(&mut p, 1, "K. Ito", &[]);
    make_absent(&mut p, ito);
    let late = social_worker(&mut p, 1, "FT worker 1", &[(CHILD_IN_NEED, 4)]);
    let early = social_worker(&mut p, 1, "FT worker 2", &[]);
    for (post, start, end) in [(late, "2026-09", "2027-08"), (early, "2026-04", "2027-03")] {
        p.posts[post.0 as usize - 1].contract = Contract::FixedTerm {
            start: month(start),
            end: month(end),
        };
    }
    social_worker(&mut p, 2, "S. Khan", &[]);
    assert_eq!(validate(&p), vec![]);
    p
}

/// The plan after `edit`'s command, which must apply.
fn after(plan: &Plan, edit: &BulkEdit) -> Plan {
    let mut changed = plan.clone();
    crate::model::apply(&mut changed, edit.command.clone()).expect("the batch applies");
    assert_eq!(validate(&changed), vec![]);
    changed
}

fn batch_len(edit: &BulkEdit) -> usize {
    match &edit.command {
        Command::Batch(commands) => commands.len(),
        other => panic!("one batch expected, not {other:?}"),
    }
}

#[test]
fn grade_and_fte_change_for_every_post_chosen_in_one_batch() {
    let p = north_and_south();
    let changes = PostChanges {
        grade: Some(SENIOR_PRACTITIONER),
        fte: Some(0.8),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1, 2, 7]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[1, 2, 7]));
    assert_eq!(edit.refused, vec![]);
    assert_eq!(
        batch_len(&edit),
        6,
        "a grade and an FTE command for each post"
    );
    assert_eq!(edit.summary(), "Changed 3 posts");

    let changed = after(&p, &edit);
    for id in ids(&[1, 2, 7]) {
        let post = changed.post(id).unwrap();
        assert_eq!((post.grade, post.fte), (SENIOR_PRACTITIONER, 0.8));
    }
    // Senior practitioner 16 points x 0.8 FTE = 12.8 points each, where 20 were.
    let a = assess(&changed);
    for id in ids(&[1, 2, 7]) {
        assert!((a.post(id).unwrap().capacity_points - 12.8).abs() < 1e-9);
    }
    assert_eq!(
        changed.post(PostId(5)),
        p.post(PostId(5)),
        "not chosen: as it was"
    );
}

#[test]
fn only_what_differs_is_changed_and_posts_already_as_chosen_are_counted() {
    let p = north_and_south();
    let changes = PostChanges {
        team: Some(TeamId(2)),
        ..PostChanges::default()
    };
    // S. Khan (7) is already in South.
    let edit = bulk_edit(&p, &ids(&[1, 7]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[1]));
    assert_eq!(edit.unchanged, 1);
    assert_eq!(
        edit.command,
        Command::Batch(vec![Command::MovePost {
            post: PostId(1),
            team: TeamId(2)
        }])
    );
    assert_eq!(
        edit.summary(),
        "Changed 1 post; 1 post was already as chosen"
    );
    // A. Hall's 7 cases moved with her.
    let changed = after(&p, &edit);
    assert_eq!(changed.post(PostId(1)).unwrap().team, TeamId(2));
    assert_eq!(held(&changed, PostId(1), CHILD_IN_NEED), 5);
}

#[test]
fn extending_fixed_terms_refuses_posts_it_does_not_suit_and_says_why() {
    let p = north_and_south();
    let changes = PostChanges {
        contract: Some(ContractChange::FixedTermEnds(month("2026-06"))),
        ..PostChanges::default()
    };
    // J. Brown is permanent; FT worker 1 starts in 2026-09, after the new end; FT worker 2
    // started in 2026-04, so 2026-06 shortens it.
    let edit = bulk_edit(&p, &ids(&[2, 5, 6]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[6]));
    assert_eq!(
        edit.refused,
        vec![
            PostRefusal {
                post: PostId(2),
                who: "J. Brown".into(),
                reason:
                    "not on a fixed-term contract (permanent), so there is no end month to change"
                        .into(),
            },
            PostRefusal {
                post: PostId(5),
                who: "FT worker 1".into(),
                reason: "its fixed-term contract starts in 2026-09, so it cannot end in 2026-06"
                    .into(),
            },
        ]
    );
    assert_eq!(
        edit.summary(),
        "Changed 1 post; 2 refused: J. Brown: not on a fixed-term contract (permanent), so there \
         is no end month to change; FT worker 1: its fixed-term contract starts in 2026-09, so it \
         cannot end in 2026-06"
    );
    let changed = after(&p, &edit);
    assert_eq!(
        changed.post(PostId(6)).unwrap().contract,
        Contract::FixedTerm {
            start: month("2026-04"),
            end: month("2026-06")
        }
    );
    for refused in [2, 5] {
        assert_eq!(changed.post(PostId(refused)), p.post(PostId(refused)));
    }
}

#[test]
fn a_post_refused_for_one_part_of_the_change_keeps_every_part_as_it_was() {
    let p = north_and_south();
    // The grade would suit the vacancy (3), but it has no worker to be absent: neither is made.
    let changes = PostChanges {
        grade: Some(SENIOR_PRACTITIONER),
        status: Some(StatusChange::Absent {
            reason: AbsenceReason::Maternity,
            returns: Some(month("2027-01")),
        }),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[3, 2]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[2]));
    assert_eq!(
        edit.refused[0].to_string(),
        "Vacant post 3 (North): it is vacant, with no worker to be absent"
    );
    let changed = after(&p, &edit);
    assert_eq!(changed.post(PostId(3)), p.post(PostId(3)));
    let brown = changed.post(PostId(2)).unwrap();
    assert_eq!(brown.grade, SENIOR_PRACTITIONER);
    assert_eq!(
        brown.status,
        PostStatus::Absent {
            reason: AbsenceReason::Maternity,
            returns: Some(month("2027-01"))
        }
    );
}

#[test]
fn back_at_work_changes_only_the_absent() {
    let p = north_and_south();
    let changes = PostChanges {
        status: Some(StatusChange::Working),
        ..PostChanges::default()
    };
    // K. Ito (4) is absent; J. Brown is working; the vacancy has nobody to be back.
    let edit = bulk_edit(&p, &ids(&[2, 3, 4]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[4]));
    assert_eq!(edit.unchanged, 2);
    assert!(after(&p, &edit).post(PostId(4)).unwrap().is_available());
}

#[test]
fn making_posts_vacant_sends_their_cases_to_their_teams() {
    let p = north_and_south();
    let changes = PostChanges {
        status: Some(StatusChange::Vacant),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1, 2, 3]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[1, 2]));
    assert_eq!(edit.unchanged, 1, "the vacancy already is one");
    let changed = after(&p, &edit);
    // North waited for nothing; now A. Hall's 5 + J. Brown's 1 CIN and A. Hall's 2 CP.
    assert_eq!(waiting(&changed, 1, CHILD_IN_NEED), 6);
    assert_eq!(waiting(&changed, 1, CHILD_PROTECTION), 2);
    assert!(changed.post(PostId(1)).unwrap().is_vacant());
}

#[test]
fn moving_and_making_vacant_sends_the_cases_to_the_new_team() {
    let p = north_and_south();
    let changes = PostChanges {
        team: Some(TeamId(2)),
        status: Some(StatusChange::Vacant),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1]), &changes).unwrap();
    let changed = after(&p, &edit);
    assert_eq!(waiting(&changed, 2, CHILD_IN_NEED), 5);
    assert_eq!(waiting(&changed, 1, CHILD_IN_NEED), 0);
}

#[test]
fn dates_are_checked_against_each_post() {
    let mut p = north_and_south();
    p.posts[1].starts = Some(month("2026-10")); // J. Brown's post starts in October
    let changes = PostChanges {
        leaves: Some(Some(month("2026-08"))),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1, 2, 3]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[1]));
    let reasons: Vec<String> = edit.refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        vec![
            "J. Brown: the worker leaves (2026-08) before the post starts (2026-10)",
            "Vacant post 3 (North): it is vacant, with no worker to leave",
        ]
    );
    let changed = after(&p, &edit);
    assert_eq!(
        changed.post(PostId(1)).unwrap().leaves,
        Some(month("2026-08"))
    );

    // Clearing a date is a change like any other, and suits a vacancy.
    let clear = PostChanges {
        starts: Some(None),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[2, 3]), &clear).unwrap();
    assert_eq!((edit.changed.clone(), edit.unchanged), (ids(&[2]), 1));
    assert_eq!(after(&p, &edit).post(PostId(2)).unwrap().starts, None);
}

#[test]
fn a_change_no_post_could_take_is_refused_as_a_whole() {
    let p = north_and_south();
    let all = ids(&[1, 2, 3]);
    let refused = |changes: PostChanges| bulk_edit(&p, &all, &changes).unwrap_err().0;
    assert_eq!(
        refused(PostChanges::default()),
        "Choose what to change first."
    );
    assert_eq!(
        refused(PostChanges {
            fte: Some(1.5),
            ..PostChanges::default()
        }),
        "FTE must be above 0 and at most 1, not 1.5."
    );
    assert_eq!(
        refused(PostChanges {
            contract: Some(ContractChange::Set(Contract::FixedTerm {
                start: month("2026-05"),
                end: month("2026-04"),
            })),
            ..PostChanges::default()
        }),
        "Fixed-term contract ends (2026-04) before it starts (2026-05)."
    );
    assert_eq!(
        refused(PostChanges {
            team: Some(TeamId(9)),
            ..PostChanges::default()
        }),
        "There is no team 9."
    );
    assert!(
        refused(PostChanges {
            status: Some(StatusChange::Vacant),
            leaves: Some(Some(month("2026-12"))),
            ..PostChanges::default()
        })
        .starts_with("Posts made vacant have no worker to leave")
    );
}

#[test]
fn repeated_and_missing_posts() {
    let p = north_and_south();
    let changes = PostChanges {
        fte: Some(0.5),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[2, 2, 99]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[2]));
    assert_eq!(batch_len(&edit), 1);
    assert_eq!(
        edit.refused[0].to_string(),
        "Post 99: it is no longer in the plan"
    );
}

#[test]
fn nothing_to_change_says_so() {
    let p = north_and_south();
    let changes = PostChanges {
        fte: Some(1.0),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1, 2]), &changes).unwrap();
    assert_eq!(edit.command, Command::Batch(vec![]));
    assert_eq!(
        edit.summary(),
        "No post changed; 2 posts were already as chosen"
    );
}

#[test]
fn the_summary_names_the_first_refusals_and_counts_the_rest() {
    let p = north_and_south();
    let changes = PostChanges {
        contract: Some(ContractChange::FixedTermEnds(month("2027-06"))),
        ..PostChanges::default()
    };
    // Five posts not on a fixed term: three named, two counted.
    let edit = bulk_edit(&p, &ids(&[1, 2, 3, 4, 7, 6]), &changes).unwrap();
    assert_eq!(edit.refused.len(), 5);
    let summary = edit.summary();
    assert!(summary.starts_with("Changed 1 post; 5 refused: A. Hall: "));
    assert!(summary.ends_with("; and 2 more"), "{summary}");
    assert!(!summary.contains("S. Khan"));
}

#[test]
fn deleting_posts_sends_their_cases_to_their_teams() {
    let p = north_and_south();
    let edit = bulk_delete(&p, &ids(&[1, 3, 3]));
    assert_eq!(edit.summary(), "Deleted 2 posts");
    let changed = after(&p, &edit);
    assert_eq!(changed.posts.len(), p.posts.len() - 2);
    assert!(changed.post(PostId(1)).is_none() && changed.post(PostId(3)).is_none());
    assert_eq!(waiting(&changed, 1, CHILD_IN_NEED), 5);
    assert_eq!(waiting(&changed, 1, CHILD_PROTECTION), 2);
}

#[test]
fn a_thousand_posts_change_in_one_batch_that_applies() {
    let p = crate::model::synthetic::plan(1000, 15_000);
    let all: Vec<PostId> = p.posts.iter().map(|post| post.id).collect();
    let changes = PostChanges {
        grade: Some(SOCIAL_WORKER),
        fte: Some(0.9),
        status: Some(StatusChange::Absent {
            reason: AbsenceReason::Secondment,
            returns: None,
        }),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &all, &changes).unwrap();
    let vacant = p.posts.iter().filter(|post| post.is_vacant()).count();
    assert!(vacant > 0);
    assert_eq!(edit.refused.len(), vacant, "only the vacancies are refused");
    assert_eq!(edit.changed.len() + vacant, 1000);
    let changed = after(&p, &edit);
    for post in changed.posts.iter().filter(|post| !post.is_vacant()) {
        assert_eq!((post.grade, post.fte), (SOCIAL_WORKER, 0.9));
        assert!(post.is_absent());
    }
}

#[test]
fn what_agency_workers_cover_is_set_for_agency_posts_only() {
    let mut p = north_and_south();
    // J. Brown (2) and S. Khan (7) are agency workers; A. Hall (1) is permanent.
    for id in [2, 7] {
        p.posts[id - 1].contract = Contract::Agency;
    }
    p.posts[6].covers = AgencyCover::Absence;
    let changes = PostChanges {
        covers: Some(AgencyCover::Absence),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1, 2, 7]), &changes).unwrap();
    assert_eq!(edit.changed, ids(&[2]));
    assert_eq!(edit.unchanged, 1, "S. Khan already covers an absence");
    assert_eq!(
        edit.refused[0].to_string(),
        "A. Hall: not an agency worker (permanent), so it cannot be marked \"covering an \
         absence\""
    );
    assert_eq!(
        after(&p, &edit).post(PostId(2)).unwrap().covers,
        AgencyCover::Absence
    );
    // Made agency and marked in one change: the contract comes first.
    let both = PostChanges {
        contract: Some(ContractChange::Set(Contract::Agency)),
        covers: Some(AgencyCover::OverEstablishment),
        ..PostChanges::default()
    };
    let edit = bulk_edit(&p, &ids(&[1]), &both).unwrap();
    let hall = after(&p, &edit).post(PostId(1)).unwrap().clone();
    assert_eq!(
        (hall.contract, hall.covers),
        (Contract::Agency, AgencyCover::OverEstablishment)
    );
    // A permanent contract with cover of an absence can suit no post.
    let neither = PostChanges {
        contract: Some(ContractChange::Set(Contract::Permanent)),
        covers: Some(AgencyCover::Absence),
        ..PostChanges::default()
    };
    assert!(bulk_edit(&p, &ids(&[2]), &neither).is_err());
}
