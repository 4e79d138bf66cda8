//! The command line: `summary` and `check` over plan files, `import` of a staff list into
//! one, `benchmark` of a plan against the DfE's published figures, `new --council` to start a
//! plan from them, `export` of its tables as CSV files or an Excel workbook. With no subcommand the binary opens the desktop app (see `src/main.rs`).
//! One file per subcommand that needs more than a few lines.

mod benchmark;
mod export;
mod import;
mod new;
mod summary;

pub use benchmark::{BenchmarkArgs, benchmark_text, run_benchmark};
pub use export::{ExportArgs, ExportFormat, run_export};
pub use import::{ImportArgs, run_import};
pub use new::{NewArgs, run_new};
pub use summary::summary_text;

use crate::io::{LoadError, load_file};
use crate::text::{count, printable};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// The windowed program's command line: a subcommand, or the window (on a plan, if one is named).
#[derive(Debug, Parser)]
#[command(
    name = "caseload-planner",
    version,
    about = "Workforce planning for children's social care: caseloads, capacity and staffing mix",
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A plan file (.ron) to open in the window (what Windows passes when a plan is opened with
    /// the program)
    pub plan: Option<PathBuf>,
    /// Renderer for the desktop window; by default wgpu, falling back to OpenGL (glow)
    #[arg(long, value_enum, global = true)]
    pub renderer: Option<crate::ui::RendererChoice>,
}

/// The console program's command line (`caseload-planner-cli`, for cmd, PowerShell and scripts
/// on Windows): the same subcommands, and no window.
#[derive(Debug, Parser)]
#[command(
    name = "caseload-planner-cli",
    version,
    about = "Caseload Planner's command line: summary and check of plan files, import of staff lists, benchmarks against published figures, exports",
    long_about = None
)]
pub struct ConsoleCli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each team's caseload, utilisation, unallocated work and capacity, and the totals
    Summary {
        /// The plan file (.ron)
        plan: PathBuf,
        /// Also each scenario's projected figures this many months after the plan's start
        /// (the expected path; 0 is the start month)
        #[arg(long, value_name = "N")]
        month: Option<u32>,
    },
    /// Check a plan file: exit 0 when it is valid, 1 with every problem when it is not
    Check {
        /// The plan file (.ron)
        plan: PathBuf,
    },
    /// Import a staff list (CSV or .xlsx), and a caseload report with --cases, into a new plan
    /// file: exit 0 with a summary, 1 with every problem by row and column
    Import(ImportArgs),
    /// Compare a plan's caseload, agency, vacancy and other rates with the DfE's published
    /// figures: its council's, its statistical neighbours', its region's and England's, and
    /// where it would rank among all councils
    Benchmark(BenchmarkArgs),
    /// Start a plan file from a council's latest published figures (DfE): its case-holding
    /// staff and cases, staff in post, agency workers and vacancies, with the council set
    New(NewArgs),
    /// Export a plan's tables (posts, teams, alerts, projection, comparison, changes,
    /// definitions and assumptions) as CSV files or an Excel workbook, anonymised if asked
    Export(ExportArgs),
}

/// Runs a subcommand, writing results to stdout and problems to stderr.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Summary { plan, month } => match load_file(&plan) {
            Ok(loaded) => {
                if let Some(problem) = month.and_then(|m| summary::month_problem(&loaded, m)) {
                    eprintln!("{problem}");
                    return ExitCode::from(1);
                }
                print!("{}", summary::summary_text_at(&loaded, month));
                ExitCode::SUCCESS
            }
            Err(e) => report(&e),
        },
        Command::Check { plan } => match load_file(&plan) {
            Ok(loaded) => {
                let baseline = loaded.baseline();
                let options = loaded.options().len();
                println!(
                    "{}: valid ({}, {}, {})",
                    printable(&plan.display().to_string()),
                    count(baseline.teams.len() as u64, "team", "teams"),
                    count(baseline.posts.len() as u64, "post", "posts"),
                    count(options as u64, "option", "options"),
                );
                ExitCode::SUCCESS
            }
            Err(e) => report(&e),
        },
        Command::Import(args) => run_import(&args),
        Command::Benchmark(args) => run_benchmark(&args),
        Command::New(args) => run_new(&args),
        Command::Export(args) => run_export(&args),
    }
}

fn report(error: &LoadError) -> ExitCode {
    eprintln!("{error}");
    ExitCode::from(1)
}
