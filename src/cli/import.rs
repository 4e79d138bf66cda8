//! `import`: a staff list (and, with `--cases`, a caseload report) into a new plan file, for
//! scripted monthly refreshes. Exit 0 with a summary; 1 with every problem by row and column,
//! and nothing written.

use crate::io::import::{
    NoProgress, SavedMapping, TableKind, load_mapping, read_table, save_mapping,
};
use crate::io::save_file;
use crate::model::import::{
    CaseloadMapping, CaseloadPreview, ImportMapping, ImportPreview, preview, preview_cases,
};
use crate::model::{NextIds, Plan, Problem, ScenarioSet, apply, defaults};
use crate::text::{count, fte, printable, shortened, thousands};
use clap::Args;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The `import` subcommand's arguments.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The staff list: CSV (comma, semicolon or tab separated) or an Excel workbook (.xlsx)
    pub staff: PathBuf,
    /// The plan file to write (.ron); a file already there is kept as .bak
    #[arg(long)]
    pub out: PathBuf,
    /// A mapping saved before (--save-mapping): which column holds what, and what the file's
    /// job titles, teams and contract words mean
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// A caseload report: cases held per worker by case type, matched by employee number or name
    #[arg(long)]
    pub cases: Option<PathBuf>,
    /// The sheet of a workbook to read (the first when not given)
    #[arg(long)]
    pub sheet: Option<String>,
    /// Hours of a full-time week, for a weekly-hours column (37 unless the mapping says)
    #[arg(long)]
    pub full_time_hours: Option<f64>,
    /// Write the mapping used to this file, to check, edit and pass to --mapping next time
    #[arg(long)]
    pub save_mapping: Option<PathBuf>,
    /// Import the rows without problems and list the others, instead of writing nothing
    #[arg(long)]
    pub skip_rows_with_problems: bool,
}

/// Runs `import`: results to stdout, problems to stderr.
pub fn run_import(args: &ImportArgs) -> ExitCode {
    match import(args) {
        Ok(summary) => {
            print!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprint!("{message}");
            ExitCode::from(1)
        }
    }
}

fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// The import as text: the summary, or every problem.
fn import(args: &ImportArgs) -> Result<String, String> {
    let line = |e: &dyn std::fmt::Display| format!("{e}\n");
    let saved = match &args.mapping {
        Some(path) => Some(load_mapping(path).map_err(|e| line(&e))?),
        None => None,
    };
    if let Some(hours) = args.full_time_hours
        && !(1.0..=100.0).contains(&hours)
    {
        return Err(format!(
            "--full-time-hours must be from 1 to 100 hours, not {hours}\n"
        ));
    }
    let table = read_table(
        &args.staff,
        TableKind::StaffList,
        args.sheet.as_deref(),
        &NoProgress,
    )
    .map_err(|e| line(&e))?;
    let mut base = defaults::new_plan();
    base.name = match args.staff.file_stem() {
        Some(stem) => format!("Staff list: {}", stem.to_string_lossy()),
        None => "Imported staff list".to_owned(),
    };
    let mut mapping = match &saved {
        Some(saved) => ImportMapping::reuse(&saved.staff_list, &table, &base),
        None => ImportMapping::guess(&table, &base),
    };
    if let Some(hours) = args.full_time_hours {
        mapping.full_time_hours = hours;
    }
    let staff = preview(&table, &mapping, &base, NextIds::of(&base));
    let mut plan = staff.plan(&base);

    let mut case_mapping = CaseloadMapping::default();
    let cases = match &args.cases {
        Some(path) => {
            let cases_table =
                read_table(path, TableKind::Caseload, None, &NoProgress).map_err(|e| line(&e))?;
            case_mapping = match saved.as_ref().map(|s| &s.caseload) {
                Some(m) if !m.columns.is_empty() => {
                    let mut m = m.clone();
                    m.fill_values(&cases_table, &plan);
                    m
                }
                _ => CaseloadMapping::guess(&cases_table, &plan),
            };
            let numbers = |n: &str| staff.post_for_number(n);
            Some((
                path,
                preview_cases(&cases_table, &case_mapping, &plan, &numbers),
            ))
        }
        None => None,
    };

    let mut problems = String::new();
    list_problems(&mut problems, &args.staff, &staff.problems);
    if let Some((path, cases)) = &cases {
        let all: Vec<Problem> = cases
            .problems
            .iter()
            .chain(&cases.unmatched_rows)
            .cloned()
            .collect();
        list_problems(&mut problems, path, &all);
    }
    if !problems.is_empty() && !args.skip_rows_with_problems {
        problems.push_str(
            "Nothing was written. Correct the file, change the mapping (--save-mapping writes \
             the one used, --mapping reads it back), or import the other rows with \
             --skip-rows-with-problems.\n",
        );
        return Err(problems);
    }
    if staff.posts().is_empty() {
        return Err(format!(
            "{problems}{}: no row could be imported; nothing was written.\n",
            shown(&args.staff)
        ));
    }
    if let Some((_, cases)) = &cases {
        let command = cases.command(&plan);
        apply(&mut plan, command).map_err(|e| line(&e))?;
    }
    save_file(&ScenarioSet::new(plan.clone()), &args.out).map_err(|e| line(&e))?;
    if let Some(path) = &args.save_mapping {
        save_mapping(&SavedMapping::new(mapping, case_mapping), path).map_err(|e| line(&e))?;
    }
    if !problems.is_empty() {
        eprint!("Rows left out:\n{problems}");
    }
    Ok(summary(args, &staff, cases.as_ref().map(|(_, c)| c), &plan))
}

