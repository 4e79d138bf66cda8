//! What a plan file looked like when it was opened or saved, to tell whether someone else has
//! changed it on disk since: its size, modification time and a hash of its bytes.

use std::hash::{DefaultHasher, Hasher};
use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

/// A plan file's size, modification time and the hash of its bytes (std's SipHash: quick, and
/// enough to see a change; nothing here guards against someone forging a collision).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    pub size: u64,
    /// `None` where the file system keeps no modification time.
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes` read from (or just written to) a file with `metadata`.
    pub fn of_bytes(bytes: &[u8], metadata: &std::fs::Metadata) -> Self {
        Fingerprint {
            size: bytes.len() as u64,
            modified: metadata.modified().ok(),
            hash: hash_bytes(bytes),
        }
    }

    /// The file at `path` as it is now; `Ok(None)` when there is no file there any more.
    pub fn of_file(path: &Path) -> std::io::Result<Option<Self>> {
        let mut file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Ok(None);
        }
        let mut bytes = Vec::with_capacity(metadata.len() as usize);
        // A plan is at most MAX_PLAN_BYTES; a larger file is certainly not the one opened.
        (&mut file)
            .take(super::MAX_PLAN_BYTES + 1)
            .read_to_end(&mut bytes)?;
        Ok(Some(Self::of_bytes(&bytes, &metadata)))
    }

    /// Has the file changed since this fingerprint was taken, judging by `now` (its fingerprint
    /// now, `None` if it is gone)? Only a change that saving would destroy counts: the bytes
    /// decide. A file only touched (a new time, the same bytes: a backup or sync tool) has not
    /// changed, and a file deleted since is simply written again; nothing on disk is lost.
    pub fn changed(&self, now: Option<&Fingerprint>) -> bool {
        now.is_some_and(|now| now.size != self.size || now.hash != self.hash)
    }
}

/// The hash the fingerprint keeps. `DefaultHasher::new()` has fixed keys, so within one run of
/// the program the same bytes always give the same hash (fingerprints are never stored across
/// versions of the program except in recovery files, where a mismatch only means one question
/// more before saving).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_seen_and_a_touched_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "first").unwrap();
        let opened = Fingerprint::of_file(&path).unwrap().unwrap();
        assert_eq!(opened.size, 5);
        assert!(!opened.changed(Fingerprint::of_file(&path).unwrap().as_ref()));

        // Same size, different bytes: only the hash tells.
        std::fs::write(&path, "fir5t").unwrap();
        assert!(opened.changed(Fingerprint::of_file(&path).unwrap().as_ref()));

        // Touched: a later time, the same bytes.
        std::fs::write(&path, "first").unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let touched = Fingerprint::of_file(&path).unwrap().unwrap();
        assert_ne!(touched.modified, opened.modified);
        assert!(!opened.changed(Some(&touched)));

        std::fs::remove_file(&path).unwrap();
        assert_eq!(Fingerprint::of_file(&path).unwrap(), None);
        assert!(
            !opened.changed(None),
            "nothing is lost by writing a deleted file again"
        );
    }
}
