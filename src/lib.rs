//! # Caseload Planner
//!
//! Workforce planning for children's social care: a service manager builds a team structure,
//! sets case weights and the staffing mix, and sees caseload per worker and team capacity.
//!
//! ## Architecture map
//!
//! ```text
//!   plan file (.ron) ──io::load──▶ model::Plan ──model::assess──▶ Assessment ──▶ cli / ui
//!                    ◀─io::save──      ▲
//!                                      └── model commands (every edit; next milestone)
//! ```
//!
//! - [`model`]: the domain, **pure**: plain data in, plain data out. Plans, validation, the
//!   capacity and caseload calculations. No UI, no file or network I/O, no clocks. Every figure
//!   shown anywhere is computed by [`model::assess()`], and every definition is written once there.
//! - [`io`]: plan files. Versioned RON; loading turns every failure (size, encoding, syntax with
//!   line and column, newer version, semantic problems) into a [`io::LoadError`] that names the
//!   file and the place; saving is atomic and keeps the previous file as `.bak`.
//! - [`cli`]: the `summary` and `check` subcommands, text in and text out over `io` and `model`.
//! - [`text`]: how figures are written for people (percentages, "no value"), shared by every
//!   front end so they all say the same thing.
//! - `src/main.rs`: parses arguments and dispatches; nothing else.
//!
//! ## Invariants
//!
//! - The model never touches the outside world; tests feed it plain values.
//! - A plan that has passed [`model::validate()`] has unique ids, only known references,
//!   0 < FTE <= 1, finite numbers within plausible bounds (so every sum stays finite) and
//!   fixed-term contracts that end after they start. [`model::assess()`] still never panics on
//!   an invalid plan.
//! - No ratio is ever NaN: a zero denominator gives `None` ("no value").
//! - Loading never panics, whatever the bytes; a failed save leaves the existing file untouched.
//! - Plan contents are never logged or sent anywhere.

pub mod app;
pub mod cli;
pub mod io;
pub mod model;
pub mod text;
pub mod ui;
