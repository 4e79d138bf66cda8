//! Replacing a scenario's whole structure (its teams and posts) at once: what an import of a
//! staff list proposes, applied as one command so it is one undo step.
//!
//! The new teams and posts come with their ids. An id the scenario already has means the same
//! team or post as before (so the list of changes and the demand assumptions keep following
//! it); any other id must be one no scenario has used yet (at or past [`NextIds`]), and the
//! plan's next ids move past it. The result is checked by the same rules as a loaded file.

use super::{Refusal, refuse};
use crate::model::validate::validate;
use crate::model::{NextIds, Plan, Post, Team};
use std::collections::HashSet;

/// Puts `teams` and `posts` in place of the scenario's own, or refuses and changes nothing.
/// Demand assumptions for teams no longer there are dropped, as when a team is deleted.
pub(super) fn replace_structure(
    plan: &mut Plan,
    ids: &mut NextIds,
    teams: Vec<Team>,
    posts: Vec<Post>,
) -> Result<(), Refusal> {
    let old_teams: HashSet<u32> = plan.teams.iter().map(|t| t.id.0).collect();
    let old_posts: HashSet<u32> = plan.posts.iter().map(|p| p.id.0).collect();
    let next_team = fresh_ids(teams.iter().map(|t| t.id.0), &old_teams, ids.team, "team")?;
    let next_post = fresh_ids(posts.iter().map(|p| p.id.0), &old_posts, ids.post, "post")?;

    let mut candidate = plan.clone();
    candidate.teams = teams;
    candidate.posts = posts;
    let kept: HashSet<_> = candidate.teams.iter().map(|t| t.id).collect();
    candidate
        .assumptions
        .demand
        .retain(|team, _| kept.contains(team));
    if let Some(problem) = validate(&candidate).into_iter().next() {
        return refuse(format!("The new structure cannot be used: {problem}."));
    }
    *plan = candidate;
    ids.team = ids.team.max(next_team);
    ids.post = ids.post.max(next_post);
    Ok(())
}

/// Checks that every id in `new` is either in `old` or fresh (at least `next`), and returns
/// the next id to give afterwards. `what` names the kind in the refusal.
fn fresh_ids(
    new: impl Iterator<Item = u32>,
    old: &HashSet<u32>,
    next: u32,
    what: &str,
) -> Result<u32, Refusal> {
    let mut after = next;
    for id in new {
        if old.contains(&id) {
            continue;
        }
        if id < next {
            return refuse(format!(
                "The new structure cannot be used: {what} {id} is not in this scenario and its \
                 number may already be used in another. Prepare the change again."
            ));
        }
        after = after.max(id.checked_add(1).ok_or_else(|| {
            Refusal(format!(
                "Nothing new can be numbered: this plan already uses the largest possible id ({}).",
                u32::MAX
            ))
        })?);
    }
    Ok(after)
}

#[cfg(test)]
mod tests {
    use crate::model::defaults::{self, grade::SOCIAL_WORKER};
    use crate::model::{
        CaseCounts, Command, Contract, NextIds, Post, PostId, PostStatus, Team, TeamFunction,
        TeamId, command::apply_with,
    };

    fn team(id: u32, name: &str) -> Team {
        Team {
            id: TeamId(id),
            name: name.into(),
            function: TeamFunction::Other,
            unallocated: CaseCounts::new(),
        }
    }

    fn post(id: u32, team: u32, fte: f64) -> Post {
        Post {
            reductions: Vec::new(),
            id: PostId(id),
            team: TeamId(team),
            grade: SOCIAL_WORKER,
            contract: Contract::Permanent,
            fte,
            worker: Some(format!("Worker {id}")),
            status: PostStatus::Active,
            cases: CaseCounts::new(),
            starts: None,
            leaves: None,
            covers: Default::default(),
        }
    }

    /// A plan with team 1 (posts 1 and 2) and team 2 (post 3), demand assumptions for both.
    fn plan() -> crate::model::Plan {
        let mut plan = defaults::new_plan();
        plan.teams = vec![team(1, "North"), team(2, "South")];
        plan.posts = vec![post(1, 1, 1.0), post(2, 1, 0.5), post(3, 2, 1.0)];
        for t in [1, 2] {
            plan.assumptions
                .demand
                .insert(TeamId(t), crate::model::DemandChange::MonthlyGrowth(0.01));
        }
        plan
    }

    #[test]
    fn kept_ids_stay_new_ids_move_the_next_ids_on_and_dropped_teams_lose_their_demand() {
        let mut plan = plan();
        let mut ids = NextIds {
            team: 5,
            post: 10,
            ..NextIds::of(&plan)
        };
        let teams = vec![team(1, "North"), team(7, "East")];
        let posts = vec![post(2, 1, 0.8), post(12, 7, 1.0)];
        let command = Command::ReplaceStructure {
            teams: teams.clone(),
            posts: posts.clone(),
        };
        apply_with(&mut plan, command, &mut ids).unwrap();
        assert_eq!((plan.teams, plan.posts), (teams, posts));
        // Team 7 and post 12 were fresh: the next ones are 8 and 13.
        assert_eq!((ids.team, ids.post), (8, 13));
        assert_eq!(
            plan.assumptions.demand.keys().copied().collect::<Vec<_>>(),
            [TeamId(1)]
        );
    }

    #[test]
    fn an_id_that_may_be_used_elsewhere_or_an_invalid_structure_is_refused_whole() {
        let before = plan();
        let ids = NextIds {
            team: 5,
            post: 10,
            ..NextIds::of(&before)
        };
        let refused = |teams, posts| {
            let mut plan = before.clone();
            let mut after = ids;
            let reason = apply_with(
                &mut plan,
                Command::ReplaceStructure { teams, posts },
                &mut after,
            )
            .unwrap_err()
            .0;
            assert_eq!((&plan, after), (&before, ids));
            reason
        };
        // Post 4 is not in this scenario but below the next id: another option may hold it.
        assert_eq!(
            refused(vec![team(1, "North")], vec![post(4, 1, 1.0)]),
            "The new structure cannot be used: post 4 is not in this scenario and its number may \
             already be used in another. Prepare the change again."
        );
        assert_eq!(
            refused(vec![team(1, "North")], vec![post(1, 1, 1.2)]),
            "The new structure cannot be used: post 1 (in team 1 \"North\"): FTE must be above 0 \
             and at most 1, not 1.2."
        );
        assert_eq!(
            refused(vec![team(1, "North")], vec![post(3, 2, 1.0)]),
            "The new structure cannot be used: post 3: belongs to team 2, which is not in the \
             plan."
        );
    }
}
