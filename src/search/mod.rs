//! Site search that works from `file://`: a build-time index loaded by `<script>` tags.
//!
//! In: the corpus and its scores. Out: the index ([`Index`], files by [`Index::files`]) and, for
//! tests and as the specification of `static/search.js`, the ranking ([`rank`]), computed from
//! the postings alone as the browser computes it. The browser script applies exactly these
//! rules; change both together.
//!
//! Ranking: the query is tokenised ([`tokenize::query_tokens`]); a document scores, for each
//! query token it holds, token weight (bigram or word 4, single character 1) × field weight
//! (title 3 if a title field holds the token, else body 1). A document holding every token of a
//! query of two tokens or more adds 8 × (3 if title fields hold them all, else 1). Highest
//! score first, then the later year, then corpus order. A bigram or character matches where it
//! occurs; a word matches at the start of a word (typing `202` finds `2023`, not `12023`).
//!
//! The result links to its best field ([`best_field`], from the page's text, loaded for the
//! results shown only): the field whose held tokens weigh most (token weight × field weight),
//! plus 8 × field weight if it holds the whole query as typed; the first such field.
//!
//! Never: reads or writes files (the pipeline writes what [`Index::files`] returns).

mod files;
mod index;
mod synthetic;
mod tokenize;

pub use files::{
    Builder, Index, META_PATH, Patch, Postings, decode, doc_js, doc_path, shard_count, shard_of,
    shard_path,
};
pub use index::{Doc, Field, Weight, docs, script_json, unit_docs, units};
pub use synthetic::synthetic_copies;
pub use tokenize::{
    MAX_WORD, Token, fold, for_each_key, index_keys, is_cjk, query_tokens, tokenize,
};

use std::collections::BTreeMap;

use crate::model::Corpus;
use crate::score::CorpusScores;

/// The index of a corpus.
pub fn index(corpus: &Corpus, scores: &CorpusScores) -> Index {
    Index::build(units(corpus), docs(corpus, scores))
}

/// Every index file of the corpus, `(path, text)`, sorted by path.
pub fn index_files(corpus: &Corpus, scores: &CorpusScores) -> Vec<(String, String)> {
    index(corpus, scores).files()
}

/// How many search documents (unit-year pages) the corpus has, without building them.
pub fn doc_count(corpus: &Corpus) -> usize {
    corpus.units.iter().map(|u| u.records.len()).sum()
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the documents.
    pub doc: usize,
    /// The score (see the module documentation).
    pub score: u32,
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

/// The field a result links to and quotes (see the module documentation).
pub fn best_field(doc: &Doc, query: &str) -> usize {
    let tokens = query_tokens(query);
    let phrase: String = query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(fold)
        .collect();
    let phrase = (tokens.len() >= 2).then_some(Token::Word(phrase));
    let mut best = (0, 0);
    for (f, field) in doc.fields.iter().enumerate() {
        let text: String = field.text.chars().map(fold).collect();
        let factor = field.weight.factor();
        let mut score: u32 = tokens
            .iter()
            .filter(|t| holds(&text, t))
            .map(|t| token_weight(t) * factor)
            .sum();
        if phrase.as_ref().is_some_and(|p| holds(&text, p)) {
            score += 8 * factor;
        }
        if score > best.1 {
            best = (f, score);
        }
    }
    best.0
}

/// The documents of `index` matching `query`, best first, from the postings alone, as the
/// browser computes them (the field a shown result links to is [`best_field`]).
pub fn rank(index: &Index, query: &str) -> Vec<Hit> {
    let tokens = query_tokens(query);
    // Per page: the score of the tokens it holds, how many it holds, whether all in titles.
    let mut acc: BTreeMap<usize, (u32, usize, bool)> = BTreeMap::new();
    for token in &tokens {
        let Some(list) = index.postings(&token.key()) else {
            continue;
        };
        for (doc, title) in decode(&list) {
            let a = acc.entry(doc).or_insert((0, 0, true));
            a.0 += token_weight(token) * if title { 3 } else { 1 };
            a.1 += 1;
            a.2 &= title;
        }
    }
    let year = |d: usize| index.docs.get(d).map(|d| d.year.get()).unwrap_or(0);
    let mut hits: Vec<Hit> = acc
        .into_iter()
        .map(|(doc, (score, held, titles))| {
            let bonus = if tokens.len() >= 2 && held == tokens.len() {
                if titles { 24 } else { 8 }
            } else {
                0
            };
            Hit {
                doc,
                score: score + bonus,
            }
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(year(b.doc).cmp(&year(a.doc)))
            .then(a.doc.cmp(&b.doc))
    });
    hits
}

#[cfg(test)]
mod scale;
#[cfg(test)]
mod tests;
