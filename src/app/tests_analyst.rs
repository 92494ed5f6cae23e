//! The analyst's browser: the Speakers overview, the speaker lens, years, row order, the time
//! chart, the reader and opening URLs, asserted on state and on the Effects `update` returns.

use super::test_support::{app_over, key, press};
use super::*;
use crate::load;
use crate::search::DateRange;
use ratatui::crossterm::event::KeyCode;

fn dyads() -> App {
    app_over(
        "dyads.json",
        include_str!("../../tests/fixtures/dyads.json").as_bytes(),
    )
}

fn names(app: &App) -> Vec<String> {
    app.items
        .iter()
        .map(|i| format!("{} {}", app.key_name(i.key), i.count))
        .collect()
}

fn select(app: &mut App, name: &str) {
    let item = app
        .items
        .iter()
        .position(|i| app.key_name(i.key) == name)
        .unwrap_or_else(|| panic!("{name} in {:?}", names(app)));
    app.select_item(item);
}

fn speaker_of(app: &App, statement: u32) -> String {
    app.corpus.statements[statement as usize]
        .speaker_entity
        .to_string()
}

#[test]
fn the_first_screen_is_the_speakers_overview_biggest_first() {
    let app = dyads();
    assert_eq!(app.tab, IndexTab::Speakers);
    assert_eq!(app.selected_key(), Some(ItemKey::All));
    assert_eq!(
        names(&app),
        [
            "All statements 36",
            "Japan 12",
            "South Korea 12",
            "United States 12"
        ]
    );
    assert_eq!(
        app.corpus_summary(),
        "3 speakers · 12 articles · 36 statements · 1946–2024"
    );
}

#[test]
fn rows_are_newest_first_and_s_toggles_corpus_order() {
    let mut app = dyads();
    let years = |app: &App| -> Vec<u16> {
        app.listed
            .iter()
            .map(|&s| app.statement_date(s).expect("dated").year)
            .collect()
    };
    let newest = years(&app);
    assert_eq!(newest.first(), Some(&2024));
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    key(&mut app, 's');
    assert_eq!(app.listed, (0..36).collect::<Vec<u32>>(), "corpus order");
    assert_eq!(app.status.as_deref(), Some("Statements in corpus order"));
    key(&mut app, 's');
    assert_eq!(years(&app), newest);
}

#[test]
fn a_speaker_lens_narrows_every_pane_and_with_a_target_gives_the_dyad() {
    let mut app = dyads();
    select(&mut app, "South Korea");
    let update = press(&mut app, KeyCode::Enter);
    assert!(update.redraw && update.effects.is_empty());
    assert_eq!(app.lens_label().as_deref(), Some("by South Korea"));
    assert_eq!(app.tab, IndexTab::Countries, "targets next, for the dyad");
    assert_eq!(
        names(&app),
        ["All statements 12", "Japan 4", "United States 4", "ASEAN 4"]
    );
    assert!(app.listed.iter().all(|&s| speaker_of(&app, s) == "KOR"));
    select(&mut app, "Japan");
    assert_eq!(app.listed.len(), 4);
    assert!(app.listed.iter().all(|&s| {
        speaker_of(&app, s) == "KOR"
            && app.corpus.statements[s as usize]
                .targets
                .iter()
                .any(|t| t == "JPN")
    }));
    let caption = app.chart_caption().expect("a chart");
    assert_eq!(caption, "KOR → JPN per year, 1946–2024");
    assert_eq!(
        app.chart.as_ref().map(|c| c.counts.iter().sum::<u64>()),
        Some(4)
    );
    key(&mut app, '2');
    key(&mut app, '4');
    assert_eq!(
        names(&app),
        ["All statements 12", "South Korea 12"],
        "the lens holds on every index"
    );
    key(&mut app, 'B');
    assert_eq!(app.lens, None);
    assert_eq!(names(&app).len(), 4);
}

