//! Plan files: round trips, atomic saves, and a loader that never panics.

use caseload_planner::io::{
    DEFAULT_PLAN_RON, SaveError, backup_path, load_bytes, load_file, load_str, save_file,
    to_ron_string,
};
use caseload_planner::model::demand_flows::{DemandFlows, DemandLever, FlowChange, MonthsOpen};
use caseload_planner::model::money::{AgencyCap, Investment, RetentionMeasure};
use caseload_planner::model::reductions::{
    ProtectedTime, Reduction, ReductionAmount, ReductionReason,
};
use caseload_planner::model::retention::{Induction, Intake, ServiceBand, ServiceTurnover};
use caseload_planner::model::scenarios::OwnPartsWithoutName;
use caseload_planner::model::scenarios::validate_scenarios;
use caseload_planner::model::validate::{
    MAX_CAPACITY_POINTS, MAX_CASE_COUNT, MAX_WEIGHT, MIN_CAPACITY_POINTS, MIN_WEIGHT,
};
use caseload_planner::model::{
    AbsenceReason, AgencyCover, Assumptions, CaseCounts, CaseType, CaseTypeId, Command, Contract,
    CostRates, DemandChange, Grade, GradeId, GradeRole, Plan, Post, PostId, PostStatus,
    ScenarioSet, Settings, Team, TeamFunction, TeamId, Timeline, Turnover, YearMonth, assess,
};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;
use std::time::Instant;

// ---------- arbitrary valid plans ----------

/// Any text at all, made non-blank: quotes, backslashes, `#`, newlines and control characters
/// exercise the writer's raw-string fallback.
fn name() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|s| format!("N{s}"))
}

fn month() -> impl Strategy<Value = YearMonth> {
    (YearMonth::MIN_YEAR..=YearMonth::MAX_YEAR, 1u8..=12)
        .prop_map(|(y, m)| YearMonth::new(y, m).unwrap())
}

fn counts(case_types: u32) -> impl Strategy<Value = CaseCounts> {
    btree_map(
        (1..=case_types).prop_map(CaseTypeId),
        0..=MAX_CASE_COUNT,
        0..4,
    )
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        0.01f64..100.0,
        0.01f64..3.0,
        0.001f64..3.0,
        0.0f64..=1.0,
        0.0f64..=1.0,
        0.01f64..50.0,
        prop::option::of(prop_oneof!["[0-9]{3}", "[0-9]{3} / [0-9]{3}"]),
    )
        .prop_map(
            |(
                caseload_target,
                amber_from,
                gap,
                max_agency_share,
                max_asye_share,
                max_span_of_control,
                council,
            )| Settings {
                caseload_target,
                amber_from,
                red_from: amber_from + gap,
                max_agency_share,
                max_asye_share,
                max_span_of_control,
                council,
            },
        )
}

fn contract() -> impl Strategy<Value = Contract> {
    prop_oneof![
        Just(Contract::Permanent),
        Just(Contract::Agency),
        (month(), month()).prop_map(|(a, b)| Contract::FixedTerm {
            start: a.min(b),
            end: a.max(b)
        }),
    ]
}

fn status() -> impl Strategy<Value = PostStatus> {
    prop_oneof![
        Just(PostStatus::Active),
        (
            proptest::sample::select(AbsenceReason::ALL.to_vec()),
            proptest::option::of(month())
        )
            .prop_map(|(reason, returns)| PostStatus::Absent { reason, returns }),
    ]
}

fn post(teams: u32, grades: u32, case_types: u32) -> impl Strategy<Value = Post> {
    (
        1..=teams,
        1..=grades,
        contract(),
        (10u32..=1000).prop_map(|n| f64::from(n) / 1000.0),
        proptest::option::of(name()),
        status(),
        counts(case_types),
        proptest::sample::select(AgencyCover::ALL.to_vec()),
        proptest::option::of((0.0f64..=0.5, month(), proptest::option::of(0u32..=24))),
    )
        .prop_map(
            |(team, grade, contract, fte, worker, status, cases, covers, reduction)| {
                let vacant = worker.is_none();
                Post {
                    id: PostId(0),
                    team: TeamId(team),
                    grade: GradeId(grade),
                    contract,
                    fte,
                    worker,
                    // A vacancy is never absent and holds no cases.
                    status: if vacant { PostStatus::Active } else { status },
                    cases: if vacant { CaseCounts::new() } else { cases },
                    starts: None,
                    leaves: None,
                    // Only an agency worker covers anything but a vacancy.
                    covers: if contract == Contract::Agency {
                        covers
                    } else {
                        AgencyCover::Vacancy
                    },
                    // At most half the post's time, ending on or after it starts.
                    reductions: reduction
                        .map(|(share, from, months)| Reduction {
                            reason: ReductionReason::PracticeEducator,
                            amount: ReductionAmount::Share(share),
                            from,
                            until: months.and_then(|m| from.plus_months(m as i32)),
                        })
                        .into_iter()
                        .collect(),
                }
            },
        )
}

