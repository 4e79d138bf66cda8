//! The shown scenario's sensitivity (tornado) and goal seek, worked out off the window's
//! thread: up to 16 or 40 projections, a moment on a large plan. Like the bands, the work is
//! tagged with the document's revision and the question asked; an answer for an earlier plan
//! is never shown, and any change to the plan drops it.

use super::jobs::{Job, JobState, Wake};
use crate::model::Plan;
use crate::model::sensitivity::{Goal, Sought, Tornado, goal_seek, tornado};

/// What the user asked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Question {
    /// Each assumption moved by `share`, seen in `month` (months after the start).
    Tornado { month: u32, share: f64 },
    /// The change of one assumption that brings the caseload to `target` by `month`.
    GoalSeek { goal: Goal, month: u32, target: f64 },
}

/// What the work found.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Tornado(Tornado),
    /// `None`: the plan has nothing to add FTE to (no practitioner grade or team).
    GoalSeek(Option<Sought>),
}

/// Where the answer to the last question is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SensitivityState<'a> {
    Ready(Question, &'a Answer),
    /// Being worked out: the fraction done.
    WorkingOut(Question, f32),
    /// Nothing asked since the plan last changed, or the work failed.
    None,
}

#[derive(Default)]
pub(super) struct SensitivityWork {
    answer: Option<(Question, Answer)>,
    job: Option<Job<(u64, Question), Answer>>,
}

impl SensitivityWork {
    /// Starts answering `question` for `plan` at `revision` (dropping any earlier work).
    pub(super) fn start(&mut self, plan: &Plan, revision: u64, question: Question, wake: Wake) {
        let plan = plan.clone();
        self.answer = None;
        self.job = Some(Job::start(
            (revision, question),
            "Working out which assumption decides it",
            wake,
            move |control| match question {
                Question::Tornado { month, share } => tornado(&plan, month, share, &|done| {
                    control.set_progress(done);
                    !control.is_cancelled()
                })
                .map(Answer::Tornado),
                Question::GoalSeek {
                    goal,
                    month,
                    target,
                } => Some(Answer::GoalSeek(goal_seek(&plan, goal, target, month))),
            },
        ));
    }

    /// Takes the answer if its work has ended for `revision`. True when one arrived.
    pub(super) fn poll(&mut self, revision: u64) -> bool {
        let Some(job) = &mut self.job else {
            return false;
        };
        let state = job.poll();
        self.take(revision, state)
    }

    /// Waits for the work under way, if any (tests wait this way).
    pub(super) fn wait(&mut self, revision: u64) {
        if let Some(job) = &mut self.job {
            let state = job.wait();
            self.take(revision, state);
        }
    }

    fn take(&mut self, revision: u64, state: JobState<Answer>) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        let (asked_at, question) = *job.tag();
        if asked_at != revision {
            self.job = None;
            return false;
        }
        match state {
            JobState::Running => false,
            JobState::Done(answer) => {
                self.answer = Some((question, answer));
                self.job = None;
                true
            }
            JobState::Stopped => {
                self.job = None;
                false
            }
        }
    }

    /// The plan has changed: the answer no longer applies, and work under way is stopped.
    pub(super) fn forget(&mut self) {
        *self = SensitivityWork::default();
    }

    pub(super) fn state(&self) -> SensitivityState<'_> {
        match (&self.answer, &self.job) {
            (_, Some(job)) => SensitivityState::WorkingOut(job.tag().1, job.progress()),
            (Some((question, answer)), None) => SensitivityState::Ready(*question, answer),
            (None, None) => SensitivityState::None,
        }
    }
}
