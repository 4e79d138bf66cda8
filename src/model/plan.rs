//! The plan: one children's service described as case types, grades, teams and posts.
//!
//! These are plain data. Whether a plan is *valid* is decided by [`super::validate`]; what it
//! *means* (caseloads, capacity, staffing mix) by [`super::assess`].

use super::assumptions::Assumptions;
use super::costs::CostRates;
use super::ids::{CaseTypeId, GradeId, PostId, TeamId};
use super::month::YearMonth;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Case counts by case type. A `BTreeMap` keeps files and output in a stable order.
pub type CaseCounts = BTreeMap<CaseTypeId, u32>;

/// One service's workforce plan as one scenario sees it: the parts every scenario shares (name,
/// notes, settings, timeline, case types, grades, cost rates) and this scenario's own structure
/// (teams, posts) and assumptions. A file holds a baseline and its options as a
/// [`super::ScenarioSet`]; its file form (with a format version) lives in `crate::io`.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub name: String,
    /// Free text: where the figures come from, what the plan is for.
    pub notes: String,
    pub settings: Settings,
    pub timeline: Timeline,
    pub case_types: Vec<CaseType>,
    pub grades: Vec<Grade>,
    pub costs: CostRates,
    pub teams: Vec<Team>,
    pub posts: Vec<Post>,
    pub assumptions: Assumptions,
}

/// The months a plan looks ahead over: the plan describes the service as it is in `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub start: YearMonth,
    /// Months projected, `start` included: 1 to [`Timeline::MAX_MONTHS`].
    pub months: u32,
}

impl Timeline {
    /// Five years: the longest horizon anyone plans a workforce over with these tools.
    pub const MAX_MONTHS: u32 = 60;

    /// The month `offset` months into the plan (0 is the start month).
    pub fn month(&self, offset: u32) -> Option<YearMonth> {
        self.start.plus_months(i32::try_from(offset).ok()?)
    }

    /// How many months into the plan `month` is (negative before the start).
    pub fn offset(&self, month: YearMonth) -> i32 {
        self.start.months_until(month)
    }
}

impl Default for Timeline {
    /// April 2026 (the start of a financial year) for three years. Plans say their own start.
    fn default() -> Self {
        Timeline {
            start: YearMonth::new(2026, 4).expect("April 2026 is a valid month"),
            months: 36,
        }
    }
}

impl Plan {
    pub fn team(&self, id: TeamId) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    pub fn grade(&self, id: GradeId) -> Option<&Grade> {
        self.grades.iter().find(|g| g.id == id)
    }

    pub fn post(&self, id: PostId) -> Option<&Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    /// Where each team is in `teams`: for looking teams up once per post, not by a search.
    pub fn team_positions(&self) -> foldhash::HashMap<TeamId, usize> {
        self.teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, i))
            .collect()
    }

    /// Each team's workers drawn in the caseload charts (the window's and the report's), in
    /// the plan's team order and each team's in post order: available (filled, not absent)
    /// and holding cases or in a case-holding grade. One pass over the posts, so a plan of
    /// thousands of teams does not search every post for each team.
    pub fn charted_workers(&self) -> Vec<Vec<&Post>> {
        let positions = self.team_positions();
        let mut teams: Vec<Vec<&Post>> = vec![Vec::new(); self.teams.len()];
        for post in &self.posts {
            let Some(&team) = positions.get(&post.team) else {
                continue;
            };
            let case_holding = || {
                self.grades
                    .iter()
                    .any(|g| g.id == post.grade && g.holds_cases)
            };
            if post.is_available() && (post.cases_held() > 0 || case_holding()) {
                teams[team].push(post);
            }
        }
        teams
    }
}

/// A kind of case and how much work one case of it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseType {
    pub id: CaseTypeId,
    pub name: String,
    /// Points one case counts for. 1.0 is a standard child-in-need case; must be > 0.
    pub weight: f64,
    /// Cases of this type may never wait unallocated (child protection, looked after, court).
    pub must_allocate: bool,
}

/// What a grade is for, beyond its capacity: used for the staffing-mix checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GradeRole {
    /// A case-holding social worker at any experienced level.
    Practitioner,
    /// Newly qualified, in the protected ASYE year.
    NewlyQualified,
    /// Supervises case-holders; counted for span of control.
    TeamManager,
    /// Service or senior manager.
    SeniorManager,
    /// Anything else (business support, family support worker...).
    Other,
}

/// A job grade and how much weighted work one full-time worker at it can carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub id: GradeId,
    pub name: String,
    pub role: GradeRole,
    /// Weighted points one worker can carry at 1.0 FTE (0 for grades that hold no cases).
    pub capacity_points: f64,
    /// Whether workers at this grade normally hold cases.
    pub holds_cases: bool,
}

/// What a team does. Informational: it labels the team and groups charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TeamFunction {
    FrontDoor,
    ChildInNeedProtection,
    ChildrenInCare,
    CareLeavers,
    EdgeOfCare,
    FosteringAdoption,
    EarlyHelp,
    Other,
}

