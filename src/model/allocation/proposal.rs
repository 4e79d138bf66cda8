//! A proposal: the moves an allocation or a balancing suggests, to preview and then apply as
//! one command.

use super::moves::{CaseMove, CaseSource};
use crate::model::anonymise::WorkerNames;
use crate::model::shown::{cases_of_type, printable, shortened};
use crate::model::{CaseCounts, Command, Plan, PostId, TeamId};
use std::collections::HashMap;

/// Moves to preview, then apply in one step with [`Proposal::command`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposal {
    /// One entry per (case type, from, to), ordered by source, then target, then case type.
    pub moves: Vec<CaseMove>,
    /// Waiting work that could not be placed within capacity, by team (allocation only).
    pub unplaced: Vec<(TeamId, CaseCounts)>,
}

impl Proposal {
    /// Whether nothing would move.
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty()
    }

    /// The command that makes every move, all or none.
    pub fn command(&self) -> Command {
        Command::MoveCases(self.moves.clone())
    }

    /// Cases that would change hands.
    pub fn cases_moved(&self) -> u64 {
        self.moves.iter().map(|m| u64::from(m.count)).sum()
    }

    /// Waiting cases that would stay waiting for want of room.
    pub fn cases_unplaced(&self) -> u64 {
        let counts = self.unplaced.iter().flat_map(|(_, c)| c.values());
        counts.map(|&n| u64::from(n)).sum()
    }

    /// One line per move, as a manager reads it: "3 child in need cases: A. Hall -> New
    /// worker 2", "1 child protection case: waiting in Locality North -> J. Brown".
    pub fn describe(&self, plan: &Plan) -> Vec<String> {
        self.describe_naming(plan, &WorkerNames::Real)
    }

    /// [`Proposal::describe`] with the workers named by `names` (anonymised or not).
    pub fn describe_naming(&self, plan: &Plan, names: &WorkerNames) -> Vec<String> {
        let posts: HashMap<PostId, std::borrow::Cow<'_, str>> = plan
            .posts
            .iter()
            .filter_map(|p| Some((p.id, names.worker(p)?)))
            .collect();
        let worker = |id: PostId| match posts.get(&id) {
            Some(name) => printable(&shortened(name)).into_owned(),
            None => format!("vacant {id}"),
        };
        let place = |from: CaseSource| match from {
            CaseSource::Post(id) => worker(id),
            CaseSource::Waiting(team) => match plan.team(team) {
                Some(t) => format!("waiting in {}", printable(&shortened(&t.name))),
                None => format!("waiting in {team}"),
            },
        };
        self.moves
            .iter()
            .map(|m| {
                let cases = match plan.case_types.iter().find(|c| c.id == m.case_type) {
                    Some(c) => cases_of_type(u64::from(m.count), &c.name),
                    None => format!("{} cases of {}", m.count, m.case_type),
                };
                format!("{cases}: {} -> {}", place(m.from), worker(m.to))
            })
            .collect()
    }
}
