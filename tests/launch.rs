//! How the programs start: a plan named on the command line (what Windows passes on a
//! double-click of a plan opened with the program) opens the window on it, the subcommands
//! still work, the console program prints what the windowed one prints, and Help > About.

mod common;

use caseload_planner::app::{RecentFiles, ScriptedDialogs};
use caseload_planner::cli::{Cli, Command as Subcommand, ConsoleCli};
use caseload_planner::io::published::ATTRIBUTION;
use caseload_planner::ui::{CaseloadApp, RendererChoice};
use clap::Parser;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[test]
fn a_plan_path_alone_opens_the_window_on_that_plan() {
    let cli = Cli::try_parse_from(["caseload-planner", r"C:\Users\Siân\Plans\North.ron"]).unwrap();
    assert!(cli.command.is_none(), "not taken for a subcommand");
    assert_eq!(
        cli.plan,
        Some(PathBuf::from(r"C:\Users\Siân\Plans\North.ron"))
    );

    let cli = Cli::try_parse_from(["caseload-planner", "--renderer", "glow", "plan.ron"]).unwrap();
    assert_eq!(cli.renderer, Some(RendererChoice::Glow));
    assert_eq!(cli.plan, Some(PathBuf::from("plan.ron")));

    let cli = Cli::try_parse_from(["caseload-planner"]).unwrap();
    assert!(cli.command.is_none() && cli.plan.is_none());
}

#[test]
fn the_subcommands_still_work_beside_a_plan_path() {
    let cli = Cli::try_parse_from(["caseload-planner", "summary", "plan.ron"]).unwrap();
    assert!(
        matches!(cli.command, Some(Subcommand::Summary { plan, .. }) if plan == Path::new("plan.ron"))
    );
    assert!(cli.plan.is_none());
    let cli = Cli::try_parse_from(["caseload-planner", "check", "a.ron"]).unwrap();
    assert!(matches!(cli.command, Some(Subcommand::Check { .. })));
    // A subcommand and a plan to open at once make no sense: refused, not guessed.
    assert!(Cli::try_parse_from(["caseload-planner", "summary", "a.ron", "b.ron"]).is_err());
    // The console program has no window: it needs a subcommand.
    assert!(ConsoleCli::try_parse_from(["caseload-planner-cli", "plan.ron"]).is_err());
    assert!(ConsoleCli::try_parse_from(["caseload-planner-cli", "check", "plan.ron"]).is_ok());
}

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn the_console_program_prints_and_exits_as_the_windowed_program_does() {
    let window = env!("CARGO_BIN_EXE_caseload-planner");
    let console = env!("CARGO_BIN_EXE_caseload-planner-cli");
    for args in [
        ["summary", "saved-plans/stretched-locality.ron"],
        ["check", "saved-plans/weighted-caseload.ron"],
        ["check", "tests/bad-plans/many-problems.ron"],
        ["check", "saved-plans/no-such-plan.ron"],
    ] {
        let (a, b) = (run(window, &args), run(console, &args));
        assert_eq!(a.status.code(), b.status.code(), "{args:?}");
        assert_eq!(a.stdout, b.stdout, "{args:?}");
        assert_eq!(a.stderr, b.stderr, "{args:?}");
    }
    assert_eq!(
        run(console, &["check", "tests/bad-plans/many-problems.ron"])
            .status
            .code(),
        Some(1)
    );
    let bare = run(console, &[]);
    assert_eq!(bare.status.code(), Some(2), "no subcommand: usage, exit 2");
    assert!(String::from_utf8_lossy(&bare.stderr).contains("Usage: caseload-planner-cli"));
}

fn app_opened_on(path: &Path) -> Harness<'static, CaseloadApp> {
    let path = path.to_owned();
    Harness::builder()
        .with_size(common::WINDOW)
        .build_eframe(move |_cc| {
            let mut app = CaseloadApp::with_recent(
                RecentFiles::default(),
                Box::new(ScriptedDialogs::answering(vec![])),
            );
            app.open_at_start(&path);
            app
        })
}

#[test]
fn the_window_opens_on_the_plan_it_was_started_with() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("saved-plans/weighted-caseload.ron");
    let mut harness = app_opened_on(&plan);
    harness.run();
    assert_eq!(harness.state().document().path(), Some(plan.as_path()));
    assert_eq!(harness.state().recent().last(), Some(plan.as_path()));
    assert!(
        harness
            .query_all_by_label_contains("weighted-caseload.ron")
            .next()
            .is_some()
    );
}

#[test]
fn a_plan_that_cannot_be_opened_at_start_says_why_over_the_example() {
    let mut harness = app_opened_on(Path::new("no-such-folder/Siân's plan.ron"));
    harness.run();
    harness.get_by_label("The plan could not be opened");
    assert!(
        harness
            .query_all_by_label_contains(
                "Siân's plan.ron: could not be read: there is no such file"
            )
            .next()
            .is_some()
    );
    assert_eq!(
        harness.state().document().path(),
        None,
        "the example is open"
    );
}

#[test]
fn help_about_shows_the_version_the_licence_and_the_datas_attribution() {
    let mut harness = common::app_harness(vec![]);
    harness.run();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About Caseload Planner").click();
    harness.run();
    harness.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("Licence: MIT or Apache-2.0, at your choice");
    harness.get_by_label(ATTRIBUTION);
    harness.get_by_label_contains(
        "Department for Education, Children's social work workforce statistics",
    );
    harness.get_by_label("Open Government Licence v3.0");
}
