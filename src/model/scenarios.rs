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
use super::command::{Command, Created, Refusal, apply_with};
use super::costs::CostRates;
mod checks;

use super::{CaseType, Grade, NextIds, Plan, Post, ScenarioId, Settings, Team, Timeline};
pub use checks::{too_many_scenarios, validate_scenarios};

/// What the first scenario is always called.
pub const BASELINE_NAME: &str = "Baseline";

/// Most scenarios one plan may hold: a meeting compares a handful, not hundreds.
pub const MAX_SCENARIOS: usize = 20;

/// One scenario: its id, a name and its complete plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    pub plan: Plan,
}

/// The baseline (first, always there) and the options.
#[derive(Clone, Debug)]
pub struct ScenarioSet {
    scenarios: Vec<Scenario>,
    /// Ids for new teams, posts, case types and grades: never given twice in any scenario,
    /// even after an undo took the first holder away.
    next_ids: NextIds,
    next_scenario: u32,
}

/// Two sets are equal when their scenarios are: which ids have been used up is bookkeeping.
impl PartialEq for ScenarioSet {
    fn eq(&self, other: &Self) -> bool {
        self.scenarios == other.scenarios
    }
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

/// Which parts of a plan a command changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Only the scenario it is applied in (teams, posts, assumptions).
    Own,
    /// Only the parts every scenario shares (settings, case types, grades, ...).
    Shared,
    /// Both: a batch holding commands of each kind.
    Both,
}

/// Which parts `command` changes.
pub fn reach(command: &Command) -> Reach {
    use Command as C;
    match command {
        C::Batch(commands) => {
            let (mut own, mut shared) = (false, false);
            for c in commands {
                match reach(c) {
                    Reach::Own => own = true,
                    Reach::Shared => shared = true,
                    Reach::Both => return Reach::Both,
                }
            }
            match (own, shared) {
                (_, false) => Reach::Own,
                (false, true) => Reach::Shared,
                (true, true) => Reach::Both,
            }
        }
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
        | C::RemoveGrade { .. } => Reach::Shared,
        C::SetAssumptions(_)
        | C::AddTeam { .. }
        | C::RenameTeam { .. }
        | C::SetTeamFunction { .. }
        | C::MoveTeam { .. }
        | C::DeleteTeam { .. }
        | C::SetUnallocated { .. }
        | C::AddPosts { .. }
        | C::AddFilledPosts { .. }
        | C::DuplicatePost { .. }
        | C::DeletePost { .. }
        | C::MovePost { .. }
        | C::SetPostGrade { .. }
        | C::SetPostContract { .. }
        | C::SetAgencyCover { .. }
        | C::SetPostFte { .. }
        | C::SetReductions { .. }
        | C::SetPostWorker { .. }
        | C::SetPostStatus { .. }
        | C::SetPostCases { .. }
        | C::SetPostDates { .. }
        | C::MoveCases(_)
        | C::ReplaceStructure { .. } => Reach::Own,
    }
}

impl ScenarioSet {
    /// A plan with only its baseline.
    pub fn new(baseline: Plan) -> Self {
        ScenarioSet {
            next_ids: NextIds::of(&baseline),
            scenarios: vec![Scenario {
                id: ScenarioId::BASELINE,
                name: BASELINE_NAME.to_owned(),
                plan: baseline,
            }],
            next_scenario: 1,
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
            set.next_ids = set.next_ids.max(NextIds::of(&plan));
            let id = set.new_scenario_id();
            set.scenarios.push(Scenario { id, name, plan });
        }
        set
    }

