//! Site search that works from `file://`: a build-time index loaded by `<script>` tags.
//!
//! In: the corpus and its scores. Out: the index files ([`index_files`]) and, for tests and as
//! the specification of `static/search.js`, the ranking ([`rank`]). The browser script applies
//! exactly these rules; change both together.
//!
//! Ranking: the query is tokenised ([`tokenize::query_tokens`]); a document scores, for each
//! query token, the best of its fields that holds the token: token weight (bigram or word 4,
//! single character 1) × field weight (title 3, body 1). A field holding the whole query (two
//! tokens or more, spaces collapsed; at a word start if it starts with a letter or digit) adds
//! 8 × its field weight once. Highest score first,
//! then the later year, then corpus order. A bigram or character matches where it occurs in
//! the folded text; a word matches at the start of a word (typing `202` finds `2023`).
//!
//! Never: reads or writes files (the pipeline writes what [`index_files`] returns).

mod index;
mod tokenize;

pub use index::{
    Doc, Field, Weight, docs, meta_js, numbered_docs, numbered_year_js, script_json, units,
    year_js, year_js_path,
};
pub use tokenize::{Token, fold, is_cjk, query_tokens, tokenize};

use crate::model::Corpus;
use crate::score::CorpusScores;

/// The path of the metadata file every search page loads first.
pub const META_PATH: &str = "search/meta.js";

/// Every index file of the corpus, `(path, text)`, sorted by path.
pub fn index_files(corpus: &Corpus, scores: &CorpusScores) -> Vec<(String, String)> {
    let docs = docs(corpus, scores);
    let mut files = vec![(META_PATH.to_owned(), meta_js(&units(corpus), &docs))];
    for year in crate::plan::years(corpus) {
        files.push((year_js_path(year), year_js(&docs, year)));
    }
    files.sort();
    files
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the documents.
    pub doc: usize,
    /// The score (see the module documentation).
    pub score: u32,
    /// Index of the field that scored best; its anchor is the link's and its text the snippet's.
    pub field: usize,
}

/// The weight of a query token.
fn token_weight(t: &Token) -> u32 {
    match t {
        Token::Bigram(_) | Token::Word(_) => 4,
        Token::Char(_) => 1,
    }
}

/// Whether the folded text `hay` holds token `t`.
fn holds(hay: &str, t: &Token) -> bool {
    match t {
        Token::Bigram(s) => hay.contains(s.as_str()),
        Token::Char(c) => hay.contains(*c),
        Token::Word(w) => hay.match_indices(w.as_str()).any(|(i, _)| {
            !w.starts_with(|c: char| c.is_ascii_alphanumeric())
                || !hay[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
        }),
    }
}

/// `text` folded as the tokeniser folds it (full-width to ASCII, lower case).
fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// The documents matching `query`, best first.
pub fn rank(docs: &[Doc], query: &str) -> Vec<Hit> {
    let tokens = query_tokens(query);
    let phrase = folded(&query.split_whitespace().collect::<Vec<_>>().join(" "));
    let phrase = (tokens.len() >= 2).then_some(Token::Word(phrase));
    let mut hits: Vec<Hit> = docs
        .iter()
        .enumerate()
        .filter_map(|(d, doc)| {
            let texts: Vec<String> = doc.fields.iter().map(|f| folded(&f.text)).collect();
            let mut best = vec![0u32; tokens.len()];
            let mut bonus = 0;
            let mut field_scores = vec![0u32; doc.fields.len()];
            for (f, (field, text)) in doc.fields.iter().zip(&texts).enumerate() {
                let factor = field.weight.factor();
                for (t, token) in tokens.iter().enumerate() {
                    if holds(text, token) {
                        let s = token_weight(token) * factor;
                        best[t] = best[t].max(s);
                        field_scores[f] += s;
                    }
                }
                if phrase.as_ref().is_some_and(|p| holds(text, p)) {
                    bonus = bonus.max(8 * factor);
                    field_scores[f] += 8 * factor;
                }
            }
            let score = best.iter().sum::<u32>() + bonus;
            let field = (0..field_scores.len()).fold(0, |b, f| {
                if field_scores[f] > field_scores[b] {
                    f
                } else {
                    b
                }
            });
            (score > 0).then_some(Hit {
                doc: d,
                score,
                field,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(docs[b.doc].year.cmp(&docs[a.doc].year))
            .then(a.doc.cmp(&b.doc))
    });
    hits
}

#[cfg(test)]
mod tests;
