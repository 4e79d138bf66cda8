//! Importing staff lists and caseload reports: invented exports in several councils' styles
//! (tests/import-files/, written by make_corpus.py there), figures counted by hand.

use caseload_planner::app::Document;
use caseload_planner::io::default_scenarios;
use caseload_planner::io::export::posts_csv;
use caseload_planner::io::import::{
    NoProgress, STAFF_LIST_TEMPLATE, SavedMapping, TableKind, load_mapping, read_table,
    read_table_bytes, save_mapping, sheet_names,
};
use caseload_planner::model::defaults::{self, grade};
use caseload_planner::model::import::{
    CaseTypeChoice, CaseloadMapping, ColumnRole, GradeChoice, ImportMapping, ImportPreview, Table,
    TeamChoice, preview, preview_cases,
};
use caseload_planner::model::{
    AbsenceReason, AgencyCover, Contract, NextIds, Plan, Post, PostStatus, ScenarioId,
    TeamFunction, YearMonth, apply, assess, validate,
};
use std::path::{Path, PathBuf};

fn file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import-files")
        .join(name)
}

fn table(name: &str) -> Table {
    read_table(&file(name), TableKind::StaffList, None, &NoProgress)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The file read, its columns and words guessed, for a new plan.
fn import_new(table: &Table) -> (ImportMapping, ImportPreview, Plan) {
    let base = defaults::new_plan();
    let mapping = ImportMapping::guess(table, &base);
    let preview = preview(table, &mapping, &base, NextIds::of(&base));
    (mapping, preview, base)
}

fn month(year: u16, month: u8) -> YearMonth {
    YearMonth::new(year, month).unwrap()
}

fn post<'a>(preview: &'a ImportPreview, worker: &str) -> &'a Post {
    preview
        .posts()
        .iter()
        .find(|p| p.worker.as_deref() == Some(worker))
        .unwrap_or_else(|| panic!("no post of {worker}"))
}

