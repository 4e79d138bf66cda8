//! A plan built from a council's published figures (File > New from published figures…, and
//! `caseload-planner new --council`): its case-holding FTE and cases, FTE in post, agency FTE
//! and vacancies, in a starting team structure the user chooses, with the council set for
//! benchmarking.
//!
//! The plan's headline caseload, agency rate and vacancy rate equal the published ones at the
//! published rounding (one decimal of a percentage or a caseload). The counts are published to
//! 0.1 FTE and the rates were worked out from the unrounded counts, so the counts as published
//! do not always give the published rate (Rutland 2025: 181 cases / 15.4 FTE = 11.75, published
//! 11.7). The plan then moves a count by at most 0.04 FTE, which still rounds to the published
//! count, so that every rate rounds to the published one too: the plan agrees with every
//! published figure at its rounding.

use super::{Area, Published};
use crate::model::defaults::{self, case_type, grade};
use crate::model::{
    AgencyCover, CaseCounts, CaseTypeId, Contract, Grade, GradeId, GradeRole, Plan, Post, PostId,
    PostStatus, Team, TeamFunction, TeamId, Timeline, YearMonth,
};

/// The teams a plan built from published figures starts with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StartingTeams {
    /// One team holding every post and case.
    One,
    /// A team per function, each with its share of the case-holding staff, cases, managers,
    /// agency workers and vacancies.
    ByFunction(FunctionShares),
}

/// How the service divides between the four teams of [`StartingTeams::ByFunction`], as
/// weights: only their proportions matter (20, 45, 25, 10 is the same as 0.2, 0.45, …).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunctionShares {
    pub front_door: f64,
    pub child_in_need_protection: f64,
    pub children_in_care: f64,
    pub care_leavers: f64,
}

impl Default for FunctionShares {
    /// Illustrative: a fifth of the work at the front door, most in child in need and
    /// protection, a quarter with children in care and a tenth with care leavers.
    fn default() -> Self {
        FunctionShares {
            front_door: 20.0,
            child_in_need_protection: 45.0,
            children_in_care: 25.0,
            care_leavers: 10.0,
        }
    }
}

impl FunctionShares {
    /// Each function with its team name and weight, in the order the teams are made.
    pub fn teams(&self) -> [(TeamFunction, &'static str, f64); 4] {
        [
            (TeamFunction::FrontDoor, "Front door", self.front_door),
            (
                TeamFunction::ChildInNeedProtection,
                "Child in need and protection",
                self.child_in_need_protection,
            ),
            (
                TeamFunction::ChildrenInCare,
                "Children in care",
                self.children_in_care,
            ),
            (TeamFunction::CareLeavers, "Care leavers", self.care_leavers),
        ]
    }
}

/// Why no plan could be built.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StartProblem {
    #[error(
        "{council}'s {year} figures do not include {}: they were not published (suppressed), \
         so no plan can be built from them",
        .missing.join(", ")
    )]
    NotPublished {
        council: String,
        year: u16,
        missing: Vec<&'static str>,
    },
    #[error(
        "the shares of the teams must be zero or more and add up to more than zero \
         (they are weights: 20, 45, 25 and 10 divide the service in those proportions)"
    )]
    BadShares,
    #[error(
        "{council}'s {year} figures give {case_holders} case-holding FTE but only {staff} FTE in \
         post and agency together, so no plan can hold them"
    )]
    Inconsistent {
        council: String,
        year: u16,
        case_holders: String,
        staff: String,
    },
}

/// A team manager supervises at most this many case-holders in the plan built: the plan's
/// default span of control.
const CASE_HOLDERS_PER_MANAGER: u64 = 6;

/// The grade given to staff in post who hold no cases and do not manage a team (reviewing
/// officers, practice educators, staff in non-case-holding roles): the release counts them in
/// post but not as case-holders.
pub const NO_CASES_GRADE: GradeId = GradeId(7);

