//! Which assumption decides it, in the Projection view: the tornado (each main assumption
//! moved down and up, its effect on the caseload in a chosen month and on spend over the plan,
//! widest first) and goal seek (the one change that brings the caseload to the target). The
//! work runs in the background: this view asks, and shows the answer for the plan as drawn.

use super::super::busy::busy_ui;
use super::super::charts::base_plot;
use super::super::charts::frame::{LegendEntry, Swatch, legend_ui};
use super::super::widgets::{combo, number_field};
use crate::app::{Answer, Question, SensitivityState};
use crate::model::Plan;
use crate::model::sensitivity::{Goal, Sought, Tornado};
use crate::text::{self, month_label};
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, GridMark, VLine};

/// What the user has chosen: the month looked at, the share moved, the goal sought.
#[derive(Clone, Copy, Debug)]
pub struct SensitivityForm {
    /// Months after the start; `None`: two years on, or the plan's last month.
    pub month: Option<u32>,
    pub share: f64,
    pub goal: Goal,
}

impl Default for SensitivityForm {
    fn default() -> Self {
        SensitivityForm {
            month: None,
            share: 0.2,
            goal: Goal::FewerNewCases,
        }
    }
}

const LOWER: Color32 = Color32::from_rgb(90, 150, 230);
const HIGHER: Color32 = Color32::from_rgb(230, 150, 60);

pub(super) fn sensitivity_ui(
    ui: &mut Ui,
    plan: &Plan,
    answer: SensitivityState<'_>,
    form: &mut SensitivityForm,
    asked: &mut Option<Question>,
) {
    let last = plan.timeline.months.saturating_sub(1);
    let month = form.month.unwrap_or(24).min(last);
    let month_name = plan
        .timeline
        .month(month)
        .map(month_label)
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label("Move each assumption by");
        let mut shown = form.share * 100.0;
        if number_field(
            ui,
            "Share each assumption moves",
            &mut shown,
            1.0..=90.0,
            0.5,
            "%",
        ) {
            form.share = shown / 100.0;
        }
        ui.label("down and up, and see all cases per practitioner FTE in month");
        let mut chosen = month;
        if number_field(ui, "Sensitivity month", &mut chosen, 0..=last, 0.2, "") {
            form.month = Some(chosen);
        }
        ui.weak(format!("({month_name})"));
        if ui
            .button("Work it out")
            .on_hover_text(
                "Projects the scenario twice for each assumption it has (up to 17 times in \
                 all); it runs in the background",
            )
            .clicked()
        {
            *asked = Some(Question::Tornado {
                month,
                share: form.share,
            });
        }
    });
    let target = plan.settings.caseload_target;
    ui.horizontal_wrapped(|ui| {
        ui.label("Goal seek: find");
        combo(
            ui,
            "Goal seek finds",
            "goal-seek",
            form.goal.label(),
            |ui| {
                for goal in Goal::ALL {
                    ui.selectable_value(&mut form.goal, goal, goal.label());
                }
            },
        );
        ui.label(format!(
            "that brings all cases per practitioner FTE to the target of {} by {month_name}",
            text::one_decimal(Some(target))
        ));
        if ui.button("Find").clicked() {
            *asked = Some(Question::GoalSeek {
                goal: form.goal,
                month,
                target,
            });
        }
    });
    match answer {
        SensitivityState::WorkingOut(_, done) => {
            busy_ui(ui, &format!("Working it out… {:.0}%", done * 100.0));
        }
        SensitivityState::Ready(Question::Tornado { .. }, Answer::Tornado(tornado)) => {
            tornado_ui(ui, plan, tornado);
        }
        SensitivityState::Ready(
            Question::GoalSeek {
                goal,
                month,
                target,
            },
            Answer::GoalSeek(found),
        ) => {
            ui.label(sought_words(plan, goal, month, target, *found));
        }
        SensitivityState::Ready(..) | SensitivityState::None => {}
    }
}

