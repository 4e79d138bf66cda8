//! `export`: a plan's tables as CSV files or an Excel workbook, or the PDF report, for taking
//! to a meeting or into a spreadsheet. With `--anonymise`, no worker is named.
//! Files already there are kept unless `--force`; nothing is written half-way.

use crate::app::{BAND_RUNS, BAND_SEED};
use crate::io::export::pdf::{PdfInput, ReportError, write_report};
use crate::io::export::{Existing, ExportError, write_csv_tables, write_workbook};
use crate::io::load_file;
use crate::model::anonymise::{Anonymised, WorkerNames};
use crate::model::projection::monte_carlo;
use crate::model::projection::project;
use crate::model::report::{ReportInput, ReportTable, assess_all, report_tables_of};
use crate::model::{Scenario, ScenarioId, ScenarioSet};
use crate::text::{count, printable};
use clap::{Args, ValueEnum};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A CSV file per table, in the folder --out
    Csv,
    /// One Excel workbook, a sheet per table
    Xlsx,
    /// The PDF report
    Pdf,
}

/// The `export` subcommand's arguments.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The plan file (.ron)
    pub plan: PathBuf,
    /// csv: a file per table (posts, teams, alerts, projection, comparison, changes,
    /// definitions and assumptions); xlsx: a workbook with a sheet each; pdf: the report
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Where to write: a folder for csv (made if missing), a file for xlsx and pdf
    #[arg(long)]
    pub out: PathBuf,
    /// Replace workers' names with their grade and a number ("Social worker 7"), the same
    /// in every scenario; team names stay
    #[arg(long)]
    pub anonymise: bool,
    /// The scenario whose posts, teams, alerts, projection and assumptions are exported (the
    /// baseline when not given); the comparison and changes cover every scenario
    #[arg(long)]
    pub scenario: Option<String>,
    /// Replace files already there (without it, nothing is written if one is)
    #[arg(long)]
    pub force: bool,
}

/// Runs `export`: what was written to stdout, problems to stderr.
pub fn run_export(args: &ExportArgs) -> ExitCode {
    match export(args) {
        Ok(summary) => {
            print!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// The scenario called `name` (case and surrounding spaces aside), or why there is none.
fn chosen<'s>(set: &'s ScenarioSet, name: Option<&str>) -> Result<&'s Scenario, String> {
    let Some(name) = name else {
        return Ok(set.iter().next().expect("a plan has its baseline"));
    };
    set.iter()
        .find(|s| s.name.trim().eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| {
            let names: Vec<String> = set
                .iter()
                .map(|s| format!("\"{}\"", printable(&s.name)))
                .collect();
            format!(
                "The plan has no scenario called \"{}\": its scenarios are {}.",
                printable(name),
                names.join(", ")
            )
        })
}

/// The export, as the text to print, or the message of why it was not written.
fn export(args: &ExportArgs) -> Result<String, String> {
    let set = load_file(&args.plan).map_err(|e| e.to_string())?;
    let scenario = chosen(&set, args.scenario.as_deref())?;
    let anonymised = args.anonymise.then(|| Anonymised::of(&set));
    let names = anonymised
        .as_ref()
        .map_or(WorkerNames::Real, WorkerNames::Anonymised);
    let bands = monte_carlo(&scenario.plan, BAND_RUNS, BAND_SEED);
    let tables = report_tables_of(&set, scenario.id, Some(&bands), names);
    let existing = if args.force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    let refused = |e: ExportError| match e {
        ExportError::Exists(path) => format!(
            "{} already exists: nothing was written. Use --force to replace it.",
            shown(&path)
        ),
        ExportError::Failed(why) => format!("Nothing was exported: {why}."),
    };
    let mut out = String::new();
    match args.format {
        ExportFormat::Csv => {
            let files = write_csv_tables(&tables, &args.out, existing).map_err(refused)?;
            let _ = writeln!(
                out,
                "Wrote {} in {}:",
                count(files.len() as u64, "file", "files"),
                shown(&args.out)
            );
            for file in &files {
                let name = file.file_name().map(Path::new).unwrap_or(file);
                let _ = writeln!(out, "  {}", shown(name));
            }
        }
        ExportFormat::Xlsx => {
            write_workbook(&tables, &scenario.plan.name, &args.out, existing).map_err(refused)?;
            let _ = writeln!(
                out,
                "Wrote {} ({}: {})",
                shown(&args.out),
                count(tables.len() as u64, "sheet", "sheets"),
                sheet_names(&tables)
            );
        }
        ExportFormat::Pdf => {
            let pages = write_pdf(&set, scenario, &bands, names, &args.out, existing).map_err(
                |e| match e {
                    ReportError::Exists(path) => refused(ExportError::Exists(path)),
                    other => format!("Nothing was exported: {other}"),
                },
            )?;
            let _ = writeln!(out, "Wrote {} ({pages})", shown(&args.out));
        }
    }
    let _ = writeln!(
        out,
        "Scenario: {}{}",
        printable(&scenario.name),
        if args.anonymise {
            "; workers' names replaced by their grade and a number"
        } else {
            ""
        }
    );
    Ok(out)
}

/// The PDF report of `scenario`, every scenario compared, dated today; returns what it holds
/// in words ("the baseline and 2 options compared").
fn write_pdf(
    set: &ScenarioSet,
    scenario: &Scenario,
    bands: &crate::model::projection::Bands,
    names: WorkerNames,
    path: &Path,
    existing: Existing,
) -> Result<String, ReportError> {
    let assessments = assess_all(set);
    let projection = project(&scenario.plan);
    let compared: Vec<ScenarioId> = set.iter().map(|s| s.id).collect();
    let date = jiff::Zoned::now().strftime("%-d %B %Y").to_string();
    let input = PdfInput {
        tables: ReportInput {
            set,
            scenario: scenario.id,
            assessments: &assessments,
            projection: &projection,
            bands: Some(bands),
            names,
        },
        compared: &compared,
        date: &date,
    };
    write_report(&input, path, existing, &|_| true)?;
    let options = set.len() - 1;
    Ok(if options == 0 {
        "the report of the baseline".to_owned()
    } else {
        format!(
            "the report, the baseline and {} compared",
            count(options as u64, "option", "options")
        )
    })
}

fn sheet_names(tables: &[ReportTable]) -> String {
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    names.join(", ")
}
