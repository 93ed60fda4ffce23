//! The search index and its files: postings sharded by token, one small file per page.
//!
//! In: the units and the [`Doc`]s of a corpus. Out: an [`Index`] (postings of every token, for
//! [`super::rank`]) and its JavaScript files, each loaded by a `<script>` tag (never `fetch`,
//! so the search works from `file://`):
//!
//! - `search/meta.js`: `window.GONGKAI_SEARCH_META = {years, units: [[id, name, [year, …]]],
//!   shards}`, all a query needs to filter and order the pages it finds: the records are
//!   listed in unit order, a unit's in the order of its years, and the `k`-th record's pages
//!   are numbered `2k` (its unit-year page) and `2k + 1` (its 决算 page, when it has one; see
//!   [`PAGES_PER_RECORD`]);
//! - `search/t/<k>.js`: shard `k` of the postings, `{token: postings}`, where a token is in
//!   shard [`shard_of`] (FNV-1a of its UTF-8 bytes, modulo `shards`), and postings are one
//!   number per page holding the token, `2 × d + title`: the page's number is the previous
//!   one's plus `d` (the first page's is `d - 1`), and `title` is 1 when a title field holds
//!   the token;
//! - `search/d/<n>.js`: page `n` as shown in a result (none for an absent page), `[title, href, [[factor, anchor, text],
//!   …]]`, loaded for the results shown only (the best field, the link's anchor and the
//!   snippet come from it).
//!
//! Each shard or page file adds itself to `window.GONGKAI_SEARCH_T` or `GONGKAI_SEARCH_D`.
//! Never: lets data end a script (all JSON goes through [`script_json`]), or depends on hash
//! order (maps are sorted, so the bytes are the same on every build).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::index::{Doc, PAGES_PER_RECORD, Weight, script_json};
use super::tokenize::for_each_key;

/// The path of the metadata file every search page loads first.
pub const META_PATH: &str = crate::plan::SEARCH_META_PATH;

/// The postings of one token while the index is built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    /// The last page added (`-1` before the first).
    last: i64,
    /// The encoded list (see the module documentation), each value as a LEB128 varint: the
    /// postings are most of the index's memory (58 million at 100,000 pages), and most values
    /// are small gaps that fit one byte.
    bytes: Vec<u8>,
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

/// How many shards an index of `records` unit-year records has: about one per eight records, a
/// power of two between 16 and 1024 (so a small site has few files and a shard of a large one
/// stays small).
pub fn shard_count(records: usize) -> usize {
    (records / 8).next_power_of_two().clamp(16, 1024)
}

/// The shard of `key` among `shards` (32-bit FNV-1a of its UTF-8 bytes; `search.js` computes
/// the same).
pub fn shard_of(key: &str, shards: usize) -> usize {
    let h = key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    usize::try_from(h).unwrap_or(0) % shards.max(1)
}

impl Postings {
    /// Appends one value.
    fn push(&mut self, mut v: u32) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// [`push`](Postings::push), for tests.
    #[cfg(test)]
    pub(super) fn push_for_tests(&mut self, v: u32) {
        self.push(v);
    }

    /// The values, in order.
    pub fn values(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.bytes.len());
        let mut v: u32 = 0;
        let mut shift = 0;
        for &b in &self.bytes {
            v |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                out.push(v);
                v = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
        out
    }
}

/// Decodes a posting list into `(page, title)`: the pages holding the token, and whether a
/// title field of the page holds it.
pub fn decode(list: &[u32]) -> Vec<(usize, bool)> {
    let mut doc: i64 = -1;
    list.iter()
        .map(|&x| {
            doc += i64::from(x / 2);
            (usize::try_from(doc).unwrap_or(0), x % 2 == 1)
        })
        .collect()
}

/// One posting: the gap to the previous page (at least 1) doubled, plus 1 when a title holds
/// the token.
fn encode(gap: i64, title: bool) -> u32 {
    u32::try_from(2 * gap + i64::from(title)).unwrap_or(u32::MAX)
}

/// How many token ids [`Index::build`] keeps for texts it has seen (about 32 MB).
const MEMO: usize = 1_000_000;

/// Token ids while an index is built (a cache only: the files are written from sorted maps).
#[derive(Default)]
struct Vocab {
    ids: HashMap<String, usize>,
    lists: Vec<Postings>,
}

