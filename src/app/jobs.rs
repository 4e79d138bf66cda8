//! Heavy work off the window's thread (the pattern of the file dialogs, made general). A
//! [`Job`] runs a closure on a worker thread, which reports how far it has got and checks
//! whether it is still wanted; its result comes back over a channel and is taken in a later
//! frame. Each job carries the tag of what it is worked out for (a revision of the plan, a
//! file), and its owner takes the result only if that is still what it wants. A job nobody
//! wants any more is cancelled: dropping it is enough.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::Duration;

/// Called from the worker when the result is ready, so the window draws again to take it.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// What a job sees of its owner: whether it is still wanted, and where to say how far it is.
#[derive(Clone, Default)]
pub struct JobControl {
    cancelled: Arc<AtomicBool>,
    /// The fraction done, as the bits of an `f32` (there is no atomic float).
    progress: Arc<AtomicU32>,
}

impl JobControl {
    /// True once the owner no longer wants the result: stop at the next convenient point.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Reports the fraction done, from 0 to 1.
    pub fn set_progress(&self, fraction: f32) {
        let fraction = if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(0.0, 1.0)
        };
        self.progress.store(fraction.to_bits(), Ordering::Relaxed);
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// The fraction done, as last reported.
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }
}

/// Where a job has got to, as [`Job::poll`] finds it.
#[derive(Debug, PartialEq)]
pub enum JobState<T> {
    /// Still working.
    Running,
    /// Finished: the result, taken out of the job.
    Done(T),
    /// It ended without a result: cancelled, or it failed (a panic on the worker).
    Stopped,
}

/// One piece of background work, worked out for `tag`: the owner compares the tag with what
/// it wants now before taking the result, so a result for an older state is never used.
pub struct Job<K, T> {
    tag: K,
    label: String,
    control: JobControl,
    /// Carries the result; disconnected without one if the work panicked.
    receiver: Receiver<Option<T>>,
    ended: bool,
}

impl<K, T: Send + 'static> Job<K, T> {
    /// Starts `work` on a new thread. `label` says what it does, in the user's words
    /// ("Opening plan.ron"); `work` returns `None` when it stopped because it was cancelled.
    /// `wake` is called once the work ends with a result or fails; not after a cancel, when
    /// nobody is waiting.
    pub fn start(
        tag: K,
        label: impl Into<String>,
        wake: Wake,
        work: impl FnOnce(&JobControl) -> Option<T> + Send + 'static,
    ) -> Self {
        let control = JobControl::default();
        let (sender, receiver) = channel();
        let worker_control = control.clone();
        std::thread::spawn(move || {
            // Wakes the window even if `work` panics, so the job is seen to have ended.
            let mut wake_on_exit = WakeOnDrop(Some(wake));
            let result = work(&worker_control);
            if worker_control.is_cancelled() {
                wake_on_exit.0 = None;
            }
            // The owner may have dropped the job meanwhile; then nobody needs the result.
            let _ = sender.send(result);
        });
        Job {
            tag,
            label: label.into(),
            control,
            receiver,
            ended: false,
        }
    }

    /// What the job is being worked out for.
    pub fn tag(&self) -> &K {
        &self.tag
    }

    /// What the job does, in the user's words.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The fraction done, from 0 to 1, as last reported.
    pub fn progress(&self) -> f32 {
        self.control.progress()
    }

    /// Asks the work to stop; it will deliver no result.
    pub fn cancel(&self) {
        self.control.cancel();
    }

    /// Takes the result if the job has ended, without waiting.
    pub fn poll(&mut self) -> JobState<T> {
        if self.ended {
            return JobState::Stopped;
        }
        match self.receiver.try_recv() {
            Ok(result) => self.end(result),
            Err(TryRecvError::Empty) => JobState::Running,
            Err(TryRecvError::Disconnected) => self.end(None),
        }
    }

    /// Waits up to `timeout` for the job to end.
    pub fn wait_for(&mut self, timeout: Duration) -> JobState<T> {
        if self.ended {
            return JobState::Stopped;
        }
        match self.receiver.recv_timeout(timeout) {
            Ok(result) => self.end(result),
            Err(RecvTimeoutError::Timeout) => JobState::Running,
            Err(RecvTimeoutError::Disconnected) => self.end(None),
        }
    }

    /// Waits for the job to end, however long it takes (tests wait this way).
    pub fn wait(&mut self) -> JobState<T> {
        if self.ended {
            return JobState::Stopped;
        }
        let result = self.receiver.recv().ok().flatten();
        self.end(result)
    }

    fn end(&mut self, result: Option<T>) -> JobState<T> {
        self.ended = true;
        match result {
            // A result that arrives after a cancel is not wanted any more.
            Some(result) if !self.control.is_cancelled() => JobState::Done(result),
            _ => JobState::Stopped,
        }
    }
}

