//! The projection month by month: every month figure of the catalogue on the expected path,
//! then, when the Monte Carlo bands have been worked out, the 10th, 50th and 90th percentiles
//! of each figure they follow.

use super::{Cell, ReportColumn, ReportTable};
use crate::model::figures::FIGURES;
use crate::model::projection::{Band3, Bands, Projection};
use crate::model::shown::month_label;

/// Reads one percentile of a band.
type Percentile = fn(&Band3) -> f64;

/// The percentiles of a band, with their headings' words.
const PERCENTILES: [(&str, Percentile); 3] = [
    ("10th percentile", |b| b.p10),
    ("50th percentile", |b| b.p50),
    ("90th percentile", |b| b.p90),
];

/// A row per month of `projection`; percentile columns only with `bands`.
pub fn projection_table(projection: &Projection, bands: Option<&Bands>) -> ReportTable {
    let figures: Vec<_> = FIGURES.iter().filter(|f| f.is_month_figure()).collect();
    // The bands that exist, each with its figure, in the catalogue's order.
    let banded: Vec<_> = bands
        .map(|bands| {
            figures
                .iter()
                .filter_map(|f| Some((*f, bands.of(f.id)?)))
                .collect()
        })
        .unwrap_or_default();
    let mut columns = vec![ReportColumn::text("Month")];
    columns.extend(
        figures
            .iter()
            .map(|f| ReportColumn::number(f.label, f.unit)),
    );
    for (figure, _) in &banded {
        for (words, _) in PERCENTILES {
            columns.push(ReportColumn::number(
                format!("{}, {words}", figure.label),
                figure.unit,
            ));
        }
    }
    let rows = projection
        .months
        .iter()
        .enumerate()
        .map(|(t, month)| {
            let mut row = vec![Cell::Text(month_label(month.month))];
            row.extend(
                figures
                    .iter()
                    .map(|f| Cell::number_or_empty(f.of_month(month))),
            );
            for (_, band) in &banded {
                for (_, percentile) in PERCENTILES {
                    row.push(Cell::number_or_empty(band.get(t).map(percentile)));
                }
            }
            row
        })
        .collect();
    let title = match bands {
        Some(b) => format!(
            "Projection month by month: expected path and range of outcomes ({} runs)",
            b.runs
        ),
        None => "Projection month by month: expected path".to_owned(),
    };
    ReportTable {
        name: "Projection".into(),
        title,
        columns,
        rows,
    }
}
