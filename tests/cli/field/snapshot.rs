//! The reviewed snapshot of `gongkai check --format json` over the field site.
//!
//! `tests/fixtures/sites/field/check.reviewed` holds every finding the field site gives, one
//! compact JSON object per line exactly as `check --format json` prints it, each preceded by a
//! `# ` line that says why the finding is right: the true inconsistency in the document, or why
//! the rule fires. The test fails when a finding is added, lost or altered, and when a finding
//! has no review line. On a failure it writes `check.reviewed.new` beside the snapshot, keeping
//! the review of every finding that is unchanged and marking the others `# UNREVIEWED`, so a
//! reviewer can compare, write the reasons and move it over the snapshot.

use std::path::Path;

/// The marker a finding without a review carries in `check.reviewed.new`.
const UNREVIEWED: &str = "UNREVIEWED";

/// One finding of the snapshot: its review and its JSON line.
#[derive(Debug, Clone, PartialEq)]
struct Reviewed {
    why: String,
    json: String,
}

/// Reads the snapshot file: `# why` lines, each followed by one JSON line; blank lines and a
/// leading comment block (lines starting `##`) are ignored.
fn parse(text: &str) -> Result<Vec<Reviewed>, String> {
    let mut out = Vec::new();
    let mut why: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("##") {
            continue;
        }
        if let Some(reason) = line.strip_prefix("# ") {
            if why.is_some() {
                return Err(format!("line {}: two review lines in a row", n + 1));
            }
            why = Some(reason.trim().to_owned());
        } else if line.starts_with('{') {
            let Some(reason) = why.take() else {
                return Err(format!("line {}: a finding without a review line", n + 1));
            };
            out.push(Reviewed {
                why: reason,
                json: line.to_owned(),
            });
        } else {
            return Err(format!("line {}: neither a review nor a finding", n + 1));
        }
    }
    match why {
        Some(_) => Err("the file ends with a review line and no finding".to_owned()),
        None => Ok(out),
    }
}

/// The findings `check --format json` prints for the field site, as compact JSON lines.
fn current_findings(root: &Path) -> Vec<String> {
    let out = crate::support::gongkai()
        .expect("binary builds")
        .current_dir(root)
        .args([
            "check",
            "--format",
            "json",
            "--content",
            "tests/fixtures/sites/field/content",
        ])
        .output()
        .expect("gongkai runs");
    assert!(
        out.status.success(),
        "check fails on the field site: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    v["findings"]
        .as_array()
        .expect("a findings array")
        .iter()
        .map(|f| serde_json::to_string(f).expect("serialises"))
        .collect()
}

/// The snapshot a reviewer should look at: the reviews of unchanged findings kept.
fn proposal(old: &[Reviewed], current: &[String]) -> String {
    let mut text = String::from(HEADER);
    for json in current {
        let why = old
            .iter()
            .find(|r| &r.json == json)
            .map_or(UNREVIEWED, |r| r.why.as_str());
        text.push_str(&format!("# {why}\n{json}\n"));
    }
    text
}

const HEADER: &str = "## Every finding of `gongkai check --format json` over the field site, each \
after a line saying why it is right.\n## Checked by tests/cli/field/snapshot.rs; see its doc comment.\n";

#[test]
fn every_finding_of_the_field_site_is_reviewed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("tests/fixtures/sites/field/check.reviewed");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let old = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let current = current_findings(root);
    let unreviewed: Vec<&Reviewed> = old
        .iter()
        .filter(|r| r.why.is_empty() || r.why.contains(UNREVIEWED))
        .collect();
    let pinned: Vec<&String> = old.iter().map(|r| &r.json).collect();
    let same = pinned.len() == current.len() && pinned.iter().zip(&current).all(|(a, b)| *a == b);
    if !same || !unreviewed.is_empty() {
        let new = path.with_extension("reviewed.new");
        std::fs::write(&new, proposal(&old, &current)).expect("writes the proposal");
        panic!(
            "the field site's findings differ from the reviewed snapshot ({} pinned, {} now, {} \
             without a review); compare {} with {}, review each finding and move it over",
            pinned.len(),
            current.len(),
            unreviewed.len(),
            new.display(),
            path.display()
        );
    }
}

#[test]
fn the_snapshot_reader_refuses_a_finding_without_a_review() {
    assert!(parse("{\"code\":\"x\"}\n").is_err());
    assert!(parse("# a\n# b\n{}\n").is_err());
    assert!(parse("# why\n").is_err());
    assert!(parse("stray\n").is_err());
    assert_eq!(
        parse("## header\n\n# true: 1 + 1 ≠ 3\n{\"code\":\"x\"}\n"),
        Ok(vec![Reviewed {
            why: "true: 1 + 1 ≠ 3".into(),
            json: "{\"code\":\"x\"}".into()
        }])
    );
}

#[test]
fn a_proposal_keeps_reviews_of_unchanged_findings_only() {
    let old = vec![Reviewed {
        why: "kept".into(),
        json: "{\"a\":1}".into(),
    }];
    let text = proposal(&old, &["{\"a\":1}".into(), "{\"b\":2}".into()]);
    assert!(
        text.ends_with("# kept\n{\"a\":1}\n# UNREVIEWED\n{\"b\":2}\n"),
        "{text}"
    );
}
