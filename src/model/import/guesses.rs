//! First guesses for the values of a staff list: which of the plan's grades a job title is,
//! which kind of contract a word means, whether an absence column says the worker is away and
//! why, what a new team does. Every guess is shown to the user, who may change it.

use super::words::{has_any, normalise};
use crate::model::{AbsenceReason, AgencyCover, Grade, GradeRole, TeamFunction};
use serde::{Deserialize, Serialize};

/// The kind of contract a word of the file means, or what to do with its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractChoice {
    Permanent,
    /// Fixed term or temporary: the row needs an end date.
    FixedTerm,
    /// Agency, locum or interim.
    Agency,
    /// Rows with this word are not imported.
    Skip,
    /// No guess: the user has to choose.
    Unmatched,
}

/// Whether an absence column's word means the worker is away, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AbsenceChoice {
    Working,
    Absent(AbsenceReason),
}

/// The contract a word means: permanent; fixed term or temporary; agency, locum or interim.
/// A blank cell is permanent (HR lists often leave it blank for the established staff).
pub fn guess_contract(text: &str) -> ContractChoice {
    let words = normalise(text);
    if words.is_empty() || has_any(&words, &["permanent", "perm", "substantive", "established"]) {
        ContractChoice::Permanent
    } else if has_any(&words, &["fixed", "ftc", "temporary", "temp"]) {
        ContractChoice::FixedTerm
    } else if has_any(
        &words,
        &["agency", "locum", "interim", "contractor", "agency worker"],
    ) {
        ContractChoice::Agency
    } else {
        ContractChoice::Unmatched
    }
}

/// Whether a worker is away: blank, "No", "None", "Active", "At work" are working; maternity,
/// paternity, adoption and parental leave are parental leave; sickness; secondment; anything
/// else is an absence for another reason.
pub fn guess_absence(text: &str) -> AbsenceChoice {
    let words = normalise(text);
    let working = [
        "",
        "no",
        "none",
        "n a",
        "na",
        "active",
        "at work",
        "working",
        "present",
        "in post",
        "not absent",
        "0",
        "false",
    ];
    if working.contains(&words.as_str()) {
        AbsenceChoice::Working
    } else if has_any(
        &words,
        &[
            "maternity",
            "mat",
            "paternity",
            "parental",
            "shared parental",
            "adoption",
            "adoption leave",
        ],
    ) {
        AbsenceChoice::Absent(AbsenceReason::Maternity)
    } else if has_any(&words, &["sick", "sickness", "ill", "illness", "lts"])
        || words.contains("sick")
    {
        AbsenceChoice::Absent(AbsenceReason::LongTermSickness)
    } else if words.contains("second") {
        AbsenceChoice::Absent(AbsenceReason::Secondment)
    } else {
        AbsenceChoice::Absent(AbsenceReason::Other)
    }
}

/// What an agency worker covers, from a "Covering" column's word: blank or a vacancy; an
/// absence (maternity, sickness, leave); extra capacity (over or above establishment,
/// additional, supernumerary). `None` for a word that says none of these.
pub fn guess_cover(text: &str) -> Option<AgencyCover> {
    let words = normalise(text);
    if words.is_empty() || has_any(&words, &["vacancy", "vacant", "vacant post", "vacancies"]) {
        Some(AgencyCover::Vacancy)
    } else if has_any(
        &words,
        &[
            "extra",
            "over establishment",
            "above establishment",
            "additional",
            "supernumerary",
            "additional capacity",
        ],
    ) {
        Some(AgencyCover::OverEstablishment)
    } else if has_any(
        &words,
        &[
            "absence",
            "absent",
            "maternity",
            "parental",
            "sickness",
            "sick",
            "leave",
            "secondment",
        ],
    ) {
        Some(AgencyCover::Absence)
    } else {
        None
    }
}

