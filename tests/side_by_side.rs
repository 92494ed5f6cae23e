//! Issue 13, item 4: snapshots of the compare view (`c`) and the matrix (`m`) at 80x24 and
//! 160x50, on the seed and on a corpus of several speakers (the dyads fixture with some
//! statements left out so that the counts differ), and a sweep of terminal sizes over both.

mod screens;
use agenda_tui::app::App;
use agenda_tui::app::Msg;
use agenda_tui::layout::Arrangement;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use screens::{app_over, keys, press, render, screen, seed_app};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 50)];

/// The dyads fixture (3 speakers, 4 targets, 1946–2024) less every statement whose position is
/// a multiple of 5 or of 6.
fn uneven(width: u16, height: u16) -> App {
    let text = include_str!("fixtures/dyads.json");
    let mut json: serde_json::Value = serde_json::from_str(text).expect("json");
    let statements = json["statements"].as_array_mut().expect("statements");
    let kept: Vec<serde_json::Value> = statements
        .drain(..)
        .enumerate()
        .filter(|(i, _)| i % 5 != 0 && i % 6 != 0)
        .map(|(_, s)| s)
        .collect();
    *statements = kept;
    let bytes = serde_json::to_vec(&json).expect("serialise");
    app_over("uneven.json", &bytes, width, height)
}

/// The seed: Japan against the United States (the Countries index).
fn seed_compare(width: u16, height: u16) -> App {
    let mut app = seed_app(width, height);
    // One speaker: the seed opens on the Countries index on All statements; Japan is next.
    press(&mut app, KeyCode::Down);
    keys(&mut app, "c");
    press(&mut app, KeyCode::Down);
    keys(&mut app, "c");
    app
}

/// South Korea's statements about Japan against its statements about ASEAN.
fn lens_compare(width: u16, height: u16) -> App {
    let mut app = uneven(width, height);
    // Speakers: All, Japan, South Korea, United States (by count, then name).
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    // Countries under the lens: All, United States 3, Japan 2, then ASEAN under its heading.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, "c");
    press(&mut app, KeyCode::End);
    keys(&mut app, "c");
    app
}

#[test]
fn compare_on_the_seed() {
    for (width, height) in SIZES {
        let app = seed_compare(width, height);
        let text = screen(&app);
        assert!(
            text.contains("Compare · Japan (3) vs United States (3)"),
            "{text}"
        );
        insta::assert_snapshot!(
            format!("compare_seed_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn compare_one_speaker_about_two_countries_on_one_time_axis() {
    for (width, height) in SIZES {
        let app = lens_compare(width, height);
        let text = screen(&app);
        assert!(
            text.contains("by South Korea · Japan (2) vs by South Korea · ASEAN (3)"),
            "{text}"
        );
        assert_eq!(
            text.matches("per year, 1946–2024 (max 1)").count(),
            2,
            "both charts, one scale: {text}"
        );
        insta::assert_snapshot!(
            format!("compare_lens_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn the_pick_prompt_names_the_left_side_and_the_keys() {
    let mut app = uneven(80, 24);
    keys(&mut app, "c");
    let text = screen(&app);
    assert!(
        text.contains("compare: c on a second row · Esc cancels · left: All statements"),
        "{text}"
    );
}

#[test]
fn matrix_on_the_seed() {
    for (width, height) in SIZES {
        let mut app = seed_app(width, height);
        keys(&mut app, "m");
        let text = screen(&app);
        assert!(text.contains("Matrix · 1 of 1 speaker ×"), "{text}");
        assert!(text.contains("South Korea → "), "{text}");
        insta::assert_snapshot!(
            format!("matrix_seed_{width}x{height}"),
            render(&app).backend()
        );
    }
}

#[test]
fn matrix_of_several_speakers() {
    for (width, height) in SIZES {
        let mut app = uneven(width, height);
        keys(&mut app, "m");
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Right);
        let text = screen(&app);
        assert!(
            text.contains("Matrix · 3 of 3 speakers × 4 of 4 targets"),
            "{text}"
        );
        let (speaker, target) = app.matrix_cell().expect("a cell");
        let count = app.matrix().expect("open").counts.cell(speaker, target);
        let entities = &app.corpus.entities;
        let line = format!(
            "{} → {}: {count} statement",
            entities[speaker].name, entities[target].name
        );
        assert!(text.contains(&line), "{line} in {text}");
        insta::assert_snapshot!(
            format!("matrix_speakers_{width}x{height}"),
            render(&app).backend()
        );
    }
}

/// True when some cell of the screen is drawn in reverse video (the selection).
fn shows_a_selection(app: &App) -> bool {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .any(|cell| cell.modifier.contains(Modifier::REVERSED))
}

#[test]
fn every_size_draws_both_views_with_the_selection_on_screen() {
    for width in (1..=40).chain([59, 60, 79, 80, 99, 100, 120, 160]) {
        for height in (1..=18).chain([24, 40, 50]) {
            let mut compare = lens_compare(120, 40);
            press(&mut compare, KeyCode::Tab);
            press(&mut compare, KeyCode::End);
            compare.update(Msg::Resize(width, height));
            let mut matrix = uneven(120, 40);
            keys(&mut matrix, "m");
            press(&mut matrix, KeyCode::End);
            press(&mut matrix, KeyCode::Left);
            matrix.update(Msg::Resize(width, height));
            let at = |app: &App| format!("at {width}x{height}:\n{}", screen(app));
            if compare.layout().arrangement == Arrangement::TooSmall {
                // The too-small message stands for every view.
                assert!(!screen(&compare).contains("Compare"), "{}", at(&compare));
                continue;
            }
            if compare.compare_list_height() >= 1 {
                assert!(shows_a_selection(&compare), "{}", at(&compare));
            }
            if matrix.matrix_cell().is_some() {
                assert!(shows_a_selection(&matrix), "{}", at(&matrix));
            }
            // Keys still answer at this size.
            press(&mut compare, KeyCode::Down);
            press(&mut matrix, KeyCode::Up);
            screen(&compare);
            screen(&matrix);
        }
    }
}

#[test]
fn the_matrix_and_the_compare_view_say_what_narrows_them() {
    let mut app = uneven(100, 30);
    // The year picker: All years, 2020s, 2010s, ...
    keys(&mut app, "t");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "m");
    let text = screen(&app);
    assert!(text.contains("targets · 2010s ━"), "{text}");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "cc");
    let text = screen(&app);
    assert!(
        text.contains("vs All statements (4) · per year, 2010–2019 · 2010s"),
        "{text}"
    );
}
