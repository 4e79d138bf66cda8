//! Large, deterministic generated plans: for benchmarks and for tests that need size.
//! Not realistic services; realistic *shapes* (teams of about twenty, one team manager each,
//! a mix of grades, contracts, vacancies and absences).

use super::defaults::{self, grade};
use super::{
    AbsenceReason, AgencyCover, CaseCounts, Contract, Plan, Post, PostId, PostStatus, Settings,
    Team, TeamFunction, TeamId, YearMonth,
};

/// Posts per generated team.
const TEAM_SIZE: usize = 20;

/// A plan with `posts` posts holding `cases` cases in total, the same for the same arguments.
pub fn plan(posts: usize, cases: usize) -> Plan {
    let mut rng = SplitMix(0x5eed_ca5e);
    let team_count = posts.div_ceil(TEAM_SIZE).max(1);
    let case_types = defaults::case_types();
    let teams: Vec<Team> = (0..team_count)
        .map(|i| Team {
            id: TeamId(i as u32 + 1),
            name: format!("Team {}", i + 1),
            function: TeamFunction::ALL[i % TeamFunction::ALL.len()],
            unallocated: CaseCounts::from([(case_types[i % case_types.len()].id, (i % 4) as u32)]),
        })
        .collect();

    let start = YearMonth::new(2026, 4).expect("valid month");
    let end = YearMonth::new(2027, 3).expect("valid month");
    let mut post_list: Vec<Post> = (0..posts)
        .map(|i| {
            let is_manager = i % TEAM_SIZE == 0;
            let roll = rng.next() % 100;
            let vacant = !is_manager && roll < 5;
            let grade = if is_manager {
                grade::TEAM_MANAGER
            } else {
                [
                    grade::ASYE,
                    grade::SOCIAL_WORKER,
                    grade::SOCIAL_WORKER,
                    grade::SENIOR_PRACTITIONER,
                ][i % 4]
            };
            Post {
                reductions: Vec::new(),
                id: PostId(i as u32 + 1),
                team: TeamId((i / TEAM_SIZE) as u32 + 1),
                grade,
                contract: match roll % 10 {
                    0 | 1 => Contract::Agency,
                    2 => Contract::FixedTerm { start, end },
                    _ => Contract::Permanent,
                },
                fte: if roll.is_multiple_of(7) { 0.6 } else { 1.0 },
                worker: (!vacant).then(|| format!("Worker {}", i + 1)),
                status: if !vacant && roll > 96 {
                    PostStatus::Absent {
                        reason: AbsenceReason::Maternity,
                        returns: None,
                    }
                } else {
                    PostStatus::Active
                },
                cases: CaseCounts::new(),
                starts: None,
                leaves: None,
                covers: AgencyCover::Vacancy,
            }
        })
        .collect();

    // Spread the cases over the workers who can hold them, as evenly as the division allows.
    let holders: Vec<usize> = (0..posts)
        .filter(|&i| i % TEAM_SIZE != 0 && !post_list[i].is_vacant())
        .collect();
    if !holders.is_empty() {
        for (n, &i) in holders.iter().enumerate() {
            let held = cases / holders.len() + usize::from(n < cases % holders.len());
            post_list[i].cases = spread(held as u32, &case_types, &mut rng);
        }
    }

    Plan {
        name: format!(
            "Generated plan: {} posts, {} cases",
            super::shown::thousands(posts as u64),
            super::shown::thousands(cases as u64)
        ),
        notes: "Generated for benchmarks; not a real service.".into(),
        settings: Settings::default(),
        case_types,
        teams,
        posts: post_list,
        ..defaults::new_plan()
    }
}

/// Splits `total` cases over the case types at random.
fn spread(total: u32, case_types: &[super::CaseType], rng: &mut SplitMix) -> CaseCounts {
    let mut counts = CaseCounts::new();
    for _ in 0..total {
        let pick = case_types[(rng.next() % case_types.len() as u64) as usize].id;
        *counts.entry(pick).or_default() += 1;
    }
    counts
}

/// A tiny deterministic generator (SplitMix64): enough for varied test data, no dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_plan_has_the_requested_size_and_is_valid() {
        let plan = plan(1_000, 20_000);
        assert_eq!(plan.posts.len(), 1_000);
        let cases: u64 = plan.posts.iter().map(Post::cases_held).sum();
        assert_eq!(cases, 20_000);
        assert_eq!(crate::model::validate(&plan), vec![]);
        assert_eq!(
            plan,
            super::plan(1_000, 20_000),
            "same arguments, same plan"
        );
    }
}
