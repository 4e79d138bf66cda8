//! Autosave: a few seconds after the last edit, unsaved work is written to this window's
//! recovery file (see [`crate::io::recovery`]) on a worker thread of its own, never in a
//! frame. The file is removed once the work is saved or discarded. A panic anywhere in the
//! program first writes the latest work too ([`install_panic_hook`]).

use super::Document;
use crate::io::Fingerprint;
use crate::io::recovery::{recovery_text, remove_recovery, write_recovery};
use crate::model::ScenarioSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How long after the last edit the work is written: long enough not to write during a burst
/// of typing, short enough that little is lost.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(5);

/// Plans (every scenario's posts together) up to this size are copied for the panic hook as
/// each edit gesture ends: about 5 ms at 10,000 posts. A 42,000-post plan with two options
/// took 23 ms a copy, too long to add to every edit's frame.
const COPY_EACH_EDIT_UP_TO_POSTS: usize = 10_000;

/// Every scenario's posts, counted together.
fn posts_in(doc: &Document) -> usize {
    doc.scenarios().iter().map(|s| s.plan.posts.len()).sum()
}

/// The work as it stands, as the autosave and the panic hook write it.
#[derive(Clone)]
pub struct Snapshot {
    set: Arc<ScenarioSet>,
    plan_file: Option<PathBuf>,
    on_disk: Option<Fingerprint>,
}

impl Snapshot {
    fn of(doc: &Document) -> Self {
        Snapshot {
            set: Arc::new(doc.scenarios().clone()),
            plan_file: doc.path().map(Path::to_owned),
            on_disk: doc.fingerprint().copied(),
        }
    }

    fn write(&self, folder: &Path) -> Result<(), String> {
        let text = recovery_text(
            &self.set,
            self.plan_file.as_deref(),
            self.on_disk.as_ref(),
            SystemTime::now(),
        )?;
        write_recovery(folder, std::process::id(), &text)
            .map(|_| ())
            .map_err(|e| crate::io::describe_io_error(&e))
    }
}

/// The latest unsaved work, where the panic hook can reach it.
pub type Latest = Arc<Mutex<Option<Snapshot>>>;

enum Work {
    Write(Snapshot),
    Remove,
}

/// Writes a window's unsaved work to its recovery file.
pub struct Autosave {
    folder: PathBuf,
    sender: Option<Sender<Work>>,
    failures: Receiver<String>,
    worker: Option<JoinHandle<()>>,
    /// The document's change count and when it was first seen.
    last_change: (u64, Instant),
    /// The change count last written (or found clean).
    written: Option<u64>,
    /// The change count `latest` holds.
    latest_count: Option<u64>,
    /// A recovery file of this window may exist.
    has_file: bool,
    latest: Latest,
}

impl Autosave {
    /// Autosave into `folder` (the app's recovery folder).
    pub fn new(folder: &Path) -> Self {
        let (sender, work) = channel::<Work>();
        let (report, failures) = channel();
        let into = folder.to_owned();
        let worker = std::thread::spawn(move || {
            for job in work {
                let result = match job {
                    Work::Write(snapshot) => snapshot.write(&into),
                    Work::Remove => remove_recovery(&into, std::process::id())
                        .map_err(|e| crate::io::describe_io_error(&e)),
                };
                if let Err(why) = result {
                    let _ = report.send(why);
                }
            }
        });
        Autosave {
            folder: folder.to_owned(),
            sender: Some(sender),
            failures,
            worker: Some(worker),
            last_change: (u64::MAX, Instant::now()),
            written: None,
            latest_count: None,
            has_file: false,
            latest: Latest::default(),
        }
    }

    /// The recovery folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The latest work, for [`install_panic_hook`].
    pub fn latest(&self) -> Latest {
        self.latest.clone()
    }

