//! Every change a user can make to a plan, as data, and the one function that applies it.
//!
//! The UI never mutates a plan: it emits [`Command`]s and [`apply`] carries them out. `apply`
//! refuses a command that would make the plan invalid, with a reason fit to show next to the
//! input, and leaves the plan unchanged; so a valid plan stays valid through any sequence of
//! commands (tested by property in `tests/commands.rs`).

pub mod bulk;
mod checks;
mod move_cases;
mod new_posts;
mod replace_structure;

pub use new_posts::NEW_WORKER;

use super::allocation::CaseMove;
use super::assumptions::{Assumptions, assumptions_problems};
use super::costs::{CostRates, cost_problems};
use super::reductions::{STANDARD_HOURS, reduction_problems};
use super::shown::count;
use super::validate::{post_dates_problem, timeline_problem};
use super::{
    AgencyCover, CaseCounts, CaseType, CaseTypeId, Contract, Grade, GradeId, GradeRole, NextIds,
    Plan, Post, PostId, PostStatus, Settings, Team, TeamFunction, TeamId, Timeline, YearMonth,
};
use checks::{
    case_type_mut, check_capacity, check_case_type, check_contract, check_count, check_cover,
    check_fte, check_grade, check_settings, check_weight, grade_mut, non_blank, post_index,
    post_mut, release_cases, rule, set_count, team_index, team_mut,
};
use new_posts::{Cohort, add_posts};
use std::collections::HashSet;
use std::fmt;

/// One edit. Ids refer to existing items unless the variant creates one.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Several edits as one: applied in order, all or none, and undone in one step (an
    /// import, an allocation, a bulk edit, or everything a panel asked for in one frame).
    Batch(Vec<Command>),

    SetPlanName(String),
    SetPlanNotes(String),
    SetSettings(Settings),
    SetTimeline(Timeline),
    SetCostRates(CostRates),
    /// This scenario's turnover, recruitment and demand assumptions.
    SetAssumptions(Box<Assumptions>),

    AddTeam {
        name: String,
        function: TeamFunction,
    },
    RenameTeam {
        team: TeamId,
        name: String,
    },
    SetTeamFunction {
        team: TeamId,
        function: TeamFunction,
    },
    /// Moves the team to `index` in the plan's order of teams.
    MoveTeam {
        team: TeamId,
        index: usize,
    },
    /// Deletes the team and its posts (their cases go with them).
    DeleteTeam {
        team: TeamId,
    },
    SetUnallocated {
        team: TeamId,
        case_type: CaseTypeId,
        count: u32,
    },

    /// Adds `count` vacant posts (a cohort, e.g. 18 fixed-term social workers).
    AddPosts {
        team: TeamId,
        grade: GradeId,
        contract: Contract,
        fte: f64,
        count: u32,
    },
    /// Adds `count` posts each filled by a new worker, named "New worker 1", "New worker 2", …
    /// (numbered on from those already in the plan): a cohort that counts in capacity at once.
    AddFilledPosts {
        team: TeamId,
        grade: GradeId,
        contract: Contract,
        fte: f64,
        count: u32,
    },
    DuplicatePost {
        post: PostId,
    },
    /// Deletes the post; cases it held become its team's unallocated cases.
    DeletePost {
        post: PostId,
    },
    /// Moves the post, with the worker's cases, to another team.
    MovePost {
        post: PostId,
        team: TeamId,
    },
    SetPostGrade {
        post: PostId,
        grade: GradeId,
    },
    /// A contract other than agency also resets what the post covers (to a vacancy).
    SetPostContract {
        post: PostId,
        contract: Contract,
    },
    /// What an agency worker covers; refused for a post not on an agency contract.
    SetAgencyCover {
        post: PostId,
        covers: AgencyCover,
    },
    SetPostFte {
        post: PostId,
        fte: f64,
    },
    /// Replaces a post's reductions (protected time, a phased return…) with `reductions`.
    SetReductions {
        post: PostId,
        reductions: Vec<crate::model::reductions::Reduction>,
    },
    /// `None` makes the post vacant: the worker's cases become the team's unallocated cases.
    SetPostWorker {
        post: PostId,
        worker: Option<String>,
    },
    SetPostStatus {
        post: PostId,
        status: PostStatus,
    },
    SetPostCases {
        post: PostId,
        case_type: CaseTypeId,
        count: u32,
    },
    /// When the post starts (a planned recruit) and when its worker leaves.
    SetPostDates {
        post: PostId,
        starts: Option<YearMonth>,
        leaves: Option<YearMonth>,
    },
    /// Moves whole cases between workers, or from a team's waiting work to a worker: cases
    /// are neither created nor lost. All or none; each move is checked against the counts the
    /// moves before it leave. Refused for a move of no cases, of an unknown case type, from
    /// a worker or team without that many, or to a post that is missing, vacant, absent or
    /// the source itself.
    MoveCases(Vec<CaseMove>),
    /// Puts these teams and posts in place of the scenario's own (an imported staff list): one
    /// step. An id the scenario has means the same team or post; any other must be new to the
    /// plan (at or past its next ids). Checked like a loaded file; demand assumptions for teams
    /// no longer there are dropped.
    ReplaceStructure {
        teams: Vec<Team>,
        posts: Vec<Post>,
    },

    AddCaseType {
        name: String,
        weight: f64,
        must_allocate: bool,
    },
    RenameCaseType {
        case_type: CaseTypeId,
        name: String,
    },
    SetCaseTypeWeight {
        case_type: CaseTypeId,
        weight: f64,
    },
    SetCaseTypeMustAllocate {
        case_type: CaseTypeId,
        must_allocate: bool,
    },
    /// Refused while any post or team has cases of this type.
    RemoveCaseType {
        case_type: CaseTypeId,
    },

    AddGrade {
        name: String,
        role: GradeRole,
        capacity_points: f64,
        holds_cases: bool,
    },
    RenameGrade {
        grade: GradeId,
        name: String,
    },
    SetGradeRole {
        grade: GradeId,
        role: GradeRole,
    },
    SetGradeCapacity {
        grade: GradeId,
        capacity_points: f64,
    },
    SetGradeHoldsCases {
        grade: GradeId,
        holds_cases: bool,
    },
    /// Refused while any post has this grade.
    RemoveGrade {
        grade: GradeId,
    },
}

