//! `check` streams one unit at a time, as the build does, and reports what checking the whole
//! corpus reports. (The build has one path since issue 20: the streaming one; `archive` and
//! `diff` build through it into a temporary folder, so the in-memory build and the test that
//! compared it with the streaming one are gone.)

use std::path::Path;

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
