//! The DfE's agency and vacancy rates, the case-holder share and the sickness absence rate,
//! hand-worked for each thing an agency worker may cover and for a mixed team.

use super::*;
use crate::model::defaults::{self, case_type::CHILD_IN_NEED, grade::SOCIAL_WORKER};
use crate::model::{
    AbsenceReason, AgencyCover, CaseCounts, Contract, Plan, Post, PostStatus, Team, TeamFunction,
    YearMonth,
};

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// A social worker's post in team 1: filled by "W{id}" unless `fte` is given as vacant.
fn post(id: u32, contract: Contract, fte: f64, filled: bool) -> Post {
    Post {
        reductions: Vec::new(),
        id: PostId(id),
        team: TeamId(1),
        grade: SOCIAL_WORKER,
        contract,
        fte,
        worker: filled.then(|| format!("W{id}")),
        status: PostStatus::Active,
        cases: CaseCounts::new(),
        starts: None,
        leaves: None,
        covers: AgencyCover::Vacancy,
    }
}

fn plan(posts: Vec<Post>) -> Plan {
    Plan {
        teams: vec![Team {
            id: TeamId(1),
            name: "North".into(),
            function: TeamFunction::ChildInNeedProtection,
            unallocated: CaseCounts::new(),
        }],
        posts,
        ..defaults::new_plan()
    }
}

/// Four permanent social workers, one vacant post and one full-time agency worker covering
/// `covers`.
fn four_one_vacant_and_an_agency_worker(covers: AgencyCover) -> Totals {
    let mut posts: Vec<Post> = (1..=4)
        .map(|id| post(id, Contract::Permanent, 1.0, true))
        .collect();
    posts.push(post(5, Contract::Permanent, 1.0, false));
    let mut agency = post(6, Contract::Agency, 1.0, true);
    agency.covers = covers;
    posts.push(agency);
    assess(&plan(posts)).service
}

#[test]
fn an_agency_worker_covering_a_vacancy_counts_as_a_vacancy_and_as_agency() {
    let t = four_one_vacant_and_an_agency_worker(AgencyCover::Vacancy);
    // Agency rate: 1 / (1 agency + 4 employed) = 20%.
    close(t.mix.agency_rate, 1.0 / 5.0);
    // Vacancy FTE: 1 vacant + 1 agency covering a vacancy = 2; 2 / (2 + 4) = 33.3%.
    assert!((t.mix.vacancy_fte - 2.0).abs() < 1e-12);
    close(t.mix.vacancy_rate, 2.0 / 6.0);
}

#[test]
fn an_agency_worker_covering_an_absence_is_agency_but_no_vacancy() {
    let t = four_one_vacant_and_an_agency_worker(AgencyCover::Absence);
    // Agency rate unchanged: 1 / 5 = 20%.
    close(t.mix.agency_rate, 1.0 / 5.0);
    // Vacancy FTE: the vacant post only; 1 / (1 + 4) = 20%.
    assert!((t.mix.vacancy_fte - 1.0).abs() < 1e-12);
    close(t.mix.vacancy_rate, 1.0 / 5.0);
}

#[test]
fn an_agency_worker_over_the_establishment_is_agency_but_no_vacancy() {
    let t = four_one_vacant_and_an_agency_worker(AgencyCover::OverEstablishment);
    close(t.mix.agency_rate, 1.0 / 5.0);
    close(t.mix.vacancy_rate, 1.0 / 5.0);
    let by_cover = t.sums.agency_fte_by_cover;
    assert_eq!(AgencyCover::ALL.map(|c| by_cover.get(c)), [0.0, 0.0, 1.0]);
}

/// Permanent: 5 working full-time (3 holding cases), one on maternity leave (1.0), one on
/// long-term sickness (0.5); fixed-term 1.0 holding cases; two vacant posts (1.0 and 0.5);
/// agency: 1.0 covering a vacancy (holding cases), 0.6 covering the maternity leave (holding
/// cases), 0.4 over the establishment (none yet).
fn mixed_team() -> Plan {
    let mut posts: Vec<Post> = (1..=5)
        .map(|id| post(id, Contract::Permanent, 1.0, true))
        .collect();
    let mut maternity = post(6, Contract::Permanent, 1.0, true);
    maternity.status = PostStatus::Absent {
        reason: AbsenceReason::Maternity,
        returns: None,
    };
    let mut sick = post(7, Contract::Permanent, 0.5, true);
    sick.status = PostStatus::Absent {
        reason: AbsenceReason::LongTermSickness,
        returns: None,
    };
    let fixed = Contract::FixedTerm {
        start: YearMonth::new(2026, 4).unwrap(),
        end: YearMonth::new(2027, 3).unwrap(),
    };
    posts.extend([
        maternity,
        sick,
        post(8, fixed, 1.0, true),
        post(9, Contract::Permanent, 1.0, false),
        post(10, Contract::Permanent, 0.5, false),
    ]);
    for (id, fte, covers) in [
        (11, 1.0, AgencyCover::Vacancy),
        (12, 0.6, AgencyCover::Absence),
        (13, 0.4, AgencyCover::OverEstablishment),
    ] {
        let mut agency = post(id, Contract::Agency, fte, true);
        agency.covers = covers;
        posts.push(agency);
    }
    for p in &mut posts {
        if [1, 2, 3, 8, 11, 12].contains(&p.id.0) {
            p.cases = [(CHILD_IN_NEED, 10)].into();
        }
    }
    plan(posts)
}

#[test]
fn a_mixed_team_by_hand() {
    let t = assess(&mixed_team()).service;
    // Employed in post: permanent 5 + 1 + 0.5 = 6.5, fixed-term 1: 7.5. Agency 1 + 0.6 + 0.4 = 2.
    close(Some(t.employed_fte_in_post()), 7.5);
    // Agency rate: 2 / (2 + 7.5) = 21.1%.
    close(t.mix.agency_rate, 2.0 / 9.5);
    // Vacancy FTE: vacant 1 + 0.5, agency covering a vacancy 1: 2.5; 2.5 / (2.5 + 7.5) = 25%.
    close(t.mix.vacancy_rate, 0.25);
    let working = t.sums.working_agency_fte_by_cover;
    assert_eq!(AgencyCover::ALL.map(|c| working.get(c)), [1.0, 0.6, 0.4]);
    let fig = |id| crate::model::figures::figure(id).of(&t);
    use crate::model::figures::FigureId;
    // Case holders: permanent 1, 2, 3, fixed-term 8, agency 11 and 12: 3 + 1 + 1 + 0.6 = 5.6,
    // over everyone in post, 7.5 + 2 = 9.5: 58.9%.
    close(fig(FigureId::CaseHolderShare), 5.6 / 9.5);
    // Long-term sickness: 0.5 of the 7.5 employed FTE (maternity leave is not sickness): 6.7%.
    close(fig(FigureId::SicknessAbsenceRate), 0.5 / 7.5);
}

#[test]
fn an_agency_worker_off_sick_is_not_in_the_councils_sickness_rate() {
    let mut plan = mixed_team();
    plan.posts[10].status = PostStatus::Absent {
        reason: AbsenceReason::LongTermSickness,
        returns: None,
    };
    let t = assess(&plan).service;
    let rate =
        crate::model::figures::figure(crate::model::figures::FigureId::SicknessAbsenceRate).of(&t);
    close(rate, 0.5 / 7.5);
    // Still in post, still agency, still covering a vacancy: the rates are as they were.
    close(t.mix.vacancy_rate, 0.25);
    assert_eq!(
        t.sums.working_agency_fte_by_cover.get(AgencyCover::Vacancy),
        0.0
    );
}
