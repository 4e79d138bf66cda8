//! The desktop app's state, without any drawing: the open document with its undo history,
//! recently opened files, and file dialogs behind a trait so tests can script them.

mod document;
mod file_dialog;
mod recent;

pub use document::Document;
pub use file_dialog::{DialogAnswer, DialogPurpose, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use recent::RecentFiles;
