//! Editing many posts at once: one change (team, grade, contract, what an agency worker
//! covers, dates, FTE, status) for every
//! selected post, or deleting them all. Each post's edit is checked against the plan: the posts
//! it suits change together in one [`Command::Batch`] of the ordinary per-post commands (one
//! undo step), the others are listed with the reason in a manager's words. Each post's edit is
//! tried on a working copy of the plan as it goes, in the batch's order, so the batch always
//! applies.
//!
//! Linear in the number of posts chosen times the plan's size (each command finds its post),
//! with one copy of the plan: a thousand posts of a thousand-post plan take milliseconds.

use super::checks::{check_contract, check_cover, check_fte, check_grade, rule, team_index};
use super::{Command, Refusal, apply_with, refuse};
use crate::model::shown::{count, printable, shortened};
use crate::model::validate::post_dates_problem;
use crate::model::{
    AbsenceReason, AgencyCover, Contract, GradeId, NextIds, Plan, Post, PostId, PostStatus, TeamId,
    YearMonth,
};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// What to change in every chosen post; `None` leaves that part of each post as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PostChanges {
    /// Moves the posts, with their workers' cases, to this team.
    pub team: Option<TeamId>,
    pub grade: Option<GradeId>,
    pub contract: Option<ContractChange>,
    /// What the agency workers cover; refused for posts not on an agency contract (after any
    /// change of contract).
    pub covers: Option<AgencyCover>,
    pub fte: Option<f64>,
    /// The month the posts start; `Some(None)` clears it (they exist from the plan's start).
    pub starts: Option<Option<YearMonth>>,
    /// The workers' last month; `Some(None)` clears it (not known to be leaving).
    pub leaves: Option<Option<YearMonth>>,
    pub status: Option<StatusChange>,
}

impl PostChanges {
    /// True when nothing is chosen to change.
    pub fn is_empty(&self) -> bool {
        *self == PostChanges::default()
    }
}

/// A change of contract for many posts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ContractChange {
    /// Every post on this contract (a fixed term with its months).
    Set(Contract),
    /// Each post's fixed-term contract ends in this month instead (extended or shortened),
    /// keeping its own start month. Refused for posts not on a fixed term.
    FixedTermEnds(YearMonth),
}

/// A change of status for many posts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChange {
    /// Back at work (vacant posts are left as they are).
    Working,
    /// Away; refused for vacant posts, which have no worker to be away.
    Absent {
        reason: AbsenceReason,
        returns: Option<YearMonth>,
    },
    /// The worker goes: the post is vacant and the worker's cases wait in the post's team.
    Vacant,
}

/// A post the change was not made to, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostRefusal {
    pub post: PostId,
    /// The post as a manager knows it: its worker, or "Vacant post 16 (Locality North)".
    pub who: String,
    pub reason: String,
}

impl fmt::Display for PostRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.who, self.reason)
    }
}

/// The outcome of a change to many posts: one command for the posts it is made to, and the
/// posts it is not made to, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkEdit {
    /// A [`Command::Batch`] of per-post commands (empty when no post changes).
    pub command: Command,
    /// The posts the command changes (or deletes), in the order chosen.
    pub changed: Vec<PostId>,
    /// Posts that already were as chosen.
    pub unchanged: usize,
    pub refused: Vec<PostRefusal>,
    deleting: bool,
}

/// Refusals named in a one-line summary; the rest are counted.
pub const REFUSALS_IN_SUMMARY: usize = 3;

impl BulkEdit {
    /// "Changed 12 posts; 2 refused: FT social worker 03: …; J. Brown: …" (the first few
    /// refusals named, the rest counted).
    pub fn summary(&self) -> String {
        let verb = if self.deleting { "Deleted" } else { "Changed" };
        let mut parts = Vec::new();
        if !self.changed.is_empty() {
            let posts = count(self.changed.len() as u64, "post", "posts");
            parts.push(format!("{verb} {posts}"));
        }
        if self.unchanged > 0 {
            let were = if self.unchanged == 1 { "was" } else { "were" };
            let posts = count(self.unchanged as u64, "post", "posts");
            parts.push(format!("{posts} {were} already as chosen"));
        }
        if !self.refused.is_empty() {
            let named: Vec<String> = self
                .refused
                .iter()
                .take(REFUSALS_IN_SUMMARY)
                .map(ToString::to_string)
                .collect();
            let more = self.refused.len().saturating_sub(REFUSALS_IN_SUMMARY);
            let mut refused = format!("{} refused: {}", self.refused.len(), named.join("; "));
            if more > 0 {
                refused.push_str(&format!("; and {more} more"));
            }
            parts.push(refused);
        }
        if self.changed.is_empty() {
            parts.insert(0, "No post changed".to_owned());
        }
        parts.join("; ")
    }
}