/// A plan of `council`'s service as `published` for `year`, in the `teams` chosen.
pub fn plan_from_published(
    council: &Area,
    year: u16,
    published: &Published,
    teams: StartingTeams,
) -> Result<Plan, StartProblem> {
    let counts = Counts::of(council, year, published)?;
    let shares: Vec<(TeamFunction, &str, f64)> = match teams {
        StartingTeams::One => vec![(TeamFunction::ChildInNeedProtection, "Social work", 1.0)],
        StartingTeams::ByFunction(s) => {
            let all = s.teams();
            let valid = all.iter().all(|t| t.2.is_finite() && t.2 >= 0.0)
                && all.iter().map(|t| t.2).sum::<f64>() > 0.0;
            if !valid {
                return Err(StartProblem::BadShares);
            }
            all.into_iter().filter(|t| t.2 > 0.0).collect()
        }
    };
    let weights: Vec<f64> = shares.iter().map(|t| t.2).collect();
    let mut plan = defaults::new_plan();
    plan.name = format!("{} from published figures ({year})", council.name);
    plan.settings.council = council.old_la_code.clone();
    plan.timeline = Timeline {
        start: YearMonth::new(year, 9).unwrap_or(plan.timeline.start),
        ..plan.timeline
    };
    plan.grades.push(Grade {
        id: NO_CASES_GRADE,
        name: "Social work role without cases".to_owned(),
        role: GradeRole::Other,
        capacity_points: 0.0,
        holds_cases: false,
    });
    plan.costs = crate::model::CostRates::illustrative_for(&plan.grades);
    plan.notes = counts.notes(council, year, &shares);

    // Every count split between the teams in whole hundredths of an FTE.
    let split = |n: u64| split_whole(n, &weights);
    let case_holders = split(counts.case_holders);
    let agency_cover = split(counts.agency_cover);
    let agency_other = split(counts.agency - counts.agency_cover);
    let uncovered = split(counts.vacancy - counts.agency_cover);
    let cases = split(counts.cases);
    let mut builder = Builder::default();
    let mut employed_holding = 0;
    let mut holders_per_team = Vec::with_capacity(shares.len());
    for (i, &(function, name, _)) in shares.iter().enumerate() {
        let team = TeamId(i as u32 + 1);
        plan.teams.push(Team {
            id: team,
            name: name.to_owned(),
            function,
            unallocated: CaseCounts::new(),
        });
        // Agency workers hold cases first (the release counts them among case-holders), those
        // covering a vacancy before the others; employed social workers hold the rest.
        let (cover, other) = (agency_cover[i], agency_other[i]);
        let covering_holding = cover.min(case_holders[i]);
        let other_holding = other.min(case_holders[i] - covering_holding);
        let employed = case_holders[i] - covering_holding - other_holding;
        employed_holding += employed;
        let first_holder = builder.posts.len();
        let sw = grade::SOCIAL_WORKER;
        builder.add(
            team,
            sw,
            Filled::Agency(AgencyCover::Vacancy),
            covering_holding,
        );
        builder.add(
            team,
            sw,
            Filled::Agency(AgencyCover::OverEstablishment),
            other_holding,
        );
        builder.add(team, sw, Filled::Employed, employed);
        let holders = first_holder..builder.posts.len();
        holders_per_team.push(holders.len());
        builder.add(
            team,
            NO_CASES_GRADE,
            Filled::Agency(AgencyCover::Vacancy),
            cover - covering_holding,
        );
        builder.add(
            team,
            NO_CASES_GRADE,
            Filled::Agency(AgencyCover::OverEstablishment),
            other - other_holding,
        );
        builder.add(team, sw, Filled::Vacant, uncovered[i]);
        builder.give_cases(holders, cases[i], &case_mix(function, teams));
    }
    // Staff in post who hold no cases: full-time team managers, one per six case-holders
    // in each team (the plan's default span of control), as far as they go; the rest in
    // social work roles without cases, split like everything else.
    let not_holding = counts.in_post.saturating_sub(employed_holding);
    let mut managers: Vec<u64> = holders_per_team
        .iter()
        .map(|&n| (n as u64).div_ceil(CASE_HOLDERS_PER_MANAGER) * 100)
        .collect();
    while managers.iter().sum::<u64>() > not_holding {
        // Too few staff without cases for that many managers: one fewer in the largest team.
        let Some(most) = managers.iter_mut().max() else {
            break;
        };
        *most = most.saturating_sub(100);
    }
    let others = split(not_holding - managers.iter().sum::<u64>());
    for (i, _) in shares.iter().enumerate() {
        let team = TeamId(i as u32 + 1);
        builder.add(team, grade::TEAM_MANAGER, Filled::Employed, managers[i]);
        builder.add(team, NO_CASES_GRADE, Filled::Employed, others[i]);
    }
    plan.posts = builder.posts;
    Ok(plan)
}

