//! Choosing many posts in the Posts table, as file lists do: a click chooses one post, Ctrl+click
//! (Cmd+click on a Mac) adds or removes one, Shift+click chooses the range from the post last
//! clicked in the table's current order, and "Select all" every post the filters show.
//!
//! One post chosen is [`Selection::Post`], so the inspector shows it as ever; several are
//! [`Selection::Posts`], their ids kept here as a set (so a row's highlight is one lookup, and a
//! thousand chosen posts cost nothing per frame).

use super::state::Selection;
use crate::model::PostId;
use egui::Modifiers;
use std::collections::HashSet;

/// The posts chosen when several are, and where a Shift+click range starts.
#[derive(Clone, Debug, Default)]
pub struct PostSelection {
    /// Meaningful while the selection is [`Selection::Posts`].
    ids: HashSet<PostId>,
    /// The post last clicked without Shift: one end of a Shift+click range.
    anchor: Option<PostId>,
}

/// What a click on a row does, from the keys held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClickKind {
    /// Chooses this post alone.
    Only,
    /// Ctrl+click (Cmd on a Mac): adds or removes this post.
    Toggle,
    /// Shift+click: chooses the posts from the last one clicked to this one.
    Range,
    /// Ctrl+Shift+click: adds that range to those chosen.
    AddRange,
}

impl ClickKind {
    pub fn of(modifiers: Modifiers) -> Self {
        match (modifiers.command, modifiers.shift) {
            (false, false) => ClickKind::Only,
            (true, false) => ClickKind::Toggle,
            (false, true) => ClickKind::Range,
            (true, true) => ClickKind::AddRange,
        }
    }
}

impl PostSelection {
    /// Whether post `id` is chosen.
    pub fn contains(&self, selection: Selection, id: PostId) -> bool {
        match selection {
            Selection::Post(one) => one == id,
            Selection::Posts => self.ids.contains(&id),
            Selection::Plan | Selection::Team(_) => false,
        }
    }

    /// How many posts are chosen (some may no longer be in the plan: see [`Self::keep_only`]).
    pub fn len(&self, selection: Selection) -> usize {
        match selection {
            Selection::Post(_) => 1,
            Selection::Posts => self.ids.len(),
            Selection::Plan | Selection::Team(_) => 0,
        }
    }

    /// A click on post `id`'s row; `order` is the table's rows as shown (filtered, sorted).
    pub fn click(
        &mut self,
        selection: &mut Selection,
        id: PostId,
        kind: ClickKind,
        order: &[PostId],
    ) {
        let mut chosen = self.chosen(*selection);
        match kind {
            ClickKind::Only => {
                chosen = HashSet::from([id]);
                self.anchor = Some(id);
            }
            ClickKind::Toggle => {
                if !chosen.remove(&id) {
                    chosen.insert(id);
                }
                self.anchor = Some(id);
            }
            ClickKind::Range | ClickKind::AddRange => {
                let from = self
                    .anchor
                    .or(match *selection {
                        Selection::Post(one) => Some(one),
                        _ => None,
                    })
                    .and_then(|a| order.iter().position(|&p| p == a));
                let to = order.iter().position(|&p| p == id);
                let range: Vec<PostId> = match (from, to) {
                    (Some(from), Some(to)) => order[from.min(to)..=from.max(to)].to_vec(),
                    // No post to start from among those shown: this one alone.
                    _ => {
                        self.anchor = Some(id);
                        vec![id]
                    }
                };
                if kind == ClickKind::Range {
                    chosen.clear();
                }
                chosen.extend(range);
            }
        }
        self.set(selection, chosen);
    }

    /// Chooses every post in `shown` (the rows the filters show).
    pub fn select_all(&mut self, selection: &mut Selection, shown: &[PostId]) {
        self.anchor = shown.first().copied();
        self.set(selection, shown.iter().copied().collect());
    }

    /// Chooses no post: the inspector shows the plan.
    pub fn clear(&mut self, selection: &mut Selection) {
        self.anchor = None;
        self.set(selection, HashSet::new());
    }

    /// Forgets chosen posts not among `present` (the plan's posts): deleted, undone, or not in
    /// the scenario shown. One post left is shown alone, none leaves the plan shown. Linear in
    /// the plan's posts, with no allocation unless some have gone: it runs every frame.
    pub fn keep_only(
        &mut self,
        selection: &mut Selection,
        present: impl Iterator<Item = PostId> + Clone,
    ) {
        if *selection != Selection::Posts {
            return;
        }
        let found = present.clone().filter(|id| self.ids.contains(id)).count();
        if found < self.ids.len() {
            let kept = present.filter(|id| self.ids.contains(id)).collect();
            self.set(selection, kept);
        }
    }

    /// The chosen posts among `posts` (the plan's, in its order): what an edit applies to.
    pub fn in_order(
        &self,
        selection: Selection,
        posts: impl Iterator<Item = PostId>,
    ) -> Vec<PostId> {
        posts.filter(|&id| self.contains(selection, id)).collect()
    }

    fn chosen(&self, selection: Selection) -> HashSet<PostId> {
        match selection {
            Selection::Post(one) => HashSet::from([one]),
            Selection::Posts => self.ids.clone(),
            Selection::Plan | Selection::Team(_) => HashSet::new(),
        }
    }

