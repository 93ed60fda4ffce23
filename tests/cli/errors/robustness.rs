//! Broken and hostile input: every truncation of a valid record, tabs, BOMs, bad UTF-8, deep
//! nesting, alias bombs and a 10 MB file. Each must give located diagnostics, never a panic,
//! and finish in well under a second.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use crate::support::fixture;

/// Parses `bytes` as a record, catching any panic; returns how long it took.
fn parse_without_panic(label: &str, bytes: &[u8]) -> Duration {
    let start = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| {
        gongkai::parse_record("content/qingling/2023.yaml", bytes)
    }));
    let took = start.elapsed();
    match result {
        Err(_) => panic!("parsing panicked on {label}"),
        Ok(Ok(_)) => {}
        Ok(Err(diags)) => {
            assert!(!diags.is_empty(), "{label}: an error without diagnostics");
            for d in diags.items() {
                assert!(
                    d.location.line >= 1 && d.location.col >= 1,
                    "{label}: unlocated {d}"
                );
            }
        }
    }
    took
}

#[test]
fn every_truncation_of_a_valid_record_fails_cleanly() {
    for year in ["2022", "2023"] {
        let path = fixture(&format!("sites/minimal/content/qingling/{year}.yaml"));
        let bytes = std::fs::read(&path).expect("fixture readable");
        let full = gongkai::parse_record(&format!("content/qingling/{year}.yaml"), &bytes);
        assert!(full.is_ok(), "the whole file parses: {:?}", full.err());
        for cut in 0..bytes.len() {
            let took = parse_without_panic(&format!("{year}.yaml cut at {cut}"), &bytes[..cut]);
            assert!(
                took < Duration::from_secs(1),
                "{year}.yaml cut at {cut} took {took:?}"
            );
        }
    }
}

#[test]
fn hostile_inputs_fail_fast_without_panicking() {
    let head = "year: 2023\namount_unit: 万元\ntemplate: hubei\n";
    let mut laughs = format!("{head}lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        let refs = vec![format!("*a{p}"); 9].join(", ");
        laughs.push_str(&format!("lol{i}: &a{i} [{refs}]\n"));
    }
    let many_aliases = format!(
        "{head}self_evaluation:\n  stated:\n    unmet: [&s lol, {}]\n",
        vec!["*s"; 5000].join(", ")
    );
    // 900 aliases of a 1000-item list: 900,000 replayed events, well past the replay budget.
    let replayed = format!(
        "{head}projects:\n  - {{name: a, stated: {{unmet: &s [{}]}}}}\n{}",
        vec!["lol"; 1000].join(", "),
        "  - {name: b, stated: {unmet: *s}}\n".repeat(900)
    );
    let mut big = head.as_bytes().to_vec();
    big.extend(std::iter::repeat_n(b'#', 10 * 1024 * 1024));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "tabs",
            format!("{head}self_evaluation:\n\tgoals:\n\t\t- name: x\n").into_bytes(),
        ),
        (
            "a BOM mid-file",
            format!("\u{feff}{head}\u{feff}x: 1\n").into_bytes(),
        ),
        (
            "invalid UTF-8",
            [head.as_bytes(), b"source: {title: \xff\xfe}\n"].concat(),
        ),
        (
            "a lone surrogate byte run",
            b"year: \xed\xa0\x80\n".to_vec(),
        ),
        ("10k open brackets", "[".repeat(10_000).into_bytes()),
        (
            "10k nested mappings",
            format!("{head}source: {}", "{a: ".repeat(10_000)).into_bytes(),
        ),
        (
            "10k block levels",
            (0..10_000)
                .map(|i| format!("{}- \n", " ".repeat(i % 200)))
                .collect::<String>()
                .into_bytes(),
        ),
        ("billion laughs", laughs.into_bytes()),
        ("an alias repeated 5000 times", many_aliases.into_bytes()),
        ("a list replayed 900 times", replayed.into_bytes()),
        ("a 10 MB file", big),
        ("NUL bytes", b"year: 2023\0\0\0\n".to_vec()),
        ("only a document marker", b"---\n...\n".to_vec()),
        ("two documents", format!("{head}---\n{head}").into_bytes()),
        (
            "a very long line",
            format!("{head}source: {{title: {}}}\n", "长".repeat(200_000)).into_bytes(),
        ),
    ];
    for (label, bytes) in cases {
        let took = parse_without_panic(label, &bytes);
        assert!(took < Duration::from_secs(1), "{label} took {took:?}");
    }
}
