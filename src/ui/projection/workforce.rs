//! The workforce's own flows, in the Projection view's assumptions: permanent staff's turnover
//! by length of service, new starters' induction, and planned intakes. Edits a copy of the
//! scenario's assumptions; the caller turns a change into one command.

use super::super::widgets::{combo, number_field};
use super::percent_input;
use crate::model::retention::{
    ILLUSTRATIVE_NOTE, Induction, Intake, MAX_BANDS, MAX_INDUCTION_MONTHS, MAX_INTAKE_WORKERS,
    MAX_SERVICE_MONTHS, ServiceBand, ServiceTurnover,
};
use crate::model::{Assumptions, GradeRole, Plan};
use crate::text::month_label;
use egui::Ui;

pub(super) fn workforce_ui(ui: &mut Ui, plan: &Plan, a: &mut Assumptions) {
    service_turnover_ui(ui, &mut a.service_turnover);
    ui.add_space(4.0);
    induction_ui(ui, &mut a.induction);
    ui.add_space(4.0);
    intakes_ui(ui, plan, &mut a.intakes);
}

fn service_turnover_ui(ui: &mut Ui, service: &mut Option<ServiceTurnover>) {
    let mut on = service.is_some();
    ui.checkbox(
        &mut on,
        "Permanent staff leave by length of service (instead of the one permanent rate)",
    );
    match (on, service.is_some()) {
        (true, false) => *service = Some(ServiceTurnover::default()),
        (false, true) => *service = None,
        _ => {}
    }
    let Some(s) = service else {
        return;
    };
    ui.weak(ILLUSTRATIVE_NOTE);
    let mut remove = None;
    let count = s.bands.len();
    let mut from = 0;
    egui::Grid::new("service-bands")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (i, band) in s.bands.iter_mut().enumerate() {
                let n = i + 1;
                ui.horizontal(|ui| match band.until_months.as_mut() {
                    Some(until) if i + 1 < count => {
                        ui.label(format!("From {from} to"));
                        number_field(
                            ui,
                            &format!("Service band {n} ends"),
                            until,
                            (from + 1)..=MAX_SERVICE_MONTHS,
                            0.2,
                            "months of service",
                        );
                        from = *until;
                    }
                    _ => {
                        ui.label(format!("Over {from} months of service"));
                    }
                });
                ui.horizontal(|ui| {
                    band.annual =
                        percent_input(ui, &format!("Service band {n} turnover"), band.annual);
                    ui.label("a year");
                    if count > 1 && ui.small_button("Remove").clicked() {
                        remove = Some(i);
                    }
                });
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        s.bands.remove(i);
    }
    if s.bands.len() < MAX_BANDS && ui.button("+ Add band").clicked() {
        // Split the last band: a new one ending a year after the last ending.
        let last_end = s.bands.iter().filter_map(|b| b.until_months).max();
        let until = last_end.map_or(12, |m| (m + 12).min(MAX_SERVICE_MONTHS));
        let annual = s.bands.last().map_or(0.1, |b| b.annual);
        let at = s.bands.len().saturating_sub(1);
        s.bands.insert(
            at,
            ServiceBand {
                until_months: Some(until),
                annual,
            },
        );
    }
    // Only the last band goes on; make it so whatever was removed.
    let last = s.bands.len().saturating_sub(1);
    for (i, band) in s.bands.iter_mut().enumerate() {
        if i == last {
            band.until_months = None;
        } else if band.until_months.is_none() {
            band.until_months = Some(MAX_SERVICE_MONTHS);
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("A post with no start month counts as");
        number_field(
            ui,
            "Service assumed without a start month",
            &mut s.unknown_service_months,
            0..=MAX_SERVICE_MONTHS,
            0.2,
            "months of service",
        );
        ui.weak("(fixed-term and agency staff keep their contract's rate)");
    });
}

fn induction_ui(ui: &mut Ui, induction: &mut Option<Induction>) {
    let mut on = induction.is_some();
    ui.checkbox(
        &mut on,
        "New starters have an induction, at part of full capacity",
    );
    match (on, induction.is_some()) {
        (true, false) => *induction = Some(Induction::default()),
        (false, true) => *induction = None,
        _ => {}
    }
    let Some(i) = induction else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("For");
        number_field(
            ui,
            "Induction months",
            &mut i.months,
            0..=MAX_INDUCTION_MONTHS,
            0.2,
            "months at",
        );
        i.share = percent_input(ui, "Induction share of capacity", i.share);
        ui.label("of full capacity");
        ui.weak("(illustrative: three months at half; use your own)");
    });
}

fn intakes_ui(ui: &mut Ui, plan: &Plan, intakes: &mut Vec<Intake>) {
    ui.strong("Planned intakes");
    let mut remove = None;
    for (i, intake) in intakes.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if intake_ui(ui, plan, i, intake) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        intakes.remove(i);
    }
    let (Some(team), Some(grade)) = (
        plan.teams.first(),
        plan.grades
            .iter()
            .find(|g| g.role == GradeRole::NewlyQualified)
            .or(plan.grades.first()),
    ) else {
        return;
    };
    if ui
        .button("+ Add intake")
        .on_hover_text(
            "Workers joining as new permanent posts, e.g. a cohort of newly qualified social \
             workers each September; they progress as ASYE posts do",
        )
        .clicked()
    {
        // The next September within the plan, else its first month.
        let timeline = plan.timeline;
        let month = (0..timeline.months.min(12))
            .filter_map(|t| timeline.month(t))
            .find(|m| m.month() == 9)
            .unwrap_or(timeline.start);
        intakes.push(Intake {
            team: team.id,
            grade: grade.id,
            month,
            workers: 4,
            every_year: true,
        });
    }
}

/// One intake on a line; true when Remove is clicked.
fn intake_ui(ui: &mut Ui, plan: &Plan, i: usize, intake: &mut Intake) -> bool {
    let n = i + 1;
    number_field(
        ui,
        &format!("Intake {n} workers"),
        &mut intake.workers,
        1..=MAX_INTAKE_WORKERS,
        0.2,
        "",
    );
    let grade_name = plan.grade(intake.grade).map_or("?", |g| g.name.as_str());
    combo(
        ui,
        &format!("Intake {n} grade"),
        ("intake-grade", i),
        grade_name,
        |ui| {
            for grade in &plan.grades {
                ui.selectable_value(&mut intake.grade, grade.id, &grade.name);
            }
        },
    );
    ui.label("workers join");
    let team_name = plan.team(intake.team).map_or("?", |t| t.name.as_str());
    combo(
        ui,
        &format!("Intake {n} team"),
        ("intake-team", i),
        team_name,
        |ui| {
            for team in &plan.teams {
                ui.selectable_value(&mut intake.team, team.id, &team.name);
            }
        },
    );
    ui.label("in month");
    let timeline = plan.timeline;
    let mut offset = timeline.offset(intake.month).max(0) as u32;
    if number_field(
        ui,
        &format!("Intake {n} month"),
        &mut offset,
        0..=timeline.months.saturating_sub(1),
        0.2,
        "",
    ) && let Some(month) = timeline.month(offset)
    {
        intake.month = month;
    }
    ui.weak(format!("({})", month_label(intake.month)));
    ui.checkbox(&mut intake.every_year, "and every year after");
    ui.small_button("Remove").clicked()
}
