//! Commands: the one path by which a plan changes.

use caseload_planner::io::default_plan;
use caseload_planner::model::defaults::{case_type::*, grade::*};
use caseload_planner::model::{
    AbsenceReason, CaseTypeId, Command, Contract, Created, GradeId, GradeRole, Plan, PostId,
    PostStatus, Settings, TeamFunction, TeamId, YearMonth, apply, assess, validate,
};
use proptest::prelude::*;

fn post(plan: &Plan, id: u32) -> &caseload_planner::model::Post {
    plan.posts.iter().find(|p| p.id == PostId(id)).unwrap()
}

fn team(plan: &Plan, id: u32) -> &caseload_planner::model::Team {
    plan.teams.iter().find(|t| t.id == TeamId(id)).unwrap()
}

#[test]
fn adding_a_team_and_a_cohort_of_posts_creates_new_ids() {
    let mut plan = default_plan(); // teams 1-6, posts 1-38
    let created = apply(
        &mut plan,
        Command::AddTeam {
            name: "  Fixed-term team ".into(),
            function: TeamFunction::ChildInNeedProtection,
        },
    );
    assert_eq!(created, Ok(Created::Team(TeamId(7))));
    assert_eq!(team(&plan, 7).name, "Fixed-term team");

    let contract = Contract::FixedTerm {
        start: YearMonth::new(2026, 4).unwrap(),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    let created = apply(
        &mut plan,
        Command::AddPosts {
            team: TeamId(7),
            grade: SOCIAL_WORKER,
            contract,
            fte: 1.0,
            count: 18,
        },
    )
    .unwrap();
    assert_eq!(created, Created::Posts((39..=56).map(PostId).collect()));
    assert!(
        plan.posts[38..]
            .iter()
            .all(|p| p.is_vacant() && p.team == TeamId(7))
    );
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn a_worker_leaving_puts_their_cases_on_the_team_unallocated_list() {
    let mut plan = default_plan();
    // Post 2 (J. Brown, front door): 22 assessments and 3 CP; the team already has 12 + 1 waiting.
    apply(
        &mut plan,
        Command::SetPostWorker {
            post: PostId(2),
            worker: None,
        },
    )
    .unwrap();
    assert!(post(&plan, 2).is_vacant() && post(&plan, 2).cases.is_empty());
    let waiting = &team(&plan, 1).unallocated;
    assert_eq!((waiting[&ASSESSMENT], waiting[&CHILD_PROTECTION]), (34, 4));
    assert_eq!(assess(&plan).service.sums.must_allocate_unallocated, 6);
}

#[test]
fn deleting_a_post_keeps_its_cases_as_unallocated_work() {
    let mut plan = default_plan();
    apply(&mut plan, Command::DeletePost { post: PostId(3) }).unwrap(); // 24 assessments, 2 CP
    assert_eq!(plan.posts.len(), 37);
    assert_eq!(team(&plan, 1).unallocated[&ASSESSMENT], 36);
}

#[test]
fn deleting_a_team_deletes_its_posts() {
    let mut plan = default_plan();
    apply(&mut plan, Command::DeleteTeam { team: TeamId(5) }).unwrap(); // care leavers: 5 posts
    assert_eq!((plan.teams.len(), plan.posts.len()), (5, 33));
    assert_eq!(validate(&plan), vec![]);
}

#[test]
fn moving_teams_and_posts() {
    let mut plan = default_plan();
    apply(
        &mut plan,
        Command::MoveTeam {
            team: TeamId(6),
            index: 0,
        },
    )
    .unwrap();
    assert_eq!(plan.teams[0].id, TeamId(6));
    apply(
        &mut plan,
        Command::MoveTeam {
            team: TeamId(6),
            index: 99,
        },
    )
    .unwrap();
    assert_eq!(plan.teams.last().unwrap().id, TeamId(6));
    apply(
        &mut plan,
        Command::MovePost {
            post: PostId(2),
            team: TeamId(2),
        },
    )
    .unwrap();
    assert_eq!(post(&plan, 2).team, TeamId(2));
    assert_eq!(
        post(&plan, 2).cases_held(),
        25,
        "the worker's cases move with them"
    );
}

#[test]
fn duplicating_a_post_copies_the_post_not_the_person() {
    let mut plan = default_plan();
    let created = apply(&mut plan, Command::DuplicatePost { post: PostId(2) }).unwrap();
    assert_eq!(created, Created::Posts(vec![PostId(39)]));
    let copy = post(&plan, 39);
    assert_eq!(
        (copy.team, copy.grade, copy.fte),
        (TeamId(1), SOCIAL_WORKER, 1.0)
    );
    assert!(copy.is_vacant() && copy.cases.is_empty());
    assert_eq!(
        plan.posts[2].id,
        PostId(39),
        "the copy sits right after the original"
    );
}

#[test]
fn impossible_edits_are_refused_with_a_reason_and_change_nothing() {
    let mut plan = default_plan();
    let before = plan.clone();
    let refusals = [
        (
            Command::SetPostFte {
                post: PostId(2),
                fte: 1.5,
            },
            "FTE must be above 0 and at most 1, not 1.5.",
        ),
        (
            Command::SetPostFte {
                post: PostId(2),
                fte: 0.0,
            },
            "FTE must be above 0 and at most 1, not 0.",
        ),
        (
            Command::SetCaseTypeWeight {
                case_type: CHILD_PROTECTION,
                weight: -1.0,
            },
            "The case weight must be a number above 0 and at most 100, not -1.",
        ),
        (
            Command::SetGradeCapacity {
                grade: SOCIAL_WORKER,
                capacity_points: f64::NAN,
            },
            "The grade's capacity must be from 0 to 1000 points, not NaN.",
        ),
        (
            Command::RenameTeam {
                team: TeamId(1),
                name: "   ".into(),
            },
            "A team needs a name.",
        ),
        (
            Command::SetPostCases {
                post: PostId(6),
                case_type: CHILD_IN_NEED,
                count: 3,
            },
            "A vacant post cannot hold cases: name the worker, or add the cases to the team's unallocated cases.",
        ),
        (
            Command::SetPostStatus {
                post: PostId(6),
                status: PostStatus::Absent {
                    reason: AbsenceReason::Maternity,
                    returns: None,
                },
            },
            "A vacant post has no worker to be absent: name the worker first.",
        ),
        (
            Command::RemoveCaseType {
                case_type: CHILD_PROTECTION,
            },
            "\"Child protection\" is still in use: 14 posts hold such cases and 2 teams have them unallocated. Move or close those cases first.",
        ),
        (
            Command::RemoveGrade {
                grade: SOCIAL_WORKER,
            },
            "\"Social worker\" is still the grade of 25 posts: regrade or delete them first.",
        ),
        (
            Command::SetPostContract {
                post: PostId(2),
                contract: Contract::FixedTerm {
                    start: YearMonth::new(2027, 1).unwrap(),
                    end: YearMonth::new(2026, 1).unwrap(),
                },
            },
            "Fixed-term contract ends (2026-01) before it starts (2027-01).",
        ),
        (
            Command::SetSettings(Settings {
                red_from: 0.9,
                ..Settings::default()
            }),
            "The red threshold (90%) must be above the amber threshold (100%).",
        ),
        (
            Command::AddPosts {
                team: TeamId(1),
                grade: SOCIAL_WORKER,
                contract: Contract::Permanent,
                fte: 1.0,
                count: 1800,
            },
            "Add from 1 to 200 posts at a time.",
        ),
        (
            Command::DeletePost { post: PostId(999) },
            "There is no post 999.",
        ),
        (
            Command::MovePost {
                post: PostId(2),
                team: TeamId(99),
            },
            "There is no team 99.",
        ),
    ];
    for (command, reason) in refusals {
        let refusal =
            apply(&mut plan, command.clone()).expect_err(&format!("{command:?} should be refused"));
        assert_eq!(refusal.0, reason);
        assert_eq!(plan, before, "{command:?} changed the plan");
    }
}

#[test]
fn unused_case_types_and_grades_can_be_added_and_removed() {
    let mut plan = default_plan();
    let Created::CaseType(id) = apply(
        &mut plan,
        Command::AddCaseType {
            name: "Private fostering".into(),
            weight: 1.3,
            must_allocate: true,
        },
    )
    .unwrap() else {
        panic!("no case type created")
    };
    assert_eq!(id, CaseTypeId(7));
    apply(&mut plan, Command::RemoveCaseType { case_type: id }).unwrap();
    let Created::Grade(grade) = apply(
        &mut plan,
        Command::AddGrade {
            name: "Consultant SW".into(),
            role: GradeRole::Practitioner,
            capacity_points: 14.0,
            holds_cases: true,
        },
    )
    .unwrap() else {
        panic!("no grade created")
    };
    assert_eq!(grade, GradeId(7));
    apply(&mut plan, Command::RemoveGrade { grade }).unwrap();
    assert_eq!(plan, default_plan());
}

#[test]
fn a_heavier_weight_raises_the_weighted_load() {
    let mut plan = default_plan();
    // Post 2 holds 3 CP cases: at 1.5 they weigh 4.5, at 2.5 they weigh 7.5 (+3 points).
    let before = assess(&plan).post(PostId(2)).unwrap().weighted_load;
    apply(
        &mut plan,
        Command::SetCaseTypeWeight {
            case_type: CHILD_PROTECTION,
            weight: 2.5,
        },
    )
    .unwrap();
    let after = assess(&plan).post(PostId(2)).unwrap().weighted_load;
    assert!((after - before - 3.0).abs() < 1e-9, "{before} -> {after}");
}

// ---------- property: any sequence of commands keeps the plan valid ----------

fn command() -> impl Strategy<Value = Command> {
    let post = (0u32..45).prop_map(PostId);
    let team = (0u32..9).prop_map(TeamId);
    let case_type = (0u32..9).prop_map(CaseTypeId);
    let grade = (0u32..9).prop_map(GradeId);
    let month = (2020u16..2030, 1u8..=12).prop_map(|(y, m)| YearMonth::new(y, m).unwrap());
    let contract = prop_oneof![
        Just(Contract::Permanent),
        Just(Contract::Agency),
        (month.clone(), month).prop_map(|(start, end)| Contract::FixedTerm { start, end }),
    ];
    let number = prop_oneof![
        Just(f64::NAN),
        Just(-1.0),
        Just(0.0),
        0.0f64..2.0,
        0.0f64..2000.0
    ];
    prop_oneof![
        "[a-z ]{0,6}".prop_map(|name| Command::AddTeam {
            name,
            function: TeamFunction::Other
        }),
        (team.clone(), "[a-z ]{0,6}").prop_map(|(team, name)| Command::RenameTeam { team, name }),
        (team.clone(), 0usize..10).prop_map(|(team, index)| Command::MoveTeam { team, index }),
        team.clone().prop_map(|team| Command::DeleteTeam { team }),
        (team.clone(), case_type.clone(), 0u32..200_000).prop_map(|(team, case_type, count)| {
            Command::SetUnallocated {
                team,
                case_type,
                count,
            }
        }),
        (
            team.clone(),
            grade.clone(),
            contract.clone(),
            number.clone(),
            0u32..300
        )
            .prop_map(|(team, grade, contract, fte, count)| Command::AddPosts {
                team,
                grade,
                contract,
                fte,
                count
            }),
        post.clone()
            .prop_map(|post| Command::DuplicatePost { post }),
        post.clone().prop_map(|post| Command::DeletePost { post }),
        (post.clone(), team).prop_map(|(post, team)| Command::MovePost { post, team }),
        (post.clone(), grade.clone())
            .prop_map(|(post, grade)| Command::SetPostGrade { post, grade }),
        (post.clone(), contract)
            .prop_map(|(post, contract)| Command::SetPostContract { post, contract }),
        (post.clone(), number.clone()).prop_map(|(post, fte)| Command::SetPostFte { post, fte }),
        (post.clone(), proptest::option::of("[A-Z. ]{0,5}"))
            .prop_map(|(post, worker)| Command::SetPostWorker { post, worker }),
        (post.clone(), any::<bool>()).prop_map(|(post, away)| Command::SetPostStatus {
            post,
            status: if away {
                PostStatus::Absent {
                    reason: AbsenceReason::Other,
                    returns: None,
                }
            } else {
                PostStatus::Active
            },
        }),
        (post, case_type.clone(), 0u32..200_000).prop_map(|(post, case_type, count)| {
            Command::SetPostCases {
                post,
                case_type,
                count,
            }
        }),
        (case_type.clone(), number.clone())
            .prop_map(|(case_type, weight)| Command::SetCaseTypeWeight { case_type, weight }),
        case_type.prop_map(|case_type| Command::RemoveCaseType { case_type }),
        (grade.clone(), number).prop_map(|(grade, capacity_points)| Command::SetGradeCapacity {
            grade,
            capacity_points
        }),
        grade.prop_map(|grade| Command::RemoveGrade { grade }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_sequence_of_commands_keeps_the_plan_valid(commands in proptest::collection::vec(command(), 1..40)) {
        let mut plan = default_plan();
        for command in commands {
            let before = plan.clone();
            match apply(&mut plan, command.clone()) {
                Ok(_) => prop_assert_eq!(validate(&plan), vec![], "after {:?}", command),
                Err(_) => prop_assert_eq!(&plan, &before, "a refused {:?} changed the plan", command),
            }
        }
    }
}
