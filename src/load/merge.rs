//! Merging several parsed corpus files into one [`Corpus`].

use super::{LoadError, Location, Problem, Problems};
use crate::model::{Article, Corpus, CorpusFile, Entity, Leader, Statement};
use std::collections::HashMap;

/// Merge parsed files into one corpus. Article and statement ids must be unique across files;
/// entities and leaders defined in several files must be defined identically.
pub fn merge(name: String, files: Vec<(String, CorpusFile)>) -> Result<Corpus, LoadError> {
    // Each file's statement ids are already unique (validated); only merging several files
    // needs the cross-file map.
    let several = files.len() > 1;
    let mut merged = Merged::default();
    for (file_no, (file, corpus)) in files.into_iter().enumerate() {
        merged.file_names.push(file.clone());
        merged.add_entities(file_no, &file, corpus.entities);
        merged.add_leaders(file_no, &file, corpus.leaders);
        merged.add_articles(file_no, &file, corpus.articles);
        if several {
            merged.add_statements(file_no, &file, corpus.statements);
        } else {
            merged.statements = corpus.statements;
        }
    }
    let Merged {
        problems,
        articles,
        entities,
        leaders,
        statements,
        ..
    } = merged;
    problems.into_result(())?;
    Ok(Corpus::from_parts(
        name, articles, entities, leaders, statements,
    ))
}

/// Merge parsed files in order, leaving out each file whose ids or definitions conflict with
/// the files merged before it (the first file is always kept). Returns the corpus and, for each
/// file left out, its name and why.
pub fn merge_leaving_out(
    name: String,
    files: Vec<(String, CorpusFile)>,
) -> (Corpus, Vec<(String, LoadError)>) {
    let mut merged = Merged::default();
    let mut left_out = Vec::new();
    for (file_no, (file, corpus)) in files.into_iter().enumerate() {
        merged.file_names.push(file.clone());
        let before = merged.lengths();
        merged.add_entities(file_no, &file, corpus.entities);
        merged.add_leaders(file_no, &file, corpus.leaders);
        merged.add_articles(file_no, &file, corpus.articles);
        merged.add_statements(file_no, &file, corpus.statements);
        let problems = std::mem::take(&mut merged.problems);
        if let Err(err) = problems.into_result(()) {
            merged.roll_back(before);
            left_out.push((file, err));
        }
    }
    let corpus = Corpus::from_parts(
        name,
        merged.articles,
        merged.entities,
        merged.leaders,
        merged.statements,
    );
    (corpus, left_out)
}

/// The corpus being merged, with where each id was first seen: (file, index in that file,
/// and for entities and leaders their position in the merged list).
#[derive(Default)]
struct Merged {
    problems: Problems,
    articles: Vec<Article>,
    entities: Vec<Entity>,
    leaders: Vec<Leader>,
    statements: Vec<Statement>,
    file_names: Vec<String>,
    article_seen: HashMap<String, (usize, usize)>,
    statement_origin: HashMap<String, (usize, usize)>,
    entity_seen: HashMap<String, (usize, usize, usize)>,
    leader_seen: HashMap<String, (usize, usize, usize)>,
}

impl Merged {
    /// How many articles, entities, leaders and statements are merged so far.
    fn lengths(&self) -> [usize; 4] {
        [
            self.articles.len(),
            self.entities.len(),
            self.leaders.len(),
            self.statements.len(),
        ]
    }

    /// Forget everything added since [`Merged::lengths`] returned `before`.
    fn roll_back(&mut self, [articles, entities, leaders, statements]: [usize; 4]) {
        for article in self.articles.drain(articles..) {
            self.article_seen.remove(&article.id);
        }
        for entity in self.entities.drain(entities..) {
            self.entity_seen.remove(&entity.id);
        }
        for leader in self.leaders.drain(leaders..) {
            self.leader_seen.remove(&leader.name);
        }
        for statement in self.statements.drain(statements..) {
            self.statement_origin.remove(statement.id.as_str());
        }
    }

    /// A file's entities: new ids are added, a repeated id must be defined identically.
    fn add_entities(&mut self, file_no: usize, file: &str, entities: Vec<Entity>) {
        for (i, entity) in entities.into_iter().enumerate() {
            match self.entity_seen.get(&entity.id) {
                Some(&(other_file, other_i, pos)) => {
                    if self.entities[pos] != entity {
                        self.problems.push(Problem::new(
                            file,
                            Location::Field(format!("entities[{i}]"), None),
                            format!(
                                "entity \"{}\" differs from its definition in {} at entities[{other_i}]",
                                entity.id, self.file_names[other_file]
                            ),
                        ));
                    }
                }
                None => {
                    self.entity_seen
                        .insert(entity.id.clone(), (file_no, i, self.entities.len()));
                    self.entities.push(entity);
                }
            }
        }
    }

    /// A file's leaders: new names are added, a repeated name must be defined identically.
    fn add_leaders(&mut self, file_no: usize, file: &str, leaders: Vec<Leader>) {
        for (i, leader) in leaders.into_iter().enumerate() {
            match self.leader_seen.get(&leader.name) {
                Some(&(other_file, other_i, pos)) => {
                    if self.leaders[pos] != leader {
                        self.problems.push(Problem::new(
                            file,
                            Location::Field(format!("leaders[{i}]"), None),
                            format!(
                                "leader \"{}\" differs from its definition in {} at leaders[{other_i}]",
                                leader.name, self.file_names[other_file]
                            ),
                        ));
                    }
                }
                None => {
                    self.leader_seen
                        .insert(leader.name.clone(), (file_no, i, self.leaders.len()));
                    self.leaders.push(leader);
                }
            }
        }
    }

    /// A file's articles: an id seen in an earlier file is a problem.
    fn add_articles(&mut self, file_no: usize, file: &str, articles: Vec<Article>) {
        for (i, article) in articles.into_iter().enumerate() {
            if let Some(&(other_file, other_i)) = self.article_seen.get(&article.id) {
                self.problems.push(Problem::new(
                    file,
                    Location::Field(format!("articles[{i}].id"), None),
                    format!(
                        "duplicate article id \"{}\" (also in {} at articles[{other_i}])",
                        article.id, self.file_names[other_file]
                    ),
                ));
            } else {
                self.article_seen.insert(article.id.clone(), (file_no, i));
                self.articles.push(article);
            }
        }
    }

    /// A file's statements: an id seen in an earlier file is a problem.
    fn add_statements(&mut self, file_no: usize, file: &str, statements: Vec<Statement>) {
        for (i, statement) in statements.into_iter().enumerate() {
            if let Some(&(other_file, other_i)) = self.statement_origin.get(statement.id.as_str()) {
                self.problems.push(Problem::new(
                    file,
                    Location::Field(format!("statements[{i}].id"), None),
                    format!(
                        "duplicate statement id \"{}\" (also in {} at statements[{other_i}])",
                        statement.id, self.file_names[other_file]
                    ),
                ));
                continue;
            }
            self.statement_origin
                .insert(statement.id.to_string(), (file_no, i));
            self.statements.push(statement);
        }
    }
}