/// None (a manager's grade) or a plausible capacity.
fn capacity() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), MIN_CAPACITY_POINTS..=MAX_CAPACITY_POINTS]
}

fn valid_plan() -> impl Strategy<Value = Plan> {
    (1u32..5, 1u32..5, 1u32..4)
        .prop_flat_map(|(case_types, grades, teams)| {
            (
                name(),
                any::<String>(),
                settings(),
                vec(
                    (name(), MIN_WEIGHT..=MAX_WEIGHT, any::<bool>()),
                    case_types as usize,
                ),
                vec((name(), capacity(), any::<bool>()), grades as usize),
                vec((name(), counts(case_types)), teams as usize),
                vec(post(teams, grades, case_types), 0..12),
            )
        })
        .prop_map(
            |(name, notes, settings, case_types, grades, teams, posts)| Plan {
                name,
                notes,
                settings,
                timeline: Timeline::default(),
                costs: CostRates {
                    salary: Default::default(),
                    on_costs: 0.3,
                    agency_day_rate: Default::default(),
                    working_days: 220.0,
                    cost_per_hire: 4_000.0,
                    case_costs: [(CaseTypeId(1), 60_000.0)].into(),
                    discount_rate: 0.035,
                },
                assumptions: Assumptions::default(),
                case_types: case_types
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, weight, must_allocate))| CaseType {
                        id: CaseTypeId(i as u32 + 1),
                        name,
                        weight,
                        must_allocate,
                    })
                    .collect(),
                grades: grades
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, capacity_points, holds_cases))| Grade {
                        id: GradeId(i as u32 + 1),
                        name,
                        role: GradeRole::Practitioner,
                        capacity_points,
                        holds_cases,
                    })
                    .collect(),
                teams: teams
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, unallocated))| Team {
                        id: TeamId(i as u32 + 1),
                        name,
                        function: TeamFunction::ALL[i % TeamFunction::ALL.len()],
                        unallocated,
                    })
                    .collect(),
                posts: posts
                    .into_iter()
                    .enumerate()
                    .map(|(i, post)| Post {
                        id: PostId(i as u32 * 3 + 7),
                        ..post
                    })
                    .collect(),
            },
        )
}

fn assumptions() -> impl Strategy<Value = Assumptions> {
    (
        (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0),
        1.0f64..=36.0,
        0.0f64..=1.0,
        proptest::option::of(prop_oneof![
            (-0.1f64..=0.1).prop_map(DemandChange::MonthlyGrowth),
            (-1000.0f64..=1000.0, 1u32..=60)
                .prop_map(|(cases, months)| DemandChange::Target { cases, months }),
        ]),
        flows(),
        proptest::option::of(0.0f64..=1.0),
        workforce(),
        money(),
    )
        .prop_map(
            |(
                (permanent, fixed_term, agency),
                months_to_fill,
                agency_cover,
                change,
                flows,
                protected,
                (service_turnover, induction, intakes),
                (investments, agency_cap, retention_measure),
            )| {
                Assumptions {
                    turnover: Turnover {
                        permanent,
                        fixed_term,
                        agency,
                    },
                    recruit: months_to_fill < 30.0,
                    months_to_fill,
                    agency_cover,
                    demand: change.into_iter().map(|c| (TeamId(1), c)).collect(),
                    protected_time: protected.map(|share| ProtectedTime {
                        share,
                        grades: vec![GradeId(1)],
                    }),
                    flows,
                    service_turnover,
                    induction,
                    intakes,
                    investments,
                    agency_cap,
                    retention_measure,
                }
            },
        )
}

/// Investments, an agency pay cap and a retention measure.
fn money() -> impl Strategy<Value = (Vec<Investment>, Option<AgencyCap>, Option<RetentionMeasure>)>
{
    (
        vec(("[a-z ]{0,20}", -1e7f64..=1e7, month(), 1u32..=600), 0..3),
        // A pay cap is at least £1 a day (the model refuses less).
        proptest::option::of((1.0f64..=2000.0, 0.0f64..=1.0)),
        proptest::option::of((0.0f64..=10_000.0, 0.0f64..=1.0)),
    )
        .prop_map(|(investments, cap, measure)| {
            (
                investments
                    .into_iter()
                    .map(|(name, amount, from, months)| Investment {
                        name,
                        amount,
                        from,
                        months,
                    })
                    .collect(),
                cap.map(|(max_day_rate, still_covered)| AgencyCap {
                    max_day_rate,
                    still_covered,
                }),
                measure.map(|(a_year_per_worker, turnover_cut)| RetentionMeasure {
                    a_year_per_worker,
                    turnover_cut,
                }),
            )
        })
}

