//! Frame times while heavy work goes on in the background (issue 8): the real app, headless
//! through kittest, on the generated 10,000-post / 200,000-case plan. It draws 60 frames a
//! second (each frame: the egui pass and tessellation, as `ui_frame` measures) while the
//! Projection's bands (1,000 runs) are worked out and while a 10,000-post file opens, prints
//! each phase's longest and median frame, and fails if a frame of those phases takes over 16 ms.
//! Then (issue 14) a 42,000-post, 2,100-team file opens from the Overview: it must be drawn
//! within 1 s of the key press, with no frame over 50 ms meanwhile.
//!
//! This machine is shared: other programs take the window's core now and then, which shows as
//! long frames that the app did not cause. The kernel says how long the thread waited for a
//! core (`/proc/thread-self/schedstat`); a frame's own time is its wall time less that wait,
//! and that is what the limit applies to. Both are printed.
//!
//! Run with `cargo bench --bench frames_while_busy` (a release build).

use caseload_planner::app::ScriptedDialogs;
use caseload_planner::io::save_file;
use caseload_planner::model::{ScenarioSet, synthetic};
use caseload_planner::ui::CaseloadApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// A frame at 60 frames a second.
const FRAME: Duration = Duration::from_micros(16_667);
/// The longest frame allowed.
const LIMIT: Duration = Duration::from_millis(16);
/// The longest frame allowed while an England-scale plan opens, and how soon it must be drawn.
const ENGLAND_LIMIT: Duration = Duration::from_millis(50);
const ENGLAND_OPENS_WITHIN: Duration = Duration::from_secs(1);
/// Gives up on work that never ends rather than hanging.
const PATIENCE: Duration = Duration::from_secs(300);

type App = Harness<'static, CaseloadApp>;

/// How long this thread has waited for a core since it started (zero where unknown).
fn waited_for_a_core() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// One frame: its wall time and, of that, the time the thread waited for a core.
#[derive(Clone, Copy)]
struct Frame {
    wall: Duration,
    waited: Duration,
}

impl Frame {
    /// The frame's own time: what it would take with a core to itself.
    fn own(self) -> Duration {
        self.wall.saturating_sub(self.waited)
    }
}

/// Frames recorded during one phase.
struct Phase {
    name: &'static str,
    frames: Vec<Frame>,
    took: Duration,
    /// From the phase's start to the end of the frame where its work was done.
    until_done: Duration,
    /// The longest frame allowed, for the phases held to one.
    limit: Option<Duration>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

impl Phase {
    /// Prints the phase; false if a frame went over its limit.
    fn report(&self) -> bool {
        let limit = self.limit.unwrap_or(Duration::MAX);
        let stats = |time: fn(Frame) -> Duration| {
            let mut sorted: Vec<Duration> = self.frames.iter().map(|&f| time(f)).collect();
            sorted.sort();
            let longest = sorted.last().copied().unwrap_or_default();
            (
                longest,
                sorted.get(sorted.len() / 2).copied().unwrap_or_default(),
            )
        };
        let (own_longest, own_median) = stats(Frame::own);
        let (wall_longest, wall_median) = stats(|f| f.wall);
        println!(
            "{:<42} {:>4} frames, {:>5.2} s | own: longest {:>6.2} ms, median {:>5.2} ms | wall: longest {:>6.2} ms, median {:>5.2} ms",
            self.name,
            self.frames.len(),
            self.took.as_secs_f64(),
            ms(own_longest),
            ms(own_median),
            ms(wall_longest),
            ms(wall_median),
        );
        let over: Vec<String> = (self.frames.iter().enumerate())
            .filter(|(_, f)| f.own() > limit)
            .map(|(i, f)| {
                format!(
                    "#{i}: {:.1} ms ({:.1} ms waiting for a core)",
                    ms(f.wall),
                    ms(f.waited)
                )
            })
            .collect();
        if over.is_empty() {
            let mut longest: Vec<(usize, Frame)> =
                self.frames.iter().copied().enumerate().collect();
            longest.sort_by_key(|(_, f)| std::cmp::Reverse(f.own()));
            let top: Vec<String> = (longest.iter().take(3))
                .map(|(i, f)| format!("#{i} {:.1} ms", ms(f.own())))
                .collect();
            println!("    longest: {}", top.join(", "));
        } else {
            println!("    over {} ms: {}", limit.as_millis(), over.join(", "));
        }
        over.is_empty()
    }
}

/// One frame as the window draws it, timed; then the rest of the 60th of a second idle.
fn frame(h: &mut App) -> Frame {
    let (start, waited) = (Instant::now(), waited_for_a_core());
    h.step();
    let output = h.output();
    let _ = h
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point);
    let wall = start.elapsed();
    let waited = waited_for_a_core().saturating_sub(waited);
    std::thread::sleep(FRAME.saturating_sub(wall));
    Frame { wall, waited }
}

