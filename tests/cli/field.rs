//! The field site (issue 16): real documents of other provinces and layouts, transcribed in
//! `tests/fixtures/sites/field/content/` (see its README). Every document builds; each
//! document's figures are pinned by a golden test in `field/<unit>.rs`, worked out by hand from
//! the document with the arithmetic in a comment.

mod jinzhai_mabu;
mod wuhan_qingshan_jiaoyu;
mod wuzhou_shouru;

use crate::support::{build_into_temp, fixture, load_site};

#[test]
fn every_field_document_loads_and_builds() {
    let corpus = load_site("field");
    assert!(!corpus.units.is_empty(), "the field site has units");
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    assert!(out.join("index.html").is_file());
}
