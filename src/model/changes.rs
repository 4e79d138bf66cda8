//! What an option changes against the baseline, as a list a manager can read out in a meeting.
//!
//! Posts are matched by id: an option starts as a copy of another scenario, and ids created
//! later are unique across scenarios (see [`super::scenarios`]). Identical posts added or
//! removed together are listed once with a count ("18 × Social worker …"). Workers are named
//! through [`WorkerNames`], so the list of an anonymised plan names no one.

use super::anonymise::WorkerNames;
use super::shown::{count, thousands};
use super::{Contract, Plan, Post, PostId, PostStatus, Team};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// What kind of change a line describes, for grouping and icons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    TeamAdded,
    TeamRemoved,
    TeamRenamed,
    PostsAdded,
    PostsRemoved,
    Moved,
    Regraded,
    Contract,
    Fte,
    Worker,
    Dates,
    Cases,
    Reductions,
    Assumptions,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::TeamAdded => "Team added",
            ChangeKind::TeamRemoved => "Team removed",
            ChangeKind::TeamRenamed => "Team renamed",
            ChangeKind::PostsAdded => "Added",
            ChangeKind::PostsRemoved => "Removed",
            ChangeKind::Moved => "Moved",
            ChangeKind::Regraded => "Regraded",
            ChangeKind::Contract => "Contract",
            ChangeKind::Fte => "FTE",
            ChangeKind::Worker => "Worker",
            ChangeKind::Dates => "Dates",
            ChangeKind::Cases => "Cases moved",
            ChangeKind::Reductions => "Reductions",
            ChangeKind::Assumptions => "Assumptions",
        }
    }
}

/// One line of the list of changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub text: String,
}

/// A contract in words: "Permanent", "Fixed-term 2026-04 to 2027-03".
pub fn contract_text(contract: &Contract) -> String {
    match contract {
        Contract::FixedTerm { start, end } => format!("Fixed-term {start} to {end}"),
        other => other.kind().label().to_owned(),
    }
}

fn team_name(plan: &Plan, post: &Post) -> String {
    plan.team(post.team)
        .map_or_else(|| post.team.to_string(), |t| t.name.clone())
}

fn grade_name(plan: &Plan, post: &Post) -> String {
    plan.grade(post.grade)
        .map_or_else(|| post.grade.to_string(), |g| g.name.clone())
}

/// "J. Brown (Social worker, Locality North)" or "vacant post 12 (…)".
fn who(plan: &Plan, post: &Post, names: &WorkerNames) -> String {
    let person = names
        .worker(post)
        .map_or_else(|| format!("vacant post {}", post.id.0), Cow::into_owned);
    format!(
        "{person} ({}, {})",
        grade_name(plan, post),
        team_name(plan, post)
    )
}

/// A post's contract in words, with what an agency worker covers when it is not a vacancy:
/// "agency (covering an absence)".
fn contract_and_cover(post: &Post) -> String {
    let contract = contract_text(&post.contract).to_lowercase();
    match post.agency_cover().filter(|c| !c.is_vacancy()) {
        Some(cover) => format!("{contract} ({})", cover.label().to_lowercase()),
        None => contract,
    }
}

/// A post without its id or worker's name, for counting alike posts added or removed together.
fn describe(plan: &Plan, post: &Post) -> String {
    let filled = if post.is_vacant() { "vacant" } else { "filled" };
    format!(
        "{}, {}, {} FTE, {filled} — {}",
        grade_name(plan, post),
        contract_and_cover(post),
        post.fte,
        team_name(plan, post)
    )
}

