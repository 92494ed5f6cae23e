//! Side by side (`c`) and the matrix (`m`), asserted on state and on the Effects `update`
//! returns: the pick flow, one time axis for both charts, the reader and back, the matrix's
//! counts against the statements a cell opens.

use super::super::test_support::{app_over, key, press};
use super::super::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The dyads fixture with some statements left out, so that the counts differ from cell to
/// cell (the fixture has four statements in every dyad).
fn uneven() -> App {
    let text = include_str!("../../tests/fixtures/dyads.json");
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
    app_over("uneven.json", &bytes)
}

fn select(app: &mut App, name: &str) {
    let item = app
        .items
        .iter()
        .position(|i| app.key_name(i.key) == name)
        .unwrap_or_else(|| panic!("no row {name}"));
    app.select_item(item);
}

fn entity(app: &App, id: &str) -> usize {
    app.corpus.entity_position(id).expect("entity")
}

#[test]
fn count_dyads_counts_each_statement_once_per_cell_and_ranks_by_count() {
    // Statements: 0 by speaker 1 about 5 and 6; 1 by 1 about 5; 2 by 2 about 6; 3 by 2 about
    // nothing (not counted); 4 by 3 about 5.
    let speakers: Vec<Vec<u32>> = vec![vec![1], vec![1], vec![2], vec![2], vec![3]];
    let targets: Vec<Vec<u32>> = vec![vec![5, 6], vec![5], vec![6], vec![], vec![5]];
    let counts = count_dyads(
        0..5,
        |s| speakers[s as usize].as_slice(),
        |s| targets[s as usize].as_slice(),
        |e| e,
    );
    assert_eq!(counts.speakers, [(1, 2), (2, 1), (3, 1)]);
    assert_eq!(counts.targets, [(5, 3), (6, 2)]);
    assert_eq!(counts.cell(1, 5), 2);
    assert_eq!(counts.cell(1, 6), 1);
    assert_eq!(counts.cell(2, 6), 1);
    assert_eq!(counts.cell(2, 5), 0);
    assert_eq!(counts.cell(3, 5), 1);
    assert_eq!(counts.peak(3, 2), 2);
    assert_eq!(counts.peak(3, 1), 2);
    assert_eq!(counts.peak(0, 2), 0);
}

#[test]
fn matrix_fit_keeps_the_rows_and_columns_that_fit() {
    let speakers: Vec<Vec<u32>> = (0..40).map(|s| vec![s % 20]).collect();
    let targets: Vec<Vec<u32>> = (0..40).map(|s| vec![20 + s % 30]).collect();
    let counts = count_dyads(
        0..40,
        |s| speakers[s as usize].as_slice(),
        |s| targets[s as usize].as_slice(),
        |e| e,
    );
    let names = vec![30; 20];
    let codes = vec![12; 30];
    let fit = matrix_fit(&counts, &names, &codes, 78, 21);
    assert_eq!(fit.label_width, 18);
    assert_eq!(fit.cell_width, 4, "narrow: 30 targets do not all fit");
    assert_eq!(
        (fit.rows, fit.cols, fit.heading_lines),
        (18, 15, 2),
        "codes wider than a cell: two heading lines, one row fewer"
    );
    let wide = matrix_fit(&counts, &names, &[7; 30], 400, 21);
    assert_eq!(
        (wide.cell_width, wide.cols, wide.heading_lines, wide.rows),
        (8, 30, 1, 19),
        "room to show codes whole"
    );
    let short_names = matrix_fit(&counts, &[6; 20], &[3; 30], 400, 21);
    assert_eq!((short_names.label_width, short_names.cell_width), (6, 4));
    assert_eq!(short_names.heading_lines, 1);
    let tiny = matrix_fit(&counts, &names, &codes, 3, 1);
    assert_eq!((tiny.rows, tiny.cols), (0, 0));
}

#[test]
fn m_opens_the_matrix_and_enter_lists_exactly_the_cells_statements() {
    let mut app = uneven();
    let update = key(&mut app, 'm');
    assert!(update.redraw && update.effects.is_empty());
    let matrix = app.matrix().expect("matrix open").clone();
    assert!(matrix.counts.speakers.len() == 3 && matrix.counts.targets.len() == 4);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right);
    let (speaker, target) = app.matrix_cell().expect("a cell");
    assert_eq!(speaker, matrix.counts.speakers[1].0);
    assert_eq!(target, matrix.counts.targets[1].0);
    let expected = matrix.counts.cell(speaker, target);
    assert!(expected > 0);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.lens, Some(speaker));
    assert_eq!(app.selected_key(), Some(ItemKey::Entity(target)));
    assert_eq!(app.focus, Pane::Statements);
    assert_eq!(app.listed.len(), expected);
    for &s in &app.listed {
        let statement = &app.corpus.statements[s as usize];
        assert_eq!(entity(&app, &statement.speaker_entity), speaker);
        assert!(
            statement
                .targets()
                .iter()
                .any(|t| entity(&app, t) == target)
        );
    }
}

