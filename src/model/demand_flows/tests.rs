use super::*;

fn timeline(months: u32) -> Timeline {
    Timeline {
        start: YearMonth::new(2026, 4).unwrap(),
        months,
    }
}

/// `months` into the timeline's start (April 2026).
fn month(offset: i32) -> YearMonth {
    timeline(1).start.plus_months(offset).unwrap()
}

const TEAM: TeamId = TeamId(1);
const CIN: CaseTypeId = CaseTypeId(2);
const CLA: CaseTypeId = CaseTypeId(4);

fn start(types: &[(CaseTypeId, f64)]) -> Vec<FlowStart<'static>> {
    types
        .iter()
        .map(|&(case_type, open)| FlowStart {
            case_type,
            name: "",
            open,
        })
        .collect()
}

/// 10 new cases a month of one type, each open 12 months: 120 open now.
fn ten_a_month() -> DemandFlows {
    DemandFlows {
        months_open: vec![MonthsOpen {
            case_type: CIN,
            months: 12.0,
        }],
        new_cases: vec![NewCases {
            team: TEAM,
            case_type: CIN,
            per_month: 10.0,
        }],
        levers: vec![],
    }
}

fn lever(change: FlowChange, from: i32, ramp_months: u32) -> DemandLever {
    DemandLever {
        change,
        team: None,
        from: month(from),
        ramp_months,
    }
}

#[test]
fn ten_new_a_month_open_twelve_months_stays_at_120() {
    let path = team_open_cases(&ten_a_month(), timeline(60), TEAM, &start(&[(CIN, 120.0)]))
        .expect("entered new cases make the team's flows move");
    assert_eq!(path.len(), 60);
    for month in &path {
        assert!((month[0] - 120.0).abs() < 1e-9, "{month:?}");
    }
}

#[test]
fn a_fifth_fewer_new_cases_from_month_one_takes_the_open_cases_towards_96() {
    let mut flows = ten_a_month();
    flows.levers.push(lever(
        FlowChange::NewCases {
            case_type: CIN,
            by: -0.2,
        },
        1,
        0,
    ));
    let path = team_open_cases(&flows, timeline(60), TEAM, &start(&[(CIN, 120.0)])).unwrap();
    // By hand: open(t) = open(t-1) × 11/12 + 8, so open(t) = 96 + 24 × (11/12)^t.
    // Month 1: 120 × 11/12 + 8 = 118; month 12: 96 + 24 × 0.351996 = 104.448.
    assert!((path[1][0] - 118.0).abs() < 1e-9);
    assert!((path[12][0] - 104.447_9).abs() < 1e-3, "{}", path[12][0]);
    // Month 59: 96 + 24 × (11/12)^59 = 96.141.
    assert!((path[59][0] - 96.141).abs() < 1e-3, "{}", path[59][0]);
    assert_eq!(path[0][0], 120.0, "month 0 is the plan as it is");
}

#[test]
fn a_lever_ramps_up_evenly_from_its_month() {
    let ramped = lever(
        FlowChange::NewCases {
            case_type: CIN,
            by: -0.3,
        },
        2,
        3,
    );
    let effects: Vec<f64> = (0..6).map(|t| ramped.effect_at(timeline(60), t)).collect();
    let thirds = [0.0, 0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0, 1.0];
    for (got, want) in effects.iter().zip(thirds) {
        assert!((got - want).abs() < 1e-12, "{effects:?}");
    }
    // Over the ramp new cases go 10 → 9 → 8 → 7 a month from month 2: month 2 is
    // 120 × 11/12 + 9 = 119, month 3 is 119 × 11/12 + 8 = 117.083.
    let mut flows = ten_a_month();
    flows.levers.push(ramped);
    let path = team_open_cases(&flows, timeline(60), TEAM, &start(&[(CIN, 120.0)])).unwrap();
    assert!((path[1][0] - 120.0).abs() < 1e-9);
    assert!((path[2][0] - 119.0).abs() < 1e-9);
    assert!((path[3][0] - 117.083_333).abs() < 1e-6);
}

