//! The headline figures of the scenario shown, as the Overview's cards: each figure's label and
//! value from the catalogue, a line of context with its target, red when a target is breached;
//! then every alert, red ones first, for the whole service and each team.

use super::super::canvas::{Align, Colour, Style, line_height};
use super::super::charts::palette;
use super::super::flow::{Flow, MARGIN, NOTE, WIDTH};
use crate::model::figures::{FigureId, figure};
use crate::model::{Assessment, Band, Plan};
use crate::text;

/// One card: a figure, its value written, a line of context, and a colour when it matters.
struct Card {
    id: FigureId,
    context: String,
    colour: Option<Colour>,
}

/// The Overview's cards, in its order, with the same context lines and colours.
fn cards(plan: &Plan, assessment: &Assessment) -> Vec<Card> {
    let s = &assessment.service;
    let settings = &plan.settings;
    let value = |id| figure(id).of(s);
    let text_of = |id| text::figure_value(figure(id).unit, value(id));
    let above = |id, limit: f64| {
        value(id)
            .is_some_and(|v| v > limit)
            .then_some(palette::ALERT)
    };
    let card = |id, context: String, colour| Card {
        id,
        context,
        colour,
    };
    vec![
        card(
            FigureId::Caseload,
            format!(
                "target {} · DfE definition",
                text::decimal(settings.caseload_target)
            ),
            above(FigureId::Caseload, settings.caseload_target),
        ),
        card(
            FigureId::CasesPerPractitionerFte,
            "with or without cases yet".to_owned(),
            None,
        ),
        card(
            FigureId::Utilisation,
            format!(
                "{} of {} points",
                text_of(FigureId::DemandPoints),
                text_of(FigureId::CapacityPoints)
            ),
            // Green is the normal state: only amber and red are coloured on paper.
            s.band
                .filter(|b| *b != Band::Green)
                .map(|b| palette::band(Some(b))),
        ),
        card(
            FigureId::Unallocated,
            format!(
                "{} must be allocated",
                text_of(FigureId::MustAllocateWaiting)
            ),
            above(FigureId::MustAllocateWaiting, 0.0),
        ),
        card(
            FigureId::CapacityCases,
            text::headroom(s.headroom_cases),
            value(FigureId::HeadroomCases)
                .is_some_and(|h| h < 0.0)
                .then_some(palette::ALERT),
        ),
        card(
            FigureId::AgencyRate,
            format!(
                "target at most {}",
                text::percent(Some(settings.max_agency_share))
            ),
            above(FigureId::AgencyRate, settings.max_agency_share),
        ),
        card(
            FigureId::VacancyRate,
            format!(
                "{} vacant {}, {} FTE absent",
                text_of(FigureId::VacantPosts),
                if value(FigureId::VacantPosts) == Some(1.0) {
                    "post"
                } else {
                    "posts"
                },
                text_of(FigureId::AbsentFte)
            ),
            None,
        ),
        card(
            FigureId::FteShortOfTarget,
            format!(
                "{} needed, {} available",
                text_of(FigureId::FteNeededForTarget),
                text_of(FigureId::PractitionerFte)
            ),
            above(FigureId::FteShortOfTarget, 0.0),
        ),
    ]
}

const CARDS_PER_ROW: usize = 4;
const CARD_GAP: f32 = 10.0;
const CARD_HEIGHT: f32 = 66.0;
const CAPTION: Style = Style::new(8.5).colour(Colour::MUTED);
const VALUE: Style = Style::new(21.0).bold();

/// The cards in rows of four.
pub fn headline(flow: &mut Flow, plan: &Plan, assessment: &Assessment) {
    let cards = cards(plan, assessment);
    let width = (WIDTH - CARD_GAP * (CARDS_PER_ROW - 1) as f32) / CARDS_PER_ROW as f32;
    for row in cards.chunks(CARDS_PER_ROW) {
        flow.ensure(CARD_HEIGHT);
        let top = flow.y;
        let fonts = flow.fonts;
        let page = flow.page();
        for (k, card) in row.iter().enumerate() {
            let f = figure(card.id);
            let left = MARGIN + k as f32 * (width + CARD_GAP);
            page.rect(left, top, width, CARD_HEIGHT, Colour::SHADE);
            let accent = card.colour.unwrap_or(Colour::RULE);
            page.rect(left, top, 3.0, CARD_HEIGHT, accent);
            let inner = left + 10.0;
            let room = width - 16.0;
            let caption = fonts.fitted(f.label, CAPTION.size, room);
            page.text(fonts, &caption, inner, top + 6.0, CAPTION, Align::Left);
            let value = text::figure_value(f.unit, f.of(&assessment.service));
            let style = VALUE.colour(card.colour.unwrap_or(Colour::TEXT));
            page.text(fonts, &value, inner, top + 19.0, style, Align::Left);
            let context = fonts.fitted(&card.context, NOTE.size, room);
            page.text(fonts, &context, inner, top + 48.0, NOTE, Align::Left);
        }
        flow.y = top + CARD_HEIGHT + CARD_GAP;
    }
}

/// Every alert, red first: "Whole service: …", then each team's.
pub fn alerts(flow: &mut Flow, plan: &Plan, assessment: &Assessment) {
    let mut lines: Vec<(bool, String)> = Vec::new();
    for flag in &assessment.service.flags {
        lines.push((flag.is_red(), format!("Whole service: {flag}")));
    }
    for (team, a) in plan.teams.iter().zip(&assessment.teams) {
        for flag in &a.totals.flags {
            lines.push((flag.is_red(), format!("{}: {flag}", team.name)));
        }
    }
    if lines.is_empty() {
        flow.line(
            "No targets breached.",
            Style::new(10.0).colour(palette::band(Some(Band::Green))),
        );
        return;
    }
    lines.sort_by_key(|(red, _)| !red);
    let red = lines.iter().filter(|(r, _)| *r).count();
    flow.subheading(
        &format!(
            "Alerts: {} red, {}",
            text::thousands(red as u64),
            text::count((lines.len() - red) as u64, "warning", "warnings")
        ),
        line_height(10.0) * 2.0,
    );
    let left_out = lines.len().saturating_sub(MAX_ALERTS);
    for (is_red, line) in lines.into_iter().take(MAX_ALERTS) {
        let colour = if is_red {
            palette::ALERT
        } else {
            palette::WARNING
        };
        let marker = if is_red { "Red" } else { "Warning" };
        flow.ensure(line_height(10.0));
        let top = flow.y;
        let fonts = flow.fonts;
        flow.page().text(
            fonts,
            marker,
            MARGIN,
            top,
            Style::new(9.0).bold().colour(colour),
            Align::Left,
        );
        flow.paragraph_at(&line, MARGIN + 52.0, WIDTH - 52.0, Style::new(10.0));
    }
    if left_out > 0 {
        flow.paragraph(
            &format!(
                "… and {}: every alert is in the Excel and CSV exports, and the table of teams gives each team's figures.",
                text::count(left_out as u64, "more alert", "more alerts")
            ),
            NOTE,
        );
    }
}

/// Alerts listed at most: red ones first, so no red alert is left out unless there are this
/// many; a plan of hundreds of teams would otherwise fill pages with them.
const MAX_ALERTS: usize = 60;
