use super::*;
use crate::load::embedded_seed;
use crate::model::Labels;
use crate::model::{Article, Corpus, Entity, EntityKind, Statement, StatementKind};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

fn seed() -> (Corpus, SearchIndex) {
    let corpus = embedded_seed().expect("seed loads");
    let index = SearchIndex::new(&corpus);
    (corpus, index)
}

fn ids(corpus: &Corpus, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| corpus.statements[h.statement as usize].id.to_string())
        .collect()
}

fn top(corpus: &Corpus, index: &SearchIndex, query: &str) -> String {
    let hits = search(index, &parse_query(query), None);
    ids(corpus, &hits).into_iter().next().unwrap_or_default()
}

#[test]
fn seed_queries_rank_the_expected_statement_first() {
    let (corpus, index) = seed();
    assert_eq!(top(&corpus, &index, "putin"), "arirang-2021-01-21-s11");
    assert_eq!(top(&corpus, &index, "olymp"), "arirang-2021-01-21-s08");
    assert_eq!(top(&corpus, &index, "covid"), "arirang-2021-01-21-s06");
    assert_eq!(top(&corpus, &index, "climate"), "arirang-2021-01-21-s12");
}

#[test]
fn moon_finds_every_statement_moon_made() {
    let (corpus, index) = seed();
    let hits = search(&index, &parse_query("moon"), None);
    let found = ids(&corpus, &hits);
    for statement in &corpus.statements {
        if statement.speaker.as_deref() == Some("Moon Jae-in") {
            assert!(
                found.iter().any(|f| f == statement.id.as_str()),
                "{} missing",
                statement.id
            );
        }
    }
}

#[test]
fn results_are_best_first_with_ties_in_corpus_order() {
    // One article: ties (same date) are in corpus order.
    let (_, index) = seed();
    for q in ["a", "korea", "se", "xi jinp", ""] {
        let hits = search(&index, &parse_query(q), None);
        for pair in hits.windows(2) {
            assert!(
                pair[0].score > pair[1].score
                    || (pair[0].score == pair[1].score && pair[0].statement < pair[1].statement),
                "{q}: {pair:?}"
            );
        }
    }
    assert_eq!(search(&index, &parse_query(""), None).len(), 15);
}

#[test]
fn terms_match_words_not_scattered_letters() {
    let (corpus, index) = seed();
    let q = |s: &str| ids(&corpus, &search(&index, &parse_query(s), None));
    assert!(q("denuclear").is_empty(), "an absent word finds nothing");
    assert!(q("zzqqxx").is_empty());
    // The article title holds "Biden"; only statements that name him match.
    let biden = search(&index, &parse_query("biden"), None);
    assert!(!biden.is_empty() && biden.len() < corpus.statements.len());
    for hit in &biden {
        let own = index.haystack(hit.statement).to_lowercase();
        assert!(own.contains("biden"), "{own}");
    }
    let biden = ids(&corpus, &biden);
    // One swapped, missing or extra letter in a longer word still finds it.
    assert_eq!(q("bidne"), biden);
    assert_eq!(q("biiden"), biden);
    assert_eq!(q("olympcs"), q("olympics"));
    assert!(!q("olympics").is_empty());
}

#[test]
fn scores_run_from_0_to_100_and_text_beats_metadata() {
    let (corpus, index) = seed();
    for q in [
        "putin",
        "moon",
        "a",
        "korea",
        "xi jinp",
        "bidne",
        "!japan",
        "year:2021",
    ] {
        for hit in search(&index, &parse_query(q), None) {
            assert!((0..=100).contains(&hit.score), "{q}: {hit:?}");
        }
    }
    let hits = search(&index, &parse_query("biden"), None);
    let in_text = |h: &Hit| {
        corpus.statements[h.statement as usize]
            .text
            .to_lowercase()
            .contains("biden")
    };
    let first_metadata_only = hits.iter().position(|h| !in_text(h));
    let last_text = hits.iter().rposition(in_text);
    if let (Some(m), Some(t)) = (first_metadata_only, last_text) {
        assert!(t < m, "a text hit ranks below a metadata-only hit");
    }
    assert_eq!(hits[0].score, 100);
    // Exact word above word prefix above fuzzy.
    let exact = search(&index, &parse_query("olympics"), None)[0].score;
    let prefix = search(&index, &parse_query("olymp"), None)[0].score;
    let fuzzy = search(&index, &parse_query("olympcs"), None)[0].score;
    assert!(exact > prefix && prefix > fuzzy, "{exact} {prefix} {fuzzy}");
}

