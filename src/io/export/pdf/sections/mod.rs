//! The report's sections in order, laid out into pages: the title page (`title.rs`); the
//! headline figures and alerts (`headline.rs`); the team charts and the table of teams; the
//! projection's charts (`charts.rs`); the comparison and each option's changes
//! (`comparison.rs`); the targets, assumptions and cost rates, and what every figure means;
//! then, as appendices, the projection month by month and the posts (`tables.rs`).

mod charts;
mod comparison;
mod headline;
mod tables;
mod title;

use super::flow::{Flow, Laid};
use super::fonts::Typesetter;
use super::table::Table;
use super::{PdfInput, ReportError};
use crate::model::{Assessment, Scenario, ScenarioId};
use comparison::Assessed;

/// Lays the whole report out. `progress` hears the share done and returns false to stop.
pub fn lay_out(
    input: &PdfInput,
    fonts: &Typesetter,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Laid, ReportError> {
    let tables = &input.tables;
    let set = tables.set;
    let assessed = |id: ScenarioId| -> Result<Assessed, ReportError> {
        let position = set.position(id).ok_or_else(|| {
            ReportError::Failed(
                "The report could not be made: a scenario it reports is not in the plan."
                    .to_owned(),
            )
        })?;
        let scenario: &Scenario = set.iter().nth(position).expect("found by its position");
        let assessment: &Assessment = tables.assessments.get(position).ok_or_else(|| {
            ReportError::Failed(format!(
                "The report could not be made: the figures of {} have not been worked out.",
                scenario.name
            ))
        })?;
        Ok((scenario, assessment))
    };
    let (shown, assessment) = assessed(tables.scenario)?;
    let compared: Vec<Assessed> = input
        .compared
        .iter()
        .map(|&id| assessed(id))
        .collect::<Result<_, _>>()?;
    let plan = &shown.plan;
    let names = &tables.names;
    // Each step's share of the laying out, for the progress it reports.
    let mut done = 0.0;
    let mut step = |share: f32, progress: &mut dyn FnMut(f32) -> bool| {
        done += share;
        if progress(done) {
            Ok(())
        } else {
            Err(ReportError::Stopped)
        }
    };

    let mut flow = Flow::new(fonts);
    title::title_page(
        &mut flow,
        &title::Title {
            plan: &plan.name,
            notes: &plan.notes,
            shown: &shown.name,
            compared: compared.iter().map(|(s, _)| s.name.as_str()).collect(),
            date: input.date,
            anonymised: names.is_anonymised(),
        },
    );
    flow.heading(&format!("Headline figures: {}", shown.name), 150.0);
    headline::headline(&mut flow, plan, assessment);
    headline::alerts(&mut flow, plan, assessment);
    step(0.05, progress)?;

    flow.new_page();
    charts::team_charts(&mut flow, plan, assessment);
    table(&mut flow, &tables::teams(plan, assessment), &mut |_| true)?;
    step(0.1, progress)?;
    flow.new_page();
    flow.heading(&format!("Projection: {}", shown.name), 230.0);
    charts::projection_charts(&mut flow, plan, tables.projection, tables.bands);
    step(0.05, progress)?;

    if compared.len() > 1 {
        let figures = comparison::comparison_table(&compared);
        flow.heading("Comparison of scenarios", flow.table_start(&figures));
        table(&mut flow, &figures, &mut |_| true)?;
        comparison::agency_alternatives(&mut flow, &compared);
        let options: Vec<&Scenario> = compared[1..].iter().map(|(s, _)| *s).collect();
        let baseline = &compared[0].0.plan;
        if !tables::changes(&mut flow, baseline, &options, names, &mut |_| true) {
            return Err(ReportError::Stopped);
        }
    }
    step(0.05, progress)?;

    flow.new_page();
    for (heading, t) in [
        (
            "Targets, assumptions and cost rates",
            tables::assumptions(plan, names),
        ),
        ("What the figures mean", tables::definitions(plan, names)),
        (
            "Appendix: the projection every three months",
            tables::projection(tables),
        ),
    ] {
        flow.heading(heading, flow.table_start(&t));
        table(&mut flow, &t, &mut |_| true)?;
    }
    step(0.05, progress)?;
    step(0.05, progress)?;
    flow.new_page();
    flow.heading(&format!("Appendix: posts in {}", shown.name), 120.0);
    let mut posts_progress = |f: f32| progress(done + f * (1.0 - done));
    if !tables::posts(&mut flow, plan, assessment, names, &mut posts_progress) {
        return Err(ReportError::Stopped);
    }
    let footer = format!("{} · {} · {}", plan.name, shown.name, input.date);
    Ok(flow.finish(&footer))
}

/// Lays `t` out, stopping when asked.
fn table(
    flow: &mut Flow,
    t: &Table,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(), ReportError> {
    if flow.table(t, progress) {
        Ok(())
    } else {
        Err(ReportError::Stopped)
    }
}
