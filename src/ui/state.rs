//! What the UI remembers between frames that is not part of the plan.

use crate::model::{Band, ContractKind, GradeId, PostId, ScenarioId, TeamId};
use std::collections::{HashMap, HashSet};

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
}

impl View {
    pub const ALL: [View; 6] = [
        View::Overview,
        View::Posts,
        View::StaffingMix,
        View::Projection,
        View::Compare,
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
    pub contract: ContractKind,
    pub start: String,
    pub end: String,
    pub fte: f64,
    /// Each new post filled by a new worker ("New worker 1", …), rather than vacant.
    pub filled: bool,
}

impl Default for AddPostsForm {
    fn default() -> Self {
        AddPostsForm {
            count: 1,
            grade: None,
            contract: ContractKind::Permanent,
            start: String::new(),
            end: String::new(),
            fte: 1.0,
            filled: false,
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
    pub add_posts: AddPostsForm,
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
}
