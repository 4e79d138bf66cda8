//! TEMPORARY stand-in for the allocation engine being written on branch i10-engine.
use crate::model::{CaseCounts, CaseTypeId, Command, Plan, PostId, TeamId};
use std::collections::BTreeSet;
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseSource {
    Waiting(TeamId),
    Post(PostId),
}
#[derive(Clone, Debug, PartialEq)]
pub struct CaseMove {
    pub case_type: CaseTypeId,
    pub count: u32,
    pub from: CaseSource,
    pub to: PostId,
}
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    pub teams: Vec<TeamId>,
    pub protected: BTreeSet<PostId>,
}
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposal {
    pub moves: Vec<CaseMove>,
    pub unplaced: Vec<(TeamId, CaseCounts)>,
}
impl Proposal {
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty()
    }
    pub fn command(&self) -> Command {
        Command::Batch(vec![])
    }
    pub fn cases_moved(&self) -> u64 {
        0
    }
    pub fn describe(&self, _plan: &Plan) -> Vec<String> {
        vec![]
    }
}
pub fn allocate_waiting(_plan: &Plan, _scope: &Scope) -> Proposal {
    Proposal::default()
}
pub fn balance(_plan: &Plan, _scope: &Scope) -> Proposal {
    Proposal::default()
}
