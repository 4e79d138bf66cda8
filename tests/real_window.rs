//! The issue's acceptance test, on the real program: "kill the real process with unsaved
//! edits, start again, restore, and compare". The windowed program runs in a virtual X display
//! (Xvfb) with its own data folder (`CASELOAD_PLANNER_DATA_DIR`, never the user's), and is
//! driven with real input (xdotool): a click on "+ Team" is an unsaved edit; after the autosave
//! delay the process is killed (SIGKILL: no chance to clean up); started again on the same
//! plan, it offers the recovered work; a click on Restore and Ctrl+S save it; the plan file
//! must then equal the work recovered.
//!
//! Where to click is found by laying out the same window headless (egui_kittest, same size,
//! same plan): the positions follow the layout, whatever it becomes. Needs `Xvfb` and `xdotool`
//! (`apt-get install xvfb xdotool`; `.ci/run` installs them when missing).
#![cfg(target_os = "linux")]

mod common;

use caseload_planner::app::{AUTOSAVE_DELAY, RecentFiles, ScriptedDialogs};
use caseload_planner::io::platform::{AppFolders, DATA_DIR_VARIABLE};
use caseload_planner::io::recovery::{find_recovered, read_recovery};
use caseload_planner::io::{default_scenarios, load_file, save_file};
use caseload_planner::ui::CaseloadApp;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Generous: a debug build starting in a virtual display on a busy machine.
const PATIENCE: Duration = Duration::from_secs(120);

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn tool_exists(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A virtual X display, stopped when dropped.
struct Display {
    xvfb: Child,
    name: String,
}

impl Display {
    fn start() -> Self {
        for tool in ["Xvfb", "xdotool"] {
            assert!(
                tool_exists(tool),
                "{tool} is needed to drive the real window: apt-get install xvfb xdotool"
            );
        }
        // A display number nobody uses.
        let number = (150..250)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("a free display number");
        let name = format!(":{number}");
        let xvfb = Command::new("Xvfb")
            // -noreset: by default Xvfb resets when its last client leaves, and the program
            // started again right after the first is killed found no server to connect to.
            .args([
                &name,
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        wait_until("the virtual display", || socket.exists());
        Display { xvfb, name }
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .expect("xdotool runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts the windowed program on `plan` with its app folders under `data`.
    fn start_window(&self, data: &Path, plan: &Path) -> Window {
        let log = std::fs::File::create(data.join("window.log")).unwrap();
        let runtime = data.join("runtime");
        std::fs::create_dir_all(&runtime).unwrap();
        let process = Command::new(env!("CARGO_BIN_EXE_caseload-planner"))
            .arg(plan)
            .env("DISPLAY", &self.name)
            .env(DATA_DIR_VARIABLE, data)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("WINIT_X11_SCALE_FACTOR", "1")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("the program starts");
        let mut process = process;
        let pid = process.id().to_string();
        let deadline = Instant::now() + PATIENCE;
        // Until its window shows; a program that ended or never showed one says why (its log).
        let id = loop {
            let id = self
                .xdotool(&["search", "--onlyvisible", "--pid", &pid])
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned();
            if !id.is_empty() {
                break id;
            }
            let ended = process.try_wait().ok().flatten();
            if ended.is_some() || Instant::now() >= deadline {
                let _ = process.kill();
                let log = std::fs::read_to_string(data.join("window.log")).unwrap_or_default();
                let windows = self.xdotool(&["search", "--name", ""]);
                panic!(
                    "no window within {PATIENCE:?} (program ended: {ended:?}); its log:\n{log}\n\
                     windows on {}: {windows}",
                    self.name
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        Window { process, id }
    }

    /// Clicks at `at` (logical points, scale 1) inside the window.
    fn click(&self, window: &Window, at: egui::Pos2) {
        let (x, y) = (at.x.round().to_string(), at.y.round().to_string());
        self.xdotool(&["mousemove", "--window", &window.id, &x, &y]);
        std::thread::sleep(Duration::from_millis(300));
        self.xdotool(&["click", "1"]);
        std::thread::sleep(Duration::from_millis(300));
    }

    fn key(&self, window: &Window, key: &str) {
        self.xdotool(&["windowfocus", "--sync", &window.id]);
        self.xdotool(&["key", key]);
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

struct Window {
    process: Child,
    id: String,
}

impl Window {
    /// The window's inner size, as X reports it.
    fn size(&self, display: &Display) -> egui::Vec2 {
        let geometry = display.xdotool(&["getwindowgeometry", &self.id]);
        let size = geometry
            .lines()
            .find_map(|l| l.trim().strip_prefix("Geometry:"))
            .expect("a geometry");
        let (w, h) = size.trim().split_once('x').unwrap();
        egui::vec2(w.parse().unwrap(), h.parse().unwrap())
    }

    fn kill(mut self) {
        self.process.kill().unwrap(); // SIGKILL
        self.process.wait().unwrap();
    }
}

/// Where `label` is when the window of `size` is laid out headless: on `plan`, and with the
/// work left in `recovery` offered.
fn position_of(
    label: &str,
    size: egui::Vec2,
    plan: Option<&Path>,
    recovery: Option<&Path>,
) -> egui::Pos2 {
    let plan = plan.map(Path::to_owned);
    let recovery = recovery.map(Path::to_owned);
    let mut harness = common::builder().with_size(size).build_eframe(move |_cc| {
        let mut app =
            CaseloadApp::with_recent(RecentFiles::default(), Box::new(ScriptedDialogs::default()));
        if let Some(folder) = &recovery {
            app = app.with_recovery_folder(folder);
        }
        if let Some(plan) = &plan {
            app.open_at_start(plan);
        }
        app
    });
    common::wait_for_work(&mut harness);
    harness.run();
    harness.get_by_label(label).rect().center()
}

#[test]
fn killed_with_unsaved_edits_the_real_program_offers_them_back_and_restores_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("app data");
    std::fs::create_dir_all(&data).unwrap();
    let plan = dir.path().join("North locality.ron");
    let original = default_scenarios();
    save_file(&original, &plan).unwrap();
    // A copy to lay out the window headless: the same plan, without touching its lock.
    let layout_copy = dir.path().join("layout").join("North locality.ron");
    std::fs::create_dir_all(layout_copy.parent().unwrap()).unwrap();
    save_file(&original, &layout_copy).unwrap();
    let recovery = AppFolders::under(&data).recovery;

    let display = Display::start();
    let first = display.start_window(&data, &plan);
    let size = first.size(&display);
    let add_team = position_of("+ Team", size, Some(&layout_copy), None);
    // The window shows the plan once it is open: wait for its lock.
    wait_until("the plan to open", || {
        caseload_planner::io::lock::lock_path(&plan).exists()
    });
    std::thread::sleep(Duration::from_secs(1));
    display.click(&first, add_team);

    // The unsaved edit reaches the recovery file a few seconds later.
    let file = recovery.join(format!("recovery-{}.ron", first.process.id()));
    std::thread::sleep(AUTOSAVE_DELAY);
    wait_until("the autosave", || file.exists());
    first.kill();
    let kept = read_recovery(&file).unwrap();
    assert_eq!(
        kept.set.baseline().teams.len(),
        original.baseline().teams.len() + 1,
        "the recovered work holds the edit"
    );
    assert_eq!(kept.plan_file.as_deref(), Some(plan.as_path()));
    assert_eq!(
        load_file(&plan).unwrap(),
        original,
        "the file was never saved"
    );

    // Started again on the same plan and data folder: the work is offered.
    assert_eq!(find_recovered(&recovery).len(), 1);
    let second = display.start_window(&data, &plan);
    let restore = position_of("Restore", second.size(&display), None, Some(&recovery));
    wait_until("the plan to open again", || {
        std::fs::read_to_string(caseload_planner::io::lock::lock_path(&plan))
            .is_ok_and(|t| t.contains(&format!("pid: {}", second.process.id())))
    });
    std::thread::sleep(Duration::from_secs(1));
    display.click(&second, restore);
    // The restored work is this window's now.
    let adopted = recovery.join(format!("recovery-{}.ron", second.process.id()));
    wait_until("the restore", || adopted.exists());
    display.key(&second, "ctrl+s");
    wait_until("the save", || {
        load_file(&plan).is_ok_and(|saved| saved == kept.set)
    });
    // Saved: the recovery copy goes.
    wait_until("the recovery copy to go", || !adopted.exists());
    // Quitting (nothing unsaved, so no question) lets go of the plan's lock.
    display.key(&second, "ctrl+q");
    let mut second = second;
    wait_until("the program to end", || {
        second.process.try_wait().is_ok_and(|s| s.is_some())
    });
    assert!(!caseload_planner::io::lock::lock_path(&plan).exists());
    // Its settings (the recent plans) went to its own data folder, never the user's.
    let settings = AppFolders::under(&data).settings_file();
    let recent = std::fs::read_to_string(&settings).expect("settings in the data folder");
    assert!(recent.contains("recent-plans"), "{recent}");
}