fn messages(preview: &ImportPreview) -> Vec<String> {
    preview.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn northshire_establishment_report_imports_with_the_hand_counted_figures() {
    let table = table("northshire-establishment.csv");
    // Two title rows and a blank row above the headings; a totals row under the posts.
    assert_eq!(table.heading_row, 4);
    let (_, preview, base) = import_new(&table);
    assert_eq!(messages(&preview), Vec::<String>::new());
    // 24 posts: 2 vacant (VACANT and Vacant), 22 filled of whom 3 are away; 22.5 FTE.
    assert_eq!(preview.posts().len(), 24);
    assert_eq!(
        (preview.filled(), preview.vacant(), preview.absent()),
        (22, 2, 3)
    );
    assert!((preview.fte() - 22.5).abs() < 1e-9);
    let teams: Vec<(&str, TeamFunction)> = preview
        .teams()
        .iter()
        .map(|t| (t.name.as_str(), t.function))
        .collect();
    assert_eq!(
        teams,
        [
            ("Service Management", TeamFunction::Other),
            ("MASH & Assessment", TeamFunction::FrontDoor),
            ("Locality North", TeamFunction::ChildInNeedProtection),
            ("Locality South", TeamFunction::ChildInNeedProtection),
            ("Children in Care", TeamFunction::ChildrenInCare),
            ("Leaving Care", TeamFunction::CareLeavers),
        ]
    );
    // Agency, locum and interim are agency; fixed term and temporary are fixed-term.
    let agency = preview
        .posts()
        .iter()
        .filter(|p| p.contract == Contract::Agency)
        .count();
    assert_eq!(agency, 3);
    assert_eq!(
        post(&preview, "Noah Green").contract,
        Contract::FixedTerm {
            start: month(2026, 6),
            end: month(2026, 11)
        }
    );
    assert_eq!(
        post(&preview, "Grace Lee").status,
        PostStatus::Absent {
            reason: AbsenceReason::Maternity,
            returns: Some(month(2027, 2))
        }
    );
    // In post since before the plan's start (April 2026): no start month to record.
    let harry = post(&preview, "Harry Evans");
    assert_eq!((harry.grade, harry.starts), (grade::ASYE, None));
    assert_eq!(post(&preview, "Priya Shah").grade, grade::SERVICE_MANAGER);
    assert_eq!(
        post(&preview, "Aisha Khan").grade,
        grade::SENIOR_PRACTITIONER
    );
    assert_eq!(
        preview.notes,
        ["1 row under the headings passed over: the headings again, or totals."]
    );
    assert_eq!(
        preview.post_for_number("n1012"),
        Some(post(&preview, "Isla Morgan").id)
    );

    let plan = preview.plan(&base);
    assert_eq!(validate(&plan), vec![]);
    // Case-holding FTE available: 22 filled less 3 away, less 4 team managers and the head of
    // service = 14 workers; 0.6 + 0.8 + 0.5 + 0.6 part time: 14 - 1.5 = 12.5.
    let case_holding = assess(&plan).service.sums.case_holding_grade_fte;
    assert!((case_holding - 12.5).abs() < 1e-9, "{case_holding}");
}

#[test]
fn westbridge_windows_1252_semicolon_export_keeps_its_accents_and_decimal_commas() {
    let table = table("westbridge-hr-export.csv");
    assert!(table.decimal_comma);
    let (mut mapping, first, base) = import_new(&table);
    assert_eq!(
        mapping.column(&table, ColumnRole::WeeklyHours),
        Some(5),
        "{:?}",
        mapping.roles(&table)
    );
    // A job title no grade fits: the row is refused until the user chooses.
    assert_eq!(
        messages(&first),
        [
            "row 10, column \"Post Title\": 'Business Support Officer' is not matched to one of \
          the plan's grades: choose one, or skip these rows"
        ]
    );
    assert_eq!(first.posts().len(), 8);

    // The user skips business support and names the cost centres as teams.
    mapping
        .grades
        .insert("Business Support Officer".into(), GradeChoice::Skip);
    for (code, name) in [
        ("CC4410 Locality North", "Locality North"),
        ("CC4420 Locality South", "Locality South"),
    ] {
        mapping
            .teams
            .insert(code.into(), TeamChoice::Team(name.into()));
    }
    mapping.fill_values(&table, &base);
    let preview = preview(&table, &mapping, &base, NextIds::of(&base));
    assert_eq!(messages(&preview), Vec::<String>::new());
    assert_eq!((preview.posts().len(), preview.rows_skipped), (8, 1));
    let names: Vec<&str> = preview.teams().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Locality North", "Locality South"]);
    assert!(
        preview
            .teams()
            .iter()
            .all(|t| t.function == TeamFunction::ChildInNeedProtection)
    );
    // Windows-1252 bytes: â, ë and á survive.
    for name in ["Siân Llewellyn", "Zoë Pritchard", "Seán O'Brien"] {
        post(&preview, name);
    }
    // 18,5 hours of 37 is 0.5 FTE; 30 hours is 30 / 37 = 0.8108.
    assert_eq!(post(&preview, "Zoë Pritchard").fte, 0.5);
    assert_eq!(post(&preview, "Mared Jones").fte, 0.8108);
    // "Level 3 Social Worker" is a social worker; a newly qualified worker starting in
    // September is a planned recruit.
    assert_eq!(post(&preview, "Rhys Morgan").grade, grade::SOCIAL_WORKER);
    let gwen = post(&preview, "Gwenllian Hughes");
    assert_eq!(
        (gwen.grade, gwen.starts),
        (grade::ASYE, Some(month(2026, 9)))
    );
    assert_eq!(preview.vacant(), 1);
}

#[test]
fn eastmoor_tab_separated_export_with_group_headings() {
    let table = table("eastmoor-staff.tsv");
    assert_eq!(table.heading_row, 3);
    let (_, preview, _) = import_new(&table);
    assert_eq!(messages(&preview), Vec::<String>::new());
    assert_eq!((preview.posts().len(), preview.vacant()), (8, 1));
    let functions: Vec<TeamFunction> = preview.teams().iter().map(|t| t.function).collect();
    assert_eq!(
        functions,
        [TeamFunction::FrontDoor, TeamFunction::ChildrenInCare]
    );
    assert_eq!(post(&preview, "Amara Okafor").grade, grade::TEAM_MANAGER);
    assert_eq!(post(&preview, "Bethany Cole").leaves, Some(month(2026, 8)));
    assert_eq!(
        post(&preview, "George Baxter").contract,
        Contract::FixedTerm {
            start: month(2026, 5),
            end: month(2027, 4)
        }
    );
    assert!(post(&preview, "Elliot Shaw").is_absent());
}

#[test]
fn southvale_workbook_is_read_from_its_first_sheet_with_dates_and_numbers() {
    let path = file("southvale-establishment.xlsx");
    assert_eq!(sheet_names(&path).unwrap(), ["Staff", "Notes"]);
    let table = table("southvale-establishment.xlsx");
    // A merged title, a blank row and merged group headings above the headings.
    assert_eq!(table.heading_row, 4);
    let (_, preview, _) = import_new(&table);
    assert_eq!(messages(&preview), Vec::<String>::new());
    assert_eq!((preview.posts().len(), preview.vacant()), (7, 1));
    let jess = post(&preview, "Jess Barnes");
    // 22.5 hours of 37; back in March 2027 (an Excel date).
    assert_eq!(jess.fte, 0.6081);
    assert_eq!(
        jess.status,
        PostStatus::Absent {
            reason: AbsenceReason::Maternity,
            returns: Some(month(2027, 3))
        }
    );
    assert_eq!(
        post(&preview, "Kwame Asante").contract,
        Contract::FixedTerm {
            start: month(2026, 4),
            end: month(2027, 3)
        }
    );
    // Staff ids are numbers in the workbook.
    assert_eq!(
        preview.post_for_number("31004"),
        Some(post(&preview, "Kwame Asante").id)
    );
    assert!(
        preview
            .teams()
            .iter()
            .all(|t| t.function == TeamFunction::ChildInNeedProtection)
    );

    let notes = read_table(&path, TableKind::StaffList, Some("notes"), &NoProgress);
    assert_eq!(
        notes.unwrap_err().to_string(),
        format!(
            "{}, sheet \"Notes\": it does not look like a table: no row has two or more columns \
             (columns are separated by commas, semicolons or tabs, or are a spreadsheet's columns)",
            path.display()
        )
    );
    let missing = read_table(&path, TableKind::StaffList, Some("Agency"), &NoProgress);
    assert_eq!(
        missing.unwrap_err().to_string(),
        format!(
            "{}: has no sheet called \"Agency\"; its sheets are \"Staff\", \"Notes\"",
            path.display()
        )
    );
}

/// Northshire's staff list as a plan, and its employee numbers' posts.
fn northshire_plan() -> (Plan, ImportPreview) {
    let (_, preview, base) = import_new(&table("northshire-establishment.csv"));
    (preview.plan(&base), preview)
}

#[test]
fn a_wide_caseload_report_is_matched_by_employee_number_and_applied_in_one_batch() {
    let (mut plan, staff) = northshire_plan();
    let cases = read_table(
        &file("northshire-caseloads.csv"),
        TableKind::Caseload,
        None,
        &NoProgress,
    )
    .unwrap();
    let mapping = CaseloadMapping::guess(&cases, &plan);
    let numbers = |n: &str| staff.post_for_number(n);
    let found = preview_cases(&cases, &mapping, &plan, &numbers);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let unmatched: Vec<String> = found
        .unmatched_rows
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        unmatched,
        ["row 16, column \"Allocated Worker\": 'Zara Quinn' is not a worker in the plan"]
    );
    // 14 workers (Sam Clarke with none); 8 + 15 + 9 + 13 + 15 + 12 + 15 + 17 + 15 + 7 + 15 +
    // 0 + 18 + 12 = 171 cases.
    assert_eq!((found.cases.len(), found.total()), (14, 171));
    let missing: Vec<&str> = found
        .workers_not_in_report
        .iter()
        .map(|(_, name)| name.as_str())
        .collect();
    assert_eq!(missing, ["Grace Lee", "Maya Patel", "Rachel Moore"]);
    let command = found.command(&plan);
    apply(&mut plan, command).unwrap();
    assert_eq!(validate(&plan), vec![]);
    assert_eq!(assess(&plan).service.sums.cases_allocated, 171);
    // Applied again, nothing changes: the batch is empty.
    assert_eq!(
        found.command(&plan),
        caseload_planner::model::Command::Batch(vec![])
    );
}