/// The post as a manager knows it: its worker's name, or "Vacant post 16 (Locality North)".
pub fn post_name(plan: &Plan, post: &Post) -> String {
    match &post.worker {
        Some(name) => printable(&shortened(name)).into_owned(),
        None => {
            let team = plan
                .team(post.team)
                .map_or_else(String::new, |t| printable(&shortened(&t.name)).into_owned());
            format!("Vacant post {} ({team})", post.id.0)
        }
    }
}

/// Works out `changes` for each of `posts` (in that order; repeats ignored). Refused as a
/// whole when the change itself cannot be made to any post (nothing chosen, an FTE of 1.5, a
/// contract that ends before it starts, a team or grade not in the plan); otherwise each post
/// is changed or listed as refused, with why.
pub fn bulk_edit(
    plan: &Plan,
    posts: &[PostId],
    changes: &PostChanges,
) -> Result<BulkEdit, Refusal> {
    check_changes(plan, changes)?;
    let mut copy = plan.clone();
    let mut ids = NextIds::of(plan);
    // Editing never adds or removes posts, so where each is stays where it is.
    let index: HashMap<PostId, usize> = plan
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let mut seen = HashSet::with_capacity(posts.len());
    let mut batch = Vec::new();
    let mut outcome = BulkEdit {
        command: Command::Batch(Vec::new()),
        changed: Vec::new(),
        unchanged: 0,
        refused: Vec::new(),
        deleting: false,
    };
    for &id in posts {
        if !seen.insert(id) {
            continue;
        }
        let Some(&i) = index.get(&id) else {
            outcome.refused.push(PostRefusal {
                post: id,
                who: format!("Post {}", id.0),
                reason: "it is no longer in the plan".to_owned(),
            });
            continue;
        };
        let before = copy.posts[i].clone();
        let tried = post_commands(&before, changes).and_then(|commands| {
            for command in commands.clone() {
                apply_with(&mut copy, command, &mut ids).map_err(|r| lower_first(&r.0))?;
            }
            Ok(commands)
        });
        match tried {
            Ok(commands) if commands.is_empty() => outcome.unchanged += 1,
            Ok(commands) => {
                batch.extend(commands);
                outcome.changed.push(id);
            }
            Err(reason) => {
                // Only this post changed (a vacancy's cases, which do go to its team, come
                // last and are never refused), so putting it back undoes the attempt.
                copy.posts[i] = before;
                outcome.refused.push(PostRefusal {
                    post: id,
                    who: post_name(plan, &plan.posts[i]),
                    reason,
                });
            }
        }
    }
    outcome.command = Command::Batch(batch);
    Ok(outcome)
}

/// Deletes each of `posts` still in the plan; their workers' cases wait in their teams.
pub fn bulk_delete(plan: &Plan, posts: &[PostId]) -> BulkEdit {
    let present: HashSet<PostId> = plan.posts.iter().map(|p| p.id).collect();
    let mut seen = HashSet::with_capacity(posts.len());
    let changed: Vec<PostId> = posts
        .iter()
        .copied()
        .filter(|id| present.contains(id) && seen.insert(*id))
        .collect();
    let refused = posts
        .iter()
        .filter(|id| !present.contains(id))
        .map(|&post| PostRefusal {
            post,
            who: format!("Post {}", post.0),
            reason: "it is no longer in the plan".to_owned(),
        })
        .collect();
    BulkEdit {
        command: Command::Batch(
            changed
                .iter()
                .map(|&post| Command::DeletePost { post })
                .collect(),
        ),
        changed,
        unchanged: 0,
        refused,
        deleting: true,
    }
}

