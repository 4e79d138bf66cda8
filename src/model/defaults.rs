//! Starting values for a new plan. All are **illustrative**: councils set their own weights and
//! capacities, and there is no national caseload standard in England.

use super::ids::{CaseTypeId, GradeId};
use super::plan::{CaseType, Grade, GradeRole, Settings};

/// Stable ids of the default case types, so example plans and tests can name them.
pub mod case_type {
    use super::CaseTypeId;
    pub const ASSESSMENT: CaseTypeId = CaseTypeId(1);
    pub const CHILD_IN_NEED: CaseTypeId = CaseTypeId(2);
    pub const CHILD_PROTECTION: CaseTypeId = CaseTypeId(3);
    pub const LOOKED_AFTER: CaseTypeId = CaseTypeId(4);
    pub const COURT: CaseTypeId = CaseTypeId(5);
    pub const CARE_LEAVER: CaseTypeId = CaseTypeId(6);
}

/// Stable ids of the default grades.
pub mod grade {
    use super::GradeId;
    pub const ASYE: GradeId = GradeId(1);
    pub const SOCIAL_WORKER: GradeId = GradeId(2);
    pub const SENIOR_PRACTITIONER: GradeId = GradeId(3);
    pub const ADVANCED_PRACTITIONER: GradeId = GradeId(4);
    pub const TEAM_MANAGER: GradeId = GradeId(5);
    pub const SERVICE_MANAGER: GradeId = GradeId(6);
}

/// Default case types and weights (points per case; 1.0 = a standard child-in-need case).
pub fn case_types() -> Vec<CaseType> {
    let case_type = |id, name: &str, weight, must_allocate| CaseType {
        id,
        name: name.to_owned(),
        weight,
        must_allocate,
    };
    vec![
        case_type(case_type::ASSESSMENT, "Assessment", 0.8, false),
        case_type(case_type::CHILD_IN_NEED, "Child in need", 1.0, false),
        case_type(case_type::CHILD_PROTECTION, "Child protection", 1.5, true),
        case_type(case_type::LOOKED_AFTER, "Child looked after", 1.2, true),
        case_type(case_type::COURT, "Court / PLO", 2.0, true),
        case_type(case_type::CARE_LEAVER, "Care leaver", 0.6, false),
    ]
}

/// Default grades with their capacity in weighted points at 1.0 FTE.
///
/// ASYE is 16, a protected 80% of a social worker's 20. Senior and advanced practitioners carry
/// fewer points because part of their time goes on consultation and supervision.
pub fn grades() -> Vec<Grade> {
    let grade = |id, name: &str, role, capacity_points, holds_cases| Grade {
        id,
        name: name.to_owned(),
        role,
        capacity_points,
        holds_cases,
    };
    vec![
        grade(
            grade::ASYE,
            "ASYE / newly qualified",
            GradeRole::NewlyQualified,
            16.0,
            true,
        ),
        grade(
            grade::SOCIAL_WORKER,
            "Social worker",
            GradeRole::Practitioner,
            20.0,
            true,
        ),
        grade(
            grade::SENIOR_PRACTITIONER,
            "Senior practitioner",
            GradeRole::Practitioner,
            16.0,
            true,
        ),
        grade(
            grade::ADVANCED_PRACTITIONER,
            "Advanced practitioner",
            GradeRole::Practitioner,
            12.0,
            true,
        ),
        grade(
            grade::TEAM_MANAGER,
            "Team manager",
            GradeRole::TeamManager,
            0.0,
            false,
        ),
        grade(
            grade::SERVICE_MANAGER,
            "Service manager",
            GradeRole::SeniorManager,
            0.0,
            false,
        ),
    ]
}

impl Default for Settings {
    /// Illustrative targets: 18 cases per case-holding FTE (below the proposed cap of 20), amber
    /// from 100% and red from 110% utilisation (as in probation's workload tool), at most 15%
    /// agency, 20% ASYE, and 6 case-holders per team manager (CWLA suggests 5).
    fn default() -> Self {
        Settings {
            caseload_target: 18.0,
            amber_from: 1.0,
            red_from: 1.1,
            max_agency_share: 0.15,
            max_asye_share: 0.2,
            max_span_of_control: 6.0,
            council: None,
        }
    }
}

/// A new, empty plan: the default case types, grades and targets, and no teams yet.
pub fn new_plan() -> super::Plan {
    let grades = grades();
    super::Plan {
        name: "New plan".to_owned(),
        notes: String::new(),
        settings: Settings::default(),
        timeline: super::Timeline::default(),
        case_types: case_types(),
        costs: super::CostRates::illustrative_for(&grades),
        grades,
        teams: Vec::new(),
        posts: Vec::new(),
        assumptions: super::Assumptions::default(),
    }
}
