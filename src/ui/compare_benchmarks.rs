//! Compare's benchmarks: each scenario's figures beside the council's published ones, its
//! statistical neighbours' median and England, with where each scenario would rank among all
//! councils ("the fixed-term option brings caseload from the fourth quarter to the second").

use super::benchmark::attribution_ui;
use crate::app::{Document, LoadedRelease};
use crate::model::ScenarioId;
use crate::model::benchmark::{Benchmark, Measure, PlanValues, benchmark, standing};
use crate::model::projection::Projection;
use crate::text;
use egui::{RichText, Ui};
use std::collections::HashMap;

/// Each scenario's expected projection, worked out once per revision of the plan (the
/// turnover compared is its first year).
#[derive(Default)]
pub struct ProjectionCache {
    revision: u64,
    projections: HashMap<ScenarioId, Projection>,
    /// Scenarios with a retention measure, projected without it (what the measure buys).
    without_measure: HashMap<ScenarioId, Projection>,
}

impl ProjectionCache {
    /// Scenario `id`'s expected path, worked out once per revision of the document.
    pub(super) fn of(&mut self, doc: &Document, id: ScenarioId) -> Option<&Projection> {
        self.keep_to(doc);
        let plan = &doc.scenarios().get(id)?.plan;
        Some(
            self.projections
                .entry(id)
                .or_insert_with(|| crate::model::projection::project(plan)),
        )
    }

    /// Scenario `id`'s expected path without its retention measure; `None` when it has none.
    pub(super) fn without_measure(
        &mut self,
        doc: &Document,
        id: ScenarioId,
    ) -> Option<&Projection> {
        self.keep_to(doc);
        let plan = &doc.scenarios().get(id)?.plan;
        plan.assumptions.retention_measure?;
        Some(self.without_measure.entry(id).or_insert_with(|| {
            let mut without = plan.clone();
            without.assumptions.retention_measure = None;
            crate::model::projection::project(&without)
        }))
    }

    /// Forgets what was worked out for an earlier revision of the document.
    fn keep_to(&mut self, doc: &Document) {
        if self.revision != doc.revision() {
            self.projections.clear();
            self.without_measure.clear();
            self.revision = doc.revision();
        }
    }
}

pub fn compare_benchmarks_ui(
    ui: &mut Ui,
    doc: &Document,
    columns: &[ScenarioId],
    published: Option<&LoadedRelease>,
    cache: &mut ProjectionCache,
) {
    let set = doc.scenarios();
    let Some(loaded) = published else {
        return;
    };
    let release = &loaded.release;
    ui.add_space(8.0);
    let Some(council) = set
        .baseline()
        .settings
        .council
        .as_deref()
        .and_then(|c| release.council(c))
    else {
        ui.weak(
            "Choose the plan's council in the Benchmarks view to see each scenario beside its \
             published figures.",
        );
        return;
    };
    let year = release.latest_year();
    ui.strong(format!(
        "Against published figures: {} and its statistical neighbours, {year}",
        council.name
    ));
    let values: Vec<PlanValues> = columns
        .iter()
        .map(|&id| {
            let projection = cache.of(doc, id);
            match doc.assessment_of(id) {
                Some(a) => crate::model::benchmark::plan_values(&a.service, projection),
                None => Measure::ALL.map(|m| (m, None)),
            }
        })
        .collect();
    egui::Grid::new("compare-benchmarks")
        .striped(true)
        .num_columns(3 + columns.len())
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong("");
            for &id in columns {
                ui.strong(set.get(id).map_or("", |s| s.name.as_str()));
            }
            ui.strong(format!("{} {year}", council.name));
            ui.strong("Neighbours' median");
            ui.strong("England");
            ui.end_row();
            for (m, measure) in Measure::ALL.into_iter().enumerate() {
                let b = benchmark(release, council, measure, year);
                ui.label(measure.label())
                    .on_hover_text(measure.definition());
                for scenario in &values {
                    ui.label(with_standing(release, &b, scenario[m].1));
                }
                let value = |v| text::figure_value(measure.unit(), v);
                ui.label(value(b.council));
                ui.label(value(b.neighbours.map(|s| s.median)));
                ui.label(value(b.england));
                ui.end_row();
            }
        });
    for (k, &id) in columns.iter().enumerate().skip(1) {
        let Some(option) = set.get(id) else { continue };
        let b = benchmark(release, council, Measure::Caseload, year);
        if let Some(line) = movement(release, &b, values[0][0].1, values[k][0].1) {
            ui.label(RichText::new(format!("{}: {line}", option.name)));
        }
    }
    attribution_ui(ui, &loaded.source.to_string());
}

/// "24.5 (fourth quarter)": the value and where it would rank among all councils.
fn with_standing(
    release: &crate::model::benchmark::Release,
    b: &Benchmark,
    value: Option<f64>,
) -> String {
    let shown = text::figure_value(b.measure.unit(), value);
    match value.and_then(|v| standing(release, b.measure, b.year, v)) {
        Some(s) => format!("{shown} ({})", s.quarter()),
        None => shown,
    }
}

/// How an option moves the caseload among councils: "caseload from 24.5 (fourth quarter of
/// councils) to 13.8 (first quarter); the neighbours' median is 17.8".
fn movement(
    release: &crate::model::benchmark::Release,
    b: &Benchmark,
    baseline: Option<f64>,
    option: Option<f64>,
) -> Option<String> {
    let (from, to) = (baseline?, option?);
    let quarter = |v| standing(release, b.measure, b.year, v).map(|s| s.quarter());
    let value = |v| text::figure_value(b.measure.unit(), Some(v));
    let median = b.neighbours.map_or(String::new(), |s| {
        format!("; the neighbours' median is {}", value(s.median))
    });
    Some(format!(
        "caseload from {} ({} of councils) to {} ({}){median}",
        value(from),
        quarter(from)?,
        value(to),
        quarter(to)?,
    ))
}