#[test]
fn closing_cases_sooner_lowers_the_stock_the_same_new_cases_keep_open() {
    // Cases open 12 months cut by a quarter to 9: 10 a month keep 90 open in the long run.
    let mut flows = ten_a_month();
    flows.levers.push(lever(
        FlowChange::MonthsOpen {
            case_type: CIN,
            by: -0.25,
        },
        1,
        0,
    ));
    let path = team_open_cases(&flows, timeline(60), TEAM, &start(&[(CIN, 120.0)])).unwrap();
    // Month 1: 120 × (1 − 1/9) + 10 = 116.667.
    assert!((path[1][0] - 116.666_667).abs() < 1e-6);
    // Then 90 + 30 × (8/9)^t: 90.029 in month 59.
    assert!((path[59][0] - 90.029).abs() < 1e-3, "{}", path[59][0]);
}

#[test]
fn diverted_entries_come_in_as_the_other_type() {
    // Children in care: 48 open, 24 months, so 2 new a month; children in need: 60 open, 6
    // months, so 10 a month (steady states, nothing entered). Half of would-be children in
    // care supported as children in need from month 1.
    let flows = DemandFlows {
        months_open: vec![
            MonthsOpen {
                case_type: CIN,
                months: 6.0,
            },
            MonthsOpen {
                case_type: CLA,
                months: 24.0,
            },
        ],
        new_cases: vec![],
        levers: vec![lever(
            FlowChange::Divert {
                from: CLA,
                to: CIN,
                share: 0.5,
            },
            1,
            0,
        )],
    };
    let path = team_open_cases(
        &flows,
        timeline(60),
        TEAM,
        &start(&[(CIN, 60.0), (CLA, 48.0)]),
    )
    .unwrap();
    // Month 1: children in need 60 × 5/6 + 11 = 61; in care 48 × 23/24 + 1 = 47.
    assert!((path[1][0] - 61.0).abs() < 1e-9);
    assert!((path[1][1] - 47.0).abs() < 1e-9);
    // In the long run: 11 × 6 = 66 in need, 1 × 24 = 24 in care (in care takes longer).
    assert!((path[59][0] - 66.0).abs() < 0.01);
    assert!((path[59][1] - 24.0).abs() < 2.0, "{}", path[59][1]);
    let total: f64 = path[59].iter().sum();
    assert!(total < 108.0, "fewer cases open in all");
}

#[test]
fn nothing_moves_without_entered_new_cases_or_levers_and_levers_keep_to_their_team() {
    let flows = DemandFlows::default();
    assert!(team_open_cases(&flows, timeline(60), TEAM, &start(&[(CIN, 120.0)])).is_none());
    let mut elsewhere = lever(
        FlowChange::NewCases {
            case_type: CIN,
            by: -0.2,
        },
        1,
        0,
    );
    elsewhere.team = Some(TeamId(2));
    let flows = DemandFlows {
        levers: vec![elsewhere],
        ..DemandFlows::default()
    };
    assert!(team_open_cases(&flows, timeline(60), TEAM, &start(&[(CIN, 120.0)])).is_none());
    assert!(team_open_cases(&flows, timeline(60), TeamId(2), &start(&[(CIN, 120.0)])).is_some());
}

#[test]
fn case_types_take_illustrative_months_open_by_their_usual_names() {
    assert_eq!(default_months_open("Assessment"), 3.0);
    assert_eq!(default_months_open("Child in need"), 6.0);
    assert_eq!(default_months_open("Child protection"), 9.0);
    assert_eq!(default_months_open("Child looked after"), 24.0);
    assert_eq!(default_months_open("Court / PLO"), 9.0);
    assert_eq!(default_months_open("Care leaver"), 36.0);
    assert_eq!(default_months_open("Family support"), 12.0);
    let flows = ten_a_month();
    assert_eq!(
        flows.months_open(CIN, "Child in need"),
        12.0,
        "entered wins"
    );
    assert_eq!(flows.months_open(CLA, "Child looked after"), 24.0);
}

#[test]
fn out_of_range_flows_are_named() {
    let mut flows = ten_a_month();
    assert!(flow_problems(&flows, |_| true, |_| true).is_empty());
    flows.months_open.push(MonthsOpen {
        case_type: CIN,
        months: 0.5,
    });
    flows.new_cases[0].per_month = -1.0;
    flows.levers.push(lever(
        FlowChange::Divert {
            from: CIN,
            to: CIN,
            share: 1.5,
        },
        1,
        0,
    ));
    flows.levers.push(lever(
        FlowChange::MonthsOpen {
            case_type: CaseTypeId(9),
            by: -1.0,
        },
        1,
        0,
    ));
    let problems = flow_problems(&flows, |_| true, |c| c != CaseTypeId(9));
    let all = problems.join("\n");
    for expected in [
        "given twice",
        "from 1 to 600, not 0.5",
        "new cases a month must be from 0",
        "diverted share must be from 0% to 100%",
        "to itself",
        "cut by less than 100%",
        "case type 9, which is not in the plan",
    ] {
        assert!(all.contains(expected), "{expected}: {all}");
    }
}