#[test]
fn filters_restrict_the_results() {
    let (corpus, index) = seed();
    let q = |s: &str| search(&index, &parse_query(s), None);
    let all = corpus.statements.len();
    let japan = q("country:japan");
    assert!(!japan.is_empty() && japan.len() < all);
    assert_eq!(q("country:JPN"), japan);
    for hit in &japan {
        let targets = &corpus.statements[hit.statement as usize].targets();
        assert!(targets.iter().any(|t| t == "JPN"));
    }
    assert_eq!(q("year:2021").len(), all);
    assert!(q("year:2020").is_empty());
    assert_eq!(q("after:2021-01-21").len(), all);
    assert!(q("after:2021-01-22").is_empty());
    assert_eq!(q("before:2021-01-22").len(), all);
    assert!(q("before:2021-01-21").is_empty(), "before is exclusive");
    assert!(q("before:2021").is_empty());
    assert!(q("source:nosuchoutlet").is_empty());
    let quotes = q("kind:quote");
    assert!(!quotes.is_empty());
    assert!(
        quotes
            .iter()
            .all(|h| corpus.statements[h.statement as usize].kind == StatementKind::Quote)
    );
    assert!(!q("speaker:moon").is_empty());
    assert_eq!(q("speaker:KOR").len(), all);
    assert!(!q("leader:putin").is_empty());
    assert!(!q("topic:olympics").is_empty());
    // Composed with free terms: both must hold.
    assert!(!q("putin country:RUS").is_empty());
    assert!(q("putin country:JPN").is_empty());
}

#[test]
fn a_value_in_capitals_is_a_code_matched_whole() {
    let mut corpus = one_statement_corpus("Talks went on.");
    corpus.statements[0].speaker = Some("Dean Rusk".into());
    let index = SearchIndex::new(&corpus);
    let q = |s: &str| search(&index, &parse_query(s), None).len();
    assert_eq!(
        q("speaker:rus"),
        1,
        "lower case: the start of a word (Rusk)"
    );
    assert_eq!(
        q("speaker:RUS"),
        0,
        "capitals: the id RUS, which this speaker is not"
    );
    assert_eq!(q("speaker:KOR"), 1);
    assert_eq!(q("country:KO"), 0, "a code is never a prefix");
    assert_eq!(q("country:ko"), 1, "lower case: the start of the id KOR");
    assert_eq!(q("country:south"), 1);
}

#[test]
fn scores_do_not_depend_on_earlier_calls() {
    // fuzzy-matcher 0.3.7 with its cache on scores this 55 after the first call, 51 fresh.
    let hay = "0.문¡0¡¡문.¡0Aaaa문0 문";
    let window = &hay[..hay.rfind('.').unwrap_or(0) + 1];
    let fresh = fresh_matcher().fuzzy_match(window, "문문.");
    assert_eq!(fresh, Some(51));
    let reused = fresh_matcher();
    let _ = reused.fuzzy_match(hay, "문문.");
    assert_eq!(
        reused.fuzzy_match(window, "문문."),
        Some(55),
        "if fuzzy-matcher fixed this, a matcher could be reused again"
    );
    // The index's matcher gives the fresh score, whatever it scored before.
    let index = SearchIndex::new(&Corpus::default());
    let _ = index.skim_score(hay, "문문.");
    assert_eq!(index.skim_score(window, "문문."), fresh);
}