/// Alike posts counted together, each description with the cases those posts hold between
/// them: "18 × Social worker, … — Fixed-term team, holding 330 cases".
fn grouped(kind: ChangeKind, posts: Vec<(String, u64)>) -> Vec<Change> {
    let mut counts: Vec<(String, usize, u64)> = Vec::new();
    for (d, cases) in posts {
        match counts.iter_mut().find(|(text, ..)| *text == d) {
            Some((_, n, held)) => {
                *n += 1;
                *held += cases;
            }
            None => counts.push((d, 1, cases)),
        }
    }
    counts
        .into_iter()
        .map(|(text, n, held)| {
            let text = if n == 1 {
                text
            } else {
                format!("{n} × {text}")
            };
            let text = match held {
                0 => text,
                held => format!("{text}, holding {}", count(held, "case", "cases")),
            };
            Change { kind, text }
        })
        .collect()
}

/// Every difference between `baseline` and `option`, baseline first, naming workers as the
/// plan does.
pub fn changes(baseline: &Plan, option: &Plan) -> Vec<Change> {
    changes_naming(baseline, option, &WorkerNames::Real)
}

/// [`changes`], naming workers through `names` (anonymised or not).
pub fn changes_naming(baseline: &Plan, option: &Plan, names: &WorkerNames) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |kind, text: String| out.push(Change { kind, text });

    let base_teams: BTreeMap<_, &Team> = baseline.teams.iter().map(|t| (t.id, t)).collect();
    let option_teams: BTreeMap<_, &Team> = option.teams.iter().map(|t| (t.id, t)).collect();
    for team in &option.teams {
        match base_teams.get(&team.id) {
            None => push(ChangeKind::TeamAdded, team.name.clone()),
            Some(before) if before.name != team.name => push(
                ChangeKind::TeamRenamed,
                format!("{} is now called {}", before.name, team.name),
            ),
            Some(_) => {}
        }
    }
    for team in &baseline.teams {
        if !option_teams.contains_key(&team.id) {
            push(ChangeKind::TeamRemoved, team.name.clone());
        }
    }

    // Indexed by id: a linear search per post would make this quadratic in the plan's size.
    let base_posts: HashMap<PostId, &Post> = baseline.posts.iter().map(|p| (p.id, p)).collect();
    let option_posts: HashMap<PostId, &Post> = option.posts.iter().map(|p| (p.id, p)).collect();
    let added: Vec<(String, u64)> = option
        .posts
        .iter()
        .filter(|p| !base_posts.contains_key(&p.id))
        .map(|p| (describe(option, p), p.cases_held()))
        .collect();
    let removed: Vec<(String, u64)> = baseline
        .posts
        .iter()
        .filter(|p| !option_posts.contains_key(&p.id))
        .map(|p| (describe(baseline, p), p.cases_held()))
        .collect();
    out.extend(grouped(ChangeKind::PostsAdded, added));
    out.extend(grouped(ChangeKind::PostsRemoved, removed));
    let mut push = |kind, text: String| out.push(Change { kind, text });

    for after in &option.posts {
        let Some(&before) = base_posts.get(&after.id) else {
            continue;
        };
        let name = who(baseline, before, names);
        if before.team != after.team {
            push(
                ChangeKind::Moved,
                format!("{name} moved to {}", team_name(option, after)),
            );
        }
        if before.grade != after.grade {
            push(
                ChangeKind::Regraded,
                format!("{name} regraded to {}", grade_name(option, after)),
            );
        }
        if before.contract != after.contract {
            push(
                ChangeKind::Contract,
                format!(
                    "{name}: {} to {}",
                    contract_text(&before.contract),
                    contract_text(&after.contract)
                ),
            );
        }
        // A change of contract away from agency says it all; otherwise what the agency
        // worker covers is a line of its own.
        if before.covers != after.covers && after.contract == Contract::Agency {
            push(
                ChangeKind::Contract,
                format!(
                    "{name}: {} to {}",
                    before.covers.label().to_lowercase(),
                    after.covers.label().to_lowercase()
                ),
            );
        }
        if before.fte != after.fte {
            push(
                ChangeKind::Fte,
                format!("{name}: {} to {} FTE", before.fte, after.fte),
            );
        }
        if before.worker != after.worker {
            let text = match names.worker(after) {
                Some(new) => format!("{name}: now {new}"),
                None => format!("{name}: now vacant"),
            };
            push(ChangeKind::Worker, text);
        }
        if before.starts != after.starts
            || before.leaves != after.leaves
            || absence_changed(before, after)
        {
            push(
                ChangeKind::Dates,
                format!("{name}: start, leaving or absence dates"),
            );
        }
        if before.reductions != after.reductions {
            let reasons: Vec<&str> = after.reductions.iter().map(|r| r.reason.label()).collect();
            push(
                ChangeKind::Reductions,
                if reasons.is_empty() {
                    format!("{name}: no reductions")
                } else {
                    format!("{name}: reductions now {}", reasons.join(", "))
                },
            );
        }
        if before.cases != after.cases {
            push(
                ChangeKind::Cases,
                format!(
                    "{name}: {} to {}",
                    thousands(before.cases_held()),
                    count(after.cases_held(), "case", "cases")
                ),
            );
        }
    }
    for team in &option.teams {
        let Some(before) = base_teams.get(&team.id) else {
            continue;
        };
        if before.unallocated != team.unallocated {
            let waiting = |t: &Team| t.unallocated.values().map(|&n| u64::from(n)).sum::<u64>();
            push(
                ChangeKind::Cases,
                format!(
                    "{} unallocated: {} to {}",
                    team.name,
                    thousands(waiting(before)),
                    count(waiting(team), "case", "cases")
                ),
            );
        }
    }
    if baseline.assumptions != option.assumptions {
        push(
            ChangeKind::Assumptions,
            "turnover, recruitment, demand or protected-time assumptions differ".into(),
        );
    }
    out
}

