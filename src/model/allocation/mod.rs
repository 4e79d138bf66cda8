//! Who should hold the work: how many case-holding staff a team or the service needs
//! ([`needed`]). Pure: plain figures in, plain figures out.

pub mod needed;
pub mod option;
mod tmp_api;

pub use needed::{Need, StaffNeeded, staff_needed};
pub use option::{NeedTarget, PostsToAdd, option_command, posts_to_close_gap};
pub use tmp_api::*;
