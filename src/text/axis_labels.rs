//! Labels for the columns of a chart (teams, measures): each short enough for its room on the
//! axis and all different, so two teams never read the same ("Localit…" twice) and no label
//! is dropped for want of room. When no set of short labels is both distinct and small
//! enough, the columns are numbered 1, 2, … and the chart lists the names in a key.
//!
//! Pure: how much room a label takes is asked of the caller (`fits`), which measures text in
//! the window's font; tests count characters.

/// How a chart's columns are labelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AxisLabels {
    /// Each column's own label: its name, or a distinct short form of it.
    Named(Vec<String>),
    /// The columns are numbered 1 to n; the names go in a key beside the chart.
    Numbered(usize),
}

impl AxisLabels {
    /// The labels as the axis shows them, in column order.
    pub fn shown(&self) -> Vec<String> {
        match self {
            AxisLabels::Named(labels) => labels.clone(),
            AxisLabels::Numbered(n) => (1..=*n).map(|k| k.to_string()).collect(),
        }
    }

    pub fn is_numbered(&self) -> bool {
        matches!(self, AxisLabels::Numbered(_))
    }
}

/// Characters of a name kept, at the least, when it is cut with an ellipsis: fewer say nothing.
const MIN_KEPT: usize = 4;

/// Words shared with another name are shortened to this many letters and a full stop
/// ("Locality" → "Loc."), when longer than [`SHORT_WORD`] letters.
const ABBREVIATED: usize = 3;
const SHORT_WORD: usize = 4;

/// Labels for columns named `names`: for each, the first of these forms for which
/// `fits(column, label)` holds:
/// 1. the name itself: `Locality North`;
/// 2. words it shares with another name abbreviated: `Loc. North`;
/// 3. only what follows the leading words it shares with another name: `…North`;
/// 4. form 2 cut short with an ellipsis, keeping at least four characters and never just
///    the first letter of a word: `Loc. No…`, `Children…` (not `Children i…`).
///
/// If some name has no form that fits, or two columns would read the same (compared without
/// regard to case), the columns are numbered instead.
pub fn axis_labels(names: &[&str], fits: impl Fn(usize, &str) -> bool) -> AxisLabels {
    let words: Vec<Vec<&str>> = names
        .iter()
        .map(|n| n.split_whitespace().collect())
        .collect();
    let mut labels = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let found = forms(name, i, &words).into_iter().find(|l| fits(i, l));
        let Some(label) = found else {
            return AxisLabels::Numbered(names.len());
        };
        labels.push(label);
    }
    let mut seen: Vec<String> = labels.iter().map(|l| l.to_lowercase()).collect();
    seen.sort_unstable();
    if seen.windows(2).any(|w| w[0] == w[1]) {
        return AxisLabels::Numbered(names.len());
    }
    AxisLabels::Named(labels)
}

