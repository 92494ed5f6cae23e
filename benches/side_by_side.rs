//! Side-by-side benchmark: `AGENDA_BENCH_CORPUS=FILE cargo bench --bench side_by_side`.
//!
//! Loads the corpus in FILE (e.g. one made with `cargo run --release --example gen_corpus --
//! --statements 1000000 --seed 7 -o FILE`), then times, median of 11 runs each at 160x50:
//! `m` (the matrix counted over every statement, `App::update`), its first frame (`ui::draw`
//! on ratatui's `TestBackend`), Enter on the cell of the second speaker and second target
//! (the lens set and the target listed), and the second `c` of a comparison of the first two
//! countries (both sides listed and charted) with its first frame.

use agenda_tui::app::{App, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use std::time::{Duration, Instant};

const RUNS: usize = 11;

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let Ok(path) = std::env::var("AGENDA_BENCH_CORPUS") else {
        println!(
            "set AGENDA_BENCH_CORPUS to a corpus file (see the top of benches/side_by_side.rs)"
        );
        return;
    };
    let corpus = agenda_tui::load::load_paths(&[path.clone().into()]).expect("corpus loads");
    println!("{path}: {} statements\n", corpus.statements.len());
    let mut base = App::new(Arc::new(corpus));
    base.update(Msg::Resize(160, 50));
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("terminal");
    let (mut matrix, mut matrix_frame, mut cell) = (vec![], vec![], vec![]);
    let (mut compare, mut compare_frame) = (vec![], vec![]);
    for _ in 0..RUNS {
        let mut app = base.clone();
        let started = Instant::now();
        press(&mut app, KeyCode::Char('m'));
        matrix.push(ms(started.elapsed()));
        assert!(app.matrix().is_some(), "the matrix opened");
        let drawing = Instant::now();
        terminal
            .draw(|f| agenda_tui::ui::draw(f, &app))
            .expect("draw");
        matrix_frame.push(ms(drawing.elapsed()));
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Right);
        let entering = Instant::now();
        press(&mut app, KeyCode::Enter);
        cell.push(ms(entering.elapsed()));

        let mut app = base.clone();
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Down);
        let picking = Instant::now();
        press(&mut app, KeyCode::Char('c'));
        compare.push(ms(picking.elapsed()));
        assert!(app.compare().is_some(), "the compare view opened");
        let drawing = Instant::now();
        terminal
            .draw(|f| agenda_tui::ui::draw(f, &app))
            .expect("draw");
        compare_frame.push(ms(drawing.elapsed()));
    }
    println!(
        "| `m` (update) | matrix frame | Enter on a cell | second `c` (update) | compare frame |"
    );
    println!("| --- | --- | --- | --- | --- |");
    println!(
        "| {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms |",
        median(matrix),
        median(matrix_frame),
        median(cell),
        median(compare),
        median(compare_frame)
    );
}
