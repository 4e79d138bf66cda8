//! Scenarios: ids, batches across shared and own parts, the baseline never changed by an option.
use super::*;
use crate::model::defaults::{case_type::CHILD_PROTECTION, grade::SOCIAL_WORKER};
use crate::model::{Contract, GradeRole, PostId, TeamFunction, TeamId, apply};

const BASE: ScenarioId = ScenarioId::BASELINE;
const A: ScenarioId = ScenarioId(1);

pub(super) fn set_with_option() -> ScenarioSet {
    let mut plan = crate::model::defaults::new_plan();
    apply(
        &mut plan,
        Command::AddTeam {
            name: "North".into(),
            function: TeamFunction::Other,
        },
    )
    .unwrap();
    let mut set = ScenarioSet::new(plan);
    assert_eq!(set.add_option(BASE, "Option A"), Ok(A));
    set
}

pub(super) fn add_posts(set: &mut ScenarioSet, scenario: ScenarioId, count: u32) -> Vec<PostId> {
    let created = set
        .apply(
            scenario,
            Command::AddPosts {
                team: TeamId(1),
                grade: SOCIAL_WORKER,
                contract: Contract::Permanent,
                fte: 1.0,
                count,
            },
        )
        .unwrap();
    match created {
        Created::Posts(ids) => ids,
        other => panic!("{other:?}"),
    }
}

#[test]
fn editing_an_option_never_changes_the_baseline() {
    let mut set = set_with_option();
    let before = set.baseline().clone();
    add_posts(&mut set, A, 18);
    assert_eq!(set.baseline(), &before);
    assert_eq!(set.plan(A).posts.len(), 18);
}

#[test]
fn a_shared_change_reaches_every_scenario() {
    let mut set = set_with_option();
    set.apply(
        A,
        Command::SetCaseTypeWeight {
            case_type: CHILD_PROTECTION,
            weight: 2.5,
        },
    )
    .unwrap();
    for scenario in set.iter() {
        let cp = scenario
            .plan
            .case_types
            .iter()
            .find(|c| c.id == CHILD_PROTECTION);
        assert_eq!(cp.unwrap().weight, 2.5, "{}", scenario.name);
    }
}

#[test]
fn a_shared_change_refused_in_one_scenario_changes_none() {
    let mut set = set_with_option();
    add_posts(&mut set, A, 1);
    let before = set.clone();
    // The baseline has no social workers, but the option has one.
    let refusal = set
        .apply(
            BASE,
            Command::RemoveGrade {
                grade: SOCIAL_WORKER,
            },
        )
        .unwrap_err();
    assert!(refusal.0.starts_with("In \"Option A\""), "{refusal}");
    assert_eq!(set, before);
}

#[test]
fn posts_created_later_get_ids_no_other_scenario_uses() {
    let mut set = set_with_option();
    let in_option = add_posts(&mut set, A, 2);
    let in_baseline = add_posts(&mut set, BASE, 2);
    assert_eq!(in_option, [PostId(1), PostId(2)]);
    assert_eq!(in_baseline, [PostId(3), PostId(4)]);
    assert!(set.baseline().post(PostId(3)).is_some());
    assert!(set.plan(A).post(PostId(3)).is_none());
    // An id once given is never given again, even when its post is gone everywhere.
    set.apply(A, Command::DeletePost { post: PostId(2) })
        .unwrap();
    set.apply(BASE, Command::DeletePost { post: PostId(4) })
        .unwrap();
    assert_eq!(add_posts(&mut set, BASE, 1), [PostId(5)]);
}

#[test]
fn option_names_are_unique_and_the_baseline_keeps_its_name() {
    let mut set = set_with_option();
    assert_eq!(set.next_option_name(), "Option B");
    assert!(set.add_option(BASE, " option a ").is_err());
    assert!(set.add_option(BASE, "baseline").is_err());
    assert!(set.rename_option(BASE, "Today").is_err());
    set.rename_option(A, "Fixed-term team").unwrap();
    assert_eq!(set.get(A).unwrap().name, "Fixed-term team");
    assert!(set.delete_option(BASE).is_err());
    assert_eq!(set.delete_option(A).unwrap().name, "Fixed-term team");
    assert_eq!(set.len(), 1);
}

#[test]
fn an_unused_name_is_numbered_on_past_names_already_taken() {
    let mut set = set_with_option(); // "Option A"
    assert_eq!(set.unused_name("North + 3 posts"), "North + 3 posts");
    assert_eq!(set.unused_name("option a"), "option a (2)");
    assert_eq!(set.unused_name("Baseline"), "Baseline (2)");
    set.add_option(BASE, "Option A (2)").unwrap();
    assert_eq!(set.unused_name("Option A"), "Option A (3)");
    let name = set.unused_name("Option A");
    assert!(set.add_option(BASE, &name).is_ok());
}

#[test]
fn scenario_ids_stay_with_their_scenario_when_an_earlier_option_is_deleted() {
    let mut set = set_with_option();
    let b = set.add_option(BASE, "Option B").unwrap();
    let c = set.add_option(BASE, "Option C").unwrap();
    add_posts(&mut set, c, 1);
    set.delete_option(A).unwrap();
    assert_eq!(set.position(b), Some(1));
    assert_eq!(set.get(c).unwrap().name, "Option C");
    assert_eq!(set.plan(c).posts.len(), 1);
    // A new option gets a new id, never a deleted one's.
    assert_eq!(set.add_option(BASE, "Option D"), Ok(ScenarioId(4)));
}

#[test]
fn a_batch_applies_all_or_nothing_across_shared_and_own_parts() {
    let mut set = set_with_option();
    let before = set.clone();
    let grade = Command::AddGrade {
        name: "Family practitioner".into(),
        role: GradeRole::Practitioner,
        capacity_points: 18.0,
        holds_cases: true,
    };
    // The grade is new (id 7) and shared; the posts at it are the option's own.
    let posts = |count| Command::AddPosts {
        team: TeamId(1),
        grade: crate::model::GradeId(7),
        contract: Contract::Permanent,
        fte: 1.0,
        count,
    };
    // Refused part-way (no zero-post cohorts): nothing changes anywhere.
    let refused = set.apply(A, Command::Batch(vec![grade.clone(), posts(2), posts(0)]));
    assert!(refused.is_err());
    assert_eq!(set, before);
    assert_eq!(set.next_ids(), before.next_ids(), "no id used up");
    let created = set.apply(A, Command::Batch(vec![grade, posts(2)])).unwrap();
    assert_eq!(
        created,
        Created::Batch(vec![
            Created::Grade(crate::model::GradeId(7)),
            Created::Posts(vec![PostId(1), PostId(2)]),
        ])
    );
    assert_eq!(set.plan(A).posts.len(), 2);
    assert!(
        set.baseline().posts.is_empty(),
        "the posts are the option's"
    );
    assert!(
        set.baseline().grade(crate::model::GradeId(7)).is_some(),
        "the grade is shared"
    );
    assert!(validate_scenarios(&set).is_empty());
}
