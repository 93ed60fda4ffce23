//! The search index and its files: postings sharded by token, one small file per page.
//!
//! In: the units and the [`Doc`]s of a corpus. Out: an [`Index`] (postings of every token, for
//! [`super::rank`]) and its JavaScript files, each loaded by a `<script>` tag (never `fetch`,
//! so the search works from `file://`):
//!
//! - `search/meta.js`: `window.GONGKAI_SEARCH_META = {years, units: [[id, name]], docs:
//!   [[unit, year]], shards}`, all a query needs to filter and order the pages it finds;
//! - `search/t/<k>.js`: shard `k` of the postings, `{token: postings}`, where a token is in
//!   shard [`shard_of`] (FNV-1a of its UTF-8 bytes, modulo `shards`), and postings are a flat
//!   list of numbers: a negative number `-d` starts the next page (its number is the previous
//!   page's plus `d`, the first page's is `d - 1`), followed by the codes `2 × field + title`
//!   of that page's fields holding the token;
//! - `search/d/<n>.js`: page `n` as shown in a result, `[title, href, [[anchor, text], …]]`
//!   (its fields in index order), loaded for the results shown only.
//!
//! Each shard or page file adds itself to `window.GONGKAI_SEARCH_T` or `GONGKAI_SEARCH_D`.
//! Never: lets data end a script (all JSON goes through [`script_json`]), or depends on hash
//! order (maps are sorted, so the bytes are the same on every build).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::index::{Doc, Weight, script_json};
use super::tokenize::index_keys;

/// The path of the metadata file every search page loads first.
pub const META_PATH: &str = "search/meta.js";

/// The postings of one token while the index is built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    /// The last page added (`-1` before the first).
    last: i64,
    /// The encoded list (see the module documentation).
    pub list: Vec<i64>,
}

/// A built index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    /// `(id, name)` of every unit; a page's `unit` indexes this.
    pub units: Vec<(String, String)>,
    /// The pages, in corpus order.
    pub docs: Vec<Doc>,
    /// Per shard, token → postings.
    pub shards: Vec<BTreeMap<String, Postings>>,
}

/// How many shards an index of `docs` pages has: about one per eight pages, a power of two
/// between 16 and 1024 (so a small site has few files and a shard of a large one stays small).
pub fn shard_count(docs: usize) -> usize {
    (docs / 8).next_power_of_two().clamp(16, 1024)
}

/// The shard of `key` among `shards` (32-bit FNV-1a of its UTF-8 bytes; `search.js` computes
/// the same).
pub fn shard_of(key: &str, shards: usize) -> usize {
    let h = key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    usize::try_from(h).unwrap_or(0) % shards.max(1)
}

/// The code of field `f` in a posting: `2f + 1` for a title field, `2f` for a body field.
fn code(f: usize, weight: Weight) -> i64 {
    let f = i64::try_from(f).unwrap_or(i64::MAX / 4);
    2 * f + i64::from(weight == Weight::Title)
}

/// Decodes a posting list into `(page, [(field, factor)])`.
pub fn decode(list: &[i64]) -> Vec<(usize, Vec<(usize, u32)>)> {
    let mut out: Vec<(usize, Vec<(usize, u32)>)> = Vec::new();
    let mut doc: i64 = -1;
    for &x in list {
        if x < 0 {
            doc -= x;
            out.push((usize::try_from(doc).unwrap_or(0), Vec::new()));
        } else if let Some((_, fields)) = out.last_mut() {
            let f = usize::try_from(x / 2).unwrap_or(0);
            let weight = if x % 2 == 1 {
                Weight::Title
            } else {
                Weight::Body
            };
            fields.push((f, weight.factor()));
        }
    }
    out
}

impl Index {
    /// Indexes `docs`.
    pub fn build(units: Vec<(String, String)>, docs: Vec<Doc>) -> Index {
        let count = shard_count(docs.len());
        let mut shards = vec![BTreeMap::<String, Postings>::new(); count];
        for (n, doc) in docs.iter().enumerate() {
            let mut codes: BTreeMap<String, Vec<i64>> = BTreeMap::new();
            for (f, field) in doc.fields.iter().enumerate() {
                let mut keys = BTreeSet::new();
                index_keys(&field.text, &mut keys);
                for key in keys {
                    codes.entry(key).or_default().push(code(f, field.weight));
                }
            }
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            for (key, fields) in codes {
                let shard = shard_of(&key, count);
                let p = shards[shard].entry(key).or_insert(Postings {
                    last: -1,
                    list: Vec::new(),
                });
                p.list.push(p.last - n);
                p.last = n;
                p.list.extend(fields);
            }
        }
        Index {
            units,
            docs,
            shards,
        }
    }

    /// The postings of `key`, if any page holds it.
    pub fn postings(&self, key: &str) -> Option<&[i64]> {
        let shard = self.shards.get(shard_of(key, self.shards.len()))?;
        shard.get(key).map(|p| p.list.as_slice())
    }

    /// `search/meta.js`.
    pub fn meta_js(&self) -> String {
        #[derive(Serialize)]
        struct Meta<'a> {
            years: Vec<u16>,
            units: Vec<(&'a str, &'a str)>,
            docs: Vec<(usize, u16)>,
            shards: usize,
        }
        let mut years: Vec<u16> = self.docs.iter().map(|d| d.year.get()).collect();
        years.sort_unstable();
        years.dedup();
        let meta = Meta {
            years,
            units: self
                .units
                .iter()
                .map(|(id, name)| (id.as_str(), name.as_str()))
                .collect(),
            docs: self.docs.iter().map(|d| (d.unit, d.year.get())).collect(),
            shards: self.shards.len(),
        };
        format!("window.GONGKAI_SEARCH_META={};\n", script_json(&meta))
    }

    /// `search/t/<k>.js` (an empty object for an empty or unknown shard).
    pub fn shard_js(&self, k: usize) -> String {
        let map: BTreeMap<&str, &[i64]> = self
            .shards
            .get(k)
            .into_iter()
            .flatten()
            .map(|(key, p)| (key.as_str(), p.list.as_slice()))
            .collect();
        format!(
            "(window.GONGKAI_SEARCH_T=window.GONGKAI_SEARCH_T||{{}})[{k}]={};\n",
            script_json(&map)
        )
    }

    /// `search/d/<n>.js` (`null` for an unknown page).
    pub fn doc_js(&self, n: usize) -> String {
        let doc = self.docs.get(n).map(|d| {
            let fields: Vec<(&str, &str)> = d
                .fields
                .iter()
                .map(|f| (f.anchor.as_str(), f.text.as_str()))
                .collect();
            (d.title.as_str(), d.href.as_str(), fields)
        });
        format!(
            "(window.GONGKAI_SEARCH_D=window.GONGKAI_SEARCH_D||{{}})[{n}]={};\n",
            script_json(&doc)
        )
    }

    /// Every index file, `(path, text)`, sorted by path.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![(META_PATH.to_owned(), self.meta_js())];
        files.extend((0..self.shards.len()).map(|k| (shard_path(k), self.shard_js(k))));
        files.extend((0..self.docs.len()).map(|n| (doc_path(n), self.doc_js(n))));
        files.sort();
        files
    }
}

/// The output path of shard `k`.
pub fn shard_path(k: usize) -> String {
    format!("search/t/{k}.js")
}

/// The output path of page `n`'s result file.
pub fn doc_path(n: usize) -> String {
    format!("search/d/{n}.js")
}
