//! The contract rows of a form (kind; for a fixed term, its first and last months), shared by
//! "Add posts" and "Make an option with these posts".

use super::theme;
use super::widgets::combo;
use crate::model::{Contract, ContractKind, YearMonth};
use egui::{RichText, Ui};

/// A contract being chosen: its kind and, for a fixed term, the months as typed.
#[derive(Clone, Debug)]
pub struct ContractChoice {
    pub kind: ContractKind,
    pub start: String,
    pub end: String,
}

impl ContractChoice {
    pub fn new(kind: ContractKind) -> Self {
        ContractChoice {
            kind,
            start: String::new(),
            end: String::new(),
        }
    }

    /// The contract chosen; `None` while a fixed term's months are not both valid.
    pub fn contract(&self) -> Option<Contract> {
        match self.kind {
            ContractKind::Permanent => Some(Contract::Permanent),
            ContractKind::Agency => Some(Contract::Agency),
            ContractKind::FixedTerm => match (self.start.parse(), self.end.parse()) {
                (Ok(start), Ok(end)) => Some(Contract::FixedTerm { start, end }),
                _ => None,
            },
        }
    }
}

/// Grid rows: "Contract" (a combo), and for a fixed term "Starts" and "Ends" (YYYY-MM, with
/// the reason beside a month that is not one). `whose` names the fields for screen readers
/// ("New posts'"). Returns true when a kind is chosen (even the one shown) or a month typed.
pub fn contract_rows_ui(ui: &mut Ui, whose: &str, choice: &mut ContractChoice) -> bool {
    let mut touched = false;
    ui.label("Contract");
    combo(
        ui,
        &format!("{whose} contract"),
        (whose, "contract"),
        choice.kind.label(),
        |ui| {
            for kind in ContractKind::ALL {
                touched |= ui
                    .selectable_value(&mut choice.kind, kind, kind.label())
                    .clicked();
            }
        },
    );
    ui.end_row();
    if choice.kind != ContractKind::FixedTerm {
        return touched;
    }
    for (label, text) in [("Starts", &mut choice.start), ("Ends", &mut choice.end)] {
        ui.label(label);
        ui.vertical(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text("YYYY-MM")
                    .desired_width(70.0),
            );
            touched |= response.changed();
            // Named explicitly: the "YYYY-MM" hint would otherwise be its only name.
            let name = format!("{whose} contract {}", label.to_lowercase());
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_label(name));
            if let Err(e) = text.parse::<YearMonth>()
                && !text.is_empty()
            {
                ui.label(RichText::new(e.to_string()).color(theme::ALERT).small());
            }
        });
        ui.end_row();
    }
    touched
}
