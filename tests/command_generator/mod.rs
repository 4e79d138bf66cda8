//! Generated edits for the property tests: every kind of [`Command`], with values in and out
//! of range, and batches of them.

use caseload_planner::io::default_plan;
use caseload_planner::model::allocation::{CaseMove, CaseSource};
use caseload_planner::model::{
    AbsenceReason, AgencyCover, CaseTypeId, Command, Contract, GradeId, GradeRole, PostId,
    PostStatus, Settings, TeamFunction, TeamId, YearMonth,
};
use caseload_planner::model::{Assumptions, CostRates, DemandChange, Timeline};
use proptest::prelude::*;

/// Any one edit: every variant of [`Command`] but `Batch`, with values in and out of range.
pub fn single_command() -> impl Strategy<Value = Command> {
    let post = (0u32..45).prop_map(PostId);
    let team = (0u32..9).prop_map(TeamId);
    let case_type = (0u32..9).prop_map(CaseTypeId);
    let grade = (0u32..9).prop_map(GradeId);
    let month = (2020u16..2030, 1u8..=12).prop_map(|(y, m)| YearMonth::new(y, m).unwrap());
    let contract = prop_oneof![
        Just(Contract::Permanent),
        Just(Contract::Agency),
        (month.clone(), month.clone()).prop_map(|(start, end)| Contract::FixedTerm { start, end }),
    ];
    let number = prop_oneof![
        Just(f64::NAN),
        Just(-1.0),
        Just(0.0),
        Just(1e-300),
        0.0f64..2.0,
        0.0f64..2000.0
    ];
    let name = "[a-z ]{0,6}";
    let function = proptest::sample::select(TeamFunction::ALL.to_vec());
    let role = proptest::sample::select(vec![
        GradeRole::Practitioner,
        GradeRole::NewlyQualified,
        GradeRole::TeamManager,
        GradeRole::SeniorManager,
        GradeRole::Other,
    ]);
    let settings = (
        number.clone(),
        number.clone(),
        number.clone(),
        number.clone(),
    )
        .prop_map(
            |(caseload_target, amber_from, red_from, max_agency_share)| Settings {
                caseload_target,
                amber_from,
                red_from,
                max_agency_share,
                ..Settings::default()
            },
        );
    let timeline = (month.clone(), 0u32..70).prop_map(|(start, months)| Timeline { start, months });
    let costs =
        (grade.clone(), number.clone(), number.clone()).prop_map(|(grade, salary, on_costs)| {
            let mut rates = CostRates::illustrative(&default_plan());
            rates.salary.insert(grade, salary * 50_000.0);
            rates.on_costs = on_costs;
            rates
        });
    let assumptions = (
        number.clone(),
        number.clone(),
        team.clone(),
        number.clone(),
        0u32..70,
    )
        .prop_map(|(turnover, cover, team, cases, months)| {
            let mut a = Assumptions::default();
            a.turnover.permanent = turnover;
            a.agency_cover = cover;
            a.demand.insert(
                team,
                DemandChange::Target {
                    cases: cases * 100.0 - 50.0,
                    months,
                },
            );
            a
        });
    prop_oneof![
        name.prop_map(Command::SetPlanName),
        name.prop_map(Command::SetPlanNotes),
        settings.prop_map(Command::SetSettings),
        timeline.prop_map(Command::SetTimeline),
        costs.prop_map(Command::SetCostRates),
        assumptions.prop_map(|a| Command::SetAssumptions(Box::new(a))),
        (name, function.clone()).prop_map(|(name, function)| Command::AddTeam { name, function }),
        (team.clone(), name).prop_map(|(team, name)| Command::RenameTeam { team, name }),
        (team.clone(), function)
            .prop_map(|(team, function)| Command::SetTeamFunction { team, function }),
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
        (
            team.clone(),
            grade.clone(),
            contract.clone(),
            number.clone(),
            0u32..300
        )
            .prop_map(
                |(team, grade, contract, fte, count)| Command::AddFilledPosts {
                    team,
                    grade,
                    contract,
                    fte,
                    count
                }
            ),
        post.clone()
            .prop_map(|post| Command::DuplicatePost { post }),
        post.clone().prop_map(|post| Command::DeletePost { post }),
        (post.clone(), team.clone()).prop_map(|(post, team)| Command::MovePost { post, team }),
        (post.clone(), grade.clone())
            .prop_map(|(post, grade)| Command::SetPostGrade { post, grade }),
        (post.clone(), contract)
            .prop_map(|(post, contract)| Command::SetPostContract { post, contract }),
        (
            post.clone(),
            proptest::sample::select(AgencyCover::ALL.to_vec())
        )
            .prop_map(|(post, covers)| Command::SetAgencyCover { post, covers }),
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
        (post.clone(), case_type.clone(), 0u32..200_000).prop_map(|(post, case_type, count)| {
            Command::SetPostCases {
                post,
                case_type,
                count,
            }
        }),
        case_moves(post.clone(), team.clone(), case_type.clone()).prop_map(Command::MoveCases),
        (
            post,
            proptest::option::of(month.clone()),
            proptest::option::of(month)
        )
            .prop_map(|(post, starts, leaves)| Command::SetPostDates {
                post,
                starts,
                leaves
            }),
        (name, number.clone(), any::<bool>()).prop_map(|(name, weight, must_allocate)| {
            Command::AddCaseType {
                name,
                weight,
                must_allocate,
            }
        }),
        (case_type.clone(), name)
            .prop_map(|(case_type, name)| Command::RenameCaseType { case_type, name }),
        (case_type.clone(), number.clone())
            .prop_map(|(case_type, weight)| Command::SetCaseTypeWeight { case_type, weight }),
        (case_type.clone(), any::<bool>()).prop_map(|(case_type, must_allocate)| {
            Command::SetCaseTypeMustAllocate {
                case_type,
                must_allocate,
            }
        }),
        case_type.prop_map(|case_type| Command::RemoveCaseType { case_type }),
        (name, role.clone(), number.clone(), any::<bool>()).prop_map(
            |(name, role, capacity_points, holds_cases)| Command::AddGrade {
                name,
                role,
                capacity_points,
                holds_cases,
            }
        ),
        (grade.clone(), name).prop_map(|(grade, name)| Command::RenameGrade { grade, name }),
        (grade.clone(), role).prop_map(|(grade, role)| Command::SetGradeRole { grade, role }),
        (grade.clone(), number).prop_map(|(grade, capacity_points)| Command::SetGradeCapacity {
            grade,
            capacity_points
        }),
        (grade.clone(), any::<bool>())
            .prop_map(|(grade, holds_cases)| Command::SetGradeHoldsCases { grade, holds_cases }),
        grade.prop_map(|grade| Command::RemoveGrade { grade }),
    ]
}

/// A few moves of cases, from workers or waiting work to workers: often possible in the
/// example plan (small counts between its posts and teams), often not (a vacancy, an absent
/// worker, more than held, no cases, an unknown post, team or case type).
fn case_moves(
    post: impl Strategy<Value = PostId> + Clone,
    team: impl Strategy<Value = TeamId>,
    case_type: impl Strategy<Value = CaseTypeId>,
) -> impl Strategy<Value = Vec<CaseMove>> {
    let from = prop_oneof![
        3 => post.clone().prop_map(CaseSource::Post),
        1 => team.prop_map(CaseSource::Waiting),
    ];
    let one = (case_type, 0u32..6, from, post).prop_map(|(case_type, count, from, to)| CaseMove {
        case_type,
        count,
        from,
        to,
    });
    proptest::collection::vec(one, 0..4)
}

/// Any edit, a batch of edits now and then.
pub fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        8 => single_command(),
        1 => proptest::collection::vec(single_command(), 0..6).prop_map(Command::Batch),
    ]
}

/// Every variant, by name: the generator above must produce each of them.
pub fn variant(command: &Command) -> String {
    let debug = format!("{command:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}