    fn send(&self, work: Work) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(work);
        }
    }

    /// Called every frame: keeps the latest work where the panic hook can reach it (once each
    /// edit gesture ends, in plans up to [`COPY_EACH_EDIT_UP_TO_POSTS`]), writes it once no edit has come for [`AUTOSAVE_DELAY`], removes the
    /// recovery file once nothing is unsaved. Returns how long until it next needs a frame,
    /// and why writing last failed, if it did.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> (Option<Duration>, Option<String>) {
        let failure = self.failures.try_iter().last();
        let count = doc.changes();
        if count != self.last_change.0 {
            self.last_change = (count, now);
        }
        if !doc.is_dirty() {
            self.forget(count);
            return (None, failure);
        }
        // Copied for the panic hook as each gesture ends, while a copy is quick; a larger plan
        // is copied only when it is written (its recovery file is then the latest work).
        let copy_each_edit = posts_in(doc) <= COPY_EACH_EDIT_UP_TO_POSTS;
        if copy_each_edit && !doc.in_gesture() && self.latest_count != Some(count) {
            let snapshot = Snapshot::of(doc);
            set_latest(&self.latest, Some(snapshot));
            self.latest_count = Some(count);
        }
        if self.written == Some(count) {
            return (None, failure);
        }
        if doc.in_gesture() {
            // Its end brings a frame anyway.
            return (None, failure);
        }
        let due = self.last_change.1 + AUTOSAVE_DELAY;
        if now < due {
            return (Some(due - now), failure);
        }
        let snapshot = if self.latest_count == Some(count) {
            take_latest(&self.latest)
        } else {
            // A large plan, copied now; the panic hook gets this copy too, so it never writes
            // work older than the recovery file (kept from before the plan grew).
            let snapshot = Snapshot::of(doc);
            set_latest(&self.latest, Some(snapshot.clone()));
            self.latest_count = Some(count);
            Some(snapshot)
        };
        if let Some(snapshot) = snapshot {
            self.send(Work::Write(snapshot));
            self.has_file = true;
        }
        self.written = Some(count);
        (None, failure)
    }

    /// The user discarded the unsaved work (closing with "Discard changes"): its recovery file
    /// goes, and the work as it is now is not written again.
    pub fn discard(&mut self, doc: &Document) {
        self.forget(doc.changes());
        // Removed even if this window did not write it (restored work adopted at start).
        self.send(Work::Remove);
    }

    fn forget(&mut self, count: u64) {
        self.written = Some(count);
        self.latest_count = None;
        set_latest(&self.latest, None);
        if self.has_file {
            self.send(Work::Remove);
            self.has_file = false;
        }
    }

    /// This window now owns a recovery file (restored work, adopted).
    pub fn owns_file(&mut self) {
        self.has_file = true;
    }
}

impl Drop for Autosave {
    /// Finishes the writes and removals asked for: at exit the last of them (the removal after
    /// "Discard changes") must not be lost.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn set_latest(latest: &Latest, snapshot: Option<Snapshot>) {
    match latest.lock() {
        Ok(mut slot) => *slot = snapshot,
        Err(poisoned) => *poisoned.into_inner() = snapshot,
    }
}

