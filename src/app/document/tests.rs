//! The document: edits, undo within each scenario, batches, and what follows a change.

mod plan_edits {
    use super::super::*;
    use crate::io::default_plan;
    use crate::model::{PostId, TeamId};

    fn rename(doc: &mut Document, name: &str) {
        doc.apply(Command::RenameTeam {
            team: TeamId(1),
            name: name.into(),
        })
        .unwrap();
    }

    #[test]
    fn a_gesture_that_goes_on_to_change_the_shared_parts_is_undone_whole() {
        let mut doc = Document::new(default_plan(), None);
        // One gesture: a team renamed, then a batch renaming the plan and the team again.
        rename(&mut doc, "Front Door");
        doc.apply(Command::Batch(vec![
            Command::SetPlanName("Renamed plan".into()),
            Command::RenameTeam {
                team: TeamId(1),
                name: "Front Door 2".into(),
            },
        ]))
        .unwrap();
        doc.settle();
        assert_eq!(doc.plan().name, "Renamed plan");
        assert!(doc.undo());
        assert_eq!(doc.plan(), &default_plan(), "the plan's name is back too");
        assert!(!doc.is_dirty());
        assert!(doc.redo());
        assert_eq!(doc.plan().name, "Renamed plan");
        assert_eq!(doc.plan().teams[0].name, "Front Door 2");
    }

    #[test]
    fn edits_mark_the_document_dirty_and_undo_clears_it() {
        let mut doc = Document::new(default_plan(), None);
        assert!(!doc.is_dirty() && !doc.can_undo());
        rename(&mut doc, "Front Door");
        doc.settle();
        assert!(doc.is_dirty() && doc.can_undo());
        assert!(
            doc.window_title()
                .starts_with("Stretched locality service (illustrative) ●")
        );
        assert!(doc.undo());
        assert!(!doc.is_dirty());
        assert_eq!(doc.plan(), &default_plan());
        assert!(doc.redo());
        assert_eq!(doc.plan().teams[0].name, "Front Door");
    }

    #[test]
    fn a_gesture_of_many_edits_is_one_undo_step() {
        let mut doc = Document::new(default_plan(), None);
        // A drag of the FTE value: many commands before the pointer is released.
        for fte in [0.9, 0.8, 0.7, 0.6] {
            doc.apply(Command::SetPostFte {
                post: PostId(2),
                fte,
            })
            .unwrap();
        }
        doc.settle();
        rename(&mut doc, "Front Door");
        doc.settle();
        assert!(doc.undo());
        assert_eq!(doc.plan().posts[1].fte, 0.6);
        assert!(doc.undo());
        assert_eq!(
            doc.plan().posts[1].fte,
            1.0,
            "the whole drag undone in one step"
        );
        assert!(!doc.can_undo());
    }

    #[test]
    fn a_change_to_many_posts_is_one_undo_step() {
        use crate::model::command::bulk::{PostChanges, bulk_edit};
        let mut doc = Document::new(default_plan(), None);
        // Locality North's posts but its manager: six workers, one absent, one vacancy.
        let posts: Vec<PostId> = (9..=16).map(PostId).collect();
        let changes = PostChanges {
            fte: Some(0.5),
            ..PostChanges::default()
        };
        let edit = bulk_edit(doc.plan(), &posts, &changes).unwrap();
        assert_eq!(edit.changed.len(), 8);
        doc.apply(edit.command).unwrap();
        doc.settle();
        assert!(
            posts
                .iter()
                .all(|&id| doc.plan().post(id).unwrap().fte == 0.5)
        );
        assert!(doc.undo());
        assert_eq!(doc.plan(), &default_plan());
        assert!(!doc.can_undo());
    }

    #[test]
    fn the_assessment_follows_every_change() {
        let mut doc = Document::new(default_plan(), None);
        let before = doc.assessment().service.sums.capacity_points;
        doc.apply(Command::SetPostFte {
            post: PostId(2),
            fte: 0.5,
        })
        .unwrap(); // a 20-point SW
        assert!((doc.assessment().service.sums.capacity_points - (before - 10.0)).abs() < 1e-9);
        doc.undo();
        assert!((doc.assessment().service.sums.capacity_points - before).abs() < 1e-9);
    }
}

mod scenarios {
    use super::super::*;
    use crate::io::default_plan;
    use crate::model::defaults::case_type::CHILD_PROTECTION;
    use crate::model::{PostId, TeamId};

