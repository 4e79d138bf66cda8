//! The plan file example in the README is a valid plan, so the documentation stays true.

use caseload_planner::io::load_str;
use caseload_planner::model::assess;
use std::path::Path;

#[test]
fn the_readme_file_format_example_loads() {
    let readme = include_str!("../README.md");
    let start = readme.find("```ron\n").expect("a ```ron block") + "```ron\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let set = load_str(&readme[start..end], Path::new("README example"))
        .unwrap_or_else(|e| panic!("{e}"));
    let plan = set.baseline();
    assert_eq!((plan.teams.len(), plan.posts.len()), (1, 5));
    // The available social workers, less the baseline's 10% protected time for their grade:
    // C. Jones, 0.6 FTE agency, 20 x 0.6 x 0.9 = 10.8 points; H. Okafor, 0.8 FTE, keeps 3.7 of
    // 29.6 hours back as well: 20 x 0.8 x (1 - 0.125 - 0.1) = 12.4 points.
    let a = assess(plan);
    assert!((a.service.sums.capacity_points - 23.2).abs() < 1e-9);
    assert!((a.service.sums.reduced_points - (1.2 + 3.6)).abs() < 1e-9);
    // The option adds a full-time social worker: 20 more points.
    let option = &set.options()[0].plan;
    assert!((assess(option).service.sums.capacity_points - 32.0).abs() < 1e-9);
}

/// The catalogue of figures as the README's table: label, definition, where it is shown.
fn figures_table() -> String {
    use caseload_planner::model::figures::FIGURES;
    let mut table = String::from("| figure | definition | for |\n| --- | --- | --- |\n");
    for f in &FIGURES {
        let scope = match (f.is_team_figure(), f.is_month_figure()) {
            (true, true) => "team, service, month",
            (true, false) => "team, service",
            (false, true) => "month",
            (false, false) if f.is_projection_figure() => "projection",
            (false, false) => panic!("{} is computed from nothing", f.label),
        };
        table.push_str(&format!("| {} | {} | {scope} |\n", f.label, f.definition));
    }
    table
}

#[test]
fn the_readme_lists_every_figure_of_the_catalogue_as_defined() {
    let readme = include_str!("../README.md");
    let table = figures_table();
    if std::env::var_os("PRINT_FIGURES_TABLE").is_some() {
        println!("{table}");
    }
    assert!(
        readme.contains(&table),
        "README.md's figures table differs from the catalogue (src/model/figures.rs); \
         run with PRINT_FIGURES_TABLE=1 -- --nocapture to print it:\n{table}"
    );
}

/// The README's shortcuts are the app's (the menus' table, src/ui/commands.rs, which Help lists).
#[test]
fn the_readme_lists_the_keyboard_shortcuts_as_the_app_does() {
    let readme = include_str!("../README.md");
    let table = caseload_planner::ui::shortcuts_markdown();
    assert!(
        readme.contains(&table),
        "README.md's shortcuts table differs from src/ui/commands.rs; it should read:\n{table}"
    );
}