#[test]
fn b_takes_the_selected_statements_speaker_and_esc_clears_the_lens_last() {
    let mut app = dyads();
    press(&mut app, KeyCode::Tab);
    let statement = app.selected_statement_index().expect("one");
    key(&mut app, 'b');
    let entity = app.lens.map(|e| app.corpus.entities[e].id.clone());
    assert_eq!(entity, Some(speaker_of(&app, statement)));
    assert!(press(&mut app, KeyCode::Esc).redraw);
    assert_eq!(app.lens, None);
    assert!(
        !press(&mut app, KeyCode::Esc).redraw,
        "nothing left to undo"
    );
}

#[test]
fn t_picks_a_decade_or_a_year_and_the_chart_follows_the_span() {
    let mut app = dyads();
    assert_eq!(app.chart_caption().as_deref(), Some("per year, 1946–2024"));
    key(&mut app, 't');
    let picker = app.span_picker().cloned().expect("picker open");
    let labels: Vec<String> = picker
        .choices
        .iter()
        .map(|&c| SpanPicker::label(c))
        .collect();
    assert_eq!(&labels[..3], ["All years", "2020s", "2010s"]);
    assert!(labels.contains(&"1946".to_string()));
    press(&mut app, KeyCode::Down);
    let update = press(&mut app, KeyCode::Enter);
    assert!(
        !update
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Search(_))),
        "a span alone is no search"
    );
    assert_eq!(app.range, Some(DateRange::years(2020, 2029)));
    assert_eq!(app.query.text(), "after:2020 before:2030");
    assert_eq!(app.range_label().as_deref(), Some("2020s"));
    assert_eq!(names(&app)[0], "All statements 6");
    assert!(
        app.listed
            .iter()
            .all(|&s| app.statement_date(s).is_some_and(|d| d.year >= 2020))
    );
    assert_eq!(app.chart_caption().as_deref(), Some("per year, 2020–2029"));
    key(&mut app, 't');
    let year = app
        .span_picker()
        .and_then(|p| p.choices.iter().position(|&c| c == Some((2024, 2024))))
        .expect("2024 offered");
    app.overlay = Overlay::Span(SpanPicker {
        choices: app.span_picker().expect("open").choices.clone(),
        selected: year,
    });
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.chart_caption().as_deref(),
        Some("per month, 2024-01–2024-12")
    );
    key(&mut app, 't');
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.range, None);
    assert_eq!(app.query.text(), "");
    assert_eq!(names(&app)[0], "All statements 36");
}

#[test]
fn year_only_dates_are_counted_in_years_never_months() {
    let text = include_str!("../../tests/fixtures/dyads.json");
    let mut file = load::parse_corpus_file("d", text.as_bytes()).expect("valid");
    for article in &mut file.articles {
        article.published = article.published.as_ref().map(|d| d[..4].to_string());
    }
    let corpus = Corpus::from_parts(
        "d".into(),
        file.articles,
        file.entities,
        file.leaders,
        file.statements,
    );
    let mut app = App::new(Arc::new(corpus));
    key(&mut app, 't');
    for _ in 0..2 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.range, Some(DateRange::years(2010, 2019)));
    assert_eq!(app.chart_caption().as_deref(), Some("per year, 2010–2019"));
}

