//! A row per team and one for the whole service, with every team figure of the catalogue; and
//! the alerts, the whole service's first, as the Overview lists them.

use super::{Cell, ReportColumn, ReportTable};
use crate::model::figures::FIGURES;
use crate::model::{Assessment, Plan, Totals};

/// What the row of the whole service is called.
pub const WHOLE_SERVICE: &str = "Whole service";

/// Each team's figures, then the whole service's.
pub fn teams_table(plan: &Plan, assessment: &Assessment) -> ReportTable {
    let figures: Vec<_> = FIGURES.iter().filter(|f| f.is_team_figure()).collect();
    let mut columns = vec![ReportColumn::text("Team"), ReportColumn::text("Function")];
    columns.extend(
        figures
            .iter()
            .map(|f| ReportColumn::number(f.label, f.unit)),
    );
    let row = |name: &str, function: Cell, totals: &Totals| {
        let mut row = vec![Cell::text(name), function];
        row.extend(figures.iter().map(|f| Cell::number_or_empty(f.of(totals))));
        row
    };
    let mut rows: Vec<Vec<Cell>> = plan
        .teams
        .iter()
        .filter_map(|team| {
            let totals = &assessment.team(team.id)?.totals;
            Some(row(&team.name, Cell::text(team.function.label()), totals))
        })
        .collect();
    rows.push(row(WHOLE_SERVICE, Cell::Empty, &assessment.service));
    ReportTable {
        name: "Teams".into(),
        title: "Teams and the whole service".into(),
        columns,
        rows,
    }
}

/// Every target breached: the whole service's first, then each team's, red alerts first.
pub fn alerts_table(plan: &Plan, assessment: &Assessment) -> ReportTable {
    let mut rows = Vec::new();
    let mut add = |team: &str, totals: &Totals| {
        for flag in &totals.flags {
            let severity = if flag.is_red() { "Alert" } else { "Warning" };
            rows.push(vec![
                Cell::text(team),
                Cell::text(severity),
                Cell::Text(capitalised(&flag.to_string())),
            ]);
        }
    };
    add(WHOLE_SERVICE, &assessment.service);
    for team in &plan.teams {
        if let Some(a) = assessment.team(team.id) {
            add(&team.name, &a.totals);
        }
    }
    ReportTable {
        name: "Alerts".into(),
        title: "Alerts".into(),
        columns: vec![
            ReportColumn::text("Team"),
            ReportColumn::text("Severity"),
            ReportColumn::text("Alert"),
        ],
        rows,
    }
}

/// A message as a sentence of its own: first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
