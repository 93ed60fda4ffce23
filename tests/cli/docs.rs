//! Integration tests: every complete record example in `docs/format.md` and in its Chinese
//! version `docs/format.zh.md` loads, and the two guides hold the same examples under the same
//! headings, so neither the documentation nor its translation can drift from the format.

use std::path::Path;

/// The record-format guides: the English one and its Chinese version.
const GUIDES: [&str; 2] = ["docs/format.md", "docs/format.zh.md"];

fn read_guide(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect(file)
}

/// The contents of every ```yaml block of a guide, in order.
fn yaml_blocks(file: &str) -> Vec<String> {
    let doc = read_guide(file);
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in doc.lines() {
        match (&mut block, line.trim_start()) {
            (None, l) if l.starts_with("```yaml") => block = Some(String::new()),
            (Some(b), "```") => {
                out.push(std::mem::take(b));
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

/// The ```yaml blocks of a guide that are whole records (they start a record's top-level
/// `year:` field).
fn record_examples(file: &str) -> Vec<String> {
    yaml_blocks(file)
        .into_iter()
        .filter(|b| b.lines().any(|l| l.starts_with("year: ")))
        .collect()
}

/// The `## ` and `### ` headings of a guide, outside fenced blocks.
fn headings(file: &str) -> Vec<String> {
    let doc = read_guide(file);
    let mut fenced = false;
    let mut out = Vec::new();
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && (line.starts_with("## ") || line.starts_with("### ")) {
            out.push(line.to_owned());
        }
    }
    out
}

#[test]
fn every_record_example_in_the_format_guide_loads() {
    for file in GUIDES {
        let examples = record_examples(file);
        assert!(
            examples.len() >= 4,
            "{file}: expected one complete example per section, found {}",
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
                panic!("{file}: example for {year} does not load:\n{d}\n---\n{text}");
            }
        }
    }
}

#[test]
fn the_chinese_format_guide_has_the_english_ones_examples_and_headings() {
    let [en, zh] = GUIDES;
    let (en_blocks, zh_blocks) = (yaml_blocks(en), yaml_blocks(zh));
    assert_eq!(
        en_blocks.len(),
        zh_blocks.len(),
        "{en} and {zh} differ in their number of ```yaml blocks"
    );
    for (i, (e, z)) in en_blocks.iter().zip(&zh_blocks).enumerate() {
        assert_eq!(
            e,
            z,
            "```yaml block {} of {zh} is not a copy of that of {en}",
            i + 1
        );
    }
    let (en_heads, zh_heads) = (headings(en), headings(zh));
    assert_eq!(
        en_heads.len(),
        zh_heads.len(),
        "{en} and {zh} differ in their number of `## `/`### ` headings:\n{en_heads:#?}\n{zh_heads:#?}"
    );
    // The same numbering (`## 8.`, `### 8.1` …), heading by heading.
    let number = |h: &String| h.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    for (e, z) in en_heads.iter().zip(&zh_heads) {
        assert_eq!(
            number(e),
            number(z),
            "{zh}: heading `{z}` stands where {en} has `{e}`"
        );
    }
}
