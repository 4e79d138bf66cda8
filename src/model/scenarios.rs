//! A plan's scenarios: the baseline and any number of named options.
//!
//! Each scenario is a complete [`Plan`]: everything [`assess`](fn@super::assess) and the
//! projection need is in one value. The parts every scenario shares (name, notes, settings,
//! timeline, case types, grades, cost rates) are copied into each, and this module keeps them
//! equal: a command that changes a shared part is applied to every scenario or to none.
//! Teams, posts and assumptions belong to one scenario, so editing an option never changes
//! the baseline.
//!
//! Ids are unique across scenarios for things created after an option was copied: a post with
//! the same id in two scenarios is the same post, which is what the list of changes relies on.

use super::assumptions::Assumptions;
use super::command::{Command, Created, Refusal, apply};
use super::costs::CostRates;
mod checks;

use super::{CaseType, Grade, Plan, Post, PostId, Settings, Team, TeamId, Timeline};
pub use checks::{too_many_scenarios, validate_scenarios};

/// What the first scenario is always called.
pub const BASELINE_NAME: &str = "Baseline";

/// Most scenarios one plan may hold: a meeting compares a handful, not hundreds.
pub const MAX_SCENARIOS: usize = 20;

/// One scenario: a name and its complete plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub plan: Plan,
}

/// The baseline (first, always there) and the options.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioSet {
    scenarios: Vec<Scenario>,
}

/// The parts of a plan that all its scenarios share.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedParts {
    pub name: String,
    pub notes: String,
    pub settings: Settings,
    pub timeline: Timeline,
    pub case_types: Vec<CaseType>,
    pub grades: Vec<Grade>,
    pub costs: CostRates,
}

impl SharedParts {
    pub fn of(plan: &Plan) -> Self {
        SharedParts {
            name: plan.name.clone(),
            notes: plan.notes.clone(),
            settings: plan.settings.clone(),
            timeline: plan.timeline,
            case_types: plan.case_types.clone(),
            grades: plan.grades.clone(),
            costs: plan.costs.clone(),
        }
    }

    fn put_into(&self, plan: &mut Plan) {
        plan.name.clone_from(&self.name);
        plan.notes.clone_from(&self.notes);
        plan.settings = self.settings.clone();
        plan.timeline = self.timeline;
        plan.case_types.clone_from(&self.case_types);
        plan.grades.clone_from(&self.grades);
        plan.costs = self.costs.clone();
    }
}

/// The parts of one scenario that are its own.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnParts {
    pub name: String,
    pub teams: Vec<Team>,
    pub posts: Vec<Post>,
    pub assumptions: Assumptions,
}

impl OwnParts {
    pub fn of(scenario: &Scenario) -> Self {
        OwnParts {
            name: scenario.name.clone(),
            teams: scenario.plan.teams.clone(),
            posts: scenario.plan.posts.clone(),
            assumptions: scenario.plan.assumptions.clone(),
        }
    }
}

/// Does this command change a part every scenario shares?
pub fn is_shared(command: &Command) -> bool {
    use Command as C;
    match command {
        C::SetPlanName(_)
        | C::SetPlanNotes(_)
        | C::SetSettings(_)
        | C::SetTimeline(_)
        | C::SetCostRates(_)
        | C::AddCaseType { .. }
        | C::RenameCaseType { .. }
        | C::SetCaseTypeWeight { .. }
        | C::SetCaseTypeMustAllocate { .. }
        | C::RemoveCaseType { .. }
        | C::AddGrade { .. }
        | C::RenameGrade { .. }
        | C::SetGradeRole { .. }
        | C::SetGradeCapacity { .. }
        | C::SetGradeHoldsCases { .. }
        | C::RemoveGrade { .. } => true,
        C::SetAssumptions(_)
        | C::AddTeam { .. }
        | C::RenameTeam { .. }
        | C::SetTeamFunction { .. }
        | C::MoveTeam { .. }
        | C::DeleteTeam { .. }
        | C::SetUnallocated { .. }
        | C::AddPosts { .. }
        | C::DuplicatePost { .. }
        | C::DeletePost { .. }
        | C::MovePost { .. }
        | C::SetPostGrade { .. }
        | C::SetPostContract { .. }
        | C::SetPostFte { .. }
        | C::SetPostWorker { .. }
        | C::SetPostStatus { .. }
        | C::SetPostCases { .. }
        | C::SetPostDates { .. } => false,
    }
}

impl ScenarioSet {
    /// A plan with only its baseline.
    pub fn new(baseline: Plan) -> Self {
        ScenarioSet {
            scenarios: vec![Scenario {
                name: BASELINE_NAME.to_owned(),
                plan: baseline,
            }],
        }
    }

    /// A baseline and options as read from a file: the options' shared parts are taken from
    /// the baseline, so they are equal by construction.
    pub fn with_options(baseline: Plan, options: Vec<(String, OwnPartsWithoutName)>) -> Self {
        let mut set = Self::new(baseline);
        for (name, own) in options {
            let mut plan = set.baseline().clone();
            plan.teams = own.teams;
            plan.posts = own.posts;
            plan.assumptions = own.assumptions;
            set.scenarios.push(Scenario { name, plan });
        }
        set
    }