impl TeamFunction {
    pub const ALL: [TeamFunction; 8] = [
        TeamFunction::FrontDoor,
        TeamFunction::ChildInNeedProtection,
        TeamFunction::ChildrenInCare,
        TeamFunction::CareLeavers,
        TeamFunction::EdgeOfCare,
        TeamFunction::FosteringAdoption,
        TeamFunction::EarlyHelp,
        TeamFunction::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TeamFunction::FrontDoor => "Front door / assessment",
            TeamFunction::ChildInNeedProtection => "Child in need / protection",
            TeamFunction::ChildrenInCare => "Children in care",
            TeamFunction::CareLeavers => "Care leavers",
            TeamFunction::EdgeOfCare => "Edge of care",
            TeamFunction::FosteringAdoption => "Fostering and adoption",
            TeamFunction::EarlyHelp => "Early help",
            TeamFunction::Other => "Other",
        }
    }
}

/// A team, and the work waiting in it that no one holds yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "super::unique_keys::TeamFields")]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub function: TeamFunction,
    /// Cases with no named worker, by case type.
    #[serde(default)]
    pub unallocated: CaseCounts,
}

impl Team {
    /// Cases whose worker has gone (post deleted or vacated, contract ended) join the team's
    /// unallocated work. Counts stay within the plausible maximum, so the plan stays valid.
    pub fn receive_unallocated(&mut self, cases: &CaseCounts) {
        for (&case_type, &n) in cases {
            let waiting = self.unallocated.entry(case_type).or_default();
            *waiting = waiting
                .saturating_add(n)
                .min(super::validate::MAX_CASE_COUNT);
        }
        self.unallocated.retain(|_, n| *n > 0);
    }
}

/// How a post is filled, contractually.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Contract {
    Permanent,
    /// Supplied by an agency, usually covering a vacancy, at a premium rate.
    Agency,
    /// Employed directly for a set period; `end` is the last month worked.
    FixedTerm {
        start: YearMonth,
        end: YearMonth,
    },
}

/// The three contract kinds, without dates: used for grouping and totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContractKind {
    Permanent,
    Agency,
    FixedTerm,
}

impl ContractKind {
    pub const ALL: [ContractKind; 3] = [
        ContractKind::Permanent,
        ContractKind::Agency,
        ContractKind::FixedTerm,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ContractKind::Permanent => "Permanent",
            ContractKind::Agency => "Agency",
            ContractKind::FixedTerm => "Fixed-term",
        }
    }
}

impl Contract {
    pub fn kind(&self) -> ContractKind {
        match self {
            Contract::Permanent => ContractKind::Permanent,
            Contract::Agency => ContractKind::Agency,
            Contract::FixedTerm { .. } => ContractKind::FixedTerm,
        }
    }
}

/// What an agency worker is there for. The DfE's vacancy rate counts only the first as a
/// vacancy; its agency rate counts all three. Meaningful only for agency posts (a post on
/// another contract covers a vacancy, the default, and nothing else).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgencyCover {
    /// Covering a vacant post of the establishment: the usual case.
    #[default]
    Vacancy,
    /// Covering a worker who is away (e.g. maternity cover): the post is not vacant.
    Absence,
    /// Capacity added over the establishment: no post of the establishment is vacant for it.
    OverEstablishment,
}

impl AgencyCover {
    pub const ALL: [AgencyCover; 3] = [
        AgencyCover::Vacancy,
        AgencyCover::Absence,
        AgencyCover::OverEstablishment,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AgencyCover::Vacancy => "Covering a vacancy",
            AgencyCover::Absence => "Covering an absence",
            AgencyCover::OverEstablishment => "Extra capacity over establishment",
        }
    }

    /// One word for a column heading: "Agency: absence".
    pub fn short(self) -> &'static str {
        match self {
            AgencyCover::Vacancy => "vacancy",
            AgencyCover::Absence => "absence",
            AgencyCover::OverEstablishment => "extra",
        }
    }

    /// The default, which a plan file leaves out.
    pub fn is_vacancy(&self) -> bool {
        *self == AgencyCover::Vacancy
    }
}

/// Why a worker is away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AbsenceReason {
    Maternity,
    LongTermSickness,
    Secondment,
    Other,
}

impl AbsenceReason {
    pub const ALL: [AbsenceReason; 4] = [
        AbsenceReason::Maternity,
        AbsenceReason::LongTermSickness,
        AbsenceReason::Secondment,
        AbsenceReason::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AbsenceReason::Maternity => "Maternity / parental leave",
            AbsenceReason::LongTermSickness => "Long-term sickness",
            AbsenceReason::Secondment => "Secondment",
            AbsenceReason::Other => "Other absence",
        }
    }
}

/// Whether the post's worker is working now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PostStatus {
    #[default]
    Active,
    Absent {
        reason: AbsenceReason,
        /// Expected month back, if known.
        returns: Option<YearMonth>,
    },
}