#[test]
fn query_operators_filter() {
    let (corpus, index) = seed();
    let q = |s: &str| ids(&corpus, &search(&index, &parse_query(s), None));
    // Exact: "'xi jin" would be two terms; an exact substring of one word.
    let exact = q("'Jinping");
    assert_eq!(exact, vec!["arirang-2021-01-21-s06"]);
    assert_eq!(q("'jinping"), exact, "lower case folds");
    assert!(q("'JINPING").is_empty(), "upper case is exact");
    // Exact terms do not match scattered letters.
    assert!(q("'pten").is_empty());
    // Prefix applies to the statement text.
    let prefix = q("^south");
    assert!(!prefix.is_empty());
    for id in &prefix {
        let s = corpus.statements.iter().find(|s| s.id == id).unwrap();
        assert!(s.text.to_lowercase().starts_with("south"), "{id}");
    }
    assert!(q("^Korea").is_empty());
    // Smart case: upper case makes a term case-sensitive.
    assert!(q("^SOUTH").is_empty());
    // Exclusion removes statements holding the word in their own fields.
    let moon = q("moon");
    let not_japan = q("moon !japan");
    assert!(not_japan.len() < moon.len());
    assert!(!not_japan.contains(&"arirang-2021-01-21-s07".to_string()));
    // All terms must match.
    assert_eq!(q("russia putin")[0], "arirang-2021-01-21-s11");
    assert!(q("'putin 'olymp").is_empty());
}

#[test]
fn candidates_restrict_the_search() {
    let (_, index) = seed();
    let all = search(&index, &parse_query("a"), None);
    let some: Vec<u32> = vec![2, 5, 9];
    let hits = search(&index, &parse_query("a"), Some(&some));
    assert!(hits.iter().all(|h| some.contains(&h.statement)));
    assert!(hits.len() <= all.len());
    assert!(search(&index, &parse_query("a"), Some(&[])).is_empty());
    assert!(search(&index, &parse_query("a"), Some(&[999])).is_empty());
}

#[test]
fn the_cache_gives_the_same_results_as_a_full_search() {
    let (_, index) = seed();
    let mut cache = SearchCache::new();
    let typed = "vladimir p";
    for end in 1..=typed.len() {
        let query = parse_query(&typed[..end]);
        assert_eq!(
            cache.search(&index, &query),
            search(&index, &query, None),
            "{end}"
        );
    }
    // Adding a term or a filter narrows: the previous matches are enough.
    let _ = cache.search(&index, &parse_query("vladimir"));
    assert!(cache.candidates(&parse_query("vladimir p")).is_some());
    assert!(
        cache
            .candidates(&parse_query("vladimir kind:quote"))
            .is_some()
    );
    // Deleting or adding a character falls back to a full search.
    assert!(cache.candidates(&parse_query("vladimi")).is_none());
    assert!(cache.candidates(&parse_query("vladimirs")).is_none());
}

#[test]
fn highlight_positions_index_the_text_in_chars() {
    let (corpus, index) = seed();
    let s11 = corpus
        .statements
        .iter()
        .position(|s| s.id == "arirang-2021-01-21-s11")
        .unwrap() as u32;
    let positions = highlight_positions(&index, &parse_query("putin"), s11);
    let text: Vec<char> = corpus.statements[s11 as usize].text.chars().collect();
    let word: String = positions.iter().map(|&p| text[p]).collect();
    assert_eq!(word, "Putin");
    assert!(positions.windows(2).all(|w| w[0] + 1 == w[1]));
    // A term matching only outside the text highlights nothing in it.
    let s10 = s11 - 1;
    assert!(highlight_positions(&index, &parse_query("'railways"), s10).is_empty());
    // Out of range never panics.
    assert!(highlight_positions(&index, &parse_query("a"), 9999).is_empty());
}

fn one_statement_corpus(text: &str) -> Corpus {
    let article = Article {
        id: "a".into(),
        title: "제목 title".into(),
        source: "Outlet".into(),
        published: None,
        byline: None,
        dateline: None,
        url: None,
        speaker_country: "KOR".into(),
        body: text.into(),
    };
    let entity = Entity {
        id: "KOR".into(),
        name: "대한민국".into(),
        kind: EntityKind::Country,
        aliases: vec!["South Korea".into()],
    };
    let statement = Statement {
        id: "s".into(),
        article: "a".into(),
        text: text.into(),
        start: 0,
        end: text.len() as u32,
        speaker: None,
        speaker_entity: "KOR".into(),
        kind: StatementKind::Narrative,
        labels: Labels::new(["KOR".into()], [], ["외교".into()]),
    };
    Corpus::from_parts(
        "test".into(),
        vec![article],
        vec![entity],
        vec![],
        vec![statement],
    )
}

