//! Entry point: parse the command line and dispatch. Everything else lives in the library.

use caseload_planner::cli::{Cli, run};
use caseload_planner::ui::run_desktop;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => run_desktop(cli.renderer),
    }
}