/// What a new team does, from its name: "MASH" is a front door, "Leaving Care" care leavers,
/// "Locality North" child in need and protection.
pub fn guess_team_function(name: &str) -> TeamFunction {
    let words = normalise(name);
    let rules: [(TeamFunction, &[&str]); 7] = [
        (
            TeamFunction::CareLeavers,
            &[
                "care leavers",
                "care leaver",
                "leaving care",
                "pathway",
                "18 plus",
            ],
        ),
        (
            TeamFunction::FosteringAdoption,
            &["fostering", "adoption", "kinship", "special guardianship"],
        ),
        (
            TeamFunction::ChildrenInCare,
            &[
                "children in care",
                "child in care",
                "looked after",
                "lac",
                "cla",
                "cic",
                "permanence",
            ],
        ),
        (
            TeamFunction::EdgeOfCare,
            &[
                "edge of care",
                "adolescent",
                "adolescents",
                "exploitation",
                "youth",
                "rapid response",
            ],
        ),
        (
            TeamFunction::FrontDoor,
            &[
                "front door",
                "mash",
                "assessment",
                "duty",
                "referral",
                "first response",
                "contact",
                "triage",
            ],
        ),
        (
            TeamFunction::EarlyHelp,
            &["early help", "early intervention"],
        ),
        (
            TeamFunction::ChildInNeedProtection,
            &[
                "locality",
                "safeguarding",
                "child in need",
                "children in need",
                "cin",
                "child protection",
                "cp",
                "family safeguarding",
                "help and protection",
                "court",
                "plo",
                "family support",
            ],
        ),
    ];
    rules
        .iter()
        .find(|(_, phrases)| has_any(&words, phrases))
        .map_or(TeamFunction::Other, |(function, _)| *function)
}

/// Job titles as councils write them, each with the default grade it means and the role of
/// grade to fall back on in a plan that names its grades otherwise. Earlier rules win.
const TITLE_RULES: &[(&[&str], &str, GradeRole)] = &[
    (
        &[
            "asye",
            "newly qualified",
            "nqsw",
            "nq social worker",
            "level 1 social worker",
        ],
        "ASYE / newly qualified",
        GradeRole::NewlyQualified,
    ),
    (
        &[
            "service manager",
            "head of service",
            "group manager",
            "area manager",
            "operations manager",
            "director",
        ],
        "Service manager",
        GradeRole::SeniorManager,
    ),
    (
        &[
            "team manager",
            "team leader",
            "practice manager",
            "deputy team manager",
            "assistant team manager",
        ],
        "Team manager",
        GradeRole::TeamManager,
    ),
    (
        &[
            "advanced practitioner",
            "advanced social worker",
            "consultant social worker",
            "principal social worker",
            "practice lead",
        ],
        "Advanced practitioner",
        GradeRole::Practitioner,
    ),
    (
        &[
            "senior practitioner",
            "senior social worker",
            "senior sw",
            "level 4 social worker",
        ],
        "Senior practitioner",
        GradeRole::Practitioner,
    ),
    (
        &[
            "social worker",
            "sw",
            "locum social worker",
            "agency social worker",
        ],
        "Social worker",
        GradeRole::Practitioner,
    ),
];

