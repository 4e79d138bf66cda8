//! One team's flows month by month: where its open cases start, its expected new cases and
//! the share of its open cases staying open, as the scenario's levers move them.
//!
//! What a set of levers does in a month (each type's factor on its new cases, its months
//! open, the diversions) is the same for every team it applies to, so [`ServiceFlows`] works it
//! out once for the levers on every team, and a team only scales it by its own steady new
//! cases; a team with levers of its own has its set worked out for it.

use super::{DemandFlows, FlowChange};
use crate::model::{CaseTypeId, TeamId, Timeline};

/// One case type of one team as the flows start: its id, its name (for the default months
/// open) and the cases open now.
#[derive(Clone, Debug)]
pub struct FlowStart<'a> {
    pub case_type: CaseTypeId,
    pub name: &'a str,
    pub open: f64,
}

/// What moves one team's open cases: where they start, and month by month each case type's
/// expected new cases and the share of its open cases staying open (1 − 1 / months open:
/// divided once here, not once a Monte Carlo run). Month-major and flat (`[t * types + k]`,
/// types in the order of the start).
#[derive(Clone, Debug, PartialEq)]
pub struct TeamFlows {
    pub start: Vec<f64>,
    pub new: Vec<f64>,
    pub staying: Vec<f64>,
}

impl TeamFlows {
    /// Case types per month.
    pub fn types(&self) -> usize {
        self.start.len()
    }

    /// The open cases month by month (flat, `[t * types + k]`), each month's new cases drawn
    /// by `arrivals` from their place in [`TeamFlows::new`] and their expected number (the
    /// expected path passes the number through).
    pub fn open_path(&self, mut arrivals: impl FnMut(usize, f64) -> f64) -> Vec<f64> {
        let mut path = Vec::new();
        self.open_paths(1, &mut path, |i, expected, new| {
            new[0] = arrivals(i, expected);
        });
        path
    }

    /// [`TeamFlows::open_path`] for `runs` runs at once, into `paths` (run r's path at
    /// `[r * len + t * types + k]`, `len` the length of one path): `arrivals` is told a
    /// place and its expected number and fills in each run's new cases there. Case type by
    /// case type, month by month within a type: each run's draws come in the order of one
    /// path's, and one month's distribution serves every run while it is in the processor's
    /// cache.
    pub fn open_paths(
        &self,
        runs: usize,
        paths: &mut Vec<f64>,
        mut arrivals: impl FnMut(usize, f64, &mut [f64]),
    ) {
        let types = self.types();
        let len = self.new.len().max(types);
        paths.clear();
        paths.resize(len * runs, 0.0);
        let mut open = vec![0.0; runs];
        let mut new = vec![0.0; runs];
        for k in 0..types {
            for (r, path) in paths.chunks_exact_mut(len).enumerate() {
                path[k] = self.start[k];
                open[r] = self.start[k];
            }
            for i in (types + k..self.new.len()).step_by(types) {
                arrivals(i, self.new[i].max(0.0), &mut new);
                let staying = self.staying[i];
                for (r, (open, new)) in open.iter_mut().zip(&new).enumerate() {
                    *open = (*open * staying + new).max(0.0);
                    paths[r * len + i] = *open;
                }
            }
        }
    }
}

/// One team's open cases by case type, month by month (`[month][type]`, types in the order of
/// `start`), over `timeline`; `None` when nothing moves for the team (no new cases entered and
/// no lever on it), so its demand stays exactly as it is now.
pub fn team_open_cases(
    flows: &DemandFlows,
    timeline: Timeline,
    team: TeamId,
    start: &[FlowStart],
) -> Option<Vec<Vec<f64>>> {
    let moved = team_flows(flows, timeline, team, start)?;
    let path = moved.open_path(|_, expected| expected);
    Some(
        path.chunks(moved.types().max(1))
            .map(<[f64]>::to_vec)
            .collect(),
    )
}

