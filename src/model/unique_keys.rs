//! Maps read from a plan file refuse a key written twice. Serde's own map reading keeps the
//! last value silently (`cases: {2: 50, 2: 5}` would read as 5 cases), so every map in the file
//! format is read here instead.
//!
//! Posts and teams are read through a copy of their fields ([`PostFields`], [`TeamFields`]) so
//! that the refusal can name the post or team; the other maps (cost rates by grade, demand by
//! team) occur once per scenario, and RON's line and column are enough to find them.

use super::ids::{CaseTypeId, GradeId, PostId, TeamId};
use super::month::YearMonth;
use super::plan::{AgencyCover, Contract, Post, PostStatus, Team, TeamFunction};
use super::problems::Location;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A map as a file writes it, and the first key written more than once.
pub(super) struct KeyedOnce<K, V> {
    map: BTreeMap<K, V>,
    repeated: Option<K>,
}

impl<K, V> Default for KeyedOnce<K, V> {
    fn default() -> Self {
        KeyedOnce {
            map: BTreeMap::new(),
            repeated: None,
        }
    }
}

impl<'de, K, V> Deserialize<'de> for KeyedOnce<K, V>
where
    K: Deserialize<'de> + Ord + Clone,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for MapVisitor<K, V>
        where
            K: Deserialize<'de> + Ord + Clone,
            V: Deserialize<'de>,
        {
            type Value = KeyedOnce<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map in `{...}`")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
                let mut read = KeyedOnce::default();
                while let Some((key, value)) = entries.next_entry::<K, V>()? {
                    // One search per entry: a hostile file may hold millions.
                    let replaced = read.map.insert(key.clone(), value);
                    if replaced.is_some() && read.repeated.is_none() {
                        read.repeated = Some(key);
                    }
                }
                Ok(read)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// For `#[serde(deserialize_with)]`: a map in which no key is written twice.
pub(super) fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + Clone + fmt::Display,
    V: Deserialize<'de>,
{
    let read = KeyedOnce::<K, V>::deserialize(deserializer)?;
    match read.repeated {
        Some(key) => Err(de::Error::custom(format!(
            "{key} is listed twice here: list each once"
        ))),
        None => Ok(read.map),
    }
}

/// A post's fields as the file holds them; becomes a [`Post`] unless a case type is repeated.
#[derive(serde::Deserialize)]
#[serde(rename = "Post", deny_unknown_fields)]
pub(super) struct PostFields {
    id: PostId,
    team: TeamId,
    grade: GradeId,
    contract: Contract,
    fte: f64,
    worker: Option<String>,
    #[serde(default)]
    status: PostStatus,
    #[serde(default)]
    cases: KeyedOnce<CaseTypeId, u32>,
    #[serde(default)]
    starts: Option<YearMonth>,
    #[serde(default)]
    leaves: Option<YearMonth>,
    #[serde(default)]
    covers: AgencyCover,
    #[serde(default)]
    reductions: Vec<super::reductions::Reduction>,
}

impl TryFrom<PostFields> for Post {
    type Error = String;

    fn try_from(fields: PostFields) -> Result<Self, String> {
        if let Some(case_type) = fields.cases.repeated {
            return Err(format!(
                "{}: {case_type} is listed twice in its cases: list each case type once",
                fields.id
            ));
        }
        Ok(Post {
            id: fields.id,
            team: fields.team,
            grade: fields.grade,
            contract: fields.contract,
            fte: fields.fte,
            worker: fields.worker,
            status: fields.status,
            cases: fields.cases.map,
            starts: fields.starts,
            leaves: fields.leaves,
            covers: fields.covers,
            reductions: fields.reductions,
        })
    }
}

/// A team's fields as the file holds them; becomes a [`Team`] unless a case type is repeated.
#[derive(serde::Deserialize)]
#[serde(rename = "Team", deny_unknown_fields)]
pub(super) struct TeamFields {
    id: TeamId,
    name: String,
    function: TeamFunction,
    #[serde(default)]
    unallocated: KeyedOnce<CaseTypeId, u32>,
}

impl TryFrom<TeamFields> for Team {
    type Error = String;

    fn try_from(fields: TeamFields) -> Result<Self, String> {
        if let Some(case_type) = fields.unallocated.repeated {
            return Err(format!(
                "{}: {case_type} is listed twice in its unallocated cases: list each case type \
                 once",
                Location::team(fields.id, &fields.name)
            ));
        }
        Ok(Team {
            id: fields.id,
            name: fields.name,
            function: fields.function,
            unallocated: fields.unallocated.map,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CostRates, Plan};

    #[test]
    fn a_case_type_given_twice_is_refused_naming_the_post_or_team() {
        let post = "(id: 14, team: 2, grade: 1, contract: Permanent, fte: 1.0, worker: Some(\"A\"), \
                    cases: {2: 50, 3: 1, 2: 5})";
        let error = ron::from_str::<Post>(post).unwrap_err().code.to_string();
        assert_eq!(
            error,
            "post 14: case type 2 is listed twice in its cases: list each case type once"
        );
        let team = "(id: 2, name: \"North\", function: Other, unallocated: {2: 1, 2: 1})";
        let error = ron::from_str::<Team>(team).unwrap_err().code.to_string();
        assert!(
            error.starts_with("team 2 \"North\": case type 2 is listed twice"),
            "{error}"
        );
    }

    #[test]
    fn a_grade_given_twice_in_the_cost_rates_is_refused() {
        let rates = "(salary: {2: 45000.0, 2: 1.0}, on_costs: 0.3, agency_day_rate: {}, \
                     working_days: 220.0)";
        let error = ron::from_str::<CostRates>(rates).unwrap_err();
        assert_eq!(
            error.code.to_string(),
            "grade 2 is listed twice here: list each once"
        );
    }

    #[test]
    fn maps_without_repeats_read_as_before() {
        let post = "(id: 1, team: 1, grade: 1, contract: Agency, fte: 0.5, worker: None)";
        let read: Post = ron::from_str(post).unwrap();
        assert!(read.cases.is_empty() && read.status == PostStatus::Active);
        let plan: Plan = crate::io::default_plan();
        let text = ron::to_string(&plan.posts).unwrap();
        assert_eq!(ron::from_str::<Vec<Post>>(&text).unwrap(), plan.posts);
    }

    #[test]
    fn what_an_agency_worker_covers_is_written_only_when_it_is_not_a_vacancy() {
        let post = "(id: 1, team: 1, grade: 1, contract: Agency, fte: 1.0, worker: Some(\"A\"))";
        let mut read: Post = ron::from_str(post).unwrap();
        assert_eq!(read.covers, AgencyCover::Vacancy);
        assert!(!ron::to_string(&read).unwrap().contains("covers"));
        read.covers = AgencyCover::Absence;
        let written = ron::to_string(&read).unwrap();
        assert!(written.ends_with("covers:Absence)"), "{written}");
        assert_eq!(ron::from_str::<Post>(&written).unwrap(), read);
    }
}