/// One post in the establishment: filled by a named worker, or vacant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "super::unique_keys::PostFields")]
pub struct Post {
    pub id: PostId,
    pub team: TeamId,
    pub grade: GradeId,
    pub contract: Contract,
    /// Full-time equivalent: 0 < fte <= 1 (a three-day week is 0.6).
    pub fte: f64,
    /// The worker's name; `None` means the post is vacant.
    pub worker: Option<String>,
    #[serde(default)]
    pub status: PostStatus,
    /// Cases the worker holds, by case type. A vacant post holds none.
    #[serde(default)]
    pub cases: CaseCounts,
    /// The month the post (and its worker, if named) starts, when that is not before the plan:
    /// a planned recruit. Also when an ASYE worker's year began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<YearMonth>,
    /// The worker's last month in the post, when known (a leaver): afterwards it is vacant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves: Option<YearMonth>,
    /// What an agency worker covers (a vacancy unless said otherwise); see [`AgencyCover`].
    #[serde(default, skip_serializing_if = "AgencyCover::is_vacancy")]
    pub covers: AgencyCover,
    /// Capacity kept back for a reason and a period (protected time, a phased return…):
    /// see [`super::reductions`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reductions: Vec<super::reductions::Reduction>,
}

impl Post {
    pub fn is_vacant(&self) -> bool {
        self.worker.is_none()
    }

    pub fn is_absent(&self) -> bool {
        matches!(self.status, PostStatus::Absent { .. })
    }

    /// Filled and working: the only posts that contribute capacity.
    pub fn is_available(&self) -> bool {
        !self.is_vacant() && !self.is_absent()
    }

    /// The first and last months the post exists, from its start date and fixed-term dates.
    /// `None` for an end means it goes on.
    pub fn exists_between(&self) -> (Option<YearMonth>, Option<YearMonth>) {
        match self.contract {
            Contract::FixedTerm { start, end } => {
                (Some(self.starts.map_or(start, |s| s.max(start))), Some(end))
            }
            Contract::Permanent | Contract::Agency => (self.starts, None),
        }
    }

    /// What the post's worker covers, for the vacancy rate: an agency worker's own
    /// [`AgencyCover`]; `None` for a post on another contract.
    pub fn agency_cover(&self) -> Option<AgencyCover> {
        (self.contract == Contract::Agency).then_some(self.covers)
    }

    /// Total cases held. `u64` because a hostile file could make a `u32` sum overflow.
    pub fn cases_held(&self) -> u64 {
        self.cases.values().map(|&n| u64::from(n)).sum()
    }
}

/// Service-wide targets and thresholds. Defaults are illustrative, not national standards.
/// A file may leave any of them out to take the default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Target cases per case-holding FTE; a team above it is flagged.
    pub caseload_target: f64,
    /// Utilisation (as a fraction, 1.0 = 100%) at which a post or team turns amber.
    pub amber_from: f64,
    /// Utilisation at which a post or team turns red; must be above `amber_from`.
    pub red_from: f64,
    /// Highest acceptable agency rate (fraction of FTE in post plus agency).
    pub max_agency_share: f64,
    /// Highest acceptable share of case-holding FTE in the ASYE year.
    pub max_asye_share: f64,
    /// Most case-holders one team manager should supervise.
    pub max_span_of_control: f64,
    /// The council the plan is for, to compare with the DfE's published figures: its old
    /// (DfE) code, such as `301`, or `940 / 941` for two councils published together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charted_workers_are_each_teams_available_case_holders_in_post_order() {
        // Two generated teams of 20: a team manager each (a grade that holds no cases, and
        // none held), some vacancies and absences.
        let mut plan = crate::model::synthetic::plan(40, 400);
        // A manager holding a case after all is drawn; a worker moved to the second team
        // is drawn there.
        for i in [0, 5, 20] {
            plan.posts[i].status = PostStatus::Active;
            plan.posts[i].worker = Some(format!("Worker {i}"));
        }
        plan.posts[0].cases.insert(plan.case_types[0].id, 1);
        plan.posts[5].team = plan.teams[1].id;
        let charted = plan.charted_workers();
        assert_eq!(charted.len(), 2);
        for (team, workers) in plan.teams.iter().zip(&charted) {
            let expected: Vec<PostId> = plan
                .posts
                .iter()
                .filter(|p| p.team == team.id && p.is_available())
                .filter(|p| {
                    p.cases_held() > 0 || plan.grade(p.grade).is_some_and(|g| g.holds_cases)
                })
                .map(|p| p.id)
                .collect();
            let got: Vec<PostId> = workers.iter().map(|p| p.id).collect();
            assert_eq!(got, expected);
        }
        assert_eq!(
            charted[0][0].id, plan.posts[0].id,
            "the manager with a case"
        );
        assert!(
            !charted[1].iter().any(|p| p.id == plan.posts[20].id),
            "a manager without"
        );
        assert!(charted[1].iter().any(|p| p.id == plan.posts[5].id));
        let vacant = plan.posts.iter().filter(|p| p.is_vacant()).count();
        assert!(vacant > 0);
        assert!(charted.iter().flatten().all(|p| !p.is_vacant()));
    }
}
