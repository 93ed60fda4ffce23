//! The field site (issue 16): real documents of other provinces and layouts, transcribed in
//! `tests/fixtures/sites/field/content/` (see its README). Every document builds; each
//! document's figures are pinned by a golden test in `field/<unit>.rs`, worked out by hand from
//! the document with the arithmetic in a comment.

mod qingshen_fagaiju;
mod shouxian_pingfen;
mod yongde_minglang;

use gongkai::model::Dec;
use gongkai::{CorpusScores, Finding, check, score_corpus};

use crate::support::{build_into_temp, fixture, load_site};

#[test]
fn every_field_document_loads_and_builds() {
    let corpus = load_site("field");
    assert!(!corpus.units.is_empty(), "the field site has units");
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    assert!(out.join("index.html").is_file());
}

pub(crate) fn d(s: &str) -> Dec {
    Dec::parse(s).expect("decimal")
}

/// The field site's scores.
pub(crate) fn scores() -> CorpusScores {
    score_corpus(&load_site("field"))
}

/// `gongkai check`'s findings for one unit of the field site, as (code, field) pairs.
pub(crate) fn findings(unit: &str) -> Vec<(String, String)> {
    let corpus = load_site("field");
    let scores = score_corpus(&corpus);
    check(&corpus, &scores)
        .findings
        .into_iter()
        .filter(|f: &Finding| f.unit.as_str() == unit)
        .map(|f| (f.code.to_owned(), f.field))
        .collect()
}

/// A value's JSON form (`Basis` and friends are not public types).
pub(crate) fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .expect("serialisable")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The built page of one unit-year, as text.
pub(crate) fn page(unit: &str, year: u16) -> String {
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    std::fs::read_to_string(out.join(format!("units/{unit}/{year}/index.html"))).expect("page")
}
