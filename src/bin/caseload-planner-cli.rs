//! Entry point of the console program, `caseload-planner-cli`: `summary` and `check` only.
//!
//! On Windows the windowed program cannot make cmd wait for it or set %ERRORLEVEL%, so this
//! second program, a console one, is what scripts and the command line use there. It shares
//! the library with the windowed program and prints exactly what that prints.

use caseload_planner::cli::{ConsoleCli, run};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    run(ConsoleCli::parse().command)
}