#[test]
fn every_cell_count_matches_the_statements_it_opens() {
    let app = uneven();
    let counts = app.dyad_counts();
    for &(speaker, _) in &counts.speakers {
        for &(target, _) in &counts.targets {
            // An empty cell does not open (Enter says so; tested below).
            if counts.cell(speaker, target) == 0 {
                continue;
            }
            let mut opened = app.clone();
            opened.open_cell(speaker, target);
            assert_eq!(opened.listed.len(), counts.cell(speaker, target));
        }
    }
    let distinct: std::collections::HashSet<usize> = counts
        .speakers
        .iter()
        .flat_map(|&(s, _)| counts.targets.iter().map(move |&(t, _)| (s, t)))
        .map(|(s, t)| counts.cell(s, t))
        .collect();
    assert!(distinct.len() > 1, "the fixture should give uneven counts");
}

#[test]
fn the_matrix_counts_only_the_chosen_years() {
    let mut app = uneven();
    let all = app.dyad_counts();
    app.range = Some(crate::search::DateRange::years(2010, 2019));
    let decade = app.dyad_counts();
    let total = |c: &DyadCounts| c.speakers.iter().map(|&(_, n)| n).sum::<usize>();
    assert!(
        0 < total(&decade) && total(&decade) < total(&all),
        "{decade:?}"
    );
    for &(speaker, _) in &decade.speakers {
        for &(target, _) in &decade.targets {
            if decade.cell(speaker, target) == 0 {
                continue;
            }
            let mut opened = app.clone();
            opened.open_cell(speaker, target);
            assert_eq!(opened.listed.len(), decade.cell(speaker, target));
        }
    }
}

#[test]
fn esc_closes_the_matrix_and_an_empty_cell_says_so() {
    let mut app = uneven();
    let before = (app.selected_item, app.listed.clone(), app.focus, app.lens);
    key(&mut app, 'm');
    // Walk to a cell with no statements (a speaker never targets itself).
    let counts = app.matrix().expect("open").counts.clone();
    let empty = counts.speakers.iter().enumerate().find_map(|(r, &(s, _))| {
        counts
            .targets
            .iter()
            .position(|&(t, _)| counts.cell(s, t) == 0)
            .map(|c| (r, c))
    });
    let (row, col) = empty.expect("an empty cell");
    for _ in 0..row {
        press(&mut app, KeyCode::Down);
    }
    for _ in 0..col {
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.matrix().is_some());
    assert_eq!(app.status.as_deref(), Some("No statements in this cell"));
    let update = press(&mut app, KeyCode::Esc);
    assert!(update.effects.is_empty());
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        before,
        (app.selected_item, app.listed.clone(), app.focus, app.lens)
    );
    key(&mut app, 'm');
    let update = app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(update.effects, [Effect::Quit]);
}

#[test]
fn the_matrix_cursor_stays_on_the_cells_shown_after_a_resize() {
    let mut app = uneven();
    key(&mut app, 'm');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    app.update(Msg::Resize(24, 4));
    assert_eq!(app.matrix_cell(), None);
    app.update(Msg::Resize(30, 6));
    let fit = app.matrix_fit().expect("fit");
    assert_eq!(fit.rows, 1);
    let (speaker, _) = app.matrix_cell().expect("a cell");
    assert_eq!(speaker, app.matrix().expect("open").counts.speakers[0].0);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.matrix().expect("open").row, 0);
}

#[test]
fn c_marks_the_left_side_and_esc_cancels_without_touching_the_lens() {
    let mut app = uneven();
    select(&mut app, "South Korea");
    press(&mut app, KeyCode::Enter);
    assert!(app.lens.is_some());
    select(&mut app, "Japan");
    let update = key(&mut app, 'c');
    assert!(update.redraw && update.effects.is_empty());
    let left = app.compare_left.expect("left side marked");
    assert_eq!(app.side_label(left), "by South Korea · Japan");
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.compare_left, None);
    assert!(app.lens.is_some(), "Esc cancels the pick first");
}