/// Why `changes` cannot be made to any post, if so.
fn check_changes(plan: &Plan, changes: &PostChanges) -> Result<(), Refusal> {
    if changes.is_empty() {
        return refuse("Choose what to change first.");
    }
    if let Some(team) = changes.team {
        team_index(plan, team)?;
    }
    if let Some(grade) = changes.grade {
        check_grade(plan, grade)?;
    }
    if let Some(ContractChange::Set(contract)) = &changes.contract {
        check_contract(contract)?;
        if let Some(covers) = changes.covers {
            check_cover(contract, covers)?;
        }
    }
    if let Some(fte) = changes.fte {
        check_fte(fte)?;
    }
    if let (Some(starts), Some(leaves)) = (changes.starts, changes.leaves) {
        rule(post_dates_problem(starts, leaves))?;
    }
    if changes.status == Some(StatusChange::Vacant) && matches!(changes.leaves, Some(Some(_))) {
        return refuse(
            "Posts made vacant have no worker to leave: set when the workers leave, or make the \
             posts vacant, not both.",
        );
    }
    Ok(())
}

/// The commands that make `changes` to `post`, only for what differs (none when the post is
/// already as chosen), or why the change does not suit this post.
fn post_commands(post: &Post, changes: &PostChanges) -> Result<Vec<Command>, String> {
    let id = post.id;
    let mut commands = Vec::new();
    if let Some(team) = changes.team.filter(|&t| t != post.team) {
        commands.push(Command::MovePost { post: id, team });
    }
    if let Some(grade) = changes.grade.filter(|&g| g != post.grade) {
        commands.push(Command::SetPostGrade { post: id, grade });
    }
    let mut contract = post.contract;
    if let Some(change) = changes.contract {
        contract = new_contract(post.contract, change)?;
        if contract != post.contract {
            commands.push(Command::SetPostContract { post: id, contract });
        }
    }
    if let Some(covers) = changes.covers {
        // A contract other than agency has just reset what the post covers to a vacancy.
        let before = if contract == Contract::Agency {
            post.covers
        } else {
            AgencyCover::Vacancy
        };
        if covers != before {
            if contract != Contract::Agency {
                return Err(format!(
                    "not an agency worker ({}), so it cannot be marked \"{}\"",
                    contract.kind().label().to_lowercase(),
                    covers.label().to_lowercase()
                ));
            }
            commands.push(Command::SetAgencyCover { post: id, covers });
        }
    }
    if let Some(fte) = changes.fte.filter(|&f| f != post.fte) {
        commands.push(Command::SetPostFte { post: id, fte });
    }
    let starts = changes.starts.unwrap_or(post.starts);
    let leaves = changes.leaves.unwrap_or(post.leaves);
    if leaves.is_some() && leaves != post.leaves && post.is_vacant() {
        return Err("it is vacant, with no worker to leave".to_owned());
    }
    if (starts, leaves) != (post.starts, post.leaves) {
        if let Some(problem) = post_dates_problem(starts, leaves) {
            return Err(problem);
        }
        commands.push(Command::SetPostDates {
            post: id,
            starts,
            leaves,
        });
    }
    match changes.status {
        Some(StatusChange::Working) if post.is_absent() => {
            commands.push(Command::SetPostStatus {
                post: id,
                status: PostStatus::Active,
            });
        }
        Some(StatusChange::Absent { .. }) if post.is_vacant() => {
            return Err("it is vacant, with no worker to be absent".to_owned());
        }
        Some(StatusChange::Absent { reason, returns }) => {
            let status = PostStatus::Absent { reason, returns };
            if post.status != status {
                commands.push(Command::SetPostStatus { post: id, status });
            }
        }
        // Last: it sends the worker's cases to the team, which nothing after it could undo.
        Some(StatusChange::Vacant) if !post.is_vacant() => {
            commands.push(Command::SetPostWorker {
                post: id,
                worker: None,
            });
        }
        // Already so: working, or vacant.
        None | Some(StatusChange::Working | StatusChange::Vacant) => {}
    }
    Ok(commands)
}

/// The post's contract after `change`, or why it cannot be made.
fn new_contract(current: Contract, change: ContractChange) -> Result<Contract, String> {
    match (change, current) {
        (ContractChange::Set(contract), _) => Ok(contract),
        (ContractChange::FixedTermEnds(end), Contract::FixedTerm { start, .. }) => {
            if end < start {
                Err(format!(
                    "its fixed-term contract starts in {start}, so it cannot end in {end}"
                ))
            } else {
                Ok(Contract::FixedTerm { start, end })
            }
        }
        (ContractChange::FixedTermEnds(_), other) => Err(format!(
            "not on a fixed-term contract ({}), so there is no end month to change",
            other.kind().label().to_lowercase()
        )),
    }
}

/// A refusal's sentence as the second half of "J. Brown: …".
fn lower_first(message: &str) -> String {
    let message = message.strip_suffix('.').unwrap_or(message);
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
