//! Integration tests: every complete record example in `docs/format.md` loads, so the
//! documentation cannot drift from the format.

use std::path::Path;

/// The ```yaml blocks of the format guide that are whole records (they start a record's
/// top-level `year:` field).
fn record_examples() -> Vec<String> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md"))
        .expect("docs/format.md");
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in doc.lines() {
        match (&mut block, line.trim_start()) {
            (None, l) if l.starts_with("```yaml") => block = Some(String::new()),
            (Some(b), "```") => {
                if b.lines().any(|l| l.starts_with("year: ")) {
                    out.push(std::mem::take(b));
                }
                block = None;
            }
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_record_example_in_the_format_guide_loads() {
    let examples = record_examples();
    assert!(
        examples.len() >= 4,
        "expected one complete example per section, found {}",
        examples.len()
    );
    for text in examples {
        let year = text
            .lines()
            .find_map(|l| l.strip_prefix("year: "))
            .map(str::trim)
            .expect("year line");
        let path = format!("content/example/{year}.yaml");
        if let Err(d) = gongkai::parse_record(&path, text.as_bytes()) {
            panic!("example for {year} does not load:\n{d}\n---\n{text}");
        }
    }
}