#[test]
fn the_reader_opens_on_the_statement_steps_with_n_and_esc_restores_the_panes() {
    let mut app = dyads();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    let before = app.clone();
    let statement = app.selected_statement_index().expect("one");
    let update = key(&mut app, 'r');
    assert!(update.redraw && update.effects.is_empty());
    let reader = app.reader().cloned().expect("reader open");
    assert_eq!(reader.current, Some(statement));
    assert_eq!(app.key_context(), Context::Reader);
    let order: Vec<u32> = app
        .reader_view(reader.article)
        .statement_lines
        .iter()
        .map(|&(s, _)| s)
        .collect();
    assert_eq!(order.len(), 3);
    let at = order
        .iter()
        .position(|&s| s == statement)
        .expect("in order");
    key(&mut app, 'n');
    assert_eq!(
        app.reader().and_then(|r| r.current),
        Some(order[(at + 1) % 3])
    );
    key(&mut app, 'N');
    key(&mut app, 'N');
    assert_eq!(
        app.reader().and_then(|r| r.current),
        Some(order[(at + 2) % 3])
    );
    key(&mut app, 'j');
    assert!(
        !press(&mut app, KeyCode::Esc)
            .effects
            .contains(&Effect::Quit)
    );
    assert!(app.reader().is_none());
    assert_eq!(
        (
            app.focus,
            app.selected_item,
            app.selected_statement,
            &app.listed
        ),
        (
            before.focus,
            before.selected_item,
            before.selected_statement,
            &before.listed
        ),
        "back exactly where we were"
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(app.reader().is_some(), "Enter on the detail pane reads too");
    key(&mut app, 'q');
    assert!(
        app.reader().is_none(),
        "q closes the reader, it does not quit"
    );
}

#[test]
fn o_hands_the_url_verbatim_to_the_shell_and_nothing_without_one() {
    let mut app = dyads();
    press(&mut app, KeyCode::Tab);
    let statement = app.selected_statement_index().expect("one");
    let article = app.selected_article().expect("an article");
    let url = app.corpus.articles[article]
        .url
        .clone()
        .expect("the 2024 speech has a URL");
    assert_eq!(app.statement_date(statement).map(|d| d.year), Some(2024));
    assert!(url.contains("$(touch"));
    assert_eq!(key(&mut app, 'o').effects, [Effect::OpenUrl(url.clone())]);
    key(&mut app, 'r');
    assert_eq!(key(&mut app, 'o').effects, [Effect::OpenUrl(url)]);
    press(&mut app, KeyCode::Esc);
    key(&mut app, 's');
    key(&mut app, 'g');
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let article = app.selected_article().expect("an article");
    assert_eq!(app.corpus.articles[article].url, None, "1950 has no URL");
    let update = key(&mut app, 'o');
    assert!(update.effects.is_empty());
    assert_eq!(
        app.status.as_deref(),
        Some("This article has no URL: nothing opened")
    );
}

#[test]
fn the_help_lists_the_reader_keys_from_the_table() {
    let app = dyads();
    let help = app.keymap.help_lines();
    let heading = help
        .iter()
        .position(|(k, _)| k == "In the reader")
        .expect("heading");
    assert!(
        help[heading..]
            .iter()
            .any(|(k, what)| k == "n" && what.contains("next statement"))
    );
    assert!(help.iter().any(|(k, _)| k == "4"));
}

/// Type `text` into the search bar (opened with `/`) and leave it with Esc; the effects of the
/// last key typed.
fn type_query(app: &mut App, text: &str) -> Vec<Effect> {
    key(app, '/');
    let mut effects = Vec::new();
    for c in text.chars() {
        effects = key(app, c).effects;
    }
    press(app, KeyCode::Esc);
    effects
}

fn searched(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Search(query) => Some(query.clone()),
            _ => None,
        })
        .collect()
}

/// Pick `label` in the year picker.
fn pick_span(app: &mut App, label: &str) -> Update {
    key(app, 't');
    let picker = app.span_picker().cloned().expect("picker open");
    let at = picker
        .choices
        .iter()
        .position(|&c| SpanPicker::label(c) == label)
        .unwrap_or_else(|| panic!("{label} offered"));
    press(app, KeyCode::Home);
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter)
}

