//! Recovery copies: unsaved work written to the app's own folder a few seconds after each edit,
//! so that a crash, a kill or a power cut loses at most those seconds. Each running window has
//! its own file, named by its process id (`recovery-1234.ron`), so two windows never offer each
//! other's work: at start, files of processes still running are left alone.
//!
//! A recovery file holds the whole plan (every scenario), which file it belongs to (none for a
//! plan never saved), that file's fingerprint as it was opened (so saving the restored work
//! still asks if the file has changed since), and when it was written. They hold plan contents
//! (staff names): they stay in the app's local folder, are never logged, and are removed after
//! a normal save or when the user discards them.

use super::fingerprint::Fingerprint;
use super::format::to_ron_string;
use super::load::{MAX_PLAN_BYTES, load_str};
use super::platform;
use crate::model::ScenarioSet;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Unsaved work found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The plan file the work belongs to; `None` for a plan never saved.
    pub plan_file: Option<PathBuf>,
    /// That file's fingerprint when it was opened or last saved.
    pub on_disk: Option<Fingerprint>,
    pub saved_at: SystemTime,
    pub set: ScenarioSet,
}

impl Recovered {
    /// When it was written, in the user's local time: "27 Nov 2026 15:42".
    pub fn saved_at_text(&self) -> String {
        local_time_text(self.saved_at)
    }

    /// "North locality.ron", or "an untitled plan".
    pub fn plan_name(&self) -> String {
        self.plan_file
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(
                || "an untitled plan".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            )
    }
}

/// A time in the user's local time zone, as a service manager writes it: "27 Nov 2026 15:42".
pub fn local_time_text(time: SystemTime) -> String {
    let Ok(stamp) = jiff::Timestamp::try_from(time) else {
        return "an unknown time".to_owned();
    };
    stamp
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%-d %b %Y %H:%M")
        .to_string()
}

/// What a recovery file holds, as written.
#[derive(Serialize, Deserialize)]
struct Stored {
    recovery_version: u32,
    plan_file: Option<PathBuf>,
    on_disk: Option<StoredFingerprint>,
    saved_at_ms: u64,
    /// The plan as a plan file holds it (versioned RON), read back with the plan loader.
    plan: String,
}

#[derive(Serialize, Deserialize)]
struct StoredFingerprint {
    size: u64,
    modified_ns: Option<u128>,
    hash: u64,
}

const RECOVERY_VERSION: u32 = 1;

/// The recovery file of the process `pid` in `folder`.
pub fn recovery_path(folder: &Path, pid: u32) -> PathBuf {
    folder.join(format!("recovery-{pid}.ron"))
}

/// The process a recovery file belongs to, from its name.
fn owner_of(file: &Path) -> Option<u32> {
    let name = file.file_name()?.to_str()?;
    name.strip_prefix("recovery-")?
        .strip_suffix(".ron")?
        .parse()
        .ok()
}

/// The text of a recovery file for `set`.
pub fn recovery_text(
    set: &ScenarioSet,
    plan_file: Option<&Path>,
    on_disk: Option<&Fingerprint>,
    saved_at: SystemTime,
) -> Result<String, String> {
    let stored = Stored {
        recovery_version: RECOVERY_VERSION,
        plan_file: plan_file.map(Path::to_owned),
        on_disk: on_disk.map(|f| StoredFingerprint {
            size: f.size,
            modified_ns: f
                .modified
                .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos()),
            hash: f.hash,
        }),
        saved_at_ms: saved_at
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64),
        plan: to_ron_string(set).map_err(|e| e.to_string())?,
    };
    ron::ser::to_string(&stored).map_err(|e| e.to_string())
}

