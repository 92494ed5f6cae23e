//! A synthetic corpus (format v1) for benchmarks: realistic statements of 80–300 characters about
//! countries, leaders and topics, deterministic by seed, written as a stream.
//!
//! Shared by `examples/gen_corpus` and `benches/search.rs`.

use agenda_tui::model::{
    Article, Entity, EntityKind, FORMAT_NAME, FORMAT_VERSION, Leader, Statement, StatementKind,
};
use std::io::{self, Write};

/// splitmix64: a tiny, fast, deterministic generator.
pub struct Rng(u64);

impl Rng {
    /// A generator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Countries: id, name, aliases (the capital first).
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("KOR", "South Korea", &["Seoul", "Republic of Korea", "ROK"]),
    ("PRK", "North Korea", &["Pyongyang", "DPRK"]),
    ("USA", "United States", &["Washington", "U.S.", "America"]),
    ("CHN", "China", &["Beijing", "PRC"]),
    ("JPN", "Japan", &["Tokyo"]),
    ("RUS", "Russia", &["Moscow", "Russian Federation"]),
    ("IND", "India", &["New Delhi"]),
    ("AUS", "Australia", &["Canberra"]),
    ("IDN", "Indonesia", &["Jakarta"]),
    ("VNM", "Vietnam", &["Hanoi", "Viet Nam"]),
    ("PHL", "Philippines", &["Manila"]),
    ("THA", "Thailand", &["Bangkok"]),
    ("SGP", "Singapore", &["Singapore City"]),
    ("MYS", "Malaysia", &["Kuala Lumpur"]),
    ("MNG", "Mongolia", &["Ulaanbaatar"]),
    ("GBR", "United Kingdom", &["London", "Britain", "UK"]),
    ("FRA", "France", &["Paris"]),
    ("DEU", "Germany", &["Berlin"]),
    ("ITA", "Italy", &["Rome"]),
    ("CAN", "Canada", &["Ottawa"]),
    ("BRA", "Brazil", &["Brasilia"]),
    ("MEX", "Mexico", &["Mexico City"]),
    ("TUR", "Turkey", &["Ankara", "Türkiye"]),
    ("SAU", "Saudi Arabia", &["Riyadh"]),
    ("ARE", "United Arab Emirates", &["Abu Dhabi", "UAE"]),
    ("EGY", "Egypt", &["Cairo"]),
    ("ZAF", "South Africa", &["Pretoria"]),
    ("NGA", "Nigeria", &["Abuja"]),
    ("KEN", "Kenya", &["Nairobi"]),
    ("UKR", "Ukraine", &["Kyiv"]),
    ("POL", "Poland", &["Warsaw"]),
    ("KAZ", "Kazakhstan", &["Astana"]),
];

/// Blocs and regions: id, name, kind, aliases.
const GROUPS: &[(&str, &str, EntityKind, &[&str])] = &[
    (
        "ASEAN",
        "ASEAN",
        EntityKind::Bloc,
        &["Association of Southeast Asian Nations"],
    ),
    (
        "EU",
        "European Union",
        EntityKind::Bloc,
        &["EU", "Brussels"],
    ),
    ("UN", "United Nations", EntityKind::Bloc, &["UN"]),
    ("G20", "G20", EntityKind::Bloc, &["Group of Twenty"]),
    (
        "NATO",
        "NATO",
        EntityKind::Bloc,
        &["North Atlantic Alliance"],
    ),
    (
        "INDO_PACIFIC",
        "Indo-Pacific",
        EntityKind::Region,
        &["Indo-Pacific region"],
    ),
    ("NORTHEAST_ASIA", "Northeast Asia", EntityKind::Region, &[]),
    (
        "GLOBAL",
        "Global issues",
        EntityKind::Global,
        &["climate change", "developing countries"],
    ),
];