#[test]
fn highlight_positions_are_char_indices_with_hangul() {
    let text = "문재인 대통령은 Putin 대통령과 만났다";
    let corpus = one_statement_corpus(text);
    let index = SearchIndex::new(&corpus);
    let chars: Vec<char> = text.chars().collect();
    let pick = |q: &str| -> String {
        highlight_positions(&index, &parse_query(q), 0)
            .iter()
            .map(|&p| chars[p])
            .collect()
    };
    assert_eq!(pick("대통령"), "대통령대통령", "the start of both words");
    assert_eq!(pick("putin"), "Putin");
    assert_eq!(pick("'만났"), "만났");
    assert_eq!(pick("^문재"), "문재");
    assert_eq!(pick("문 !x"), "문");
    assert_eq!(highlight_positions(&index, &parse_query("putin"), 0)[0], 9);
    // Matches in the metadata (entity name, topic) find the statement but highlight nothing.
    assert_eq!(search(&index, &parse_query("민국"), None).len(), 1);
    assert_eq!(search(&index, &parse_query("외교"), None).len(), 1);
    assert_eq!(pick("외교"), "");
}

#[test]
fn odd_input_never_panics() {
    let (_, index) = seed();
    for q in [
        "'",
        "!",
        "^",
        "!!",
        "''",
        "^^x",
        "\u{0}",
        "\u{1b}[2J",
        "🦀",
        "é",
        "ǅ",
        "a\u{301}",
        "\t",
        "x'y",
        "!^a",
        "'!a",
    ] {
        let query = parse_query(q);
        let hits = search(&index, &query, None);
        for hit in hits.iter().take(3) {
            let _ = highlight_positions(&index, &query, hit.statement);
        }
    }
    let empty = SearchIndex::new(&Corpus::default());
    assert!(empty.is_empty());
    assert!(search(&empty, &parse_query("a"), None).is_empty());
    assert_eq!(empty.text(3), "");
}

/// The seed's statements repeated `copies` times (new ids), so that passes take several rounds.
fn big_corpus(copies: usize) -> Corpus {
    let seed = embedded_seed().expect("seed loads");
    let mut statements = Vec::with_capacity(seed.statements.len() * copies);
    for copy in 0..copies {
        for s in &seed.statements {
            let mut s = s.clone();
            s.id = format!("{}-{copy}", s.id).into();
            statements.push(s);
        }
    }
    Corpus::from_parts(
        "big".into(),
        seed.articles.clone(),
        seed.entities.clone(),
        seed.leaders.clone(),
        statements,
    )
}

#[test]
fn worker_delivers_partial_then_complete_results() {
    let index = Arc::new(SearchIndex::new(&big_corpus(400)));
    let (tx, rx) = mpsc::channel();
    let worker = SearchWorker::spawn(Arc::clone(&index), move |outcome| {
        let _ = tx.send(outcome);
    });
    let generation = worker.submit("putin".into());
    let expected = search(&index, &parse_query("putin"), None);
    loop {
        let outcome = rx.recv_timeout(Duration::from_secs(30)).expect("a result");
        assert_eq!(outcome.generation, generation);
        assert_eq!(outcome.query, "putin");
        assert_eq!(outcome.total_statements, 6000);
        assert_eq!(outcome.matched, expected.len());
        if outcome.complete {
            assert_eq!(outcome.hits, expected);
            break;
        }
        assert!(outcome.hits.len() <= PARTIAL_HITS);
    }
}

#[test]
fn a_worker_building_its_index_runs_the_last_query_typed_meanwhile() {
    let corpus = Arc::new(big_corpus(20));
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let (ready_tx, ready_rx) = mpsc::channel();
    let (tx, rx) = mpsc::channel();
    let building = Arc::clone(&corpus);
    let worker = SearchWorker::spawn_building(
        move || {
            // The index is held back until both queries have been submitted.
            let _ = release_rx.recv_timeout(Duration::from_secs(30));
            Arc::new(SearchIndex::over(building))
        },
        move |index| {
            let _ = ready_tx.send(index.len());
        },
        move |outcome| {
            let _ = tx.send(outcome);
        },
    );
    worker.submit("moon".into());
    let last = worker.submit("putin".into());
    assert!(
        rx.recv_timeout(Duration::from_millis(50)).is_err(),
        "no result before the index is built"
    );
    release_tx.send(()).expect("the builder waits");
    assert_eq!(
        ready_rx.recv_timeout(Duration::from_secs(30)),
        Ok(corpus.statements.len())
    );
    let outcome = loop {
        let outcome = rx.recv_timeout(Duration::from_secs(30)).expect("a result");
        if outcome.complete {
            break outcome;
        }
    };
    assert_eq!(outcome.generation, last, "only the last query runs");
    assert_eq!(outcome.query, "putin");
    assert!(outcome.matched > 0);
}

