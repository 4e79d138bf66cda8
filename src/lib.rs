//! # Caseload Planner
//!
//! Workforce planning for children's social care: a service manager builds a team structure,
//! sets case weights and the staffing mix, and sees caseload per worker and team capacity.
//!
//! ## Architecture map
//!
//! ```text
//!   plan file (.ron) ──io::load_file──▶ model::Plan ──model::assess──▶ Assessment ──▶ cli, ui
//!                    ◀──io::save_file──      ▲
//!                                            │ model::apply(Command)   (the only way a plan changes)
//!   ui panels ──push Command──▶ app::Document ┘ ──undo points, dirty flag, fresh Assessment
//! ```
//!
//! - [`model`]: the domain, **pure**: plain data in, plain data out. Plans, validation rules,
//!   [`model::Command`]s and [`model::apply()`], the capacity and caseload calculations. No UI,
//!   no file or network I/O, no clocks. Every figure shown anywhere is computed by
//!   [`model::assess()`], and every definition is written once there.
//! - [`io`]: plan files. Versioned RON; loading turns every failure (size, encoding, syntax with
//!   line and column, newer version, semantic problems) into a [`io::LoadError`] that names the
//!   file and the place; saving is atomic and keeps the previous file as `.bak`.
//! - [`app`]: the window's state without drawing: [`app::Document`] (the open plan, its file,
//!   undo history via `egui::util::undoer`, unsaved-changes flag), recent files, and file
//!   dialogs behind the [`app::FileDialogs`] trait (native rfd dialogs awaited on a worker
//!   thread; a scripted fake for tests).
//! - [`ui`]: the window (eframe/egui), one file per panel or view, drawing functions named
//!   `*_ui`. Panels read the plan and assessment and push commands; [`ui::CaseloadApp`] applies
//!   them after each panel, so charts drawn later in the same frame already show the edit.
//! - [`cli`]: the `summary` and `check` subcommands, text in and text out over `io` and `model`.
//! - [`text`]: how figures are written for people (percentages, "no value"), shared by every
//!   front end so they all say the same thing.
//! - `src/main.rs`: parses arguments and dispatches to the CLI or the window; nothing else.
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
//! - A command either applies fully and leaves a valid plan valid, or is refused with a reason
//!   and changes nothing (property-tested in `tests/commands.rs`).
//! - The UI never mutates a plan; a user's gesture (a drag, typing in a field) is one undo step.
//! - Plan contents are never logged or sent anywhere; only recent file paths are stored.

pub mod app;
pub mod cli;
pub mod io;
pub mod model;
pub mod text;
pub mod ui;
