//! Stable identifiers. Teams, posts, case types and grades refer to each other by id, never by
//! name or position, so renaming or reordering never breaks a reference.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $label:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($label, " {}"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a [`Team`](super::Team) within a plan.
    TeamId,
    "team"
);
id_type!(
    /// Identifies a [`Post`](super::Post) within a plan.
    PostId,
    "post"
);
id_type!(
    /// Identifies a [`CaseType`](super::CaseType) within a plan.
    CaseTypeId,
    "case type"
);
id_type!(
    /// Identifies a [`Grade`](super::Grade) within a plan.
    GradeId,
    "grade"
);
id_type!(
    /// Identifies a [`Scenario`](super::Scenario) within a plan: the baseline is always
    /// [`ScenarioId::BASELINE`]. Stable while options are added and deleted.
    ScenarioId,
    "scenario"
);

impl ScenarioId {
    pub const BASELINE: ScenarioId = ScenarioId(0);
}

/// The next id to give each kind of new item. Commands take ids from here (see
/// [`super::command::apply_with`]), and a [`super::ScenarioSet`] keeps one for all its
/// scenarios, so an id is never given to two different things anywhere in a plan, even after an
/// undo removed the first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NextIds {
    pub team: u32,
    pub post: u32,
    pub case_type: u32,
    pub grade: u32,
}

impl NextIds {
    /// One past the largest id of each kind in `plan` (1 when there is none).
    pub fn of(plan: &super::Plan) -> Self {
        let next =
            |ids: &mut dyn Iterator<Item = u32>| ids.max().map_or(1, |m| m.saturating_add(1));
        NextIds {
            team: next(&mut plan.teams.iter().map(|t| t.id.0)),
            post: next(&mut plan.posts.iter().map(|p| p.id.0)),
            case_type: next(&mut plan.case_types.iter().map(|c| c.id.0)),
            grade: next(&mut plan.grades.iter().map(|g| g.id.0)),
        }
    }

    /// The larger of each pair: ids free in both.
    pub fn max(self, other: NextIds) -> Self {
        NextIds {
            team: self.team.max(other.team),
            post: self.post.max(other.post),
            case_type: self.case_type.max(other.case_type),
            grade: self.grade.max(other.grade),
        }
    }

    /// Takes `count` consecutive ids from `next`, or `None` when the ids have run out.
    pub(crate) fn take(next: &mut u32, count: u32) -> Option<u32> {
        let first = *next;
        *next = first.checked_add(count)?;
        Some(first)
    }
}