/// Turnover by length of service, an induction and intakes into the first team at the first
/// grade (every generated plan has both).
fn workforce() -> impl Strategy<Value = (Option<ServiceTurnover>, Option<Induction>, Vec<Intake>)> {
    (
        proptest::option::of((1u32..=120, 0.0f64..=1.0, 0.0f64..=1.0, 0u32..=600)),
        proptest::option::of((0u32..=24, 0.0f64..=1.0)),
        vec((month(), 1u32..=200, any::<bool>()), 0..3),
    )
        .prop_map(|(service, induction, intakes)| {
            let service = service.map(|(until, first, after, unknown)| ServiceTurnover {
                bands: vec![
                    ServiceBand {
                        until_months: Some(until),
                        annual: first,
                    },
                    ServiceBand {
                        until_months: None,
                        annual: after,
                    },
                ],
                unknown_service_months: unknown,
            });
            let induction = induction.map(|(months, share)| Induction { months, share });
            let intakes = intakes
                .into_iter()
                .map(|(month, workers, every_year)| Intake {
                    team: TeamId(1),
                    grade: GradeId(1),
                    month,
                    workers,
                    every_year,
                })
                .collect();
            (service, induction, intakes)
        })
}

/// Demand flows on the first team and case type (every generated plan has both): months open,
/// and a lever on new cases.
fn flows() -> impl Strategy<Value = DemandFlows> {
    (
        proptest::option::of(1.0f64..=600.0),
        proptest::option::of((-1.0f64..=10.0, month(), 0u32..=60)),
    )
        .prop_map(|(months, lever)| DemandFlows {
            months_open: months
                .map(|months| MonthsOpen {
                    case_type: CaseTypeId(1),
                    months,
                })
                .into_iter()
                .collect(),
            new_cases: vec![],
            levers: lever
                .map(|(by, from, ramp_months)| DemandLever {
                    change: FlowChange::NewCases {
                        case_type: CaseTypeId(1),
                        by,
                    },
                    team: Some(TeamId(1)),
                    from,
                    ramp_months,
                })
                .into_iter()
                .collect(),
        })
}

/// A valid plan with a timeline, rates for its grades, and an option holding some of its posts
/// under other assumptions.
fn valid_scenarios() -> impl Strategy<Value = ScenarioSet> {
    (
        valid_plan(),
        month(),
        1u32..=60,
        name(),
        assumptions(),
        assumptions(),
        any::<prop::sample::Index>(),
        prop_oneof![Just(0.0), 1.0f64..=200_000.0],
    )
        .prop_map(
            |(mut plan, start, months, option_name, base, other, keep, salary)| {
                plan.timeline = Timeline { start, months };
                plan.costs = CostRates::illustrative(&plan);
                if let Some(first) = plan.grades.first() {
                    plan.costs.salary.insert(first.id, salary);
                }
                plan.assumptions = base;
                let kept = keep.index(plan.posts.len() + 1);
                let own = OwnPartsWithoutName {
                    teams: plan.teams.clone(),
                    posts: plan.posts[..kept].to_vec(),
                    assumptions: other,
                };
                ScenarioSet::with_options(plan, vec![(format!("Option {option_name}"), own)])
            },
        )
}

// ---------- the properties ----------

/// A valid plan, saved and loaded again, is the plan it was.
fn saved_and_loaded_is_equal(set: ScenarioSet) -> Result<(), TestCaseError> {
    prop_assert!(validate_scenarios(&set).is_empty());
    let text = to_ron_string(&set).unwrap();
    let loaded = load_str(&text, Path::new("round trip"))
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    prop_assert_eq!(loaded, set);
    Ok(())
}

/// Any bytes at all are read or refused, never a panic; a refusal is said in the user's words.
fn bytes_are_read_or_refused(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    match load_bytes(&bytes, Path::new("junk")) {
        Ok(set) => loaded_plan_is_sound(&set),
        Err(e) => message_is_plain(&e.to_string()),
    }
}