#[test]
fn a_long_caseload_report_names_workers_surname_first() {
    let (plan, _) = northshire_plan();
    let cases = read_table(
        &file("northshire-caseloads-long.csv"),
        TableKind::Caseload,
        None,
        &NoProgress,
    )
    .unwrap();
    let mut mapping = CaseloadMapping::guess(&cases, &plan);
    let none = |_: &str| None;
    let found = preview_cases(&cases, &mapping, &plan, &none);
    let problems: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "row 8, column \"Case Type\": 'Early Help' is not one of the plan's case types: \
          choose one, or skip these rows"
        ]
    );
    mapping
        .case_types
        .insert("Early Help".into(), CaseTypeChoice::Skip);
    let found = preview_cases(&cases, &mapping, &plan, &none);
    assert!(found.problems.is_empty() && found.unmatched_rows.is_empty());
    let ben = post_of(&plan, "Ben Carter");
    let held: Vec<(String, u32)> = found.cases[&ben]
        .iter()
        .map(|(id, n)| {
            (
                plan.case_types
                    .iter()
                    .find(|c| c.id == *id)
                    .unwrap()
                    .name
                    .clone(),
                *n,
            )
        })
        .collect();
    // Child in need on two rows: 4 + 1.
    assert_eq!(
        held,
        [("Child in need".into(), 5), ("Child protection".into(), 1)]
    );
    assert_eq!(found.total(), 2 + 6 + 1 + 5 + 14);
}

