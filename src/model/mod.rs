//! The domain, pure: plain data in, plain data out. No UI, no files, no clocks.
//!
//! - `plan`: what a plan is ([`Plan`] and its parts: case types, grades, teams, posts, settings);
//! - [`validate`](mod@validate): what makes a plan valid, as a list of [`Problem`]s;
//! - [`assess`](mod@assess): every figure derived from a plan;
//! - [`defaults`]: illustrative starting weights, grades and targets;
//! - [`projection`]: capacity month by month from the dates in a plan;
//! - [`costs`]: annual cost of a plan at given (illustrative) rates;
//! - [`synthetic`]: large generated plans for benchmarks and tests.

pub mod assess;
pub mod command;
pub mod costs;
pub mod defaults;
mod ids;
mod month;
mod plan;
pub mod projection;
pub mod synthetic;
pub mod validate;

pub use assess::{
    Assessment, Band, Flag, PostAssessment, StaffingMix, TeamAssessment, Totals, assess,
};
pub use command::{Command, Created, Refusal, apply};
pub use ids::{CaseTypeId, GradeId, PostId, TeamId};
pub use month::{MonthParseError, YearMonth};
pub use plan::{
    AbsenceReason, CaseCounts, CaseType, Contract, ContractKind, Grade, GradeRole, Plan, Post,
    PostStatus, Settings, Team, TeamFunction,
};
pub use validate::{Problem, validate};
