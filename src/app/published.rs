//! The DfE's published figures as the window has them: read once, off the window's thread,
//! when the app starts (the release built in, or a newer one the user installed), and replaced
//! when the user installs another ([`PublishedFigures::install`]).

use super::jobs::{Job, JobState, Wake};
use crate::io::platform::AppFolders;
use crate::io::published::{
    ReleaseSource, builtin_release, current_release, install_release, installed_release_file,
};
use crate::model::benchmark::Release;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A release read, and where it came from.
#[derive(Clone)]
pub struct LoadedRelease {
    pub release: Arc<Release>,
    pub source: ReleaseSource,
}

const BUILTIN_UNREADABLE: &str = "the published figures built into the app could not be read";

type Reading = Job<(), Result<LoadedRelease, String>>;

/// The published figures: being read, read, or (for a release being installed) both the one
/// in use and the one being checked.
pub struct PublishedFigures {
    /// The app's data folder for an installed release; `None` (in tests): the built-in one only.
    folders: Option<AppFolders>,
    loaded: Option<LoadedRelease>,
    /// Reading the release at start (or again after an install).
    reading: Option<Reading>,
    /// Checking and installing a newer release chosen by the user.
    installing: Option<Reading>,
    /// Why the release could not be read at start (the built-in one always can).
    failed: Option<String>,
}

impl PublishedFigures {
    /// Starts reading the release to use: the one installed in `folders`, else the built-in.
    pub fn start(folders: Option<AppFolders>, wake: Wake) -> Self {
        let for_job = folders.clone();
        let reading = Job::start((), "Reading the published figures", wake, move |_| {
            Some(Ok(match &for_job {
                Some(folders) => {
                    let (release, source) = current_release(folders);
                    LoadedRelease {
                        release: Arc::new(release),
                        source,
                    }
                }
                None => match builtin(None) {
                    Some(loaded) => loaded,
                    None => return Some(Err(BUILTIN_UNREADABLE.to_owned())),
                },
            }))
        });
        PublishedFigures {
            folders,
            loaded: None,
            reading: Some(reading),
            installing: None,
            failed: None,
        }
    }

    /// Uses the user's data folder for installing: the release being read (the built-in one)
    /// is kept, unless a release is installed there, which is then read instead.
    pub fn use_folders(&mut self, folders: AppFolders, wake: Wake) {
        if installed_release_file(&folders).is_some() {
            *self = PublishedFigures::start(Some(folders), wake);
        } else {
            self.folders = Some(folders);
        }
    }

    /// Takes finished reading; returns the outcome of an install when one has just ended:
    /// `Ok(source)` or the message why the file was refused.
    pub fn poll(&mut self) -> Option<Result<ReleaseSource, String>> {
        if let Some(job) = self.reading.as_mut() {
            match job.poll() {
                JobState::Running => {}
                JobState::Done(Ok(loaded)) => {
                    self.loaded = Some(loaded);
                    self.reading = None;
                }
                JobState::Done(Err(why)) => {
                    self.failed = Some(why);
                    self.reading = None;
                }
                JobState::Stopped => {
                    self.failed = Some("reading the published figures stopped".to_owned());
                    self.reading = None;
                }
            }
        }
        let job = self.installing.as_mut()?;
        let outcome = match job.poll() {
            JobState::Running => return None,
            JobState::Done(Ok(loaded)) => {
                let source = loaded.source.clone();
                self.loaded = Some(loaded);
                self.failed = None;
                Ok(source)
            }
            JobState::Done(Err(why)) => Err(why),
            JobState::Stopped => Err("installing the published figures stopped".to_owned()),
        };
        self.installing = None;
        Some(outcome)
    }

    /// Waits for the release to be read (tests, the command line).
    pub fn wait(&mut self) -> Option<&LoadedRelease> {
        if let Some(mut job) = self.reading.take() {
            match job.wait() {
                JobState::Done(Ok(loaded)) => self.loaded = Some(loaded),
                JobState::Done(Err(why)) => self.failed = Some(why),
                JobState::Running | JobState::Stopped => {
                    self.failed = Some("reading the published figures stopped".to_owned())
                }
            }
        }
        self.loaded.as_ref()
    }

    /// The release in use, once read.
    pub fn loaded(&self) -> Option<&LoadedRelease> {
        self.loaded.as_ref()
    }

    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    pub fn is_installing(&self) -> bool {
        self.installing.is_some()
    }

    /// Why no release could be read.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// Checks the release CSV at `path` and installs it in the app's data folder, to be used
    /// from now on; the release in use stays until it is done. Without a data folder (tests)
    /// the file is checked and used for this session only.
    pub fn install(&mut self, path: &Path, wake: Wake) {
        let folders = self.folders.clone();
        let path: PathBuf = path.to_owned();
        let label = format!(
            "Checking {}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        self.installing = Some(Job::start((), label, wake, move |_| {
            Some(install_and_read(&path, folders.as_ref()))
        }));
    }
}

fn install_and_read(path: &Path, folders: Option<&AppFolders>) -> Result<LoadedRelease, String> {
    let Some(folders) = folders else {
        let release = crate::io::published::read_release_file(path).map_err(|e| e.to_string())?;
        let (first, latest) = release.years();
        return Ok(LoadedRelease {
            release: Arc::new(release),
            source: ReleaseSource::Installed {
                file: path.to_owned(),
                first,
                latest,
            },
        });
    };
    let release = install_release(path, folders).map_err(|e| e.to_string())?;
    let (first, latest) = release.years();
    let file = installed_release_file(folders).unwrap_or_else(|| path.to_owned());
    Ok(LoadedRelease {
        release: Arc::new(release),
        source: ReleaseSource::Installed {
            file,
            first,
            latest,
        },
    })
}

/// The built-in release, saying why an installed one was not used when there was one.
fn builtin(installed_not_used: Option<String>) -> Option<LoadedRelease> {
    let release = builtin_release().ok()?;
    let (first, latest) = release.years();
    Some(LoadedRelease {
        release: Arc::new(release),
        source: ReleaseSource::BuiltIn {
            first,
            latest,
            installed_not_used,
        },
    })
}