/// Clicks the tab `label` within the next frame. (kittest's own click takes one frame per
/// event, and the first of them would still draw the view being left.)
fn click_in_one_frame(h: &mut App, label: &str) {
    let pos = h.get_by_label(label).rect().center();
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    let events = &mut h.input_mut().events;
    events.extend([egui::Event::PointerMoved(pos), button(true), button(false)]);
}

/// Presses Ctrl+O within the next frame.
fn open_in_one_frame(h: &mut App) {
    let key = |pressed| egui::Event::Key {
        key: egui::Key::O,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    };
    h.input_mut().events.extend([key(true), key(false)]);
}

/// Draws frames until `done` and ten more (the first frames after the work), recording each.
fn record(
    h: &mut App,
    name: &'static str,
    limit: Option<Duration>,
    mut done: impl FnMut(&App) -> bool,
) -> Phase {
    let start = Instant::now();
    let mut frames = Vec::new();
    loop {
        frames.push(frame(h));
        if done(h) {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "{name}: the work never ended");
    }
    let until_done = start.elapsed();
    for _ in 0..10 {
        frames.push(frame(h));
    }
    Phase {
        name,
        frames,
        took: start.elapsed(),
        until_done,
        limit,
    }
}

fn main() -> ExitCode {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = |name: &str, posts: usize| {
        let path = dir.path().join(format!("{name}.ron"));
        let mut plan = synthetic::plan(posts, posts * 20);
        plan.name = name.to_owned();
        save_file(&ScenarioSet::new(plan), &path).expect("the plan saved");
        Some(path)
    };
    let answers = vec![
        file("second", 10_000),
        file("third", 10_000),
        file("england", 42_000),
    ];
    let plan = synthetic::plan(10_000, 200_000);
    let mut h: App = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |_cc| {
            CaseloadApp::with_plan(plan, Box::new(ScriptedDialogs::answering(answers)))
        });
    h.run();
    println!(
        "10,000 posts / 200,000 cases, 1,440 x 900, 60 frames a second; a frame is the egui \
         pass and tessellation. Limit {} ms on a frame's own time.",
        LIMIT.as_millis()
    );

    let mut phases = Vec::new();
    let frames = |n: usize| {
        let mut seen = 0;
        move |_: &App| {
            seen += 1;
            seen >= n
        }
    };
    let named = |name: &'static str| move |h: &App| h.state().document().plan().name == name;
    // The click's own frame works out the expected path and starts the bands.
    click_in_one_frame(&mut h, "Projection");
    phases.push(record(
        &mut h,
        "Projection: bands (1,000 runs)",
        Some(LIMIT),
        |h| h.state().document().bands_if_ready().is_some(),
    ));
    phases.push(record(
        &mut h,
        "Projection: nothing in the background",
        Some(LIMIT),
        frames(50),
    ));
    // Opening from the Projection view; once open, its bands are worked out in turn.
    open_in_one_frame(&mut h);
    phases.push(record(
        &mut h,
        "Projection: a 10,000-post file opens",
        Some(LIMIT),
        named("second"),
    ));
    phases.push(record(
        &mut h,
        "Projection: the opened plan's bands",
        Some(LIMIT),
        |h| !h.state().is_busy(),
    ));
    click_in_one_frame(&mut h, "Overview");
    phases.push(record(
        &mut h,
        "Overview: nothing in the background",
        Some(LIMIT),
        frames(30),
    ));
    open_in_one_frame(&mut h);
    phases.push(record(
        &mut h,
        "Overview: a 10,000-post file opens",
        Some(LIMIT),
        named("third"),
    ));
    // Issue 14: from the key press to the first frame that draws the 42,000-post plan.
    open_in_one_frame(&mut h);
    let england = record(
        &mut h,
        "Overview: a 42,000-post file opens",
        Some(ENGLAND_LIMIT),
        named("england"),
    );
    // Up to the frame that draws the plan (and that frame's idle rest, under 17 ms).
    let drawn_after = england.until_done;
    println!(
        "42,000 posts / 2,100 teams: drawn {:.2} s after the key press (goal under {} s)",
        drawn_after.as_secs_f64(),
        ENGLAND_OPENS_WITHIN.as_secs()
    );
    let opened_in_time = drawn_after <= ENGLAND_OPENS_WITHIN;
    phases.push(england);

    // Every phase is reported, then judged.
    let within: Vec<bool> = phases.iter().map(Phase::report).collect();
    if within.iter().all(|&w| w) && opened_in_time {
        ExitCode::SUCCESS
    } else {
        eprintln!("A frame went over its limit, or the 42,000-post plan took over a second.");
        ExitCode::FAILURE
    }
}
