//! Integration tests: charts.
//!
//! The chart module is private (`mod chart` in `src/lib.rs`), so its output is tested by unit
//! tests in `src/chart/tests/` (insta snapshots in `src/chart/tests/snapshots/`, XML
//! well-formedness with hostile labels, edge data, proptest). Tests that built pages contain
//! their charts belong here once the site stage calls the chart module.
