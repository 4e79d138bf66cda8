//! What each column of a staff list holds, guessed from its heading. HR systems name the same
//! thing many ways ("Employee Name", "Post holder", "Worker"; "Cost Centre", "Service",
//! "Unit"), so each role has synonyms, each with a strength: a heading that *is* a synonym
//! counts more than one that contains it, and a stronger synonym more than a weaker one. Each
//! role goes to one column and each column has at most one role, strongest match first.

use super::words::{has_phrase, normalise};
use serde::{Deserialize, Serialize};

/// What a column of a staff list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ColumnRole {
    /// The worker's whole name; blank (or "Vacant") for a vacancy.
    Name,
    FirstName,
    LastName,
    /// The employee's or the post's number (the app's own export writes `P12` for post 12).
    EmployeeNumber,
    /// The job title or grade, matched to one of the plan's grades.
    JobTitle,
    /// The team or cost centre, matched to a team (existing or new).
    Team,
    Fte,
    /// Contracted hours a week, divided by the full-time week for the FTE.
    WeeklyHours,
    /// Permanent, fixed term, temporary, agency, locum, interim.
    Contract,
    StartDate,
    /// A fixed-term contract's end, or a permanent worker's leaving date.
    EndDate,
    /// Maternity, sickness, secondment... blank or "none" for working.
    Absence,
    ReturnDate,
    /// What an agency worker covers: a vacancy (blank), an absence, or extra capacity.
    Covering,
}

impl ColumnRole {
    pub const ALL: [ColumnRole; 14] = [
        ColumnRole::Name,
        ColumnRole::FirstName,
        ColumnRole::LastName,
        ColumnRole::EmployeeNumber,
        ColumnRole::JobTitle,
        ColumnRole::Team,
        ColumnRole::Fte,
        ColumnRole::WeeklyHours,
        ColumnRole::Contract,
        ColumnRole::StartDate,
        ColumnRole::EndDate,
        ColumnRole::Absence,
        ColumnRole::ReturnDate,
        ColumnRole::Covering,
    ];

    /// The role as the import's column choices name it.
    pub fn label(self) -> &'static str {
        match self {
            ColumnRole::Name => "Name",
            ColumnRole::FirstName => "First name",
            ColumnRole::LastName => "Surname",
            ColumnRole::EmployeeNumber => "Employee or post number",
            ColumnRole::JobTitle => "Job title or grade",
            ColumnRole::Team => "Team or cost centre",
            ColumnRole::Fte => "FTE",
            ColumnRole::WeeklyHours => "Weekly hours",
            ColumnRole::Contract => "Contract",
            ColumnRole::StartDate => "Start date",
            ColumnRole::EndDate => "End date",
            ColumnRole::Absence => "Absence",
            ColumnRole::ReturnDate => "Return date",
            ColumnRole::Covering => "Agency worker covering",
        }
    }
}

