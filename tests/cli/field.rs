//! The field site (issue 16): real documents of other provinces and layouts, transcribed in
//! `tests/fixtures/sites/field/content/` (see its README). Every document builds; each
//! document's figures are pinned by a golden test in `field/<unit>.rs`, worked out by hand from
//! the document with the arithmetic in a comment.

mod jinzhai_chagu;
mod langfang_shipin;

use gongkai::model::{Corpus, Dec};
use gongkai::{Finding, check, score_corpus};

use crate::support::{build_into_temp, fixture, load_site};

fn d(s: &str) -> Dec {
    Dec::parse(s).expect("decimal")
}

/// One field unit-year: the corpus of that unit alone, its record's scores and its findings.
fn field_checked(unit: &str, year: u16) -> (Corpus, gongkai::RecordScore, Vec<Finding>) {
    let mut corpus = load_site("field");
    corpus.units.retain(|u| u.id.as_str() == unit);
    let scores = score_corpus(&corpus);
    let findings: Vec<Finding> = check(&corpus, &scores)
        .findings
        .into_iter()
        .filter(|f| f.year.get() == year)
        .collect();
    let record = scores
        .records
        .into_iter()
        .find(|r| r.year.get() == year)
        .expect("the record");
    (corpus, record, findings)
}

#[test]
fn every_field_document_loads_and_builds() {
    let corpus = load_site("field");
    assert!(!corpus.units.is_empty(), "the field site has units");
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    assert!(out.join("index.html").is_file());
}
