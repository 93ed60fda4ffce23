//! Issue 18: `gongkai new UNIT YEAR` drafts next year's record from the unit's latest one:
//! every unit of the example and field sites gives a draft that loads, `check` lists each
//! `待填` where it stands (one item each, nothing else about those fields), the draft keeps the
//! plan (indicators, weights, targets, 科目) and drops the year's prose, the same input gives
//! the same bytes, and nothing is ever overwritten.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::support::{files, project_with, root};

fn gongkai(project: &Path) -> Command {
    let mut cmd = crate::support::gongkai().expect("binary");
    cmd.current_dir(project).env("HOME", project.join("home"));
    cmd
}

/// The units of a content folder (folders holding `_unit.yaml`).
fn units(content: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(content)
        .expect("content")
        .flatten()
        .filter(|e| e.path().join("_unit.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// The line numbers of the draft holding a `待填` value (not a comment).
fn pending_lines(text: &str) -> Vec<u32> {
    (1u32..)
        .zip(text.lines())
        .filter(|(_, l)| {
            let code = l.split(" # ").next().unwrap_or(l);
            !l.trim_start().starts_with('#') && code.trim_end().ends_with(": 待填")
        })
        .map(|(n, _)| n)
        .collect()
}

fn check_json(project: &Path) -> Value {
    let out = gongkai(project)
        .args(["check", "--format", "json"])
        .output()
        .expect("check runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "a draft loads: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn issue18_every_unit_of_the_example_and_field_sites_drafts_a_record_that_loads_and_lists_its_blanks()
 {
    for site in [
        root().join("content"),
        root().join("tests/fixtures/sites/field/content"),
    ] {
        let (_dir, project) = project_with(files(&site), false);
        let content = project.join("content");
        let all = units(&content);
        assert!(!all.is_empty());
        for unit in &all {
            gongkai(&project)
                .args(["new", unit, "2030"])
                .assert()
                .success();
        }
        let report = check_json(&project);
        let mut blanks = 0;
        let findings = report["findings"].as_array().expect("findings");
        for unit in &all {
            let path = content.join(unit).join("2030.yaml");
            let text = std::fs::read_to_string(&path).expect("the draft");
            assert!(
                text.starts_with(
                    "# yaml-language-server: $schema=../../docs/schema/record.schema.json\n"
                ),
                "{unit}: the draft names its schema"
            );
            let mine: Vec<&Value> = findings
                .iter()
                .filter(|f| f["unit"] == unit.as_str() && f["year"] == 2030)
                .collect();
            let mut listed: Vec<u32> = mine
                .iter()
                .filter(|f| f["code"] == "record.pending")
                .map(|f| u32::try_from(f["location"]["line"].as_u64().expect("line")).expect("u32"))
                .collect();
            listed.sort_unstable();
            assert_eq!(
                listed,
                pending_lines(&text),
                "{unit}: one located 待填 item per blank, at its line"
            );
            blanks += listed.len();
            // Nothing but the plan carried over is judged: no figure of the draft is a finding.
            for f in &mine {
                let code = f["code"].as_str().unwrap_or_default();
                assert!(
                    code == "record.pending" || code.starts_with("weights."),
                    "{unit}: {code} {}",
                    f["message"]
                );
            }
        }
        // A unit whose record is a 自评报告 only (jinzhai-mabu) has no table figure to blank.
        assert!(blanks > 500, "{}: {blanks} blanks", site.display());
    }
}

#[test]
fn issue18_a_draft_keeps_the_plan_and_leaves_out_the_years_prose() {
    let (_dir, project) = project_with(files(&root().join("content")), false);
    gongkai(&project)
        .args(["new", "qingling", "2024"])
        .assert()
        .success();
    let draft = std::fs::read_to_string(project.join("content/qingling/2024.yaml")).expect("draft");
    let last = std::fs::read_to_string(root().join("content/qingling/2023.yaml")).expect("2023");
    assert!(draft.contains("\nyear: 2024\n"));
    // The 科目 lines, the indicators' names, weights and targets, as typed in 2023.
    for kept in ["code: \"2010301\"", "item: 行政运行", "template: hubei"] {
        assert!(last.contains(kept) && draft.contains(kept), "{kept}");
    }
    let weights = |t: &str| t.matches("weight: ").count();
    assert_eq!(
        weights(&draft),
        weights(&last),
        "every weight is carried over"
    );
    // The year's own text is not: no reason, note or source of 2023.
    for dropped in ["\n  source:", "reason:", "note:", "purpose:"] {
        assert!(!draft.contains(dropped), "{dropped} is the year's own");
    }
    assert!(
        !draft.contains("11092.59"),
        "no figure of 2023 is carried over"
    );
}

#[test]
fn issue18_new_writes_the_same_bytes_and_never_overwrites() {
    let (_a, one) = project_with(files(&root().join("content")), false);
    let (_b, two) = project_with(files(&root().join("content")), true);
    for p in [&one, &two] {
        gongkai(p)
            .args(["new", "ronghua", "2023"])
            .assert()
            .success();
    }
    let read = |p: &Path| std::fs::read(p.join("content/ronghua/2023.yaml")).expect("draft");
    assert_eq!(read(&one), read(&two), "the same bytes for the same input");
    let before = read(&one);
    let out = gongkai(&one)
        .args(["new", "ronghua", "2023"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("已经存在"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read(&one), before, "the record is untouched");
}

#[test]
fn issue18_a_new_unit_needs_its_name_and_gets_its_unit_file() {
    let (_dir, project) = project_with(files(&root().join("content")), false);
    let out = gongkai(&project)
        .args(["new", "xinjie", "2024"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--name"));
    assert!(!project.join("content/xinjie").exists(), "nothing written");
    gongkai(&project)
        .args([
            "new",
            "xinjie",
            "2024",
            "--name",
            "武汉市洪山区新街街道办事处",
        ])
        .assert()
        .success();
    let unit = std::fs::read_to_string(project.join("content/xinjie/_unit.yaml")).expect("unit");
    assert!(
        unit.contains("id: xinjie\nname: \"武汉市洪山区新街街道办事处\"\n"),
        "{unit}"
    );
    // The first record of a unit holds its required fields and loads.
    check_json(&project);
    let out = gongkai(&project)
        .args(["new", "xinjie", "2025", "--name", "别名"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "--name is for a new unit only");
}
