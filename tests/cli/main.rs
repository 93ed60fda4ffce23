//! The integration test crate: one module per feature, fixtures under `tests/fixtures/`.
//! See `tests/README.md` for how to add a test.

mod support;

mod a11y;
mod accounts;
mod archive;
mod browser;
mod charts;
mod check_cmd;
mod compare;
mod determinism;
mod docs;
mod downloads;
mod errors;
mod facts;
mod field;
mod field_paths;
mod funds;
mod honest;
mod import;
mod incremental;
mod juesuan;
mod juesuan_tables;
mod mixed_units;
mod mutation;
mod new_cmd;
mod output;
mod partial;
#[cfg(target_os = "linux")]
mod race;
mod rank;
mod render;
mod review;
mod schema;
mod scoring;
mod search;
mod serve;
mod site;
mod streaming;
mod synth;
mod targets_page;
mod xlsx;
mod xss;