/// Writes `text` (see [`recovery_text`]) as the recovery file of process `pid` in `folder`,
/// replacing the one before in one rename, so a recovery file is always whole.
pub fn write_recovery(folder: &Path, pid: u32, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let path = recovery_path(folder, pid);
    // Owner-only permissions (tempfile's own): the copy holds staff names.
    let mut file = tempfile::Builder::new()
        .prefix(".recovery-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(&path).map_err(|e| e.error)?;
    platform::sync_folder(folder);
    Ok(path)
}

/// Removes the recovery file of process `pid`, if there is one.
pub fn remove_recovery(folder: &Path, pid: u32) -> std::io::Result<()> {
    match std::fs::remove_file(recovery_path(folder, pid)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Unsaved work left in `folder` by windows no longer running (never this process's own: it
/// has none at start), newest first. Files that cannot be read (written by a newer version of
/// the program, say) are left where they are.
pub fn find_recovered(folder: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| {
            owner_of(file)
                .is_some_and(|pid| pid != std::process::id() && !platform::process_is_running(pid))
        })
        .filter_map(|file| read_recovery(&file).ok())
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
    found
}

/// Reads one recovery file.
pub fn read_recovery(file: &Path) -> Result<Recovered, String> {
    let metadata = std::fs::metadata(file).map_err(|e| e.to_string())?;
    // The plan inside is a plan file's text, escaped: allow for the escaping.
    if metadata.len() > 2 * MAX_PLAN_BYTES {
        return Err("the recovery file is too large".into());
    }
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let stored: Stored = ron::from_str(&text).map_err(|e| e.to_string())?;
    if stored.recovery_version != RECOVERY_VERSION {
        return Err("the recovery file is from another version of the program".into());
    }
    let set = load_str(&stored.plan, file).map_err(|e| e.to_string())?;
    Ok(Recovered {
        file: file.to_owned(),
        plan_file: stored.plan_file,
        on_disk: stored.on_disk.map(|f| Fingerprint {
            size: f.size,
            modified: f.modified_ns.and_then(|ns| {
                let ns = u64::try_from(ns).ok()?;
                UNIX_EPOCH.checked_add(Duration::from_nanos(ns))
            }),
            hash: f.hash,
        }),
        saved_at: UNIX_EPOCH + Duration::from_millis(stored.saved_at_ms),
        set,
    })
}

/// Makes recovered work this process's own: its file becomes this process's recovery file (so
/// it is kept until the restored work is saved or discarded, and a crash now loses nothing).
pub fn adopt(recovered: &Recovered, folder: &Path) -> std::io::Result<()> {
    std::fs::rename(&recovered.file, recovery_path(folder, std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_file_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let set = crate::io::default_scenarios();
        let plan = dir.path().join("North locality.ron");
        let seen = Fingerprint {
            size: 12,
            modified: Some(UNIX_EPOCH + Duration::from_nanos(1_764_258_120_123_456_789)),
            hash: 99,
        };
        let at = UNIX_EPOCH + Duration::from_millis(1_764_258_120_000);
        let text = recovery_text(&set, Some(&plan), Some(&seen), at).unwrap();
        let file = write_recovery(dir.path(), 4_000_000, &text).unwrap();
        assert_eq!(file, dir.path().join("recovery-4000000.ron"));
        let back = read_recovery(&file).unwrap();
        assert_eq!(back.set, set);
        assert_eq!(back.plan_file.as_deref(), Some(plan.as_path()));
        assert_eq!(back.on_disk, Some(seen));
        assert_eq!(back.saved_at, at);
        assert_eq!(back.plan_name(), "North locality.ron");
        remove_recovery(dir.path(), 4_000_000).unwrap();
        assert!(!file.exists());
        remove_recovery(dir.path(), 4_000_000).unwrap();
    }

    #[test]
    fn the_time_is_written_as_people_write_it() {
        // 27 Nov 2026 15:42:00 UTC; England is on GMT then, so the text is the same in
        // London and in UTC (the time zone of the test machine decides the hour elsewhere).
        let at = UNIX_EPOCH + Duration::from_secs(1_795_794_120);
        let text = local_time_text(at);
        assert!(text.starts_with("27 Nov 2026 "), "{text}");
        assert_eq!(text.len(), "27 Nov 2026 15:42".len(), "{text}");
    }
}
