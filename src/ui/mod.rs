//! The desktop window (egui). One file per panel or view; functions that draw are named
//! `*_ui`. Panels read the plan and its assessment and push [`crate::model::Command`]s; they
//! never change the plan themselves. [`CaseloadApp`] applies the commands.

mod about;
mod add_posts;
mod allocation;
mod app;
mod benchmark;
mod bulk_edit;
mod busy;
mod charts;
mod commands;
mod compare;
mod compare_ahead;
mod compare_benchmarks;
mod compare_money;
mod contract_fields;
mod copy_table;
mod costs;
mod dialogs;
mod export_flow;
mod help;
mod import;
mod inspector;
mod launch;
mod layout;
mod make_option;
mod menu;
mod mix;
mod opening_flow;
mod overview;
mod png_export;
mod png_flow;
mod post_inspector;
mod post_reductions;
mod post_selection;
mod posts_table;
mod present;
mod projection;
mod prompts;
mod published_flow;
mod safe_work;
mod scenarios;
mod staff_needed;
mod start_from_published;
pub mod state;
mod status;
mod structure;
mod team_choice;
mod theme;
mod weights;
mod widgets;

pub use app::{CaseloadApp, RECENT_KEY};
pub use commands::shortcuts_markdown;
pub use launch::{RendererChoice, native_options, run_desktop};
pub use posts_table::filtered_rows;
