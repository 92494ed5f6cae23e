//! Merging several parsed corpus files into one [`Corpus`].

use super::{LoadError, Location, Problem, Problems};
use crate::model::{Corpus, CorpusFile, Entity, Leader};
use std::collections::HashMap;

/// Merge parsed files into one corpus. Article and statement ids must be unique across files;
/// entities and leaders defined in several files must be defined identically.
pub fn merge(name: String, files: Vec<(String, CorpusFile)>) -> Result<Corpus, LoadError> {
    let mut problems = Problems::default();
    let mut articles = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut leaders: Vec<Leader> = Vec::new();
    let mut statements = Vec::new();
    let mut file_names: Vec<String> = Vec::with_capacity(files.len());
    let mut article_seen: HashMap<String, (usize, usize)> = HashMap::new();
    let mut statement_origin: HashMap<String, (usize, usize)> = HashMap::new();
    let mut entity_seen: HashMap<String, (usize, usize, usize)> = HashMap::new();
    let mut leader_seen: HashMap<String, (usize, usize, usize)> = HashMap::new();
    // Each file's statement ids are already unique (validated); only merging several files
    // needs the cross-file map.
    let several = files.len() > 1;

    for (file_no, (file, corpus)) in files.into_iter().enumerate() {
        file_names.push(file.clone());
        for (i, entity) in corpus.entities.into_iter().enumerate() {
            match entity_seen.get(&entity.id) {
                Some(&(other_file, other_i, pos)) => {
                    if entities[pos] != entity {
                        problems.push(Problem::new(
                            &file,
                            Location::Field(format!("entities[{i}]"), None),
                            format!(
                                "entity \"{}\" differs from its definition in {} at entities[{other_i}]",
                                entity.id, file_names[other_file]
                            ),
                        ));
                    }
                }
                None => {
                    entity_seen.insert(entity.id.clone(), (file_no, i, entities.len()));
                    entities.push(entity);
                }
            }
        }
        for (i, leader) in corpus.leaders.into_iter().enumerate() {
            match leader_seen.get(&leader.name) {
                Some(&(other_file, other_i, pos)) => {
                    if leaders[pos] != leader {
                        problems.push(Problem::new(
                            &file,
                            Location::Field(format!("leaders[{i}]"), None),
                            format!(
                                "leader \"{}\" differs from its definition in {} at leaders[{other_i}]",
                                leader.name, file_names[other_file]
                            ),
                        ));
                    }
                }
                None => {
                    leader_seen.insert(leader.name.clone(), (file_no, i, leaders.len()));
                    leaders.push(leader);
                }
            }
        }
        for (i, article) in corpus.articles.into_iter().enumerate() {
            if let Some(&(other_file, other_i)) = article_seen.get(&article.id) {
                problems.push(Problem::new(
                    &file,
                    Location::Field(format!("articles[{i}].id"), None),
                    format!(
                        "duplicate article id \"{}\" (also in {} at articles[{other_i}])",
                        article.id, file_names[other_file]
                    ),
                ));
            } else {
                article_seen.insert(article.id.clone(), (file_no, i));
                articles.push(article);
            }
        }
        if !several {
            statements = corpus.statements;
            continue;
        }
        for (i, statement) in corpus.statements.into_iter().enumerate() {
            if let Some(&(other_file, other_i)) = statement_origin.get(statement.id.as_str()) {
                problems.push(Problem::new(
                    &file,
                    Location::Field(format!("statements[{i}].id"), None),
                    format!(
                        "duplicate statement id \"{}\" (also in {} at statements[{other_i}])",
                        statement.id, file_names[other_file]
                    ),
                ));
                continue;
            }
            statement_origin.insert(statement.id.to_string(), (file_no, i));
            statements.push(statement);
        }
    }
    problems.into_result(())?;
    Ok(Corpus::from_parts(
        name, articles, entities, leaders, statements,
    ))
}
