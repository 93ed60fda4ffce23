//! Issue 18: the JSON Schemas in `docs/schema/` are what an editor checks a record against
//! while one types (`# yaml-language-server: $schema=…`). An independent validator (Python's
//! `jsonschema`, draft 2020-12) must accept every record, `_unit.yaml` and `_site.yaml` of the
//! example and field sites and reject a record with a misspelt key, a wrong value and a
//! misplaced type: a schema that accepts everything, or refuses the real files, fails here.

use std::path::{Path, PathBuf};

use crate::support::root;

/// Every content file of the example and fixture sites, with the schema that applies.
fn content_files() -> Vec<(PathBuf, &'static str)> {
    let mut dirs = vec![root().join("content")];
    let sites = root().join("tests/fixtures/sites");
    for entry in std::fs::read_dir(&sites).expect("fixture sites") {
        let content = entry.expect("entry").path().join("content");
        if content.is_dir() {
            dirs.push(content);
        }
    }
    let mut out = Vec::new();
    for dir in dirs {
        for entry in walk(&dir) {
            let name = entry
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let schema = match name {
                "_site.yaml" => "site.schema.json",
                "_unit.yaml" => "unit.schema.json",
                n if n.ends_with(".yaml") && n[..n.len() - 5].parse::<u16>().is_ok() => {
                    "record.schema.json"
                }
                _ => continue,
            };
            out.push((entry, schema));
        }
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a content folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// YAML to JSON as the loader reads it (one document, keys in order).
fn to_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("a content file");
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Validates each (label, instance, schema file) with Python's `jsonschema`; returns each
/// instance's errors (empty when valid), in order.
fn validate(items: &[(String, serde_json::Value, &str)]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let list: Vec<serde_json::Value> = items
        .iter()
        .map(|(label, instance, schema)| {
            serde_json::json!({
                "label": label,
                "instance": instance,
                "schema": root().join("docs/schema").join(schema).to_string_lossy(),
            })
        })
        .collect();
    let input = dir.path().join("items.json");
    std::fs::write(&input, serde_json::to_vec(&list).expect("json")).expect("write");
    const SCRIPT: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
items = json.load(open(sys.argv[1], encoding="utf-8"))
schemas = {}
out = []
for item in items:
    path = item["schema"]
    if path not in schemas:
        schema = json.load(open(path, encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        schemas[path] = Draft202012Validator(schema)
    errors = sorted(schemas[path].iter_errors(item["instance"]), key=lambda e: list(e.absolute_path))
    out.append(["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors])
json.dump(out, sys.stdout, ensure_ascii=False)
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&input)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the validator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the validator's answer")
}

#[cfg_attr(
    gongkai_no_jsonschema,
    ignore = "python3 cannot import jsonschema (pip install jsonschema)"
)]
#[test]
fn issue18_an_independent_validator_accepts_every_content_file_against_the_committed_schemas() {
    let files = content_files();
    assert!(
        files.len() > 30,
        "the example and field sites: {}",
        files.len()
    );
    let items: Vec<(String, serde_json::Value, &str)> = files
        .iter()
        .map(|(path, schema)| (path.display().to_string(), to_json(path), *schema))
        .collect();
    let results = validate(&items);
    let bad: Vec<String> = items
        .iter()
        .zip(&results)
        .filter(|(_, errors)| !errors.is_empty())
        .map(|((label, _, _), errors)| format!("{label}: {}", errors.join("; ")))
        .collect();
    assert!(bad.is_empty(), "rejected:\n{}", bad.join("\n"));
}

#[cfg_attr(
    gongkai_no_jsonschema,
    ignore = "python3 cannot import jsonschema (pip install jsonschema)"
)]
#[test]
fn issue18_the_schema_rejects_what_the_loader_rejects() {
    let record = |yaml: &str| -> serde_json::Value { serde_saphyr::from_str(yaml).expect("yaml") };
    let good = "year: 2023\namount_unit: 万元\ntemplate: hubei\n";
    let cases = [
        ("good", good.to_owned()),
        ("misspelt key", format!("{good}yaer: 2023\n")),
        ("unknown template", good.replace("hubei", "nosuch")),
        (
            "a text where an amount goes",
            format!("{good}final_accounts:\n  income:\n    total: 很多\n"),
        ),
    ];
    let items: Vec<(String, serde_json::Value, &str)> = cases
        .iter()
        .map(|(label, yaml)| ((*label).to_owned(), record(yaml), "record.schema.json"))
        .collect();
    let results = validate(&items);
    assert!(results[0].is_empty(), "a minimal record: {:?}", results[0]);
    for ((label, _, _), errors) in items.iter().zip(&results).skip(1) {
        assert!(!errors.is_empty(), "{label} must be rejected");
    }
}

#[cfg_attr(
    gongkai_no_jsonschema,
    ignore = "python3 cannot import jsonschema (pip install jsonschema)"
)]
#[test]
fn issue18_an_editor_accepts_the_drafts_gongkai_new_writes() {
    let site = root().join("tests/fixtures/sites/field/content");
    let (_dir, project) = crate::support::project_with(crate::support::files(&site), false);
    let mut items = Vec::new();
    for entry in std::fs::read_dir(project.join("content"))
        .expect("content")
        .flatten()
    {
        if !entry.path().join("_unit.yaml").is_file() {
            continue;
        }
        let unit = entry.file_name().to_string_lossy().into_owned();
        crate::support::gongkai()
            .expect("binary")
            .current_dir(&project)
            .args(["new", &unit, "2030"])
            .assert()
            .success();
        let draft = entry.path().join("2030.yaml");
        items.push((
            draft.display().to_string(),
            to_json(&draft),
            "record.schema.json",
        ));
    }
    items.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(items.len() >= 10);
    let results = validate(&items);
    let bad: Vec<String> = items
        .iter()
        .zip(&results)
        .filter(|(_, errors)| !errors.is_empty())
        .map(|((label, _, _), errors)| format!("{label}: {}", errors.join("; ")))
        .collect();
    assert!(
        bad.is_empty(),
        "a draft's 待填 must not be flagged:\n{}",
        bad.join("\n")
    );
}
