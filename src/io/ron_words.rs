//! RON's parse errors in a plan-writer's words. RON names the Rust types it was reading
//! (`PlanFile`, `OptionFile`, `struct variant PostStatus::Absent`, `u32`) and gives advice meant
//! for programmers (`ron::Options::recursion_limit`); a person sees the part of the plan instead
//! ("a post", "an option") and what to write. Names the user types in the file (field names such
//! as `fte`, values such as `FixedTerm`) stay as they are.

/// What each type or struct variant read from a plan file is to a person.
const PARTS: &[(&str, &str)] = &[
    ("PlanFile", "the plan"),
    ("Header", "the plan"),
    ("OptionFile", "an option"),
    ("Settings", "the settings"),
    ("Timeline", "the timeline"),
    ("CaseType", "a case type"),
    ("Grade", "a grade"),
    ("GradeRole", "a grade's role"),
    ("CostRates", "the cost rates"),
    ("Team", "a team"),
    ("TeamFunction", "a team's function"),
    ("Post", "a post"),
    ("Contract", "a contract"),
    ("FixedTerm", "a fixed-term contract"),
    ("PostStatus", "a post's status"),
    ("Absent", "an absence"),
    ("AbsenceReason", "an absence's reason"),
    ("AgencyCover", "what an agency worker covers"),
    ("Assumptions", "the assumptions"),
    ("Turnover", "the turnover"),
    ("DemandChange", "a demand change"),
    ("MonthlyGrowth", "a monthly growth"),
    ("Target", "a demand target"),
    ("YearMonth", "a month"),
    ("PostId", "a post id"),
    ("TeamId", "a team id"),
    ("GradeId", "a grade id"),
    ("CaseTypeId", "a case type id"),
    // Import mapping files (`crate::io::import`).
    ("SavedMapping", "the mapping"),
    ("ImportMapping", "the staff list's mapping"),
    ("CaseloadMapping", "the caseload report's mapping"),
    ("ColumnRole", "a column's role"),
    ("GradeChoice", "a job title's grade"),
    ("TeamChoice", "a team"),
    ("ContractChoice", "a contract word's meaning"),
    ("AbsenceChoice", "an absence word's meaning"),
    ("CaseColumn", "a caseload column's role"),
    ("CaseTypeChoice", "a case type word's meaning"),
];

/// The part of a plan a type name stands for; a name not in the table is quoted as written.
fn part(name: &str) -> String {
    PARTS
        .iter()
        .find(|(rust, _)| *rust == name)
        .map_or_else(|| format!("`{name}`"), |(_, words)| (*words).to_owned())
}

/// What serde says a value was expected to be (`struct Post`, `u32`, `struct variant
/// PostStatus::Absent`, `a map`), in words.
fn expected(what: &str) -> String {
    for kind in [
        "struct variant ",
        "tuple variant ",
        "newtype variant ",
        "unit variant ",
    ] {
        if let Some(path) = what.strip_prefix(kind) {
            let variant = path.rsplit("::").next().unwrap_or(path);
            return part(variant);
        }
    }
    for kind in ["tuple struct ", "unit struct ", "struct ", "enum "] {
        if let Some(name) = what.strip_prefix(kind) {
            return part(name);
        }
    }
    match what {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            "a whole number".into()
        }
        "f32" | "f64" => "a number".into(),
        "option" => "`Some(...)` or `None`".into(),
        other => other.to_owned(),
    }
}

/// `expected one of `a`, `b`, or `c` instead`, as RON says it.
fn one_of(alternatives: &[&str], none: &str) -> String {
    let quoted: Vec<String> = alternatives.iter().map(|a| format!("`{a}`")).collect();
    match quoted.as_slice() {
        [] => format!("there are no {none}"),
        [one] => format!("expected {one} instead"),
        [a, b] => format!("expected either {a} or {b} instead"),
        [first @ .., last] => format!("expected one of {}, or {last} instead", first.join(", ")),
    }
}

/// `in a post`, or nothing when RON does not say where.
fn within(outer: Option<&String>) -> String {
    outer.map_or_else(String::new, |name| format!(" in {}", part(name)))
}

/// RON's error as a person should read it: no Rust type names, no advice for programmers.
pub(super) fn plain_words(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::IntegerOutOfBounds => {
            "number out of range here: ids and case counts are whole numbers from 0 up".into()
        }
        E::ExpectedDifferentStructName { expected, found } => format!(
            "Expected {} here, not `{found}(...)`: write just `(...)`",
            part(expected)
        ),
        E::ExpectedNamedStructLike("") => "Expected opening `(`".into(),
        E::ExpectedNamedStructLike(name) => format!("Expected opening `(` for {}", part(name)),
        E::ExpectedStructName(name) => format!("Expected {} written as `(...)`", part(name)),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let of = outer
                .as_ref()
                .map_or_else(String::new, |name| format!(" for {}", part(name)));
            format!(
                "Unexpected variant named `{found}`{of}, {}",
                one_of(expected, "variants")
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "Unexpected field named `{found}`{}, {}",
            within(outer.as_ref()),
            one_of(expected, "fields")
        ),
        E::MissingStructField { field, outer } => {
            format!("Missing field `{field}`{}", within(outer.as_ref()))
        }
        E::DuplicateStructField { field, outer } => format!(
            "The field `{field}` is written twice{}",
            within(outer.as_ref())
        ),
        E::InvalidValueForType { expected: e, found } => {
            format!("Expected {} but found {found} instead", expected(e))
        }
        E::ExpectedDifferentLength { expected: e, found } => {
            format!("Expected {} but found {found} values", expected(e))
        }
        E::ExpectedOption => "Expected `Some(...)` or `None`".into(),
        E::ExceededRecursionLimit => "brackets are nested too deeply here for a plan file".into(),
        E::UnclosedLineComment => "a comment is not closed".into(),
        E::ExpectedRawValue => "Expected a value".into(),
        E::SuggestRawIdentifier(name) => format!("`{name}` cannot be used as a name here"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_become_the_parts_of_a_plan() {
        let unknown_field = ron::Error::NoSuchStructField {
            expected: &["fte", "worker"],
            found: "ftee".into(),
            outer: Some("Post".into()),
        };
        assert_eq!(
            plain_words(&unknown_field),
            "Unexpected field named `ftee` in a post, expected either `fte` or `worker` instead"
        );
        let missing = ron::Error::MissingStructField {
            field: "teams",
            outer: Some("OptionFile".into()),
        };
        assert_eq!(plain_words(&missing), "Missing field `teams` in an option");
        let wrong = ron::Error::InvalidValueForType {
            expected: "struct variant PostStatus::Absent".into(),
            found: "a unit variant".into(),
        };
        assert_eq!(
            plain_words(&wrong),
            "Expected an absence but found a unit variant instead"
        );
        assert_eq!(
            plain_words(&ron::Error::ExpectedNamedStructLike("PlanFile")),
            "Expected opening `(` for the plan"
        );
        assert_eq!(expected("u32"), "a whole number");
        assert_eq!(expected("enum Contract"), "a contract");
    }
}
