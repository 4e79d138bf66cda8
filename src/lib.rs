//! # Caseload Planner
//!
//! Workforce planning for children's social care: a service manager builds a team structure,
//! sets case weights and the staffing mix, and sees caseload per worker and team capacity;
//! then compares options (a baseline and its scenarios) now, month by month, and in cost.
//!
//! ## Architecture map
//!
//! ```text
//!   plan file (.ron) ──io::load_file──▶ model::ScenarioSet (baseline + options, each a Plan)
//!                    ◀──io::save_file──      ▲            │
//!                                            │            ├─model::assess──────▶ Assessment
//!                                            │            ├─model::projection──▶ Projection, Bands
//!                                            │            ├─model::allocation──▶ Proposal (moves of cases)
//!                                            │            └─model::changes / compare ─▶ Compare view
//!                                            │ ScenarioSet::apply(ScenarioId, Command)
//!                                            │   (the only way a plan changes; a Batch is one)
//!   ui panels ──push Command──▶ app::Document ┘ ──per-scenario undo, dirty flag, fresh figures
//!                                    │ app::jobs (worker threads): opening a file, the bands,
//!                                    └─ each result tagged with what it was worked out for
//!
//!   Assessment / ProjectedMonth / Projection ──model::figures (the catalogue)──▶ Overview
//!                                    cards, inspector, Compare, CLI summary, exports: one
//!                                    label, one figure
//!   ScenarioSet, assessments, projection, bands ──model::report──▶ ReportTables (plain data)
//!        ──io::export──▶ CSV files, an .xlsx workbook (and the PDF report, Copy as table);
//!        every worker named through model::anonymise::WorkerNames (real or "Social worker 7")
//!
//!   staff list (.csv/.xlsx) ──io::import::read_table──▶ model::import::Table
//!        ──ImportMapping (guessed, changed, saved as RON)──▶ model::import::preview ──▶
//!        ImportPreview: a new Plan, or one Command::ReplaceStructure (one undo step)
//!   Plan ──io::export::posts_csv──▶ the same columns, so a structure round-trips
//!
//!   DfE release (.csv: built in, or installed) ──io::published──▶ model::benchmark::Release
//!        ──benchmark / series / standing──▶ a plan's figures beside its council's published
//!        figures, its statistical neighbours, its region and England (rank and quartile)
//!        ──start::plan_from_published──▶ a new Plan with the council's published headline
//! ```
//!
//! - [`model`]: the domain, **pure**: plain data in, plain data out. Plans, validation rules,
//!   [`model::Command`]s and [`model::apply()`], the capacity and caseload calculations. No UI,
//!   no file or network I/O, no clocks. Every figure of a plan as it stands is computed by
//!   [`model::assess()`], and every definition is written once there (the projection uses the
//!   same case weights, post capacity and points per case); [`model::figures`] is the
//!   catalogue of every figure a user sees (label, unit, better-when, definition, how computed
//!   from an assessment, a projected month or a whole projection, such as the first year's
//!   turnover; the entries are in `figures/catalogue.rs`), which every view and the CLI read.
//!   The DfE's definitions are followed exactly: an agency worker covers a vacancy, an absence
//!   or adds capacity over the establishment (`AgencyCover`), and only the first is a vacancy. A
//!   [`model::ScenarioSet`] holds the baseline and its options (each with a stable
//!   [`model::ScenarioId`]), each a complete [`model::Plan`]; month-by-month figures
//!   come from [`model::projection`] (`expected.rs`: the expected path; `monte_carlo.rs`: seeded
//!   Monte Carlo bands, which report each run done and can be stopped), cost from
//!   [`model::costs`], side-by-side figures and the list of changes from [`model::compare`] and
//!   [`model::changes`]; the staff needed to meet the plan's targets from
//!   [`model::allocation`] (`needed.rs`), which the assessment carries in every team's totals,
//!   and proposals that move whole cases (`allocate.rs`: a team's waiting work to its workers
//!   with room; `balance.rs`: from the most-loaded workers of a pool of teams to the least),
//!   previewed as lines of text and applied as one `Command::MoveCases`; `option.rs` works out
//!   the posts that close a team's gap and the one command that adds them and gives them work.
//!   `command/bulk.rs` makes one change (team, grade, contract, dates, FTE, status) or a
//!   deletion to many posts: one `Command::Batch` of per-post commands for the posts it suits,
//!   each tried on a copy so the batch always applies, and the others listed with why.
//!   [`model::anonymise`] names workers by grade and a number stable across scenarios
//!   (`Anonymised`, asked through `WorkerNames`); [`model::report`] builds the tables every
//!   export writes (posts, teams, alerts, projection, comparison, changes, definitions and
//!   assumptions: headings, units, cells that keep numbers as numbers) from the catalogue,
//!   and writes one as tab-separated text for the clipboard.
//! - [`model::import`]: a staff list or caseload report, as a table of cells, read into a plan:
//!   column roles guessed from headings (synonyms), words mapped to grades, teams, contracts
//!   and absences, and a preview of the posts, teams and every problem by row and column; the
//!   change is a new plan or one `Command::ReplaceStructure`, and a caseload report one batch
//!   of case counts. [`io::import`] reads the files (CSV in any of Excel's encodings and
//!   delimiters, .xlsx via calamine; size and row limits, progress and cancelling) and the
//!   saved mappings; [`io::export`] writes posts as CSV in the same columns, and the report
//!   tables as a folder of CSV files (UTF-8 with BOM, percentages as numbers under "(%)") or
//!   one .xlsx workbook (rust_xlsxwriter: number formats, frozen headings), every file
//!   written to a temporary file and renamed into place only once all are complete.
//! - [`model::benchmark`]: the DfE's children's social work workforce release as plain data
//!   (every area's figures by year, found by any of its codes; each council's statistical
//!   neighbours), the measures compared with their DfE definitions, medians, ranks and
//!   quartiles. [`io::published`] reads the release built in under `assets/published/`, or a
//!   newer one the user installed into the app's data folder; the plan names its council in
//!   its settings. `plan_figures.rs` reads each measure's plan value from the catalogue (the
//!   turnover from the projection's first year); `start.rs` builds a plan from a council's
//!   latest figures (one team or a team per function) whose caseload, agency and vacancy
//!   rates round to the published ones (counts moved by at most 0.04 FTE where the published
//!   counts alone do not give the published rate).
//! - [`io`]: plan files. Versioned RON; loading turns every failure (size, encoding, syntax with
//!   line and column, newer version, semantic problems) into a [`io::LoadError`] that names the
//!   file and the place. Saving never loses the file already there (`io::save`: a fresh,
//!   exclusively created temporary file renamed over it, links followed, permissions kept, the
//!   previous file as `.bak` by hard link); [`io::lock`] marks a plan open in a window;
//!   [`io::recovery`] keeps unsaved work for after a crash, in the app's local folder.
//! - [`io::export::pdf`]: the PDF report (A4 landscape, krilla): laid out first into pages of
//!   drawing operations (`flow.rs`, `table.rs`: tables that continue across pages with their
//!   headings; `charts/`: the Overview's and the Projection's charts as vector shapes;
//!   `sections/`: title, headline figures, alerts, comparison, `model::report`'s tables), then
//!   drawn into a PDF with the window's font embedded (`render.rs`), so text stays searchable;
//!   written through a temporary file renamed into place, with progress and stopping.
//! - [`app`]: the window's state without drawing: [`app::Document`] (the open plan and the
//!   scenario shown, its file, undo history per scenario plus one for the shared parts (each
//!   step's teams and posts in chunks shared with the steps before, so a 42,000-post plan's
//!   history costs little more than the plan), unsaved-changes flag, a revision counter,
//!   cached projection and its bands, which the user can stop), recent files,
//!   file dialogs behind the [`app::FileDialogs`] trait (native rfd dialogs awaited on a worker
//!   thread; a scripted fake for tests), and [`app::Job`]s: work too slow for a frame run on a
//!   worker thread that reports progress, can be cancelled (dropping the job is enough) and is
//!   tagged with what it is for. The bands are worked out for one revision of the document and
//!   dropped if the plan has changed since; [`app::Opening`] reads, checks and assesses a file.
//!   [`app::Autosave`] writes unsaved work to the recovery file a few seconds after the last
//!   edit, on a thread of its own; a panic hook writes it first ([`app::install_panic_hook`]).
//! - [`ui`]: the window (eframe/egui), one file per panel or view, drawing functions named
//!   `*_ui`. Panels read the plan and assessment and push commands; [`ui::CaseloadApp`] applies
//!   them after each panel, so charts drawn later in the same frame already show the edit. Each
//!   frame first takes finished background work; while a file opens the window shows "Opening
//!   NAME…" (and takes no edits), while bands are worked out the Projection says so. Windows
//!   that propose before they change anything (`allocation.rs`: allocate or balance, with the
//!   moves and their effect worked out again only when the plan or the choices change;
//!   `make_option.rs`: an option with the staff needed) return one command to apply. The
//!   Posts table chooses several posts (`post_selection.rs`: click, Ctrl+click, Shift+click,
//!   select all, kept as a set of ids), which the inspector edits together (`bulk_edit.rs`):
//!   one undo step, and the status bar says what changed and what was refused. `import/` is
//!   the staff-list import window (columns, what the words mean, preview; into a new plan, the
//!   scenario shown or a new option) and the caseload import; files are read and written as
//!   background jobs (`app::TableReading`, `app::FileWriting`). `benchmark/` is the
//!   Benchmarks view (the plan's council chosen by search, the table, a chart per measure year
//!   by year) and `compare_benchmarks.rs` its rows in Compare; `start_from_published.rs` the
//!   File > New from published figures window; the release is read at start and a newer one
//!   installed as background jobs ([`app::PublishedFigures`], taken in `published_flow.rs`).
//!   At England scale (thousands of teams) long lists and tables lay out only the rows in
//!   view (`widgets::skipped_off_screen`, the Structure tree's team heights), Structure finds
//!   a team by name, and the Overview's team charts show the busiest teams and the one
//!   selected (`charts/shown_teams.rs`, ranked by `Assessment::busiest_teams`).
//! - [`cli`]: the `summary`, `check`, `import`, `benchmark`, `new` and `export` subcommands
//!   (one file each where they need more than a few lines), text in and text out over `io`
//!   and `model`.
//! - [`text`]: how figures are written for people (percentages, "no value", thousands
//!   separated, a count with its noun in the singular or plural, distinct short labels for a
//!   chart's columns), shared by every front end so they all say the same thing.
//! - `src/main.rs`: parses arguments and dispatches to the CLI or the window; nothing else.
//!   `src/bin/caseload-planner-cli.rs`: the console program (cmd, PowerShell and scripts on
//!   Windows, where the windowed program has no console): the same subcommands, no window.
//! - [`io::platform`]: what differs between Windows and Unix (the user's app-data folders,
//!   durable renames, a windowed program's console, Windows' own errors), both sides written.
//!
//! ## Invariants
//!
//! - The model never touches the outside world; tests feed it plain values.
//! - A plan that has passed [`model::validate()`] has unique ids, only known references,
//!   0.01 <= FTE <= 1, finite numbers within plausible bounds (so every figure stays finite) and
//!   fixed-term contracts that end after they start. [`model::assess()`] still never panics on
//!   an invalid plan.
//! - No ratio is ever NaN: a zero denominator gives `None` ("no value").
//! - Loading never panics or waits, whatever the path or the bytes, and takes time and memory
//!   in proportion to the file's size (at most 100 problems are described, the rest counted);
//!   a failed save leaves the existing file untouched, and its old `.bak` is replaced only
//!   once the new one exists. Saving over a file changed on disk since it was opened (size and
//!   hash), or open in another window, asks first.
//! - Reading a staff list or caseload report never panics or waits, whatever the bytes (tested
//!   on arbitrary bytes); files over 50 MB or 100,000 rows are refused before they are read
//!   whole. An import changes nothing until its one change is applied, and the teams and posts
//!   it proposes always make a valid plan; exporting a plan's posts and importing them back
//!   gives the same structure (property-tested in `tests/import_round_trip.rs`).
//! - Unsaved work reaches its recovery file within [`app::AUTOSAVE_DELAY`] of the last edit;
//!   recovered work is restored as unsaved changes, never written over the user's file without
//!   a save, and the recovery file goes after a save or a discard.
//! - Every name from a file that reaches text output (messages, the command line) goes through
//!   [`text::printable`]: no name can act on a terminal or add a line to a table or message.
//! - A command either applies fully and leaves a valid plan valid, or is refused with a reason
//!   and changes nothing (property-tested in `tests/commands.rs`); a `Command::Batch` applies
//!   all its commands or none, and is one undo step.
//! - A change to many posts is one batch that always applies (each post's edit is tried on a
//!   copy first); a post it does not suit is left exactly as it was and listed with why.
//! - Moving cases never creates or loses one; an allocation or balancing proposal always
//!   applies, puts nobody over capacity while someone has room, never raises the highest
//!   utilisation, and proposes nothing the second time (property-tested in
//!   `tests/allocation.rs`).
//! - New ids are given by the model (`model::NextIds`, one per plan, shared by its scenarios):
//!   an id is never given twice, not even after an undo removed its first holder.
//! - One label is one figure: views never compute or name a figure themselves, they read it
//!   from [`model::figures`].
//! - Every scenario has the same shared parts (name, notes, settings, timeline, case types,
//!   grades, cost rates): a shared command is applied to all scenarios or to none. Editing an
//!   option never changes the baseline. One post or team id means the same post or team in
//!   every scenario (new ids are unique across scenarios).
//! - The projection without turnover or recruitment follows the plan's dates exactly, and its
//!   first month equals the assessment; the same seed always gives the same Monte Carlo bands.
//! - The UI never mutates a plan; a user's gesture (a drag, typing in a field) is one undo step,
//!   and undo never reaches into a scenario other than the one shown.
//! - No frame waits for heavy work: opening a file and the Monte Carlo bands run on worker
//!   threads, leaving a core to the window; bands are only ever drawn for the plan drawn.
//! - Plan contents are never logged or sent anywhere; only recent file paths are stored, and
//!   unsaved work in the recovery folder on this machine.

pub mod app;
pub mod cli;
pub mod io;
pub mod model;
pub mod text;
pub mod ui;
