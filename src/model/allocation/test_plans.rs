//! Small hand-made plans for the tests of moves, allocation and balancing: the default case
//! types (assessment 0.8, child in need 1.0, child protection 1.5, looked after 1.2, court
//! 2.0, care leaver 0.6 points) and grades (ASYE 16, social worker 20, senior practitioner 16,
//! team manager 0 points at 1.0 FTE).

use crate::model::defaults;
use crate::model::{
    AbsenceReason, CaseCounts, CaseTypeId, Contract, GradeId, Plan, Post, PostId, PostStatus, Team,
    TeamFunction, TeamId,
};

/// A plan with teams 1, 2, … named as given, no posts.
pub(crate) fn plan(teams: &[&str]) -> Plan {
    let mut plan = defaults::new_plan();
    plan.teams = teams
        .iter()
        .enumerate()
        .map(|(i, name)| Team {
            id: TeamId(i as u32 + 1),
            name: (*name).to_owned(),
            function: TeamFunction::ChildInNeedProtection,
            unallocated: CaseCounts::new(),
        })
        .collect();
    plan
}

/// Adds a post numbered on from the last, filled by `worker` (vacant for `None`), holding
/// `cases`.
pub(crate) fn add_post(
    plan: &mut Plan,
    team: u32,
    grade: GradeId,
    fte: f64,
    worker: Option<&str>,
    cases: &[(CaseTypeId, u32)],
) -> PostId {
    let id = PostId(plan.posts.last().map_or(1, |p| p.id.0 + 1));
    plan.posts.push(Post {
        reductions: Vec::new(),
        id,
        team: TeamId(team),
        grade,
        contract: Contract::Permanent,
        fte,
        worker: worker.map(str::to_owned),
        status: PostStatus::Active,
        cases: cases.iter().copied().collect(),
        starts: None,
        leaves: None,
        covers: Default::default(),
    });
    id
}

/// A full-time social worker (20 points).
pub(crate) fn social_worker(
    plan: &mut Plan,
    team: u32,
    name: &str,
    cases: &[(CaseTypeId, u32)],
) -> PostId {
    add_post(
        plan,
        team,
        defaults::grade::SOCIAL_WORKER,
        1.0,
        Some(name),
        cases,
    )
}

pub(crate) fn make_absent(plan: &mut Plan, post: PostId) {
    let p = plan.posts.iter_mut().find(|p| p.id == post).unwrap();
    p.status = PostStatus::Absent {
        reason: AbsenceReason::LongTermSickness,
        returns: None,
    };
}

pub(crate) fn set_waiting(plan: &mut Plan, team: u32, cases: &[(CaseTypeId, u32)]) {
    let t = plan
        .teams
        .iter_mut()
        .find(|t| t.id == TeamId(team))
        .unwrap();
    t.unallocated = cases.iter().copied().collect();
}

pub(crate) fn held(plan: &Plan, post: PostId, case_type: CaseTypeId) -> u32 {
    plan.post(post)
        .and_then(|p| p.cases.get(&case_type).copied())
        .unwrap_or(0)
}

pub(crate) fn waiting(plan: &Plan, team: u32, case_type: CaseTypeId) -> u32 {
    plan.team(TeamId(team))
        .and_then(|t| t.unallocated.get(&case_type).copied())
        .unwrap_or(0)
}