/// Synonyms of each role, normalised, with their strength (1 weak to 4 sure). A weak
/// one-word synonym ("service", "start") counts only when it is the whole heading.
const SYNONYMS: &[(ColumnRole, &[(&str, u8)])] = &[
    (
        ColumnRole::Name,
        &[
            ("name", 3),
            ("employee name", 4),
            ("full name", 4),
            ("worker", 3),
            ("worker name", 4),
            ("staff name", 4),
            ("employee", 2),
            ("post holder", 3),
            ("postholder", 3),
            ("incumbent", 2),
            ("allocated worker", 3),
            ("case worker", 3),
            ("caseworker", 3),
            ("key worker", 3),
            ("lead worker", 3),
            ("practitioner", 2),
            ("social worker", 2),
        ],
    ),
    (
        ColumnRole::FirstName,
        &[
            ("first name", 4),
            ("forename", 4),
            ("forenames", 4),
            ("given name", 4),
            ("known as", 2),
        ],
    ),
    (
        ColumnRole::LastName,
        &[("surname", 4), ("last name", 4), ("family name", 4)],
    ),
    (
        ColumnRole::EmployeeNumber,
        &[
            ("employee number", 4),
            ("employee no", 4),
            ("emp no", 4),
            ("employee id", 4),
            ("emp id", 4),
            ("staff number", 4),
            ("staff no", 4),
            ("staff id", 4),
            ("payroll number", 4),
            ("payroll no", 4),
            ("payroll", 2),
            ("person number", 3),
            ("assignment number", 3),
            ("post number", 4),
            ("post no", 4),
            ("post id", 4),
            ("post ref", 3),
            ("position id", 4),
            ("position number", 4),
            ("id", 1),
            ("ref", 1),
            ("number", 1),
        ],
    ),
    (
        ColumnRole::JobTitle,
        &[
            ("job title", 4),
            ("post title", 4),
            ("position title", 4),
            ("job role", 4),
            ("role", 3),
            ("designation", 3),
            ("job", 2),
            ("title", 2),
            ("position", 2),
            ("grade", 2),
            ("pay grade", 2),
        ],
    ),
    (
        ColumnRole::Team,
        &[
            ("team", 4),
            ("team name", 4),
            ("cost centre", 3),
            ("cost center", 3),
            ("cost centre name", 3),
            ("service", 2),
            ("service area", 2),
            ("unit", 2),
            ("department", 2),
            ("section", 2),
            ("org unit", 2),
        ],
    ),
    (
        ColumnRole::Fte,
        &[
            ("fte", 4),
            ("wte", 4),
            ("full time equivalent", 4),
            ("whole time equivalent", 4),
        ],
    ),
    (
        ColumnRole::WeeklyHours,
        &[
            ("weekly hours", 4),
            ("hours per week", 4),
            ("hours pw", 4),
            ("contracted hours", 4),
            ("contract hours", 4),
            ("working hours", 3),
            ("hours", 3),
            ("hrs", 2),
        ],
    ),
    (
        ColumnRole::Contract,
        &[
            ("contract", 3),
            ("contract type", 4),
            ("type of contract", 4),
            ("employment type", 4),
            ("employment status", 3),
            ("contract status", 3),
            ("worker type", 3),
            ("staff type", 3),
            ("engagement type", 3),
            ("permanency", 3),
        ],
    ),
    (
        ColumnRole::StartDate,
        &[
            ("start date", 4),
            ("contract start", 4),
            ("contract start date", 4),
            ("start of contract", 4),
            ("date started", 4),
            ("assignment start", 3),
            ("appointment date", 3),
            ("date of appointment", 3),
            ("date joined", 3),
            ("hire date", 3),
            ("start", 2),
        ],
    ),
    (
        ColumnRole::EndDate,
        &[
            ("end date", 4),
            ("contract end", 4),
            ("contract end date", 4),
            ("end of contract", 4),
            ("fixed term end", 4),
            ("leaving date", 4),
            ("leave date", 3),
            ("date left", 3),
            ("termination date", 3),
            ("expiry", 2),
            ("end", 2),
        ],
    ),
    (
        ColumnRole::Absence,
        &[
            ("absence", 4),
            ("absence type", 4),
            ("absence reason", 4),
            ("long term absence", 4),
            ("leave type", 3),
            ("absent", 3),
            ("on leave", 3),
            ("leave", 2),
        ],
    ),
    (
        ColumnRole::ReturnDate,
        &[
            ("return date", 4),
            ("expected return", 4),
            ("expected return date", 4),
            ("date of return", 4),
            ("due back", 3),
            ("return", 2),
        ],
    ),
    (
        ColumnRole::Covering,
        &[
            ("covering", 4),
            ("agency covering", 4),
            ("agency cover", 4),
            ("agency cover for", 4),
            ("cover type", 3),
            ("covering for", 4),
            ("cover for", 3),
            ("reason for agency", 3),
            ("cover", 2),
        ],
    ),
];

/// Headings that name another person or a length of time, never one of the roles by
/// containing a synonym ("Line manager name", "Length of service").
const NOT_CONTAINED: &[&str] = &["manager", "supervisor", "length", "continuous"];