fn take_latest(latest: &Latest) -> Option<Snapshot> {
    match latest.lock() {
        Ok(slot) => slot.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Makes a panic anywhere in the program write the latest unsaved work to the recovery file in
/// `folder` before anything else happens (the previous hook, which prints the message, runs
/// after). The hook never waits: the panicking thread may be the one holding the latest work's
/// lock (it only ever holds it to swap a value in), and then the work written a moment ago by
/// the autosave is what is kept.
pub fn install_panic_hook(folder: &Path, latest: Latest) {
    let folder = folder.to_owned();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let snapshot = match latest.try_lock() {
            Ok(slot) => slot.clone(),
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner().clone(),
            Err(TryLockError::WouldBlock) => None,
        };
        if let Some(snapshot) = snapshot {
            let _ = snapshot.write(&folder);
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::recovery::{read_recovery, recovery_path};
    use crate::model::Command;

    fn wait_for(path: &Path, exists: bool) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while path.exists() != exists {
            assert!(
                Instant::now() < deadline,
                "{} exists: {}",
                path.display(),
                !exists
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn unsaved_work_is_written_after_the_delay_and_removed_once_saved() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = dir.path().join("recovery");
        let plan_file = dir.path().join("North.ron");
        let mut doc = Document::with_scenarios(crate::io::default_scenarios(), None);
        doc.save_as(&plan_file).unwrap();
        let mut autosave = Autosave::new(&recovery);
        let start = Instant::now();
        assert_eq!(autosave.tick(&doc, start), (None, None), "nothing unsaved");

        doc.apply(Command::SetPlanName("Edited".into())).unwrap();
        doc.settle();
        let (wait, _) = autosave.tick(&doc, start);
        assert_eq!(
            wait,
            Some(AUTOSAVE_DELAY),
            "asks for a frame when it is due"
        );
        let file = recovery_path(&recovery, std::process::id());
        assert!(!file.exists(), "not before the delay");
        autosave.tick(&doc, start + AUTOSAVE_DELAY);
        wait_for(&file, true);
        let written = read_recovery(&file).unwrap();
        assert_eq!(&written.set, doc.scenarios());
        assert_eq!(written.plan_file.as_deref(), Some(plan_file.as_path()));
        assert_eq!(written.on_disk.as_ref(), doc.fingerprint());

        doc.save_as(&plan_file).unwrap();
        autosave.tick(&doc, start + 2 * AUTOSAVE_DELAY);
        wait_for(&file, false);
    }

    #[test]
    fn a_large_plan_is_copied_when_it_is_written_not_after_every_edit() {
        let dir = tempfile::tempdir().unwrap();
        let plan = crate::model::synthetic::plan(COPY_EACH_EDIT_UP_TO_POSTS + 20, 1_000);
        let mut doc = Document::new(plan, None);
        let mut autosave = Autosave::new(dir.path());
        let start = Instant::now();
        doc.apply(Command::SetPlanName("Edited".into())).unwrap();
        doc.settle();
        let (wait, _) = autosave.tick(&doc, start);
        assert_eq!(wait, Some(AUTOSAVE_DELAY));
        assert!(
            take_latest(&autosave.latest()).is_none(),
            "no copy as the edit ends"
        );
        autosave.tick(&doc, start + AUTOSAVE_DELAY);
        let file = recovery_path(dir.path(), std::process::id());
        wait_for(&file, true);
        assert_eq!(&read_recovery(&file).unwrap().set, doc.scenarios());
        // The panic hook holds the copy written: never older than the recovery file.
        let latest = take_latest(&autosave.latest()).expect("the copy written");
        assert_eq!(&*latest.set, doc.scenarios());
    }

    #[test]
    fn a_plan_grown_large_never_leaves_the_panic_hook_older_work_than_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let plan = crate::model::synthetic::plan(COPY_EACH_EDIT_UP_TO_POSTS / 2 + 20, 1_000);
        let mut doc = Document::new(plan, None);
        let mut autosave = Autosave::new(dir.path());
        let start = Instant::now();
        doc.apply(Command::SetPlanName("Small".into())).unwrap();
        doc.settle();
        autosave.tick(&doc, start);
        assert!(
            take_latest(&autosave.latest()).is_some(),
            "a small plan is copied at once"
        );
        // An option doubles the posts: past the size copied at each edit.
        doc.add_option("Bigger").unwrap();
        doc.apply(Command::SetPlanName("Large".into())).unwrap();
        doc.settle();
        autosave.tick(&doc, start + AUTOSAVE_DELAY);
        autosave.tick(&doc, start + 2 * AUTOSAVE_DELAY);
        let file = recovery_path(dir.path(), std::process::id());
        wait_for(&file, true);
        let latest = take_latest(&autosave.latest()).expect("a copy for the panic hook");
        assert_eq!(
            &*latest.set,
            doc.scenarios(),
            "the work as written, not as it was"
        );
    }

    #[test]
    fn discarded_work_is_removed_and_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::with_scenarios(crate::io::default_scenarios(), None);
        let mut autosave = Autosave::new(dir.path());
        let start = Instant::now();
        doc.apply(Command::SetPlanName("Edited".into())).unwrap();
        doc.settle();
        autosave.tick(&doc, start);
        autosave.tick(&doc, start + AUTOSAVE_DELAY);
        let file = recovery_path(dir.path(), std::process::id());
        wait_for(&file, true);
        autosave.discard(&doc);
        autosave.tick(&doc, start + 3 * AUTOSAVE_DELAY);
        drop(autosave); // as at exit: the removal asked for is carried out first
        assert!(!file.exists());
    }
}
