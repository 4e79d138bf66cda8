//! Median and range, rank and quartile, over the values a release publishes. A value that is
//! not published (`None`) is left out: it is in no median, rank or count.

use super::{Measure, Release};
use std::fmt;

/// The middle and the range of some published values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The middle value; with an even count, the mean of the two middle values (of 1, 2, 4
    /// and 10 the median is 3).
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// How many values there were (those not published are not counted).
    pub count: usize,
}

impl Spread {
    /// The spread of the published values among `values`; `None` when none is published.
    pub fn of(values: impl IntoIterator<Item = Option<f64>>) -> Option<Spread> {
        let mut values: Vec<f64> = values
            .into_iter()
            .flatten()
            .filter(|v| v.is_finite())
            .collect();
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        Some(Spread {
            median,
            min: values[0],
            max: values[n - 1],
            count: n,
        })
    }
}

/// Where a value stands among others, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// 1 for the lowest value. Equal values share the best rank among them, and the next
    /// value skips the ranks they took ("1, 2, 2, 4"): the rank is one more than the number of
    /// values strictly lower.
    pub rank: usize,
    /// How many values are ranked, this one included.
    pub of: usize,
    /// Which quarter of the ranking the rank is in: the ranks `1..=of` cut into four equal
    /// parts, `quartile = ceil(4 × rank ÷ of)`. Of 152: ranks 1–38 are the first quarter
    /// (lowest values), 39–76 the second, 77–114 the third, 115–152 the fourth (highest).
    pub quartile: u8,
}

impl Standing {
    /// The standing at `rank` of `of` (both at least 1, `rank <= of`).
    pub fn at(rank: usize, of: usize) -> Standing {
        let of = of.max(1);
        let rank = rank.clamp(1, of);
        let quartile = (4 * rank).div_ceil(of).clamp(1, 4);
        Standing {
            rank,
            of,
            quartile: quartile as u8,
        }
    }

    /// The quarter in words: "first quarter" (lowest values) to "fourth quarter".
    pub fn quarter(self) -> &'static str {
        match self.quartile {
            1 => "first quarter",
            2 => "second quarter",
            3 => "third quarter",
            _ => "fourth quarter",
        }
    }
}

impl fmt::Display for Standing {
    /// "rank 98 of 152, third quarter"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rank {} of {}, {}", self.rank, self.of, self.quarter())
    }
}

/// Where `value` would stand if it were one more among `values`: ranked among them all (so
/// `of` is one more than the published values). `None` when no value is published.
pub fn standing_among(
    values: impl IntoIterator<Item = Option<f64>>,
    value: f64,
) -> Option<Standing> {
    let values: Vec<f64> = values
        .into_iter()
        .flatten()
        .filter(|v| v.is_finite())
        .collect();
    if values.is_empty() || !value.is_finite() {
        return None;
    }
    let lower = values.iter().filter(|&&v| v < value).count();
    Some(Standing::at(lower + 1, values.len() + 1))
}

/// Where one of `values` (one that is among them) stands among them.
pub(super) fn standing_within(values: &[f64], value: f64) -> Standing {
    let lower = values.iter().filter(|&&v| v < value).count();
    Standing::at(lower + 1, values.len())
}

/// Where a value (the plan's figure) would stand among all councils' published values of
/// `measure` in `year`, counted as one more council.
pub fn standing(release: &Release, measure: Measure, year: u16, value: f64) -> Option<Standing> {
    standing_among(
        release.councils_in(year).map(|(_, p)| measure.published(p)),
        value,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_value() {
        let s = Spread::of([Some(7.0), Some(1.0), Some(3.0)]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.count), (3.0, 1.0, 7.0, 3));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
        let s = Spread::of([Some(10.0), Some(1.0), Some(4.0), Some(2.0)]).unwrap();
        // Sorted 1, 2, 4, 10: (2 + 4) / 2.
        assert_eq!((s.median, s.min, s.max, s.count), (3.0, 1.0, 10.0, 4));
    }

    #[test]
    fn values_not_published_are_left_out_never_taken_as_zero() {
        let s = Spread::of([Some(12.0), None, Some(18.0), None]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.count), (15.0, 12.0, 18.0, 2));
        assert_eq!(Spread::of([None, None]), None);
        assert_eq!(Spread::of(std::iter::empty()), None);
        let st = standing_among([None, Some(10.0), None, Some(20.0)], 15.0).unwrap();
        // Among 10 and 20 only: 15 is second of three.
        assert_eq!((st.rank, st.of), (2, 3));
    }

    #[test]
    fn equal_values_share_the_best_rank_and_the_next_skips() {
        let values = [1.0, 2.0, 2.0, 4.0];
        let ranks: Vec<usize> = values
            .iter()
            .map(|&v| standing_within(&values, v).rank)
            .collect();
        assert_eq!(ranks, [1, 2, 2, 4]);
    }

    #[test]
    fn quartiles_cut_the_ranks_into_four_equal_parts() {
        // Of 152: 1-38, 39-76, 77-114, 115-152.
        let q = |rank| Standing::at(rank, 152).quartile;
        assert_eq!(
            [q(1), q(38), q(39), q(76), q(77), q(114), q(115), q(152)],
            [1, 1, 2, 2, 3, 3, 4, 4]
        );
        // Of 4, one each; of 2, the lower is in the second quarter (4 × 1 ÷ 2 = 2).
        let of4: Vec<u8> = (1..=4).map(|r| Standing::at(r, 4).quartile).collect();
        assert_eq!(of4, [1, 2, 3, 4]);
        assert_eq!(Standing::at(1, 2).quartile, 2);
        assert_eq!(Standing::at(2, 2).quartile, 4);
        // 4 × 5 ÷ 7 = 2.86: third.
        assert_eq!(Standing::at(5, 7).quartile, 3);
    }

    #[test]
    fn a_value_outside_is_ranked_as_one_more() {
        let values = [Some(10.0), Some(20.0), Some(30.0)];
        let s = standing_among(values, 25.0).unwrap();
        assert_eq!((s.rank, s.of, s.quartile), (3, 4, 3));
        let lowest = standing_among(values, 5.0).unwrap();
        assert_eq!((lowest.rank, lowest.of, lowest.quartile), (1, 4, 1));
        // Equal to a published value: ranked with it, at the better rank.
        let tied = standing_among(values, 20.0).unwrap();
        assert_eq!((tied.rank, tied.of), (2, 4));
        let highest = standing_among(values, 99.0).unwrap();
        assert_eq!((highest.rank, highest.of, highest.quartile), (4, 4, 4));
        assert_eq!(standing_among([None], 1.0), None);
        assert_eq!(standing_among(values, f64::NAN), None);
    }

    #[test]
    fn a_standing_reads_as_a_rank_and_a_quarter() {
        assert_eq!(
            Standing::at(98, 152).to_string(),
            "rank 98 of 152, third quarter"
        );
        assert_eq!(
            Standing::at(1, 152).to_string(),
            "rank 1 of 152, first quarter"
        );
    }
}