/// The forms of name `i`, longest first (see [`axis_labels`]).
fn forms(name: &str, i: usize, words: &[Vec<&str>]) -> Vec<String> {
    let own = &words[i];
    let others = || words.iter().enumerate().filter(move |(k, _)| *k != i);
    let shared = |word: &str| others().any(|(_, w)| w.iter().any(|o| o.eq_ignore_ascii_case(word)));

    let abbreviated = own
        .iter()
        .map(|&w| {
            if w.chars().count() > SHORT_WORD && shared(w) {
                format!("{}.", w.chars().take(ABBREVIATED).collect::<String>())
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");

    // The most leading words this name has in common with any other name.
    let common = others()
        .map(|(_, w)| {
            own.iter()
                .zip(w)
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .count()
        })
        .max()
        .unwrap_or(0);

    let mut forms = vec![name.to_owned(), abbreviated.clone()];
    if common > 0 && common < own.len() {
        forms.push(format!("…{}", own[common..].join(" ")));
    }
    let chars: Vec<char> = abbreviated.chars().collect();
    for keep in (MIN_KEPT..chars.len()).rev() {
        // Not a word's first letter alone ("Children i…", "Front D…"): too little to read.
        let fragment = chars[..keep]
            .iter()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .count();
        if fragment == 1 && chars[keep].is_alphanumeric() {
            continue;
        }
        let cut: String = chars[..keep].iter().collect();
        let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        if cut.chars().count() >= MIN_KEPT {
            forms.push(format!("{cut}…"));
        }
    }
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Room for `max` characters in every column.
    fn within(max: usize) -> impl Fn(usize, &str) -> bool {
        move |_, label| label.chars().count() <= max
    }

    fn named(labels: &[&str]) -> AxisLabels {
        AxisLabels::Named(labels.iter().map(|l| (*l).to_owned()).collect())
    }

    const LOCALITIES: [&str; 2] = ["Locality North", "Locality South"];

    #[test]
    fn names_that_fit_are_shown_whole() {
        assert_eq!(axis_labels(&LOCALITIES, within(14)), named(&LOCALITIES));
    }

    #[test]
    fn shared_words_are_abbreviated_first() {
        assert_eq!(
            axis_labels(&LOCALITIES, within(10)),
            named(&["Loc. North", "Loc. South"])
        );
    }

    #[test]
    fn then_only_what_tells_them_apart_is_kept() {
        assert_eq!(
            axis_labels(&LOCALITIES, within(7)),
            named(&["…North", "…South"])
        );
    }

    #[test]
    fn labels_that_would_read_the_same_are_numbered_instead() {
        // Cut to 8 characters both would read "Assessm…".
        assert_eq!(
            axis_labels(&["Assessment", "Assessments"], within(8)),
            AxisLabels::Numbered(2)
        );
        assert_eq!(
            AxisLabels::Numbered(3).shown(),
            vec!["1".to_owned(), "2".to_owned(), "3".to_owned()]
        );
        // The same name twice can never be told apart on the axis.
        assert_eq!(
            axis_labels(&["North", "north"], within(20)),
            AxisLabels::Numbered(2)
        );
    }

    #[test]
    fn the_example_plans_teams_in_nine_characters_each() {
        let teams = [
            "Front Door and Assessment",
            "Locality North",
            "Locality South",
            "Children in Care",
            "Care Leavers", // "Care" is shared, but too short to abbreviate
            "Service Management",
        ];
        assert_eq!(
            axis_labels(&teams, within(9)),
            named(&[
                "Front Do…",
                "…North",
                "…South",
                "Children…",
                "Care Lea…",
                "Service…", // the space before the cut is dropped
            ])
        );
    }

    #[test]
    fn a_cut_never_leaves_a_words_first_letter_alone() {
        assert_eq!(
            axis_labels(&["Children in Care", "Care Leavers"], within(11)),
            named(&["Children…", "Care Leave…"])
        );
    }

    #[test]
    fn each_column_has_its_own_room() {
        // A wide first column keeps its whole name; the narrow second is shortened.
        let room = |column: usize, label: &str| label.chars().count() <= [14, 7][column];
        assert_eq!(
            axis_labels(&LOCALITIES, room),
            named(&["Locality North", "…South"])
        );
    }

    #[test]
    fn a_name_that_cannot_fit_numbers_every_column() {
        // At 5 characters "…North" is too long, and "Loc." is too little to keep.
        assert_eq!(axis_labels(&LOCALITIES, within(5)), AxisLabels::Numbered(2));
        assert_eq!(
            axis_labels(&["A", "Children in Care"], within(3)),
            AxisLabels::Numbered(2)
        );
        assert_eq!(axis_labels(&[], within(3)), AxisLabels::Named(vec![]));
    }

    #[test]
    fn eight_teams_get_eight_distinct_labels() {
        let teams = [
            "Locality North",
            "Locality South",
            "Locality East",
            "Locality West",
            "Locality Central",
            "Children in Care",
            "Care Leavers",
            "Front Door and Assessment",
        ];
        assert_eq!(
            axis_labels(&teams, within(8)),
            named(&[
                "…North",
                "…South",
                "…East",
                "…West",
                "…Central",
                "Childre…",
                "Care Le…",
                "Front…", // not "Front D…"
            ])
        );
    }
}
