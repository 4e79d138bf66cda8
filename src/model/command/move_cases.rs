//! [`super::Command::MoveCases`]: whole cases from workers, or from a team's waiting work, to
//! workers. Cases are neither created nor lost, and the moves apply all or none.

use super::{Refusal, checks::set_count, refuse};
use crate::model::allocation::{CaseMove, CaseSource};
use crate::model::shown::{cases_of_type, printable, shortened};
use crate::model::validate::MAX_CASE_COUNT;
use crate::model::{CaseTypeId, Plan, PostId};
use std::collections::HashMap;

/// Checks every move against the counts as the moves before it in the list leave them, then
/// makes them all; refused, the plan is unchanged.
pub(super) fn move_cases(plan: &mut Plan, moves: &[CaseMove]) -> Result<(), Refusal> {
    // Indexed once: a proposal can hold thousands of moves over thousands of posts.
    let posts: HashMap<PostId, usize> = plan
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let teams = plan.team_positions();
    let mut changes: HashMap<(CaseSource, CaseTypeId), i64> = HashMap::new();
    for m in moves {
        let Some(case_type) = plan.case_types.iter().find(|c| c.id == m.case_type) else {
            return refuse(format!("There is no {}.", m.case_type));
        };
        if m.count == 0 {
            return refuse("Move at least one case.");
        }
        let Some(&to) = posts.get(&m.to) else {
            return refuse(format!("There is no {}.", m.to));
        };
        let target = &plan.posts[to];
        let Some(receiver) = target.worker.as_deref().map(name) else {
            return refuse(format!(
                "Cases can only go to a named worker: {} is vacant.",
                m.to
            ));
        };
        if target.is_absent() {
            return refuse(format!(
                "{receiver} is away: cases can only go to a worker who is at work."
            ));
        }
        if m.from == CaseSource::Post(m.to) {
            return refuse(format!("{receiver} already holds these cases."));
        }
        let (giver, held) = match m.from {
            CaseSource::Post(id) => {
                let Some(&i) = posts.get(&id) else {
                    return refuse(format!("There is no {id}."));
                };
                let post = &plan.posts[i];
                let who = post
                    .worker
                    .as_deref()
                    .map_or_else(|| format!("Vacant {id}"), name);
                (who, post.cases.get(&m.case_type))
            }
            CaseSource::Waiting(id) => {
                let Some(&i) = teams.get(&id) else {
                    return refuse(format!("There is no {id}."));
                };
                let team = &plan.teams[i];
                (name(&team.name), team.unallocated.get(&m.case_type))
            }
        };
        let change = |at: CaseSource| changes.get(&(at, m.case_type)).copied().unwrap_or(0);
        let left = i64::from(held.copied().unwrap_or(0)) + change(m.from);
        if left < i64::from(m.count) {
            let left = cases_of_type(left.unsigned_abs(), &case_type.name);
            let (verb, waiting) = match m.from {
                CaseSource::Post(_) => ("holds", ""),
                CaseSource::Waiting(_) => ("has", " waiting"),
            };
            return refuse(format!(
                "{giver} {verb} {left}{waiting}, not the {} to move.",
                m.count
            ));
        }
        let held_after = i64::from(target.cases.get(&m.case_type).copied().unwrap_or(0))
            + change(CaseSource::Post(m.to))
            + i64::from(m.count);
        if held_after > i64::from(MAX_CASE_COUNT) {
            return refuse(format!(
                "{receiver} would hold {}: more than the plausible {MAX_CASE_COUNT}.",
                cases_of_type(held_after.unsigned_abs(), &case_type.name)
            ));
        }
        *changes.entry((m.from, m.case_type)).or_default() -= i64::from(m.count);
        *changes
            .entry((CaseSource::Post(m.to), m.case_type))
            .or_default() += i64::from(m.count);
    }

    // Every change was checked to leave a count from 0 to the plausible maximum.
    let count = |held: Option<&u32>, change: i64| {
        u32::try_from(i64::from(held.copied().unwrap_or(0)) + change).unwrap_or(0)
    };
    for ((at, case_type), change) in changes {
        let counts = match at {
            CaseSource::Post(id) => &mut plan.posts[posts[&id]].cases,
            CaseSource::Waiting(id) => &mut plan.teams[teams[&id]].unallocated,
        };
        let n = count(counts.get(&case_type), change);
        set_count(counts, case_type, n);
    }
    Ok(())
}

fn name(text: &str) -> String {
    printable(&shortened(text)).into_owned()
}

#[cfg(test)]
mod tests;
