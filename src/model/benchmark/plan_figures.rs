//! The plan's side of a benchmark: each measure's value for a scenario, read from the
//! catalogue of figures (one label, one figure), from the service's totals or, for turnover,
//! from the projection's first year.

use super::Measure;
use crate::model::Totals;
use crate::model::figures::figure;
use crate::model::projection::Projection;

/// The plan's value of each measure, in [`Measure::ALL`] order.
pub type PlanValues = [(Measure, Option<f64>); 6];

/// Each measure for a scenario whose whole service is `service`; the turnover needs its
/// expected `projection` (`None`: no value yet).
pub fn plan_values(service: &Totals, projection: Option<&Projection>) -> PlanValues {
    Measure::ALL.map(|measure| {
        let f = figure(measure.figure());
        let value = f
            .of(service)
            .or_else(|| projection.and_then(|p| f.of_projection(p)));
        (measure, value)
    })
}
