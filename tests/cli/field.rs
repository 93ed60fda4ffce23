//! The field site (issue 16): real documents of other provinces and layouts, transcribed in
//! `tests/fixtures/sites/field/content/` (see its README). Every document builds; each
//! document's figures are pinned by a golden test in `field/<unit>.rs`, worked out by hand from
//! the document with the arithmetic in a comment.

mod beijing_wanping_huanwei;
mod wuzhou_junxiu;
mod wuzhou_nongchanpin;

use std::path::Path;

use gongkai::Finding;

use crate::support::{build_into_temp, files, fixture, load_site};

#[test]
fn every_field_document_loads_and_builds() {
    let corpus = load_site("field");
    assert!(!corpus.units.is_empty(), "the field site has units");
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    assert!(out.join("index.html").is_file());
}

/// The findings of one record of the field site.
pub(crate) fn findings(unit: &str, year: u16) -> Vec<Finding> {
    findings_in(&fixture("sites/field/content"), unit, year)
}

fn findings_in(content: &Path, unit: &str, year: u16) -> Vec<Finding> {
    gongkai::check_content(content)
        .expect("the field site loads")
        .report
        .findings
        .into_iter()
        .filter(|f| f.unit.as_str() == unit && f.year.get() == year)
        .collect()
}

/// The findings of one record after replacing `from` by `to` in its file (exactly once): shows
/// that a check runs on a figure, since the record as printed passes it.
pub(crate) fn findings_with(unit: &str, year: u16, from: &str, to: &str) -> Vec<Finding> {
    findings_with_all(unit, year, &[(from, to)])
}

/// [`findings_with`] with several replacements.
pub(crate) fn findings_with_all(unit: &str, year: u16, edits: &[(&str, &str)]) -> Vec<Finding> {
    let dir = tempfile::tempdir().expect("temp dir");
    let rel = format!("{unit}/{year}.yaml");
    for (path, bytes) in files(&fixture("sites/field/content")) {
        let dest = dir.path().join(&path);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        let mut text = String::from_utf8(bytes).expect("UTF-8");
        if path == rel {
            for (from, to) in edits {
                assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
                text = text.replace(from, to);
            }
        }
        std::fs::write(dest, text).expect("write");
    }
    findings_in(dir.path(), unit, year)
}

/// The codes and fields of findings, for exact assertions.
pub(crate) fn codes(f: &[Finding]) -> Vec<(&'static str, String)> {
    f.iter().map(|f| (f.code, f.field.clone())).collect()
}
