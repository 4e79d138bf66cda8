//! How wide the side panels may be, from the window's width: the central view always keeps
//! room to be used, whatever the panels' contents or a width remembered from a larger screen.

use egui::Rangef;

/// The narrowest the central view may become by widening a side panel, in points.
pub const CENTRAL_AT_LEAST: f32 = 480.0;

/// The size rules of one side panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelWidth {
    /// Its width when nothing is remembered.
    pub default: f32,
    /// The widths it may be dragged to (and a remembered width is clamped into).
    pub range: Rangef,
}

/// The Structure (left) and Inspector (right) panels' size rules for one window width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SidePanels {
    pub structure: PanelWidth,
    pub inspector: PanelWidth,
}

impl SidePanels {
    /// Each panel takes a share of the window between a floor (room for its buttons and
    /// fields) and a ceiling; together they always leave [`CENTRAL_AT_LEAST`] to the central
    /// view, except on a window too small for that and the panels' floors (2 x 200), where
    /// they take at most two thirds.
    pub fn for_window(width: f32) -> SidePanels {
        let both_at_most = (width - CENTRAL_AT_LEAST).max((width * 2.0 / 3.0).min(400.0));
        let panel = |share: f32, floor: f32, ceiling: f32| {
            let max = (both_at_most / 2.0)
                .min(ceiling)
                .max(floor.min(both_at_most / 2.0));
            let min = floor.min(max);
            PanelWidth {
                default: (width * share).clamp(min, max),
                range: Rangef::new(min, max),
            }
        };
        SidePanels {
            structure: panel(0.21, 200.0, 480.0),
            inspector: panel(0.23, 240.0, 520.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1024 wide: at most (1024 - 480) / 2 = 272 each; the structure's 21% is 215.04, the
    /// inspector's 23% (235.52) is below its floor of 240: the view starts 568.96 wide.
    #[test]
    fn a_council_laptop_keeps_most_of_the_window_for_the_view() {
        let panels = SidePanels::for_window(1024.0);
        assert_eq!(panels.structure.range, Rangef::new(200.0, 272.0));
        assert_eq!(panels.inspector.range, Rangef::new(240.0, 272.0));
        assert!((panels.structure.default - 215.04).abs() < 1e-3);
        assert_eq!(panels.inspector.default, 240.0);
    }

    /// 1366 wide: 21% = 286.86 and 23% = 314.18, each under (1366 - 480) / 2 = 443.
    #[test]
    fn a_wider_window_gives_the_panels_their_share() {
        let panels = SidePanels::for_window(1366.0);
        assert_eq!(panels.structure.range.max, 443.0);
        assert!((panels.structure.default - 286.86).abs() < 1e-3);
        assert!((panels.inspector.default - 314.18).abs() < 1e-3);
    }

    /// 2560 wide: the ceilings (480 and 520) hold, not (2560 - 480) / 2 = 1040.
    #[test]
    fn a_very_wide_window_caps_the_panels() {
        let panels = SidePanels::for_window(2560.0);
        assert_eq!(panels.structure.range.max, 480.0);
        assert_eq!(panels.inspector.range.max, 520.0);
    }

    /// 600 wide (a window dragged small): both panels together at most 2/3 = 400, 200 each;
    /// the inspector's floor of 240 gives way so the central view keeps 200.
    #[test]
    fn a_tiny_window_still_leaves_a_third_to_the_view() {
        let panels = SidePanels::for_window(600.0);
        assert_eq!(panels.structure.range, Rangef::new(200.0, 200.0));
        assert_eq!(panels.inspector.range, Rangef::new(200.0, 200.0));
        let central = 600.0 - panels.structure.range.max - panels.inspector.range.max;
        assert_eq!(central, 200.0);
    }
}