/// Leaders: name, entity, role, aliases.
const LEADERS: &[(&str, &str, &str, &[&str])] = &[
    ("Moon Jae-in", "KOR", "President", &["Moon", "문재인"]),
    ("Yoon Suk Yeol", "KOR", "President", &["Yoon", "윤석열"]),
    ("Kim Jong Un", "PRK", "Chairman", &["Kim"]),
    ("Joe Biden", "USA", "President", &["Biden"]),
    ("Antony Blinken", "USA", "Secretary of State", &["Blinken"]),
    ("Xi Jinping", "CHN", "President", &["Xi"]),
    ("Wang Yi", "CHN", "Foreign Minister", &["Wang"]),
    ("Fumio Kishida", "JPN", "Prime Minister", &["Kishida"]),
    ("Vladimir Putin", "RUS", "President", &["Putin"]),
    ("Sergey Lavrov", "RUS", "Foreign Minister", &["Lavrov"]),
    ("Narendra Modi", "IND", "Prime Minister", &["Modi"]),
    ("Anthony Albanese", "AUS", "Prime Minister", &["Albanese"]),
    ("Joko Widodo", "IDN", "President", &["Jokowi"]),
    ("Rishi Sunak", "GBR", "Prime Minister", &["Sunak"]),
    ("Emmanuel Macron", "FRA", "President", &["Macron"]),
    ("Olaf Scholz", "DEU", "Chancellor", &["Scholz"]),
    ("Justin Trudeau", "CAN", "Prime Minister", &["Trudeau"]),
    ("Luiz Inacio Lula da Silva", "BRA", "President", &["Lula"]),
    ("Recep Tayyip Erdogan", "TUR", "President", &["Erdogan"]),
    ("Volodymyr Zelenskyy", "UKR", "President", &["Zelenskyy"]),
    ("Antonio Guterres", "UN", "Secretary-General", &["Guterres"]),
    (
        "Ursula von der Leyen",
        "EU",
        "Commission President",
        &["von der Leyen"],
    ),
];

/// Topic phrases; the ones naming a global issue also target `GLOBAL`.
const TOPICS: &[&str] = &[
    "supply chain resilience",
    "semiconductor cooperation",
    "climate change",
    "the COVID-19 pandemic",
    "vaccine distribution",
    "nuclear non-proliferation",
    "denuclearization of the Korean Peninsula",
    "maritime security",
    "free trade agreement talks",
    "energy security",
    "railway connections",
    "cultural exchanges",
    "the Tokyo Olympics",
    "the Winter Olympics",
    "carbon neutrality by 2050",
    "development assistance",
    "food security",
    "cyber security",
    "space cooperation",
    "humanitarian aid",
    "visa facilitation",
    "a high-level strategic dialogue",
    "defense industry cooperation",
    "critical minerals",
    "green hydrogen",
    "digital trade rules",
    "peace in Northeast Asia",
    "the situation in Ukraine",
    "global health security",
    "developing countries",
];

const OUTLETS: &[&str] = &[
    "Arirang News",
    "Yonhap",
    "KBS World",
    "The Korea Herald",
    "Asia Wire",
    "Global Desk",
];

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

const HANGUL_NOTES: &[&str] = &[
    " (외교부 발표)",
    " (청와대 브리핑)",
    " (정상회담 결과)",
    " (한중 협력)",
];

/// The entities of every synthetic corpus.
pub fn entities() -> Vec<Entity> {
    let countries = COUNTRIES.iter().map(|(id, name, aliases)| Entity {
        id: (*id).to_string(),
        name: (*name).to_string(),
        kind: EntityKind::Country,
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
    });
    let groups = GROUPS.iter().map(|(id, name, kind, aliases)| Entity {
        id: (*id).to_string(),
        name: (*name).to_string(),
        kind: *kind,
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
    });
    countries.chain(groups).collect()
}

/// The leaders of every synthetic corpus.
pub fn leaders() -> Vec<Leader> {
    LEADERS
        .iter()
        .map(|(name, entity, role, aliases)| Leader {
            name: (*name).to_string(),
            entity: (*entity).to_string(),
            role: (*role).to_string(),
            aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        })
        .collect()
}

fn leaders_of(entity: &str) -> Vec<usize> {
    (0..LEADERS.len())
        .filter(|&i| LEADERS[i].1 == entity)
        .collect()
}

