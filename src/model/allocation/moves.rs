//! Moves of whole cases, as a command carries them ([`CaseMove`]), and the netting that turns
//! the single steps an allocation or a balancing took into as few moves as make the same change.

use crate::model::{CaseTypeId, PostId, TeamId};
use std::collections::BTreeMap;

/// Where moved cases come from: a team's unallocated (waiting) work, or a worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaseSource {
    Waiting(TeamId),
    Post(PostId),
}

/// `count` cases of one type from `from` to the worker in post `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseMove {
    pub case_type: CaseTypeId,
    pub count: u32,
    pub from: CaseSource,
    pub to: PostId,
}

/// Cases moved from one place to another: the steps an algorithm took, to be added up.
#[derive(Clone, Debug, Default)]
pub(crate) struct Flows(Vec<(CaseTypeId, CaseSource, PostId, u64)>);

impl Flows {
    pub(crate) fn add(&mut self, case_type: CaseTypeId, from: CaseSource, to: PostId, n: u64) {
        if n > 0 && from != CaseSource::Post(to) {
            self.0.push((case_type, from, to, n));
        }
    }

    /// The moves that make the same change to every holder's counts as these flows, with no
    /// worker both receiving and giving cases of one type (A -> B then B -> C is A -> C, and
    /// A -> B then B -> A is nothing). One move per (case type, from, to), ordered by source,
    /// then target, then case type.
    pub(crate) fn netted(mut self) -> Vec<CaseMove> {
        self.0
            .sort_unstable_by_key(|&(t, from, to, _)| (t, from, to));
        let mut summed: Vec<(CaseTypeId, CaseSource, PostId, u64)> = Vec::new();
        for flow in self.0 {
            match summed.last_mut() {
                Some(last) if (last.0, last.1, last.2) == (flow.0, flow.1, flow.2) => {
                    last.3 += flow.3;
                }
                _ => summed.push(flow),
            }
        }
        let mut moves = Vec::with_capacity(summed.len());
        for flows in summed.chunk_by(|a, b| a.0 == b.0) {
            let case_type = flows[0].0;
            let mut move_of = |from, to, n: u64| {
                moves.push(CaseMove {
                    case_type,
                    // Counts come from a plan's u32 counts, and netting only shrinks them.
                    count: u32::try_from(n).unwrap_or(u32::MAX),
                    from,
                    to,
                });
            };
            // Usually nobody both gives and receives one type: then the sums are the moves.
            let mut targets: Vec<PostId> = flows.iter().map(|f| f.2).collect();
            targets.sort_unstable();
            let passes_on = |f: &(_, CaseSource, _, _)| match f.1 {
                CaseSource::Post(id) => targets.binary_search(&id).is_ok(),
                CaseSource::Waiting(_) => false,
            };
            if !flows.iter().any(passes_on) {
                for &(_, from, to, n) in flows {
                    move_of(from, to, n);
                }
                continue;
            }
            let mut netted = TypeFlows::default();
            for &(_, from, to, n) in flows {
                netted.add(from, CaseSource::Post(to), n);
            }
            netted.net_out_chains();
            for (from, targets) in netted.out {
                for (to, n) in targets {
                    // Waiting work never receives: every flow ends at a post.
                    if let CaseSource::Post(to) = to {
                        move_of(from, to, n);
                    }
                }
            }
        }
        moves.sort_unstable_by_key(|m| (m.from, m.to, m.case_type));
        moves
    }
}

/// The flows of one case type, by source and by target.
#[derive(Default)]
struct TypeFlows {
    out: BTreeMap<CaseSource, BTreeMap<CaseSource, u64>>,
    into: BTreeMap<CaseSource, BTreeMap<CaseSource, u64>>,
}

impl TypeFlows {
    fn add(&mut self, from: CaseSource, to: CaseSource, n: u64) {
        if from == to || n == 0 {
            return;
        }
        *self.out.entry(from).or_default().entry(to).or_default() += n;
        *self.into.entry(to).or_default().entry(from).or_default() += n;
    }