    pub fn len(&self) -> usize {
        self.scenarios.len()
    }

    /// Never true: there is always a baseline. (Here for the `len` convention.)
    pub fn is_empty(&self) -> bool {
        self.scenarios.is_empty()
    }

    pub fn baseline(&self) -> &Plan {
        &self.scenarios[0].plan
    }

    pub fn get(&self, index: usize) -> Option<&Scenario> {
        self.scenarios.get(index)
    }

    /// The scenario at `index`, or the baseline when there is none.
    pub fn plan(&self, index: usize) -> &Plan {
        self.scenarios
            .get(index)
            .map_or_else(|| self.baseline(), |s| &s.plan)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Scenario> {
        self.scenarios.iter()
    }

    /// The options (every scenario after the baseline).
    pub fn options(&self) -> &[Scenario] {
        &self.scenarios[1..]
    }

    /// Applies `command` in scenario `index`: a shared change to every scenario (or, refused
    /// in any, to none), anything else to that scenario alone.
    pub fn apply(&mut self, index: usize, command: Command) -> Result<Created, Refusal> {
        if index >= self.scenarios.len() {
            return Err(Refusal(format!("There is no scenario {index}.")));
        }
        if !is_shared(&command) {
            let created = apply(&mut self.scenarios[index].plan, command)?;
            return Ok(self.keep_ids_unique(index, created));
        }
        // Shared: apply to copies first, so a refusal in one scenario (a grade still used in an
        // option, say) leaves every scenario as it was.
        let mut updated = Vec::with_capacity(self.scenarios.len());
        let mut created = Created::Nothing;
        for (i, scenario) in self.scenarios.iter().enumerate() {
            let mut plan = scenario.plan.clone();
            match apply(&mut plan, command.clone()) {
                Ok(c) if i == index => created = c,
                Ok(_) => {}
                Err(Refusal(reason)) if i == index => return Err(Refusal(reason)),
                Err(Refusal(reason)) => {
                    return Err(Refusal(format!("In \"{}\": {reason}", scenario.name)));
                }
            }
            updated.push(plan);
        }
        for (scenario, plan) in self.scenarios.iter_mut().zip(updated) {
            scenario.plan = plan;
        }
        Ok(created)
    }

    /// New teams and posts get ids no other scenario uses, so that one id is one thing across
    /// the plan. `apply` numbers from this scenario's largest id; an option copied earlier may
    /// already use that number for something else.
    fn keep_ids_unique(&mut self, index: usize, created: Created) -> Created {
        let others = || {
            self.scenarios
                .iter()
                .enumerate()
                .filter(move |(i, _)| *i != index)
        };
        match created {
            Created::Posts(ids) => {
                let taken = |id: PostId| others().any(|(_, s)| s.plan.post(id).is_some());
                if !ids.iter().any(|&id| taken(id)) {
                    return Created::Posts(ids);
                }
                // Number on from the largest id anywhere, not counting the posts just made.
                let made = &ids;
                let max = self
                    .scenarios
                    .iter()
                    .enumerate()
                    .flat_map(|(i, s)| {
                        s.plan
                            .posts
                            .iter()
                            .filter(move |p| i != index || !made.contains(&p.id))
                            .map(|p| p.id.0)
                    })
                    .max()
                    .unwrap_or(0);
                let plan = &mut self.scenarios[index].plan;
                let renumbered: Vec<PostId> = (1..=ids.len() as u32)
                    .map(|k| PostId(max.saturating_add(k)))
                    .collect();
                for (old, new) in ids.iter().zip(&renumbered) {
                    if let Some(post) = plan.posts.iter_mut().find(|p| p.id == *old) {
                        post.id = *new;
                    }
                }
                Created::Posts(renumbered)
            }
            Created::Team(id) => {
                if !others().any(|(_, s)| s.plan.team(id).is_some()) {
                    return Created::Team(id);
                }
                let max = self
                    .scenarios
                    .iter()
                    .flat_map(|s| s.plan.teams.iter().map(|t| t.id.0))
                    .max()
                    .unwrap_or(0);
                let new = TeamId(max.saturating_add(1));
                let plan = &mut self.scenarios[index].plan;
                if let Some(team) = plan.teams.iter_mut().find(|t| t.id == id) {
                    team.id = new;
                }
                Created::Team(new)
            }
            other => other,
        }
    }

    /// Adds an option called `name`, a copy of scenario `from`; returns its index.
    pub fn add_option(&mut self, from: usize, name: &str) -> Result<usize, Refusal> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(Refusal(format!(
                "A plan can hold {MAX_SCENARIOS} scenarios; delete one first."
            )));
        }
        let name = self.check_name(name, None)?;
        let plan = self.plan(from).clone();
        self.scenarios.push(Scenario { name, plan });
        Ok(self.scenarios.len() - 1)
    }

    /// A name for a new option that no scenario has yet: "Option A", "Option B", …
    pub fn next_option_name(&self) -> String {
        (0..)
            .map(|n: u32| {
                let letter = char::from(b'A' + (n % 26) as u8);
                match n / 26 {
                    0 => format!("Option {letter}"),
                    round => format!("Option {letter}{}", round + 1),
                }
            })
            .find(|name| self.scenarios.iter().all(|s| &s.name != name))
            .unwrap_or_else(|| "Option".to_owned())
    }

    pub fn rename_option(&mut self, index: usize, name: &str) -> Result<(), Refusal> {
        if index == 0 {
            return Err(Refusal(format!(
                "The baseline is always called \"{BASELINE_NAME}\"."
            )));
        }
        let name = self.check_name(name, Some(index))?;
        match self.scenarios.get_mut(index) {
            Some(scenario) => {
                scenario.name = name;
                Ok(())
            }
            None => Err(Refusal(format!("There is no scenario {index}."))),
        }
    }

    /// Removes option `index` (never the baseline) and returns it.
    pub fn delete_option(&mut self, index: usize) -> Result<Scenario, Refusal> {
        match index {
            0 => Err(Refusal("The baseline cannot be deleted.".into())),
            i if i < self.scenarios.len() => Ok(self.scenarios.remove(i)),
            i => Err(Refusal(format!("There is no scenario {i}."))),
        }
    }

    /// Puts a deleted option back at `index` (for undoing a delete).
    pub fn reinsert_option(&mut self, index: usize, scenario: Scenario) {
        let at = index.clamp(1, self.scenarios.len());
        self.scenarios.insert(at, scenario);
    }

    fn check_name(&self, name: &str, renaming: Option<usize>) -> Result<String, Refusal> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Refusal("An option needs a name.".into()));
        }
        let clash = self
            .scenarios
            .iter()
            .enumerate()
            .any(|(i, s)| Some(i) != renaming && s.name.eq_ignore_ascii_case(name));
        if clash || name.eq_ignore_ascii_case(BASELINE_NAME) {
            return Err(Refusal(format!(
                "There is already a scenario called \"{name}\"."
            )));
        }
        Ok(name.to_owned())
    }

    /// The shared parts, as every scenario has them.
    pub fn shared(&self) -> SharedParts {
        SharedParts::of(self.baseline())
    }

    /// Sets the shared parts of every scenario (undo and redo of a shared change).
    pub fn set_shared(&mut self, shared: &SharedParts) {
        for scenario in &mut self.scenarios {
            shared.put_into(&mut scenario.plan);
        }
    }

    /// Scenario `index`'s own parts.
    pub fn own(&self, index: usize) -> Option<OwnParts> {
        self.scenarios.get(index).map(OwnParts::of)
    }

    /// Sets scenario `index`'s own parts (undo and redo of a change in it).
    pub fn set_own(&mut self, index: usize, own: OwnParts) {
        if let Some(scenario) = self.scenarios.get_mut(index) {
            scenario.name = own.name;
            scenario.plan.teams = own.teams;
            scenario.plan.posts = own.posts;
            scenario.plan.assumptions = own.assumptions;
        }
    }
}

