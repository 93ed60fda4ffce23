//! Feeds arbitrary bytes to the record parser: it must return diagnostics, never panic, and
//! every diagnostic must have a line and column.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(diags) = gongkai::parse_record("content/fuzz/2023.yaml", data) {
        for d in diags.items() {
            assert!(d.location.line >= 1 && d.location.col >= 1, "unlocated: {d}");
        }
    }
});
