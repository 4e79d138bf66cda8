//! A plan's posts as CSV, one row a post, in the columns the staff-list import reads (see
//! [`crate::model::import`]): export, edit in a spreadsheet, import, and the structure is the
//! same. Posts are numbered `P12` (the post's id), which the import matches to the plan's own
//! post when the file comes back. Written as UTF-8 with a byte-order mark, which Excel needs to
//! show "Siân" rather than "SiÃ¢n".
//!
//! "Covering" says what an agency worker covers (a vacancy, an absence, extra capacity); it is
//! blank for employees.
//!
//! Dates are months in a plan: a start is written as the month's first day, an end as its
//! last. A fixed-term post's own start or leaving month (apart from the contract's dates) is
//! not written.

use super::write_atomically;
use crate::model::import::last_day;
use crate::model::{Contract, Plan, PostStatus, YearMonth};
use std::path::Path;

/// The columns, in order.
pub const POSTS_CSV_HEADINGS: [&str; 11] = [
    "Post number",
    "Name",
    "Job title",
    "Team",
    "FTE",
    "Contract",
    "Start date",
    "End date",
    "Absence",
    "Return date",
    "Covering",
];

/// Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written with a
/// leading apostrophe, which the import takes off again.
fn safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn first_day(month: YearMonth) -> String {
    format!("01/{:02}/{:04}", month.month(), month.year())
}

fn end_day(month: YearMonth) -> String {
    let day = last_day(i32::from(month.year()), month.month());
    format!("{day:02}/{:02}/{:04}", month.month(), month.year())
}

/// The posts of `plan` as CSV text, byte-order mark first.
pub fn posts_csv(plan: &Plan) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let teams = plan.team_positions();
    let mut write = |fields: &[String]| {
        // Writing to memory cannot fail.
        let _ = writer.write_record(fields);
    };
    write(&POSTS_CSV_HEADINGS.map(str::to_owned));
    for post in &plan.posts {
        let (start, end) = match post.contract {
            Contract::FixedTerm { start, end } => (Some(start), Some(end)),
            Contract::Permanent | Contract::Agency => (post.starts, post.leaves),
        };
        let (absence, returns) = match post.status {
            PostStatus::Active => (String::new(), None),
            PostStatus::Absent { reason, returns } => (reason.label().to_owned(), returns),
        };
        write(&[
            format!("P{}", post.id.0),
            safe(post.worker.as_deref().unwrap_or("")),
            safe(plan.grade(post.grade).map_or("", |g| g.name.as_str())),
            safe(
                teams
                    .get(&post.team)
                    .map_or("", |&i| plan.teams[i].name.as_str()),
            ),
            post.fte.to_string(),
            match post.contract {
                Contract::Permanent => "Permanent",
                Contract::FixedTerm { .. } => "Fixed term",
                Contract::Agency => "Agency",
            }
            .to_owned(),
            start.map(first_day).unwrap_or_default(),
            end.map(end_day).unwrap_or_default(),
            absence,
            returns.map(first_day).unwrap_or_default(),
            // Blank for employees: only an agency worker covers something.
            post.agency_cover()
                .map(|c| c.label().to_owned())
                .unwrap_or_default(),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// Writes the posts of `plan` to `path` as CSV, replacing any file there whole. `Err` says
/// what failed, naming the file.
pub fn export_posts_csv(plan: &Plan, path: &Path) -> Result<(), String> {
    write_atomically(path, posts_csv(plan).as_bytes()).map_err(|why| {
        format!(
            "{} was not written: {why}",
            crate::text::printable(&path.display().to_string())
        )
    })
}
