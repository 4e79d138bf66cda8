//! What an agency worker covers, set in the inspector and seen in the Staffing mix view
//! (egui_kittest): the DfE's vacancy rate counts only agency workers covering a vacancy, its
//! agency rate counts them all.

mod common;

use caseload_planner::model::{AgencyCover, PostId};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// How many times `text` is shown, whole.
fn shown(harness: &App<'_>, text: &str) -> usize {
    harness.query_all_by_label(text).count()
}

#[test]
fn an_agency_worker_covering_an_absence_lowers_the_vacancy_rate_not_the_agency_rate() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    click(&mut harness, "Staffing mix");
    // Whole service: employed 25.4 permanent + 1 fixed-term = 26.4 FTE in post; 6 agency
    // workers, all covering vacancies; 5 vacant posts of 1 FTE.
    // Agency rate 6 / (6 + 26.4) = 18.5%; vacancy rate (5 + 6) / (11 + 26.4) = 29.4%.
    // Front Door: 5 permanent, K. Osei (agency), 1 vacant: (1 + 1) / (2 + 5) = 28.6%.
    assert_eq!(shown(&harness, "18.5%"), 1);
    assert_eq!(shown(&harness, "29.4%"), 1);
    assert_eq!(shown(&harness, "28.6%"), 1);

    click(&mut harness, "K. Osei (agency) · Social worker · 26");
    harness
        .get_by_role_and_label(Role::ComboBox, "Covering")
        .click();
    harness.run();
    click(&mut harness, "Covering an absence");
    let plan = harness.state().document().plan();
    assert_eq!(plan.post(PostId(3)).unwrap().covers, AgencyCover::Absence);

    // K. Osei is still agency: 6 / 32.4 = 18.5% as before. He no longer fills a vacancy:
    // (5 + 5) / (10 + 26.4) = 27.5% for the service; Front Door 1 / (1 + 5) = 16.7%.
    assert_eq!(shown(&harness, "18.5%"), 1);
    assert_eq!(shown(&harness, "29.4%"), 0);
    assert_eq!(shown(&harness, "27.5%"), 1);
    assert_eq!(shown(&harness, "28.6%"), 0);
    // 16.7% was shown twice (Front Door's agency rate 1 / 6 and Children in Care's ASYE
    // share); Front Door's vacancy rate now reads the same.
    assert_eq!(shown(&harness, "16.7%"), 3);
}
