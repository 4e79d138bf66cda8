//! Pictures for slides: File > Export view as PNG… at a chosen size (the window resized for the
//! picture and put back), and a chart's own *Save chart as PNG…* from its context menu.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

type App<'a> = egui_kittest::Harness<'a, caseload_planner::ui::CaseloadApp>;

fn click(harness: &mut App<'_>, label: &str) {
    harness
        .query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
    harness.run();
}

/// The PNG file's width and height.
fn png_size(path: &std::path::Path) -> (u32, u32) {
    let file = std::fs::File::open(path).unwrap();
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn the_view_is_saved_as_a_png_at_the_size_chosen_and_the_window_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("overview.png");
    let mut harness = common::app_harness(vec![Some(out.clone())]);
    harness.run();
    let before = harness.ctx.content_rect().size();
    click(&mut harness, "File");
    click(&mut harness, "Export view as PNG…");
    click(&mut harness, "1280 × 720");
    click(&mut harness, "Export…");
    common::wait_for_work(&mut harness);

    // The picture is the view (the window less its menu, panels and status bar) at 1280x720.
    let (w, h) = png_size(&out);
    assert!(w > 600 && w < 1280, "width {w}");
    assert!(h > 400 && h < 720, "height {h}");
    assert_eq!(
        harness.ctx.content_rect().size(),
        before,
        "the window is put back"
    );
    assert!(
        harness
            .query_all_by_label_contains("picture to")
            .next()
            .is_some(),
        "the status bar says where it went"
    );
}

#[test]
fn a_chart_is_saved_alone_from_its_context_menu() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.png");
    let mut harness = common::app_harness(vec![Some(out.clone())]);
    harness.run();
    let chart = harness.get_by_role_and_label(Role::Figure, "Caseload per worker");
    let rect = chart.rect();
    chart.click_secondary();
    harness.run();
    click(&mut harness, "Save chart as PNG…");
    common::wait_for_work(&mut harness);
    let (w, h) = png_size(&out);
    // The whole chart: its plot (the harness draws one pixel a point) with the axis beside it,
    // the legend above and the teams' names below; not the rest of the view.
    let plot = (rect.width() as u32, rect.height() as u32);
    assert!(
        w > plot.0 && w < plot.0 + 100,
        "{w} wide, the plot {plot:?}"
    );
    assert!(
        h > plot.1 + 20 && h < plot.1 + 80,
        "{h} high, the plot {plot:?}"
    );
    assert!(
        harness.query_by_label("Save chart as PNG…").is_none(),
        "the menu closed"
    );
}
