//! What the UI remembers between frames that is not part of the plan.

use super::contract_fields::ContractChoice;
use crate::model::allocation::NeedTarget;
use crate::model::{Band, CaseTypeId, ContractKind, GradeId, Plan, PostId, ScenarioId, TeamId};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The view in the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Overview,
    Posts,
    StaffingMix,
    Projection,
    Compare,
    WeightsAndGrades,
    Benchmarks,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Posts,
        View::StaffingMix,
        View::Projection,
        View::Compare,
        View::Benchmarks,
        View::WeightsAndGrades,
    ];

    pub fn label(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Posts => "Posts",
            View::StaffingMix => "Staffing mix",
            View::Projection => "Projection",
            View::Compare => "Compare",
            View::WeightsAndGrades => "Weights, grades & costs",
            View::Benchmarks => "Benchmarks",
        }
    }
}

/// What the inspector shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    Plan,
    Team(TeamId),
    Post(PostId),
    /// Several posts, chosen in the Posts table: those in [`UiState::posts`], edited together.
    Posts,
}

/// What the caseload chart measures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartMeasure {
    /// Cases per FTE, against the caseload target.
    #[default]
    Cases,
    /// Weighted points, against each post's capacity.
    Points,
}

/// The posts table's filters and sort order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PostFilter {
    pub team: Option<TeamId>,
    pub grade: Option<GradeId>,
    pub contract: Option<ContractKind>,
    pub band: Option<Band>,
    pub search: String,
    pub sort: PostSort,
    pub descending: bool,
}

/// Columns the posts table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PostSort {
    #[default]
    Plan,
    Team,
    Worker,
    Grade,
    Contract,
    Fte,
    Cases,
    Load,
    Utilisation,
}

/// The inspector's "add posts" form.
#[derive(Clone, Debug)]
pub struct AddPostsForm {
    pub count: u32,
    pub grade: Option<GradeId>,
    pub contract: ContractChoice,
    pub fte: f64,
    /// Each new post filled by a new worker ("New worker 1", …), rather than vacant.
    pub filled: bool,
}

impl Default for AddPostsForm {
    fn default() -> Self {
        AddPostsForm {
            count: 1,
            grade: None,
            contract: ContractChoice::new(ContractKind::Permanent),
            fte: 1.0,
            filled: false,
        }
    }
}

/// The "Make an option with these posts" window: for one team, or every team short of staff.
#[derive(Clone, Debug)]
pub struct MakeOptionForm {
    /// `None`: every team short of staff.
    pub team: Option<TeamId>,
    pub target: NeedTarget,
    pub contract: ContractChoice,
    /// Why the option could not be made (the contract's months), shown in the window.
    pub refusal: Option<String>,
}

impl MakeOptionForm {
    /// Permanent posts for the caseload target; a fixed term, if chosen, runs the plan's first
    /// twelve months.
    pub fn for_team(plan: &Plan, team: Option<TeamId>) -> Self {
        let start = plan.timeline.start;
        let mut contract = ContractChoice::new(ContractKind::Permanent);
        contract.start = start.to_string();
        contract.end = start.plus_months(11).unwrap_or(start).to_string();
        MakeOptionForm {
            team,
            target: NeedTarget::default(),
            contract,
            refusal: None,
        }
    }
}

/// Which proposal the allocation window makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalKind {
    AllocateWaiting,
    Balance,
}

impl ProposalKind {
    pub const ALL: [ProposalKind; 2] = [ProposalKind::AllocateWaiting, ProposalKind::Balance];

    pub fn title(self) -> &'static str {
        match self {
            ProposalKind::AllocateWaiting => "Allocate waiting work",
            ProposalKind::Balance => "Balance caseloads",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            ProposalKind::AllocateWaiting => {
                "Each team's waiting cases go to its own available workers with room, \
                 must-allocate cases first, the least loaded worker first. Never to absent \
                 workers or vacancies; what does not fit within capacity stays waiting."
            }
            ProposalKind::Balance => {
                "Whole cases move from the most loaded workers to those with the most room, \
                 until the highest caseload is as low as it can be, with as few moves as \
                 possible: every move changes a child's social worker."
            }
        }
    }
}

/// Whether balancing keeps each team's cases within the team.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BalanceMode {
    #[default]
    WithinEachTeam,
    AcrossTeams,
}

/// The allocation window: what to propose, for which teams, protecting which workers.
pub struct ProposalForm {
    pub kind: ProposalKind,
    pub mode: BalanceMode,
    pub teams: BTreeSet<TeamId>,
    pub protected: BTreeSet<PostId>,
    /// Case types that balancing leaves with their worker.
    pub kept_types: BTreeSet<CaseTypeId>,
    /// The proposal as last worked out, and what for.
    pub preview: Option<super::allocation::Preview>,
    /// Words a team's name must hold to be listed, in a plan of many teams.
    pub team_search: String,
}