fn post_of(plan: &Plan, worker: &str) -> caseload_planner::model::PostId {
    plan.posts
        .iter()
        .find(|p| p.worker.as_deref() == Some(worker))
        .unwrap()
        .id
}

#[test]
fn the_example_plans_structure_round_trips_through_its_export_as_one_undo_step() {
    let set = default_scenarios();
    let csv = posts_csv(set.baseline());
    let table = read_table_bytes(
        csv.as_bytes(),
        Path::new("posts.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    for scenario in set.iter() {
        let shown = &scenario.plan;
        let table = if scenario.id == ScenarioId::BASELINE {
            table.clone()
        } else {
            let csv = posts_csv(shown);
            read_table_bytes(
                csv.as_bytes(),
                Path::new("x.csv"),
                TableKind::StaffList,
                None,
                &NoProgress,
            )
            .unwrap()
        };
        let mapping = ImportMapping::guess(&table, shown);
        let found = preview(&table, &mapping, shown, set.next_ids());
        assert_eq!(messages(&found), Vec::<String>::new());
        // Every post found again by its number, with its worker's cases.
        assert_eq!(found.structure.posts_kept, shown.posts.len());
        assert_eq!(
            (found.teams(), found.posts()),
            (&shown.teams[..], &shown.posts[..])
        );
    }

    // Replacing the baseline's structure with an edited export is one undo step.
    let edited = csv.replacen(",1,Permanent", ",0.5,Permanent", 1);
    let table = read_table_bytes(
        edited.as_bytes(),
        Path::new("edited.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    let mut doc = Document::with_scenarios(set.clone(), None);
    let mapping = ImportMapping::guess(&table, doc.plan());
    let found = preview(&table, &mapping, doc.plan(), doc.scenarios().next_ids());
    doc.apply(found.command()).unwrap();
    let changed: Vec<&Post> = doc
        .plan()
        .posts
        .iter()
        .zip(&set.baseline().posts)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a)
        .collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].fte, 0.5);
    assert!(doc.undo());
    assert_eq!(doc.plan(), set.baseline());
}

