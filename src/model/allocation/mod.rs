//! Who should hold the work: how many case-holding staff a team or the service needs
//! ([`needed`]). Pure: plain figures in, plain figures out.

pub mod needed;

pub use needed::{Need, StaffNeeded, staff_needed};
