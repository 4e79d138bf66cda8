//! Colours with meaning. Bands use the traffic-light colours managers already read; contract
//! kinds use distinct hues that stay apart for common colour-vision deficiencies.

use crate::model::{AgencyCover, Band, ContractKind};
use egui::Color32;

pub fn band_colour(band: Option<Band>) -> Color32 {
    match band {
        Some(Band::Green) => Color32::from_rgb(46, 160, 67),
        Some(Band::Amber) => Color32::from_rgb(230, 160, 20),
        Some(Band::Red) => Color32::from_rgb(210, 50, 45),
        None => Color32::from_gray(140),
    }
}

pub fn contract_colour(kind: ContractKind) -> Color32 {
    match kind {
        ContractKind::Permanent => Color32::from_rgb(50, 110, 190),
        ContractKind::Agency => Color32::from_rgb(200, 90, 160),
        ContractKind::FixedTerm => Color32::from_rgb(20, 160, 170),
    }
}

/// The agency hue, lighter for cover of an absence and darker for extra capacity, so the three
/// read as one kind of contract.
pub fn agency_cover_colour(cover: AgencyCover) -> Color32 {
    match cover {
        AgencyCover::Vacancy => contract_colour(ContractKind::Agency),
        AgencyCover::Absence => Color32::from_rgb(230, 160, 205),
        AgencyCover::OverEstablishment => Color32::from_rgb(130, 40, 100),
    }
}

pub const VACANT: Color32 = Color32::from_rgb(170, 170, 170);
pub const ABSENT: Color32 = Color32::from_rgb(240, 190, 90);
pub const CAPACITY: Color32 = Color32::from_rgb(50, 110, 190);
pub const DEMAND: Color32 = Color32::from_rgb(120, 120, 150);
pub const UNALLOCATED: Color32 = Color32::from_rgb(230, 160, 20);
pub const MUST_ALLOCATE: Color32 = Color32::from_rgb(210, 50, 45);
pub const ALERT: Color32 = Color32::from_rgb(210, 50, 45);
pub const WARNING: Color32 = Color32::from_rgb(200, 130, 0);
