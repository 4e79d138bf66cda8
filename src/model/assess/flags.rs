//! Alerts: every way a team or the service breaks one of the plan's targets.

use super::band::Band;
use super::totals::Totals;
use crate::model::Settings;
use crate::model::shown::{count, grouped};
use std::fmt;

/// One breached target, with the figures that breach it.
#[derive(Clone, Debug, PartialEq)]
pub enum Flag {
    /// Child protection, looked-after or court cases waiting with no worker: always red.
    MustAllocateUnallocated {
        cases: u64,
    },
    /// Utilisation in the amber or red band.
    Utilisation {
        band: Band,
        utilisation: f64,
    },
    CaseloadAboveTarget {
        caseload: f64,
        target: f64,
    },
    /// Cases nominally allocated to workers who are away.
    CasesHeldByAbsentStaff {
        cases: u64,
    },
    AgencyAboveTarget {
        rate: f64,
        max: f64,
    },
    AsyeAboveTarget {
        share: f64,
        max: f64,
    },
    SpanAboveTarget {
        span: f64,
        max: f64,
    },
    /// Case-holders in post but no team manager in post to supervise them.
    NoTeamManager {
        case_holders: u32,
    },
}

impl Flag {
    /// Red alerts need action now; the others are warnings.
    pub fn is_red(&self) -> bool {
        matches!(
            self,
            Flag::MustAllocateUnallocated { .. }
                | Flag::Utilisation {
                    band: Band::Red,
                    ..
                }
        )
    }

    /// All flags for `totals`, red alerts first.
    pub fn all_for(totals: &Totals, settings: &Settings) -> Vec<Flag> {
        let sums = &totals.sums;
        let mix = &totals.mix;
        let mut flags = Vec::new();
        if sums.must_allocate_unallocated > 0 {
            flags.push(Flag::MustAllocateUnallocated {
                cases: sums.must_allocate_unallocated,
            });
        }
        if let (Some(band @ (Band::Amber | Band::Red)), Some(utilisation)) =
            (totals.band, totals.utilisation)
        {
            flags.push(Flag::Utilisation { band, utilisation });
        }
        if let Some(caseload) = totals.caseload_per_case_holder_fte
            && caseload > settings.caseload_target
        {
            flags.push(Flag::CaseloadAboveTarget {
                caseload,
                target: settings.caseload_target,
            });
        }
        if sums.cases_held_by_absent > 0 {
            flags.push(Flag::CasesHeldByAbsentStaff {
                cases: sums.cases_held_by_absent,
            });
        }
        if let Some(rate) = mix.agency_rate
            && rate > settings.max_agency_share
        {
            flags.push(Flag::AgencyAboveTarget {
                rate,
                max: settings.max_agency_share,
            });
        }
        if let Some(share) = mix.asye_share
            && share > settings.max_asye_share
        {
            flags.push(Flag::AsyeAboveTarget {
                share,
                max: settings.max_asye_share,
            });
        }
        match mix.case_holders_per_manager {
            Some(span) if span > settings.max_span_of_control => {
                flags.push(Flag::SpanAboveTarget {
                    span,
                    max: settings.max_span_of_control,
                })
            }
            None if sums.case_holders_in_post > 0 => flags.push(Flag::NoTeamManager {
                case_holders: sums.case_holders_in_post,
            }),
            _ => {}
        }
        flags.sort_by_key(|flag| !flag.is_red());
        flags
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |v: f64| v * 100.0;
        match self {
            Flag::MustAllocateUnallocated { cases: 1 } => {
                write!(f, "1 must-allocate case is unallocated")
            }
            Flag::MustAllocateUnallocated { cases } => {
                let cases = count(*cases, "must-allocate case", "must-allocate cases");
                write!(f, "{cases} are unallocated")
            }
            Flag::Utilisation { band, utilisation } => {
                let utilised = grouped(pct(*utilisation), 0);
                write!(f, "{} ({utilised}% utilised)", band.label())
            }
            Flag::CaseloadAboveTarget { caseload, target } => {
                write!(
                    f,
                    "caseload {} is above the target of {}",
                    grouped(*caseload, 1),
                    grouped(*target, 1)
                )
            }
            Flag::CasesHeldByAbsentStaff { cases: 1 } => {
                write!(f, "1 case is held by absent staff")
            }
            Flag::CasesHeldByAbsentStaff { cases } => {
                let cases = count(*cases, "case", "cases");
                write!(f, "{cases} are held by absent staff")
            }
            Flag::AgencyAboveTarget { rate, max } => {
                write!(
                    f,
                    "agency rate {:.1}% is above the {:.1}% target",
                    pct(*rate),
                    pct(*max)
                )
            }
            Flag::AsyeAboveTarget { share, max } => {
                write!(
                    f,
                    "ASYE share {:.1}% is above the {:.1}% target",
                    pct(*share),
                    pct(*max)
                )
            }
            Flag::SpanAboveTarget { span, max } => {
                write!(
                    f,
                    "{} case-holders per team manager, above the target of {}",
                    grouped(*span, 1),
                    grouped(*max, 1)
                )
            }
            Flag::NoTeamManager { case_holders } => {
                let holders = count(u64::from(*case_holders), "case-holder", "case-holders");
                write!(f, "{holders} with no team manager in post")
            }
        }
    }
}
