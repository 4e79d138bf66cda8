//! The comparison of scenarios, as Compare shows it: each compared figure of the catalogue for
//! every scenario, with each option's difference from the baseline coloured by whether it is
//! better or worse; then what the posts an option adds would cost from an agency.

use super::super::flow::{Flow, NOTE};
use super::super::table::{Cell, Column, Table, Tone};
use crate::model::compare::{COMPARED, agency_alternative, difference};
use crate::model::figures::{Better, figure};
use crate::model::{Assessment, Scenario};
use crate::text;

/// A scenario with its assessment.
pub type Assessed<'a> = (&'a Scenario, &'a Assessment);

fn tone(better: Better, delta: f64) -> Tone {
    match better {
        _ if delta.abs() < 1e-9 => Tone::Plain,
        Better::Higher if delta > 0.0 => Tone::Good,
        Better::Lower if delta < 0.0 => Tone::Good,
        Better::Neither => Tone::Plain,
        _ => Tone::Bad,
    }
}

/// The table of compared figures: the baseline's value, then each option's value and its
/// difference from the baseline.
pub fn comparison_table(scenarios: &[Assessed]) -> Table {
    let Some(((baseline, _), options)) = scenarios.split_first() else {
        return Table::new("Figures side by side", Vec::new(), Vec::new());
    };
    let mut columns = vec![
        Column::text("Figure"),
        Column::number(baseline.name.clone()),
    ];
    for (option, _) in options {
        columns.push(Column::number(option.name.clone()));
        columns.push(Column::number("Difference"));
    }
    let base_totals = &scenarios[0].1.service;
    let rows = COMPARED
        .iter()
        .map(|&id| {
            let f = figure(id);
            let base = f.of(base_totals);
            let mut row = vec![
                Cell::plain(f.label),
                Cell::plain(text::figure_value(f.unit, base)),
            ];
            for (_, assessment) in options {
                let value = f.of(&assessment.service);
                row.push(Cell::plain(text::figure_value(f.unit, value)));
                row.push(match difference(value, base) {
                    Some(delta) => Cell::toned(
                        text::figure_difference(f.unit, delta),
                        tone(f.better, delta),
                    ),
                    None => Cell::plain(text::NO_VALUE),
                });
            }
            row
        })
        .collect();
    Table::new("Figures side by side", columns, rows)
}

/// What the posts each option adds cost, on their own contracts and from an agency: one
/// sentence per option that adds filled posts.
pub fn agency_alternatives(flow: &mut Flow, scenarios: &[Assessed]) {
    let Some(((baseline, base_assessment), options)) = scenarios.split_first() else {
        return;
    };
    for (option, assessment) in options {
        let Some(alt) =
            agency_alternative(&baseline.plan, base_assessment, &option.plan, assessment)
        else {
            continue;
        };
        let per_case = |v: Option<f64>| v.map_or_else(|| text::NO_VALUE.to_owned(), text::money);
        flow.paragraph(
            &format!(
                "{}: the {} it adds ({} FTE) cost {} a year ({} a case of capacity added); filled by agency staff they would cost {} ({} a case).",
                option.name,
                text::count(alt.added_posts as u64, "filled post", "filled posts"),
                text::fte(alt.added_fte),
                text::money(alt.own_cost),
                per_case(alt.own_per_case()),
                text::money(alt.agency_cost),
                per_case(alt.agency_per_case()),
            ),
            NOTE.colour(super::super::canvas::Colour::TEXT),
        );
    }
    flow.gap(8.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_is_good_or_bad_as_the_figure_says() {
        assert_eq!(tone(Better::Higher, 3.0), Tone::Good);
        assert_eq!(tone(Better::Higher, -3.0), Tone::Bad);
        assert_eq!(tone(Better::Lower, -0.5), Tone::Good);
        assert_eq!(tone(Better::Lower, 0.5), Tone::Bad);
        assert_eq!(tone(Better::Neither, 5.0), Tone::Plain);
        assert_eq!(tone(Better::Higher, 0.0), Tone::Plain);
    }
}
