//! Lock files: which Caseload Planner window has a plan open. Opening `plan.ron` leaves
//! `plan.ron.lock` beside it, naming the process (and machine) that has it open; it is removed
//! when that window opens another plan or closes. A second window opening the same plan finds
//! the lock and is told. A lock whose process has ended (the program was killed, the machine
//! restarted) is stale: it is ignored and replaced.
//!
//! Locks are advice between windows of this program, not a guard the operating system keeps:
//! a folder that allows no new file simply has no lock, and a lock from another machine (a
//! shared drive) cannot be checked, so it counts as held.

use super::platform;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The window that has a plan open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOwner {
    pub pid: u32,
    /// The machine's name; empty when it could not be read.
    pub host: String,
}

impl LockOwner {
    fn this_process(token: u64) -> (Self, u64) {
        (
            LockOwner {
                pid: std::process::id(),
                host: this_host(),
            },
            token,
        )
    }

    /// Is this owner this very process?
    pub fn is_this_process(&self) -> bool {
        self.pid == std::process::id() && self.host == this_host()
    }

    /// Is the owner still running? One on another machine cannot be checked, and counts as
    /// running.
    fn is_running(&self) -> bool {
        self.host != this_host() || platform::process_is_running(self.pid)
    }
}

fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// A lock this window holds; the lock file is removed when it is dropped (unless another
/// window has taken it over since).
#[derive(Debug)]
pub struct PlanLock {
    file: PathBuf,
    /// Tells this lock from another of the same process (the same plan reopened).
    token: u64,
}

/// What became of an attempt to lock a plan.
#[derive(Debug)]
pub enum Locking {
    Locked(PlanLock),
    /// Another running window has the plan open.
    HeldBy(LockOwner),
    /// No lock could be made (a folder that allows no new file): the plan opens without one.
    Unavailable,
}

/// The lock file of `plan`: `plan.ron` → `plan.ron.lock`, beside the file a link names (so a
/// plan opened through a link and through its own path has one lock).
pub fn lock_path(plan: &Path) -> PathBuf {
    let plan = super::save::resolve_links(plan).unwrap_or_else(|_| plan.to_owned());
    let mut name = plan.clone().into_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// Who holds the lock on `plan`, if it is held by another window that is still running.
pub fn held_elsewhere(plan: &Path) -> Option<LockOwner> {
    let (owner, _) = read_lock(&lock_path(plan))?;
    (!owner.is_this_process() && owner.is_running()).then_some(owner)
}

fn read_lock(file: &Path) -> Option<(LockOwner, u64)> {
    let text = std::fs::read_to_string(file).ok()?;
    let field = |key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(key).map(str::trim))
    };
    Some((
        LockOwner {
            pid: field("pid:")?.parse().ok()?,
            host: field("host:").unwrap_or_default().to_owned(),
        },
        field("token:").and_then(|t| t.parse().ok()).unwrap_or(0),
    ))
}

fn lock_text(owner: &LockOwner, token: u64) -> String {
    format!(
        "Caseload Planner has this plan open.\npid: {}\nhost: {}\ntoken: {token}\n",
        owner.pid, owner.host
    )
}

impl PlanLock {
    /// Locks `plan` for this window, unless another running window holds it. A stale lock
    /// (its process has ended, or an unreadable one) is replaced; this process's own lock (the
    /// plan reopened) is taken over.
    pub fn acquire(plan: &Path) -> Locking {
        static TOKENS: AtomicU64 = AtomicU64::new(1);
        let file = lock_path(plan);
        let (me, token) = LockOwner::this_process(TOKENS.fetch_add(1, Ordering::Relaxed));
        // Twice at most: once more after removing a stale lock.
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&file)
            {
                Ok(mut f) => {
                    if f.write_all(lock_text(&me, token).as_bytes()).is_err() {
                        drop(f);
                        let _ = std::fs::remove_file(&file);
                        return Locking::Unavailable;
                    }
                    return Locking::Locked(PlanLock { file, token });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    match read_lock(&file) {
                        Some((owner, _)) if owner.is_this_process() => {
                            // Ours (the same plan reopened): the new lock takes it over, so
                            // the old one, dropped later, leaves it.
                            return match std::fs::write(&file, lock_text(&me, token)) {
                                Ok(()) => Locking::Locked(PlanLock { file, token }),
                                Err(_) => Locking::Unavailable,
                            };
                        }
                        Some((owner, _)) if owner.is_running() => {
                            return Locking::HeldBy(owner);
                        }
                        _ => {
                            let _ = std::fs::remove_file(&file);
                        }
                    }
                }
                Err(_) => return Locking::Unavailable,
            }
        }
        Locking::Unavailable
    }

    /// The lock file.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

impl Drop for PlanLock {
    fn drop(&mut self) {
        // Only while it is still this lock: another window may have replaced a lock it took
        // for stale, or this window reopened the plan.
        let mine = read_lock(&self.file)
            .is_some_and(|(owner, token)| owner.is_this_process() && token == self.token);
        if mine {
            let _ = std::fs::remove_file(&self.file);
        }
    }
}
