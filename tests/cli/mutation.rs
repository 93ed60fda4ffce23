//! Issue 15, mutated records: an example record with lines deleted, duplicated or swapped,
//! values replaced by edge cases (zero, huge, negative, empty, null, a list, an alias) or bytes
//! flipped goes through the whole build in memory (load, score, audit, render, internal
//! profile). It may be refused, with diagnostics naming the file; it never panics.
//!
//! `errors/robustness.rs` covers every truncation and hostile bytes at the parser; the fuzz
//! target (`fuzz/`) covers arbitrary bytes there too. This reaches the later stages, which only
//! see records that parse.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use proptest::prelude::*;

use crate::support::root;

/// The records mutated: each with its unit file (and narratives, which join it).
const RECORDS: [&str; 4] = [
    "qingling/2023",
    "ronghua/2022",
    "huanghelou/2021",
    "huashan/2020",
];

/// Values a mutation puts after a key's `: `.
const EDGE_VALUES: [&str; 24] = [
    "0",
    "-0",
    "-1",
    "0.00",
    "9999999999999999999999999999",
    "-9999999999999999999999999999",
    "0.0000000000000000000000000001",
    "1,000,000.5",
    "0%",
    "-100%",
    "100000000000%",
    "~",
    "\"\"",
    "[]",
    "{}",
    "[~, ~]",
    "≥",
    "≥0%",
    "不发生",
    "1949",
    "2199",
    "&a x",
    "*a",
    "(0分)",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    ReplaceValue(usize, usize),
    FlipByte(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Most weight on edge values: they keep the record parsing, so the later stages see them.
    prop_oneof![
        1 => any::<usize>().prop_map(Mutation::DeleteLine),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        6 => (any::<usize>(), 0..EDGE_VALUES.len()).prop_map(|(l, v)| Mutation::ReplaceValue(l, v)),
        1 => (any::<usize>(), 1u8..=255).prop_map(|(at, x)| Mutation::FlipByte(at, x)),
    ]
}

/// `text` with `m` applied (line indices and offsets taken modulo the text's size).
fn apply(text: &[u8], m: &Mutation) -> Vec<u8> {
    if let Mutation::FlipByte(at, x) = *m {
        let mut bytes = text.to_vec();
        if !bytes.is_empty() {
            let at = at % bytes.len();
            bytes[at] ^= x;
        }
        return bytes;
    }
    let text = String::from_utf8_lossy(text);
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let n = lines.len().max(1);
    match *m {
        Mutation::DeleteLine(l) if !lines.is_empty() => {
            lines.remove(l % n);
        }
        Mutation::DuplicateLine(l) if !lines.is_empty() => {
            let line = lines[l % n].clone();
            lines.insert(l % n, line);
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
        Mutation::ReplaceValue(l, v) => {
            // The `l`-th line holding a `key: value`, with its value replaced.
            let keyed: Vec<usize> = (0..lines.len())
                .filter(|i| lines[*i].contains(": "))
                .collect();
            if let Some(&i) = keyed.get(l % keyed.len().max(1)) {
                let at = lines[i].find(": ").unwrap_or(0) + 2;
                lines[i].replace_range(at.., EDGE_VALUES[v]);
            }
        }
        _ => {}
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out.into_bytes()
}

/// Copies `_site.yaml` and the unit of `record` (its `_unit.yaml`, the record and its
/// narratives) into `content`, the record's bytes replaced by `bytes`.
fn write_content(content: &Path, record: &str, bytes: &[u8]) {
    let src = root().join("content");
    let (unit, _year) = record.split_once('/').expect("unit/year");
    std::fs::create_dir_all(content.join(unit)).expect("mkdir");
    std::fs::copy(src.join("_site.yaml"), content.join("_site.yaml")).expect("copy");
    let unit_file = format!("{unit}/_unit.yaml");
    std::fs::copy(src.join(&unit_file), content.join(&unit_file)).expect("copy");
    std::fs::write(content.join(format!("{record}.yaml")), bytes).expect("write");
    if let Ok(entries) = std::fs::read_dir(src.join(record)) {
        std::fs::create_dir_all(content.join(record)).expect("mkdir");
        for e in entries {
            let e = e.expect("entry");
            std::fs::copy(e.path(), content.join(record).join(e.file_name())).expect("copy");
        }
    }
}

proptest! {
    // About 0.1 s a case in a debug build: 48 cases keep this to a few seconds.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_mutated_example_record_is_built_or_refused_with_diagnostics_never_a_panic(
        which in 0..RECORDS.len(),
        mutations in proptest::collection::vec(mutation(), 1..3),
    ) {
        let record = RECORDS[which];
        let original = std::fs::read(root().join("content").join(format!("{record}.yaml")))
            .expect("the example record");
        let bytes = mutations.iter().fold(original, |text, m| apply(&text, m));
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("content");
        write_content(&content, record, &bytes);
        let opts = gongkai::BuildOptions {
            content: content.clone(),
            output: dir.path().join("output"),
            theme: None,
            profile: Some(gongkai::model::Profile::Internal),
            strict: false,
            epoch: None,
        };
        let built = catch_unwind(AssertUnwindSafe(|| gongkai::build_site_files(&opts)));
        let Ok(built) = built else {
            panic!("the build panicked on {record}.yaml after {mutations:?}");
        };
        if let Err(e) = built {
            let message = e.to_string();
            prop_assert!(
                message.contains(&format!("{record}.yaml")) || message.contains("_unit.yaml"),
                "{record}.yaml after {mutations:?}: the error names no file:\n{message}"
            );
        }
    }
}
