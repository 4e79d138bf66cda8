//! Entry point of the windowed program: parse the command line and dispatch. Everything else
//! lives in the library.
//!
//! On Windows this is a GUI program, so no console window opens behind the window; the console
//! program for cmd, PowerShell and scripts is `src/bin/caseload-planner-cli.rs`.
#![cfg_attr(windows, windows_subsystem = "windows")]

use caseload_planner::cli::{Cli, run};
use caseload_planner::io::platform::attach_parent_console;
use caseload_planner::ui::run_desktop;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    attach_parent_console();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => run_desktop(cli.renderer, cli.plan),
    }
}
