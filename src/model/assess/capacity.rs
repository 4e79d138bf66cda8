//! A post's capacity and the case mix that turns points into cases: defined once here and used
//! by both the assessment of the plan as it stands and the projection month by month.

use super::totals::ratio;

/// A post's capacity in weighted points: its grade's capacity points × FTE, for the share of
/// the time it is worked. `worked` is 1 for a post filled by a worker who is not absent and 0
/// while it is vacant or its worker absent; in the projection it is the chance that the post
/// is worked that month.
pub(crate) fn capacity_points(grade_points: f64, fte: f64, worked: f64) -> f64 {
    if worked == 0.0 {
        // Zero even for a grade whose points are not a number (an invalid plan).
        return 0.0;
    }
    worked * (grade_points * fte)
}

/// Mean points per case of a body of work (a team's cases, held and waiting): points ÷ cases;
/// 1.0, a standard case, when there are no cases (or, in an invalid plan, no points), so an
/// empty team's capacity reads as standard cases.
#[inline]
pub fn mean_points_per_case(points: f64, cases: f64) -> f64 {
    ratio(points, cases).filter(|&m| m > 0.0).unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_is_grade_points_times_fte_for_the_share_worked() {
        assert_eq!(capacity_points(20.0, 0.5, 1.0), 10.0);
        assert_eq!(capacity_points(20.0, 0.5, 0.0), 0.0, "vacant or absent");
        assert_eq!(capacity_points(20.0, 1.0, 0.25), 5.0, "worked a quarter");
        assert_eq!(capacity_points(f64::NAN, 1.0, 0.0), 0.0);
    }

    #[test]
    fn mean_points_per_case_is_a_standard_case_without_cases() {
        // 30 cases at 1.0 and 6 at 1.5 (9 points), 3 at 2.0 (6 points): 45 / 39.
        assert_eq!(mean_points_per_case(45.0, 39.0), 45.0 / 39.0);
        assert_eq!(mean_points_per_case(0.0, 0.0), 1.0);
        // Only in an invalid plan (weights must be above 0): cases with no points.
        assert_eq!(mean_points_per_case(0.0, 5.0), 1.0);
    }
}