/// Up to 300 bytes, cut on a character boundary.
fn clamp(mut text: String) -> String {
    const MAX: usize = 300;
    if text.len() > MAX {
        let mut cut = MAX - 1;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('.');
    }
    text
}

/// One generated article and its statements.
struct Generated {
    article: Article,
    statements: Vec<Statement>,
}

/// Generate article `number`, holding at most `room` statements numbered from `first`.
fn article(rng: &mut Rng, number: usize, first: usize, room: usize) -> Generated {
    let home = rng.below(6);
    let (home_id, home_name, home_aliases) = COUNTRIES[home];
    let home_capital = home_aliases[0];
    let home_leaders = leaders_of(home_id);
    let article_id = format!("syn-a{number:07}");
    let count = (4 + rng.below(9)).min(room).max(1);
    let mut body = String::new();
    let mut statements = Vec::with_capacity(count);
    let mut title_target = "";
    let mut title_topic = "";
    for k in 0..count {
        let mut target = rng.below(COUNTRIES.len());
        if target == home {
            target = (target + 1) % COUNTRIES.len();
        }
        let (target_id, target_name, target_aliases) = COUNTRIES[target];
        let target_capital = target_aliases[0];
        let topic = *rng.pick(TOPICS);
        let topic2 = *rng.pick(TOPICS);
        let speaker = home_leaders
            .get(rng.below(home_leaders.len().max(1)))
            .copied();
        let (speaker_name, speaker_role) = speaker
            .map_or(("the foreign minister", "Minister"), |i| {
                (LEADERS[i].0, LEADERS[i].2)
            });
        let foreign = leaders_of(target_id);
        let other = foreign.get(rng.below(foreign.len().max(1))).copied();
        let (other_name, other_role) = other.map_or(("its foreign minister", "Minister"), |i| {
            (LEADERS[i].0, LEADERS[i].2)
        });
        let day = *rng.pick(DAYS);
        // Templates 2, 4 and 6 name a leader of the target country: only when it has one.
        let template = loop {
            let t = rng.below(9);
            if other.is_some() || !matches!(t, 2 | 4 | 6) {
                break t;
            }
        };
        let (mut text, kind, with_speaker, with_other) = match template {
            0 => (
                format!(
                    "{speaker_role} {speaker_name} said {home_name} would deepen cooperation with {target_name} on {topic}, calling it a priority for the coming year."
                ),
                StatementKind::Reported,
                true,
                false,
            ),
            1 => (
                format!(
                    "{home_name} and {target_name} agreed to launch a joint working group on {topic} during talks in {target_capital} on {day}."
                ),
                StatementKind::Narrative,
                false,
                false,
            ),
            2 => (
                format!(
                    "{speaker_name} expressed hope that a visit to {home_capital} by {other_role} {other_name} would take place soon, despite delays caused by {topic}."
                ),
                StatementKind::Reported,
                true,
                true,
            ),
            3 => (
                format!(
                    "The foreign ministry said talks with {target_name} on {topic} and {topic2} had made meaningful progress, and further rounds are planned."
                ),
                StatementKind::Narrative,
                false,
                false,
            ),
            4 => (
                format!(
                    "\u{201c}We will work closely with {target_name} to address {topic},\u{201d} {speaker_name} told reporters after meeting {other_name} in {target_capital}."
                ),
                StatementKind::Quote,
                true,
                true,
            ),
            5 => (
                format!(
                    "Officials in {home_capital} expect {target_name} to play a constructive role in {topic}, according to a senior government source."
                ),
                StatementKind::Narrative,
                false,
                false,
            ),
            6 => (
                format!(
                    "{other_role} {other_name} of {target_name} and {speaker_name} held a phone call on {day} to discuss {topic}, the first such conversation this year."
                ),
                StatementKind::Narrative,
                true,
                true,
            ),
            7 => (
                format!(
                    "With {target_name}, {home_name} will seek to expand exchanges in {topic}, while also pursuing dialogue on {topic2}."
                ),
                StatementKind::Narrative,
                false,
                false,
            ),
            _ => (
                format!(
                    "It is time to strengthen our partnership with {target_name} and turn {topic} into an opportunity for both our peoples."
                ),
                StatementKind::Quote,
                true,
                false,
            ),
        };
        if rng.chance(5) {
            text.push_str(HANGUL_NOTES[rng.below(HANGUL_NOTES.len())]);
        }
        if text.len() < 80 {
            text.push_str(" Observers welcomed the move.");
        }
        let text = clamp(text);
        let mut targets = vec![target_id.to_string()];
        if topic == "climate change" || topic == "developing countries" {
            targets.push("GLOBAL".to_string());
        }
        let mut leaders = Vec::new();
        if with_speaker && let Some(i) = speaker {
            leaders.push(LEADERS[i].0.to_string());
        }
        if with_other && let Some(i) = other {
            leaders.push(LEADERS[i].0.to_string());
        }
        let mut topics = vec![topic.to_string()];
        if template == 3 || template == 7 {
            topics.push(topic2.to_string());
        }
        topics.dedup();
        if k > 0 {
            body.push_str(if rng.chance(20) { "\n\n" } else { " " });
        }
        let start = body.len();
        body.push_str(&text);
        if k == 0 {
            title_target = target_name;
            title_topic = topic;
        }
        statements.push(Statement {
            id: format!("syn-s{:08}", first + k).into(),
            article: article_id.as_str().into(),
            start,
            end: body.len(),
            text: text.into(),
            targets: targets.into_iter().map(Into::into).collect(),
            speaker: (with_speaker && speaker.is_some()).then(|| speaker_name.into()),
            speaker_entity: home_id.into(),
            kind,
            leaders: leaders.into_iter().map(Into::into).collect(),
            topics: topics.into_iter().map(Into::into).collect(),
        });
    }
    let year = 2015 + rng.below(10);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let article = Article {
        id: article_id,
        title: format!("{home_name} seeks closer ties with {title_target} on {title_topic}"),
        source: (*rng.pick(OUTLETS)).to_string(),
        published: Some(format!("{year:04}-{month:02}-{day:02}")),
        byline: rng.chance(50).then(|| "Staff reporter".to_string()),
        dateline: None,
        url: None,
        speaker_country: home_id.to_string(),
        body: body.into(),
    };
    Generated {
        article,
        statements,
    }
}