    /// One post is shown alone in the inspector; several are edited together; none leaves the
    /// plan in the inspector.
    fn set(&mut self, selection: &mut Selection, chosen: HashSet<PostId>) {
        *selection = match chosen.len() {
            0 => Selection::Plan,
            1 => Selection::Post(*chosen.iter().next().expect("one post")),
            _ => Selection::Posts,
        };
        self.ids = if chosen.len() > 1 {
            chosen
        } else {
            HashSet::new()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(numbers: &[u32]) -> Vec<PostId> {
        numbers.iter().map(|&n| PostId(n)).collect()
    }

    fn chosen(posts: &PostSelection, selection: Selection, order: &[PostId]) -> Vec<u32> {
        posts
            .in_order(selection, order.iter().copied())
            .iter()
            .map(|id| id.0)
            .collect()
    }

    /// The table sorted some way: posts 5, 3, 8, 1, 9 from top to bottom.
    const ORDER: [u32; 5] = [5, 3, 8, 1, 9];

    #[test]
    fn click_then_ctrl_click_then_shift_click() {
        let order = ids(&ORDER);
        let mut posts = PostSelection::default();
        let mut selection = Selection::Plan;
        posts.click(&mut selection, PostId(3), ClickKind::Only, &order);
        assert_eq!(
            selection,
            Selection::Post(PostId(3)),
            "one post: the inspector shows it"
        );
        posts.click(&mut selection, PostId(1), ClickKind::Toggle, &order);
        assert_eq!(selection, Selection::Posts);
        assert_eq!(chosen(&posts, selection, &order), [3, 1]);
        // From post 1 (the last clicked) up to post 5, as the table shows them: 5, 3, 8, 1.
        posts.click(&mut selection, PostId(5), ClickKind::Range, &order);
        assert_eq!(chosen(&posts, selection, &order), [5, 3, 8, 1]);
        // Shift+click again moves the range's far end; the anchor stays at post 1.
        posts.click(&mut selection, PostId(9), ClickKind::Range, &order);
        assert_eq!(chosen(&posts, selection, &order), [1, 9]);
        assert_eq!(posts.len(selection), 2);
    }

    #[test]
    fn ctrl_click_removes_and_one_left_is_shown_alone() {
        let order = ids(&ORDER);
        let mut posts = PostSelection::default();
        let mut selection = Selection::Post(PostId(8)); // chosen in Structure
        posts.click(&mut selection, PostId(9), ClickKind::Toggle, &order);
        assert_eq!(chosen(&posts, selection, &order), [8, 9]);
        posts.click(&mut selection, PostId(8), ClickKind::Toggle, &order);
        assert_eq!(selection, Selection::Post(PostId(9)));
        posts.click(&mut selection, PostId(9), ClickKind::Toggle, &order);
        assert_eq!(selection, Selection::Plan);
    }

    #[test]
    fn ctrl_shift_click_adds_a_range() {
        let order = ids(&ORDER);
        let mut posts = PostSelection::default();
        let mut selection = Selection::Plan;
        posts.click(&mut selection, PostId(5), ClickKind::Only, &order);
        posts.click(&mut selection, PostId(1), ClickKind::Toggle, &order);
        posts.click(&mut selection, PostId(9), ClickKind::AddRange, &order);
        assert_eq!(chosen(&posts, selection, &order), [5, 1, 9]);
    }

    #[test]
    fn shift_click_with_nothing_to_start_from_chooses_one() {
        let order = ids(&ORDER);
        let mut posts = PostSelection::default();
        let mut selection = Selection::Team(crate::model::TeamId(1));
        posts.click(&mut selection, PostId(8), ClickKind::Range, &order);
        assert_eq!(selection, Selection::Post(PostId(8)));
        // The anchor filtered out of the table: the click chooses just the post clicked.
        posts.click(&mut selection, PostId(1), ClickKind::Range, &ids(&[1, 9]));
        assert_eq!(selection, Selection::Post(PostId(1)));
    }

    #[test]
    fn select_all_clear_and_posts_that_go() {
        let order = ids(&ORDER);
        let mut posts = PostSelection::default();
        let mut selection = Selection::Plan;
        posts.select_all(&mut selection, &order);
        assert_eq!(posts.len(selection), 5);
        posts.keep_only(&mut selection, ids(&[9, 1, 5, 7]).into_iter());
        assert_eq!(chosen(&posts, selection, &order), [5, 1, 9]);
        posts.keep_only(&mut selection, ids(&[1]).into_iter());
        assert_eq!(selection, Selection::Post(PostId(1)));
        posts.select_all(&mut selection, &order);
        posts.clear(&mut selection);
        assert_eq!((selection, posts.len(selection)), (Selection::Plan, 0));
    }

    #[test]
    fn keys_held_choose_what_a_click_does() {
        assert_eq!(ClickKind::of(Modifiers::NONE), ClickKind::Only);
        assert_eq!(ClickKind::of(Modifiers::COMMAND), ClickKind::Toggle);
        assert_eq!(ClickKind::of(Modifiers::SHIFT), ClickKind::Range);
        assert_eq!(
            ClickKind::of(Modifiers::COMMAND | Modifiers::SHIFT),
            ClickKind::AddRange
        );
    }
}