fn absence_changed(before: &Post, after: &Post) -> bool {
    match (before.status, after.status) {
        (PostStatus::Active, PostStatus::Active) => false,
        (a, b) => a != b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::grade::{SENIOR_PRACTITIONER, SOCIAL_WORKER};
    use crate::model::{Command, Created, PostId, ScenarioSet, TeamFunction, TeamId, apply};

    #[test]
    fn every_kind_of_change_is_listed_and_cohorts_are_counted() {
        let mut base = crate::model::defaults::new_plan();
        for name in ["North", "South"] {
            apply(
                &mut base,
                Command::AddTeam {
                    name: name.into(),
                    function: TeamFunction::Other,
                },
            )
            .unwrap();
        }
        let Ok(Created::Posts(ids)) = apply(
            &mut base,
            Command::AddPosts {
                team: TeamId(1),
                grade: SOCIAL_WORKER,
                contract: Contract::Permanent,
                fte: 1.0,
                count: 3,
            },
        ) else {
            panic!("posts not added")
        };
        let mut set = ScenarioSet::new(base);
        let option = set
            .add_option(crate::model::ScenarioId::BASELINE, "Option A")
            .unwrap();
        let edits = [
            Command::MovePost {
                post: ids[0],
                team: TeamId(2),
            },
            Command::SetPostGrade {
                post: ids[1],
                grade: SENIOR_PRACTITIONER,
            },
            Command::SetPostFte {
                post: ids[1],
                fte: 0.6,
            },
            Command::DeletePost { post: ids[2] },
            Command::AddPosts {
                team: TeamId(2),
                grade: SOCIAL_WORKER,
                contract: Contract::Agency,
                fte: 1.0,
                count: 18,
            },
        ];
        for edit in edits {
            set.apply(option, edit).unwrap();
        }
        let list = changes(set.baseline(), &set.plan(option).clone());
        let texts: Vec<(ChangeKind, &str)> =
            list.iter().map(|c| (c.kind, c.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (
                    ChangeKind::PostsAdded,
                    "18 × Social worker, agency, 1 FTE, vacant — South"
                ),
                (
                    ChangeKind::PostsRemoved,
                    "Social worker, permanent, 1 FTE, vacant — North"
                ),
                (
                    ChangeKind::Moved,
                    "vacant post 1 (Social worker, North) moved to South"
                ),
                (
                    ChangeKind::Regraded,
                    "vacant post 2 (Social worker, North) regraded to Senior practitioner"
                ),
                (
                    ChangeKind::Fte,
                    "vacant post 2 (Social worker, North): 1 to 0.6 FTE"
                ),
            ]
        );
        assert!(changes(set.baseline(), set.baseline()).is_empty());
        assert_eq!(
            set.plan(option).post(PostId(4)).map(|p| p.team),
            Some(TeamId(2))
        );
    }

    #[test]
    fn added_posts_say_how_many_cases_they_took() {
        use crate::model::allocation::test_plans::{plan, social_worker};
        use crate::model::allocation::{CaseMove, CaseSource};
        use crate::model::defaults::case_type::CHILD_IN_NEED;
        let mut base = plan(&["North", "South"]);
        let hall = social_worker(&mut base, 1, "A. Hall", &[(CHILD_IN_NEED, 10)]);
        let mut option = base.clone();
        let Ok(Created::Posts(new)) = apply(
            &mut option,
            Command::AddFilledPosts {
                team: TeamId(2),
                grade: SOCIAL_WORKER,
                contract: Contract::Agency,
                fte: 1.0,
                count: 2,
            },
        ) else {
            panic!("posts not added")
        };
        let from_hall = |count, to| CaseMove {
            case_type: CHILD_IN_NEED,
            count,
            from: CaseSource::Post(hall),
            to,
        };
        apply(
            &mut option,
            Command::MoveCases(vec![from_hall(3, new[0]), from_hall(2, new[1])]),
        )
        .unwrap();
        let texts: Vec<(ChangeKind, String)> = changes(&base, &option)
            .into_iter()
            .map(|c| (c.kind, c.text))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    ChangeKind::PostsAdded,
                    "2 × Social worker, agency, 1 FTE, filled — South, holding 5 cases".into()
                ),
                (
                    ChangeKind::Cases,
                    "A. Hall (Social worker, North): 10 to 5 cases".into()
                ),
            ]
        );
    }

    #[test]
    fn what_an_agency_worker_covers_is_listed() {
        use crate::model::AgencyCover;
        use crate::model::allocation::test_plans::{plan, social_worker};
        let mut base = plan(&["North"]);
        let osei = social_worker(&mut base, 1, "K. Osei", &[]);
        base.posts[0].contract = Contract::Agency;
        let mut option = base.clone();
        option.posts[0].covers = AgencyCover::Absence;
        let mut extra = option.posts[0].clone();
        extra.id = PostId(osei.0 + 1);
        extra.worker = None;
        extra.covers = AgencyCover::OverEstablishment;
        option.posts.push(extra);
        let texts: Vec<String> = changes(&base, &option)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(
            texts,
            [
                "Social worker, agency (extra capacity over establishment), 1 FTE, vacant — North",
                "K. Osei (Social worker, North): covering a vacancy to covering an absence",
            ]
        );
    }

    #[test]
    fn anonymised_changes_name_no_worker() {
        use crate::model::allocation::test_plans::{plan, social_worker};
        use crate::model::anonymise::Anonymised;
        let mut base = plan(&["North"]);
        social_worker(&mut base, 1, "K. Osei", &[]);
        let mut set = ScenarioSet::new(base);
        let option = set
            .add_option(crate::model::ScenarioId::BASELINE, "Option A")
            .unwrap();
        let rename = Command::SetPostWorker {
            post: PostId(1),
            worker: Some("L. Mensah".into()),
        };
        set.apply(option, rename).unwrap();
        let anonymised = Anonymised::of(&set);
        let names = WorkerNames::Anonymised(&anonymised);
        let texts: Vec<String> = changes_naming(set.baseline(), set.plan(option), &names)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(
            texts,
            ["Social worker 1 (Social worker, North): now Social worker 1b"]
        );
        let real: Vec<String> = changes(set.baseline(), set.plan(option))
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(real, ["K. Osei (Social worker, North): now L. Mensah"]);
    }
}
