//! What the figures mean and what the plan assumes: every figure of the catalogue with its
//! definition, the plan's targets, the scenario's assumptions, the timeline, case weights,
//! grades and cost rates. One row an item, each value with its own unit.

use super::{Cell, ReportColumn, ReportTable, unit_words};
use crate::model::anonymise::WorkerNames;
use crate::model::costs::{CostRates, ILLUSTRATIVE_NOTE};
use crate::model::demand_flows::FlowChange;
use crate::model::figures::{FIGURES, Unit};
use crate::model::shown::month_label;
use crate::model::{DemandChange, Plan};

/// One row: section, item, value, note.
struct Rows(Vec<Vec<Cell>>);

impl Rows {
    fn add(&mut self, section: &str, item: &str, value: Cell, note: &str) {
        let unit = match value {
            Cell::Quantity(_, unit) => Cell::text(unit_words(unit)),
            _ => Cell::Empty,
        };
        let note = if note.is_empty() {
            Cell::Empty
        } else {
            Cell::text(note)
        };
        self.0.push(vec![
            Cell::text(section),
            Cell::text(item),
            value,
            unit,
            note,
        ]);
    }
}

/// The scenario's demand flows (months open by case type, new cases entered, levers) and its
/// protected time, when it has any: a plan that never set them reads as before.
fn flows_and_protected_time(rows: &mut Rows, plan: &Plan) {
    let a = &plan.assumptions;
    let flows = &a.flows;
    let type_name = |id| {
        plan.case_types
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let team_name = |id: Option<crate::model::TeamId>| match id {
        None => "every team".to_owned(),
        Some(id) => plan
            .team(id)
            .map_or_else(|| id.to_string(), |t| t.name.clone()),
    };
    if !flows.is_empty() {
        for case_type in &plan.case_types {
            let months = flows.months_open(case_type.id, &case_type.name);
            let entered = flows
                .months_open
                .iter()
                .any(|m| m.case_type == case_type.id);
            rows.add(
                "Demand flow",
                &format!("Months open, {}", case_type.name),
                Cell::Number(months),
                if entered {
                    "Average months a case stays open."
                } else {
                    "Average months a case stays open (illustrative default)."
                },
            );
        }
        for n in &flows.new_cases {
            rows.add(
                "Demand flow",
                &format!(
                    "New cases a month, {}, {}",
                    team_name(Some(n.team)),
                    type_name(n.case_type)
                ),
                Cell::Number(n.per_month),
                "Entered; other teams and types keep today's cases steady.",
            );
        }
        for (i, lever) in flows.levers.iter().enumerate() {
            let (what, value) = match lever.change {
                FlowChange::NewCases { case_type, by } => (
                    format!("new {} cases", type_name(case_type)),
                    Cell::Quantity(by, Unit::Percent),
                ),
                FlowChange::MonthsOpen { case_type, by } => (
                    format!("months a {} case stays open", type_name(case_type)),
                    Cell::Quantity(by, Unit::Percent),
                ),
                FlowChange::Divert { from, to, share } => (
                    format!(
                        "new {} cases coming in as {}",
                        type_name(from),
                        type_name(to)
                    ),
                    Cell::Quantity(share, Unit::Percent),
                ),
            };
            rows.add(
                "Demand lever",
                &format!("Lever {}: {what}, {}", i + 1, team_name(lever.team)),
                value,
                &format!(
                    "From {}, full effect after {} months.",
                    month_label(lever.from),
                    lever.ramp_months.max(1)
                ),
            );
        }
    }
    if let Some(rule) = &a.protected_time {
        let grades: Vec<&str> = plan
            .grades
            .iter()
            .filter(|g| rule.grades.contains(&g.id))
            .map(|g| g.name.as_str())
            .collect();
        rows.add(
            "Assumption",
            "Protected time",
            Cell::Quantity(rule.share, Unit::Percent),
            &format!(
                "Of the time of every post at: {}.",
                if grades.is_empty() {
                    "no grade".to_owned()
                } else {
                    grades.join(", ")
                }
            ),
        );
    }
}

/// The scenario's workforce settings, when it has any: turnover by length of service,
/// induction and intakes.
fn workforce_settings(rows: &mut Rows, plan: &Plan) {
    let a = &plan.assumptions;
    if let Some(service) = &a.service_turnover {
        let mut from = 0;
        for band in &service.bands {
            let item = match band.until_months {
                Some(until) => format!("Turnover, {from} to {until} months of service"),
                None => format!("Turnover, over {from} months of service"),
            };
            from = band.until_months.unwrap_or(from);
            rows.add(
                "Workforce",
                &item,
                Cell::Quantity(band.annual, Unit::Percent),
                "A year, permanent staff; fixed-term and agency staff keep their contract's rate.",
            );
        }
        rows.add(
            "Workforce",
            "Service assumed without a start month",
            Cell::Number(f64::from(service.unknown_service_months)),
            "Months.",
        );
    }
    if let Some(induction) = &a.induction {
        rows.add(
            "Workforce",
            &format!("Induction, first {} months", induction.months),
            Cell::Quantity(induction.share, Unit::Percent),
            "Share of full capacity a new starter has meanwhile.",
        );
    }
    for (i, intake) in a.intakes.iter().enumerate() {
        let grade = plan.grade(intake.grade).map_or("?", |g| g.name.as_str());
        let team = plan.team(intake.team).map_or("?", |t| t.name.as_str());
        rows.add(
            "Workforce",
            &format!("Intake {}: {grade}, {team}", i + 1),
            Cell::Number(f64::from(intake.workers)),
            &format!(
                "Workers starting in {}{}.",
                month_label(intake.month),
                if intake.every_year {
                    " and every year after"
                } else {
                    ""
                }
            ),
        );
    }
}

/// The scenario's money settings, when it has any: investments, an agency pay cap, a retention
/// payment.
fn money_settings(rows: &mut Rows, plan: &Plan) {
    let a = &plan.assumptions;
    for (i, investment) in a.investments.iter().enumerate() {
        rows.add(
            "Money",
            &format!("Investment {}: {}", i + 1, investment.name),
            Cell::Quantity(investment.amount, Unit::Money),
            &format!(
                "Spread evenly over {} months from {}.",
                investment.months.max(1),
                month_label(investment.from)
            ),
        );
    }
    if let Some(cap) = &a.agency_cap {
        rows.add(
            "Money",
            "Agency pay cap",
            Cell::Quantity(cap.max_day_rate, Unit::Money),
            &format!(
                "A day at most; {}% of the vacancies agency staff would cover still covered.",
                crate::model::shown::number(cap.still_covered * 100.0)
            ),
        );
    }
    if let Some(measure) = &a.retention_measure {
        rows.add(
            "Money",
            "Retention payment",
            Cell::Quantity(measure.a_year_per_worker, Unit::Money),
            &format!(
                "A year per employed FTE; permanent turnover {} points lower.",
                crate::model::shown::number(measure.turnover_cut * 100.0)
            ),
        );
    }
}

/// The definitions, targets, assumptions and rates behind `plan`'s figures. The plan's notes
/// are free text that may name people, so an anonymised table leaves them out.
pub fn definitions_table(plan: &Plan, names: &WorkerNames) -> ReportTable {
    let mut rows = Rows(Vec::new());
    let q = Cell::Quantity;

    rows.add("Plan", "Name", Cell::text(plan.name.as_str()), "");
    if names.is_anonymised() {
        rows.add(
            "Plan",
            "Workers' names",
            Cell::text("Replaced by their grade and a number"),
            "The same worker has the same number in every scenario.",
        );
    } else if !plan.notes.is_empty() {
        rows.add("Plan", "Notes", Cell::text(plan.notes.as_str()), "");
    }
    let timeline = plan.timeline;
    rows.add(
        "Timeline",
        "First month",
        Cell::Text(month_label(timeline.start)),
        "",
    );
    rows.add(
        "Timeline",
        "Months projected",
        Cell::Number(f64::from(timeline.months)),
        "",
    );

    for figure in &FIGURES {
        rows.add("Figure", figure.label, Cell::Empty, figure.definition);
    }

    let s = &plan.settings;
    rows.add(
        "Target",
        "Caseload target",
        q(s.caseload_target, Unit::Caseload),
        "A team above it is flagged.",
    );
    rows.add(
        "Target",
        "Amber from",
        q(s.amber_from, Unit::Percent),
        "Utilisation at which a post or team is at capacity.",
    );
    rows.add(
        "Target",
        "Red from",
        q(s.red_from, Unit::Percent),
        "Utilisation at which a post or team is over capacity.",
    );
    rows.add(
        "Target",
        "Highest agency rate",
        q(s.max_agency_share, Unit::Percent),
        "",
    );
    rows.add(
        "Target",
        "Highest ASYE share",
        q(s.max_asye_share, Unit::Percent),
        "",
    );
    rows.add(
        "Target",
        "Most case-holders per team manager",
        q(s.max_span_of_control, Unit::Ratio),
        "",
    );
    if let Some(council) = &s.council {
        rows.add(
            "Target",
            "Council compared with",
            Cell::text(council.as_str()),
            "",
        );
    }

    let a = &plan.assumptions;
    let turnover = "Share of workers on this contract leaving in a year.";
    rows.add(
        "Assumption",
        "Turnover, permanent",
        q(a.turnover.permanent, Unit::Percent),
        turnover,
    );
    rows.add(
        "Assumption",
        "Turnover, fixed-term",
        q(a.turnover.fixed_term, Unit::Percent),
        turnover,
    );
    rows.add(
        "Assumption",
        "Turnover, agency",
        q(a.turnover.agency, Unit::Percent),
        turnover,
    );
    let recruit = if a.recruit { "Yes" } else { "No" };
    rows.add(
        "Assumption",
        "Vacancies recruited to",
        Cell::text(recruit),
        "",
    );
    rows.add(
        "Assumption",
        "Months to fill a vacancy",
        Cell::Number(a.months_to_fill),
        "On average.",
    );
    rows.add(
        "Assumption",
        "Vacancies covered by agency staff",
        q(a.agency_cover, Unit::Percent),
        "While they are recruited to.",
    );
    for team in &plan.teams {
        let Some(change) = a.demand.get(&team.id) else {
            continue;
        };
        let item = format!("Demand change, {}", team.name);
        match *change {
            DemandChange::MonthlyGrowth(rate) => {
                rows.add("Assumption", &item, q(rate, Unit::Percent), "A month.")
            }
            DemandChange::Target { cases, months } => rows.add(
                "Assumption",
                &item,
                q(cases, Unit::Cases),
                &format!("Cases, evenly over {months} months, then steady."),
            ),
        }
    }

    flows_and_protected_time(&mut rows, plan);
    workforce_settings(&mut rows, plan);
    money_settings(&mut rows, plan);

    for case_type in &plan.case_types {
        let note = if case_type.must_allocate {
            "Points a case counts for. Must always be allocated."
        } else {
            "Points a case counts for."
        };
        let item = format!("Case weight, {}", case_type.name);
        rows.add("Case type", &item, Cell::Number(case_type.weight), note);
    }
    for grade in &plan.grades {
        let note = if grade.holds_cases {
            "Points a full-time worker can carry; holds cases."
        } else {
            "Points a full-time worker can carry; holds no cases."
        };
        let item = format!("Capacity, {}", grade.name);
        rows.add("Grade", &item, Cell::Number(grade.capacity_points), note);
    }

    let costs = &plan.costs;
    if *costs == CostRates::illustrative_for(&plan.grades) {
        rows.add(
            "Cost rate",
            "These rates",
            Cell::text("Illustrative"),
            ILLUSTRATIVE_NOTE,
        );
    }
    for grade in &plan.grades {
        if let Some(&salary) = costs.salary.get(&grade.id) {
            let item = format!("Salary, {}", grade.name);
            rows.add(
                "Cost rate",
                &item,
                q(salary, Unit::Money),
                "A year at 1.0 FTE, before on-costs.",
            );
        }
        if let Some(&rate) = costs.agency_day_rate.get(&grade.id) {
            let item = format!("Agency day rate, {}", grade.name);
            rows.add(
                "Cost rate",
                &item,
                q(rate, Unit::Money),
                "A day at 1.0 FTE.",
            );
        }
    }
    rows.add(
        "Cost rate",
        "Employer's on-costs",
        q(costs.on_costs, Unit::Percent),
        "Pension and national insurance, as a share of salary.",
    );
    rows.add(
        "Cost rate",
        "Working days in a year",
        Cell::Number(costs.working_days),
        "For agency day rates.",
    );
    for case_type in &plan.case_types {
        if let Some(&cost) = costs.case_costs.get(&case_type.id) {
            rows.add(
                "Cost rate",
                &format!("Cost a year of an open case, {}", case_type.name),
                q(cost, Unit::Money),
                "Beyond the staff who hold it (a placement, say); in spend over time.",
            );
        }
    }
    if costs.cost_per_hire > 0.0 {
        rows.add(
            "Cost rate",
            "Recruiting a new starter",
            q(costs.cost_per_hire, Unit::Money),
            "For the recruitment a retention payment avoids.",
        );
    }
    if costs.discount_rate > 0.0 {
        rows.add(
            "Cost rate",
            "Discount rate",
            q(costs.discount_rate, Unit::Percent),
            "A year, for spend over time.",
        );
    }

    ReportTable {
        name: "Definitions and assumptions".into(),
        title: "Definitions and assumptions".into(),
        columns: vec![
            ReportColumn::text("Section"),
            ReportColumn::text("Item"),
            ReportColumn::text("Value"),
            ReportColumn::text("Unit"),
            ReportColumn::text("Definition or note"),
        ],
        rows: rows.0,
    }
}