#[test]
fn the_example_exported_and_imported_into_a_new_plan_has_the_same_teams_and_posts() {
    let example = default_scenarios().baseline().clone();
    let csv = posts_csv(&example);
    let table = read_table_bytes(
        csv.as_bytes(),
        Path::new("p.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    let (_, found, base) = import_new(&table);
    assert_eq!(messages(&found), Vec::<String>::new());
    let plan = found.plan(&base);
    let teams = |p: &Plan| -> Vec<(String, TeamFunction)> {
        p.teams
            .iter()
            .map(|t| (t.name.clone(), t.function))
            .collect()
    };
    assert_eq!(teams(&plan), teams(&example));
    // The same posts, but for their ids and cases (which a staff list does not carry).
    let posts = |p: &Plan| -> Vec<String> {
        p.posts
            .iter()
            .map(|q| {
                format!(
                    "{} {:?} {} {:?} {} {:?} {:?} {:?} {:?}",
                    p.team(q.team).unwrap().name,
                    q.worker,
                    p.grade(q.grade).unwrap().name,
                    q.contract,
                    q.fte,
                    q.status,
                    q.starts,
                    q.leaves,
                    q.is_vacant()
                )
            })
            .collect()
    };
    assert_eq!(posts(&plan), posts(&example));
}

#[test]
fn the_template_imports_cleanly() {
    let table = read_table_bytes(
        STAFF_LIST_TEMPLATE.as_bytes(),
        Path::new("staff-list-template.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    let (_, found, _) = import_new(&table);
    assert_eq!(messages(&found), Vec::<String>::new());
    assert_eq!(
        (found.posts().len(), found.teams().len(), found.vacant()),
        (11, 2, 1)
    );
    // Casey Cover is the agency worker covering Morgan Demo's maternity leave.
    let covering: Vec<(&str, AgencyCover)> = found
        .posts()
        .iter()
        .filter(|p| p.contract == Contract::Agency)
        .map(|p| (p.worker.as_deref().unwrap_or(""), p.covers))
        .collect();
    assert_eq!(
        covering,
        [
            ("Pat Specimen", AgencyCover::Vacancy),
            ("Casey Cover", AgencyCover::Absence)
        ]
    );
}

#[test]
fn a_mapping_saved_this_month_reads_next_months_export_in_another_order() {
    let table = table("westbridge-hr-export.csv");
    let base = defaults::new_plan();
    let mut mapping = ImportMapping::guess(&table, &base);
    mapping
        .grades
        .insert("Business Support Officer".into(), GradeChoice::Skip);
    mapping.full_time_hours = 36.0;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("westbridge.mapping.ron");
    save_mapping(
        &SavedMapping::new(mapping.clone(), CaseloadMapping::default()),
        &path,
    )
    .unwrap();
    let loaded = load_mapping(&path).unwrap();
    assert_eq!(loaded.staff_list, mapping);

    // Next month: the same columns in another order, as UTF-8 with commas.
    let next = "Employment Type,Forename,Surname,Post Title,Cost Centre,Contracted Hours,Payroll Number\n\
                Permanent,Ffion,Evans,Business Support Officer,CC4420 Locality South,36,204419\n\
                Permanent,Rhys,Morgan,Level 3 Social Worker,CC4410 Locality North,18,204412\n";
    let table = read_table_bytes(
        next.as_bytes(),
        Path::new("next.csv"),
        TableKind::StaffList,
        None,
        &NoProgress,
    )
    .unwrap();
    let reused = ImportMapping::reuse(&loaded.staff_list, &table, &base);
    let found = preview(&table, &reused, &base, NextIds::of(&base));
    assert_eq!(messages(&found), Vec::<String>::new());
    assert_eq!((found.posts().len(), found.rows_skipped), (1, 1));
    // 18 hours of a 36-hour week.
    assert_eq!(found.posts()[0].fte, 0.5);

    std::fs::write(
        &path,
        "(version: 1, staff_list: (columns: {\"Name\": Nobody}))",
    )
    .unwrap();
    let error = load_mapping(&path).unwrap_err().to_string();
    assert!(error.contains("is not a mapping file: line 1"), "{error}");
    assert!(error.contains("a column's role"), "{error}");
    assert!(!error.contains("ColumnRole"), "{error}");
}
