//! File > New from published figures…: pick a council, see the figures the plan will be built
//! from, choose the starting teams (one, or one per function in proportions the user sets),
//! and make the plan (see `model::benchmark::start`). The plan then opens in place of the one
//! open (asking first about unsaved changes), with the council set for the Benchmarks view.

use super::benchmark::{CouncilSearch, attribution_ui, council_picker_ui};
use super::widgets::number_field;
use crate::app::LoadedRelease;
use crate::model::Plan;
use crate::model::benchmark::{
    Area, FunctionShares, Published, Release, StartingTeams, plan_from_published,
};
use crate::text;
use egui::{Context, RichText, Ui};

/// The window's choices while it is open.
#[derive(Clone, Debug, Default)]
pub struct StartForm {
    pub search: CouncilSearch,
    /// The council chosen (its key in the release).
    pub council: Option<String>,
    pub by_function: bool,
    pub shares: FunctionShares,
    /// Why the last try made no plan.
    pub problem: Option<String>,
}

impl StartForm {
    pub fn new() -> Self {
        StartForm {
            by_function: true,
            ..StartForm::default()
        }
    }
}

/// Draws the window while `form` is open; returns the plan made when the user asks for it.
/// Closing the window (or Cancel) empties `form`.
pub fn start_from_published_ui(
    ctx: &Context,
    form: &mut Option<StartForm>,
    published: Option<&LoadedRelease>,
) -> Option<Plan> {
    let state = form.as_mut()?;
    let mut open = true;
    let mut cancelled = false;
    let mut made = None;
    egui::Window::new("New plan from published figures")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_pos(egui::pos2(290.0, 100.0))
        .default_width(520.0)
        .show(ctx, |ui| {
            let Some(loaded) = published else {
                ui.label("Reading the published figures…");
                return;
            };
            let release = &loaded.release;
            ui.label(
                "A plan of a council's children's social work service as the Department for \
                 Education published it: case-holding staff and cases, staff in post, agency \
                 workers and vacancies. Refine it from there.",
            );
            ui.add_space(4.0);
            if let Some(area) = council_picker_ui(ui, release, &mut state.search, "start-council") {
                state.council = Some(area.key().to_owned());
                state.problem = None;
            }
            let chosen = state.council.as_deref().and_then(|c| release.council(c));
            if let Some(area) = chosen {
                ui.add_space(4.0);
                figures_ui(ui, release, area);
            }
            ui.add_space(6.0);
            teams_ui(ui, state);
            if let Some(problem) = &state.problem {
                ui.colored_label(super::theme::ALERT, problem);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let create = ui.add_enabled(chosen.is_some(), egui::Button::new("Create plan"));
                if create.clicked()
                    && let Some(area) = chosen
                {
                    match make_plan(release, area, state) {
                        Ok(plan) => made = Some(plan),
                        Err(problem) => state.problem = Some(problem),
                    }
                }
                if ui.button("Cancel").clicked() {
                    cancelled = true;
                }
            });
            ui.add_space(4.0);
            attribution_ui(ui, &loaded.source.to_string());
        });
    if !open || cancelled || made.is_some() {
        *form = None;
    }
    made
}

fn make_plan(release: &Release, area: &Area, form: &StartForm) -> Result<Plan, String> {
    let year = release.latest_year();
    let published = release
        .figures(area.key(), year)
        .ok_or_else(|| format!("{} has no figures published for {year}.", area.name))?;
    let teams = if form.by_function {
        StartingTeams::ByFunction(form.shares)
    } else {
        StartingTeams::One
    };
    plan_from_published(area, year, published, teams).map_err(|e| e.to_string())
}

/// What the plan will be built from: the council's latest published figures.
fn figures_ui(ui: &mut Ui, release: &Release, area: &Area) {
    let year = release.latest_year();
    let Some(p) = release.figures(area.key(), year) else {
        ui.colored_label(
            super::theme::ALERT,
            format!("{} has no figures published for {year}.", area.name),
        );
        return;
    };
    ui.label(RichText::new(format!("{}, 30 September {year}", area.name)).strong());
    // Two figures a row, so the window fits a 700-pixel-high screen.
    egui::Grid::new("start-figures")
        .num_columns(4)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for pair in published_lines(p).chunks(2) {
                for (label, value) in pair {
                    ui.label(*label);
                    ui.label(value);
                }
                ui.end_row();
            }
        });
}

fn published_lines(p: &Published) -> Vec<(&'static str, String)> {
    let fte = |v: Option<f64>| v.map_or_else(not_published, |v| format!("{} FTE", text::fte(v)));
    let rate = |v: Option<f64>| v.map_or_else(not_published, |v| text::percent(Some(v)));
    vec![
        (
            "Cases held",
            p.cases
                .map_or_else(not_published, |c| text::thousands(c.round() as u64)),
        ),
        (
            "Caseload",
            p.caseload
                .map_or_else(not_published, |c| text::one_decimal(Some(c))),
        ),
        ("Case-holding staff", fte(p.case_holders_fte)),
        ("Staff in post", fte(p.inpost_fte)),
        ("Agency workers", fte(p.agency_fte)),
        ("Agency rate", rate(p.agency_rate)),
        ("Vacancies", fte(p.vacancy_fte)),
        ("Vacancy rate", rate(p.vacancy_rate)),
    ]
}

fn not_published() -> String {
    "not published".to_owned()
}

/// One team, or a team per function with the share of each.
fn teams_ui(ui: &mut Ui, form: &mut StartForm) {
    ui.label(RichText::new("Starting teams").strong());
    ui.radio_value(&mut form.by_function, false, "One team");
    ui.radio_value(
        &mut form.by_function,
        true,
        "A team per function, in these proportions",
    );
    if !form.by_function {
        return;
    }
    ui.indent("start-shares", |ui| {
        let s = &mut form.shares;
        egui::Grid::new("start-shares-grid")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, share) in [
                    ("Front door", &mut s.front_door),
                    (
                        "Child in need and protection",
                        &mut s.child_in_need_protection,
                    ),
                    ("Children in care", &mut s.children_in_care),
                    ("Care leavers", &mut s.care_leavers),
                ] {
                    ui.label(label);
                    number_field(ui, label, share, 0.0..=100.0, 1.0, "%");
                    ui.end_row();
                }
            });
        let total = s.front_door + s.child_in_need_protection + s.children_in_care + s.care_leavers;
        if (total - 100.0).abs() > 1e-6 && total > 0.0 {
            ui.weak(format!(
                "These add up to {}: each team takes its part of the total.",
                text::decimal(total)
            ));
        }
    });
}