/// How well `heading` names `role`: 0 for not at all; a whole-heading match is worth more
/// than any contained one.
pub fn heading_score(heading: &str, role: ColumnRole) -> u8 {
    let words = normalise(heading);
    let Some((_, synonyms)) = SYNONYMS.iter().find(|(r, _)| *r == role) else {
        return 0;
    };
    let excluded = NOT_CONTAINED.iter().any(|w| has_phrase(&words, w));
    synonyms
        .iter()
        .map(|&(phrase, strength)| {
            if words == phrase {
                10 + strength
            } else if !excluded
                && (strength >= 3 || phrase.contains(' '))
                && has_phrase(&words, phrase)
            {
                strength
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Whether `heading` names any role: for finding the row of headings.
pub fn is_staff_heading(heading: &str) -> bool {
    ColumnRole::ALL
        .iter()
        .any(|&role| heading_score(heading, role) > 0)
}

/// A role for each heading (or none), strongest matches first; each role once, and only
/// roles in `allowed`.
pub fn guess_roles(headings: &[String], allowed: &[ColumnRole]) -> Vec<Option<ColumnRole>> {
    let mut pairs: Vec<(u8, usize, usize)> = Vec::new();
    for (column, heading) in headings.iter().enumerate() {
        for (order, &role) in allowed.iter().enumerate() {
            let score = heading_score(heading, role);
            if score > 0 {
                pairs.push((score, column, order));
            }
        }
    }
    // Strongest first; among equals, the leftmost column and the role listed first.
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut roles = vec![None; headings.len()];
    let mut taken = Vec::new();
    for (_, column, order) in pairs {
        let role = allowed[order];
        if roles[column].is_none() && !taken.contains(&role) {
            roles[column] = Some(role);
            taken.push(role);
        }
    }
    // A whole name and first name + surname are two ways of saying one thing: a whole name
    // wins, unless only the parts are there.
    let has = |r| taken.contains(&r);
    if has(ColumnRole::Name) && (has(ColumnRole::FirstName) || has(ColumnRole::LastName)) {
        for role in &mut roles {
            if matches!(role, Some(ColumnRole::FirstName | ColumnRole::LastName)) {
                *role = None;
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnRole as R;

    fn guess(headings: &[&str]) -> Vec<Option<ColumnRole>> {
        let headings: Vec<String> = headings.iter().map(|h| h.to_string()).collect();
        guess_roles(&headings, &ColumnRole::ALL)
    }

    #[test]
    fn three_councils_headings_are_recognised() {
        assert_eq!(
            guess(&[
                "Emp No",
                "Employee Name",
                "Job Title",
                "Team",
                "FTE",
                "Contract Type",
                "Start Date",
                "End Date",
            ]),
            [
                Some(R::EmployeeNumber),
                Some(R::Name),
                Some(R::JobTitle),
                Some(R::Team),
                Some(R::Fte),
                Some(R::Contract),
                Some(R::StartDate),
                Some(R::EndDate),
            ]
        );
        assert_eq!(
            guess(&[
                "Payroll Number",
                "Forename",
                "Surname",
                "Post Title",
                "Cost Centre",
                "Contracted Hours",
                "Employment Type",
                "Absence Reason",
                "Expected Return Date",
            ]),
            [
                Some(R::EmployeeNumber),
                Some(R::FirstName),
                Some(R::LastName),
                Some(R::JobTitle),
                Some(R::Team),
                Some(R::WeeklyHours),
                Some(R::Contract),
                Some(R::Absence),
                Some(R::ReturnDate),
            ]
        );
        // "Grade" loses to a job title; "Line Manager Name" is nobody's name here; "Length of
        // Service" is not a team.
        assert_eq!(
            guess(&[
                "Worker",
                "Line Manager Name",
                "Grade",
                "Role",
                "Service",
                "Length of Service",
                "WTE",
            ]),
            [
                Some(R::Name),
                None,
                None,
                Some(R::JobTitle),
                Some(R::Team),
                None,
                Some(R::Fte),
            ]
        );
    }

    #[test]
    fn a_whole_heading_beats_a_contained_one_and_contract_end_is_a_date() {
        // "Contract End Date" contains "contract", but is the end date exactly.
        assert_eq!(
            guess(&["Contract End Date", "Contract"]),
            [Some(R::EndDate), Some(R::Contract)]
        );
        assert_eq!(heading_score("FTE (%)", R::Fte), 14);
        assert_eq!(heading_score("Team / Cost Centre", R::Team), 4);
        assert_eq!(heading_score("Service start", R::Team), 0);
        assert!(!is_staff_heading("Salary"));
    }

    #[test]
    fn a_whole_name_wins_over_its_parts() {
        assert_eq!(
            guess(&["Name", "Forename", "Team"]),
            [Some(R::Name), None, Some(R::Team)]
        );
    }
}
