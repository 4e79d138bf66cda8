//! Cost rates (shared by every scenario) and what the shown scenario costs at them. The
//! defaults are illustrative and say so.

use super::widgets::number_field;
use crate::model::costs::{ILLUSTRATIVE_NOTE, MAX_DISCOUNT_RATE, MAX_RATE, annual_cost};
use crate::model::{Assessment, Command, ContractKind, Plan};
use crate::text;
use egui::{RichText, Ui};

pub fn cost_rates_ui(ui: &mut Ui, plan: &Plan, assessment: &Assessment, edits: &mut Vec<Command>) {
    ui.heading("Cost rates");
    ui.label(RichText::new(ILLUSTRATIVE_NOTE).color(super::theme::WARNING));
    let current = &plan.costs;
    let mut rates = current.clone();
    egui::Grid::new("cost-rates")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                "Grade",
                "Salary (1.0 FTE, before on-costs)",
                "Agency charge",
                "Employed, with on-costs",
                "Agency, a year",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for grade in &plan.grades {
                ui.label(&grade.name);
                for (map, what, speed, unit) in [
                    (&mut rates.salary, "salary", 100.0, "£ a year"),
                    (
                        &mut rates.agency_day_rate,
                        "agency day rate",
                        1.0,
                        "£ a day",
                    ),
                ] {
                    // Only an edit writes a rate, so a grade without one stays without.
                    let before = map.get(&grade.id).copied().unwrap_or(0.0);
                    let mut value = before;
                    let label = format!("{} {what}", grade.name);
                    number_field(ui, &label, &mut value, 0.0..=MAX_RATE, speed, unit);
                    if value != before {
                        map.insert(grade.id, value);
                    }
                }
                ui.label(text::money(rates.annual(
                    grade.id,
                    ContractKind::Permanent,
                    1.0,
                )));
                ui.label(text::money(rates.annual(
                    grade.id,
                    ContractKind::Agency,
                    1.0,
                )));
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        ui.label("Employer's on-costs");
        let mut shown = rates.on_costs * 100.0;
        let changed = number_field(
            ui,
            "On-costs as a share of salary",
            &mut shown,
            0.0..=100.0,
            0.5,
            "% of salary",
        );
        // Only a real edit converts back: 0.3 x 100 / 100 is not exactly 0.3.
        if changed {
            rates.on_costs = shown / 100.0;
        }
        ui.label("Agency working days a year");
        number_field(
            ui,
            "Agency working days a year",
            &mut rates.working_days,
            1.0..=366.0,
            1.0,
            "",
        );
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Recruiting a new starter costs £");
        number_field(
            ui,
            "Recruitment cost per new starter",
            &mut rates.cost_per_hire,
            0.0..=MAX_RATE,
            50.0,
            "(0: not counted; used for the recruitment a retention payment saves)",
        );
        ui.label("Spend over time is discounted at");
        let mut shown = rates.discount_rate * 100.0;
        if number_field(
            ui,
            "Discount rate a year",
            &mut shown,
            0.0..=MAX_DISCOUNT_RATE * 100.0,
            0.1,
            "% a year",
        ) {
            rates.discount_rate = shown / 100.0;
        }
        ui.weak("(0%: not discounted; HM Treasury's Green Book uses 3.5%)");
    });
    ui.label(
        "What an open case costs a year beyond the social workers (a child in care's \
         placement, say), for spend over time; 0: not counted.",
    );
    ui.horizontal_wrapped(|ui| {
        for case_type in &plan.case_types {
            let before = rates.case_costs.get(&case_type.id).copied().unwrap_or(0.0);
            let mut value = before;
            ui.label(&case_type.name);
            number_field(
                ui,
                &format!("{} cost a year", case_type.name),
                &mut value,
                0.0..=MAX_RATE,
                100.0,
                "£ a year",
            );
            if value != before {
                if value == 0.0 {
                    rates.case_costs.remove(&case_type.id);
                } else {
                    rates.case_costs.insert(case_type.id, value);
                }
            }
        }
    });
    if &rates != current {
        edits.push(Command::SetCostRates(rates));
    }

    let cost = annual_cost(assessment);
    let parts: Vec<String> = ContractKind::ALL
        .iter()
        .map(|kind| {
            format!(
                "{} {}",
                kind.label().to_lowercase(),
                text::money(cost.by_contract.get(kind).copied().unwrap_or(0.0))
            )
        })
        .collect();
    ui.label(format!(
        "This scenario costs {} a year ({}); {} per case of capacity ({}). Vacancies cost nothing unless covered by agency staff.",
        text::money(cost.total),
        parts.join(", "),
        cost.per_case_of_capacity
            .map_or_else(|| text::NO_VALUE.to_owned(), text::money),
        text::cases(assessment.service.capacity_cases)
    ));
}