/// An option's own parts as a file holds them (its name is kept beside them).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnPartsWithoutName {
    pub teams: Vec<Team>,
    pub posts: Vec<Post>,
    pub assumptions: Assumptions,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::{case_type::CHILD_PROTECTION, grade::SOCIAL_WORKER};
    use crate::model::{Contract, TeamFunction};

    fn set_with_option() -> ScenarioSet {
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
        set.add_option(0, "Option A").unwrap();
        set
    }

    fn add_posts(set: &mut ScenarioSet, index: usize, count: u32) -> Vec<PostId> {
        let created = set
            .apply(
                index,
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
        add_posts(&mut set, 1, 18);
        assert_eq!(set.baseline(), &before);
        assert_eq!(set.plan(1).posts.len(), 18);
    }

    #[test]
    fn a_shared_change_reaches_every_scenario() {
        let mut set = set_with_option();
        set.apply(
            1,
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
        add_posts(&mut set, 1, 1);
        let before = set.clone();
        // The baseline has no social workers, but the option has one.
        let refusal = set
            .apply(
                0,
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
        let in_option = add_posts(&mut set, 1, 2);
        let in_baseline = add_posts(&mut set, 0, 2);
        assert_eq!(in_option, [PostId(1), PostId(2)]);
        assert_eq!(in_baseline, [PostId(3), PostId(4)]);
        assert!(set.baseline().post(PostId(3)).is_some());
        assert!(set.plan(1).post(PostId(3)).is_none());
    }

    #[test]
    fn option_names_are_unique_and_the_baseline_keeps_its_name() {
        let mut set = set_with_option();
        assert_eq!(set.next_option_name(), "Option B");
        assert!(set.add_option(0, " option a ").is_err());
        assert!(set.add_option(0, "baseline").is_err());
        assert!(set.rename_option(0, "Today").is_err());
        set.rename_option(1, "Fixed-term team").unwrap();
        assert_eq!(set.get(1).unwrap().name, "Fixed-term team");
        assert!(set.delete_option(0).is_err());
        assert_eq!(set.delete_option(1).unwrap().name, "Fixed-term team");
        assert_eq!(set.len(), 1);
    }
}
