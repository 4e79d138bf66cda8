//! Adding a cohort of posts: as vacancies, or each filled by a new worker so the cohort counts
//! in capacity at once (18 fixed-term social workers are one command, not 36 edits).

use super::checks::{check_contract, check_fte, check_grade, team_index};
use super::{MAX_POSTS_AT_ONCE, Refusal, refuse, take_ids};
use crate::model::{
    AgencyCover, CaseCounts, Contract, GradeId, NextIds, Plan, Post, PostId, PostStatus, TeamId,
};

/// What every post of a cohort has in common.
pub(super) struct Cohort {
    pub team: TeamId,
    pub grade: GradeId,
    pub contract: Contract,
    pub fte: f64,
    pub count: u32,
}

/// How the workers of filled posts are named, numbered on: "New worker 1", "New worker 2", …
pub const NEW_WORKER: &str = "New worker";

/// Adds the cohort's posts at the end of the plan; `filled`, each has a new worker named
/// [`NEW_WORKER`] and a number no worker of the plan has yet.
pub(super) fn add_posts(
    plan: &mut Plan,
    ids: &mut NextIds,
    cohort: Cohort,
    filled: bool,
) -> Result<Vec<PostId>, Refusal> {
    let Cohort {
        team,
        grade,
        contract,
        fte,
        count,
    } = cohort;
    team_index(plan, team)?;
    check_grade(plan, grade)?;
    check_fte(fte)?;
    check_contract(&contract)?;
    if count == 0 || count > MAX_POSTS_AT_ONCE {
        return refuse(format!(
            "Add from 1 to {MAX_POSTS_AT_ONCE} posts at a time."
        ));
    }
    let first = take_ids(&mut ids.post, count)?;
    let new: Vec<PostId> = (first..first + count).map(PostId).collect();
    let first_number = next_worker_number(plan);
    plan.posts
        .extend(new.iter().zip(first_number..).map(|(&id, number)| Post {
            reductions: Vec::new(),
            id,
            team,
            grade,
            contract,
            fte,
            worker: filled.then(|| format!("{NEW_WORKER} {number}")),
            status: PostStatus::Active,
            cases: CaseCounts::new(),
            starts: None,
            leaves: None,
            covers: AgencyCover::Vacancy,
        }));
    Ok(new)
}

/// One more than the largest number of a "New worker N" in the plan (1 when there is none), so
/// new workers' names never repeat one already there.
fn next_worker_number(plan: &Plan) -> u64 {
    let prefix = format!("{NEW_WORKER} ");
    plan.posts
        .iter()
        .filter_map(|p| {
            p.worker
                .as_deref()?
                .strip_prefix(&prefix)?
                .parse::<u64>()
                .ok()
        })
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::{self, grade::SOCIAL_WORKER};
    use crate::model::{Command, Created, YearMonth, apply, assess, validate};

    fn plan_with_team() -> (Plan, TeamId) {
        let mut plan = defaults::new_plan();
        let Ok(Created::Team(team)) = apply(
            &mut plan,
            Command::AddTeam {
                name: "Fixed-term team".into(),
                function: crate::model::TeamFunction::ChildInNeedProtection,
            },
        ) else {
            panic!("team not added")
        };
        (plan, team)
    }

    fn fixed_term() -> Contract {
        Contract::FixedTerm {
            start: YearMonth::new(2026, 4).unwrap(),
            end: YearMonth::new(2027, 3).unwrap(),
        }
    }

    #[test]
    fn eighteen_filled_fixed_term_posts_count_in_capacity_at_once() {
        let (mut plan, team) = plan_with_team();
        let created = apply(
            &mut plan,
            Command::AddFilledPosts {
                team,
                grade: SOCIAL_WORKER,
                contract: fixed_term(),
                fte: 1.0,
                count: 18,
            },
        )
        .unwrap();
        let Created::Posts(ids) = created else {
            panic!("posts not created: {created:?}")
        };
        assert_eq!(ids.len(), 18);
        let names: Vec<_> = plan.posts.iter().map(|p| p.worker.clone()).collect();
        let expected: Vec<_> = (1..=18).map(|n| Some(format!("New worker {n}"))).collect();
        assert_eq!(names, expected);
        assert!(plan.posts.iter().all(|p| p.contract == fixed_term()));
        assert_eq!(validate(&plan), vec![]);
        // A social worker's capacity is 20 points a full-time worker: 18 x 20 = 360 points.
        let a = assess(&plan);
        assert!((a.service.sums.capacity_points - 360.0).abs() < 1e-9);
    }

    #[test]
    fn vacancies_add_no_capacity_and_no_names() {
        let (mut plan, team) = plan_with_team();
        apply(
            &mut plan,
            Command::AddPosts {
                team,
                grade: SOCIAL_WORKER,
                contract: fixed_term(),
                fte: 1.0,
                count: 18,
            },
        )
        .unwrap();
        assert!(plan.posts.iter().all(Post::is_vacant));
        assert_eq!(assess(&plan).service.sums.capacity_points, 0.0);
    }

    #[test]
    fn new_workers_are_numbered_on_from_those_already_there() {
        let (mut plan, team) = plan_with_team();
        let add = |count| Command::AddFilledPosts {
            team,
            grade: SOCIAL_WORKER,
            contract: Contract::Agency,
            fte: 0.5,
            count,
        };
        apply(&mut plan, add(2)).unwrap();
        // A worker renamed "New worker 7" by hand: the next cohort starts after it.
        let second = plan.posts[1].id;
        apply(
            &mut plan,
            Command::SetPostWorker {
                post: second,
                worker: Some("New worker 7".into()),
            },
        )
        .unwrap();
        apply(&mut plan, add(2)).unwrap();
        let names: Vec<_> = plan.posts.iter().filter_map(|p| p.worker.clone()).collect();
        assert_eq!(
            names,
            [
                "New worker 1",
                "New worker 7",
                "New worker 8",
                "New worker 9"
            ]
        );
    }

    #[test]
    fn a_cohort_is_refused_whole_with_its_reason() {
        let (mut plan, team) = plan_with_team();
        let before = plan.clone();
        let cohort = |fte, count| Command::AddFilledPosts {
            team,
            grade: SOCIAL_WORKER,
            contract: Contract::Permanent,
            fte,
            count,
        };
        assert_eq!(
            apply(&mut plan, cohort(1.5, 3)).unwrap_err().0,
            "FTE must be above 0 and at most 1, not 1.5."
        );
        assert_eq!(
            apply(&mut plan, cohort(1.0, 0)).unwrap_err().0,
            "Add from 1 to 200 posts at a time."
        );
        assert_eq!(plan, before);
    }
}
