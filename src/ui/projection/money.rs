//! The money settings of a scenario, in the Projection view's assumptions: investments, an
//! agency pay cap and a retention measure. Edits a copy of the scenario's assumptions; the
//! caller turns a change into one command. What they come to is in Compare.

use super::super::widgets::number_field;
use super::percent_input;
use crate::model::costs::MAX_RATE;
use crate::model::money::{
    AgencyCap, Investment, MAX_AMOUNT, MAX_INVESTMENT_MONTHS, RetentionMeasure,
};
use crate::model::{Assumptions, Plan};
use crate::text::{self, month_label};
use egui::Ui;

pub(super) fn money_ui(ui: &mut Ui, plan: &Plan, a: &mut Assumptions) {
    ui.label(
        "What this scenario spends on its changes, and what caps agency pay or keeps staff. \
         Compare shows each scenario's spend over the plan and when it breaks even with the \
         baseline.",
    );
    investments_ui(ui, plan, &mut a.investments);
    ui.add_space(4.0);
    agency_cap_ui(ui, &mut a.agency_cap);
    ui.add_space(4.0);
    measure_ui(ui, &mut a.retention_measure);
}

fn investments_ui(ui: &mut Ui, plan: &Plan, investments: &mut Vec<Investment>) {
    ui.strong("Investments");
    let mut remove = None;
    for (i, investment) in investments.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if investment_ui(ui, plan, i, investment) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        investments.remove(i);
    }
    if ui
        .button("+ Add investment")
        .on_hover_text("Money for a change: an edge-of-care team, a recruitment campaign…")
        .clicked()
    {
        investments.push(Investment {
            name: format!("Investment {}", investments.len() + 1),
            amount: 100_000.0,
            from: plan.timeline.start,
            months: 12,
        });
    }
}

/// One investment on a line; true when Remove is clicked.
fn investment_ui(ui: &mut Ui, plan: &Plan, i: usize, investment: &mut Investment) -> bool {
    let n = i + 1;
    ui.name_inputs(format!("Investment {n} name"), |ui| {
        ui.add_sized(
            egui::vec2(160.0, ui.spacing().interact_size.y),
            egui::TextEdit::singleline(&mut investment.name)
                .char_limit(crate::model::money::MAX_INVESTMENT_NAME_CHARS),
        )
    });
    ui.label("£");
    number_field(
        ui,
        &format!("Investment {n} amount"),
        &mut investment.amount,
        -MAX_AMOUNT..=MAX_AMOUNT,
        1000.0,
        "",
    );
    ui.label("from month");
    let timeline = plan.timeline;
    let mut offset = timeline.offset(investment.from).max(0) as u32;
    if number_field(
        ui,
        &format!("Investment {n} from month"),
        &mut offset,
        0..=timeline.months.saturating_sub(1),
        0.2,
        "",
    ) && let Some(month) = timeline.month(offset)
    {
        investment.from = month;
    }
    ui.weak(format!("({})", month_label(investment.from)));
    ui.label("over");
    number_field(
        ui,
        &format!("Investment {n} months"),
        &mut investment.months,
        1..=MAX_INVESTMENT_MONTHS,
        0.2,
        "months",
    );
    ui.weak(format!(
        "= {} a month",
        text::money(investment.amount / f64::from(investment.months.max(1)))
    ));
    ui.small_button("Remove").clicked()
}

fn agency_cap_ui(ui: &mut Ui, cap: &mut Option<AgencyCap>) {
    let mut on = cap.is_some();
    ui.checkbox(&mut on, "Agency pay is capped (a regional agreement)");
    match (on, cap.is_some()) {
        (true, false) => {
            *cap = Some(AgencyCap {
                max_day_rate: 350.0,
                still_covered: 1.0,
            })
        }
        (false, true) => *cap = None,
        _ => {}
    }
    let Some(c) = cap else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("No agency worker charged more than £");
        number_field(
            ui,
            "Agency pay cap",
            &mut c.max_day_rate,
            1.0..=MAX_RATE,
            1.0,
            "a day; under it",
        );
        c.still_covered = percent_input(ui, "Agency cover still found", c.still_covered);
        ui.label("of the vacancies agency staff would cover are still covered");
    });
}

fn measure_ui(ui: &mut Ui, measure: &mut Option<RetentionMeasure>) {
    let mut on = measure.is_some();
    ui.checkbox(&mut on, "A retention payment keeps staff");
    match (on, measure.is_some()) {
        (true, false) => {
            *measure = Some(RetentionMeasure {
                a_year_per_worker: 2_000.0,
                turnover_cut: 0.02,
            })
        }
        (false, true) => *measure = None,
        _ => {}
    }
    let Some(m) = measure else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("£");
        number_field(
            ui,
            "Retention payment a year",
            &mut m.a_year_per_worker,
            0.0..=MAX_AMOUNT,
            50.0,
            "a year to each employed worker (per FTE) lowers permanent turnover by",
        );
        let mut points = m.turnover_cut * 100.0;
        if number_field(
            ui,
            "Turnover lowered by",
            &mut points,
            0.0..=100.0,
            0.1,
            "points",
        ) {
            m.turnover_cut = points / 100.0;
        }
        ui.weak("(every band of service, when turnover is by length of service)");
    });
}
