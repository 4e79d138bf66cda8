//! The example plan built into the app, so a newcomer sees a meaningful picture at once. It is
//! the same file as `saved-plans/stretched-locality.ron` (a test keeps them one).

use super::load::load_str;
use crate::model::{Plan, ScenarioSet};
use std::path::Path;

/// The stretched locality service, as text.
pub const DEFAULT_PLAN_RON: &str = include_str!("../../saved-plans/stretched-locality.ron");

/// The built-in example plan, with its options.
pub fn default_scenarios() -> ScenarioSet {
    load_str(DEFAULT_PLAN_RON, Path::new("built-in example plan"))
        .expect("the built-in plan is a valid plan file: tests/example_plans.rs loads it")
}

/// The built-in example's baseline.
pub fn default_plan() -> Plan {
    default_scenarios().baseline().clone()
}
