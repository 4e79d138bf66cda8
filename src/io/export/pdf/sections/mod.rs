//! The report's sections in order, laid out into pages: the title page (`title.rs`), headline
//! figures and alerts (`headline.rs`), the charts (`charts.rs`), the comparison
//! (`comparison.rs`), and the tables of reference and of the plan (`tables.rs`).

mod charts;
mod comparison;
mod headline;
mod title;

use super::flow::{Flow, Laid, SUBHEADING};
use super::fonts::Typesetter;
use super::table::Table;
use super::{ReportError, ReportInput};
use crate::model::{Assessment, Scenario, ScenarioId};
use comparison::Assessed;

/// Lays the whole report out. `progress` hears the share done and returns false to stop.
pub fn lay_out(
    input: &ReportInput,
    fonts: &Typesetter,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Laid, ReportError> {
    let set = input.scenarios;
    let assessed = |id: ScenarioId| -> Result<Assessed, ReportError> {
        let scenario: &Scenario = set.get(id).ok_or_else(|| {
            ReportError::Failed("a scenario it reports is not in the plan".to_owned())
        })?;
        let assessment: &Assessment = input
            .assessments
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, a)| a)
            .ok_or_else(|| {
                ReportError::Failed(format!(
                    "the figures of {} have not been worked out",
                    scenario.name
                ))
            })?;
        Ok((scenario, assessment))
    };
    let (shown, assessment) = assessed(input.shown)?;
    let compared: Vec<Assessed> = input
        .compared
        .iter()
        .map(|&id| assessed(id))
        .collect::<Result<_, _>>()?;
    let plan = &shown.plan;
    let stop = |keep_going: bool| {
        if keep_going {
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
            anonymised: false,
        },
    );
    flow.heading(&format!("Headline figures: {}", shown.name), 150.0);
    headline::headline(&mut flow, plan, assessment);
    headline::alerts(&mut flow, plan, assessment);
    stop(progress(0.05))?;

    flow.new_page();
    charts::team_charts(&mut flow, plan, assessment);
    stop(progress(0.15))?;
    flow.new_page();
    flow.heading(&format!("Projection: {}", shown.name), 230.0);
    charts::projection_charts(&mut flow, plan, input.projection, input.bands);
    stop(progress(0.25))?;

    if compared.len() > 1 {
        flow.new_page();
        flow.heading("Comparison of scenarios", 200.0);
        table(
            &mut flow,
            &comparison::comparison_table(&compared),
            progress,
        )?;
        comparison::agency_alternatives(&mut flow, &compared);
    }
    stop(progress(1.0))?;
    let footer = format!("{} · {} · {}", plan.name, shown.name, input.date);
    Ok(flow.finish(&footer))
}

/// Lays `t` out, stopping when asked.
fn table(
    flow: &mut Flow,
    t: &Table,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(), ReportError> {
    let _ = SUBHEADING;
    if flow.table(t, progress) {
        Ok(())
    } else {
        Err(ReportError::Stopped)
    }
}
