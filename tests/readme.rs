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
    assert_eq!((plan.teams.len(), plan.posts.len()), (1, 4));
    // C. Jones: 0.6 FTE agency, 8 x 1.0 + 4 x 1.5 = 14 points of 12: the team's only capacity.
    let a = assess(plan);
    assert!((a.service.sums.capacity_points - 12.0).abs() < 1e-9);
    // The option adds a full-time social worker: 20 more points.
    let option = &set.options()[0].plan;
    assert!((assess(option).service.sums.capacity_points - 32.0).abs() < 1e-9);
}
