//! Staffing mix: per team, who fills the posts (contracts, agency workers by what they cover,
//! vacancies, absences), the grade mix, and the mix targets, with every breach highlighted.

use super::theme;
use super::widgets::skipped_off_screen;
use crate::model::figures::{FigureId, figure};
use crate::model::{AgencyCover, Assessment, ContractKind, Plan, Totals};
use crate::text;
use egui::{RichText, Ui};

pub fn staffing_mix_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment) {
    let s = &plan.settings;
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        ui.heading("Staffing mix");
        ui.label(format!(
            "FTE in post by contract, absent staff included; agency workers by what they cover (only those covering a vacancy count in the vacancy rate, all count in the agency rate). Targets: agency rate at most {}, ASYE share at most {}, at most {} case-holders per team manager. Red: target breached.",
            text::percent(Some(s.max_agency_share)),
            text::percent(Some(s.max_asye_share)),
            text::decimal(s.max_span_of_control)
        ));
        ui.add_space(6.0);
        egui::Grid::new("mix-table").striped(true).num_columns(12).spacing([5.0, 4.0]).show(ui, |ui| {
            headings_ui(ui);
            for (team, a) in plan.teams.iter().zip(&assessment.teams) {
                if !skipped_off_screen(ui, ui.spacing().interact_size.y) {
                    mix_row_ui(ui, &team.name, &a.totals, plan);
                }
            }
            mix_row_ui(ui, "Whole service", &assessment.service, plan);
        });

        ui.add_space(12.0);
        ui.heading("Grade mix (FTE in post)");
        egui::Grid::new("grade-mix").striped(true).show(ui, |ui| {
            ui.strong("Team");
            for grade in &plan.grades {
                ui.strong(&grade.name);
            }
            ui.end_row();
            let rows = plan.teams.iter().map(|t| t.name.as_str()).chain(["Whole service"]);
            let totals = assessment.teams.iter().map(|a| &a.totals).chain([&assessment.service]);
            for (name, totals) in rows.zip(totals) {
                if skipped_off_screen(ui, ui.spacing().interact_size.y) {
                    continue;
                }
                team_name_ui(ui, name);
                for grade in &plan.grades {
                    let fte = totals.sums.fte_by_grade.get(&grade.id).copied().unwrap_or(0.0);
                    ui.label(if fte > 0.0 { text::fte(fte) } else { String::new() });
                }
                ui.end_row();
            }
        });
    });
}

/// The table's headings, on two lines where that keeps every column in view on a laptop, with
/// what the agency columns and the two rates count on hover.
fn headings_ui(ui: &mut Ui) {
    ui.strong("Team");
    ui.strong("Permanent");
    for cover in AgencyCover::ALL {
        ui.strong(format!("Agency:\n{}", cover.short()))
            .on_hover_text(format!(
                "Agency workers in post: {}.",
                cover.label().to_lowercase()
            ));
    }
    for heading in ["Fixed-\nterm", "Vacant", "Absent"] {
        ui.strong(heading);
    }
    ui.strong("Agency\nrate")
        .on_hover_text(figure(FigureId::AgencyRate).definition);
    ui.strong("Vacancy\nrate")
        .on_hover_text(figure(FigureId::VacancyRate).definition);
    ui.strong("ASYE\nshare");
    ui.strong("Per\nmanager");
    ui.end_row();
}

/// A team's name in a table's first column: cut with an ellipsis past a width (whole on
/// hover), so that every column fits beside the side panels at 1280x720.
fn team_name_ui(ui: &mut Ui, name: &str) {
    let size = egui::vec2(TEAM_COLUMN_WIDTH, ui.spacing().interact_size.y);
    let left = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, left, |ui| {
        ui.set_width(TEAM_COLUMN_WIDTH);
        ui.add(egui::Label::new(name).truncate());
    });
}

const TEAM_COLUMN_WIDTH: f32 = 114.0;

fn mix_row_ui(ui: &mut Ui, name: &str, t: &Totals, plan: &Plan) {
    let s = &plan.settings;
    let breach = |text: String, breached: bool| {
        if breached {
            RichText::new(text).color(theme::ALERT).strong()
        } else {
            RichText::new(text)
        }
    };
    team_name_ui(ui, name);
    ui.label(text::fte(t.fte_in_post(ContractKind::Permanent)));
    for cover in AgencyCover::ALL {
        ui.label(text::fte(t.sums.agency_fte_by_cover.get(cover)));
    }
    ui.label(text::fte(t.fte_in_post(ContractKind::FixedTerm)));
    ui.label(format!(
        "{} ({} FTE)",
        text::thousands(u64::from(t.sums.vacant_posts)),
        text::fte(t.sums.vacant_fte)
    ));
    ui.label(format!(
        "{} ({} FTE)",
        text::thousands(u64::from(t.sums.absent_posts)),
        text::fte(t.sums.absent_fte)
    ));
    let m = &t.mix;
    let agency_rate = figure(FigureId::AgencyRate).of(t);
    ui.label(breach(
        text::percent(agency_rate),
        agency_rate.is_some_and(|r| r > s.max_agency_share),
    ));
    ui.label(text::percent(figure(FigureId::VacancyRate).of(t)));
    ui.label(breach(
        text::percent(m.asye_share),
        m.asye_share.is_some_and(|r| r > s.max_asye_share),
    ));
    let no_manager = m.case_holders_per_manager.is_none() && t.sums.case_holders_in_post > 0;
    let span = if no_manager {
        "no manager".to_owned()
    } else {
        text::one_decimal(m.case_holders_per_manager)
    };
    ui.label(breach(
        span,
        no_manager
            || m.case_holders_per_manager
                .is_some_and(|x| x > s.max_span_of_control),
    ));
    ui.end_row();
}
