use crate::model::allocation::test_plans::{
    add_post, held, make_absent, plan, set_waiting, social_worker, waiting,
};
use crate::model::allocation::{CaseMove, CaseSource};
use crate::model::defaults::case_type::{CHILD_IN_NEED, CHILD_PROTECTION};
use crate::model::defaults::grade::SOCIAL_WORKER;
use crate::model::validate::MAX_CASE_COUNT;
use crate::model::{CaseTypeId, Command, Created, Plan, PostId, TeamId, apply, validate};

/// North (team 1): A. Hall 5 CIN + 2 CP, J. Brown 1 CIN, a vacancy (post 3), K. Ito absent
/// (post 4); 3 CIN waiting. South (team 2): S. Khan, no cases.
fn north_and_south() -> Plan {
    let mut p = plan(&["North", "South"]);
    social_worker(
        &mut p,
        1,
        "A. Hall",
        &[(CHILD_IN_NEED, 5), (CHILD_PROTECTION, 2)],
    );
    social_worker(&mut p, 1, "J. Brown", &[(CHILD_IN_NEED, 1)]);
    add_post(&mut p, 1, SOCIAL_WORKER, 1.0, None, &[]);
    let ito = social_worker(&mut p, 1, "K. Ito", &[]);
    make_absent(&mut p, ito);
    social_worker(&mut p, 2, "S. Khan", &[]);
    set_waiting(&mut p, 1, &[(CHILD_IN_NEED, 3)]);
    assert_eq!(validate(&p), vec![]);
    p
}

fn mv(case_type: CaseTypeId, count: u32, from: CaseSource, to: u32) -> CaseMove {
    CaseMove {
        case_type,
        count,
        from,
        to: PostId(to),
    }
}

fn from_post(id: u32) -> CaseSource {
    CaseSource::Post(PostId(id))
}

const NORTH_WAITING: CaseSource = CaseSource::Waiting(TeamId(1));

#[test]
fn cases_move_between_workers_and_from_waiting_work_and_none_are_lost() {
    let mut p = north_and_south();
    let created = apply(
        &mut p,
        Command::MoveCases(vec![
            mv(CHILD_IN_NEED, 3, from_post(1), 2),
            mv(CHILD_PROTECTION, 2, from_post(1), 5), // across teams
            mv(CHILD_IN_NEED, 3, NORTH_WAITING, 1),
            // J. Brown passes on 2 of the 4 just received.
            mv(CHILD_IN_NEED, 2, from_post(2), 5),
        ]),
    );
    assert_eq!(created, Ok(Created::Nothing));
    assert_eq!(held(&p, PostId(1), CHILD_IN_NEED), 5);
    assert_eq!(held(&p, PostId(1), CHILD_PROTECTION), 0);
    assert!(
        !p.posts[0].cases.contains_key(&CHILD_PROTECTION),
        "no zero kept"
    );
    assert_eq!(held(&p, PostId(2), CHILD_IN_NEED), 2);
    assert_eq!(held(&p, PostId(5), CHILD_IN_NEED), 2);
    assert_eq!(held(&p, PostId(5), CHILD_PROTECTION), 2);
    assert_eq!(waiting(&p, 1, CHILD_IN_NEED), 0);
    assert!(p.teams[0].unallocated.is_empty());
    assert_eq!(validate(&p), vec![]);
}

#[test]
fn impossible_moves_are_refused_whole_with_a_reason() {
    let cases = [
        (
            vec![mv(CHILD_IN_NEED, 6, from_post(1), 2)],
            "A. Hall holds 5 child in need cases, not the 6 to move.",
        ),
        (
            // The first move takes 4 of A. Hall's 5: one is left for the second.
            vec![
                mv(CHILD_IN_NEED, 4, from_post(1), 2),
                mv(CHILD_IN_NEED, 2, from_post(1), 5),
            ],
            "A. Hall holds 1 child in need case, not the 2 to move.",
        ),
        (
            vec![mv(CHILD_PROTECTION, 1, NORTH_WAITING, 2)],
            "North has 0 child protection cases waiting, not the 1 to move.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 1, from_post(1), 3)],
            "Cases can only go to a named worker: post 3 is vacant.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 1, from_post(1), 4)],
            "K. Ito is away: cases can only go to a worker who is at work.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 1, from_post(1), 1)],
            "A. Hall already holds these cases.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 0, from_post(1), 2)],
            "Move at least one case.",
        ),
        (
            vec![mv(CaseTypeId(99), 1, from_post(1), 2)],
            "There is no case type 99.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 1, from_post(1), 99)],
            "There is no post 99.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 1, from_post(98), 2)],
            "There is no post 98.",
        ),
        (
            vec![mv(CHILD_IN_NEED, 1, CaseSource::Waiting(TeamId(9)), 2)],
            "There is no team 9.",
        ),
    ];
    for (moves, reason) in cases {
        let mut p = north_and_south();
        let before = p.clone();
        let refusal = apply(&mut p, Command::MoveCases(moves.clone()));
        assert_eq!(
            refusal.map_err(|r| r.0),
            Err(reason.to_owned()),
            "{moves:?}"
        );
        assert_eq!(p, before, "{moves:?} changed the plan");
    }
}

#[test]
fn no_worker_is_given_more_cases_of_a_type_than_a_plan_allows() {
    let mut p = north_and_south();
    p.posts[1].cases.insert(CHILD_IN_NEED, MAX_CASE_COUNT - 1);
    let before = p.clone();
    assert_eq!(
        apply(
            &mut p,
            Command::MoveCases(vec![mv(CHILD_IN_NEED, 2, from_post(1), 2)])
        )
        .unwrap_err()
        .0,
        "J. Brown would hold 100,001 child in need cases: more than the plausible 100000."
    );
    assert_eq!(p, before);
}

#[test]
fn no_moves_is_no_change() {
    let mut p = north_and_south();
    let before = p.clone();
    assert_eq!(
        apply(&mut p, Command::MoveCases(vec![])),
        Ok(Created::Nothing)
    );
    assert_eq!(p, before);
}
