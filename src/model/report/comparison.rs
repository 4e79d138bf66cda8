//! Scenarios side by side, as the Compare view shows them: a row per compared figure
//! ([`COMPARED`]), the baseline's value, then each option's value and its difference from the
//! baseline; and every option's list of changes against the baseline.

use super::{Cell, ReportColumn, ReportTable, unit_words};
use crate::model::anonymise::WorkerNames;
use crate::model::changes::changes_naming;
use crate::model::compare::{COMPARED, difference};
use crate::model::figures::figure;
use crate::model::{Assessment, ScenarioSet};

/// `scenarios` (name and assessment, the baseline first) side by side over the whole service.
/// Each row is one figure, so each number carries its figure's unit ([`Cell::Quantity`]).
pub fn comparison_table(scenarios: &[(&str, &Assessment)]) -> ReportTable {
    let mut columns = vec![ReportColumn::text("Figure"), ReportColumn::text("Unit")];
    for (k, (name, _)) in scenarios.iter().enumerate() {
        columns.push(ReportColumn::text(*name));
        if k > 0 {
            columns.push(ReportColumn::text(format!("{name} vs baseline")));
        }
    }
    let rows = COMPARED
        .iter()
        .map(|&id| {
            let figure = figure(id);
            let quantity =
                |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::Quantity(v, figure.unit));
            let mut row = vec![
                Cell::text(figure.label),
                Cell::text(unit_words(figure.unit)),
            ];
            let base = scenarios.first().and_then(|(_, a)| figure.of(&a.service));
            for (k, (_, a)) in scenarios.iter().enumerate() {
                let value = figure.of(&a.service);
                row.push(quantity(value));
                if k > 0 {
                    row.push(quantity(difference(value, base)));
                }
            }
            row
        })
        .collect();
    ReportTable {
        name: "Comparison".into(),
        title: "Comparison of scenarios, whole service".into(),
        columns,
        rows,
    }
}

/// Each option's changes against the baseline, one line a row; an option without any says so.
pub fn changes_table(set: &ScenarioSet, names: &WorkerNames) -> ReportTable {
    let mut rows = Vec::new();
    for option in set.options() {
        let list = changes_naming(set.baseline(), &option.plan, names);
        if list.is_empty() {
            rows.push(vec![
                Cell::text(option.name.as_str()),
                Cell::Empty,
                Cell::text("No changes from the baseline"),
            ]);
        }
        for change in list {
            rows.push(vec![
                Cell::text(option.name.as_str()),
                Cell::text(change.kind.label()),
                Cell::Text(change.text),
            ]);
        }
    }
    ReportTable {
        name: "Changes".into(),
        title: "Changes in each option against the baseline".into(),
        columns: vec![
            ReportColumn::text("Option"),
            ReportColumn::text("Change"),
            ReportColumn::text("What changes"),
        ],
        rows,
    }
}
