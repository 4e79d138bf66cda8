//! Editing many posts at once in the Posts table, driven as a user does (egui_kittest): choose
//! posts with clicks, Ctrl+clicks, Shift+clicks or "Select all", change them together in the
//! inspector, read the figures, undo.

mod common;

use caseload_planner::model::{AbsenceReason, PostId, PostStatus};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{Queryable, by};

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// A click on a row of the Posts table, found by its worker's name, with keys held.
fn click_row(harness: &mut App<'_>, worker: &str, keys: Modifiers) {
    harness.get_by_label(worker).click_modifiers(keys);
    harness.run();
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn assert_shows(harness: &App<'_>, text: &str) {
    assert!(shows(harness, text), "the window should show {text:?}");
}

/// Chooses `entry` in the combo box named `combo`: the entry of the list just opened under it
/// (the table shows grade and team names too).
fn choose(harness: &mut App<'_>, combo: &str, entry: &str) {
    let left = harness.get_by_label(combo).rect().left();
    harness.get_by_label(combo).click();
    harness.run();
    harness
        .query_all_by_label(entry)
        .find(|n| (n.rect().left() - left).abs() < 20.0)
        .unwrap_or_else(|| panic!("{entry:?} is offered under {combo:?}"))
        .click();
    harness.run();
}

fn type_month(harness: &mut App<'_>, label: &str, month: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(month);
    harness.key_press(Key::Tab);
    harness.run();
}

/// Types `text` into the Posts table's search field (named by its placeholder).
fn search(harness: &mut App<'_>, text: &str) {
    let field = || {
        by().role(Role::TextInput)
            .predicate(|n| n.placeholder() == Some("Search worker or team"))
    };
    harness.get(field()).click();
    harness.run();
    harness.get(field()).type_text(text);
    harness.run();
}

fn posts_view() -> App<'static> {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Posts");
    harness
}

#[test]
fn posts_chosen_with_shift_and_ctrl_clicks_change_grade_and_fte_together_and_undo_in_one_step() {
    let mut harness = posts_view();
    // In the plan's order: I. Patel, J. Quinn, K. Reid (agency), L. Shah.
    click_row(&mut harness, "I. Patel", Modifiers::NONE);
    harness.get_by_label("Post 18 in Locality South"); // one post: the inspector as ever
    assert_shows(&harness, "1 post selected");
    click_row(&mut harness, "L. Shah", Modifiers::SHIFT);
    assert_shows(&harness, "4 posts selected");
    click_row(&mut harness, "K. Reid (agency)", Modifiers::COMMAND);
    click_row(&mut harness, "E. Lewis", Modifiers::COMMAND);
    assert_shows(&harness, "4 posts selected");
    let chosen = [13, 18, 19, 21].map(PostId);
    for id in chosen {
        assert!(harness.state().document().plan().post(id).is_some());
    }
    assert!(
        harness
            .query_by_label("Post 18 in Locality South")
            .is_none()
    );
    harness.get_by_label("Apply to 4 posts");

    choose(&mut harness, "Selected posts' grade", "Social worker");
    // The FTE offered is 1: ticking it is enough.
    assert_eq!(
        harness
            .get_by_role_and_label(Role::SpinButton, "Selected posts' FTE")
            .value()
            .as_deref(),
        Some("1.00")
    );
    harness.get_by_role_and_label(Role::CheckBox, "FTE").click();
    harness.run();
    click(&mut harness, "Apply to 4 posts");
    // I. Patel and L. Shah already were full-time social workers.
    assert_shows(&harness, "Changed 2 posts; 2 posts were already as chosen");
    let plan = harness.state().document().plan();
    for id in chosen {
        let post = plan.post(id).unwrap();
        assert_eq!((post.grade.0, post.fte), (2, 1.0), "{id}");
    }

    // Case-holding FTE 23.4 + 0.4 (J. Quinn from 0.6) + 0.2 (E. Lewis from 0.8) = 24.0, so
    // 573 cases / 24.0 = 23.875: shown as 23.9 twice (DfE definition and all available FTE).
    // Capacity 440.8 + 8 (J. Quinn: 20 x 0.4) + 7.2 (E. Lewis: 16 x 0.8 = 12.8 -> 20) = 456.0
    // points, so utilisation 665.4 / 456.0 = 145.9%.
    click(&mut harness, "Overview");
    assert_eq!(harness.query_all_by_label("23.9").count(), 2);
    harness.get_by_label("145.9%");
    assert!(harness.query_by_label("24.5").is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.query_all_by_label("24.5").count(), 2);
    harness.get_by_label("151.0%");
    assert!(
        !harness.state().document().can_undo(),
        "one step undid it all"
    );
}

