//! The shown scenario's Monte Carlo bands, worked out off the window's thread.
//!
//! A thousand runs take a moment on a large plan (seconds at 10,000 posts), so they run as a
//! background [`Job`] tagged with the document's revision. The document takes the result only
//! while its revision is still the one the job was started for; any change to the plan shown
//! drops the job (which stops it) and its bands, so bands are never drawn over a newer plan.

use super::jobs::{Job, JobState, Wake};
use crate::model::Plan;
use crate::model::projection::{Bands, monte_carlo_with};

/// Monte Carlo runs behind the Projection view's bands, and their seed (fixed, so the bands
/// are the same every time the same plan is shown).
pub const BAND_RUNS: u32 = 1_000;
pub const BAND_SEED: u64 = 2026;

/// Where the shown scenario's bands are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BandsState<'a> {
    /// Worked out for the plan as it is now.
    Ready(&'a Bands),
    /// Being worked out: the fraction of the runs done.
    WorkingOut(f32),
    /// Not asked for since the plan last changed (the window asks once an edit gesture ends).
    NotStarted,
    /// The work ended without bands; they are tried again after the next change.
    Failed,
    /// The user stopped the runs (a very large plan); they start again after the next change,
    /// or when the user asks.
    Stopped,
}

/// The bands of one revision of the plan shown: ready, under way, or neither.
#[derive(Default)]
pub(super) struct BandsWork {
    bands: Option<Bands>,
    job: Option<Job<u64, Bands>>,
    failed: bool,
    /// Stopped by the user: not started again for this revision until asked.
    stopped: bool,
}

/// Threads for the runs: all the cores but one, which is left to the window.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .saturating_sub(1)
        .max(1)
}

impl BandsWork {
    /// Starts the runs for `plan` at `revision`, unless there are bands or runs under way for
    /// it, or they failed for it.
    pub(super) fn start(&mut self, plan: &Plan, revision: u64, wake: Wake) {
        let under_way = self.job.as_ref().is_some_and(|j| *j.tag() == revision);
        if self.bands.is_some() || self.failed || self.stopped || under_way {
            return;
        }
        let plan = plan.clone();
        let threads = threads();
        self.job = Some(Job::start(
            revision,
            "Working out the range of outcomes",
            wake,
            move |control| {
                monte_carlo_with(&plan, BAND_RUNS, BAND_SEED, threads, &|done| {
                    control.set_progress(done as f32 / BAND_RUNS as f32);
                    !control.is_cancelled()
                })
            },
        ));
    }

    /// Takes the bands if their job has ended, provided it was for `revision`. True when
    /// bands arrived.
    pub(super) fn poll(&mut self, revision: u64) -> bool {
        let Some(job) = &mut self.job else {
            return false;
        };
        let state = job.poll();
        self.take(revision, state)
    }

    /// Waits for the job under way, if any, and takes its bands.
    pub(super) fn wait(&mut self, revision: u64) -> Option<&Bands> {
        if let Some(job) = &mut self.job {
            let state = job.wait();
            self.take(revision, state);
        }
        self.bands.as_ref()
    }

