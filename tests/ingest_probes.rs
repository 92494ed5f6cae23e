//! Probe texts written for this suite (not from the development sets), one per pattern of news
//! copy that once filed a statement under the wrong party: a joint subject, a counterpart
//! named only by title, a briefing transcript, a bloc's communiqué, a bloc's statement followed
//! by another government's reaction. Each asserts the article's speaker and the statements
//! that went wrong.

use agenda_tui::ingest::{IngestOptions, Pipeline};

/// (speaker entity, targets, text) of every statement, and the article's speaker.
fn ingest(text: &str) -> (String, Vec<(String, Vec<String>, String)>) {
    let pipeline = Pipeline::with_extra(&[]).expect("pipeline");
    let ingested = pipeline
        .ingest(text, &IngestOptions::default())
        .expect("ingest");
    let statements = ingested
        .statements
        .iter()
        .map(|s| {
            (
                s.speaker_entity.to_string(),
                s.targets().iter().map(|t| t.to_string()).collect(),
                s.text.to_string(),
            )
        })
        .collect();
    (ingested.article.speaker_country, statements)
}

#[test]
fn a_joint_subject_and_our_two_nations() {
    let (speaker, statements) = ingest(
        "NAIROBI, March 4 (Reuters) - Kenyan President William Ruto and Ethiopian Prime \
         Minister Abiy Ahmed agreed on Monday to fast-track a cross-border power line, officials \
         said.\n\n\"Our two nations share a destiny,\" Ruto told reporters after the talks.\n\n\
         The two leaders also discussed the situation in Sudan.\n",
    );
    assert_eq!(speaker, "KEN");
    assert_eq!(statements[0].0, "KEN", "{:?}", statements[0]);
    assert_eq!(statements[0].1, vec!["ETH"]);
    assert_eq!(statements[1].1, vec!["ETH"]);
    assert_eq!(statements[2].1, vec!["SDN", "ETH"]);
}

#[test]
fn a_counterpart_named_by_title_speaks_for_his_country() {
    let (speaker, statements) = ingest(
        "BUENOS AIRES, Jan 23 (AFP) - Brazilian President Luiz Inacio Lula da Silva on Monday \
         signed an agreement with his Argentine counterpart Alberto Fernandez to study a common \
         currency.\n\nFernandez said the two governments would also finish a gas pipeline.\n",
    );
    assert_eq!(speaker, "BRA");
    assert_eq!(statements[1].0, "ARG", "{:?}", statements[1]);
    assert!(
        !statements[1].1.contains(&"ARG".to_string()),
        "{:?}",
        statements[1]
    );
}

#[test]
fn the_country_asked_at_a_briefing_is_the_one_answering() {
    let (speaker, _) = ingest(
        "Q: The Philippine coast guard said Chinese vessels fired water cannon at its ships. \
         What is China's response?\n\nA: The Philippines has repeatedly violated China's \
         sovereignty. We urge Manila to stop its provocations.\n",
    );
    assert_eq!(speaker, "CHN");
}

#[test]
fn a_blocs_ministers_speak_for_the_bloc() {
    let (speaker, statements) = ingest(
        "JAKARTA, July 12 (Xinhua) -- Foreign ministers of the Association of Southeast Asian \
         Nations (ASEAN) expressed grave concern over the violence in Myanmar.\n\n\
         Indonesian Foreign Minister Retno Marsudi, who chairs the meeting, told reporters that \
         ASEAN would engage all stakeholders.\n\nThe ministers also welcomed Timor-Leste's \
         progress towards membership.\n",
    );
    assert_eq!(speaker, "ASEAN");
    assert_eq!(statements[2].0, "ASEAN", "{:?}", statements[2]);
}

#[test]
fn a_reaction_at_the_end_does_not_outweigh_the_lead() {
    let (speaker, statements) = ingest(
        "TOKYO, Nov 20 (Kyodo) - The foreign ministers of the Group of Seven industrialized \
         nations on Saturday condemned North Korea's latest launch of an intercontinental \
         ballistic missile.\n\nJapanese Foreign Minister Yoshimasa Hayashi said Tokyo would \
         coordinate closely with Washington and Seoul.\n\nChina's foreign ministry spokesman \
         Wang Wenbin said Beijing opposed any unilateral sanctions.\n",
    );
    assert_eq!(speaker, "G7");
    assert_eq!(statements[0].1, vec!["PRK"]);
    assert_eq!(statements[2].0, "CHN", "{:?}", statements[2]);
}

