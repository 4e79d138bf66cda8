//! Commands: the one path by which a plan changes.

use caseload_planner::io::{default_plan, default_scenarios};
use caseload_planner::model::defaults::{case_type::*, grade::*};
use caseload_planner::model::scenarios::{SharedParts, validate_scenarios};
use caseload_planner::model::{
    AbsenceReason, AgencyCover, CaseTypeId, Command, Contract, Created, GradeId, GradeRole, Plan,
    PostId, PostStatus, Settings, TeamFunction, TeamId, YearMonth, apply, assess, validate,
};
use caseload_planner::model::{ScenarioId, ScenarioSet};
use proptest::prelude::*;

mod command_generator;
use command_generator::{command, variant};

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
fn removing_a_team_grade_or_case_type_drops_the_settings_that_name_it() {
    use caseload_planner::model::demand_flows::{DemandLever, FlowChange, MonthsOpen};
    use caseload_planner::model::reductions::ProtectedTime;
    use caseload_planner::model::retention::Intake;
    let mut set = default_scenarios();
    let option = set.add_option(ScenarioId::BASELINE, "Option").unwrap();
    // A case type, a grade and a team no post uses, named by the option's settings.
    let Created::CaseType(kind) = set
        .apply(
            option,
            Command::AddCaseType {
                name: "Private fostering".into(),
                weight: 1.0,
                must_allocate: false,
            },
        )
        .unwrap()
    else {
        panic!("no case type")
    };
    let Created::Grade(grade) = set
        .apply(
            option,
            Command::AddGrade {
                name: "Trainee".into(),
                role: GradeRole::NewlyQualified,
                capacity_points: 10.0,
                holds_cases: true,
            },
        )
        .unwrap()
    else {
        panic!("no grade")
    };
    let Created::Team(team) = set
        .apply(
            option,
            Command::AddTeam {
                name: "Edge of care".into(),
                function: TeamFunction::Other,
            },
        )
        .unwrap()
    else {
        panic!("no team")
    };
    let mut a = set.plan(option).assumptions.clone();
    a.flows.months_open.push(MonthsOpen {
        case_type: kind,
        months: 4.0,
    });
    a.flows.levers.push(DemandLever {
        change: FlowChange::NewCases {
            case_type: CHILD_IN_NEED,
            by: -0.1,
        },
        team: Some(team),
        from: "2026-05".parse().unwrap(),
        ramp_months: 0,
    });
    a.intakes.push(Intake {
        team,
        grade,
        month: "2026-09".parse().unwrap(),
        workers: 2,
        every_year: false,
    });
    a.protected_time = Some(ProtectedTime {
        share: 0.1,
        grades: vec![grade, SOCIAL_WORKER],
    });
    set.apply(option, Command::SetAssumptions(Box::new(a)))
        .unwrap();
    let mut costs = set.baseline().costs.clone();
    costs.case_costs.insert(kind, 50_000.0);
    set.apply(ScenarioId::BASELINE, Command::SetCostRates(costs))
        .unwrap();

    set.apply(
        ScenarioId::BASELINE,
        Command::RemoveCaseType { case_type: kind },
    )
    .unwrap();
    set.apply(ScenarioId::BASELINE, Command::RemoveGrade { grade })
        .unwrap();
    set.apply(option, Command::DeleteTeam { team }).unwrap();
    let a = &set.plan(option).assumptions;
    assert!(a.flows.is_empty(), "{:?}", a.flows);
    assert!(a.intakes.is_empty());
    assert_eq!(a.protected_time.as_ref().unwrap().grades, [SOCIAL_WORKER]);
    assert!(set.baseline().costs.case_costs.is_empty());
    let problems = validate_scenarios(&set);
    assert!(problems.is_empty(), "{:?}", problems.listed());
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
fn only_an_agency_worker_covers_an_absence_and_another_contract_resets_it() {
    let mut plan = default_plan();
    // Post 3 is K. Osei (agency); post 1 a permanent social worker.
    let before = plan.clone();
    let refusal = apply(
        &mut plan,
        Command::SetAgencyCover {
            post: PostId(1),
            covers: AgencyCover::Absence,
        },
    )
    .unwrap_err();
    assert_eq!(
        refusal.0,
        "Only an agency worker can be marked \"covering an absence\": this post is permanent. \
         Make its contract agency first."
    );
    assert_eq!(plan, before);
    apply(
        &mut plan,
        Command::SetAgencyCover {
            post: PostId(3),
            covers: AgencyCover::Absence,
        },
    )
    .unwrap();
    assert_eq!(post(&plan, 3).covers, AgencyCover::Absence);
    // One agency FTE fewer counts as a vacancy; the agency rate is as it was.
    let (was, now) = (assess(&before).service.mix, assess(&plan).service.mix);
    assert_eq!(now.agency_rate, was.agency_rate);
    assert!((was.vacancy_fte - now.vacancy_fte - 1.0).abs() < 1e-9);
    apply(
        &mut plan,
        Command::SetPostContract {
            post: PostId(3),
            contract: Contract::Permanent,
        },
    )
    .unwrap();
    assert_eq!(post(&plan, 3).covers, AgencyCover::Vacancy);
    assert_eq!(validate(&plan), vec![]);
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

#[test]
fn the_generator_makes_every_kind_of_command() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = command();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..20_000 {
        seen.insert(variant(&strategy.new_tree(&mut runner).unwrap().current()));
    }
    // 37 kinds of edit and the batch.
    assert_eq!(seen.len(), 38, "{seen:?}");
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

    /// Edits in the baseline and in options, shared and own, batches, options added and
    /// deleted: every scenario stays valid, shared parts stay equal, refusals change nothing
    /// and a new team or post gets an id no scenario uses.
    #[test]
    fn any_sequence_across_scenarios_keeps_every_scenario_valid(
        steps in proptest::collection::vec((0usize..4, command(), 0u8..20), 1..30)
    ) {
        let mut set = default_scenarios();
        for (pick, command, chance) in steps {
            let ids: Vec<ScenarioId> = set.iter().map(|s| s.id).collect();
            let scenario = ids[pick % ids.len()];
            match chance {
                0 => { let _ = set.add_option(scenario, &set.next_option_name()); continue; }
                1 => { let _ = set.delete_option(scenario); continue; }
                _ => {}
            }
            let before = set.clone();
            let taken = |set: &ScenarioSet, post: PostId| set.iter().any(|s| s.plan.post(post).is_some());
            let taken_team = |set: &ScenarioSet, team: TeamId| set.iter().any(|s| s.plan.team(team).is_some());
            match set.apply(scenario, command.clone()) {
                Ok(created) => {
                    let problems = validate_scenarios(&set);
                    prop_assert!(problems.is_empty(), "after {:?}: {:?}", command, problems.listed());
                    let shared = set.shared();
                    for s in set.iter() {
                        prop_assert_eq!(&SharedParts::of(&s.plan), &shared);
                    }
                    let mut new = vec![created];
                    while let Some(c) = new.pop() {
                        match c {
                            Created::Batch(all) => new.extend(all),
                            Created::Posts(posts) => for p in posts {
                                prop_assert!(!taken(&before, p), "{:?} was already used", p);
                            },
                            Created::Team(t) => prop_assert!(!taken_team(&before, t), "{:?} was already used", t),
                            _ => {}
                        }
                    }
                }
                Err(_) => prop_assert_eq!(&set, &before, "a refused {:?} changed a scenario", command),
            }
        }
    }
}