/// What a command created, so the UI can select it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Created {
    Nothing,
    Team(TeamId),
    Posts(Vec<PostId>),
    CaseType(CaseTypeId),
    Grade(GradeId),
    /// What each command of a batch created, in order.
    Batch(Vec<Created>),
}

impl Created {
    /// The last team or post created, for the UI to select.
    pub fn last_selectable(&self) -> Option<Created> {
        match self {
            Created::Team(_) => Some(self.clone()),
            Created::Posts(ids) => ids.first().map(|&id| Created::Posts(vec![id])),
            Created::Batch(all) => all.iter().rev().find_map(Created::last_selectable),
            Created::Nothing | Created::CaseType(_) | Created::Grade(_) => None,
        }
    }
}

/// Why a command was refused. The plan is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

fn refuse<T>(reason: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(reason.into()))
}

/// `count` new ids from `next`; refused only when a plan has used up every number.
fn take_ids(next: &mut u32, count: u32) -> Result<u32, Refusal> {
    NextIds::take(next, count).ok_or_else(|| {
        Refusal(format!(
            "Nothing new can be numbered: this plan already uses the largest possible id ({}).",
            u32::MAX
        ))
    })
}

/// Most posts one "add posts" command may create: a cohort, not a typo of 1800.
pub const MAX_POSTS_AT_ONCE: u32 = 200;

/// Applies `command` to `plan`, or refuses it and leaves `plan` as it was. New items are
/// numbered on from the plan's largest ids.
pub fn apply(plan: &mut Plan, command: Command) -> Result<Created, Refusal> {
    let mut ids = NextIds::of(plan);
    apply_with(plan, command, &mut ids)
}