fn list_problems(out: &mut String, file: &Path, problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}: {}:",
        shown(file),
        count(problems.len() as u64, "problem", "problems")
    );
    for problem in problems {
        let _ = writeln!(out, "  {problem}");
    }
}

fn summary(
    args: &ImportArgs,
    staff: &ImportPreview,
    cases: Option<&CaseloadPreview>,
    plan: &Plan,
) -> String {
    let mut out = format!(
        "Imported {} into {}:\n",
        shown(&args.staff),
        shown(&args.out)
    );
    let _ = writeln!(
        out,
        "  {} in {}: {} filled ({} absent), {} vacant; {} FTE",
        count(staff.posts().len() as u64, "post", "posts"),
        count(staff.teams().len() as u64, "team", "teams"),
        thousands(staff.filled() as u64),
        thousands(staff.absent() as u64),
        thousands(staff.vacant() as u64),
        fte(staff.fte()),
    );
    for team in staff.teams() {
        let posts = staff.posts().iter().filter(|p| p.team == team.id).count();
        let _ = writeln!(
            out,
            "    {} ({}, {})",
            printable(&shortened(&team.name)),
            team.function.label(),
            count(posts as u64, "post", "posts")
        );
    }
    if staff.rows_skipped > 0 {
        let _ = writeln!(
            out,
            "  {} left out, as the mapping chose",
            count(staff.rows_skipped as u64, "row", "rows")
        );
    }
    for note in &staff.notes {
        let _ = writeln!(out, "  {note}");
    }
    if let Some(cases) = cases {
        let names: Vec<&str> = cases
            .covered
            .iter()
            .filter_map(|id| plan.case_types.iter().find(|c| c.id == *id))
            .map(|c| c.name.as_str())
            .collect();
        let _ = writeln!(
            out,
            "  {} held by {} ({})",
            count(cases.total(), "case", "cases"),
            count(cases.cases.len() as u64, "worker", "workers"),
            printable(&names.join(", "))
        );
        if !cases.workers_not_in_report.is_empty() {
            let _ = writeln!(
                out,
                "  {} holding cases in the plan's grades had no row in {}:",
                count(
                    cases.workers_not_in_report.len() as u64,
                    "worker",
                    "workers"
                ),
                shown(args.cases.as_deref().unwrap_or(Path::new("")))
            );
            for (_, name) in &cases.workers_not_in_report {
                let _ = writeln!(out, "    {}", printable(&shortened(name)));
            }
        }
    }
    out
}
