//! `benchmark`: a scenario's figures beside the DfE's published ones: its council's latest,
//! the median and range of the council's statistical neighbours, its region and England, and
//! where the plan's figure would rank among all councils.

use super::summary::{pad_left, pad_right};
use crate::io::load_file;
use crate::io::platform::AppFolders;
use crate::io::published::{ATTRIBUTION, ReleaseSource, builtin_release, current_release};
use crate::model::benchmark::{Area, Measure, Release, benchmark, plan_values, standing};
use crate::model::projection::project;
use crate::model::{ScenarioSet, assess};
use crate::text::{NO_VALUE, figure_value, printable, shortened};
use clap::Args;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The `benchmark` subcommand's arguments.
#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    /// The plan file (.ron)
    pub plan: PathBuf,
    /// The council to compare with: its code (such as 301) or name; by default the council
    /// named in the plan's settings
    #[arg(long)]
    pub council: Option<String>,
    /// The scenario to compare: an option's name (the baseline when not given)
    #[arg(long)]
    pub scenario: Option<String>,
}

/// Runs `benchmark`: the table to stdout, problems to stderr.
pub fn run_benchmark(args: &BenchmarkArgs) -> ExitCode {
    let set = match load_file(&args.plan) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let (release, source) = match AppFolders::current() {
        Some(folders) => current_release(&folders),
        None => match builtin_release() {
            Ok(release) => {
                let (first, latest) = release.years();
                let source = ReleaseSource::BuiltIn {
                    first,
                    latest,
                    installed_not_used: None,
                };
                (release, source)
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        },
    };
    if let Some(why) = source.installed_not_used() {
        eprintln!("The release installed is not used: {why}.");
    }
    match benchmark_text(
        &set,
        args.scenario.as_deref(),
        args.council.as_deref(),
        &release,
        &source,
    ) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// The council `query` names: a code, an exact name, or part of one name only.
fn find_council<'r>(release: &'r Release, query: &str) -> Result<&'r Area, String> {
    if let Some(council) = release.council(query) {
        return Ok(council);
    }
    let found = release.find_councils(query);
    let exact = found
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(query.trim()));
    match (exact, found.as_slice()) {
        (Some(council), _) | (None, [council]) => Ok(council),
        (None, []) => Err(format!(
            "No council in the published figures is called \"{}\": give part of its name, or \
             its code (such as 301).",
            printable(&shortened(query))
        )),
        (None, several) => {
            let listed: Vec<String> = several
                .iter()
                .take(10)
                .map(|a| format!("{} ({})", printable(&a.name), printable(a.key())))
                .collect();
            let more = if several.len() > 10 { ", ..." } else { "" };
            Err(format!(
                "\"{}\" matches {} councils: {}{more}. Give the code or the full name.",
                printable(&shortened(query)),
                several.len(),
                listed.join(", ")
            ))
        }
    }
}

/// The benchmark table for one scenario of `set` (its name, or the baseline), against
/// `council` (a code or name; otherwise the plan's own council), or why there is none.
pub fn benchmark_text(
    set: &ScenarioSet,
    scenario: Option<&str>,
    council: Option<&str>,
    release: &Release,
    source: &ReleaseSource,
) -> Result<String, String> {
    let shown = match scenario {
        None => set.iter().next(),
        Some(name) => set
            .iter()
            .find(|s| s.name.trim().eq_ignore_ascii_case(name.trim())),
    };
    let Some(shown) = shown else {
        let names: Vec<String> = set
            .iter()
            .map(|s| format!("\"{}\"", printable(&shortened(&s.name))))
            .collect();
        return Err(format!(
            "The plan has no scenario called \"{}\"; its scenarios are {}.",
            printable(&shortened(scenario.unwrap_or_default())),
            names.join(", ")
        ));
    };
    let plan = &shown.plan;
    let council = match (council, &plan.settings.council) {
        (Some(query), _) => find_council(release, query)?,
        (None, Some(code)) => release.council(code).ok_or_else(|| {
            format!(
                "The plan's council (code {}) is not in the published figures ({source}). Give \
                 another with --council CODE-OR-NAME.",
                printable(&shortened(code))
            )
        })?,
        (None, None) => {
            return Err(
                "The plan names no council to compare with. Give one with --council \
                 CODE-OR-NAME (for example --council 301, or --council \"Barking\"), or set \
                 the plan's council in its settings."
                    .to_owned(),
            );
        }
    };
    // The council's latest figures (a council since replaced has none in the latest year).
    let (first, latest) = release.years();
    let year = (first..=latest)
        .rev()
        .find(|&y| release.figures(council.key(), y).is_some())
        .unwrap_or(latest);
    let region = release.region_of(council);
    let region_name = region.map_or_else(|| "Region".into(), |r| printable(&r.name));

    let mut out = format!(
        "\"{}\" ({}) against {} ({}), figures published for {year}\nRelease: {source}\n\n",
        printable(&shortened(&set.baseline().name)),
        printable(&shortened(&shown.name)),
        printable(&council.name),
        printable(council.key())
    );
    let service = assess(plan).service;
    // The turnover compared is the expected projection's first year.
    let plan_values = plan_values(&service, Some(&project(plan)));
    let headings = [
        "Figure",
        "Plan",
        "Council",
        "Neighbours: median (range)",
        &region_name,
        "England",
        "Plan among all councils",
    ];
    let mut rows: Vec<[String; 7]> = Vec::new();
    for (measure, plan_value) in plan_values {
        let b = benchmark(release, council, measure, year);
        let unit = measure.unit();
        let value = |v: Option<f64>| figure_value(unit, v);
        let neighbours = b.neighbours.map_or_else(
            || NO_VALUE.to_owned(),
            |s| {
                format!(
                    "{} ({}–{})",
                    value(Some(s.median)),
                    value(Some(s.min)),
                    value(Some(s.max))
                )
            },
        );
        let rank = plan_value
            .and_then(|v| standing(release, measure, year, v))
            .map_or_else(|| NO_VALUE.to_owned(), |s| s.to_string());
        rows.push([
            measure.label().to_owned(),
            value(plan_value),
            value(b.council),
            neighbours,
            value(b.region),
            value(b.england),
            rank,
        ]);
    }
    let widths: Vec<usize> = (0..headings.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([headings[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String, cells: [&str; 7]| {
        pad_right(out, cells[0], widths[0]);
        for (i, cell) in cells.iter().enumerate().skip(1) {
            out.push_str("  ");
            if i + 1 == cells.len() {
                out.push_str(cell);
            } else {
                pad_left(out, cell, widths[i]);
            }
        }
        out.push('\n');
    };
    line(&mut out, headings);
    for row in &rows {
        line(&mut out, row.each_ref().map(String::as_str));
    }

    let _ = write!(
        out,
        "\nNeighbours: the council's ten statistical neighbours (those with a published figure).\n\
         Plan among all councils: rank 1 is the lowest of every council's published figure for \
         {year}, the\nplan's counted as one more; the quarters cut that ranking in four, the \
         first quarter the lowest.\n\"{NO_VALUE}\" = not published, or no value in the plan (e.g. \
         nobody in post).\n\nDefinitions (Department for Education):\n"
    );
    for measure in Measure::ALL {
        let _ = writeln!(out, "  {}: {}", measure.label(), measure.definition());
    }
    let _ = writeln!(out, "\n{ATTRIBUTION}");
    Ok(out)
}
