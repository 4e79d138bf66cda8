//! The desktop app's state, without any drawing: the open document with its undo history and
//! its projection's bands, recently opened files, file dialogs behind a trait so tests can
//! script them, background jobs for work too slow for a frame (opening a file, the bands,
//! reading a staff list, writing an export), and
//! the autosave of unsaved work for recovery after a crash.

mod autosave;
mod bands;
mod document;
mod file_dialog;
mod importing;
mod jobs;
mod opening;
mod published;
mod recent;
mod sensitivity;
mod title;

pub use autosave::{AUTOSAVE_DELAY, Autosave, Latest, install_panic_hook};
pub use bands::{BAND_RUNS, BAND_SEED, BandsState};
pub use document::Document;
pub use file_dialog::{
    DialogAnswer, DialogPurpose, DialogRequest, FileDialogs, NativeDialogs, ScriptedDialogs,
    file_name_for, with_ron_extension,
};
pub use importing::{FileWriting, ReadTable, TableReading};
pub use jobs::{Job, JobControl, JobState, Wake};
pub use opening::{Opened, Opening};
pub use published::{LoadedRelease, PublishedFigures};
pub use recent::RecentFiles;
pub use sensitivity::{Answer, Question, SensitivityState};
pub use title::{APP_NAME, window_title};