#[test]
fn select_all_in_a_filter_and_make_the_agency_workers_permanent() {
    let mut harness = posts_view();
    search(&mut harness, "agency");
    click(&mut harness, "Select all 6");
    assert_shows(&harness, "6 posts selected");
    choose(&mut harness, "Selected posts' contract", "Permanent");
    click(&mut harness, "Apply to 6 posts");
    assert_shows(&harness, "Changed 6 posts");
    assert!(
        harness
            .state()
            .document()
            .plan()
            .posts
            .iter()
            .all(|p| p.contract.kind().label() != "Agency")
    );
    // Agency rate 6 / 32.4 = 18.5% before; no agency workers now.
    click(&mut harness, "Overview");
    harness.get_by_label("0.0%");
    assert!(harness.query_by_label("18.5%").is_none());
}

#[test]
fn ctrl_a_selects_every_post_the_filters_show_but_not_while_typing() {
    let mut harness = posts_view();
    search(&mut harness, "Locality North");
    // Typing: Ctrl+A selects the text in the field, not the posts.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert_shows(&harness, "No post selected");
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Overview");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    // The Posts table again, its 9 posts of Locality North chosen.
    assert_shows(&harness, "9 posts selected");
    harness.get_by_label("Apply to 9 posts");
    click(&mut harness, "Clear selection");
    assert_shows(&harness, "No post selected");
}

#[test]
fn deleting_the_posts_chosen_asks_first_naming_how_many() {
    let mut harness = posts_view();
    search(&mut harness, "Care Leavers");
    click_row(&mut harness, "W. Ellis", Modifiers::NONE);
    click_row(&mut harness, "X. Ford", Modifiers::COMMAND);
    click_row(&mut harness, "Y. Grant (agency)", Modifiers::COMMAND);
    click(&mut harness, "Delete 3 posts…");
    harness.get_by_label("Delete 3 posts?");
    click(&mut harness, "Keep");
    assert_shows(&harness, "6 teams · 38 posts");
    assert_shows(&harness, "3 posts selected");

    click(&mut harness, "Delete 3 posts…");
    click(&mut harness, "Delete 3 posts");
    assert_shows(&harness, "6 teams · 35 posts");
    assert_shows(&harness, "Deleted 3 posts");
    assert_shows(&harness, "No post selected");
    // Their 85 care-leaver cases (28 + 30 + 27) wait in Care Leavers, with its 5: 90.
    let plan = harness.state().document().plan();
    let waiting: u32 = plan.teams[4].unallocated.values().sum();
    assert_eq!(waiting, 90);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_shows(&harness, "6 teams · 38 posts");
}

#[test]
fn a_change_that_does_not_suit_some_posts_is_made_to_the_others_and_the_refusals_are_listed() {
    let mut harness = posts_view();
    // J. Brown works; post 6 beside him is a vacancy, which has nobody to be absent.
    click_row(&mut harness, "J. Brown", Modifiers::NONE);
    click_row(&mut harness, "K. Osei (agency)", Modifiers::SHIFT);
    search(&mut harness, "vacant");
    click_row_first(&mut harness, "Vacant");
    assert_shows(&harness, "3 posts selected (2 not shown by the filters)");

    choose(
        &mut harness,
        "Selected posts' status",
        "Maternity / parental leave",
    );
    type_month(&mut harness, "Expected return month", "2027-01");
    click(&mut harness, "Apply to 3 posts");
    let message = "Changed 2 posts; 1 refused: Vacant post 6 (Front Door and Assessment): it is \
                   vacant, with no worker to be absent";
    assert_shows(&harness, message);
    harness.get_by_label("Not changed:");
    let plan = harness.state().document().plan();
    assert_eq!(
        plan.post(PostId(2)).unwrap().status,
        PostStatus::Absent {
            reason: AbsenceReason::Maternity,
            returns: Some("2027-01".parse().unwrap())
        }
    );
    assert!(plan.post(PostId(6)).unwrap().is_vacant());
}

/// Ctrl+click on the first row showing `text` (several rows read "Vacant").
fn click_row_first(harness: &mut App<'_>, text: &str) {
    harness
        .query_all_by_label(text)
        .next()
        .unwrap()
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
}

#[test]
fn a_change_no_post_can_take_is_refused_with_its_reason() {
    let mut harness = posts_view();
    click_row(&mut harness, "J. Brown", Modifiers::NONE);
    click_row(&mut harness, "L. Chen", Modifiers::COMMAND);
    choose(&mut harness, "Selected posts' contract", "Fixed-term");
    // The form offers the plan's first twelve months; make the end come first.
    let end = "Selected posts' contract ends";
    harness.get_by_label(end).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(end).type_text("2026-01");
    harness.run();
    click(&mut harness, "Apply to 2 posts");
    assert_shows(
        &harness,
        "Not changed: Fixed-term contract ends (2026-01) before it starts (2026-04).",
    );
    assert_eq!(
        harness
            .state()
            .document()
            .plan()
            .post(PostId(2))
            .unwrap()
            .contract
            .kind()
            .label(),
        "Permanent"
    );
}
