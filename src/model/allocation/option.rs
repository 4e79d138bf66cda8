//! "Make an option with these posts": the posts that close a team's staff gap, and the one
//! command that adds them, filled, and gives them work (waiting work first, then a share of
//! the team's caseloads), so Compare shows what the staff would change.

use super::{Scope, allocate_waiting, balance};
use crate::model::command::{MAX_POSTS_AT_ONCE, apply_with};
use crate::model::{Assessment, Command, Contract, GradeId, NextIds, Plan, Refusal, TeamId};

/// Which of the staff-needed targets the posts are to meet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NeedTarget {
    /// All cases per practitioner FTE at the plan's caseload target.
    #[default]
    CaseloadTarget,
    /// Utilisation, waiting work included, at 100%.
    FullUtilisation,
}

impl NeedTarget {
    pub const ALL: [NeedTarget; 2] = [NeedTarget::CaseloadTarget, NeedTarget::FullUtilisation];

    pub fn label(self) -> &'static str {
        match self {
            NeedTarget::CaseloadTarget => "the caseload target",
            NeedTarget::FullUtilisation => "100% utilisation",
        }
    }
}

/// Whole posts for one team: `count` full-time posts at `grade`, for a gap of `short_fte`.
#[derive(Clone, Debug, PartialEq)]
pub struct PostsToAdd {
    pub team: TeamId,
    pub grade: GradeId,
    pub count: u32,
    pub short_fte: f64,
}

/// For each of `teams` short of staff for `target`: full-time posts at the grade its gap is
/// costed at (its main case-holding grade), as many as close the gap (the FTE short rounded up
/// to whole posts, at most [`MAX_POSTS_AT_ONCE`]). Teams with no gap, or no grade to cost at,
/// get none. Per team, not pooled: the posts go where the work is.
pub fn posts_to_close_gap(
    assessment: &Assessment,
    teams: &[TeamId],
    target: NeedTarget,
) -> Vec<PostsToAdd> {
    teams
        .iter()
        .filter_map(|&team| {
            let needed = &assessment.team(team)?.totals.needed;
            let need = match target {
                NeedTarget::CaseloadTarget => needed.for_caseload_target,
                NeedTarget::FullUtilisation => needed.for_full_utilisation,
            };
            let short = need.gap.filter(|&g| g > 0.0)?;
            // A gap of 2.0000000001 from rounding is two posts, not three.
            let count = (short - 1e-9)
                .ceil()
                .clamp(1.0, f64::from(MAX_POSTS_AT_ONCE)) as u32;
            Some(PostsToAdd {
                team,
                grade: needed.rate_grade?,
                count,
                short_fte: short,
            })
        })
        .collect()
}

/// One command (one undo step) that adds `posts`, each filled by a new worker on `contract`,
/// then in each team allocates its waiting work and balances its caseloads onto them. Worked
/// out on a copy of `plan` with the scenario set's `ids`, so applied to `plan` with those ids
/// it does exactly what was worked out. Refused as adding the posts would be (a contract
/// ending before it starts, too many posts).
pub fn option_command(
    plan: &Plan,
    ids: NextIds,
    posts: &[PostsToAdd],
    contract: Contract,
) -> Result<Command, Refusal> {
    let mut copy = plan.clone();
    let mut copy_ids = ids;
    let mut commands = Vec::new();
    let mut step = |command: Command, copy: &mut Plan| -> Result<(), Refusal> {
        apply_with(copy, command.clone(), &mut copy_ids)?;
        commands.push(command);
        Ok(())
    };
    for p in posts {
        step(
            Command::AddFilledPosts {
                team: p.team,
                grade: p.grade,
                contract,
                fte: 1.0,
                count: p.count,
            },
            &mut copy,
        )?;
    }
    for p in posts {
        let scope = Scope {
            teams: vec![p.team],
            ..Scope::default()
        };
        let allocation = allocate_waiting(&copy, &scope);
        if !allocation.is_empty() {
            step(allocation.command(), &mut copy)?;
        }
        let balancing = balance(&copy, &scope);
        if !balancing.is_empty() {
            step(balancing.command(), &mut copy)?;
        }
    }
    Ok(Command::Batch(commands))
}

#[cfg(test)]
mod tests;