    #[test]
    fn undo_works_within_each_scenario() {
        let mut doc = Document::new(default_plan(), None);
        doc.apply(Command::RenameTeam {
            team: TeamId(1),
            name: "Baseline edit".into(),
        })
        .unwrap();
        doc.settle();
        let option = doc.add_option("Option A").unwrap();
        assert_eq!(doc.active(), option);
        doc.apply(Command::SetPostFte {
            post: PostId(2),
            fte: 0.5,
        })
        .unwrap();
        doc.settle();
        // Back in the baseline, Ctrl+Z undoes the baseline's edit, not the option's.
        doc.set_active(ScenarioId::BASELINE);
        assert!(doc.undo());
        assert_ne!(doc.plan().teams[0].name, "Baseline edit");
        assert!(!doc.can_undo());
        assert_eq!(
            doc.scenarios().plan(option).post(PostId(2)).unwrap().fte,
            0.5
        );
        // In the option, its own edit is undone; the copied rename stays (it was copied).
        doc.set_active(option);
        assert!(doc.undo());
        assert_eq!(doc.plan().post(PostId(2)).unwrap().fte, 1.0);
        assert_eq!(doc.plan().teams[0].name, "Baseline edit");
        assert!(doc.redo());
        assert_eq!(doc.plan().post(PostId(2)).unwrap().fte, 0.5);
    }

    #[test]
    fn a_shared_edit_is_undone_from_any_scenario_for_all() {
        let mut doc = Document::new(default_plan(), None);
        doc.add_option("Option A").unwrap();
        doc.apply(Command::SetCaseTypeWeight {
            case_type: CHILD_PROTECTION,
            weight: 3.0,
        })
        .unwrap();
        doc.settle();
        let weight = |doc: &Document, i: u32| {
            doc.scenarios()
                .plan(ScenarioId(i))
                .case_types
                .iter()
                .find(|c| c.id == CHILD_PROTECTION)
                .unwrap()
                .weight
        };
        assert_eq!((weight(&doc, 0), weight(&doc, 1)), (3.0, 3.0));
        doc.set_active(ScenarioId::BASELINE);
        assert!(doc.undo());
        assert_eq!(weight(&doc, 0), weight(&doc, 1));
        assert_ne!(weight(&doc, 0), 3.0);
        // The assessments follow: the option's is recomputed too.
        assert_eq!(
            doc.assessment_of(ScenarioId(1)),
            Some(&assess(doc.scenarios().plan(ScenarioId(1))))
        );
    }

    #[test]
    fn deleting_an_option_drops_its_history_and_shows_the_baseline() {
        let mut doc = Document::new(default_plan(), None);
        doc.add_option("Option A").unwrap();
        doc.apply(Command::DeletePost { post: PostId(2) }).unwrap();
        doc.settle();
        assert!(doc.is_dirty());
        doc.delete_option(ScenarioId(1)).unwrap();
        assert_eq!(doc.active(), ScenarioId::BASELINE);
        assert!(!doc.can_undo());
        assert!(!doc.is_dirty(), "back to the plan as opened");
    }

    #[test]
    fn a_shared_change_an_option_depends_on_is_not_undone() {
        use crate::model::{Contract, GradeId, GradeRole};
        let mut doc = Document::new(default_plan(), None);
        doc.apply(Command::AddGrade {
            name: "Family practitioner".into(),
            role: GradeRole::Practitioner,
            capacity_points: 18.0,
            holds_cases: true,
        })
        .unwrap();
        doc.settle();
        let grade = GradeId(7);
        assert!(doc.plan().grade(grade).is_some());
        doc.add_option("Option A").unwrap();
        doc.apply(Command::AddPosts {
            team: TeamId(1),
            grade,
            contract: Contract::Permanent,
            fte: 1.0,
            count: 1,
        })
        .unwrap();
        doc.settle();
        // In the baseline, the grade's addition is the last change it can undo; but the
        // option now has a post at that grade, so undoing it would break the option.
        doc.set_active(ScenarioId::BASELINE);
        assert!(!doc.undo());
        let why = doc.blocked().unwrap();
        assert!(
            why.starts_with("Cannot undo that change: option \"Option A\""),
            "{why}"
        );
        assert!(doc.plan().grade(grade).is_some());
        assert!(validate_scenarios(doc.scenarios()).is_empty());
        // Once the option's post is gone, the grade can go too.
        doc.set_active(ScenarioId(1));
        assert!(doc.undo());
        doc.set_active(ScenarioId::BASELINE);
        assert!(doc.undo());
        assert!(doc.blocked().is_none());
        assert!(doc.plan().grade(grade).is_none());
    }

    #[test]
    fn a_batch_is_one_undo_step() {
        let mut doc = Document::new(default_plan(), None);
        let before = doc.plan().clone();
        doc.apply(Command::Batch(vec![
            Command::RenameTeam {
                team: TeamId(1),
                name: "Front door".into(),
            },
            Command::SetPostFte {
                post: PostId(2),
                fte: 0.5,
            },
            Command::SetCaseTypeWeight {
                case_type: CHILD_PROTECTION,
                weight: 2.0,
            },
        ]))
        .unwrap();
        doc.settle();
        assert!(doc.undo());
        assert_eq!(doc.plan(), &before);
        assert!(!doc.can_undo());
        assert!(doc.redo());
        assert_eq!(doc.plan().post(PostId(2)).unwrap().fte, 0.5);
    }
}
