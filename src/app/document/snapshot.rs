//! The states undo and redo put back, kept cheaply for plans of any size.
//!
//! A scenario's teams and posts are recorded in chunks shared between the states recorded one
//! after another: a chunk that holds the same items as one of the last state's is that chunk,
//! not a copy. Where a chunk ends is decided by its last item's id (about one id in 128 ends
//! one), not by its position, so adding or deleting a post changes only the chunk it is in.
//! An edit to one post of a 42,000-post plan records one new chunk of posts and a list of
//! shared ones, so 300 undo steps cost little more than the plan once, and recording one
//! compares the posts rather than copying them all.

use crate::model::scenarios::{OwnParts, Scenario, SharedParts};
use crate::model::{Assumptions, Post, ScenarioId, Team};
use std::collections::HashMap;
use std::sync::Arc;

/// About one item in this many ends a chunk: small enough that an edit copies little, large
/// enough that a state of 42,000 posts is a short list of chunks.
const MEAN_CHUNK: u64 = 128;

/// No chunk is longer, whatever its ids.
const MAX_CHUNK: usize = 1024;

/// Items whose id decides where chunks end.
pub(super) trait Keyed {
    fn key(&self) -> u32;
}

impl Keyed for Post {
    fn key(&self) -> u32 {
        self.id.0
    }
}

impl Keyed for Team {
    fn key(&self) -> u32 {
        self.id.0
    }
}

/// Whether the item with id `key` ends a chunk: about one in [`MEAN_CHUNK`], spread over the
/// ids by a mix (SplitMix64's finaliser), so runs of consecutive ids are cut too.
fn ends_chunk(key: u32) -> bool {
    let mut z = u64::from(key).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) % MEAN_CHUNK == 0
}

/// The last state's chunks of one list, found by their first item's id.
pub(super) type LastChunks<T> = HashMap<u32, Arc<[T]>>;

/// A list recorded as chunks that later and earlier states share where they hold the same items.
#[derive(Clone, Debug)]
pub(super) struct Chunks<T>(Vec<Arc<[T]>>);

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks(Vec::new())
    }
}

impl<T: Clone + PartialEq + Keyed> Chunks<T> {
    /// `items` in chunks, reusing each chunk of `last` that holds the same items; `last`
    /// becomes these chunks, for the next state recorded.
    fn of(items: &[T], last: &mut LastChunks<T>) -> Self {
        let mut chunks = Vec::new();
        let mut start = 0;
        for (i, item) in items.iter().enumerate() {
            let end = i + 1;
            if end == items.len() || end - start == MAX_CHUNK || ends_chunk(item.key()) {
                let part = &items[start..end];
                chunks.push(match last.get(&part[0].key()) {
                    Some(old) if old[..] == *part => Arc::clone(old),
                    _ => Arc::from(part),
                });
                start = end;
            }
        }
        *last = chunks.iter().map(|c| (c[0].key(), Arc::clone(c))).collect();
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
    teams: HashMap<ScenarioId, LastChunks<Team>>,
    posts: HashMap<ScenarioId, LastChunks<Post>>,
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

    #[derive(Clone, Debug, PartialEq)]
    struct Item(u32, u32);

    impl Keyed for Item {
        fn key(&self) -> u32 {
            self.0
        }
    }

    fn items(ids: impl Iterator<Item = u32>) -> Vec<Item> {
        ids.map(|id| Item(id, 0)).collect()
    }

    /// How many chunks of `after` are chunks of `before` (the same allocation).
    fn shared(before: &Chunks<Item>, after: &Chunks<Item>) -> usize {
        after
            .0
            .iter()
            .filter(|c| before.0.iter().any(|b| Arc::ptr_eq(b, c)))
            .count()
    }

    #[test]
    fn chunks_end_at_about_one_id_in_128_and_never_run_past_1024() {
        let list = items(1..=42_000);
        let chunks = Chunks::of(&list, &mut LastChunks::default());
        let n = chunks.0.len();
        assert!((200..500).contains(&n), "{n} chunks for 42,000 items");
        assert!(chunks.0.iter().all(|c| c.len() <= MAX_CHUNK));
        assert_eq!(chunks.to_vec(), list);
        // Ids that never end a chunk are still cut every 1,024 items.
        let uncut: Vec<Item> = (1..)
            .filter(|&id| !ends_chunk(id))
            .take(3_000)
            .map(|id| Item(id, 0))
            .collect();
        let lengths: Vec<usize> = Chunks::of(&uncut, &mut LastChunks::default())
            .0
            .iter()
            .map(|c| c.len())
            .collect();
        assert_eq!(lengths, [1024, 1024, 952]);
    }

    #[test]
    fn an_edit_added_or_deleted_item_stores_only_its_own_chunk_again() {
        let mut last = LastChunks::default();
        let list = items(1..=10_000);
        let first = Chunks::of(&list, &mut last);
        let n = first.0.len();

        // One item changed in place.
        let mut edited = list.clone();
        edited[5_000].1 = 7;
        let second = Chunks::of(&edited, &mut last);
        assert_eq!(shared(&first, &second), n - 1);
        assert_eq!(second.to_vec(), edited);

        // One item deleted from the middle: the chunks after it still share.
        let mut deleted = edited.clone();
        deleted.remove(2_000);
        let third = Chunks::of(&deleted, &mut last);
        assert!(
            shared(&second, &third) >= n - 2,
            "only the chunk it was in is new"
        );
        assert_eq!(third.to_vec(), deleted);

        // One item added in the middle.
        let mut added = deleted.clone();
        added.insert(7_000, Item(20_000, 0));
        let fourth = Chunks::of(&added, &mut last);
        assert!(shared(&third, &fourth) >= third.0.len() - 2);
        assert_eq!(fourth.to_vec(), added);

        // Every state still gives its own list back.
        assert_eq!(first.to_vec(), list);
        assert_eq!(
            Chunks::of(&[] as &[Item], &mut last).to_vec(),
            Vec::<Item>::new()
        );
    }
}
