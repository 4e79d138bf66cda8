//! Workers' names replaced by their grade and a number ("Social worker 7", "Team manager 2"),
//! for showing a plan in a meeting or sending an export without naming real staff.
//!
//! The number is stable: posts are numbered within their grade in post-id order, over every
//! scenario of a [`ScenarioSet`]. One post id is one post in every scenario, so a worker has
//! the same pseudonym in every option; new posts get higher ids, so adding a post never
//! renumbers the others. Every post has its number, vacant or not, so filling a vacancy
//! renumbers nothing either; a vacancy itself has no name. A post whose grade differs between
//! scenarios is numbered in the grade it has in the first scenario that holds it (the
//! baseline, when it is there).
//!
//! An option may put another worker in a post: the second name the post has (in scenario
//! order) is "Social worker 7b", the third "Social worker 7c", so different people stay
//! different. Team names are not people's and stay as they are.
//!
//! An [`Anonymised`] describes the plan it was made of: make it again when the plan changes
//! (it takes a moment even at 10,000 posts). A post it does not know is named by its grade
//! and post number, never by its worker's name.

use super::{GradeId, Post, PostId, ScenarioSet};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Every post's pseudonym in a set of scenarios.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Anonymised {
    posts: HashMap<PostId, Pseudonym>,
    grades: HashMap<GradeId, String>,
}

/// One post's pseudonym, and the workers it has had in the scenarios, in scenario order.
#[derive(Clone, Debug, PartialEq)]
struct Pseudonym {
    name: String,
    workers: Vec<String>,
}

impl Anonymised {
    /// The pseudonyms of every post in `set`.
    pub fn of(set: &ScenarioSet) -> Self {
        let grades: HashMap<GradeId, String> = set
            .baseline()
            .grades
            .iter()
            .map(|g| (g.id, g.name.clone()))
            .collect();
        // Each post's grade where it is first seen, and its workers' names in scenario order.
        let mut seen: BTreeMap<PostId, (GradeId, Vec<String>)> = BTreeMap::new();
        for scenario in set.iter() {
            for post in &scenario.plan.posts {
                let (_, workers) = seen.entry(post.id).or_insert((post.grade, Vec::new()));
                if let Some(worker) = &post.worker
                    && !workers.contains(worker)
                {
                    workers.push(worker.clone());
                }
            }
        }
        let mut numbers: HashMap<GradeId, u32> = HashMap::new();
        let posts = seen
            .into_iter()
            .map(|(id, (grade, workers))| {
                let number = numbers.entry(grade).or_default();
                *number += 1;
                let name = format!("{} {number}", grade_name(&grades, grade));
                (id, Pseudonym { name, workers })
            })
            .collect();
        Anonymised { posts, grades }
    }

    /// The pseudonym of `post`'s worker; `None` for a vacancy.
    pub fn worker(&self, post: &Post) -> Option<Cow<'_, str>> {
        let worker = post.worker.as_deref()?;
        let Some(pseudonym) = self.posts.get(&post.id) else {
            // A post made after this mapping: its grade and number, not its worker's name.
            let grade = grade_name(&self.grades, post.grade);
            return Some(Cow::Owned(format!("{grade}, post {}", post.id.0)));
        };
        // A name the mapping has not seen counts as the next worker of the post.
        let nth = pseudonym
            .workers
            .iter()
            .position(|w| w == worker)
            .unwrap_or(pseudonym.workers.len());
        Some(match nth {
            0 => Cow::Borrowed(pseudonym.name.as_str()),
            n => Cow::Owned(format!("{}{}", pseudonym.name, nth_suffix(n))),
        })
    }
}

fn grade_name(grades: &HashMap<GradeId, String>, grade: GradeId) -> &str {
    grades.get(&grade).map_or("Worker", String::as_str)
}

/// `b` for a post's second worker, `c` for its third, …; `(27)` past `z`.
fn nth_suffix(n: usize) -> String {
    match u8::try_from(n) {
        Ok(n @ 1..=25) => char::from(b'a' + n).to_string(),
        _ => format!(" ({})", n + 1),
    }
}

/// How workers are named: as the plan names them, or anonymised. Views and exports ask this
/// one thing for a worker's name, so none of them can show a real name by mistake.
#[derive(Clone, Copy, Debug, Default)]
pub enum WorkerNames<'a> {
    #[default]
    Real,
    Anonymised(&'a Anonymised),
}

impl<'a> WorkerNames<'a> {
    /// `post`'s worker as shown; `None` for a vacancy.
    pub fn worker<'s>(&'s self, post: &'s Post) -> Option<Cow<'s, str>> {
        match self {
            WorkerNames::Real => post.worker.as_deref().map(Cow::Borrowed),
            WorkerNames::Anonymised(names) => names.worker(post),
        }
    }

    /// `post`'s worker as shown, or "Vacant".
    pub fn worker_or_vacant<'s>(&'s self, post: &'s Post) -> Cow<'s, str> {
        self.worker(post).unwrap_or(Cow::Borrowed("Vacant"))
    }