#[test]
fn edge_of_care_and_exit_from_care_work_bring_165_fewer_children_in_care_in_five_years() {
    // The city council's aim (BRIEF.md): 165 fewer children in care over five years, from an
    // edge-of-care team (15% of would-be children in care supported as children in need) and
    // an exit-from-care team (children leave care 14.5% sooner), each reaching its full
    // effect over the first year. 650 children in care now, 24 months in care on average.
    let flows = DemandFlows {
        months_open: vec![
            MonthsOpen {
                case_type: CIN,
                months: 6.0,
            },
            MonthsOpen {
                case_type: CLA,
                months: 24.0,
            },
        ],
        new_cases: vec![],
        levers: vec![
            lever(
                FlowChange::Divert {
                    from: CLA,
                    to: CIN,
                    share: 0.15,
                },
                1,
                12,
            ),
            lever(
                FlowChange::MonthsOpen {
                    case_type: CLA,
                    by: -0.145,
                },
                1,
                12,
            ),
        ],
    };
    let path = team_open_cases(
        &flows,
        timeline(60),
        TEAM,
        &start(&[(CIN, 900.0), (CLA, 650.0)]),
    )
    .unwrap();
    // Worked out month by month (the formula in the module's description): 165.08 fewer in
    // month 59, the fifth year's last; children in need rise by the diverted entries' stay.
    let fewer = 650.0 - path[59][1];
    assert!((fewer - 165.08).abs() < 0.05, "{fewer}");
    assert!(path[59][0] > 900.0);
}

#[test]
fn the_levers_on_every_team_are_worked_out_once_and_a_team_of_its_own_adds_its_levers() {
    // Child in need: 60 open, 6 months (10 new a month); in care: 120 open, 12 months (10 new
    // a month). Half of would-be children in care come in as child in need from month 1,
    // ramped over 2 months (a quarter in month 1, a half from month 2); team 2 also has 10%
    // fewer new child-in-need cases from month 0.
    let mut flows = DemandFlows {
        months_open: vec![
            MonthsOpen {
                case_type: CIN,
                months: 6.0,
            },
            MonthsOpen {
                case_type: CLA,
                months: 12.0,
            },
        ],
        new_cases: vec![],
        levers: vec![lever(
            FlowChange::Divert {
                from: CLA,
                to: CIN,
                share: 0.5,
            },
            1,
            2,
        )],
    };
    flows.levers.push(DemandLever {
        team: Some(TeamId(2)),
        ..lever(
            FlowChange::NewCases {
                case_type: CIN,
                by: -0.1,
            },
            0,
            0,
        )
    });
    let service = ServiceFlows::new(&flows, timeline(5), &[(CIN, ""), (CLA, "")]);
    let one = service.team(TEAM, &[60.0, 120.0]).unwrap();
    // Months 0 to 4, [child in need, in care]: 2.5 then 5 a month move across.
    let want_one = [10.0, 10.0, 12.5, 7.5, 15.0, 5.0, 15.0, 5.0, 15.0, 5.0];
    let two = service.team(TeamId(2), &[60.0, 120.0]).unwrap();
    let want_two = [9.0, 10.0, 11.5, 7.5, 14.0, 5.0, 14.0, 5.0, 14.0, 5.0];
    for (got, want) in [(&one.new, want_one), (&two.new, want_two)] {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "{got:?}");
        }
    }
    // Staying open: 5/6 and 11/12 every month, for both teams.
    assert_eq!(one.staying, two.staying);
    assert!((one.staying[8] - 5.0 / 6.0).abs() < 1e-12);
    assert!((one.staying[9] - 11.0 / 12.0).abs() < 1e-12);
    // As one team's flows alone.
    assert_eq!(
        team_flows(
            &flows,
            timeline(5),
            TeamId(2),
            &start(&[(CIN, 60.0), (CLA, 120.0)])
        ),
        Some(two)
    );
}