#[test]
fn typed_dates_and_the_picked_span_are_one_range() {
    let mut picked = dyads();
    let update = pick_span(&mut picked, "2010s");
    assert!(
        searched(&update.effects).is_empty(),
        "dates alone: no search"
    );
    let mut typed = dyads();
    let effects = type_query(&mut typed, "after:2010 before:2020");
    assert!(searched(&effects).is_empty(), "dates alone: no search");
    for app in [&picked, &typed] {
        assert_eq!(app.range, Some(DateRange::years(2010, 2019)));
        assert_eq!(app.query.text(), "after:2010 before:2020");
        assert_eq!(app.range_label().as_deref(), Some("2010s"));
        assert_eq!(app.chart_caption().as_deref(), Some("per year, 2010–2019"));
    }
    assert_eq!(picked.listed, typed.listed);
    assert_eq!(names(&picked), names(&typed));
    assert!(!typed.listed.is_empty());
    // The picker opens on the range the query holds, however it was written.
    let mut app = dyads();
    type_query(&mut app, "year:2024");
    key(&mut app, 't');
    let picker = app.span_picker().cloned().expect("picker open");
    assert_eq!(picker.choices[picker.selected], Some((2024, 2024)));
    // A range no choice matches is still the range, named as typed.
    let mut app = dyads();
    type_query(&mut app, "after:2019-06");
    assert_eq!(app.range_label().as_deref(), Some("from 2019-06"));
    assert!(
        app.listed
            .iter()
            .all(|&s| app.statement_date(s).is_some_and(|d| d.year >= 2019))
    );
}

#[test]
fn picking_a_span_replaces_the_query_dates_and_keeps_its_words() {
    let mut app = dyads();
    type_query(&mut app, "nuclear year:1990");
    let update = pick_span(&mut app, "2010s");
    assert_eq!(app.query.text(), "nuclear after:2010 before:2020");
    assert_eq!(
        searched(&update.effects),
        ["nuclear after:2010 before:2020"],
        "the engine gets the words and the dates together"
    );
    assert_eq!(app.range, Some(DateRange::years(2010, 2019)));
    pick_span(&mut app, "All years");
    assert_eq!(app.query.text(), "nuclear");
    assert_eq!(app.range, None);
}

#[test]
fn search_results_are_not_filtered_by_the_range_a_second_time() {
    let mut app = dyads();
    type_query(&mut app, "nuclear after:2010 before:2020");
    let outside = (0..app.corpus.statements.len() as u32)
        .find(|&s| app.statement_date(s).is_some_and(|d| d.year < 2010))
        .expect("an older statement");
    let inside = (0..app.corpus.statements.len() as u32)
        .find(|&s| app.statement_date(s).is_some_and(|d| d.year == 2018))
        .expect("a statement of 2018");
    // The engine has applied the dates; the app lists its ranking as it is (an answer with a
    // statement outside the range shows it was not checked again).
    app.update(Msg::SearchResults(SearchHits {
        query: app.query.text().to_string(),
        ranked: vec![inside, outside],
        complete: true,
        matched: 2,
    }));
    assert!(!app.lens_active());
    assert_eq!(app.listed, [inside, outside]);
    assert_eq!(app.range_label().as_deref(), Some("2010s"));
    // Without results (dates alone) the app applies it, once.
    key(&mut app, '/');
    for _ in 0.."nuclear ".len() {
        press(&mut app, KeyCode::Home);
        press(&mut app, KeyCode::Delete);
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.query.text(), "after:2010 before:2020");
    assert!(app.results.is_none());
    assert!(app.lens_active());
    assert!(!app.listed.contains(&outside));
}

#[test]
fn clearing_the_search_clears_the_range_and_keeps_the_row() {
    let mut app = dyads();
    select(&mut app, "South Korea");
    pick_span(&mut app, "2010s");
    assert_eq!(
        app.key_name(app.selected_key().expect("row")),
        "South Korea"
    );
    let all = names(&dyads());
    assert_ne!(names(&app), all);
    assert!(press(&mut app, KeyCode::Esc).redraw);
    assert_eq!(app.query.text(), "");
    assert_eq!(app.range, None);
    assert_eq!(app.range_label(), None);
    assert_eq!(names(&app), all);
    assert_eq!(
        app.key_name(app.selected_key().expect("row")),
        "South Korea"
    );
    // Deleting the dates from the bar clears it too.
    type_query(&mut app, "year:2024");
    assert!(app.range.is_some());
    key(&mut app, '/');
    for _ in 0.."year:2024".len() {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.range, None);
    assert_eq!(names(&app), all);
}
