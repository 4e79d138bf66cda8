//! The states undo and redo put back, kept cheaply for plans of any size.
//!
//! A scenario's teams and posts are recorded in chunks shared between the states recorded one
//! after another: a chunk that holds the same items, in the same place, as the last state's is
//! the same chunk, not a copy. An edit to one post of a 42,000-post plan records one new chunk
//! of posts and a list of shared ones, so 300 such undo steps cost little more than the plan
//! once, and recording one compares the posts rather than copying them all. A post added or
//! deleted in the middle of the list shifts every chunk after it, and those are stored again.

use crate::model::scenarios::{OwnParts, Scenario, SharedParts};
use crate::model::{Assumptions, Post, ScenarioId, Team};
use std::collections::HashMap;
use std::sync::Arc;

/// Items in a chunk: small enough that an edit copies little, large enough that a state of
/// 42,000 posts is a short list of chunks.
const CHUNK: usize = 256;

/// A list recorded as chunks that later and earlier states share where they hold the same items.
#[derive(Clone, Debug)]
pub(super) struct Chunks<T>(Vec<Arc<[T]>>);

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks(Vec::new())
    }
}

impl<T: Clone + PartialEq> Chunks<T> {
    /// `items` in chunks, reusing each chunk of `last` that holds the same items in the same
    /// place; `last` becomes these chunks, for the next state recorded.
    fn of(items: &[T], last: &mut Vec<Arc<[T]>>) -> Self {
        let chunks: Vec<Arc<[T]>> = items
            .chunks(CHUNK)
            .enumerate()
            .map(|(i, part)| match last.get(i) {
                Some(old) if old[..] == *part => Arc::clone(old),
                _ => Arc::from(part),
            })
            .collect();
        last.clone_from(&chunks);
        Chunks(chunks)
    }

    /// The list again, as the plan holds it.
    fn to_vec(&self) -> Vec<T> {
        let mut items = Vec::with_capacity(self.0.iter().map(|c| c.len()).sum());
        for chunk in &self.0 {
            items.extend_from_slice(chunk);
        }
        items
    }
}

/// A scenario's own parts as recorded for undo.
#[derive(Clone, Debug, Default)]
pub(super) struct OwnState {
    name: String,
    teams: Chunks<Team>,
    posts: Chunks<Post>,
    assumptions: Assumptions,
}

impl OwnState {
    /// The parts the scenario gets back.
    pub fn to_parts(&self) -> OwnParts {
        OwnParts {
            name: self.name.clone(),
            teams: self.teams.to_vec(),
            posts: self.posts.to_vec(),
            assumptions: self.assumptions.clone(),
        }
    }
}

/// Each scenario's last recorded chunks, which the next state recorded shares where it can.
#[derive(Default)]
pub(super) struct LastRecorded {
    teams: HashMap<ScenarioId, Vec<Arc<[Team]>>>,
    posts: HashMap<ScenarioId, Vec<Arc<[Post]>>>,
}

impl LastRecorded {
    /// `scenario`'s own parts now, sharing the chunks unchanged since its last state.
    pub fn own(&mut self, scenario: &Scenario) -> OwnState {
        let id = scenario.id;
        OwnState {
            name: scenario.name.clone(),
            teams: Chunks::of(&scenario.plan.teams, self.teams.entry(id).or_default()),
            posts: Chunks::of(&scenario.plan.posts, self.posts.entry(id).or_default()),
            assumptions: scenario.plan.assumptions.clone(),
        }
    }

    /// Forgets a deleted scenario's chunks.
    pub fn forget(&mut self, id: ScenarioId) {
        self.teams.remove(&id);
        self.posts.remove(&id);
    }
}

/// The state of one scope before (on the undo list) or after (on the redo list) an edit.
#[derive(Clone, Debug)]
pub(super) enum Snapshot {
    Shared(SharedParts),
    Own(OwnState),
    /// A batch that changed the shared parts and one scenario's own (undone from that
    /// scenario). Boxed: the own parts' assumptions make it much larger than the others.
    Both(SharedParts, Box<OwnState>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_shares_every_chunk_that_did_not_change_and_gives_the_list_back() {
        let mut last = Vec::new();
        let items: Vec<u32> = (0..1000).collect();
        let first = Chunks::of(&items, &mut last);
        // 1,000 items: chunks of 256, 256, 256 and 232.
        assert_eq!(first.0.len(), 4);
        assert_eq!(first.0[3].len(), 232);

        let mut edited = items.clone();
        edited[600] = 7; // in the third chunk
        let second = Chunks::of(&edited, &mut last);
        let shared: Vec<bool> = (0..4)
            .map(|i| Arc::ptr_eq(&first.0[i], &second.0[i]))
            .collect();
        assert_eq!(shared, [true, true, false, true]);
        assert_eq!(first.to_vec(), items);
        assert_eq!(second.to_vec(), edited);

        // A list grown by one item: the last chunk is new, the others shared.
        edited.push(1000);
        let third = Chunks::of(&edited, &mut last);
        assert!(Arc::ptr_eq(&second.0[2], &third.0[2]));
        assert!(!Arc::ptr_eq(&second.0[3], &third.0[3]));
        assert_eq!(third.to_vec(), edited);
        assert_eq!(
            Chunks::of(&[] as &[u32], &mut last).to_vec(),
            Vec::<u32>::new()
        );
    }
}
