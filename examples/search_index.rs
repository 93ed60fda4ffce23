//! Writes the search index of a synthetic site of 10,000 unit-years into a built site, and
//! prints its size against the HTML: `cargo run --release --example search_index -- <content>
//! <site>`. Used by `bench/search.sh`, which then times the first search in Chromium.
//!
//! The synthetic site is the example's five unit-year pages (four units) copied 2,000 times:
//! each unit under 200 names, each name over ten spans of four years (1984–2023), as in the
//! unit test `search::scale`. Never writes outside `<site>/search`.

use std::path::{Path, PathBuf};

use gongkai::search::{Index, PAGES_PER_RECORD, docs, synthetic_copies, units};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [content, site] = args.as_slice() else {
        return Err("usage: search_index <content dir> <built site dir>".into());
    };
    let corpus = gongkai::load(content)?;
    let scores = gongkai::score_corpus(&corpus);
    let example = docs(&corpus, &scores);
    let base = units(&corpus);
    let unit_year_html = bytes(site, &|p| is_unit_year_page(site, p));
    let example_index = bytes(&site.join("search"), &|_| true);
    let (all_units, all) = synthetic_copies(&base, &example, 200);
    let all_len = all.len();
    // Unit-years (records): each has PAGES_PER_RECORD page slots.
    let pages = all.len() / PAGES_PER_RECORD;
    let index = Index::build(all_units, all);
    let dir = site.join("search");
    std::fs::remove_dir_all(&dir)?;
    let mut total = 0;
    let mut largest_shard = 0;
    for (path, text) in index.files() {
        let out = site.join(&path);
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&out, &text)?;
        total += text.len();
        if path.starts_with("search/t/") {
            largest_shard = largest_shard.max(text.len());
        }
    }
    let html = unit_year_html * all_len as u64 / example.len().max(1) as u64;
    println!(
        "example: index {example_index} B, unit-year pages {unit_year_html} B\n\
         synthetic: {pages} unit-years, {} shards (largest {largest_shard} B), meta.js {} B, \
         index {total} B, unit-year pages {html} B (extrapolated), index / HTML {} %",
        index.shards.len(),
        index.meta_js().len(),
        total as u64 * 100 / html.max(1)
    );
    Ok(())
}

/// Whether `p` is a unit-year page (`units/<id>/<year>/index.html`).
fn is_unit_year_page(site: &Path, p: &Path) -> bool {
    let rel: Vec<String> = p
        .strip_prefix(site)
        .map(|r| r.iter().map(|c| c.to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    rel.len() == 4 && rel[0] == "units" && rel[3] == "index.html"
}

/// The bytes of the files under `dir` that `keep` accepts.
fn bytes(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            total += bytes(&p, keep);
        } else if keep(&p) {
            total += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    total
}
