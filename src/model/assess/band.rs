//! Utilisation bands: the traffic light on every post, team and the whole service.

use crate::model::Settings;

/// How full a post or team is, against the plan's thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Below `amber_from`: room for more work.
    Green,
    /// From `amber_from` up to `red_from`: full.
    Amber,
    /// From `red_from` up: over capacity.
    Red,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Green, Band::Amber, Band::Red];

    /// Band of a utilisation fraction (1.0 = 100%). Thresholds are inclusive: exactly at
    /// `amber_from` is amber, exactly at `red_from` is red.
    pub fn of(utilisation: f64, settings: &Settings) -> Band {
        if utilisation >= settings.red_from {
            Band::Red
        } else if utilisation >= settings.amber_from {
            Band::Amber
        } else {
            Band::Green
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Green => "Within capacity",
            Band::Amber => "At capacity",
            Band::Red => "Over capacity",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_inclusive() {
        let s = Settings::default(); // amber from 1.0, red from 1.1
        assert_eq!(Band::of(0.999, &s), Band::Green);
        assert_eq!(Band::of(1.0, &s), Band::Amber);
        assert_eq!(Band::of(1.099, &s), Band::Amber);
        assert_eq!(Band::of(1.1, &s), Band::Red);
        assert_eq!(Band::of(2.5, &s), Band::Red);
    }

    #[test]
    fn thresholds_follow_settings() {
        let s = Settings {
            amber_from: 0.9,
            red_from: 1.0,
            ..Settings::default()
        };
        assert_eq!(Band::of(0.95, &s), Band::Amber);
        assert_eq!(Band::of(1.0, &s), Band::Red);
    }
}
