//! The streaming build (one unit at a time, pages over many units from per-unit summaries)
//! writes exactly the files the in-memory build renders from the whole corpus
//! (`render_site`, used by `archive` and `diff`), byte for byte: on the example content, the
//! comparison fixture (three units over four years) and a synthetic corpus, under both
//! profiles, with and without a sitemap. `check` streams the same way and reports the same.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gongkai::model::Profile;
use gongkai::{BuildOptions, Verbosity};

use crate::support::{age, example_project, files, fixture, root};

fn options(content: &Path, output: &Path, profile: Profile) -> BuildOptions {
    BuildOptions {
        content: content.to_path_buf(),
        output: output.to_path_buf(),
        theme: None,
        profile: Some(profile),
        strict: false,
        epoch: gongkai::epoch::Epoch::parse("1700000000").ok(),
    }
}

/// Streams `content` into a fresh folder and renders it in memory; asserts the same files.
fn assert_same(content: &Path) {
    for profile in [Profile::Public, Profile::Internal] {
        let out = tempfile::tempdir().expect("temp dir");
        let output = out.path().join("site");
        let opts = options(content, &output, profile);
        let built = gongkai::build_with(&opts, Verbosity::Quiet).expect("builds");
        assert!(built.written);
        let mut streamed = files(&output);
        streamed.retain(|p, _| !p.starts_with(".gongkai-"));
        let in_memory: BTreeMap<String, Vec<u8>> = gongkai::render_site(&opts)
            .expect("renders")
            .expect("not strict")
            .files
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect();
        assert_eq!(
            streamed.keys().collect::<Vec<_>>(),
            in_memory.keys().collect::<Vec<_>>(),
            "{}: other files ({profile:?})",
            content.display()
        );
        let differing: Vec<&String> = streamed
            .iter()
            .filter(|(p, v)| in_memory[*p] != **v)
            .map(|(p, _)| p)
            .collect();
        assert!(
            differing.is_empty(),
            "{}: streamed files differ ({profile:?}): {differing:?}",
            content.display()
        );
    }
}

/// A copy of `content` in a temporary folder, with `extra` appended to its `_site.yaml`.
fn copy_with_site_lines(content: &Path, extra: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("content");
    for (rel, bytes) in files(content) {
        let path = to.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let mut bytes = bytes;
        if rel == "_site.yaml" {
            bytes.extend_from_slice(extra.as_bytes());
        }
        std::fs::write(path, bytes).expect("copy");
    }
    (dir, to)
}

#[test]
fn the_example_site_streams_to_the_same_bytes() {
    assert_same(&root().join("content"));
}

#[test]
fn the_comparison_fixture_streams_to_the_same_bytes_with_a_sitemap() {
    let content = fixture("sites/compare/content");
    assert_same(&content);
    let (_dir, with_url) = copy_with_site_lines(&content, "base_url: https://example.gov.cn/\n");
    assert_same(&with_url);
}

#[test]
fn a_synthetic_corpus_of_more_than_one_chunk_streams_to_the_same_bytes() {
    // 70 units: more than one chunk of units (64), so the search pages of two chunks meet.
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    let opts = gongkai::synth::Options {
        records: 140,
        seed: 7,
        years: 2,
    };
    gongkai::synth::generate(opts, |rel, text| {
        let path = content.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent"))?;
        std::fs::write(path, text)
    })
    .expect("generates");
    assert_same(&content);
}

#[test]
fn checking_one_unit_at_a_time_finds_what_checking_the_corpus_finds() {
    for content in [root().join("content"), fixture("sites/compare/content")] {
        let corpus = gongkai::load(&content).expect("loads");
        let whole = gongkai::check(&corpus, &gongkai::score_corpus(&corpus));
        let streamed = gongkai::check_content(&content).expect("checks");
        assert!(!whole.findings.is_empty(), "{}", content.display());
        assert_eq!(streamed.report.findings, whole.findings);
        assert_eq!(
            streamed.report.to_human_named(&streamed.names),
            whole.to_human(&corpus)
        );
    }
}

#[test]
fn checking_one_unit_at_a_time_reports_every_diagnostic_of_invalid_content() {
    let dir = fixture("invalid");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let content = entry.expect("entry").path().join("content");
        if !content.is_dir() {
            continue;
        }
        let whole = gongkai::load(&content).err().map(|e| e.to_string());
        let streamed = gongkai::check_content(&content)
            .err()
            .map(|e| e.to_string());
        assert_eq!(streamed, whole, "{}", content.display());
        cases += 1;
    }
    assert!(cases > 5, "the invalid fixtures are there");
}

#[test]
fn a_file_system_without_hard_links_renders_what_it_cannot_take_over() {
    // Content last modified an hour ago, so that the second build tries to take every unit
    // over without loading it; every link is refused, so each unit is loaded and rendered.
    let (_dir, path) = example_project(false);
    let content = path.join("content");
    age(&content);
    let output = path.join("site");
    let opts = options(&content, &output, Profile::Public);
    let first = gongkai::build_with(&opts, Verbosity::Quiet).expect("builds");
    let before = files(&output);
    let linked = gongkai::build_with(&opts, Verbosity::Quiet).expect("builds again");
    assert_eq!((linked.rendered, linked.reused), (0, first.files));
    let refused = gongkai::build_with_fault(&opts, Verbosity::Quiet, gongkai::Fault::NoLinks)
        .expect("builds without links");
    assert_eq!((refused.rendered, refused.reused), (first.files, 0));
    assert_eq!(files(&output), before);
}