/// The plan's grade a job title means, by name: the grade of the same name, a grade whose
/// name the title contains (the longest), or the grade the title's words usually mean
/// ("Level 3 Social Worker" is a social worker). `None` when nothing fits (a family support
/// worker in a plan with only social work grades): the user chooses.
pub fn guess_grade<'a>(title: &str, grades: &'a [Grade]) -> Option<&'a Grade> {
    let words = normalise(title);
    if words.is_empty() {
        return None;
    }
    if let Some(same) = grades.iter().find(|g| normalise(&g.name) == words) {
        return Some(same);
    }
    for (phrases, default_name, role) in TITLE_RULES {
        if has_any(&words, phrases) {
            let wanted = normalise(default_name);
            return grades
                .iter()
                .find(|g| normalise(&g.name) == wanted)
                .or_else(|| grades.iter().find(|g| g.role == *role));
        }
    }
    grades
        .iter()
        .filter(|g| {
            let name = normalise(&g.name);
            !name.is_empty() && super::words::has_phrase(&words, &name)
        })
        .max_by_key(|g| g.name.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults;

    fn grade_of(title: &str) -> Option<String> {
        guess_grade(title, &defaults::grades()).map(|g| g.name.clone())
    }

    #[test]
    fn job_titles_find_the_plans_grades() {
        assert_eq!(
            grade_of("Level 3 Social Worker").as_deref(),
            Some("Social worker")
        );
        assert_eq!(
            grade_of("Social Worker (Level 2)").as_deref(),
            Some("Social worker")
        );
        assert_eq!(
            grade_of("SENIOR SOCIAL WORKER").as_deref(),
            Some("Senior practitioner")
        );
        assert_eq!(
            grade_of("Senior Practitioner").as_deref(),
            Some("Senior practitioner")
        );
        assert_eq!(
            grade_of("ASYE Social Worker").as_deref(),
            Some("ASYE / newly qualified")
        );
        assert_eq!(
            grade_of("Team Manager - MASH").as_deref(),
            Some("Team manager")
        );
        assert_eq!(
            grade_of("Head of Service").as_deref(),
            Some("Service manager")
        );
        assert_eq!(
            grade_of("Advanced Practitioner").as_deref(),
            Some("Advanced practitioner")
        );
        assert_eq!(grade_of("Family Support Worker"), None);
        assert_eq!(grade_of(""), None);
    }

    #[test]
    fn a_plan_with_its_own_grade_names_falls_back_on_the_role() {
        let mut grades = defaults::grades();
        grades[0].name = "Newly qualified (ASYE)".into();
        grades[4].name = "Practice supervisor".into();
        let found = |title| guess_grade(title, &grades).map(|g| g.name.clone());
        assert_eq!(found("NQSW").as_deref(), Some("Newly qualified (ASYE)"));
        assert_eq!(found("Team Leader").as_deref(), Some("Practice supervisor"));
        assert_eq!(
            found("Practice Supervisor").as_deref(),
            Some("Practice supervisor")
        );
    }

    #[test]
    fn contract_words() {
        use ContractChoice as C;
        for (word, kind) in [
            ("Permanent", C::Permanent),
            ("", C::Permanent),
            ("Fixed Term", C::FixedTerm),
            ("Fixed-term contract", C::FixedTerm),
            ("Temporary", C::FixedTerm),
            ("FTC", C::FixedTerm),
            ("Agency", C::Agency),
            ("Locum", C::Agency),
            ("Interim", C::Agency),
            ("Bank", C::Unmatched),
        ] {
            assert_eq!(guess_contract(word), kind, "{word}");
        }
    }

    #[test]
    fn absence_words() {
        use AbsenceChoice::*;
        use AbsenceReason::*;
        for (word, choice) in [
            ("", Working),
            ("None", Working),
            ("N/A", Working),
            ("Maternity Leave", Absent(Maternity)),
            ("Shared parental leave", Absent(Maternity)),
            ("Long-term sick", Absent(LongTermSickness)),
            ("Sickness", Absent(LongTermSickness)),
            ("Seconded out", Absent(Secondment)),
            ("Career break", Absent(Other)),
        ] {
            assert_eq!(guess_absence(word), choice, "{word}");
        }
    }

    #[test]
    fn team_functions_from_names() {
        use TeamFunction as F;
        for (name, function) in [
            ("Front Door and Assessment", F::FrontDoor),
            ("MASH", F::FrontDoor),
            ("Locality North", F::ChildInNeedProtection),
            ("Children in Care", F::ChildrenInCare),
            ("Care Leavers", F::CareLeavers),
            ("Leaving Care & 18+", F::CareLeavers),
            ("Fostering Team", F::FosteringAdoption),
            ("Edge of Care", F::EdgeOfCare),
            ("Early Help East", F::EarlyHelp),
            ("Service Management", F::Other),
        ] {
            assert_eq!(guess_team_function(name), function, "{name}");
        }
    }

    #[test]
    fn what_an_agency_worker_covers_from_the_words_people_use() {
        use AgencyCover as A;
        for (text, expected) in [
            ("", Some(A::Vacancy)),
            ("Covering a vacancy", Some(A::Vacancy)),
            ("Vacant post", Some(A::Vacancy)),
            ("Covering an absence", Some(A::Absence)),
            ("Maternity cover", Some(A::Absence)),
            ("Sickness", Some(A::Absence)),
            (
                "Extra capacity over establishment",
                Some(A::OverEstablishment),
            ),
            ("Supernumerary", Some(A::OverEstablishment)),
            ("Above establishment", Some(A::OverEstablishment)),
            ("Project work", None),
        ] {
            assert_eq!(guess_cover(text), expected, "{text}");
        }
    }
}