/// The example file with bytes deleted and fragments inserted: read with every figure finite,
/// or refused in the user's words.
fn mutated_file_is_read_or_refused(edits: Vec<Edit>) -> Result<(), TestCaseError> {
    let mut text = DEFAULT_PLAN_RON.as_bytes().to_vec();
    for (at, delete, insert) in edits {
        let i = at.index(text.len());
        let end = (i + delete).min(text.len());
        text.splice(i..end, insert.bytes());
    }
    match load_bytes(&text, Path::new("mutated")) {
        Ok(set) => loaded_plan_is_sound(&set),
        Err(e) => message_is_plain(&e.to_string()),
    }
}

type Edit = (prop::sample::Index, usize, &'static str);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    vec(
        (
            any::<prop::sample::Index>(),
            0usize..8,
            proptest::sample::select(NASTY.to_vec()),
        ),
        1..6,
    )
}

/// A plan that loaded is valid, every figure of every scenario is finite and of a size a table
/// can show (not `inf`, not 9223372036854775807 cases, not 300 digits), and its summary prints
/// one line per line: no name can add a row or act on a terminal.
fn loaded_plan_is_sound(set: &ScenarioSet) -> Result<(), TestCaseError> {
    prop_assert!(validate_scenarios(set).is_empty());
    let shown = |v: f64| v.is_finite() && v.abs() < 1e15;
    for scenario in set.iter() {
        let a = assess(&scenario.plan);
        for totals in a.teams.iter().map(|t| &t.totals).chain([&a.service]) {
            prop_assert!(totals.utilisation.is_none_or(shown));
            prop_assert!(totals.caseload_per_case_holder_fte.is_none_or(shown));
            prop_assert!(shown(totals.capacity_cases));
            prop_assert!(shown(totals.headroom_cases));
        }
    }
    let summary = caseload_planner::cli::summary_text(set);
    prop_assert!(!summary.chars().any(|c| c.is_control() && c != '\n'));
    prop_assert!(summary.lines().all(|line| line.chars().count() < 1000));
    Ok(())
}

/// Words of the program's insides that no message may show (field names such as `red_from`
/// are fine in a message about a file: the user types them there).
const INTERNAL_NAMES: &[&str] = &[
    "PlanFile",
    "OptionFile",
    "Header",
    "CaseType",
    "GradeRole",
    "CostRates",
    "TeamFunction",
    "PostStatus",
    "AbsenceReason",
    "DemandChange",
    "YearMonth",
    "Fields",
    "struct",
    "enum ",
    "u32",
    "u64",
    "f64",
    "ron::",
    "panicked",
];

/// A refusal names no internal type and holds no control character but its line breaks.
fn message_is_plain(message: &str) -> Result<(), TestCaseError> {
    for internal in INTERNAL_NAMES {
        prop_assert!(
            !message.contains(internal),
            "shows {}: {}",
            internal,
            message
        );
    }
    prop_assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        message
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_valid_plan_saved_and_loaded_is_equal(set in valid_scenarios()) {
        saved_and_loaded_is_equal(set)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in vec(any::<u8>(), 0..4096)) {
        bytes_are_read_or_refused(bytes)?;
    }

    #[test]
    fn mutated_plan_files_never_panic_the_loader_or_the_assessment(edits in edits()) {
        mutated_file_is_read_or_refused(edits)?;
    }
}

/// The same properties over many more files than CI runs: 100,000 of each by default
/// (`LONG_RUN_CASES` to change). Run it in release, where it takes a few minutes:
///
/// ```sh
/// cargo test --release --test plan_files -- --ignored --nocapture
/// ```
#[test]
#[ignore = "long property run: cargo test --release --test plan_files -- --ignored --nocapture"]
fn long_run_of_generated_and_mutated_files() {
    let cases: u32 = std::env::var("LONG_RUN_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let runner = || {
        TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        })
    };
    let start = Instant::now();
    runner()
        .run(&valid_scenarios(), saved_and_loaded_is_equal)
        .unwrap();
    println!(
        "{cases} generated plans saved and loaded: {:.0?}",
        start.elapsed()
    );
    let start = Instant::now();
    runner()
        .run(&edits(), mutated_file_is_read_or_refused)
        .unwrap();
    println!("{cases} mutated plan files: {:.0?}", start.elapsed());
    let start = Instant::now();
    runner()
        .run(&vec(any::<u8>(), 0..4096), bytes_are_read_or_refused)
        .unwrap();
    println!("{cases} files of random bytes: {:.0?}", start.elapsed());
}