    pub fn is_anonymised(&self) -> bool {
        matches!(self, WorkerNames::Anonymised(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::allocation::test_plans::{add_post, plan};
    use crate::model::defaults::grade::{SOCIAL_WORKER, TEAM_MANAGER};
    use crate::model::{Command, Contract, ScenarioId, TeamId};

    /// North: manager Ames (post 1), social workers Bell (2), vacant (3), Cole (4);
    /// South: social worker Dunn (5).
    fn set() -> ScenarioSet {
        let mut p = plan(&["North", "South"]);
        add_post(&mut p, 1, TEAM_MANAGER, 1.0, Some("A. Ames"), &[]);
        add_post(&mut p, 1, SOCIAL_WORKER, 1.0, Some("B. Bell"), &[]);
        add_post(&mut p, 1, SOCIAL_WORKER, 1.0, None, &[]);
        add_post(&mut p, 1, SOCIAL_WORKER, 0.6, Some("C. Cole"), &[]);
        add_post(&mut p, 2, SOCIAL_WORKER, 1.0, Some("D. Dunn"), &[]);
        ScenarioSet::new(p)
    }

    fn names_of(set: &ScenarioSet, scenario: ScenarioId) -> Vec<Option<String>> {
        let anonymised = Anonymised::of(set);
        let names = WorkerNames::Anonymised(&anonymised);
        set.plan(scenario)
            .posts
            .iter()
            .map(|p| names.worker(p).map(Cow::into_owned))
            .collect()
    }

    fn some(names: &[&str]) -> Vec<Option<String>> {
        names
            .iter()
            .map(|n| (!n.is_empty()).then(|| (*n).to_owned()))
            .collect()
    }

    #[test]
    fn workers_are_numbered_within_their_grade_in_post_order_and_vacancies_stay_vacant() {
        let set = set();
        assert_eq!(
            names_of(&set, ScenarioId::BASELINE),
            // The vacancy (post 3) keeps its number 2: filling it later renumbers nothing.
            some(&[
                "Team manager 1",
                "Social worker 1",
                "",
                "Social worker 3",
                "Social worker 4"
            ])
        );
        let real = WorkerNames::Real;
        let post = &set.baseline().posts[1];
        assert_eq!(real.worker(post).as_deref(), Some("B. Bell"));
        assert_eq!(real.worker_or_vacant(&set.baseline().posts[2]), "Vacant");
        assert!(!real.is_anonymised());
    }

    #[test]
    fn the_same_worker_has_the_same_pseudonym_in_every_option_and_new_posts_number_on() {
        let mut set = set();
        let option = set.add_option(ScenarioId::BASELINE, "Option A").unwrap();
        // The option removes Bell's post, moves Cole to South, regrades Dunn, fills the
        // vacancy and adds a filled post.
        let edits = [
            Command::DeletePost { post: PostId(2) },
            Command::MovePost {
                post: PostId(4),
                team: TeamId(2),
            },
            Command::SetPostGrade {
                post: PostId(5),
                grade: TEAM_MANAGER,
            },
            Command::SetPostWorker {
                post: PostId(3),
                worker: Some("E. Eze".into()),
            },
            Command::AddFilledPosts {
                team: TeamId(2),
                grade: SOCIAL_WORKER,
                contract: Contract::Agency,
                fte: 1.0,
                count: 1,
            },
        ];
        for edit in edits {
            set.apply(option, edit).unwrap();
        }
        let baseline = names_of(&set, ScenarioId::BASELINE);
        assert_eq!(
            baseline,
            some(&[
                "Team manager 1",
                "Social worker 1",
                "",
                "Social worker 3",
                "Social worker 4"
            ]),
            "an option changes no pseudonym of the baseline"
        );
        let worker_of = |id: u32| {
            let plan = set.plan(option);
            let post = plan.post(PostId(id)).unwrap();
            let anonymised = Anonymised::of(&set);
            WorkerNames::Anonymised(&anonymised)
                .worker(post)
                .map(Cow::into_owned)
        };
        assert_eq!(worker_of(4).as_deref(), Some("Social worker 3"));
        // Regraded in the option: still named by the grade it has in the baseline.
        assert_eq!(worker_of(5).as_deref(), Some("Social worker 4"));
        assert_eq!(worker_of(3).as_deref(), Some("Social worker 2"));
        // The new post (6) numbers on after every post of its grade.
        assert_eq!(worker_of(6).as_deref(), Some("Social worker 5"));
    }

    #[test]
    fn another_worker_in_the_same_post_gets_a_letter() {
        let mut set = set();
        let a = set.add_option(ScenarioId::BASELINE, "Option A").unwrap();
        let b = set.add_option(ScenarioId::BASELINE, "Option B").unwrap();
        let rename = |name: &str| Command::SetPostWorker {
            post: PostId(2),
            worker: Some(name.into()),
        };
        set.apply(a, rename("F. Fox")).unwrap();
        set.apply(b, rename("G. Gray")).unwrap();
        let second = |scenario| names_of(&set, scenario)[1].clone();
        assert_eq!(
            second(ScenarioId::BASELINE).as_deref(),
            Some("Social worker 1")
        );
        assert_eq!(second(a).as_deref(), Some("Social worker 1b"));
        assert_eq!(second(b).as_deref(), Some("Social worker 1c"));
    }

    #[test]
    fn a_post_or_worker_the_mapping_has_not_seen_is_never_named() {
        let set = set();
        let anonymised = Anonymised::of(&set);
        let mut stranger = set.baseline().posts[1].clone();
        stranger.worker = Some("H. Hunt".into());
        assert_eq!(
            anonymised.worker(&stranger).as_deref(),
            Some("Social worker 1b")
        );
        stranger.id = PostId(99);
        assert_eq!(
            anonymised.worker(&stranger).as_deref(),
            Some("Social worker, post 99")
        );
        stranger.worker = None;
        assert_eq!(anonymised.worker(&stranger), None);
    }

    #[test]
    fn letters_run_out_into_numbers() {
        assert_eq!(nth_suffix(1), "b");
        assert_eq!(nth_suffix(25), "z");
        assert_eq!(nth_suffix(26), " (27)");
    }
}
