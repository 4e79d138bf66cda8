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