/// Fragments that often break parsers or arithmetic, and the hostile inputs of issue 8.
const NASTY: &[&str] = &[
    "",
    "0",
    "-1",
    "1e309",
    "-0.0",
    "NaN",
    "inf",
    "18446744073709551616",
    "4294967295",
    "99999999999",
    "5e-324",
    "1e-300",
    "\"",
    "\\",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "Some(",
    "None",
    "r#\"",
    "\u{feff}",
    "\u{0}",
    "\r",
    "\n",
    "\u{1b}[2J",
    "\u{9b}",
    "é",
    ", 2: 5, 2: 5",
    "Post",
    " 2026-+4 ",
    "FixedTerm(start: \"2026-04\", end: \"2026-01\")",
    "Absent(reason: Maternity, returns: None)",
    "(name: \"X\", teams: [], posts: []),",
];

#[test]
fn many_edits_of_the_example_never_panic() {
    // Every single-byte deletion of the start of the file: a deterministic sweep of truncations
    // and broken tokens that the random tests might miss.
    let bytes = DEFAULT_PLAN_RON.as_bytes();
    for i in 0..bytes.len().min(3000) {
        let mut edited = bytes.to_vec();
        edited.remove(i);
        let _ = load_bytes(&edited, Path::new("edited"));
        let _ = load_bytes(&bytes[..i], Path::new("truncated"));
    }
}

// ---------- atomic saves ----------

fn example() -> ScenarioSet {
    load_str(DEFAULT_PLAN_RON, Path::new("example")).unwrap()
}

#[test]
fn saving_writes_a_file_that_loads_back_equal_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&example(), &path).unwrap();
    assert_eq!(load_file(&path).unwrap(), example());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec!["plan.ron"],
        "no .bak for a new file, no temporary file left"
    );
}

#[test]
fn saving_over_a_file_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let first = example();
    save_file(&first, &path).unwrap();
    let mut second = first.clone();
    second
        .apply(
            caseload_planner::model::ScenarioId::BASELINE,
            Command::SetPlanName("Second version".into()),
        )
        .unwrap();
    save_file(&second, &path).unwrap();
    assert_eq!(load_file(&path).unwrap().baseline().name, "Second version");
    assert_eq!(load_file(&backup_path(&path)).unwrap(), first);
}

#[test]
fn a_save_that_fails_leaves_the_existing_file_untouched_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&example(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Block the backup's name with a folder, so keeping the previous version fails.
    std::fs::create_dir(backup_path(&path)).unwrap();
    let mut changed = example();
    changed
        .apply(
            caseload_planner::model::ScenarioId::BASELINE,
            Command::SetPlanName("Changed".into()),
        )
        .unwrap();
    let error = save_file(&changed, &path).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, SaveError::Io { .. }));
    assert!(
        message.contains("plan.ron was not saved: could not keep the previous version"),
        "{message}"
    );
    assert!(
        message.contains("The existing file is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(
        backup_path(&path).is_dir(),
        "what was under the backup's name is still there"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("plan.ron");
    let message = save_file(&example(), &path).unwrap_err().to_string();
    assert!(
        message.contains("no-such-folder/plan.ron was not saved"),
        "{message}"
    );
    assert!(message.contains("there is no such file"), "{message}");
}

#[test]
fn an_invalid_plan_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_file(&example(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut plan = example().baseline().clone();
    plan.posts[1].fte = 0.0;
    let broken = ScenarioSet::new(plan);
    let message = save_file(&broken, &path).unwrap_err().to_string();
    assert!(
        message.contains("FTE must be above 0 and at most 1, not 0"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

// ---------- the council to compare with ----------

#[test]
fn the_council_is_saved_in_the_file_and_read_back() {
    let mut set = example();
    let without = to_ron_string(&set).unwrap();
    assert!(
        !without.contains("council:"),
        "a plan with no council is written as before"
    );
    let settings = Settings {
        council: Some("301".to_owned()),
        ..set.baseline().settings.clone()
    };
    let baseline = set.iter().next().unwrap().id;
    set.apply(baseline, Command::SetSettings(settings)).unwrap();
    let with = to_ron_string(&set).unwrap();
    assert!(with.contains(r#"council: Some("301")"#), "{with}");
    let loaded = load_str(&with, Path::new("with council")).unwrap();
    assert_eq!(loaded, set);
    for option in loaded.options() {
        assert_eq!(option.plan.settings.council.as_deref(), Some("301"));
    }
    assert_eq!(loaded.baseline().settings.council.as_deref(), Some("301"));

    let refused = Settings {
        council: Some("301\u{1b}[2J".to_owned()),
        ..set.baseline().settings.clone()
    };
    assert!(set.apply(baseline, Command::SetSettings(refused)).is_err());
}
