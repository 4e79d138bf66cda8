//! Lookups and checks behind [`super::apply`]: each finds an item or applies one rule from
//! [`crate::model::validate`], and turns a failure into a [`Refusal`] a user can read.

use super::{Refusal, refuse};
use crate::model::validate::{
    capacity_problem, contract_problem, count_problem, cover_problem, fte_problem,
    settings_problems, weight_problem,
};
use crate::model::{
    AgencyCover, CaseCounts, CaseType, CaseTypeId, Contract, Grade, GradeId, Plan, Post, PostId,
    Settings, Team, TeamId,
};

/// Cases whose worker has gone join the team's unallocated work.
pub(super) fn release_cases(plan: &mut Plan, team: TeamId, cases: &CaseCounts) {
    if let Some(t) = plan.teams.iter_mut().find(|t| t.id == team) {
        t.receive_unallocated(cases);
    }
}

/// Zero counts are removed, so files and comparisons do not depend on how a zero came about.
pub(super) fn set_count(counts: &mut CaseCounts, case_type: CaseTypeId, count: u32) {
    if count == 0 {
        counts.remove(&case_type);
    } else {
        counts.insert(case_type, count);
    }
}

pub(super) fn non_blank(name: String, what: &str) -> Result<String, Refusal> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return refuse(format!("{what} needs a name."));
    }
    Ok(trimmed.to_owned())
}

pub(super) fn team_index(plan: &Plan, team: TeamId) -> Result<usize, Refusal> {
    plan.teams
        .iter()
        .position(|t| t.id == team)
        .ok_or_else(|| Refusal(format!("There is no {team}.")))
}

pub(super) fn team_mut(plan: &mut Plan, team: TeamId) -> Result<&mut Team, Refusal> {
    let index = team_index(plan, team)?;
    Ok(&mut plan.teams[index])
}

pub(super) fn post_index(plan: &Plan, post: PostId) -> Result<usize, Refusal> {
    plan.posts
        .iter()
        .position(|p| p.id == post)
        .ok_or_else(|| Refusal(format!("There is no {post}.")))
}

/// Only an agency worker can be covering an absence or adding capacity.
pub(super) fn check_cover(contract: &Contract, covers: AgencyCover) -> Result<(), Refusal> {
    match cover_problem(contract, covers) {
        Some(_) => refuse(format!(
            "Only an agency worker can be marked \"{}\": this post is {}. Make its contract \
             agency first.",
            covers.label().to_lowercase(),
            contract.kind().label().to_lowercase()
        )),
        None => Ok(()),
    }
}

pub(super) fn post_mut(plan: &mut Plan, post: PostId) -> Result<&mut Post, Refusal> {
    let index = post_index(plan, post)?;
    Ok(&mut plan.posts[index])
}

pub(super) fn case_type_mut(plan: &mut Plan, id: CaseTypeId) -> Result<&mut CaseType, Refusal> {
    plan.case_types
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| Refusal(format!("There is no {id}.")))
}

pub(super) fn grade_mut(plan: &mut Plan, id: GradeId) -> Result<&mut Grade, Refusal> {
    plan.grades
        .iter_mut()
        .find(|g| g.id == id)
        .ok_or_else(|| Refusal(format!("There is no {id}.")))
}

pub(super) fn check_grade(plan: &Plan, grade: GradeId) -> Result<(), Refusal> {
    if plan.grades.iter().any(|g| g.id == grade) {
        Ok(())
    } else {
        refuse(format!("There is no {grade}."))
    }
}

pub(super) fn check_case_type(plan: &Plan, id: CaseTypeId) -> Result<(), Refusal> {
    if plan.case_types.iter().any(|c| c.id == id) {
        Ok(())
    } else {
        refuse(format!("There is no {id}."))
    }
}

/// Turns a rule's problem (from [`super::validate`]) into a refusal a user can read.
pub(super) fn rule(problem: Option<String>) -> Result<(), Refusal> {
    match problem {
        Some(message) => refuse(sentence(&message)),
        None => Ok(()),
    }
}

/// `fte must be ...` → `FTE must be ....`: the rules' wording, as a sentence.
pub(super) fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

pub(super) fn check_fte(fte: f64) -> Result<(), Refusal> {
    rule(fte_problem(fte))
}

pub(super) fn check_count(count: u32) -> Result<(), Refusal> {
    rule(count_problem(count).map(|m| format!("{m} cases")))
}

pub(super) fn check_weight(weight: f64) -> Result<(), Refusal> {
    rule(weight_problem(weight).map(|m| format!("the case {m}")))
}

pub(super) fn check_capacity(points: f64) -> Result<(), Refusal> {
    rule(capacity_problem(points).map(|m| format!("the grade's {m}")))
}

pub(super) fn check_contract(contract: &Contract) -> Result<(), Refusal> {
    rule(contract_problem(contract))
}

pub(super) fn check_settings(settings: &Settings) -> Result<(), Refusal> {
    rule(settings_problems(settings).into_iter().next())
}