/// What moves one team's open cases over `timeline` (see [`team_open_cases`]); `None` when
/// nothing moves for the team.
pub fn team_flows(
    flows: &DemandFlows,
    timeline: Timeline,
    team: TeamId,
    start: &[FlowStart],
) -> Option<TeamFlows> {
    let types: Vec<(CaseTypeId, &str)> = start.iter().map(|s| (s.case_type, s.name)).collect();
    let open: Vec<f64> = start.iter().map(|s| s.open).collect();
    ServiceFlows::new(flows, timeline, &types).team(team, &open)
}

/// A scenario's demand flows made ready for every team of a plan: each case type's months
/// open, each lever's effect month by month and the case types it acts on, and what the
/// levers on every team do month by month.
pub struct ServiceFlows<'a> {
    flows: &'a DemandFlows,
    types: Vec<CaseTypeId>,
    months: usize,
    /// Each case type's average months open, at least one.
    months_open: Vec<f64>,
    /// Each lever's effect month by month, `[lever * months + t]`.
    effects: Vec<f64>,
    /// Each lever's case types, as places in `types`: the one it changes (or diverts from),
    /// and the one it diverts to.
    places: Vec<(Option<usize>, Option<usize>)>,
    /// What the levers on every team do.
    everyone: LeverRows,
    /// New cases a month the user entered, by team and case type (the first entry of each).
    entered: foldhash::HashMap<(TeamId, CaseTypeId), f64>,
}

impl<'a> ServiceFlows<'a> {
    /// `types`: the plan's case types (id and name, for the default months open), in the
    /// order every team's open cases will be given in.
    pub fn new(flows: &'a DemandFlows, timeline: Timeline, types: &[(CaseTypeId, &str)]) -> Self {
        let months = timeline.months as usize;
        let months_open = types
            .iter()
            .map(|&(id, name)| flows.months_open(id, name).max(1.0))
            .collect();
        let mut effects = Vec::with_capacity(flows.levers.len() * months);
        for lever in &flows.levers {
            effects.extend((0..months as i32).map(|t| lever.effect_at(timeline, t)));
        }
        let index = |id: CaseTypeId| types.iter().position(|&(t, _)| t == id);
        let places = flows
            .levers
            .iter()
            .map(|l| match l.change {
                FlowChange::NewCases { case_type, .. }
                | FlowChange::MonthsOpen { case_type, .. } => (index(case_type), None),
                FlowChange::Divert { from, to, .. } => (index(from), index(to)),
            })
            .collect();
        let mut entered = foldhash::HashMap::default();
        for n in &flows.new_cases {
            entered.entry((n.team, n.case_type)).or_insert(n.per_month);
        }
        let mut service = ServiceFlows {
            flows,
            types: types.iter().map(|&(id, _)| id).collect(),
            months,
            months_open,
            effects,
            places,
            everyone: LeverRows::default(),
            entered,
        };
        let everyone: Vec<usize> = (0..flows.levers.len())
            .filter(|&l| flows.levers[l].team.is_none())
            .collect();
        service.everyone = service.rows(&everyone);
        service
    }

    /// What moves `team`'s open cases, given its open cases now by case type (in the order
    /// given to [`ServiceFlows::new`]); `None` when nothing moves for it (no lever on it and
    /// no new cases entered for it).
    pub fn team(&self, team: TeamId, open: &[f64]) -> Option<TeamFlows> {
        let entered: Vec<Option<f64>> = self
            .types
            .iter()
            .map(|&k| self.entered.get(&(team, k)).copied())
            .collect();
        let own_levers = self.flows.levers.iter().any(|l| l.team == Some(team));
        let lever_on_team = own_levers || !self.everyone.levers.is_empty();
        if !lever_on_team && entered.iter().all(Option::is_none) {
            return None;
        }
        let steady: Vec<f64> = open
            .iter()
            .zip(&entered)
            .zip(&self.months_open)
            .map(|((open, entered), months)| entered.unwrap_or(open / months))
            .collect();
        if !own_levers {
            return Some(self.everyone.flows(open, &steady));
        }
        let levers: Vec<usize> = (0..self.flows.levers.len())
            .filter(|&l| self.flows.levers[l].team.is_none_or(|t| t == team))
            .collect();
        Some(self.rows(&levers).flows(open, &steady))
    }