    /// For each holder that both receives and gives, pairs what comes in with what goes out
    /// and sends it straight on: the holder keeps only its net change. One pass is enough:
    /// the new flows start where flows already went out and end where flows already came in,
    /// so no holder already settled is made to both give and receive again.
    fn net_out_chains(&mut self) {
        let both: Vec<CaseSource> = self
            .into
            .keys()
            .filter(|k| self.out.contains_key(k))
            .copied()
            .collect();
        for middle in both {
            let incoming = self.into.remove(&middle).unwrap_or_default();
            let outgoing = self.out.remove(&middle).unwrap_or_default();
            for from in incoming.keys() {
                remove_edge(&mut self.out, from, &middle);
            }
            for to in outgoing.keys() {
                remove_edge(&mut self.into, to, &middle);
            }
            let mut incoming = incoming.into_iter();
            let mut outgoing = outgoing.into_iter();
            let (mut inflow, mut outflow) = (incoming.next(), outgoing.next());
            while let (Some((from, a)), Some((to, b))) = (inflow, outflow) {
                let n = a.min(b);
                self.add(from, to, n);
                inflow = if a > n {
                    Some((from, a - n))
                } else {
                    incoming.next()
                };
                outflow = if b > n {
                    Some((to, b - n))
                } else {
                    outgoing.next()
                };
            }
            // What is left over on one side is the holder's net change.
            for (from, a) in inflow.into_iter().chain(incoming) {
                self.add(from, middle, a);
            }
            for (to, b) in outflow.into_iter().chain(outgoing) {
                self.add(middle, to, b);
            }
        }
    }
}

fn remove_edge(
    map: &mut BTreeMap<CaseSource, BTreeMap<CaseSource, u64>>,
    at: &CaseSource,
    other: &CaseSource,
) {
    if let Some(edges) = map.get_mut(at) {
        edges.remove(other);
        if edges.is_empty() {
            map.remove(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: CaseTypeId = CaseTypeId(2);
    const U: CaseTypeId = CaseTypeId(3);

    fn post(id: u32) -> CaseSource {
        CaseSource::Post(PostId(id))
    }

    fn mv(case_type: CaseTypeId, count: u32, from: CaseSource, to: u32) -> CaseMove {
        CaseMove {
            case_type,
            count,
            from,
            to: PostId(to),
        }
    }

    #[test]
    fn steps_between_the_same_places_are_added_up() {
        let mut flows = Flows::default();
        flows.add(T, post(1), PostId(2), 1);
        flows.add(T, post(1), PostId(2), 2);
        flows.add(U, post(1), PostId(2), 1);
        flows.add(T, CaseSource::Waiting(TeamId(4)), PostId(2), 5);
        flows.add(T, post(3), PostId(3), 5); // to itself: no move
        assert_eq!(
            flows.netted(),
            [
                mv(T, 5, CaseSource::Waiting(TeamId(4)), 2),
                mv(T, 3, post(1), 2),
                mv(U, 1, post(1), 2),
            ]
        );
    }

    #[test]
    fn chains_and_returns_are_netted_out() {
        let mut flows = Flows::default();
        // 3 from 1 to 2, then 2 of them on from 2 to 3: 2 go from 1 to 3, 1 stays with 2.
        flows.add(T, post(1), PostId(2), 3);
        flows.add(T, post(2), PostId(3), 2);
        // 2 from 4 to 5 and 2 back: nothing moved.
        flows.add(T, post(4), PostId(5), 2);
        flows.add(T, post(5), PostId(4), 2);
        // Another type is netted apart: 1 -> 2 of U stays even though 2 gives T.
        flows.add(U, post(1), PostId(2), 1);
        assert_eq!(
            flows.netted(),
            [
                mv(T, 1, post(1), 2),
                mv(U, 1, post(1), 2),
                mv(T, 2, post(1), 3)
            ]
        );
    }

    #[test]
    fn a_long_chain_becomes_one_move() {
        let mut flows = Flows::default();
        for i in 1..10 {
            flows.add(T, post(i), PostId(i + 1), 1);
        }
        assert_eq!(flows.netted(), [mv(T, 1, post(1), 10)]);
    }
}
