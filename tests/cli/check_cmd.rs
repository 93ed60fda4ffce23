//! Integration tests: the `gongkai check` command on the example site.

use assert_cmd::Command;

fn gongkai() -> Command {
    let mut cmd = Command::cargo_bin("gongkai").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn check_reports_findings_as_warnings_grouped_by_record() {
    let out = gongkai().arg("check").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("花山街道 2020 (content/huashan/2020.yaml)"),
        "{text}"
    );
    assert!(text.contains("stated: 4.5  computed: 4.99"), "{text}");
    assert!(text.contains("finding(s) in 5 record(s)"), "{text}");
}

#[test]
fn strict_check_fails_with_exit_code_1_on_findings() {
    gongkai().args(["check", "--strict"]).assert().code(1);
}

#[test]
fn json_output_carries_stable_codes_with_stated_and_computed_values() {
    let out = gongkai()
        .args(["check", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("valid JSON");
    let findings = v["findings"].as_array().expect("findings array");
    let procurement = findings
        .iter()
        .find(|f| f["code"] == "accounts.procurement_sum")
        .expect("the S003 政府采购 finding");
    assert_eq!(procurement["unit"], "qingling");
    assert_eq!(procurement["year"], 2023);
    assert_eq!(procurement["stated"], "1788.11");
    assert_eq!(procurement["computed"], "1798.11");
    assert_eq!(
        procurement["location"]["path"],
        "content/qingling/2023.yaml"
    );
    assert!(
        procurement["location"]["line"]
            .as_u64()
            .is_some_and(|l| l > 1)
    );
    assert!(procurement["rule"].as_str().is_some_and(|r| !r.is_empty()));
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    Command::cargo_bin("gongkai")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--content"])
        .arg(&content)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(99),
        0
    );
}

/// Every finding on the example site, pinned: one line each with record, code, field, stated and
/// computed values. A rule change that adds, loses or alters a finding shows up here.
#[test]
fn every_finding_on_the_example_site_is_pinned() {
    let corpus = gongkai::load(std::path::Path::new("content")).expect("content loads");
    let scores = gongkai::score_corpus(&corpus);
    let report = gongkai::check(&corpus, &scores);
    let lines: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{} [{}] {} | stated {} | computed {}",
                f.unit,
                f.year,
                f.location.line,
                f.location.col,
                f.code,
                f.field,
                f.stated.as_deref().unwrap_or("—"),
                f.computed.as_deref().unwrap_or("—"),
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}

/// Characters a terminal acts on or that reorder text: C0 but `\n`, DEL, C1, bidi controls.
fn is_unsafe(c: char) -> bool {
    matches!(u32::from(c),
        0x00..=0x09 | 0x0B..=0x1F | 0x7F..=0x9F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Issue 15: a record whose texts hold ESC, BEL, CSI and a bidi override cannot retitle the
/// terminal, clear it or hide a finding: `check` shows each of them escaped, in human output as
/// in JSON, which still carries the text unchanged.
#[test]
fn issue15_check_output_carries_no_raw_control_character_from_the_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = crate::support::fixture("sites/minimal/content");
    for (rel, bytes) in crate::support::files(&fixture) {
        let to = dir.path().join("content").join(&rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        let text = String::from_utf8(bytes).expect("UTF-8 fixture");
        let text = text
            .replace(
                "short_name: 青菱街道\n",
                "short_name: \"\\e]0;pwned\\a青菱街道\\e[2J\"\n",
            )
            .replace(
                "- name: 群众满意度\n",
                "- name: \"群众\\x9b8m满意度\\u202e\"\n",
            );
        std::fs::write(to, text).expect("write");
    }
    let run = |format: &str| {
        let out = Command::cargo_bin("gongkai")
            .expect("binary")
            .current_dir(dir.path())
            .args(["check", "--content", "content", "--format", format])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
    };
    let human = run("human");
    assert!(!human.chars().any(is_unsafe), "{human:?}");
    assert!(
        human.contains("\\u{1b}]0;pwned\\u{7}青菱街道\\u{1b}[2J 2023 (content/qingling/2023.yaml): 2 finding(s)"),
        "{human}"
    );
    assert!(human.contains("“群众\\u{9b}8m满意度\\u{202e}”"), "{human}");
    let json = run("json");
    assert!(!json.chars().any(is_unsafe), "{json:?}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("群众\u{9b}8m满意度\u{202e}")),
        "JSON keeps the text as it is: {messages:?}"
    );
}