/// What goal seek found, in words.
fn sought_words(plan: &Plan, goal: Goal, month: u32, target: f64, found: Option<Sought>) -> String {
    let when = plan
        .timeline
        .month(month)
        .map(month_label)
        .unwrap_or_default();
    let target = text::one_decimal(Some(target));
    match found {
        None => "Extra FTE needs a team and a case-holding grade in the plan.".to_owned(),
        Some(Sought::AlreadyMet) => {
            format!("All cases per practitioner FTE are at or below {target} in {when} already.")
        }
        Some(Sought::Unreachable) => match goal {
            Goal::FewerNewCases => {
                format!("Even no new cases at all do not bring it to {target} by {when}.")
            }
            Goal::LowerTurnover => {
                format!("Even nobody leaving does not bring it to {target} by {when}.")
            }
            Goal::ExtraFte => format!("Not even 10,000 more FTE bring it to {target} by {when}."),
        },
        Some(Sought::Found(value)) => match goal {
            Goal::FewerNewCases => format!(
                "{} fewer new cases a month, of every type, from the plan's start bring it to {target} in {when}.",
                text::percent(Some(value))
            ),
            Goal::LowerTurnover => format!(
                "Turnover at {} of today's rates (permanent {} a year) brings it to {target} in {when}.",
                text::percent(Some(value)),
                text::percent(Some(plan.assumptions.turnover.permanent * value))
            ),
            Goal::ExtraFte => format!(
                "{} more case-holding FTE from the plan's start bring it to {target} in {when}.",
                text::fte((value * 100.0).ceil() / 100.0)
            ),
        },
    }
}

/// The tornado chart, then its figures as a table.
fn tornado_ui(ui: &mut Ui, plan: &Plan, tornado: &Tornado) {
    let Some(base) = tornado.base.caseload else {
        ui.label("No one holds cases in that month: there is no caseload to move.");
        return;
    };
    let when = plan
        .timeline
        .month(tornado.month)
        .map(month_label)
        .unwrap_or_default();
    let share = text::percent(Some(tornado.share));
    const TITLE: &str = "Which assumption decides the caseload";
    ui.strong(format!(
        "{TITLE}: all cases per practitioner FTE in {when} ({} as it is), each assumption {share} \
         lower and higher",
        text::one_decimal(Some(base))
    ));
    let rows = tornado.swings.len();
    let names: Vec<&'static str> = tornado
        .swings
        .iter()
        .map(|s| s.assumption.label())
        .collect();
    let bar = |row: usize, value: Option<f64>, colour: Color32, side: &str| {
        // The widest at the top.
        let y = (rows - 1 - row) as f64;
        let value = value.unwrap_or(base);
        Bar::new(y, value - base)
            .base_offset(base)
            .width(0.6)
            .fill(colour)
            .name(format!(
                "{}, {share} {side}: {}",
                names[row],
                text::one_decimal(Some(value))
            ))
    };
    let lower: Vec<Bar> = (0..rows)
        .map(|i| bar(i, tornado.swings[i].low.caseload, LOWER, "lower"))
        .collect();
    let higher: Vec<Bar> = (0..rows)
        .map(|i| bar(i, tornado.swings[i].high.caseload, HIGHER, "higher"))
        .collect();
    super::super::png_export::chart_block(ui, TITLE, |ui| {
        legend_ui(
            ui,
            &[
                LegendEntry::new(format!("Assumption {share} lower"), LOWER, Swatch::Fill),
                LegendEntry::new(format!("Assumption {share} higher"), HIGHER, Swatch::Fill),
            ],
        );
        let labels: Vec<&'static str> = names.iter().rev().copied().collect();
        let marks: Vec<GridMark> = (0..rows)
            .map(|y| GridMark {
                value: y as f64,
                step_size: 1.0,
            })
            .collect();
        let plot = base_plot("sensitivity-tornado", 28.0 * rows as f32 + 40.0)
            .include_y(-0.6)
            .include_y(rows as f64 - 0.4)
            .show_grid([true, false])
            .x_axis_label("all cases per practitioner FTE")
            .y_axis_min_width(200.0)
            .y_grid_spacer(move |_| marks.clone())
            .y_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                    labels
                        .get(i as usize)
                        .map(|s| (*s).to_owned())
                        .unwrap_or_default()
                } else {
                    String::new()
                }
            });
        plot.show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new("lower", lower).horizontal());
            plot_ui.bar_chart(BarChart::new("higher", higher).horizontal());
            plot_ui.vline(VLine::new("as it is", base).color(Color32::GRAY));
        })
        .response
    });
    egui::Grid::new("tornado-table")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for heading in [
                "Assumption".to_owned(),
                format!("Caseload, {share} lower"),
                format!("Caseload, {share} higher"),
                format!("Spend, {share} lower"),
                format!("Spend, {share} higher"),
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for swing in &tornado.swings {
                ui.label(swing.assumption.label());
                ui.label(text::one_decimal(swing.low.caseload));
                ui.label(text::one_decimal(swing.high.caseload));
                ui.label(text::money(swing.low.spend));
                ui.label(text::money(swing.high.spend));
                ui.end_row();
            }
        });
    ui.weak(format!(
        "Spend as it is: {} over the plan. Assumptions the scenario does not have (levers on \
         demand, a retention payment) are left out.",
        text::money(tornado.base.spend)
    ));
}
