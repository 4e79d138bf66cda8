//! What a problem is and where it is. A [`Location`] holds the ids a caller needs to act on it
//! (select the team or post in the app, point at a row of an imported file) and the names a
//! person needs to recognise it; its `Display` is what messages show, e.g.
//! `option "Option A", post 2 (in team 1 "Family Support")`.
//!
//! [`Problems`] keeps at most a set number of problems and only counts the rest, so that a
//! hostile file with millions of problems costs neither memory nor time to describe.

use super::ids::{CaseTypeId, GradeId, PostId, TeamId};
use super::shown::{printable, shortened};
use std::fmt;

/// Where a problem is.
///
/// Names are kept [`shortened`]: enough to recognise, never megabytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The plan's targets and thresholds.
    Settings,
    /// The months the plan looks ahead over.
    Timeline,
    CostRates,
    /// A scenario's turnover, recruitment and demand assumptions.
    Assumptions,
    CaseType {
        id: CaseTypeId,
        name: String,
    },
    Grade {
        id: GradeId,
        name: String,
    },
    Team {
        id: TeamId,
        name: String,
    },
    /// A post, with its team's id and name when the plan has that team.
    Post {
        id: PostId,
        team: Option<(TeamId, String)>,
    },
    /// An option (a scenario after the baseline): `position` is 1 for the first option in the
    /// file. `within` is the place inside it, or `None` for the option itself (its name).
    Option {
        position: usize,
        name: String,
        within: Option<Box<Location>>,
    },
    /// The list of options as a whole (how many there are).
    Options,
    /// A row of an imported file (1 = the first row), and the column when one cell is at fault.
    Row {
        row: usize,
        column: Option<String>,
    },
}

impl Location {
    pub fn case_type(id: CaseTypeId, name: &str) -> Self {
        Location::CaseType {
            id,
            name: shortened(name).into_owned(),
        }
    }

    pub fn grade(id: GradeId, name: &str) -> Self {
        Location::Grade {
            id,
            name: shortened(name).into_owned(),
        }
    }

    pub fn team(id: TeamId, name: &str) -> Self {
        Location::Team {
            id,
            name: shortened(name).into_owned(),
        }
    }

    /// A post, in its team when the plan has that team (`team_name`).
    pub fn post(id: PostId, team: TeamId, team_name: Option<&str>) -> Self {
        Location::Post {
            id,
            team: team_name.map(|name| (team, shortened(name).into_owned())),
        }
    }

    /// `within` (or the option itself, for `None`) in the option at `position` (1 = first).
    pub fn in_option(position: usize, name: &str, within: Option<Location>) -> Self {
        Location::Option {
            position,
            name: shortened(name).into_owned(),
            within: within.map(Box::new),
        }
    }

    /// The team this location names: the team itself, or a post's team.
    pub fn team_id(&self) -> Option<TeamId> {
        match self {
            Location::Team { id, .. } => Some(*id),
            Location::Post { team, .. } => team.as_ref().map(|(id, _)| *id),
            Location::Option { within, .. } => within.as_deref().and_then(Location::team_id),
            _ => None,
        }
    }

    pub fn post_id(&self) -> Option<PostId> {
        match self {
            Location::Post { id, .. } => Some(*id),
            Location::Option { within, .. } => within.as_deref().and_then(Location::post_id),
            _ => None,
        }
    }

    pub fn case_type_id(&self) -> Option<CaseTypeId> {
        match self {
            Location::CaseType { id, .. } => Some(*id),
            Location::Option { within, .. } => within.as_deref().and_then(Location::case_type_id),
            _ => None,
        }
    }

    pub fn grade_id(&self) -> Option<GradeId> {
        match self {
            Location::Grade { id, .. } => Some(*id),
            Location::Option { within, .. } => within.as_deref().and_then(Location::grade_id),
            _ => None,
        }
    }

    /// The option this location is in: its 1-based position in the file and its name.
    pub fn option(&self) -> Option<(usize, &str)> {
        match self {
            Location::Option { position, name, .. } => Some((*position, name)),
            _ => None,
        }
    }

    /// The row (and column) of an imported file.
    pub fn row(&self) -> Option<(usize, Option<&str>)> {
        match self {
            Location::Row { row, column } => Some((*row, column.as_deref())),
            _ => None,
        }
    }