#[test]
fn two_rows_under_one_lens_share_one_time_axis() {
    let mut app = uneven();
    select(&mut app, "South Korea");
    press(&mut app, KeyCode::Enter);
    select(&mut app, "Japan");
    let japan = app.listed.clone();
    key(&mut app, 'c');
    select(&mut app, "ASEAN");
    let asean = app.listed.clone();
    key(&mut app, 'c');
    let compare = app.compare().expect("compare open").clone();
    assert_eq!(compare.listed, [japan, asean]);
    assert_ne!(compare.listed[0].len(), compare.listed[1].len());
    let [Some(left), Some(right)] = &compare.charts else {
        panic!("both charted: {compare:?}");
    };
    assert_eq!(
        (left.bucket, left.first, left.counts.len()),
        (right.bucket, right.first, right.counts.len())
    );
    assert_eq!(left.caption(), "per year, 1946–2024");
    let sums = compare
        .charts
        .each_ref()
        .map(|c| c.as_ref().map_or(0, |c| c.counts.iter().sum::<u64>()));
    assert_eq!(
        sums,
        [
            compare.listed[0].len() as u64,
            compare.listed[1].len() as u64
        ]
    );
    let peak = compare.shared_peak(80);
    assert!(peak >= 1);
    assert!(compare.charts.iter().flatten().all(|c| {
        fold_columns(&c.counts, 80)
            .iter()
            .all(|&column| column <= peak)
    }));
}

#[test]
fn two_speakers_compare_from_the_speakers_index_with_enter() {
    let mut app = uneven();
    select(&mut app, "Japan");
    key(&mut app, 'c');
    select(&mut app, "United States");
    assert_eq!(app.focus, Pane::Index);
    press(&mut app, KeyCode::Enter);
    let compare = app.compare().expect("Enter picks the right side").clone();
    assert_eq!(app.lens, None, "Enter picked, it did not set the lens");
    let labels = compare.sides.map(|side| app.side_label(side));
    assert_eq!(labels, ["Japan", "United States"]);
    for (side, speaker) in [(0, "JPN"), (1, "USA")] {
        assert!(
            compare.listed[side]
                .iter()
                .all(|&s| { *app.corpus.statements[s as usize].speaker_entity == *speaker })
        );
    }
}

#[test]
fn tab_moves_between_lists_and_enter_reads_then_esc_comes_back_exactly() {
    let mut app = uneven();
    let panes = (
        app.selected_item,
        app.selected_statement,
        app.listed.clone(),
        app.focus,
    );
    select(&mut app, "Japan");
    key(&mut app, 'c');
    select(&mut app, "South Korea");
    key(&mut app, 'c');
    press(&mut app, KeyCode::Down);
    assert_eq!(app.compare().expect("open").selected, [1, 0]);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let compare = app.compare().expect("open").clone();
    assert_eq!((compare.focus, compare.selected), (1, [1, 2]));
    let statement = compare.selected_statement().expect("a statement");
    press(&mut app, KeyCode::Enter);
    let reader = app.reader().expect("reader open");
    assert_eq!(reader.current, Some(statement));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.compare(), Some(&compare), "back to the same view");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    select(&mut app, "All statements");
    assert_eq!(
        panes,
        (
            app.selected_item,
            app.selected_statement,
            app.listed.clone(),
            app.focus
        )
    );
}

#[test]
fn o_in_the_compare_view_asks_to_open_the_selected_statements_url() {
    let mut app = uneven();
    key(&mut app, 'c');
    key(&mut app, 'c');
    let statement = app
        .compare()
        .and_then(Compare::selected_statement)
        .expect("a statement");
    let article = app.corpus.statements[statement as usize].article;
    let url = app.corpus.article(&article).and_then(|a| a.url.clone());
    let update = key(&mut app, 'o');
    match url {
        Some(url) => assert_eq!(update.effects, [Effect::OpenUrl(url)]),
        None => assert!(app.status.is_some()),
    }
}

#[test]
fn the_wheel_moves_the_focused_list_without_wrapping() {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let mut app = uneven();
    key(&mut app, 'c');
    key(&mut app, 'c');
    press(&mut app, KeyCode::Tab);
    let wheel = |kind| {
        Msg::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.update(wheel(MouseEventKind::ScrollDown));
    assert_eq!(app.compare().expect("open").selected, [0, 3]);
    app.update(wheel(MouseEventKind::ScrollUp));
    app.update(wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.compare().expect("open").selected, [0, 0]);
    let clicked = app.update(wheel(MouseEventKind::Down(
        ratatui::crossterm::event::MouseButton::Left,
    )));
    assert!(
        !clicked.redraw && app.compare().is_some(),
        "a click keeps the view"
    );
}