impl Vocab {
    /// The distinct token ids of `text`, each key allocated once per index.
    fn ids(&mut self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for_each_key(text, |key| {
            let id = match self.ids.get(key) {
                Some(&id) => id,
                None => {
                    self.ids.insert(key.to_owned(), self.lists.len());
                    self.lists.push(Postings {
                        last: -1,
                        bytes: Vec::new(),
                    });
                    self.lists.len() - 1
                }
            };
            out.push(id);
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// An index built one page at a time, in page order: the streaming build adds each unit's
/// pages as it renders them and keeps only the postings (and each page's unit and year).
pub struct Builder {
    units: Vec<(String, String)>,
    count: usize,
    vocab: Vocab,
    /// The token ids of each distinct field text (names and goals repeat from year to year),
    /// emptied when it holds more than MEMO ids, so memory stays bounded on any site.
    memo: HashMap<String, Vec<usize>>,
    memo_ids: usize,
    /// Per token id: the last page that held it (plus one) and whether in a title there.
    mark: Vec<(usize, bool)>,
    touched: Vec<usize>,
    docs: Vec<Doc>,
}

impl Builder {
    /// An empty index for the pages of `records` records of `units` (`(id, name)`; a page's
    /// `unit` indexes it).
    pub fn new(units: Vec<(String, String)>, records: usize) -> Builder {
        Builder {
            units,
            count: shard_count(records),
            vocab: Vocab::default(),
            memo: HashMap::new(),
            memo_ids: 0,
            mark: Vec::new(),
            touched: Vec::new(),
            docs: Vec::new(),
        }
    }

    /// Adds the next page. With `keep_text` false its title, link and fields are dropped once
    /// indexed (the caller has written its result file with [`doc_js`]).
    pub fn add(&mut self, mut doc: Doc, keep_text: bool) {
        let n = self.docs.len();
        self.touched.clear();
        for field in &doc.fields {
            let title = field.weight == Weight::Title;
            if self.memo_ids > MEMO {
                self.memo.clear();
                self.memo_ids = 0;
            }
            let ids = match self.memo.get(field.text.as_str()) {
                Some(ids) => ids,
                None => {
                    let ids = self.vocab.ids(&field.text);
                    self.memo_ids += ids.len();
                    self.memo.entry(field.text.clone()).or_insert(ids)
                }
            };
            self.mark.resize(self.vocab.lists.len(), (0, false));
            for &id in ids {
                if self.mark[id].0 != n + 1 {
                    self.mark[id] = (n + 1, title);
                    self.touched.push(id);
                } else {
                    self.mark[id].1 |= title;
                }
            }
        }
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        for &id in &self.touched {
            let p = &mut self.vocab.lists[id];
            p.push(encode(n - p.last, self.mark[id].1));
            p.last = n;
        }
        if !keep_text {
            doc.title = String::new();
            doc.href = String::new();
            doc.fields = Vec::new();
        }
        self.docs.push(doc);
    }

    /// The index.
    pub fn finish(mut self) -> Index {
        // What only indexing needed goes first: the memo alone may hold a million ids.
        drop(std::mem::take(&mut self.memo));
        drop(std::mem::take(&mut self.mark));
        let mut shards = vec![BTreeMap::<String, Postings>::new(); self.count];
        for (key, id) in self.vocab.ids {
            let p = std::mem::take(&mut self.vocab.lists[id]);
            shards[shard_of(&key, self.count)].insert(key, p);
        }
        Index {
            units: self.units,
            docs: self.docs,
            shards,
        }
    }
}

/// Postings rebuilt from a previous index: the pages kept from it, and pages indexed again.
/// An incremental build keeps the pages of the units it did not load (at the same numbers)
/// and adds those of the units it loaded; the result equals [`Builder`]'s over every page.
#[derive(Debug, Default)]
pub struct Patch {
    /// The previous postings, still encoded (about one byte a posting).
    old: HashMap<String, Postings>,
    /// The postings of the pages indexed again.
    new: HashMap<String, Vec<(u32, bool)>>,
}

impl Patch {
    /// The postings of the previous index's shard files (`search/t/<k>.js`, each as written
    /// by [`Index::shard_js`]); `None` when a text is not such a file.
    pub fn from_shards<'a>(shards: impl IntoIterator<Item = &'a str>) -> Option<Patch> {
        let mut old: HashMap<String, Postings> = HashMap::new();
        for text in shards {
            let json = text.split_once("]=")?.1.trim_end().strip_suffix(';')?;
            let map: BTreeMap<String, Vec<u32>> = serde_json::from_str(json).ok()?;
            for (key, list) in map {
                let mut p = Postings::default();
                for v in list {
                    p.push(v);
                }
                // A token stands in one shard only: a second list for it is not a shard file.
                if old.insert(key, p).is_some() {
                    return None;
                }
            }
        }
        Some(Patch {
            old,
            new: HashMap::new(),
        })
    }

    /// Indexes page `n` (not among the kept pages).
    pub fn add(&mut self, n: usize, doc: &Doc) {
        let mut held: BTreeMap<String, bool> = BTreeMap::new();
        for field in &doc.fields {
            let title = field.weight == Weight::Title;
            for_each_key(&field.text, |key| {
                *held.entry(key.to_owned()).or_insert(title) |= title;
            });
        }
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        for (key, title) in held {
            self.new.entry(key).or_default().push((n, title));
        }
    }

    /// The index of `docs` (each page's unit and year, [`PAGES_PER_RECORD`] per record; text is
    /// not needed): the previous postings of the pages `kept` accepts, and those of the pages
    /// added.
    pub fn finish(
        self,
        units: Vec<(String, String)>,
        docs: Vec<Doc>,
        kept: impl Fn(usize) -> bool,
    ) -> Index {
        let count = shard_count(docs.len() / PAGES_PER_RECORD);
        let mut lists = self.new;
        for (key, postings) in self.old {
            let list: Vec<(u32, bool)> = decode(&postings.values())
                .into_iter()
                .filter(|(d, _)| kept(*d))
                .map(|(d, title)| (u32::try_from(d).unwrap_or(u32::MAX), title))
                .collect();
            if !list.is_empty() {
                lists.entry(key).or_default().extend(list);
            }
        }
        let mut shards = vec![BTreeMap::<String, Postings>::new(); count];
        for (key, mut list) in lists {
            list.sort_unstable();
            let mut p = Postings {
                last: -1,
                bytes: Vec::with_capacity(list.len()),
            };
            for (doc, title) in list {
                let doc = i64::from(doc);
                p.push(encode(doc - p.last, title));
                p.last = doc;
            }
            shards[shard_of(&key, count)].insert(key, p);
        }
        Index {
            units,
            docs,
            shards,
        }
    }
}

impl Index {
    /// Indexes `docs`, given in unit order, [`PAGES_PER_RECORD`] per record (as
    /// [`super::docs`] returns them).
    pub fn build(units: Vec<(String, String)>, docs: Vec<Doc>) -> Index {
        let mut builder = Builder::new(units, docs.len() / PAGES_PER_RECORD);
        for doc in docs {
            builder.add(doc, true);
        }
        builder.finish()
    }

    /// The postings of `key`, if any page holds it.
    pub fn postings(&self, key: &str) -> Option<Vec<u32>> {
        let shard = self.shards.get(shard_of(key, self.shards.len()))?;
        shard.get(key).map(Postings::values)
    }

    /// `search/meta.js`.
    pub fn meta_js(&self) -> String {
        #[derive(Serialize)]
        struct Meta<'a> {
            years: Vec<u16>,
            units: Vec<(&'a str, &'a str, Vec<u16>)>,
            shards: usize,
        }
        // One entry per record: its pages share its unit and year.
        let records = || self.docs.iter().step_by(PAGES_PER_RECORD);
        let mut years: Vec<u16> = records().map(|d| d.year.get()).collect();
        years.sort_unstable();
        years.dedup();
        let mut units: Vec<(&str, &str, Vec<u16>)> = self
            .units
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str(), Vec::new()))
            .collect();
        for d in records() {
            if let Some(u) = units.get_mut(d.unit) {
                u.2.push(d.year.get());
            }
        }
        let meta = Meta {
            years,
            units,
            shards: self.shards.len(),
        };
        format!("window.GONGKAI_SEARCH_META={};\n", script_json(&meta))
    }

