//! Bringing a real service in, as a user does it: File > Import staff list, the columns, what
//! the words mean, the preview, then the posts in a new plan (or in the scenario shown, one
//! undo step); a caseload report matched to the workers by employee number.

mod common;

use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import-files")
        .join(name)
}

fn click(harness: &mut App<'_>, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

fn shows(harness: &App<'_>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// What the input named `label` shows (a combo box's choice).
fn value_of(harness: &App<'_>, label: &str) -> String {
    harness.get_by_label(label).value().unwrap_or_default()
}

fn assert_shows(harness: &App<'_>, text: &str) {
    assert!(shows(harness, text), "the window should show {text:?}");
}

/// File > `entry`, then waits for the file (answered by the script) to be read.
fn from_file_menu(harness: &mut App<'_>, entry: &str) {
    click(harness, "File");
    click(harness, entry);
    common::wait_for_work(harness);
}

#[test]
fn an_hr_export_becomes_a_new_plan_and_its_caseload_report_its_cases() {
    let mut harness = common::app_harness(vec![
        Some(sample("northshire-establishment.csv")),
        Some(sample("northshire-caseloads.csv")),
    ]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    // Step 1: the headings were found under the report's title rows, each column guessed.
    assert_shows(&harness, "Import staff list: northshire-establishment.csv");
    assert_shows(&harness, "under the headings in row 4");
    let holds = |h: &App<'_>, heading: &str| value_of(h, &format!("What {heading} holds"));
    assert_eq!(holds(&harness, "Emp No"), "Employee or post number");
    assert_eq!(holds(&harness, "Team"), "Team or cost centre");
    assert_eq!(holds(&harness, "Contract Type"), "Contract");
    click(&mut harness, "Next");
    // Step 2: job titles to grades, teams (all new), contracts: "Locum" and "Interim" are
    // agency work, "Temporary" a fixed term.
    assert_shows(&harness, "Job titles: the grade of each");
    assert_eq!(
        value_of(&harness, "MASH & Assessment means"),
        "new team \"MASH & Assessment\""
    );
    assert_eq!(
        value_of(&harness, "Senior Social Worker means"),
        "Senior practitioner"
    );
    assert_eq!(
        value_of(&harness, "Locum means"),
        "agency, locum or interim"
    );
    assert_eq!(
        value_of(&harness, "Interim means"),
        "agency, locum or interim"
    );
    assert_eq!(
        value_of(&harness, "Temporary means"),
        "fixed term (needs an end date)"
    );
    click(&mut harness, "Next");
    // Step 3, hand-counted from the file: 24 posts (2 "Vacant"), Grace Lee on maternity leave,
    // Maya Patel sick, Sam Clarke seconded; 22.5 FTE as its Total row says (that row is not a
    // post); 6 teams.
    assert_shows(
        &harness,
        "24 posts: 22 filled, 2 vacant, 3 absent; 22.5 FTE; 6 teams (6 new).",
    );
    click(&mut harness, "Import 24 posts");
    assert_shows(&harness, "Imported 24 posts into a new plan");
    assert_shows(&harness, "Staff list: northshire-establishment");
    // Agency: Dan Osei (agency), Jack Price (locum), Olivia Hall (interim) = 3 of 20.5 FTE in
    // post: 14.6%. Vacancies: 2 vacant posts + 3 agency = 5 of 17.5 employed + 5: 22.2%.
    harness.get_by_label("14.6%");
    harness.get_by_label("22.2%");

    // The caseload report, matched by the employee numbers of the staff list just imported.
    from_file_menu(&mut harness, "Import caseloads…");
    assert_shows(&harness, "Import caseloads: northshire-caseloads.csv");
    // Aisha Khan 8, Ben Carter 15, Chloe Davies 9, Dan Osei 13, Faisal Ahmed 15, Harry Evans
    // 12, Isla Morgan 15, Jack Price 17, Liam Turner 15, Noah Green 7, Olivia Hall 15, Sam
    // Clarke 0, Tara Young 18, Umar Ali 12: 171 cases for 14 workers; Zara Quinn is nobody.
    assert_shows(&harness, "171 cases for 14 workers.");
    assert_shows(&harness, "Zara Quinn");
    click(&mut harness, "Import these caseloads");
    assert_shows(&harness, "Imported 171 cases for 14 workers");
    // Held by 13 available case-holders of 11.5 FTE (Sam Clarke, seconded, holds none):
    // 171 / 11.5 = 14.9 cases per case-holding FTE.
    assert!(harness.query_all_by_label("14.9").count() >= 1);
    // One undo step puts every count back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let plan = harness.state().document().plan().clone();
    assert_eq!(plan.posts.len(), 24);
    assert!(plan.posts.iter().all(|p| p.cases.values().all(|&n| n == 0)));
}

#[test]
fn importing_into_the_scenario_shown_is_one_undo_step() {
    let mut harness = common::app_harness(vec![Some(sample("northshire-establishment.csv"))]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    click(&mut harness, "3 Preview");
    click(&mut harness, "Baseline (its teams and posts replaced)");
    click(&mut harness, "Import 24 posts");
    assert_shows(&harness, "Imported the staff list");
    let doc = harness.state().document();
    assert_eq!(doc.plan().posts.len(), 24);
    assert_eq!(doc.plan().teams.len(), 6);
    // The example's own name and settings stay; only its structure was replaced.
    assert_eq!(doc.plan().name, "Stretched locality service (illustrative)");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.plan().posts.len(), 38);
    assert_eq!(doc.plan().teams.len(), 6);
    assert_eq!(doc.plan(), &caseload_planner::io::default_plan());
}

#[test]
fn a_file_that_is_not_a_table_says_so_and_changes_nothing() {
    let mut harness = common::app_harness(vec![Some(sample("binary-junk.bin"))]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    assert_shows(&harness, "The file could not be imported");
    assert_shows(&harness, "binary-junk.bin");
    assert_eq!(
        harness.state().document().plan(),
        &caseload_planner::io::default_plan()
    );
}

#[test]
fn the_posts_exported_as_csv_import_back_as_the_same_structure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("posts.csv");
    let mut harness = common::app_harness(vec![Some(out.clone()), Some(out.clone())]);
    harness.run();
    from_file_menu(&mut harness, "Export posts as CSV…");
    assert_shows(&harness, "Exported 38 posts to");
    from_file_menu(&mut harness, "Import staff list…");
    click(&mut harness, "3 Preview");
    click(&mut harness, "Baseline (its teams and posts replaced)");
    assert_shows(&harness, "38 posts: 33 filled, 5 vacant, 3 absent");
    click(&mut harness, "Import 38 posts");
    let plan = harness.state().document().plan();
    let example = caseload_planner::io::default_plan();
    assert_eq!(plan.teams, example.teams);
    let without_cases = |p: &caseload_planner::model::Plan| {
        p.posts
            .iter()
            .map(|post| {
                (
                    post.id,
                    post.team,
                    post.grade,
                    post.contract,
                    post.fte,
                    post.worker.clone(),
                    post.status,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(without_cases(plan), without_cases(&example));
}

#[test]
fn a_large_staff_list_is_previewed_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.csv");
    let mut csv = String::from("Name,Job Title,Team,FTE\n");
    for i in 0..5_000 {
        csv.push_str(&format!("Worker {i},Social Worker,Team {},1\n", i % 50));
    }
    std::fs::write(&path, csv).unwrap();
    let mut harness = common::app_harness(vec![Some(path)]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    click(&mut harness, "3 Preview");
    common::wait_for_work(&mut harness);
    assert_shows(
        &harness,
        "5,000 posts: 5,000 filled, 0 vacant, 0 absent; 5,000.0 FTE; 50 teams (50 new).",
    );
    click(&mut harness, "Import 5,000 posts");
    assert_eq!(harness.state().document().plan().posts.len(), 5_000);
}

#[test]
fn the_choices_made_are_saved_and_read_next_month_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let choices = dir.path().join("northshire-choices.ron");
    let staff = sample("northshire-establishment.csv");
    let mut harness = common::app_harness(vec![
        Some(staff.clone()),
        Some(choices.clone()),
        Some(staff),
        Some(choices.clone()),
    ]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    // This month the absence column is left out, and Locum Social Worker is a senior
    // practitioner (say the service grades its locums so).
    harness.get_by_label("What Absence Type holds").click();
    harness.run();
    click(&mut harness, "not read");
    click(&mut harness, "Next");
    harness.get_by_label("Locum Social Worker means").click();
    harness.run();
    click(&mut harness, "Senior practitioner");
    click(&mut harness, "Save these choices…");
    assert_shows(&harness, "Saved the import choices to");
    assert!(choices.exists());

    // Next month (the file read again): guessed afresh, then the saved choices used.
    from_file_menu(&mut harness, "Import staff list…");
    assert_eq!(value_of(&harness, "What Absence Type holds"), "Absence");
    click(&mut harness, "Use saved choices…");
    assert_eq!(value_of(&harness, "What Absence Type holds"), "not read");
    click(&mut harness, "Next");
    assert_eq!(
        value_of(&harness, "Locum Social Worker means"),
        "Senior practitioner"
    );
}

#[test]
fn a_staff_list_becomes_an_option_beside_the_baseline() {
    let mut harness = common::app_harness(vec![Some(sample("northshire-establishment.csv"))]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    click(&mut harness, "3 Preview");
    click(&mut harness, "a new option");
    click(&mut harness, "Import 24 posts");
    assert_shows(
        &harness,
        "Imported the staff list as the option \"Staff list: northshire-establishment\"",
    );
    let doc = harness.state().document();
    let option = doc
        .scenarios()
        .iter()
        .find(|s| s.name == "Staff list: northshire-establishment")
        .expect("the option is made");
    assert_eq!(option.plan.posts.len(), 24);
    assert_eq!(doc.active(), option.id, "the option is shown");
    assert_eq!(
        doc.scenarios().baseline(),
        &caseload_planner::io::default_plan(),
        "the baseline is untouched"
    );
}

#[test]
fn employee_numbers_of_one_plan_are_not_used_in_another() {
    let mut harness = common::app_harness(vec![
        Some(sample("northshire-establishment.csv")),
        Some(sample("northshire-caseloads.csv")),
    ]);
    harness.run();
    from_file_menu(&mut harness, "Import staff list…");
    click(&mut harness, "3 Preview");
    click(&mut harness, "Import 24 posts");
    // Another plan open: the staff list's numbers meant posts of the plan left behind.
    click(&mut harness, "File");
    click(&mut harness, "Open example");
    from_file_menu(&mut harness, "Import caseloads…");
    assert_shows(&harness, "0 cases for 0 workers.");
}