impl ProposalForm {
    /// For `team`, or every team of `plan` when `None`.
    pub fn new(kind: ProposalKind, plan: &Plan, team: Option<TeamId>) -> Self {
        ProposalForm {
            kind,
            mode: BalanceMode::default(),
            teams: match team {
                Some(team) => [team].into(),
                None => plan.teams.iter().map(|t| t.id).collect(),
            },
            protected: BTreeSet::new(),
            kept_types: BTreeSet::new(),
            preview: None,
            team_search: String::new(),
        }
    }
}

/// All UI-only state.
#[derive(Default)]
pub struct UiState {
    pub view: View,
    pub selection: Selection,
    pub chart_measure: ChartMeasure,
    pub filter: PostFilter,
    /// The Structure panel's "Find a team" text: only teams whose names hold it are listed.
    pub team_search: String,
    /// Counts the plans opened. Widget state kept per team (open or closed in Structure)
    /// is keyed with it, so an opened plan's teams start as its size says, not as the last
    /// plan's teams with the same ids were left.
    pub plan_generation: u64,
    /// The posts chosen in the Posts table when several are (see `post_selection.rs`).
    pub posts: super::post_selection::PostSelection,
    /// The form that edits the chosen posts together (see `bulk_edit.rs`).
    pub bulk: super::bulk_edit::BulkForm,
    pub add_posts: AddPostsForm,
    /// The "Make an option with these posts" window, while open.
    pub make_option: Option<MakeOptionForm>,
    /// The "Allocate waiting work" / "Balance caseloads" window, while open.
    pub proposal: Option<ProposalForm>,
    /// Why the last edit was refused; shown until the next edit succeeds.
    pub refusal: Option<String>,
    /// Text being typed into fields whose stored value differs (trimmed names, months): keyed
    /// by the field, kept while it has focus so typing is never fought by re-formatting.
    pub drafts: HashMap<egui::Id, String>,
    /// A team waiting for "delete with its posts?" confirmation.
    pub confirm_delete_team: Option<TeamId>,
    /// An option waiting for "delete this option?" confirmation.
    pub confirm_delete_option: Option<ScenarioId>,
    /// The options chosen for the Compare view; `None` until the user chooses, when the first
    /// three are shown.
    pub compare: Option<Vec<ScenarioId>>,
    /// Whether the Projection view opens with its assumptions shown.
    pub assumptions_open: bool,
    /// The lists already shown for the plan now open (see [`super::widgets::OpensAtTop`]);
    /// emptied when another plan is opened.
    pub shown_from_top: HashSet<&'static str>,
    /// The month Compare projects to, once the user has chosen one (months after the start).
    pub compare_months_ahead: Option<u32>,
    /// Each compared scenario's projection, for its turnover beside the published figures
    /// and its figures months ahead.
    pub compare_projections: super::compare_benchmarks::ProjectionCache,
    /// The Benchmarks view's council search.
    pub benchmark: super::benchmark::BenchmarkForm,
    /// Workers' names anonymised ("Social worker 7") everywhere on screen: View > Anonymise
    /// names. Remembered for each plan file; off for a new plan.
    pub anonymise: bool,
    /// File > Export view as PNG…, while its window is open: the size chosen.
    pub png_form: Option<super::png_flow::PngForm>,
    /// Presentation mode: the slides chosen and, while it runs, the slide shown.
    pub present: super::present::Presentation,
    /// File > New from published figures…, while its window is open.
    pub start_from_published: Option<super::start_from_published::StartForm>,
    /// The Projection's sensitivity and goal seek: what the user has chosen.
    pub sensitivity: super::projection::SensitivityForm,
    /// A sensitivity question asked this frame, for the app to start answering.
    pub sensitivity_asked: Option<crate::app::Question>,
    /// Stop or restart the Projection's bands, asked this frame.
    pub bands_asked: Option<BandsAsk>,
}

/// What the user asks of the Projection's bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandsAsk {
    /// Stop the runs under way.
    Stop,
    /// Work them out after all.
    WorkOut,
}

impl UiState {
    /// Puts option `id` among those Compare shows (dropping the earliest chosen when it shows
    /// as many as it can), so a newly made option is seen beside the baseline.
    pub fn show_in_compare(&mut self, set: &crate::model::ScenarioSet, id: ScenarioId) {
        let max = super::compare::MAX_COMPARED_OPTIONS;
        let mut chosen = self
            .compare
            .clone()
            .unwrap_or_else(|| set.options().iter().map(|s| s.id).take(max).collect());
        chosen.retain(|&c| c != id && set.get(c).is_some());
        while chosen.len() >= max {
            chosen.remove(0);
        }
        chosen.push(id);
        self.compare = Some(chosen);
    }
}
