//! End-to-end: a corpus full of terminal escape sequences and controls is shown as harmless
//! visible text. The raw bytes the browser wrote to its pseudo-terminal are recorded (tmux
//! pipe-pane) and must contain none of the injected sequences.

mod common;

use common::{Tmux, binary};

/// Each injected payload sits between two marker letters so that it can be recognised in the
/// raw output even where the browser itself legitimately emits similar escape codes.
const PAYLOADS: &[(&str, &str)] = &[
    ("clear screen", "A\u{1b}[2JB"),
    ("OSC 52 clipboard write", "C\u{1b}]52;c;SGFja2Vk\u{7}D"),
    ("OSC 8 hyperlink", "E\u{1b}]8;;http://evil.example\u{1b}\\F"),
    ("title change", "G\u{1b}]0;pwned-title\u{7}H"),
    ("C1 CSI", "I\u{9b}31mJ"),
    ("bidi override", "K\u{202e}reversedL"),
    ("bell", "M\u{7}N"),
    ("cursor move", "O\u{1b}[10;10HP"),
    ("colour", "Q\u{1b}[38;2;1;2;3mR"),
];

fn hostile_corpus() -> String {
    let all: String = PAYLOADS.iter().map(|(_, p)| format!("{p} ")).collect();
    let sentence = format!("The minister said {all}today.");
    let body = format!("{sentence} Second sentence {}.", PAYLOADS[0].1);
    let second_start = sentence.len() + 1;
    serde_json::json!({
        "format": "agenda-corpus", "version": 1,
        "articles": [{ "id": "evil", "title": format!("Title {all}"), "source": format!("Outlet {}", PAYLOADS[3].1),
                        "published": "2024-01-01", "byline": PAYLOADS[1].1, "url": format!("http://x/{}", PAYLOADS[2].1),
                        "speaker_country": "KOR", "body": body }],
        "entities": [
            { "id": "KOR", "name": "South Korea", "kind": "country", "aliases": [] },
            { "id": "EVL", "name": format!("Evilland {}", PAYLOADS[0].1), "kind": "country", "aliases": [] }
        ],
        "leaders": [{ "name": format!("Mr {}", PAYLOADS[4].1), "entity": "EVL", "role": PAYLOADS[5].1, "aliases": [] }],
        "statements": [
            { "id": "s1", "article": "evil", "text": sentence, "start": 0, "end": sentence.len(),
              "targets": ["EVL"], "speaker": format!("Mr {}", PAYLOADS[4].1), "speaker_entity": "KOR",
              "kind": "quote", "leaders": [format!("Mr {}", PAYLOADS[4].1)], "topics": [format!("topic {}", PAYLOADS[6].1)] },
            { "id": "s2", "article": "evil", "text": &body[second_start..], "start": second_start, "end": body.len(),
              "targets": ["EVL"], "speaker": null, "speaker_entity": "KOR", "kind": "narrative",
              "leaders": [], "topics": [format!("x {}", PAYLOADS[7].1)] }
        ]
    })
    .to_string()
}

#[test]
fn injected_escape_sequences_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("evil.json");
    std::fs::write(&corpus, hostile_corpus()).expect("write corpus");
    let raw = dir.path().join("raw.bin");
    let command = format!(
        "{} --data '{}'; echo DONE; sleep 600",
        binary(),
        corpus.display()
    );
    let tmux = Tmux::start_recorded(140, 40, &command, &raw);
    let screen = tmux.wait_for_text("Evilland");
    assert!(
        screen.contains("A␛[2JB"),
        "visible stand-in shown:\n{screen}"
    );
    // Visit both statements (text, detail, context) and the help overlay, then quit.
    tmux.keys(&["Tab", "j", "Tab"]);
    tmux.wait_for_text("Second sentence");
    tmux.keys(&["k", "/"]);
    tmux.type_text("minister");
    tmux.wait_for_text("/ minister");
    // Escape alone, then wait: an ESC followed at once by a key reads as Alt-key.
    tmux.keys(&["Escape"]);
    tmux.wait_for("search bar left", |s| s.contains("? help"));
    tmux.keys(&["?"]);
    tmux.wait_for_text("Help · Esc to close");
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("Help · Esc to close"));
    tmux.keys(&["q"]);
    tmux.wait_for_text("DONE");
    let bytes = std::fs::read(&raw).expect("raw output recorded");
    assert!(bytes.len() > 1000, "the browser's output was recorded");
    let output = String::from_utf8_lossy(&bytes);
    for (name, payload) in PAYLOADS {
        assert!(!output.contains(payload), "{name} reached the terminal");
    }
    for forbidden in [
        "\u{1b}]52",
        "\u{1b}]8;",
        "\u{1b}]0;",
        "\u{9b}",
        "\u{202e}",
        "pwned-title\u{7}",
    ] {
        assert!(
            !output.contains(forbidden),
            "{forbidden:?} reached the terminal"
        );
    }
    assert!(!bytes.contains(&0x07), "no BEL was written");
}