    /// What the levers `levers` (places in the flows' list, in its order) do month by month.
    fn rows(&self, levers: &[usize]) -> LeverRows {
        let (months, types) = (self.months, self.types.len());
        let effect = |l: usize, t: usize| self.effects[l * months + t];
        let mut rows = LeverRows {
            levers: levers.to_vec(),
            types,
            factor: Vec::with_capacity(months * types),
            staying: Vec::with_capacity(months * types),
            diverts: Vec::new(),
        };
        let mut open_for = vec![0.0; types];
        for t in 0..months {
            let row = t * types;
            // A month whose levers' effects are all as the month before's has the same rows
            // (most months, once the ramps are over).
            if t > 0 && levers.iter().all(|&l| effect(l, t) == effect(l, t - 1)) {
                rows.factor.extend_from_within(row - types..row);
                rows.staying.extend_from_within(row - types..row);
                let last_month = rows.diverts.iter().rev().take_while(|d| d.month + 1 == t);
                let again: Vec<Diversion> =
                    last_month.map(|d| Diversion { month: t, ..*d }).collect();
                rows.diverts.extend(again.into_iter().rev());
                continue;
            }
            rows.factor.extend(std::iter::repeat_n(1.0, types));
            open_for.copy_from_slice(&self.months_open);
            // Changes to new cases and months open first, then diversions of the changed flows.
            for &l in levers {
                let (e, lever) = (effect(l, t), &self.flows.levers[l]);
                let Some(k) = self.places[l].0.filter(|_| e != 0.0) else {
                    continue;
                };
                match lever.change {
                    FlowChange::NewCases { by, .. } => rows.factor[row + k] *= 1.0 + by * e,
                    FlowChange::MonthsOpen { by, .. } => {
                        open_for[k] = (open_for[k] * (1.0 + by * e)).max(1.0);
                    }
                    FlowChange::Divert { .. } => {}
                }
            }
            rows.staying.extend(open_for.iter().map(|m| 1.0 - 1.0 / m));
            for &l in levers {
                let e = effect(l, t);
                if let (FlowChange::Divert { share, .. }, (Some(from), Some(to))) =
                    (self.flows.levers[l].change, self.places[l])
                    && e != 0.0
                {
                    rows.diverts.push(Diversion {
                        month: t,
                        from,
                        to,
                        share: share * e,
                    });
                }
            }
        }
        rows
    }
}

/// A share of one case type's new cases in a month going to another instead.
#[derive(Clone, Copy, Debug, Default)]
struct Diversion {
    month: usize,
    from: usize,
    to: usize,
    share: f64,
}

/// What a set of levers does month by month, for every team it applies to.
#[derive(Debug, Default)]
struct LeverRows {
    /// The levers, as places in the flows' list.
    levers: Vec<usize>,
    types: usize,
    /// Each case type's factor on its steady new cases, `[t * types + k]`.
    factor: Vec<f64>,
    /// The share of each case type's open cases staying open, `[t * types + k]`.
    staying: Vec<f64>,
    /// The diversions, month by month, in the levers' order within a month.
    diverts: Vec<Diversion>,
}

impl LeverRows {
    /// A team's flows from its open cases now and its steady new cases a month.
    fn flows(&self, open: &[f64], steady: &[f64]) -> TeamFlows {
        let types = self.types;
        let mut new = Vec::with_capacity(self.factor.len());
        if types > 0 {
            for row in self.factor.chunks_exact(types) {
                new.extend(
                    row.iter()
                        .zip(steady)
                        .map(|(factor, steady)| steady * factor),
                );
            }
        }
        // Each month's diversions move shares of its new cases as they were before any.
        let mut before = vec![0.0; types];
        for (i, d) in self.diverts.iter().enumerate() {
            let row = &mut new[d.month * types..(d.month + 1) * types];
            if i == 0 || self.diverts[i - 1].month != d.month {
                before.copy_from_slice(row);
            }
            let moved = before[d.from] * d.share;
            row[d.from] -= moved;
            row[d.to] += moved;
        }
        TeamFlows {
            start: open.to_vec(),
            new,
            staying: self.staying.clone(),
        }
    }
}