#[test]
fn worker_never_delivers_stale_results() {
    let index = Arc::new(SearchIndex::new(&big_corpus(400)));
    let (tx, rx) = mpsc::channel::<SearchOutcome>();
    let (entered_tx, entered_rx) = mpsc::channel::<u64>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let release_rx = Mutex::new(release_rx);
    let worker = Arc::new(SearchWorker::spawn(Arc::clone(&index), move |outcome| {
        // Hold the first delivery of generation 1 until the test has submitted a newer query.
        if outcome.generation == 1 {
            let _ = entered_tx.send(outcome.generation);
            let _ = release_rx
                .lock()
                .expect("not poisoned")
                .recv_timeout(Duration::from_secs(30));
        }
        let _ = tx.send(outcome);
    }));
    assert_eq!(worker.submit("a".into()), 1);
    assert_eq!(
        entered_rx.recv_timeout(Duration::from_secs(30)),
        Ok(1),
        "first delivery"
    );
    // Submit generation 2 on another thread: it publishes the generation at once, then waits
    // until the delivery in progress is over.
    let submitter = {
        let worker = Arc::clone(&worker);
        std::thread::spawn(move || worker.submit("xi jinp".into()))
    };
    while worker.generation() < 2 {
        std::thread::yield_now();
    }
    release_tx.send(()).expect("release");
    assert_eq!(submitter.join().expect("submit"), 2);
    let first = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("held result");
    assert_eq!(first.generation, 1);
    assert!(!first.complete, "generation 1 was stopped before its end");
    // Everything after is for generation 2, ending with its complete result.
    loop {
        let outcome = rx.recv_timeout(Duration::from_secs(30)).expect("a result");
        assert_eq!(outcome.generation, 2, "stale result delivered");
        if outcome.complete {
            assert_eq!(outcome.hits, search(&index, &parse_query("xi jinp"), None));
            break;
        }
    }
    drop(worker);
    assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
}

#[test]
fn an_index_over_a_shared_corpus_answers_like_one_with_its_own_texts() {
    let corpus = Arc::new(embedded_seed().expect("seed loads"));
    let own = SearchIndex::new(&corpus);
    let shared = SearchIndex::over(Arc::clone(&corpus));
    assert!(shared.heap_bytes() < own.heap_bytes());
    for q in [
        "biden",
        "'Putin",
        "^south",
        "moon !japan",
        "xi jinp",
        "country:JPN",
    ] {
        let query = parse_query(q);
        let hits = search(&own, &query, None);
        assert_eq!(hits, search(&shared, &query, None), "{q}");
        for hit in &hits {
            assert_eq!(own.text(hit.statement), shared.text(hit.statement));
            assert_eq!(
                highlight_positions(&own, &query, hit.statement),
                highlight_positions(&shared, &query, hit.statement)
            );
        }
    }
}

#[test]
fn closer_terms_rank_higher() {
    let base = one_statement_corpus("x");
    let texts = [
        "climate policy is one thing and a change of course is another",
        "we need climate change action",
        "climate change",
    ];
    let statements = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut s = base.statements[0].clone();
            s.id = format!("s{i}").into();
            s.text = (*text).into();
            s.end = text.len() as u32;
            s
        })
        .collect();
    let corpus = Corpus::from_parts(
        "near".into(),
        base.articles.clone(),
        base.entities.clone(),
        vec![],
        statements,
    );
    let index = SearchIndex::new(&corpus);
    let hits = search(&index, &parse_query("climate change"), None);
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0].score, 100);
    assert_eq!(hits[0].score, hits[1].score, "side by side in both");
    assert_eq!(
        (hits[0].statement, hits[1].statement),
        (1, 2),
        "ties in corpus order"
    );
    assert_eq!(hits[2].statement, 0);
    assert!(hits[2].score < 100, "{:?}", hits[2]);
}
