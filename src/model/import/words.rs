//! Comparing the words of a file with the words the app knows: case, punctuation and spacing
//! do not matter ("Cost Centre:", "cost-centre" and "COST CENTRE" are one heading).

/// `text` in lower case, `&` as "and", every run of other than letters and digits as one
/// space, trimmed: `"Contract  Type:"` → `"contract type"`, `"C&F"` → `"c and f"`.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == '&' {
            push_word(&mut out, "and", &mut space);
            space = true;
        } else if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

fn push_word(out: &mut String, word: &str, space: &mut bool) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *space = false;
}

/// Whether `phrase` (normalised) is in `text` (normalised) as whole words.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let before = at == 0 || text.as_bytes()[at - 1] == b' ';
        let end = at + phrase.len();
        let after = end == text.len() || text.as_bytes()[end] == b' ';
        before && after
    })
}

/// Whether any of `phrases` is in `text` as whole words.
pub fn has_any(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(text, p))
}

/// A person's name as compared: words normalised, and "Surname, Forename" (as case systems
/// list workers) turned round to "forename surname".
pub fn person_key(name: &str) -> String {
    match name.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() && !last.trim().is_empty() => {
            normalise(&format!("{first} {last}"))
        }
        _ => normalise(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_compare_without_case_punctuation_or_spacing() {
        assert_eq!(normalise("  Contract  Type: "), "contract type");
        assert_eq!(normalise("Cost-Centre"), "cost centre");
        assert_eq!(normalise("C&F Assessment"), "c and f assessment");
        assert_eq!(normalise("FTE (%)"), "fte");
        assert_eq!(normalise("Siân"), "siân");
        assert_eq!(normalise("¬£$"), "");
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("team name", "team"));
        assert!(has_phrase("cost centre code", "cost centre"));
        assert!(!has_phrase("teamwork", "team"));
        assert!(!has_phrase("cic team", "ic"));
        assert!(has_any("child in need", &["cp", "child in need"]));
    }

    #[test]
    fn surname_first_names_are_turned_round() {
        assert_eq!(person_key("Evans, Siân"), "siân evans");
        assert_eq!(person_key("  Siân   EVANS "), "siân evans");
        assert_eq!(person_key("Evans,"), "evans");
    }
}