/// Applies `command` to `plan`, taking the ids of new items from `ids` (a plan's scenarios
/// share one [`NextIds`], so an id means one thing across them). Refused, `plan` and `ids`
/// are as they were.
pub fn apply_with(
    plan: &mut Plan,
    command: Command,
    ids: &mut NextIds,
) -> Result<Created, Refusal> {
    use Command as C;
    // Filled posts each get a new worker; otherwise the two commands add posts alike.
    let filled = matches!(command, C::AddFilledPosts { .. });
    match command {
        C::Batch(commands) => {
            // On a copy, so a refusal part-way leaves the plan (and the ids) untouched.
            let mut copy = plan.clone();
            let mut copy_ids = *ids;
            let mut created = Vec::with_capacity(commands.len());
            for command in commands {
                created.push(apply_with(&mut copy, command, &mut copy_ids)?);
            }
            *plan = copy;
            *ids = copy_ids;
            return Ok(Created::Batch(created));
        }
        C::SetPlanName(name) => {
            plan.name = non_blank(name, "The plan")?;
        }
        C::SetPlanNotes(notes) => plan.notes = notes,
        C::SetSettings(settings) => {
            check_settings(&settings)?;
            plan.settings = settings;
        }
        C::SetTimeline(timeline) => {
            rule(timeline_problem(&timeline))?;
            plan.timeline = timeline;
        }
        C::SetCostRates(costs) => {
            let grades: HashSet<GradeId> = plan.grades.iter().map(|g| g.id).collect();
            let case_types: HashSet<CaseTypeId> = plan.case_types.iter().map(|c| c.id).collect();
            rule(
                cost_problems(&costs, |g| grades.contains(&g), |c| case_types.contains(&c)).next(),
            )?;
            plan.costs = costs;
        }
        C::SetAssumptions(assumptions) => {
            let teams: HashSet<TeamId> = plan.teams.iter().map(|t| t.id).collect();
            let case_types: HashSet<CaseTypeId> = plan.case_types.iter().map(|c| c.id).collect();
            rule(
                assumptions_problems(
                    &assumptions,
                    |t| teams.contains(&t),
                    |c| case_types.contains(&c),
                    |g| plan.grade(g).is_some(),
                )
                .next(),
            )?;
            plan.assumptions = *assumptions;
        }

        C::AddTeam { name, function } => {
            let name = non_blank(name, "A team")?;
            let id = TeamId(take_ids(&mut ids.team, 1)?);
            plan.teams.push(Team {
                id,
                name,
                function,
                unallocated: CaseCounts::new(),
            });
            return Ok(Created::Team(id));
        }
        C::RenameTeam { team, name } => team_mut(plan, team)?.name = non_blank(name, "A team")?,
        C::SetTeamFunction { team, function } => team_mut(plan, team)?.function = function,
        C::MoveTeam { team, index } => {
            let from = team_index(plan, team)?;
            let moved = plan.teams.remove(from);
            plan.teams.insert(index.min(plan.teams.len()), moved);
        }
        C::DeleteTeam { team } => {
            let index = team_index(plan, team)?;
            plan.teams.remove(index);
            plan.posts.retain(|p| p.team != team);
            plan.assumptions.demand.remove(&team);
            plan.assumptions.flows.forget_team(team);
            plan.assumptions.intakes.retain(|i| i.team != team);
        }
        C::SetUnallocated {
            team,
            case_type,
            count,
        } => {
            check_case_type(plan, case_type)?;
            check_count(count)?;
            set_count(&mut team_mut(plan, team)?.unallocated, case_type, count);
        }

        C::AddPosts {
            team,
            grade,
            contract,
            fte,
            count,
        }
        | C::AddFilledPosts {
            team,
            grade,
            contract,
            fte,
            count,
        } => {
            let cohort = Cohort {
                team,
                grade,
                contract,
                fte,
                count,
            };
            return Ok(Created::Posts(add_posts(plan, ids, cohort, filled)?));
        }
        C::DuplicatePost { post } => {
            let index = post_index(plan, post)?;
            // A copy of the post, not of the person: vacant, with no cases.
            let copy = Post {
                id: PostId(take_ids(&mut ids.post, 1)?),
                worker: None,
                status: PostStatus::Active,
                cases: CaseCounts::new(),
                leaves: None,
                ..plan.posts[index].clone()
            };
            let id = copy.id;
            plan.posts.insert(index + 1, copy);
            return Ok(Created::Posts(vec![id]));
        }
        C::DeletePost { post } => {
            let index = post_index(plan, post)?;
            let removed = plan.posts.remove(index);
            release_cases(plan, removed.team, &removed.cases);
        }
        C::MovePost { post, team } => {
            team_index(plan, team)?;
            post_mut(plan, post)?.team = team;
        }
        C::SetPostGrade { post, grade } => {
            check_grade(plan, grade)?;
            post_mut(plan, post)?.grade = grade;
        }
        C::SetPostContract { post, contract } => {
            check_contract(&contract)?;
            let p = post_mut(plan, post)?;
            p.contract = contract;
            if contract != Contract::Agency {
                p.covers = AgencyCover::Vacancy;
            }
        }
        C::SetAgencyCover { post, covers } => {
            let p = post_mut(plan, post)?;
            check_cover(&p.contract, covers)?;
            p.covers = covers;
        }
        C::SetPostFte { post, fte } => {
            check_fte(fte)?;
            let p = post_mut(plan, post)?;
            // Reductions in hours are a share of the contracted hours: a shorter week must
            // still hold them.
            let mut changed = p.clone();
            changed.fte = fte;
            rule(
                reduction_problems(&changed, STANDARD_HOURS)
                    .into_iter()
                    .next(),
            )?;
            p.fte = fte;
        }
        C::SetReductions { post, reductions } => {
            let p = post_mut(plan, post)?;
            let mut changed = p.clone();
            changed.reductions = reductions;
            rule(
                reduction_problems(&changed, STANDARD_HOURS)
                    .into_iter()
                    .next(),
            )?;
            *p = changed;
        }
        C::SetPostWorker {
            post,
            worker: Some(name),
        } => {
            post_mut(plan, post)?.worker = Some(non_blank(name, "A worker")?);
        }
        C::SetPostWorker { post, worker: None } => {
            let p = post_mut(plan, post)?;
            p.worker = None;
            p.status = PostStatus::Active;
            let (team, cases) = (p.team, std::mem::take(&mut p.cases));
            release_cases(plan, team, &cases);
        }
        C::SetPostStatus { post, status } => {
            let p = post_mut(plan, post)?;
            if p.is_vacant() && status != PostStatus::Active {
                return refuse("A vacant post has no worker to be absent: name the worker first.");
            }
            p.status = status;
        }
        C::SetPostCases {
            post,
            case_type,
            count,
        } => {
            check_case_type(plan, case_type)?;
            check_count(count)?;
            let p = post_mut(plan, post)?;
            if p.is_vacant() && count > 0 {
                return refuse(
                    "A vacant post cannot hold cases: name the worker, or add the cases to the team's unallocated cases.",
                );
            }
            set_count(&mut p.cases, case_type, count);
        }
        C::SetPostDates {
            post,
            starts,
            leaves,
        } => {
            rule(post_dates_problem(starts, leaves))?;
            let p = post_mut(plan, post)?;
            p.starts = starts;
            p.leaves = leaves;
        }
        C::MoveCases(moves) => move_cases::move_cases(plan, &moves)?,
        C::ReplaceStructure { teams, posts } => {
            replace_structure::replace_structure(plan, ids, teams, posts)?;
        }

        C::AddCaseType {
            name,
            weight,
            must_allocate,
        } => {
            check_weight(weight)?;
            let name = non_blank(name, "A case type")?;
            let id = CaseTypeId(take_ids(&mut ids.case_type, 1)?);
            plan.case_types.push(CaseType {
                id,
                name,
                weight,
                must_allocate,
            });
            return Ok(Created::CaseType(id));
        }
        C::RenameCaseType { case_type, name } => {
            case_type_mut(plan, case_type)?.name = non_blank(name, "A case type")?;
        }
        C::SetCaseTypeWeight { case_type, weight } => {
            check_weight(weight)?;
            case_type_mut(plan, case_type)?.weight = weight;
        }
        C::SetCaseTypeMustAllocate {
            case_type,
            must_allocate,
        } => {
            case_type_mut(plan, case_type)?.must_allocate = must_allocate;
        }
        C::RemoveCaseType { case_type } => {
            let index = plan
                .case_types
                .iter()
                .position(|c| c.id == case_type)
                .ok_or_else(|| Refusal(format!("There is no {case_type}.")))?;
            let posts = plan
                .posts
                .iter()
                .filter(|p| p.cases.get(&case_type).is_some_and(|&n| n > 0))
                .count();
            let teams = plan
                .teams
                .iter()
                .filter(|t| t.unallocated.get(&case_type).is_some_and(|&n| n > 0))
                .count();
            if posts + teams > 0 {
                return refuse(format!(
                    "\"{}\" is still in use: {} {} such cases and {} {} them unallocated. Move or close those cases first.",
                    plan.case_types[index].name,
                    count(posts as u64, "post", "posts"),
                    if posts == 1 { "holds" } else { "hold" },
                    count(teams as u64, "team", "teams"),
                    if teams == 1 { "has" } else { "have" },
                ));
            }
            plan.case_types.remove(index);
            for p in &mut plan.posts {
                p.cases.remove(&case_type);
            }
            for t in &mut plan.teams {
                t.unallocated.remove(&case_type);
            }
            plan.costs.case_costs.remove(&case_type);
            plan.assumptions.flows.forget_case_type(case_type);
        }

        C::AddGrade {
            name,
            role,
            capacity_points,
            holds_cases,
        } => {
            check_capacity(capacity_points)?;
            let name = non_blank(name, "A grade")?;
            let id = GradeId(take_ids(&mut ids.grade, 1)?);
            plan.grades.push(Grade {
                id,
                name,
                role,
                capacity_points,
                holds_cases,
            });
            plan.costs.add_grade(id, role);
            return Ok(Created::Grade(id));
        }
        C::RenameGrade { grade, name } => {
            grade_mut(plan, grade)?.name = non_blank(name, "A grade")?
        }
        C::SetGradeRole { grade, role } => grade_mut(plan, grade)?.role = role,
        C::SetGradeCapacity {
            grade,
            capacity_points,
        } => {
            check_capacity(capacity_points)?;
            grade_mut(plan, grade)?.capacity_points = capacity_points;
        }
        C::SetGradeHoldsCases { grade, holds_cases } => {
            grade_mut(plan, grade)?.holds_cases = holds_cases;
        }
        C::RemoveGrade { grade } => {
            let index = plan
                .grades
                .iter()
                .position(|g| g.id == grade)
                .ok_or_else(|| Refusal(format!("There is no {grade}.")))?;
            let used = plan.posts.iter().filter(|p| p.grade == grade).count();
            if used > 0 {
                return refuse(format!(
                    "\"{}\" is still the grade of {}: regrade or delete {} first.",
                    plan.grades[index].name,
                    count(used as u64, "post", "posts"),
                    if used == 1 { "it" } else { "them" },
                ));
            }
            plan.grades.remove(index);
            plan.costs.remove_grade(grade);
            let a = &mut plan.assumptions;
            a.intakes.retain(|i| i.grade != grade);
            if let Some(rule) = &mut a.protected_time {
                rule.grades.retain(|&g| g != grade);
            }
        }
    }
    Ok(Created::Nothing)
}
