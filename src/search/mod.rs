//! Site search that works from `file://`: a build-time index loaded by `<script>` tags.
//!
//! In: the corpus and its scores. Out: the index ([`Index`], files by [`Index::files`]) and, for
//! tests and as the specification of `static/search.js`, the ranking ([`rank`]), computed from
//! the postings alone as the browser computes it. The browser script applies exactly these
//! rules; change both together.
//!
//! Ranking: the query is tokenised ([`tokenize::query_tokens`]); a document scores, for each
//! query token, the best of its fields that holds the token: token weight (bigram or word 4,
//! single character 1) × field weight (title 3, body 1). A field holding every token of the
//! query (two tokens or more) adds 8 × its field weight once. Highest score first, then the
//! later year, then corpus order. A bigram or character matches where it occurs; a word matches
//! at the start of a word (typing `202` finds `2023`, not `12023`).
//!
//! Never: reads or writes files (the pipeline writes what [`Index::files`] returns).

mod files;
mod index;
mod tokenize;

pub use files::{Index, META_PATH, Postings, decode, doc_path, shard_count, shard_of, shard_path};
pub use index::{Doc, Field, Weight, docs, script_json, units};
pub use tokenize::{MAX_WORD, Token, fold, index_keys, is_cjk, query_tokens, tokenize};

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

/// What one page has gathered while the postings of the query are read.
#[derive(Default)]
struct Acc {
    /// Per query token, the best score of a field holding it.
    best: Vec<u32>,
    /// Per field: (factor, score, how many query tokens it holds).
    fields: BTreeMap<usize, (u32, u32, usize)>,
}

/// The documents of `index` matching `query`, best first, computed from the postings only.
pub fn rank(index: &Index, query: &str) -> Vec<Hit> {
    let tokens = query_tokens(query);
    let mut acc: BTreeMap<usize, Acc> = BTreeMap::new();
    for (t, token) in tokens.iter().enumerate() {
        let Some(list) = index.postings(&token.key()) else {
            continue;
        };
        for (doc, fields) in decode(list) {
            let a = acc.entry(doc).or_insert_with(|| Acc {
                best: vec![0; tokens.len()],
                fields: BTreeMap::new(),
            });
            for (f, factor) in fields {
                let s = token_weight(token) * factor;
                a.best[t] = a.best[t].max(s);
                let e = a.fields.entry(f).or_insert((factor, 0, 0));
                e.1 += s;
                e.2 += 1;
            }
        }
    }
    let year = |d: usize| index.docs.get(d).map(|d| d.year.get()).unwrap_or(0);
    let mut hits: Vec<Hit> = acc
        .into_iter()
        .filter_map(|(doc, mut a)| {
            let mut bonus = 0;
            if tokens.len() >= 2 {
                for (factor, score, held) in a.fields.values_mut() {
                    if *held == tokens.len() {
                        bonus = bonus.max(8 * *factor);
                        *score += 8 * *factor;
                    }
                }
            }
            let score = a.best.iter().sum::<u32>() + bonus;
            let top = a.fields.values().map(|f| f.1).max().unwrap_or(0);
            let field = a.fields.iter().find(|(_, f)| f.1 == top).map(|(f, _)| *f)?;
            (score > 0).then_some(Hit { doc, score, field })
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
mod tests;