/// The published counts the plan is built from, in hundredths of an FTE, moved by at most
/// [`MAX_NUDGE`] hundredths where that makes every rate round to the published one.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Counts {
    case_holders: u64,
    cases: u64,
    in_post: u64,
    agency: u64,
    /// Agency FTE covering a vacancy: at most the agency FTE and the vacancies.
    agency_cover: u64,
    /// Vacancies, covered by agency or not.
    vacancy: u64,
    /// Which published counts were missing and taken as none.
    assumed_none: [Option<&'static str>; 2],
}

/// The most a count is moved, in hundredths of an FTE: less than half the published 0.1, so it
/// still rounds to the published count.
const MAX_NUDGE: i64 = 4;

fn hundredths(fte: f64) -> u64 {
    (fte * 100.0).round().max(0.0) as u64
}

impl Counts {
    fn of(council: &Area, year: u16, p: &Published) -> Result<Self, StartProblem> {
        let required = [
            ("FTE in post", p.inpost_fte),
            ("case-holding FTE", p.case_holders_fte),
            ("cases", p.cases),
        ];
        let missing: Vec<&'static str> = required
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(name, _)| *name)
            .collect();
        let (Some(in_post), Some(case_holders), Some(cases)) =
            (p.inpost_fte, p.case_holders_fte, p.cases)
        else {
            return Err(StartProblem::NotPublished {
                council: council.name.clone(),
                year,
                missing,
            });
        };
        let agency = p.agency_fte.map_or(0, hundredths);
        let vacancy = p.vacancy_fte.map_or(0, hundredths);
        let exact = Counts {
            case_holders: hundredths(case_holders),
            cases: cases.round().max(0.0) as u64,
            in_post: hundredths(in_post),
            agency,
            vacancy,
            // The release does not always say how many agency workers cover vacancies: then as
            // many as can, the usual case.
            agency_cover: p
                .agency_cover_fte
                .map_or(agency.min(vacancy), hundredths)
                .min(agency)
                .min(vacancy),
            assumed_none: [
                p.agency_fte.is_none().then_some("agency FTE"),
                p.vacancy_fte.is_none().then_some("vacancies"),
            ],
        };
        if exact.case_holders > exact.in_post + exact.agency {
            return Err(StartProblem::Inconsistent {
                council: council.name.clone(),
                year,
                case_holders: crate::model::shown::number(case_holders),
                staff: crate::model::shown::number((exact.in_post + exact.agency) as f64 / 100.0),
            });
        }
        Ok(exact.nudged_to(p))
    }

    /// The counts moved least (in total) so that every published rate is matched at its
    /// rounding; the counts as published when no move within [`MAX_NUDGE`] does it.
    fn nudged_to(self, p: &Published) -> Self {
        let range = || -MAX_NUDGE..=MAX_NUDGE;
        let mut best: Option<(i64, Counts)> = None;
        for dh in range() {
            for da in range() {
                for de in range() {
                    for dv in range() {
                        let cost = dh.abs() + da.abs() + de.abs() + dv.abs();
                        if best.is_some_and(|(c, _)| c <= cost) {
                            continue;
                        }
                        let Some(c) = self.moved(dh, da, de, dv) else {
                            continue;
                        };
                        if c.matches(p) {
                            best = Some((cost, c));
                        }
                    }
                }
            }
        }
        best.map_or(self, |(_, c)| c)
    }

    fn moved(self, dh: i64, da: i64, de: i64, dv: i64) -> Option<Self> {
        let add = |n: u64, d: i64, published: bool| {
            if !published && d != 0 {
                return None;
            }
            n.checked_add_signed(d)
        };
        let agency_published = self.assumed_none[0].is_none();
        let vacancy_published = self.assumed_none[1].is_none();
        let moved = Counts {
            case_holders: add(self.case_holders, dh, true)?,
            agency: add(self.agency, da, agency_published)?,
            in_post: add(self.in_post, de, true)?,
            vacancy: add(self.vacancy, dv, vacancy_published)?,
            ..self
        };
        let moved = Counts {
            agency_cover: self.agency_cover.min(moved.agency).min(moved.vacancy),
            ..moved
        };
        (moved.case_holders > 0 && moved.case_holders <= moved.in_post + moved.agency)
            .then_some(moved)
    }

    /// Whether every published rate is what these counts give, at its rounding.
    fn matches(&self, p: &Published) -> bool {
        let rounds_to = |value: Option<f64>, published: Option<f64>, scale: f64| match published {
            None => true,
            Some(published) => {
                value.is_some_and(|v| (v * scale - published * scale).abs() <= 0.05 + 1e-9)
            }
        };
        rounds_to(self.caseload(), p.caseload, 1.0)
            && rounds_to(self.agency_rate(), p.agency_rate, 100.0)
            && rounds_to(self.vacancy_rate(), p.vacancy_rate, 100.0)
    }

    fn caseload(&self) -> Option<f64> {
        ratio(self.cases as f64 * 100.0, self.case_holders)
    }

    fn agency_rate(&self) -> Option<f64> {
        ratio(self.agency as f64, self.agency + self.in_post)
    }

    fn vacancy_rate(&self) -> Option<f64> {
        ratio(self.vacancy as f64, self.vacancy + self.in_post)
    }

    fn notes(&self, council: &Area, year: u16, teams: &[(TeamFunction, &str, f64)]) -> String {
        let fte = |n: u64| crate::text::fte(n as f64 / 100.0);
        let mut notes = format!(
            "Built from {}'s published figures at 30 September {year}: {} cases held by {} \
             case-holding FTE; {} FTE in post; {} agency FTE ({} covering vacancies); {} FTE \
             of vacancies.",
            council.name,
            crate::model::shown::thousands(self.cases),
            fte(self.case_holders),
            fte(self.in_post),
            fte(self.agency),
            fte(self.agency_cover),
            fte(self.vacancy),
        );
        for missing in self.assumed_none.iter().flatten() {
            notes.push_str(&format!(
                " The {missing} figure was not published: the plan has none."
            ));
        }
        if teams.len() > 1 {
            notes.push_str(" Teams divided by function in the proportions chosen;");
        }
        notes.push_str(
            " case types, grades, capacities and targets are illustrative defaults to refine. ",
        );
        notes.push_str(super::ATTRIBUTION);
        notes
    }
}

