//! The window's title: which plan is open, from which file, and whether it has unsaved changes,
//! as a taskbar or window switcher shows it.

use crate::text::{printable, shortened};
use std::path::Path;

/// The app's name, last in every title.
pub const APP_NAME: &str = "Caseload Planner";

/// Shown after the file name while there are unsaved changes.
pub const UNSAVED_MARK: &str = "●";

/// `North locality — north.ron — Caseload Planner`; `… — north.ron ● — …` with unsaved changes;
/// without the file for a plan never saved. The name is shortened and written on one line.
pub fn window_title(plan_name: &str, file: Option<&Path>, dirty: bool) -> String {
    let name = printable(&shortened(plan_name)).into_owned();
    let mut parts = vec![if name.trim().is_empty() {
        "Unnamed plan".to_owned()
    } else {
        name
    }];
    if let Some(file_name) = file.and_then(Path::file_name) {
        parts.push(printable(&file_name.to_string_lossy()).into_owned());
    }
    if dirty && let Some(last) = parts.last_mut() {
        last.push(' ');
        last.push_str(UNSAVED_MARK);
    }
    parts.push(APP_NAME.to_owned());
    parts.join(" — ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_plan_and_its_file_and_marks_unsaved_changes() {
        let file = Path::new("/home/sian/plans/north.ron");
        assert_eq!(
            window_title("North locality", Some(file), false),
            "North locality — north.ron — Caseload Planner"
        );
        assert_eq!(
            window_title("North locality", Some(file), true),
            "North locality — north.ron ● — Caseload Planner"
        );
        assert_eq!(
            window_title("Stretched locality service (illustrative)", None, false),
            "Stretched locality service (illustrative) — Caseload Planner"
        );
        assert_eq!(
            window_title("New plan", None, true),
            "New plan ● — Caseload Planner"
        );
    }

    #[test]
    fn a_name_is_one_short_line_in_the_title() {
        let title = window_title("North\nlocality", None, false);
        assert_eq!(title, "North\\nlocality — Caseload Planner");
        let long = window_title(&"x".repeat(500), None, false);
        assert!(long.chars().count() < 120, "{long}");
        assert_eq!(
            window_title("  ", None, false),
            "Unnamed plan — Caseload Planner"
        );
    }
}