impl<K, T> Drop for Job<K, T> {
    /// A job nobody holds is not wanted: its worker stops at its next check.
    fn drop(&mut self) {
        self.control.cancel();
    }
}

/// Calls the wake function, if any, when dropped: at the end of the work, or while unwinding
/// a panic.
struct WakeOnDrop(Option<Wake>);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        if let Some(wake) = &self.0 {
            wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Sender;

    /// A wake function that says on `sender` that it was called.
    fn wake_into(sender: Sender<()>) -> Wake {
        let sender = std::sync::Mutex::new(sender);
        Arc::new(move || {
            let _ = sender.lock().unwrap().send(());
        })
    }

    const PATIENCE: Duration = Duration::from_secs(30);

    #[test]
    fn a_job_delivers_its_result_and_wakes_the_window() {
        let (woken, wakes) = channel();
        let mut job = Job::start(3_u64, "Adding up", wake_into(woken), |_| Some(2 + 2));
        assert_eq!((*job.tag(), job.label()), (3, "Adding up"));
        assert_eq!(job.wait(), JobState::Done(4));
        assert_eq!(wakes.recv_timeout(PATIENCE), Ok(()));
        assert_eq!(job.poll(), JobState::Stopped, "the result is taken once");
    }

    #[test]
    fn progress_is_seen_while_the_job_runs() {
        let (go_on, gate) = channel::<()>();
        let (woken, _wakes) = channel();
        let mut job = Job::start((), "Counting", wake_into(woken), move |control| {
            control.set_progress(0.25);
            gate.recv().ok()?;
            Some("done")
        });
        let deadline = std::time::Instant::now() + PATIENCE;
        while job.progress() != 0.25 {
            assert!(std::time::Instant::now() < deadline, "no progress reported");
            std::thread::yield_now();
        }
        assert_eq!(job.poll(), JobState::Running);
        go_on.send(()).unwrap();
        assert_eq!(job.wait(), JobState::Done("done"));
    }

    #[test]
    fn a_cancelled_job_stops_and_delivers_nothing() {
        let (saw_cancel, cancel_seen) = channel();
        let (woken, wakes) = channel();
        let mut job = Job::start((), "Waiting", wake_into(woken), move |control| {
            while !control.is_cancelled() {
                std::thread::yield_now();
            }
            saw_cancel.send(()).unwrap();
            Some(1)
        });
        job.cancel();
        assert_eq!(cancel_seen.recv_timeout(PATIENCE), Ok(()));
        assert_eq!(
            job.wait(),
            JobState::Stopped,
            "a result after a cancel is dropped"
        );
        // Nobody waits for a cancelled job, so the window is not woken: the wake function is
        // dropped uncalled.
        assert_eq!(
            wakes.recv_timeout(PATIENCE),
            Err(RecvTimeoutError::Disconnected)
        );
    }

    #[test]
    fn dropping_a_job_cancels_it() {
        let (saw_cancel, cancel_seen) = channel();
        let (woken, _wakes) = channel();
        let job = Job::<(), ()>::start((), "Waiting", wake_into(woken), move |control| {
            while !control.is_cancelled() {
                std::thread::yield_now();
            }
            saw_cancel.send(()).unwrap();
            None
        });
        drop(job);
        assert_eq!(cancel_seen.recv_timeout(PATIENCE), Ok(()));
    }

    #[test]
    fn a_job_that_fails_is_seen_to_stop() {
        let (woken, wakes) = channel();
        let mut job = Job::<(), u32>::start((), "Failing", wake_into(woken), |_| {
            panic!("deliberate failure in a test job")
        });
        assert_eq!(job.wait(), JobState::Stopped);
        assert_eq!(wakes.recv_timeout(PATIENCE), Ok(()), "woken all the same");
    }
}
