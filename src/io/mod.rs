//! Plan files: reading, writing and the file format; staff lists and caseload reports read
//! in ([`import`]) and posts written out as CSV ([`export`]); the DfE's published figures
//! ([`published`]). Everything here that can fail returns an
//! error naming the file and, where there is one, the line and column or the team and post.

mod builtin;
pub mod export;
mod fingerprint;
mod format;
pub mod import;
mod load;
pub mod lock;
pub mod platform;
pub mod published;
pub mod recovery;
mod ron_words;
mod save;

pub use builtin::{DEFAULT_PLAN_RON, default_plan, default_scenarios};
pub use fingerprint::Fingerprint;
pub use format::{CURRENT_VERSION, to_ron_string};
pub use load::{
    LoadError, MAX_PLAN_BYTES, describe_io_error, load_bytes, load_file,
    load_file_with_fingerprint, load_str,
};
pub use save::{SaveError, Saved, backup_path, save_file, save_file_with_spare_folder};
