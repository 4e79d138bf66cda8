//! The inspector's reductions of a post: capacity its worker keeps back for a reason and a
//! period (protected development time, a phased return, union duties, practice education or
//! another reason), in hours a week or as a share of the post's time, from a month to a month.
//! Each change replaces the post's list with one command; the model refuses what cannot be
//! (more than the whole post, an end before the start) and the refusal is shown.

use super::state::UiState;
use super::widgets::{combo, month_field, number_field, text_field};
use crate::model::reductions::{Reduction, ReductionAmount, ReductionReason, STANDARD_HOURS};
use crate::model::{Command, Plan, Post};
use egui::{RichText, Ui};

pub fn reductions_ui(
    ui: &mut Ui,
    plan: &Plan,
    post: &Post,
    state: &mut UiState,
    edits: &mut Vec<Command>,
) {
    ui.label(RichText::new("Reductions").strong())
        .on_hover_text(format!(
            "Capacity kept back for a reason and a period, as probation's Workload Measurement \
         Tool records it: hours a week are a share of the post's contracted hours ({} a week \
         at full time).",
            STANDARD_HOURS
        ));
    let mut list = post.reductions.clone();
    let mut remove = None;
    for (i, reduction) in list.iter_mut().enumerate() {
        ui.group(|ui| {
            if reduction_ui(ui, post, i, reduction, state) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        list.remove(i);
    }
    if post.reductions.is_empty() {
        ui.weak("None: the worker's whole time is for cases.");
    }
    if ui
        .button("+ Add reduction")
        .on_hover_text("Protected time, a phased return, union duties, practice education…")
        .clicked()
    {
        list.push(Reduction {
            reason: ReductionReason::Development,
            amount: ReductionAmount::Share(0.1),
            from: plan.timeline.start,
            until: None,
        });
    }
    if list != post.reductions {
        edits.push(Command::SetReductions {
            post: post.id,
            reductions: list,
        });
    }
}

/// One reduction on two lines; true when the user removes it.
fn reduction_ui(
    ui: &mut Ui,
    post: &Post,
    i: usize,
    reduction: &mut Reduction,
    state: &mut UiState,
) -> bool {
    let n = i + 1;
    let id = post.id;
    ui.horizontal_wrapped(|ui| {
        let shown = match &reduction.reason {
            ReductionReason::Other(_) => "Other".to_owned(),
            named => named.label().to_owned(),
        };
        combo(
            ui,
            &format!("Reduction {n} reason"),
            ("reason", id, i),
            shown,
            |ui| {
                for reason in ReductionReason::NAMED {
                    let label = reason.label().to_owned();
                    ui.selectable_value(&mut reduction.reason, reason, label);
                }
                let other = matches!(reduction.reason, ReductionReason::Other(_));
                if ui.selectable_label(other, "Other").clicked() && !other {
                    reduction.reason = ReductionReason::Other("Other".to_owned());
                }
            },
        );
        if let ReductionReason::Other(text) = &reduction.reason
            && let Some(changed) = text_field(
                ui,
                &format!("Reduction {n} other reason"),
                ("other-reason", id, i),
                text,
                &mut state.drafts,
            )
        {
            reduction.reason = ReductionReason::Other(changed);
        }
    });
    ui.horizontal_wrapped(|ui| amount_ui(ui, n, id, i, &mut reduction.amount));
    ui.horizontal_wrapped(|ui| {
        ui.label("from");
        if let Some(Some(from)) = month_field(
            ui,
            &format!("Reduction {n} from"),
            ("reduction-from", id, i),
            Some(reduction.from),
            false,
            &mut state.drafts,
        ) {
            reduction.from = from;
        }
        ui.label("until");
        if let Some(until) = month_field(
            ui,
            &format!("Reduction {n} until"),
            ("reduction-until", id, i),
            reduction.until,
            true,
            &mut state.drafts,
        ) {
            reduction.until = until;
        }
        ui.small_button("Remove").clicked()
    })
    .inner
}

/// The amount: hours a week, or a percentage of the post's time.
fn amount_ui(
    ui: &mut Ui,
    n: usize,
    id: crate::model::PostId,
    i: usize,
    amount: &mut ReductionAmount,
) {
    let in_hours = matches!(amount, ReductionAmount::HoursAWeek(_));
    match amount {
        ReductionAmount::HoursAWeek(hours) => {
            number_field(
                ui,
                &format!("Reduction {n} hours"),
                hours,
                0.0..=168.0,
                0.1,
                "",
            );
        }
        ReductionAmount::Share(share) => {
            let mut shown = *share * 100.0;
            if number_field(
                ui,
                &format!("Reduction {n} share"),
                &mut shown,
                0.0..=100.0,
                0.5,
                "",
            ) {
                *share = shown / 100.0;
            }
        }
    }
    combo(
        ui,
        &format!("Reduction {n} unit"),
        ("reduction-unit", id, i),
        if in_hours {
            "hours a week"
        } else {
            "% of the time"
        },
        |ui| {
            if ui.selectable_label(in_hours, "hours a week").clicked() && !in_hours {
                *amount = ReductionAmount::HoursAWeek(3.7);
            }
            if ui.selectable_label(!in_hours, "% of the time").clicked() && in_hours {
                *amount = ReductionAmount::Share(0.1);
            }
        },
    );
}