    /// Is this in the parts every scenario shares (settings, timeline, cost rates, case types,
    /// grades)? Those are checked once, for the baseline.
    pub fn is_shared_part(&self) -> bool {
        match self {
            Location::Settings
            | Location::Timeline
            | Location::CostRates
            | Location::CaseType { .. }
            | Location::Grade { .. } => true,
            Location::Option { within, .. } => within.as_deref().is_some_and(Self::is_shared_part),
            _ => false,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Settings => f.write_str("settings"),
            Location::Timeline => f.write_str("timeline"),
            Location::CostRates => f.write_str("cost rates"),
            Location::Assumptions => f.write_str("assumptions"),
            Location::CaseType { id, name } => write!(f, "{id} \"{}\"", printable(name)),
            Location::Grade { id, name } => write!(f, "{id} \"{}\"", printable(name)),
            Location::Team { id, name } => write!(f, "{id} \"{}\"", printable(name)),
            Location::Post { id, team: None } => write!(f, "{id}"),
            Location::Post {
                id,
                team: Some((team, name)),
            } => write!(f, "{id} (in {team} \"{}\")", printable(name)),
            Location::Option {
                position,
                name,
                within,
            } => {
                if name.trim().is_empty() {
                    write!(f, "option {position}")?;
                } else {
                    write!(f, "option \"{}\"", printable(name))?;
                }
                match within {
                    Some(inner) => write!(f, ", {inner}"),
                    None => Ok(()),
                }
            }
            Location::Options => f.write_str("options"),
            Location::Row { row, column: None } => write!(f, "row {row}"),
            Location::Row {
                row,
                column: Some(column),
            } => write!(f, "row {row}, column \"{}\"", printable(column)),
        }
    }
}

/// One thing wrong with a plan, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    /// What is wrong, in a service manager's words.
    pub message: String,
}

impl Problem {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Problem {
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, printable(&self.message))
    }
}

/// Problems listed when a whole file is checked; the rest are counted, not described.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// The problems found, the first `limit` of them described and the rest only counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems {
    listed: Vec<Problem>,
    not_listed: usize,
    limit: usize,
}

impl Problems {
    /// Describes at most `limit` problems and counts the others.
    pub fn listing_at_most(limit: usize) -> Self {
        Problems {
            listed: Vec::new(),
            not_listed: 0,
            limit,
        }
    }

    /// Describes every problem (for one plan built in memory, not for files).
    pub fn all() -> Self {
        Self::listing_at_most(usize::MAX)
    }

    /// Records a problem. `at` and `message` are only called while there is room in the list,
    /// so counting millions of problems builds no text.
    pub fn report(&mut self, at: impl FnOnce() -> Location, message: impl FnOnce() -> String) {
        if self.listed.len() < self.limit {
            self.listed.push(Problem::new(at(), message()));
        } else {
            self.not_listed += 1;
        }
    }

    pub fn push(&mut self, problem: Problem) {
        self.report(|| problem.location, || problem.message);
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty() && self.not_listed == 0
    }

    /// Every problem found, listed or not.
    pub fn count(&self) -> usize {
        self.listed.len() + self.not_listed
    }

    pub fn listed(&self) -> &[Problem] {
        &self.listed
    }

    /// Problems found beyond the limit, counted but not described.
    pub fn not_listed(&self) -> usize {
        self.not_listed
    }

    /// The described problems and how many more there were.
    pub fn into_parts(self) -> (Vec<Problem>, usize) {
        (self.listed, self.not_listed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_read_as_a_person_would_say_them() {
        let post = Location::post(PostId(14), TeamId(2), Some("North"));
        assert_eq!(post.to_string(), "post 14 (in team 2 \"North\")");
        assert_eq!(
            Location::post(PostId(14), TeamId(9), None).to_string(),
            "post 14"
        );
        let in_option = Location::in_option(1, "Option A", Some(post));
        assert_eq!(
            in_option.to_string(),
            "option \"Option A\", post 14 (in team 2 \"North\")"
        );
        assert_eq!(Location::in_option(3, " ", None).to_string(), "option 3");
        assert_eq!(
            Location::Row {
                row: 7,
                column: Some("FTE".into())
            }
            .to_string(),
            "row 7, column \"FTE\""
        );
    }

    #[test]
    fn a_location_says_which_team_post_and_option_it_names() {
        let at = Location::in_option(
            2,
            "Fixed-term",
            Some(Location::post(PostId(5), TeamId(3), Some("East"))),
        );
        assert_eq!(at.team_id(), Some(TeamId(3)));
        assert_eq!(at.post_id(), Some(PostId(5)));
        assert_eq!(at.option(), Some((2, "Fixed-term")));
        assert_eq!(Location::team(TeamId(4), "West").team_id(), Some(TeamId(4)));
        assert_eq!(Location::Settings.post_id(), None);
        assert!(Location::grade(GradeId(1), "SW").is_shared_part());
        assert!(!at.is_shared_part());
    }

    #[test]
    fn names_in_locations_are_escaped_and_shortened() {
        let at = Location::team(TeamId(1), &format!("\u{1b}[2J{}", "x".repeat(500)));
        let shown = at.to_string();
        assert!(shown.starts_with("team 1 \"\\u{1b}[2Jxxx"), "{shown}");
        assert!(shown.ends_with("x…\""), "{shown}");
        assert!(shown.chars().count() < 100, "{shown}");
    }

    #[test]
    fn beyond_the_limit_problems_are_counted_without_being_described() {
        let mut problems = Problems::listing_at_most(2);
        for _ in 0..5 {
            problems.report(|| Location::Settings, || "wrong".into());
        }
        problems.report(|| panic!("not described"), || panic!("not described"));
        assert_eq!(problems.count(), 6);
        assert_eq!(problems.listed().len(), 2);
        assert_eq!(problems.not_listed(), 4);
    }
}
