//! Recently opened plans, newest first. Only paths are kept, never plan contents.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent plans the File menu lists.
const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Puts `path` first, removing an older mention of it.
    pub fn add(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.paths.insert(0, path.to_owned());
        self.paths.truncate(MAX_RECENT);
    }

    /// Forgets `path` (e.g. it no longer opens).
    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The plan to reopen at start-up.
    pub fn last(&self) -> Option<&Path> {
        self.paths.first().map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_capped() {
        let mut recent = RecentFiles::default();
        for i in 0..12 {
            recent.add(Path::new(&format!("/plans/{i}.ron")));
        }
        recent.add(Path::new("/plans/5.ron"));
        assert_eq!(recent.paths().len(), MAX_RECENT);
        assert_eq!(recent.last(), Some(Path::new("/plans/5.ron")));
        assert_eq!(
            recent
                .paths()
                .iter()
                .filter(|p| p.ends_with("5.ron"))
                .count(),
            1
        );
        recent.remove(Path::new("/plans/5.ron"));
        assert_eq!(recent.last(), Some(Path::new("/plans/11.ron")));
    }
}
