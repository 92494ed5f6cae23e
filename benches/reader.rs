//! Reader benchmark: `cargo bench --bench reader`.
//!
//! Builds one synthetic 100 KB speech (about 700 sentences, each a statement with a target,
//! hundreds of paragraphs), then times, median of 21 runs each: opening the reader with `r` on
//! its middle statement (`App::update`, which lays the article out), the first frame drawn at
//! 160x50 and at 80x24 (`ui::draw` on ratatui's `TestBackend`), and stepping to the next
//! statement with `n`. Budget (issue 13): opening the reader, frame included, ≤ 50 ms.

use agenda_tui::app::{App, Msg};
use agenda_tui::model::{Article, Corpus, Entity, EntityKind, Statement, StatementKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SPEECH_BYTES: usize = 100 * 1024;
const RUNS: usize = 21;

fn speech() -> Corpus {
    let targets = ["JPN", "USA", "CHN", "RUS"];
    let kinds = [
        StatementKind::Quote,
        StatementKind::Reported,
        StatementKind::Narrative,
    ];
    let mut body = String::new();
    let mut statements = Vec::new();
    let mut n = 0;
    while body.len() < SPEECH_BYTES {
        if n % 5 == 0 && n > 0 {
            body.push_str("\n\n");
        } else if n > 0 {
            body.push(' ');
        }
        let target = targets[n % targets.len()];
        let sentence = format!(
            "Sentence {n}: the delegation spoke at length about {target}, nuclear disarmament, \
             development and the peaceful settlement of disputes."
        );
        let start = body.len();
        body.push_str(&sentence);
        statements.push(Statement {
            id: format!("s{n}").into(),
            article: "speech".into(),
            text: sentence.into(),
            start,
            end: body.len(),
            targets: vec![target.into()],
            speaker: None,
            speaker_entity: "KOR".into(),
            kind: kinds[n % 3],
            leaders: Vec::new(),
            topics: vec!["nuclear disarmament".into()],
        });
        n += 1;
    }
    let entities = ["KOR", "JPN", "USA", "CHN", "RUS"]
        .iter()
        .map(|id| Entity {
            id: id.to_string(),
            name: id.to_string(),
            kind: EntityKind::Country,
            aliases: Vec::new(),
        })
        .collect();
    let article = Article {
        id: "speech".into(),
        title: "A 100 KB speech".into(),
        source: "bench".into(),
        published: Some("2024-09-24".into()),
        byline: None,
        dateline: None,
        url: Some("https://example.org/speech".into()),
        speaker_country: "KOR".into(),
        body: body.into(),
    };
    Corpus::from_parts(
        "bench".into(),
        vec![article],
        entities,
        Vec::new(),
        statements,
    )
}

fn press(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let corpus = Arc::new(speech());
    let bytes = corpus.articles[0].body.len();
    let count = corpus.statements.len();
    println!("speech: {bytes} bytes, {count} statements\n");
    println!("| size | open (`r`, update) | first frame | open + frame | next statement (`n`) |");
    println!("| --- | --- | --- | --- | --- |");
    for (width, height) in [(160u16, 50u16), (80, 24)] {
        let mut base = App::new(Arc::clone(&corpus));
        base.update(Msg::Resize(width, height));
        press(&mut base, '\t');
        base.update(Msg::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
        for _ in 0..count / 2 {
            base.update(Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        let (mut open, mut frame, mut total, mut next) = (vec![], vec![], vec![], vec![]);
        for _ in 0..RUNS {
            let mut app = base.clone();
            let started = Instant::now();
            press(&mut app, 'r');
            let opened = started.elapsed();
            assert!(app.reader().is_some(), "the reader opened");
            let drawing = Instant::now();
            terminal
                .draw(|f| agenda_tui::ui::draw(f, &app))
                .expect("draw");
            let drawn = drawing.elapsed();
            let stepping = Instant::now();
            press(&mut app, 'n');
            next.push(ms(stepping.elapsed()));
            open.push(ms(opened));
            frame.push(ms(drawn));
            total.push(ms(opened + drawn));
        }
        println!(
            "| {width}x{height} | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms |",
            median(open),
            median(frame),
            median(total),
            median(next)
        );
    }
}
