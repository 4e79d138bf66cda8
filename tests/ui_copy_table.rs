//! Copy as table: Ctrl+C on Compare, Posts or Staffing mix puts the view's table on the
//! clipboard as tab-separated text (a table when pasted into Excel or Word), anonymised when
//! the switch is on; Ctrl+C in a text field copies that field's text, not the table.

mod common;

use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

/// Presses Ctrl+C and returns the text put on the clipboard, if any.
fn copy(harness: &mut App<'_>) -> Option<String> {
    // The key down alone, so that the frame taking it is the last one stepped (kittest steps
    // a frame per queued event) and its output is the one read.
    harness.event(egui::Event::Key {
        key: Key::C,
        pressed: true,
        modifiers: Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    });
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
    harness.key_up_modifiers(Modifiers::COMMAND, Key::C);
    harness.run();
    copied
}

#[test]
fn compare_copies_as_a_table_with_numbers_a_spreadsheet_reads() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Compare");
    let text = copy(&mut harness).expect("the table is copied");
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        lines[0],
        [
            "Figure",
            "Unit",
            "Baseline",
            "Fixed-term locality team",
            "Fixed-term locality team vs baseline"
        ]
    );
    let caseload = lines
        .iter()
        .find(|l| l[0] == "Caseload per case-holding FTE")
        .unwrap();
    assert_eq!(caseload[2..], ["24.5", "13.8", "-10.6"]);
    let capacity = lines.iter().find(|l| l[0] == "Capacity in cases").unwrap();
    assert_eq!(capacity[2..], ["428", "732", "304"]);
    // Every row has a cell for every column.
    assert!(lines.iter().all(|l| l.len() == lines[0].len()));
    assert!(
        harness
            .query_all_by_label_contains("Copied the Comparison table")
            .next()
            .is_some()
    );
}

#[test]
fn posts_copy_anonymised_when_names_are() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Posts");
    let named = copy(&mut harness).expect("the posts are copied");
    assert!(named.contains("J. Brown"));
    let posts = harness.state().document().plan().posts.len();
    assert_eq!(
        named.lines().count(),
        posts + 1,
        "a heading and a line per post"
    );
    click(&mut harness, "Anonymise");
    let anonymised = copy(&mut harness).expect("the posts are copied");
    let workers: Vec<String> = harness
        .state()
        .document()
        .plan()
        .posts
        .iter()
        .filter_map(|p| p.worker.clone())
        .collect();
    for name in &workers {
        assert!(!anonymised.contains(name.as_str()), "{name} copied");
    }
    assert!(anonymised.contains("Social worker 1"));
}

#[test]
fn a_view_without_a_table_copies_nothing() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Projection");
    common::wait_for_work(&mut harness);
    assert_eq!(copy(&mut harness), None);
}

#[test]
fn ctrl_c_in_a_text_field_does_not_copy_the_table() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Posts");
    let search = || {
        egui_kittest::kittest::by()
            .role(egui::accesskit::Role::TextInput)
            .predicate(|n| n.placeholder() == Some("Search worker or team"))
    };
    harness.get(search()).click();
    harness.run();
    harness.get(search()).type_text("North");
    harness.run();
    let copied = copy(&mut harness);
    assert!(
        copied.is_none_or(|text| !text.contains('\t')),
        "the table was copied from inside the search field"
    );
}