    fn take(&mut self, revision: u64, state: JobState<Bands>) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        if *job.tag() != revision {
            // Worked out for a plan that has changed since: never shown.
            self.job = None;
            return false;
        }
        match state {
            JobState::Running => false,
            JobState::Done(bands) => {
                self.bands = Some(bands);
                self.job = None;
                true
            }
            JobState::Stopped => {
                self.failed = true;
                self.job = None;
                false
            }
        }
    }

    /// The user stops the runs under way (dropping the job stops its threads).
    pub(super) fn stop(&mut self) {
        if self.job.take().is_some() {
            self.stopped = true;
        }
    }

    /// The user asks for the bands again after stopping them.
    pub(super) fn resume(&mut self) {
        self.stopped = false;
    }

    /// The plan has changed: its bands no longer apply, and runs under way are stopped.
    pub(super) fn forget(&mut self) {
        *self = BandsWork::default();
    }

    pub(super) fn ready(&self) -> Option<&Bands> {
        self.bands.as_ref()
    }

    pub(super) fn state(&self) -> BandsState<'_> {
        match (&self.bands, &self.job) {
            (Some(bands), _) => BandsState::Ready(bands),
            (None, Some(job)) => BandsState::WorkingOut(job.progress()),
            (None, None) if self.failed => BandsState::Failed,
            (None, None) if self.stopped => BandsState::Stopped,
            (None, None) => BandsState::NotStarted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Document;
    use crate::io::default_scenarios;
    use crate::model::projection::monte_carlo;
    use crate::model::{Command, PostId};
    use std::sync::Arc;

    fn no_wake() -> Wake {
        Arc::new(|| {})
    }

    #[test]
    fn the_bands_are_those_of_the_plan_shown_worked_out_in_the_background() {
        let mut doc = Document::with_scenarios(default_scenarios(), None);
        doc.set_active(crate::model::ScenarioId(1));
        assert_eq!(doc.bands_state(), BandsState::NotStarted);
        doc.start_bands(no_wake());
        assert!(matches!(doc.bands_state(), BandsState::WorkingOut(_)));
        let expected = monte_carlo(doc.plan(), BAND_RUNS, BAND_SEED);
        assert_eq!(doc.wait_for_bands(), Some(&expected));
        assert_eq!(doc.bands_state(), BandsState::Ready(&expected));
        // Asking again changes nothing: they are ready.
        doc.start_bands(no_wake());
        assert_eq!(doc.bands_if_ready(), Some(&expected));
    }

    #[test]
    fn bands_under_way_are_dropped_when_the_plan_changes() {
        let mut doc = Document::with_scenarios(default_scenarios(), None);
        doc.start_bands(no_wake());
        let before = doc.revision();
        doc.apply(Command::SetPostFte {
            post: PostId(2),
            fte: 0.5,
        })
        .unwrap();
        assert_eq!(doc.revision(), before + 1);
        // The runs for the old plan were stopped and forgotten: nothing to wait for or show.
        assert_eq!(doc.bands_state(), BandsState::NotStarted);
        assert_eq!(doc.wait_for_bands(), None);
        assert!(!doc.poll_bands());
        doc.start_bands(no_wake());
        let expected = monte_carlo(doc.plan(), BAND_RUNS, BAND_SEED);
        assert_eq!(doc.wait_for_bands(), Some(&expected));
    }

    #[test]
    fn stopped_bands_stay_stopped_until_asked_for_or_the_plan_changes() {
        let mut doc = Document::with_scenarios(default_scenarios(), None);
        doc.start_bands(no_wake());
        assert!(matches!(doc.bands_state(), BandsState::WorkingOut(_)));
        doc.stop_bands();
        assert_eq!(doc.bands_state(), BandsState::Stopped);
        // The window asks every frame: a stopped run is not started again.
        doc.start_bands(no_wake());
        assert_eq!(doc.bands_state(), BandsState::Stopped);
        assert_eq!(doc.wait_for_bands(), None);
        // Asked for again: worked out in full.
        doc.resume_bands();
        doc.start_bands(no_wake());
        let expected = monte_carlo(doc.plan(), BAND_RUNS, BAND_SEED);
        assert_eq!(doc.wait_for_bands(), Some(&expected));

        // Stopped, then the plan changes: the new plan's bands start as usual.
        doc.apply(Command::SetPostFte {
            post: PostId(2),
            fte: 0.5,
        })
        .unwrap();
        doc.start_bands(no_wake());
        doc.stop_bands();
        doc.apply(Command::SetPostFte {
            post: PostId(2),
            fte: 0.6,
        })
        .unwrap();
        assert_eq!(doc.bands_state(), BandsState::NotStarted);
        doc.start_bands(no_wake());
        assert!(matches!(doc.bands_state(), BandsState::WorkingOut(_)));
    }

    #[test]
    fn a_result_for_an_earlier_revision_is_never_taken() {
        let plan = crate::io::default_plan();
        let mut work = BandsWork::default();
        work.start(&plan, 7, no_wake());
        // The document has moved on to revision 8 before the job for 7 is collected.
        assert_eq!(work.wait(8), None);
        assert_eq!(work.state(), BandsState::NotStarted);
        // For its own revision it is taken.
        work.start(&plan, 8, no_wake());
        assert!(work.wait(8).is_some());
    }

    #[test]
    fn switching_scenario_starts_again_for_the_scenario_shown() {
        let mut doc = Document::with_scenarios(default_scenarios(), None);
        doc.start_bands(no_wake());
        doc.wait_for_bands();
        doc.set_active(crate::model::ScenarioId(1));
        assert_eq!(doc.bands_if_ready(), None);
        doc.start_bands(no_wake());
        let option = monte_carlo(
            doc.scenarios().plan(crate::model::ScenarioId(1)),
            BAND_RUNS,
            BAND_SEED,
        );
        assert_eq!(doc.wait_for_bands(), Some(&option));
    }
}
