//! `new --council`: a plan file built from a council's latest published figures (as File > New
//! from published figures… makes it), with the council set for benchmarking.

use crate::io::platform::AppFolders;
use crate::io::published::{ATTRIBUTION, builtin_release, current_release};
use crate::io::save_file;
use crate::model::benchmark::{Area, FunctionShares, Release, StartingTeams, plan_from_published};
use crate::model::{ScenarioSet, assess};
use crate::text::{count, figure_value, printable};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// The `new` subcommand's arguments.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The council: part of its name ("Leeds") or its DfE or ONS code ("383", "E08000035")
    #[arg(long)]
    pub council: String,
    /// The plan file to write (.ron); a file already there is kept as .bak
    #[arg(long)]
    pub out: PathBuf,
    /// One team holding every post, instead of a team per function
    #[arg(long, conflicts_with = "shares")]
    pub one_team: bool,
    /// The four teams' shares: front door, child in need and protection, children in care,
    /// care leavers (weights: 20,45,25,10 by default)
    #[arg(long, value_delimiter = ',', num_args = 4)]
    pub shares: Option<Vec<f64>>,
}

/// Runs `new`: what was made to stdout, problems to stderr.
pub fn run_new(args: &NewArgs) -> ExitCode {
    match new_plan(args) {
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

/// The release in use: a newer one installed from the window, else the one built in.
fn release() -> Result<Release, String> {
    match AppFolders::current() {
        Some(folders) => Ok(current_release(&folders).0),
        None => builtin_release().map_err(|e| e.to_string()),
    }
}

fn new_plan(args: &NewArgs) -> Result<String, String> {
    let release = release()?;
    let council = find_council(&release, &args.council)?;
    let teams = match (&args.shares, args.one_team) {
        (_, true) => StartingTeams::One,
        (Some(s), false) => StartingTeams::ByFunction(FunctionShares {
            front_door: s[0],
            child_in_need_protection: s[1],
            children_in_care: s[2],
            care_leavers: s[3],
        }),
        (None, false) => StartingTeams::ByFunction(FunctionShares::default()),
    };
    let year = release.latest_year();
    let published = release
        .figures(council.key(), year)
        .ok_or_else(|| format!("{} has no figures published for {year}.", council.name))?;
    let plan = plan_from_published(council, year, published, teams).map_err(|e| e.to_string())?;
    let assessment = assess(&plan);
    let mut summary = format!(
        "Wrote {}: {} from its published figures ({year}), {} and {}.\n",
        printable(&args.out.display().to_string()),
        council.name,
        count(plan.teams.len() as u64, "team", "teams"),
        count(plan.posts.len() as u64, "post", "posts"),
    );
    let values = crate::model::benchmark::plan_values(&assessment.service, None);
    for (measure, value) in values.into_iter().take(3) {
        summary.push_str(&format!(
            "  {}: {} (published {})\n",
            measure.label(),
            figure_value(measure.unit(), value),
            figure_value(measure.unit(), measure.published(published)),
        ));
    }
    save_file(&ScenarioSet::new(plan), &args.out).map_err(|e| e.to_string())?;
    summary.push_str(&format!("\n{ATTRIBUTION}\n"));
    Ok(summary)
}

/// The council named by `query`: its code, its whole name, or the only council whose name
/// contains it.
fn find_council<'r>(release: &'r Release, query: &str) -> Result<&'r Area, String> {
    if let Some(area) = release.council(query.trim()) {
        return Ok(area);
    }
    let found = release.find_councils(query);
    let whole = found
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(query.trim()));
    match (whole, found.as_slice()) {
        (Some(area), _) => Ok(area),
        (None, [only]) => Ok(only),
        (None, []) => Err(format!(
            "No council in the published figures matches \"{}\": give part of its name or its \
             code (e.g. \"Leeds\" or 383).",
            printable(query)
        )),
        (None, several) => {
            let names: Vec<&str> = several.iter().take(10).map(|a| a.name.as_str()).collect();
            Err(format!(
                "\"{}\" matches {} councils: {}{}. Give more of the name, or its code.",
                printable(query),
                several.len(),
                names.join(", "),
                if several.len() > 10 { ", …" } else { "" }
            ))
        }
    }
}
