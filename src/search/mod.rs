//! Site search that works from `file://`: a build-time index loaded by `<script>` tags.
//!
//! In: the corpus and its scores. Out: the index of its pages (each record's unit-year page and
//! its 决算 page, [`PAGES_PER_RECORD`]; [`Index`], files by [`Index::files`]) and, for
//! tests and as the specification of `static/search.js`, the ranking ([`rank`]), computed from
//! the postings alone as the browser computes it. The browser script applies exactly these
//! rules; change both together.
//!
//! Matching (issue 19): the query is tokenised ([`tokenize::query_tokens`]: a run of two CJK
//! characters or more as its bigrams only, a lone CJK character as that character, Latin and
//! digits as words), and a page is a result only if it holds **every** token of the query (in
//! any of its fields). So `办事处` finds the pages holding `办事` and `事处`, not those holding
//! only `办`; a one-character query (`办`) finds the pages holding that character. A bigram or
//! character matches where it occurs; a word matches at the start of a word (typing `202`
//! finds `2023`, not `12023`).
//!
//! Ranking: a result scores, for each query token, token weight (bigram or word 4, single
//! character 1) × field weight (title 3 if a title field holds the token, else body 1).
//! Highest score first, then the later year, then page order (so a record's page comes before
//! its 决算 page). Every result holds every token, so the count of results is the count of
//! pages holding the whole query's tokens.
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
pub use index::{
    Doc, Field, PAGES_PER_RECORD, Weight, doc_numbers, docs, script_json, unit_docs, units,
};
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

/// How many unit-year records the corpus has (the search pages are numbered
/// [`PAGES_PER_RECORD`] per record, and the shard count follows the records).
pub fn record_count(corpus: &Corpus) -> usize {
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

/// The documents of `index` matching `query` (holding every one of its tokens), best first,
/// from the postings alone, as the browser computes them (the field a shown result links to is
/// [`best_field`]).
pub fn rank(index: &Index, query: &str) -> Vec<Hit> {
    let tokens = query_tokens(query);
    // Per page: the score of the tokens it holds and how many it holds.
    let mut acc: BTreeMap<usize, (u32, usize)> = BTreeMap::new();
    for token in &tokens {
        let Some(list) = index.postings(&token.key()) else {
            // No page holds this token, so no page holds them all.
            return Vec::new();
        };
        for (doc, title) in decode(&list) {
            let a = acc.entry(doc).or_insert((0, 0));
            a.0 += token_weight(token) * if title { 3 } else { 1 };
            a.1 += 1;
        }
    }
    let year = |d: usize| index.docs.get(d).map(|d| d.year.get()).unwrap_or(0);
    let mut hits: Vec<Hit> = acc
        .into_iter()
        .filter(|(_, (_, held))| *held == tokens.len())
        .map(|(doc, (score, _))| Hit { doc, score })
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
