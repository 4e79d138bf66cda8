//! The figures a plan is compared on, each as the DfE defines it.

use super::Published;
use crate::model::assess::ratio;
use crate::model::figures::{Better, FigureId, Unit, figure};

/// A figure both the release and a plan have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Caseload,
    AgencyRate,
    VacancyRate,
    TurnoverRate,
    AbsenceRate,
    CaseHolderShare,
}

impl Measure {
    /// Every measure, in the order views list them.
    pub const ALL: [Measure; 6] = [
        Measure::Caseload,
        Measure::AgencyRate,
        Measure::VacancyRate,
        Measure::TurnoverRate,
        Measure::AbsenceRate,
        Measure::CaseHolderShare,
    ];

    /// The label: the catalogue's label of the plan's figure (one label, one figure).
    pub fn label(self) -> &'static str {
        figure(self.figure()).label
    }

    /// The plan's figure compared with the published one, from the catalogue of figures.
    pub fn figure(self) -> FigureId {
        match self {
            Measure::Caseload => FigureId::Caseload,
            Measure::AgencyRate => FigureId::AgencyRate,
            Measure::VacancyRate => FigureId::VacancyRate,
            Measure::TurnoverRate => FigureId::TurnoverFirstYear,
            Measure::AbsenceRate => FigureId::SicknessAbsenceRate,
            Measure::CaseHolderShare => FigureId::CaseHolderShare,
        }
    }

    /// The published value, as a fraction for rates. The share of staff holding cases is not
    /// published: it is worked out from the published counts.
    pub fn published(self, p: &Published) -> Option<f64> {
        match self {
            Measure::Caseload => p.caseload,
            Measure::AgencyRate => p.agency_rate,
            Measure::VacancyRate => p.vacancy_rate,
            Measure::TurnoverRate => p.turnover_rate,
            Measure::AbsenceRate => p.absence_rate,
            Measure::CaseHolderShare => ratio(p.case_holders_fte?, p.inpost_fte? + p.agency_fte?),
        }
    }

    /// Whether a higher value is good news. Fewer cases each, less agency, fewer vacancies,
    /// leavers and days lost are better; the share holding cases is neither (it depends on
    /// how many managers and specialists a service has).
    pub fn better(self) -> Better {
        match self {
            Measure::CaseHolderShare => Better::Neither,
            _ => Better::Lower,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Measure::Caseload => Unit::Caseload,
            _ => Unit::Percent,
        }
    }

    /// The DfE's definition (children and family social workers, at 30 September).
    pub fn definition(self) -> &'static str {
        match self {
            Measure::Caseload => {
                "Cases held ÷ FTE of social workers (employed or agency) holding at least one \
                 case: staff holding no case, absent staff and vacancies are not counted."
            }
            Measure::AgencyRate => {
                "Agency FTE ÷ (agency FTE + FTE employed by the council): every agency worker \
                 counts, whether covering a vacancy, covering an absent worker or adding \
                 capacity."
            }
            Measure::VacancyRate => {
                "Vacant FTE ÷ (vacant FTE + FTE employed by the council): a vacancy covered by \
                 an agency worker is still a vacancy; an agency worker covering an absence or \
                 adding capacity is not."
            }
            Measure::TurnoverRate => {
                "FTE of social workers who left the council during the year ÷ FTE employed at \
                 30 September."
            }
            Measure::AbsenceRate => {
                "Working days lost to sickness absence during the year ÷ working days \
                 available to the FTE employed."
            }
            Measure::CaseHolderShare => {
                "FTE holding at least one case ÷ (FTE employed + agency FTE): the share of \
                 the workforce the caseload is worked out over (from the published counts)."
            }
        }
    }
}
