//! Integration tests: the benchmark's synthetic corpus (`gongkai::synth`, `examples/synth.rs`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use gongkai::synth::{Options, Summary, generate};

/// Generates into memory: relative path → text.
fn in_memory(opts: Options) -> (Summary, BTreeMap<PathBuf, String>) {
    let mut files = BTreeMap::new();
    let summary = generate(opts, |path, text| {
        files.insert(path, text);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    (summary, files)
}

fn opts(records: usize, seed: u64) -> Options {
    Options {
        records,
        seed,
        years: 5,
    }
}

#[test]
fn the_same_seed_writes_the_same_files_byte_for_byte_and_another_seed_other_figures() {
    let (first, a) = in_memory(opts(12, 42));
    let (second, b) = in_memory(opts(12, 42));
    assert_eq!(first, second);
    assert_eq!(a, b);
    let (_, c) = in_memory(opts(12, 43));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        c.keys().collect::<Vec<_>>(),
        "the layout depends on N and years only"
    );
    assert_ne!(a, c, "the figures depend on the seed");
}

#[test]
fn units_and_years_match_the_peer_generator_for_the_same_n() {
    // gen_peer_sites.py: units = ceil(N / years), years from 2020, unit-major, stop at N.
    let (summary, files) = in_memory(opts(12, 42));
    assert_eq!((summary.units, summary.records), (3, 12));
    let records: Vec<String> = files
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n != "_unit.yaml" && n != "_site.yaml")
        })
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(records.len(), 12);
    assert_eq!(
        records.first().map(String::as_str),
        Some("u00001/2020.yaml")
    );
    assert_eq!(records.last().map(String::as_str), Some("u00003/2021.yaml"));
    let record = &files[&PathBuf::from("u00002/2023.yaml")];
    assert_eq!(
        record.matches("\n          weight: ").count(),
        30,
        "30 indicators"
    );
    assert_eq!(
        record.matches("\n    - code: ").count(),
        10,
        "10 function lines"
    );
    let narrative = &files[&PathBuf::from("u00002/2023/01-shuoming.md")];
    let chars = narrative.lines().nth(2).map_or(0, |l| l.chars().count());
    assert!((300..340).contains(&chars), "{chars} characters");
}

#[test]
fn the_generated_corpus_loads_and_check_finds_the_planted_slips_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = dir.path().join("content");
    let summary = generate(opts(40, 42), |rel, text| {
        let path = content.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent"))?;
        std::fs::write(path, text)
    })
    .expect("written");
    let corpus = match gongkai::load(&content) {
        Ok(corpus) => corpus,
        Err(e) => panic!("the synthetic corpus should load, but:\n{e}"),
    };
    assert_eq!(corpus.units.len(), summary.units);
    let scores = gongkai::score_corpus(&corpus);
    let report = gongkai::check(&corpus, &scores);
    assert!(!report.findings.is_empty(), "the planted slips are found");
    let planted = [
        "score.mismatch",
        "score.sum",
        "score.total",
        "accounts.completion",
    ];
    let other: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.code)
        .filter(|c| !planted.contains(c))
        .collect();
    assert!(other.is_empty(), "unplanted findings: {other:?}");
}
