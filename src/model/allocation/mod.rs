//! Who should hold the work: how many case-holding staff a team or the service needs
//! ([`needed`]), and proposals that move whole cases to where there is room: allocating a
//! team's waiting work ([`allocate_waiting`]) and balancing caseloads ([`balance`]). Pure:
//! plain figures in, plain figures out; a proposal changes nothing until its
//! [`Proposal::command`] is applied.
//!
//! Definitions (each written once, here):
//! - a worker's **utilisation**: weighted points held ÷ capacity points (grade capacity ×
//!   FTE), exactly the post's utilisation in [`crate::model::assess()`] (the same case weights,
//!   the same capacity function, the same sum).
//! - **eligible workers** of a [`Scope`]: in one of its teams, filled, not absent, at a grade
//!   that holds cases, with capacity above 0, and not protected. Absent workers and vacancies
//!   never give or receive; protected workers (leaving soon, an ASYE's protected caseload)
//!   neither.
//! - **room** for a case: the worker's utilisation with it is at most 100%.
//! - **Allocate waiting work**: each scope team's unallocated cases go only to eligible workers
//!   in that team; must-allocate case types first, then heavier types first (then by case
//!   type id); one case at a time, to the eligible worker with the lowest utilisation who has
//!   room for it (the lower post id on a tie). What has no room anywhere in its team stays
//!   waiting and is reported in [`Proposal::unplaced`]. Allocation never puts anyone above
//!   100%.
//! - **Balance**: across the whole pool (all scope teams together), one case at a time from
//!   the most-loaded eligible worker (highest utilisation, the lower post id on a tie) to
//!   another eligible worker, as long as the move lowers the higher of the two workers'
//!   utilisations (by more than rounding); it stops when the most-loaded worker has no such
//!   move, since then nobody's move can lower the highest utilisation. Cases of the scope's
//!   **kept case types** never move (they still count in the load); a worker holding only
//!   kept cases is passed over, and the most-loaded worker with a case that may move is
//!   helped instead. Each case goes to the
//!   worker whose utilisation with it would be lowest (on a tie the lower load, then the lower
//!   post id), so a receiver is pushed from at most 100% to over 100% only when no eligible
//!   worker has room for that case. Of the giver's cases, the one moved is
//!   the one that lowers the pair's higher utilisation most; then the heavier (fewer cases
//!   moved for the same relief); then the one that leaves its receiver lowest; then the lower
//!   post id and case type id. Whole cases only, so the result is as level as whole cases
//!   allow, not perfectly level; a greedy method, so the fewest moves is aimed at rather than
//!   proven. Waiting work is not touched. A utilisation after a possible move is worked out
//!   as (load ± the case's weight) ÷ capacity, from the assessment's own load: it can differ
//!   from the assessment's figure after the move in the last digit, never more.
//! - A proposal's **moves** are netted: one per (case type, from, to), and no worker both
//!   gives and receives cases of one type (a case passed on twice moves once), so the cases
//!   moved are the fewest that make the same change to every worker's caseload.
//!
//! Both are deterministic (the same plan and scope give the same proposal: ties go to the
//! lower id) and take time in proportion to the cases moved and the workers in the pool,
//! times the number of case types and the log of the pool's size: never the square of either.

mod allocate;
mod balance;
mod heap;
mod moves;
pub mod needed;
pub mod option;
mod pool;
mod proposal;
mod receivers;

pub use allocate::allocate_waiting;
pub use balance::{balance, balance_each_team};
pub use moves::{CaseMove, CaseSource};
pub use needed::{Need, StaffNeeded, staff_needed};
pub use option::{NeedTarget, PostsToAdd, option_command, posts_to_close_gap};
pub use pool::Scope;
pub use proposal::Proposal;

#[cfg(test)]
pub(crate) mod test_plans;
#[cfg(test)]
mod tests;
