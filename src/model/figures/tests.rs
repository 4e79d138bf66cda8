//! The catalogue: complete, consistent, and each figure hand-worked on one small team.

use super::*;
use crate::model::defaults::{case_type::*, grade::*};
use crate::model::projection::project;
use crate::model::{
    AbsenceReason, Assumptions, CaseCounts, Contract, GradeId, Plan, Post, PostId, PostStatus,
    Team, TeamFunction, TeamId, YearMonth, assess, defaults,
};

fn post(id: u32, grade: GradeId, contract: Contract, fte: f64, worker: Option<&str>) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(1),
        grade,
        contract,
        fte,
        worker: worker.map(str::to_owned),
        status: PostStatus::Active,
        cases: CaseCounts::new(),
        starts: None,
        leaves: None,
        covers: Default::default(),
    }
}

/// One team: A (SW, 1.0, 10 CIN + 4 CP), B (SW agency, 0.5, 6 CIN), C (SW, 1.0, no cases yet),
/// a vacant SW post, D (ASYE fixed-term, 1.0, on leave holding 3 CIN), E (team manager); 4 CIN
/// and 2 CP waiting. Weights CIN 1.0, CP 1.5; capacity SW 20, ASYE 16, TM 0 points.
fn small_team() -> Plan {
    let mut plan = defaults::new_plan();
    plan.teams.push(Team {
        id: TeamId(1),
        name: "North".into(),
        function: TeamFunction::ChildInNeedProtection,
        unallocated: [(CHILD_IN_NEED, 4), (CHILD_PROTECTION, 2)].into(),
    });
    let fixed = Contract::FixedTerm {
        start: YearMonth::new(2026, 4).unwrap(),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    let mut a = post(1, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("A"));
    a.cases = [(CHILD_IN_NEED, 10), (CHILD_PROTECTION, 4)].into();
    let mut b = post(2, SOCIAL_WORKER, Contract::Agency, 0.5, Some("B"));
    b.cases = [(CHILD_IN_NEED, 6)].into();
    let c = post(3, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("C"));
    let vacant = post(4, SOCIAL_WORKER, Contract::Permanent, 1.0, None);
    let mut d = post(5, ASYE, fixed, 1.0, Some("D"));
    d.cases = [(CHILD_IN_NEED, 3)].into();
    d.status = PostStatus::Absent {
        reason: AbsenceReason::Maternity,
        returns: None,
    };
    let e = post(6, TEAM_MANAGER, Contract::Permanent, 1.0, Some("E"));
    plan.posts = vec![a, b, c, vacant, d, e];
    plan
}

#[test]
fn ids_are_in_catalogue_order_and_labels_are_unique() {
    for (i, f) in FIGURES.iter().enumerate() {
        assert_eq!(f.id as usize, i, "{} is out of place", f.label);
        assert!(
            f.is_team_figure() || f.is_month_figure() || f.is_projection_figure(),
            "{} is computed from nothing",
            f.label
        );
        assert!(f.definition.ends_with('.'), "{}", f.label);
    }
    let labels: std::collections::HashSet<_> = FIGURES.iter().map(|f| f.label).collect();
    let shorts: std::collections::HashSet<_> = FIGURES.iter().map(|f| f.short).collect();
    assert_eq!(labels.len(), FIGURES.len(), "one label, one figure");
    assert_eq!(
        shorts.len(),
        FIGURES.len(),
        "one column heading, one figure"
    );
}

#[test]
fn each_team_figure_by_hand() {
    let plan = small_team();
    let t = &assess(&plan).teams[0].totals;
    let value = |id| {
        figure(id)
            .of(t)
            .unwrap_or_else(|| panic!("{id:?} has no value"))
    };
    let expect = [
        // Case-holders A (1.0 FTE, 14 cases) and B (0.5, 6): 20 / 1.5.
        (FigureId::Caseload, 20.0 / 1.5),
        // Available in case-holding grades: A, B and C (D is away): 20 / 2.5.
        (FigureId::CasesPerPractitionerFte, 8.0),
        // 23 held + 6 waiting over the same 2.5 FTE.
        (FigureId::AllCasesPerPractitionerFte, 29.0 / 2.5),
        // Points: A 10 + 6, B 6, D 3, waiting 4 + 3 = 32; capacity A 20 + B 10 + C 20 = 50.
        (FigureId::Utilisation, 32.0 / 50.0),
        (FigureId::CaseHoldingFte, 1.5),
        // Case-holders A and B, 1.5 FTE, over all in post A, B, C, D, E: 4.5.
        (FigureId::CaseHolderShare, 1.5 / 4.5),
        (FigureId::PractitionerFte, 2.5),
        (FigureId::CasesHeld, 23.0),
        (FigureId::Unallocated, 6.0),
        (FigureId::MustAllocateWaiting, 2.0),
        (FigureId::DemandCases, 29.0),
        (FigureId::DemandPoints, 32.0),
        (FigureId::CapacityPoints, 50.0),
        // Nobody keeps time back.
        (FigureId::CapacityReduced, 0.0),
        // At 32 / 29 points a case.
        (FigureId::CapacityCases, 50.0 * 29.0 / 32.0),
        (FigureId::HeadroomCases, 18.0 * 29.0 / 32.0),
        // A 16 of 20 points, B 6 of 10, C 0 of 20 (D is away: no capacity).
        (FigureId::WorkersOverCapacity, 0.0),
        (FigureId::HighestWorkerUtilisation, 0.8),
        // Staff needed. 29 cases / target 18 = 1.611 FTE; available A, B, C = 2.5.
        (FigureId::FteNeededForTarget, 29.0 / 18.0),
        // 32 points at 50 / 2.5 = 20 points a FTE: 1.6 FTE; amber is 100% by default.
        (FigureId::FteNeededForCapacity, 1.6),
        (FigureId::FteNeededForAmber, 1.6),
        // 29/18 - 2.5 = -16/18: more than needed; 1.6 - 2.5 = -0.9.
        (FigureId::FteShortOfTarget, -16.0 / 18.0),
        (FigureId::FteShortOfCapacity, -0.9),
        // 2.5 / (29/18) = 45 / 29.
        (FigureId::StaffedForTarget, 45.0 / 29.0),
        // No FTE short: nothing to pay.
        (FigureId::EmployedCostOfTargetGap, 0.0),
        (FigureId::AgencyCostOfTargetGap, 0.0),
        // Agency 0.5 against employed A, C, D, E = 4.
        (FigureId::AgencyRate, 0.5 / 4.5),
        // B covers a vacancy (the default): (vacant 1 + agency 0.5) / (1.5 + employed 4).
        (FigureId::VacancyRate, 1.5 / 5.5),
        // D / (A + B + C + D in post).
        (FigureId::AsyeShare, 1.0 / 3.5),
        (FigureId::CaseHoldersPerManager, 4.0),
        (FigureId::AgencyFte, 0.5),
        (FigureId::VacantPosts, 1.0),
        (FigureId::VacantFte, 1.0),
        (FigureId::AbsentFte, 1.0),
        // D is on maternity leave, not sick: 0 of the 4 employed FTE.
        (FigureId::SicknessAbsenceRate, 0.0),
        // SW 45,000 x 1.3 twice, agency 360 x 220 x 0.5, ASYE 36,000 x 1.3, TM 58,000 x 1.3.
        (FigureId::AnnualCost, 278_800.0),
        (
            FigureId::CostPerCaseOfCapacity,
            278_800.0 / (50.0 * 29.0 / 32.0),
        ),
    ];
    for (id, expected) in expect {
        let actual = value(id);
        assert!(
            (actual - expected).abs() < 1e-9,
            "{id:?}: expected {expected}, got {actual}"
        );
    }
    // The rest are figures of projected months or of a whole projection.
    let month_only = FIGURES.iter().filter(|f| !f.is_team_figure()).count();
    assert_eq!(
        expect.len() + month_only,
        FIGURES.len(),
        "every figure checked"
    );
}

#[test]
fn workers_over_capacity_are_counted_and_the_highest_is_the_services_highest() {
    let mut plan = small_team();
    // B (0.5 FTE, 10 points of capacity) now holds 12 CIN: 120%; D, away, holds 30: not counted.
    plan.posts[1].cases = [(CHILD_IN_NEED, 12)].into();
    plan.posts[4].cases = [(CHILD_IN_NEED, 30)].into();
    // A second team: one social worker with 25 CIN, 125%.
    plan.teams.push(Team {
        id: TeamId(2),
        name: "South".into(),
        function: TeamFunction::ChildInNeedProtection,
        unallocated: CaseCounts::new(),
    });
    let mut f = post(7, SOCIAL_WORKER, Contract::Permanent, 1.0, Some("F"));
    f.team = TeamId(2);
    f.cases = [(CHILD_IN_NEED, 25)].into();
    plan.posts.push(f);
    let a = assess(&plan);
    let of = |id, t| figure(id).of(t);
    let north = &a.teams[0].totals;
    assert_eq!(of(FigureId::WorkersOverCapacity, north), Some(1.0));
    assert_eq!(of(FigureId::HighestWorkerUtilisation, north), Some(1.2));
    assert_eq!(of(FigureId::WorkersOverCapacity, &a.service), Some(2.0));
    assert_eq!(
        of(FigureId::HighestWorkerUtilisation, &a.service),
        Some(1.25)
    );
    // A team with nobody available has no highest utilisation.
    plan.posts.retain(|p| p.team == TeamId(1));
    plan.teams[1].unallocated = [(CHILD_IN_NEED, 3)].into();
    let a = assess(&plan);
    assert_eq!(
        of(FigureId::HighestWorkerUtilisation, &a.teams[1].totals),
        None
    );
    assert_eq!(
        of(FigureId::WorkersOverCapacity, &a.teams[1].totals),
        Some(0.0)
    );
}

#[test]
fn a_figure_without_a_value_says_so() {
    let mut plan = small_team();
    plan.posts.retain(|p| p.grade == TEAM_MANAGER);
    let t = &assess(&plan).teams[0].totals;
    for id in [
        FigureId::Caseload,
        FigureId::CasesPerPractitionerFte,
        FigureId::AllCasesPerPractitionerFte,
        FigureId::Utilisation,
        FigureId::CostPerCaseOfCapacity,
    ] {
        assert_eq!(figure(id).of(t), None, "{id:?}");
    }
}

#[test]
fn the_first_projected_month_has_the_same_figures_as_today() {
    let mut plan = small_team();
    plan.assumptions = Assumptions::steady();
    let first = &project(&plan).months[0];
    let service = &assess(&plan).service;
    let both: Vec<&Figure> = FIGURES
        .iter()
        .filter(|f| f.is_team_figure() && f.is_month_figure())
        .collect();
    assert!(both.len() >= 8, "{}", both.len());
    for f in both {
        let (today, month) = (f.of(service).unwrap(), f.of_month(first).unwrap());
        assert!(
            (today - month).abs() < 1e-9,
            "{}: today {today}, first month {month}",
            f.label
        );
    }
}