/// Visit every generated article of a corpus of `statements` statements, in order.
fn each_article(
    statements: usize,
    seed: u64,
    mut visit: impl FnMut(Generated) -> io::Result<()>,
) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    let mut made = 0;
    let mut number = 0;
    while made < statements {
        let generated = article(&mut rng, number, made, statements - made);
        made += generated.statements.len();
        number += 1;
        visit(generated)?;
    }
    Ok(())
}

fn write_array<T: serde::Serialize>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"]")
}

/// Write a valid corpus v1 file of `statements` statements generated from `seed`, streaming
/// (articles first, then the statements regenerated from the same seed).
pub fn write_corpus(out: &mut dyn Write, statements: usize, seed: u64) -> io::Result<()> {
    write!(
        out,
        "{{\"format\":\"{FORMAT_NAME}\",\"version\":{FORMAT_VERSION},\n\"entities\":"
    )?;
    write_array(out, entities())?;
    out.write_all(b",\n\"leaders\":")?;
    write_array(out, leaders())?;
    out.write_all(b",\n\"articles\":[")?;
    let mut first = true;
    each_article(statements, seed, |g| {
        if !first {
            out.write_all(b",\n")?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &g.article).map_err(io::Error::from)
    })?;
    out.write_all(b"],\n\"statements\":[")?;
    let mut first = true;
    each_article(statements, seed, |g| {
        for statement in &g.statements {
            if !first {
                out.write_all(b",\n")?;
            }
            first = false;
            serde_json::to_writer(&mut *out, statement)?;
        }
        Ok(())
    })?;
    out.write_all(b"]}\n")
}
