//! The domain, pure: plain data in, plain data out. No UI, no files, no clocks.
//!
//! - `plan`: what a plan is ([`Plan`] and its parts: case types, grades, teams, posts, settings);
//! - [`validate`](mod@validate): what makes a plan valid, as a list of [`Problem`]s, each with
//!   a [`Location`] (ids to select, names to show);
//! - [`shown`]: names and numbers from a file as messages show them (escaped, shortened);
//! - [`assess`](mod@assess): every figure derived from a plan;
//! - [`allocation`]: staff needed to meet the plan's targets, the gap and its cost; proposals
//!   that allocate waiting work and balance caseloads by moving whole cases;
//! - [`benchmark`]: the DfE's published figures (a [`benchmark::Release`]), statistical
//!   neighbours, medians, ranks and quartiles, and a council's figures beside them;
//! - [`figures`]: the catalogue of figures: label, unit, definition and computation of each;
//! - [`defaults`]: illustrative starting weights, grades and targets;
//! - [`scenarios`]: the baseline and its options, keeping their shared parts equal;
//! - [`assumptions`]: turnover, recruitment and demand change, per scenario;
//! - [`projection`]: the service month by month (expected path and Monte Carlo bands);
//! - [`costs`]: cost rates and annual cost;
//! - [`changes`]: what an option changes against the baseline;
//! - [`anonymise`]: workers' names as their grade and a stable number, for meetings and exports;
//! - [`report`]: the tables every export writes (posts, teams, alerts, projection, comparison,
//!   changes, definitions and assumptions), as plain data;
//! - [`compare`]: headline figures of several scenarios side by side;
//! - [`synthetic`]: large generated plans for benchmarks and tests;
//! - [`import`]: a staff list or caseload report (as a table) read into posts, teams and case
//!   counts, with a preview of every problem by row and column.

pub mod allocation;
pub mod anonymise;
pub mod assess;
pub mod assumptions;
pub mod benchmark;
pub mod changes;
pub mod command;
pub mod compare;
pub mod costs;
pub mod defaults;
pub mod demand_flows;
pub mod figures;
mod ids;
pub mod import;
pub mod money;
mod month;
mod plan;
mod problems;
pub mod projection;
pub mod reductions;
pub mod report;
pub mod retention;
pub mod scenarios;
pub mod sensitivity;
pub mod shown;
pub mod synthetic;
mod unique_keys;
pub mod validate;

pub use assess::{
    Assessment, Band, Flag, PostAssessment, StaffingMix, TeamAssessment, Totals, assess,
};
pub use assumptions::{Assumptions, DemandChange, Turnover};
pub use command::{Command, Created, Refusal, apply};
pub use costs::CostRates;
pub use ids::{CaseTypeId, GradeId, NextIds, PostId, ScenarioId, TeamId};
pub use month::{MonthParseError, YearMonth};
pub use plan::{
    AbsenceReason, AgencyCover, CaseCounts, CaseType, Contract, ContractKind, Grade, GradeRole,
    Plan, Post, PostStatus, Settings, Team, TeamFunction, Timeline,
};
pub use scenarios::{BASELINE_NAME, Scenario, ScenarioSet};
pub use validate::{Location, Problem, Problems, validate};