#[test]
fn a_blocs_statement_about_a_country_is_the_blocs() {
    let (speaker, statements) = ingest(
        "BRUSSELS (AA) - The European Union on Thursday called on Turkey to uphold democratic \
         standards after the detention of several opposition mayors.\n\n\"The arrests raise \
         serious questions about Turkey's commitment to democratic values,\" EU foreign policy \
         chief Kaja Kallas said in a statement.\n\nAnkara rejected the criticism. Turkish \
         Foreign Ministry spokesman Oncu Keceli said the EU should respect the independence of \
         Turkish courts.\n",
    );
    assert_eq!(speaker, "EU");
    assert_eq!(statements[0].1, vec!["TUR"]);
    assert_eq!(
        statements[2].0, "TUR",
        "Ankara answers: {:?}",
        statements[2]
    );
    assert_eq!(statements[3].0, "TUR", "{:?}", statements[3]);
    assert_eq!(statements[3].1, vec!["EU"]);
}

#[test]
fn a_leader_speaking_about_another_country_is_not_that_countrys() {
    let (speaker, statements) = ingest(
        "BRASILIA, Aug 1 (Reuters) - Brazilian President Luiz Inacio Lula da Silva said on \
         Thursday that Venezuela's electoral authority must publish the detailed voting \
         records.\n\nLula said he had spoken with Venezuelan President Nicolas Maduro, who told \
         him the records would be released.\n",
    );
    assert_eq!(speaker, "BRA");
    assert!(statements.iter().all(|s| s.0 == "BRA"), "{statements:?}");
    assert_eq!(statements[0].1, vec!["VEN"]);
}

#[test]
fn a_counter_statement_after_but_also_or_a_seat_of_government_is_the_other_side() {
    let (speaker, statements) = ingest(
        "ANKARA\n\nTurkish Foreign Minister Hakan Fidan said on Monday that talks with Russia on \
         Aleppo had failed.\n\nBut Moscow said Ankara had not kept its promises.\n\nKremlin \
         spokesman Dmitry Peskov told reporters on Monday that Russia remained in contact with \
         Turkey.\n\nRussia's Foreign Ministry also said in a statement that Damascus had every \
         right to respond.\n",
    );
    assert_eq!(speaker, "TUR");
    assert_eq!(statements[0].1, vec!["RUS", "SYR"], "Aleppo is Syria's");
    for statement in &statements[1..] {
        assert_eq!(statement.0, "RUS", "{statement:?}");
    }
    assert!(statements[1].1.contains(&"TUR".to_string()));
}

#[test]
fn a_minister_written_with_an_initial_is_the_gazetteers() {
    let (speaker, statements) = ingest(
        "Manila, Mar 26 (PTI) India on Tuesday firmly reiterated its support to the Philippines, \
         External Affairs Minister S Jaishankar said after talks with his Philippine counterpart \
         Enrique Manalo.\n\nJaishankar said the two countries would expand defence ties.\n",
    );
    assert_eq!(speaker, "IND");
    assert_eq!(statements[1].1, vec!["PHL"]);
}

#[test]
fn a_new_question_at_a_briefing_carries_nothing_of_the_answer_before() {
    let (speaker, statements) = ingest(
        "Foreign Ministry Spokesperson's Regular Press Conference\n\nQ: Reuters. Ukraine's \
         president called for talks. What is China's position?\n\nA: All parties should focus \
         on dialogue on the Ukraine crisis. China stands ready to play a constructive role to \
         that end.\n\nQ: Bloomberg. A former official begins a visit today. Will he meet \
         anyone?\n\nA: This is not a diplomatic question.\n",
    );
    assert_eq!(speaker, "CHN");
    let question = statements
        .iter()
        .position(|s| s.2.contains("Bloomberg"))
        .expect("the second question");
    for statement in &statements[question..] {
        assert!(statement.1.is_empty(), "{statement:?}");
    }
}