    fn new_scenario_id(&mut self) -> ScenarioId {
        let id = ScenarioId(self.next_scenario);
        self.next_scenario += 1;
        id
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

    pub fn get(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Where scenario `id` is in the order of scenarios (0 is the baseline).
    pub fn position(&self, id: ScenarioId) -> Option<usize> {
        self.scenarios.iter().position(|s| s.id == id)
    }

    /// Scenario `id`'s plan, or the baseline's when there is no such scenario.
    pub fn plan(&self, id: ScenarioId) -> &Plan {
        self.get(id).map_or_else(|| self.baseline(), |s| &s.plan)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Scenario> {
        self.scenarios.iter()
    }

    /// The options (every scenario after the baseline).
    pub fn options(&self) -> &[Scenario] {
        &self.scenarios[1..]
    }

    /// The ids new items will get: for tests and for checking a file's ids.
    pub fn next_ids(&self) -> NextIds {
        self.next_ids
    }

    /// Applies `command` in scenario `id`: a shared change to every scenario (or, refused in
    /// any, to none), anything else to that scenario alone; a batch all or nothing.
    pub fn apply(&mut self, id: ScenarioId, command: Command) -> Result<Created, Refusal> {
        let index = self
            .position(id)
            .ok_or_else(|| Refusal(format!("There is no {id}.")))?;
        if reach(&command) == Reach::Own {
            return apply_with(&mut self.scenarios[index].plan, command, &mut self.next_ids);
        }
        // Shared parts change: work on copies, so a refusal in one scenario (a grade still used
        // in an option, say) or part-way through a batch leaves every scenario as it was.
        let mut plans: Vec<Plan> = self.scenarios.iter().map(|s| s.plan.clone()).collect();
        let mut ids = self.next_ids;
        let created = self.apply_across(&mut plans, index, command, &mut ids)?;
        for (scenario, plan) in self.scenarios.iter_mut().zip(plans) {
            scenario.plan = plan;
        }
        self.next_ids = ids;
        Ok(created)
    }

    /// Applies `command` to `plans` (copies of every scenario's): shared commands to all of
    /// them, the others to the one at `index`.
    fn apply_across(
        &self,
        plans: &mut [Plan],
        index: usize,
        command: Command,
        ids: &mut NextIds,
    ) -> Result<Created, Refusal> {
        match command {
            Command::Batch(commands) => {
                let mut created = Vec::with_capacity(commands.len());
                for command in commands {
                    created.push(self.apply_across(plans, index, command, ids)?);
                }
                Ok(Created::Batch(created))
            }
            command if reach(&command) == Reach::Own => apply_with(&mut plans[index], command, ids),
            command => {
                // Every scenario starts from the same ids and the same shared parts, so each
                // numbers a new grade or case type alike; the shown scenario's result is kept.
                let mut created = Created::Nothing;
                let mut after = *ids;
                for (i, plan) in plans.iter_mut().enumerate() {
                    let mut scenario_ids = *ids;
                    match apply_with(plan, command.clone(), &mut scenario_ids) {
                        Ok(c) if i == index => (created, after) = (c, scenario_ids),
                        Ok(_) => {}
                        Err(refusal) if i == index => return Err(refusal),
                        Err(Refusal(reason)) => {
                            let name = &self.scenarios[i].name;
                            return Err(Refusal(format!("In \"{name}\": {reason}")));
                        }
                    }
                }
                *ids = after;
                Ok(created)
            }
        }
    }

    /// Adds an option called `name`, a copy of scenario `from`; returns its id.
    pub fn add_option(&mut self, from: ScenarioId, name: &str) -> Result<ScenarioId, Refusal> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(Refusal(format!(
                "A plan can hold {MAX_SCENARIOS} scenarios; delete one first."
            )));
        }
        let name = self.check_name(name, None)?;
        let plan = self.plan(from).clone();
        let id = self.new_scenario_id();
        self.scenarios.push(Scenario { id, name, plan });
        Ok(id)
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

    /// `name`, or "`name` (2)", "`name` (3)", …: the first that no scenario is called yet
    /// (names differing only in case clash, as [`Self::add_option`] counts them).
    pub fn unused_name(&self, name: &str) -> String {
        let taken = |candidate: &str| {
            candidate.eq_ignore_ascii_case(BASELINE_NAME)
                || self
                    .scenarios
                    .iter()
                    .any(|s| s.name.eq_ignore_ascii_case(candidate))
        };
        (1..)
            .map(|n: u32| match n {
                1 => name.trim().to_owned(),
                n => format!("{} ({n})", name.trim()),
            })
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| name.to_owned())
    }

    pub fn rename_option(&mut self, id: ScenarioId, name: &str) -> Result<(), Refusal> {
        if id == ScenarioId::BASELINE {
            return Err(Refusal(format!(
                "The baseline is always called \"{BASELINE_NAME}\"."
            )));
        }
        let name = self.check_name(name, Some(id))?;
        match self.scenarios.iter_mut().find(|s| s.id == id) {
            Some(scenario) => {
                scenario.name = name;
                Ok(())
            }
            None => Err(Refusal(format!("There is no {id}."))),
        }
    }

    /// Removes option `id` (never the baseline) and returns it.
    pub fn delete_option(&mut self, id: ScenarioId) -> Result<Scenario, Refusal> {
        if id == ScenarioId::BASELINE {
            return Err(Refusal("The baseline cannot be deleted.".into()));
        }
        match self.position(id) {
            Some(i) => Ok(self.scenarios.remove(i)),
            None => Err(Refusal(format!("There is no {id}."))),
        }
    }

    fn check_name(&self, name: &str, renaming: Option<ScenarioId>) -> Result<String, Refusal> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Refusal("An option needs a name.".into()));
        }
        let clash = self
            .scenarios
            .iter()
            .any(|s| Some(s.id) != renaming && s.name.eq_ignore_ascii_case(name));
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

    /// Scenario `id`'s own parts.
    pub fn own(&self, id: ScenarioId) -> Option<OwnParts> {
        self.get(id).map(OwnParts::of)
    }

    /// Sets scenario `id`'s own parts (undo and redo of a change in it).
    pub fn set_own(&mut self, id: ScenarioId, own: OwnParts) {
        if let Some(scenario) = self.scenarios.iter_mut().find(|s| s.id == id) {
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
mod tests;
