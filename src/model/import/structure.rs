//! The teams and posts that the rows of a staff list describe, put in place of a plan's own.
//!
//! A team of the same name as one the plan has is that team (same id, function and waiting
//! work). A row is the plan's post it names by number (`P12`, as the app's export writes
//! post 12) or, failing that, the post of the same worker (when the name is unique on both
//! sides): it keeps its id, so Compare and the list of changes follow it, and its cases when
//! the worker is still the same. Cases of workers who are no longer there go to their team's
//! waiting work when the team stays, and are dropped with the team when it does not.

use super::guesses::guess_team_function;
use super::mapping::{ImportMapping, index};
use super::rows::Draft;
use super::words::{normalise, person_key};
use crate::model::{CaseCounts, NextIds, Plan, Post, PostId, Team, TeamId};
use std::collections::{HashMap, HashSet};

/// The structure built, and what it did to the plan's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    pub teams: Vec<Team>,
    pub posts: Vec<Post>,
    /// The row of the file each post comes from, in the order of `posts`.
    pub post_rows: Vec<usize>,
    /// The teams the import creates.
    pub new_teams: Vec<TeamId>,
    /// The plan's teams that the file does not have (removed with their posts).
    pub teams_removed: Vec<String>,
    /// The plan's posts found again in the file (by number or worker).
    pub posts_kept: usize,
    /// The plan's posts the file does not have.
    pub posts_removed: usize,
    /// Cases of workers no longer in their post, now waiting in their team.
    pub cases_to_waiting: u64,
    /// Cases held in, or waiting in, teams that the file does not have.
    pub cases_dropped: u64,
    /// Each employee or post number of the file, normalised, and the post it became.
    pub numbers: HashMap<String, PostId>,
}

/// Post `n` as the app's export numbers it: `P12` → 12.
pub fn post_number(text: &str) -> Option<u32> {
    let text = text.trim();
    let digits = text.strip_prefix(['P', 'p'])?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Builds the structure from `drafts` in place of `base`'s, new ids taken from `ids`.
/// `None` when the plan has used up every id.
pub(super) fn build(
    drafts: Vec<Draft>,
    mapping: &ImportMapping,
    base: &Plan,
    mut ids: NextIds,
) -> Option<Structure> {
    let mut out = Structure::default();
    let functions = index(&mapping.new_team_functions);

    // Teams: the plan's own in their order, then the new ones as the file first names them.
    let mut team_of: HashMap<String, TeamId> = HashMap::new();
    let mut used: HashSet<TeamId> = HashSet::new();
    let mut new_teams: Vec<Team> = Vec::new();
    for draft in &drafts {
        let key = normalise(&draft.team);
        if team_of.contains_key(&key) {
            continue;
        }
        let id = match base.teams.iter().find(|t| normalise(&t.name) == key) {
            Some(existing) => existing.id,
            None => {
                let id = TeamId(NextIds::take(&mut ids.team, 1)?);
                new_teams.push(Team {
                    id,
                    name: draft.team.trim().to_owned(),
                    function: functions
                        .get(&key)
                        .map_or_else(|| guess_team_function(&draft.team), |f| **f),
                    unallocated: CaseCounts::new(),
                });
                out.new_teams.push(id);
                id
            }
        };
        used.insert(id);
        team_of.insert(key, id);
    }
    for team in &base.teams {
        if used.contains(&team.id) {
            out.teams.push(team.clone());
        } else {
            out.teams_removed.push(team.name.clone());
            out.cases_dropped += total(&team.unallocated);
        }
    }
    out.teams.extend(new_teams);

    // Posts: matched by number, then by a worker's name unique on both sides.
    let old: HashMap<PostId, &Post> = base.posts.iter().map(|p| (p.id, p)).collect();
    let mut by_worker: HashMap<String, Option<PostId>> = HashMap::new();
    for p in &base.posts {
        if let Some(name) = &p.worker {
            by_worker
                .entry(person_key(name))
                .and_modify(|id| *id = None)
                .or_insert(Some(p.id));
        }
    }
    let mut rows_by_worker: HashMap<String, usize> = HashMap::new();
    for d in &drafts {
        if let Some(name) = &d.worker {
            *rows_by_worker.entry(person_key(name)).or_default() += 1;
        }
    }
    let mut taken: HashSet<PostId> = HashSet::new();
    let mut matched: Vec<Option<PostId>> = drafts
        .iter()
        .map(|d| {
            let id = d.number.as_deref().and_then(post_number).map(PostId)?;
            (old.contains_key(&id) && taken.insert(id)).then_some(id)
        })
        .collect();
    for (d, found) in drafts.iter().zip(&mut matched) {
        if found.is_some() {
            continue;
        }
        let Some(key) = d.worker.as_deref().map(person_key) else {
            continue;
        };
        if rows_by_worker.get(&key) == Some(&1)
            && let Some(Some(id)) = by_worker.get(&key)
            && taken.insert(*id)
        {
            *found = Some(*id);
        }
    }

    let mut waiting: Vec<(TeamId, CaseCounts)> = Vec::new();
    for (draft, found) in drafts.into_iter().zip(matched) {
        let id = match found {
            Some(id) => id,
            None => PostId(NextIds::take(&mut ids.post, 1)?),
        };
        let mut cases = CaseCounts::new();
        if let Some(before) = found.and_then(|id| old.get(&id)) {
            out.posts_kept += 1;
            let same_worker = match (&before.worker, &draft.worker) {
                (Some(a), Some(b)) => person_key(a) == person_key(b),
                _ => false,
            };
            if same_worker {
                cases = before.cases.clone();
            } else {
                waiting.push((before.team, before.cases.clone()));
            }
        }
        if let Some(number) = &draft.number {
            out.numbers.insert(normalise(number), id);
        }
        out.post_rows.push(draft.row);
        out.posts.push(Post {
            reductions: Vec::new(),
            id,
            team: team_of[&normalise(&draft.team)],
            grade: draft.grade,
            contract: draft.contract,
            fte: draft.fte,
            worker: draft.worker,
            status: draft.status,
            cases,
            starts: draft.starts,
            leaves: draft.leaves,
            covers: draft.covers,
        });
    }
    for p in &base.posts {
        if !taken.contains(&p.id) {
            out.posts_removed += 1;
            waiting.push((p.team, p.cases.clone()));
        }
    }
    for (team, cases) in waiting {
        match out.teams.iter_mut().find(|t| t.id == team) {
            Some(t) => {
                out.cases_to_waiting += total(&cases);
                t.receive_unallocated(&cases);
            }
            None => out.cases_dropped += total(&cases),
        }
    }
    Some(out)
}

fn total(cases: &CaseCounts) -> u64 {
    cases.values().map(|&n| u64::from(n)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_numbers_as_the_export_writes_them() {
        assert_eq!(post_number("P12"), Some(12));
        assert_eq!(post_number(" p7 "), Some(7));
        assert_eq!(post_number("12"), None);
        assert_eq!(post_number("P"), None);
        assert_eq!(post_number("PO3"), None);
        assert_eq!(post_number("P99999999999"), None);
    }
}