    /// `search/t/<k>.js` (an empty object for an empty or unknown shard).
    pub fn shard_js(&self, k: usize) -> String {
        let map: BTreeMap<&str, Vec<u32>> = self
            .shards
            .get(k)
            .into_iter()
            .flatten()
            .map(|(key, p)| (key.as_str(), p.values()))
            .collect();
        format!(
            "(window.GONGKAI_SEARCH_T=window.GONGKAI_SEARCH_T||{{}})[{k}]={};\n",
            script_json(&map)
        )
    }

    /// `search/d/<n>.js` (`null` for an unknown or absent page).
    pub fn doc_js(&self, n: usize) -> String {
        doc_js(n, self.docs.get(n).filter(|d| d.exists()))
    }

    /// Every index file, `(path, text)`, sorted by path.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![(META_PATH.to_owned(), self.meta_js())];
        files.extend((0..self.shards.len()).map(|k| (shard_path(k), self.shard_js(k))));
        let pages = self.docs.iter().enumerate().filter(|(_, d)| d.exists());
        files.extend(pages.map(|(n, _)| (doc_path(n), self.doc_js(n))));
        files.sort();
        files
    }
}

/// `search/d/<n>.js` of page `n` (`null` for none).
pub fn doc_js(n: usize, doc: Option<&Doc>) -> String {
    let doc = doc.map(|d| {
        let fields: Vec<(u32, &str, &str)> = d
            .fields
            .iter()
            .map(|f| (f.weight.factor(), f.anchor.as_str(), f.text.as_str()))
            .collect();
        (d.title.as_str(), d.href.as_str(), fields)
    });
    format!(
        "(window.GONGKAI_SEARCH_D=window.GONGKAI_SEARCH_D||{{}})[{n}]={};\n",
        script_json(&doc)
    )
}

/// The output path of shard `k`.
pub fn shard_path(k: usize) -> String {
    crate::plan::search_shard_path(k)
}

/// The output path of page `n`'s result file.
pub fn doc_path(n: usize) -> String {
    crate::plan::search_doc_path(n)
}