fn ratio(numerator: f64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator / denominator as f64)
}

/// `total` split in proportion to `weights`, in whole units, by largest remainder: the parts
/// add up to `total` exactly.
fn split_whole(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut left = total - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    for i in order.into_iter().cycle() {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

/// What a team's cases are, as shares of case types, by the team's function.
fn case_mix(function: TeamFunction, teams: StartingTeams) -> Vec<(CaseTypeId, f64)> {
    use case_type::*;
    match (teams, function) {
        (StartingTeams::One, _) => vec![
            (ASSESSMENT, 15.0),
            (CHILD_IN_NEED, 35.0),
            (CHILD_PROTECTION, 15.0),
            (LOOKED_AFTER, 22.0),
            (COURT, 5.0),
            (CARE_LEAVER, 8.0),
        ],
        (_, TeamFunction::FrontDoor) => vec![(ASSESSMENT, 1.0)],
        (_, TeamFunction::ChildrenInCare) => vec![(LOOKED_AFTER, 85.0), (COURT, 15.0)],
        (_, TeamFunction::CareLeavers) => vec![(CARE_LEAVER, 1.0)],
        _ => vec![
            (CHILD_IN_NEED, 65.0),
            (CHILD_PROTECTION, 30.0),
            (COURT, 5.0),
        ],
    }
}

/// How a post made by [`Builder::add`] is filled.
#[derive(Clone, Copy)]
enum Filled {
    Employed,
    Agency(AgencyCover),
    Vacant,
}

/// Posts of whole FTE and one part-time post for what is left, numbered as they are made.
#[derive(Default)]
struct Builder {
    posts: Vec<Post>,
    named: usize,
}

impl Builder {
    /// Posts adding up to `hundredths` of an FTE: full-time posts and one for the remainder.
    fn add(&mut self, team: TeamId, grade: GradeId, filled: Filled, hundredths: u64) {
        let whole = hundredths / 100;
        let part = hundredths % 100;
        let sizes = std::iter::repeat_n(100, whole as usize).chain((part > 0).then_some(part));
        for size in sizes {
            let (contract, worker) = match filled {
                Filled::Vacant => (Contract::Permanent, None),
                Filled::Employed => (Contract::Permanent, Some(self.name("Worker"))),
                Filled::Agency(_) => (Contract::Agency, Some(self.name("Agency worker"))),
            };
            self.posts.push(Post {
                reductions: Vec::new(),
                id: PostId(self.posts.len() as u32 + 1),
                team,
                grade,
                contract,
                fte: size as f64 / 100.0,
                worker,
                status: PostStatus::Active,
                cases: CaseCounts::new(),
                starts: None,
                leaves: None,
                covers: match filled {
                    Filled::Agency(cover) => cover,
                    _ => AgencyCover::Vacancy,
                },
            });
        }
    }

    fn name(&mut self, role: &str) -> String {
        self.named += 1;
        format!("{role} {}", self.named)
    }

    /// `cases` shared between the posts at `holders` in proportion to their FTE, each holding
    /// at least one (the release counts only workers holding a case), in the case types of
    /// `mix`.
    fn give_cases(
        &mut self,
        holders: std::ops::Range<usize>,
        cases: u64,
        mix: &[(CaseTypeId, f64)],
    ) {
        let posts = &mut self.posts[holders];
        if posts.is_empty() {
            return;
        }
        let fte: Vec<f64> = posts.iter().map(|p| p.fte).collect();
        let mut each = split_whole(cases, &fte);
        // Everyone holds at least one, taken from whoever holds most.
        for i in 0..each.len() {
            while each[i] == 0 {
                let most = (0..each.len()).max_by_key(|&j| each[j]).unwrap_or(i);
                if each[most] <= 1 {
                    break;
                }
                each[most] -= 1;
                each[i] += 1;
            }
        }
        let weights: Vec<f64> = mix.iter().map(|m| m.1).collect();
        let by_type = split_whole(cases, &weights);
        let mut stream = mix
            .iter()
            .zip(by_type)
            .flat_map(|(&(t, _), n)| std::iter::repeat_n(t, n as usize));
        for (post, n) in posts.iter_mut().zip(each) {
            for case_type in stream.by_ref().take(n as usize) {
                *post.cases.entry(case_type).or_default() += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContractKind, assess, validate};

    fn council(name: &str, code: &str) -> Area {
        Area {
            level: super::super::Level::Council,
            code: format!("E0{code}"),
            old_la_code: Some(code.to_owned()),
            name: name.to_owned(),
            region_code: None,
            region_name: None,
        }
    }

    /// 10.0 FTE in post, 2.0 agency (1.5 covering vacancies), 3.0 FTE of vacancies, 8.0
    /// case-holding FTE holding 120 cases: caseload 15.0, agency rate 2 / 12 = 16.7%, vacancy
    /// rate 3 / 13 = 23.1%.
    fn small() -> Published {
        Published {
            inpost_fte: Some(10.0),
            agency_fte: Some(2.0),
            agency_rate: Some(0.167),
            agency_cover_fte: Some(1.5),
            vacancy_fte: Some(3.0),
            vacancy_rate: Some(0.231),
            case_holders_fte: Some(8.0),
            cases: Some(120.0),
            caseload: Some(15.0),
            ..Published::default()
        }
    }

    fn fte_of(plan: &Plan, grade: GradeId, kind: Option<ContractKind>, vacant: bool) -> f64 {
        plan.posts
            .iter()
            .filter(|p| p.grade == grade && p.is_vacant() == vacant)
            .filter(|p| kind.is_none_or(|k| p.contract.kind() == k))
            .map(|p| p.fte)
            .sum()
    }

    #[test]
    fn a_small_council_in_one_team_worked_by_hand() {
        let plan = plan_from_published(
            &council("Smallshire", "999"),
            2025,
            &small(),
            StartingTeams::One,
        )
        .unwrap();
        assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
        assert_eq!(plan.settings.council.as_deref(), Some("999"));
        assert_eq!(plan.teams.len(), 1);
        // Agency workers hold cases first: all 2.0 FTE (1.0 + 0.5 covering vacancies, 0.5 not).
        let agency: Vec<(f64, AgencyCover)> = plan
            .posts
            .iter()
            .filter(|p| p.contract.kind() == ContractKind::Agency)
            .map(|p| (p.fte, p.covers))
            .collect();
        assert_eq!(
            agency,
            [
                (1.0, AgencyCover::Vacancy),
                (0.5, AgencyCover::Vacancy),
                (0.5, AgencyCover::OverEstablishment)
            ]
        );
        // 8.0 case-holders - 2.0 agency = 6.0 employed social workers holding cases; of the
        // 4.0 employed without cases, a full-time team manager per 6 of the 9 case-holders
        // (2.0) and 2.0 in other roles; 3.0 vacancies - 1.5 covered = 1.5 FTE vacant.
        let sw = grade::SOCIAL_WORKER;
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        close(fte_of(&plan, sw, Some(ContractKind::Permanent), false), 6.0);
        close(fte_of(&plan, grade::TEAM_MANAGER, None, false), 2.0);
        close(fte_of(&plan, NO_CASES_GRADE, None, false), 2.0);
        close(fte_of(&plan, sw, None, true), 1.5);
        assert_eq!(plan.posts.len(), 3 + 6 + 2 + 2 + 2);
        let service = assess(&plan).service;
        assert_eq!(service.mix.case_holders_per_manager, Some(4.5));
        // 120 cases by FTE: 15 each, 7.5 for each half-time agency worker (the first takes
        // the case left over by rounding down).
        let held: Vec<u64> = plan.posts.iter().map(Post::cases_held).collect();
        assert_eq!(&held[..9], [15, 8, 7, 15, 15, 15, 15, 15, 15]);
        assert_eq!(held.iter().sum::<u64>(), 120);
        assert_eq!(service.caseload_per_case_holder_fte, Some(15.0));
        assert_eq!(service.mix.agency_rate, Some(2.0 / 12.0));
        assert_eq!(service.mix.vacancy_rate, Some(3.0 / 13.0));
    }

    #[test]
    fn counts_that_do_not_give_the_published_rate_move_by_the_least_within_their_rounding() {
        // Rutland 2025: 181 cases / 15.4 FTE = 11.753, published 11.7: the true FTE was at
        // least 181 / 11.75 = 15.404. 15.41 FTE (still 15.4 to one decimal) gives 11.746.
        let rutland = Published {
            inpost_fte: Some(21.9),
            agency_fte: Some(2.0),
            agency_rate: Some(0.084),
            agency_cover_fte: Some(2.0),
            vacancy_fte: Some(2.0),
            vacancy_rate: Some(0.084),
            case_holders_fte: Some(15.4),
            cases: Some(181.0),
            caseload: Some(11.7),
            ..Published::default()
        };
        let counts = Counts::of(&council("Rutland", "857"), 2025, &rutland).unwrap();
        assert_eq!(counts.case_holders, 1541);
        assert_eq!(
            (counts.in_post, counts.agency, counts.vacancy),
            (2190, 200, 200)
        );
        let plan = plan_from_published(
            &council("Rutland", "857"),
            2025,
            &rutland,
            StartingTeams::One,
        )
        .unwrap();
        let caseload = assess(&plan).service.caseload_per_case_holder_fte.unwrap();
        assert!((caseload - 181.0 / 15.41).abs() < 1e-9, "{caseload}");
    }

    #[test]
    fn a_council_without_its_case_holding_figures_is_refused_naming_them() {
        let suppressed = Published {
            case_holders_fte: None,
            cases: None,
            ..small()
        };
        let refused = plan_from_published(
            &council("Hiddenshire", "998"),
            2025,
            &suppressed,
            StartingTeams::One,
        )
        .unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Hiddenshire's 2025 figures do not include case-holding FTE, cases: they were not \
             published (suppressed), so no plan can be built from them"
        );
    }

    #[test]
    fn missing_agency_figures_are_none_in_the_plan_and_said_so() {
        let no_agency = Published {
            agency_fte: None,
            agency_rate: None,
            agency_cover_fte: None,
            ..small()
        };
        let plan = plan_from_published(
            &council("Quietshire", "997"),
            2025,
            &no_agency,
            StartingTeams::One,
        )
        .unwrap();
        assert!(
            plan.posts
                .iter()
                .all(|p| p.contract.kind() != ContractKind::Agency)
        );
        assert!(
            plan.notes
                .contains("The agency FTE figure was not published")
        );
    }

    #[test]
    fn a_whole_is_split_in_proportion_with_the_parts_adding_up() {
        assert_eq!(split_whole(10, &[1.0, 1.0, 1.0]), [4, 3, 3]);
        assert_eq!(
            split_whole(100, &[20.0, 45.0, 25.0, 10.0]),
            [20, 45, 25, 10]
        );
        assert_eq!(split_whole(7, &[0.0, 1.0]), [0, 7]);
        assert_eq!(split_whole(5, &[0.0, 0.0]), [0, 0]);
    }
}
