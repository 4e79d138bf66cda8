//! Whole-window image snapshots, generated on this project's machine kind
//! (`UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots` to regenerate after a deliberate change).

mod common;

#[test]
fn overview_of_the_example_plan() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.snapshot("overview");
}
