//! Which teams are busiest: the order in which a plan of many teams shows its teams when it
//! can only show a few (the Overview's charts at England scale).

use super::Assessment;
use std::cmp::Ordering;

impl Assessment {
    /// Positions (in the plan) of the `n` busiest teams, busiest first: the largest share of
    /// their capacity in use ([`super::Totals::utilisation`]). A team with work but no
    /// capacity at all comes before every team with capacity; a team with neither comes last.
    /// Ties keep plan order.
    pub fn busiest_teams(&self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.teams.len()).collect();
        let busyness = |i: usize| {
            let totals = &self.teams[i].totals;
            match totals.utilisation {
                Some(u) => u,
                None if totals.sums.demand_points > 0.0 => f64::INFINITY,
                None => f64::NEG_INFINITY,
            }
        };
        let keys: Vec<f64> = order.iter().map(|&i| busyness(i)).collect();
        let by_busyness = |a: &usize, b: &usize| -> Ordering { keys[*b].total_cmp(&keys[*a]) };
        if n < order.len() {
            // Only the first n need sorting: select them, then order those.
            order.select_nth_unstable_by(n, |a, b| by_busyness(a, b).then(a.cmp(b)));
            order.truncate(n);
        }
        order.sort_by(|a, b| by_busyness(a, b).then(a.cmp(b)));
        order
    }
}

#[cfg(test)]
mod tests {
    use crate::model::defaults::{self, case_type::CHILD_IN_NEED, grade::SOCIAL_WORKER};
    use crate::model::{
        CaseCounts, Contract, Plan, Post, PostId, PostStatus, Team, TeamFunction, TeamId, assess,
    };

    fn team(id: u32, unallocated: u32) -> Team {
        Team {
            id: TeamId(id),
            name: format!("Team {id}"),
            function: TeamFunction::ChildInNeedProtection,
            unallocated: [(CHILD_IN_NEED, unallocated)].into_iter().collect(),
        }
    }

    /// A full-time social worker (20 points) in `team` holding `cases` child-in-need cases
    /// (1 point each).
    fn worker(id: u32, team: u32, cases: u32) -> Post {
        Post {
            reductions: Vec::new(),
            id: PostId(id),
            team: TeamId(team),
            grade: SOCIAL_WORKER,
            contract: Contract::Permanent,
            fte: 1.0,
            worker: Some(format!("W{id}")),
            status: PostStatus::Active,
            cases: [(CHILD_IN_NEED, cases)].into_iter().collect::<CaseCounts>(),
            starts: None,
            leaves: None,
            covers: Default::default(),
        }
    }

    /// Team 1: 10 of 20 points (50%). Team 2: 25 of 20 (125%). Team 3: 5 waiting, no staff
    /// (work, no capacity). Team 4: nothing at all. Team 5: 10 of 20 (50%, ties team 1).
    /// Team 6: 30 of 40 (75%).
    fn plan() -> Plan {
        Plan {
            teams: vec![
                team(1, 0),
                team(2, 5),
                team(3, 5),
                team(4, 0),
                team(5, 0),
                team(6, 0),
            ],
            posts: vec![
                worker(1, 1, 10),
                worker(2, 2, 20),
                worker(3, 5, 10),
                worker(4, 6, 15),
                worker(5, 6, 15),
            ],
            ..defaults::new_plan()
        }
    }

    #[test]
    fn teams_come_busiest_first_work_without_capacity_first_of_all_and_ties_in_plan_order() {
        let assessment = assess(&plan());
        // Positions: team 3 (no capacity) 2, team 2 (125%) 1, team 6 (75%) 5, teams 1 and 5
        // (50%) 0 and 4, team 4 (nothing) 3.
        assert_eq!(assessment.busiest_teams(6), vec![2, 1, 5, 0, 4, 3]);
        assert_eq!(assessment.busiest_teams(10), vec![2, 1, 5, 0, 4, 3]);
        assert_eq!(assessment.busiest_teams(3), vec![2, 1, 5]);
        assert_eq!(assessment.busiest_teams(4), vec![2, 1, 5, 0]);
        assert_eq!(assessment.busiest_teams(0), Vec::<usize>::new());
    }
}
