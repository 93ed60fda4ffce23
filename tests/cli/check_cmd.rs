//! Integration tests: the `gongkai check` command on the example site.

use assert_cmd::Command;

fn gongkai() -> Command {
    let mut cmd = crate::support::gongkai().expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn check_reports_findings_as_warnings_grouped_by_record() {
    let out = gongkai().arg("check").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("花山街道 2020 年（content/huashan/2020.yaml）"),
        "{text}"
    );
    assert!(text.contains("原文：4.5  重算：4.99"), "{text}");
    assert!(text.contains("      规则："), "{text}");
    assert!(text.contains("条发现，涉及 5 份记录；"), "{text}");
    // In English when asked.
    let out = gongkai().args(["--lang", "en", "check"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
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
    crate::support::gongkai()
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

/// A copy of the minimal site with `edits` (from, to) applied to its files.
fn minimal_with(edits: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = crate::support::fixture("sites/minimal/content");
    for (rel, bytes) in crate::support::files(&fixture) {
        let to = dir.path().join("content").join(&rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        let mut text = String::from_utf8(bytes).expect("UTF-8 fixture");
        for (from, into) in edits {
            text = text.replace(from, into);
        }
        std::fs::write(to, text).expect("write");
    }
    dir
}

/// `gongkai check --format <format>` in `dir`: (exit code, stdout, stderr).
fn check_in(dir: &std::path::Path, format: &str) -> (Option<i32>, String, String) {
    let out = crate::support::gongkai()
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--content", "content", "--format", format])
        .output()
        .expect("gongkai runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

/// Issue 15: a record whose texts hold bidi overrides and isolates (which YAML takes raw)
/// cannot reorder what the terminal shows or hide a finding: `check` shows each escaped, in
/// human output as in JSON, which still carries the text unchanged.
#[test]
fn issue15_check_output_carries_no_raw_bidi_control_from_the_data() {
    let dir = minimal_with(&[
        (
            "short_name: 青菱街道\n",
            "short_name: 青菱\u{2066}街道\u{2069}\n",
        ),
        ("- name: 群众满意度\n", "- name: 群众满意度\u{202e}度意满\n"),
    ]);
    let (code, human, _) = check_in(dir.path(), "human");
    assert_eq!(code, Some(0), "{human}");
    assert!(!human.chars().any(is_unsafe), "{human:?}");
    assert!(
        human
            .contains("青菱\\u{2066}街道\\u{2069} 2023 年（content/qingling/2023.yaml）：2 条发现"),
        "{human}"
    );
    assert!(human.contains("“群众满意度\\u{202e}度意满”"), "{human}");
    let (_, json, _) = check_in(dir.path(), "json");
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
            .any(|m| m.contains("群众满意度\u{202e}度意满")),
        "JSON keeps the text as it is: {messages:?}"
    );
}

/// Issue 15: ESC, BEL and CSI can reach a record only as escapes in double quotes; they are
/// refused where they are written (exit 2), and the error, snippet included, carries none of
/// them raw, in human output as in JSON.
#[test]
fn issue15_control_characters_in_the_data_are_refused_and_never_printed_raw() {
    let dir = minimal_with(&[
        (
            "short_name: 青菱街道\n",
            "short_name: \"\\e]0;pwned\\a青菱街道\\e[2J\"\n",
        ),
        ("- name: 群众满意度\n", "- name: \"群众\\x9b8m满意度\"\n"),
    ]);
    for format in ["human", "json"] {
        let (code, out, err) = check_in(dir.path(), format);
        assert_eq!(code, Some(2), "{format}: {out}{err}");
        // Issue 18: with `--format json` the errors are JSON on stdout.
        let shown = if format == "json" { &out } else { &err };
        assert!(!shown.chars().any(is_unsafe), "{format}: {shown:?}");
        let needle = if format == "json" {
            "应为不含控制字符的文字，实际在引号中用转义写了 U+001B"
        } else {
            "short_name: 应为不含控制字符的文字，实际在引号中用转义写了 U+001B"
        };
        assert!(shown.contains(needle), "{format}: {shown}");
        assert!(shown.contains("用转义写了 U+009B"), "{format}: {shown}");
    }
}

/// The findings of `gongkai check --format json ARGS` in `dir` (exit 0 expected).
fn findings_json(dir: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = crate::support::gongkai()
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .assert()
        .success();
    let v: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("valid JSON");
    v["findings"].as_array().expect("findings").clone()
}

#[test]
fn checking_named_records_gives_exactly_their_share_of_the_full_check() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = findings_json(root, &[]);
    let of = |unit: &str, year: Option<u64>| -> Vec<serde_json::Value> {
        all.iter()
            .filter(|f| f["unit"] == unit && year.is_none_or(|y| f["year"] == y))
            .cloned()
            .collect()
    };
    let qingling = of("qingling", Some(2023));
    assert!(
        !qingling.is_empty(),
        "the example has findings in qingling 2023"
    );
    // A record file, as written and as the system resolves it.
    assert_eq!(
        findings_json(root, &["content/qingling/2023.yaml"]),
        qingling
    );
    let absolute = root.join("content/qingling/2023.yaml");
    let absolute = absolute.to_str().expect("UTF-8 path");
    assert_eq!(findings_json(root, &[absolute]), qingling);
    assert_eq!(
        findings_json(root, &["./content/qingling/2023.yaml"]),
        qingling
    );
    assert_eq!(
        findings_json(root, &["content/huashan/../qingling/2023.yaml"]),
        qingling
    );
    // A unit folder, or its unit file: the whole unit; two paths: both.
    let huashan = of("huashan", None);
    assert!(!huashan.is_empty());
    assert_eq!(findings_json(root, &["content/huashan"]), huashan);
    assert_eq!(
        findings_json(root, &["content/huashan/_unit.yaml"]),
        huashan
    );
    let both: Vec<_> = huashan.iter().chain(&qingling).cloned().collect();
    assert_eq!(
        findings_json(root, &["content/qingling/2023.yaml", "content/huashan"]),
        both
    );
    // The site file's settings hold for every unit: it names the whole content.
    assert_eq!(findings_json(root, &["content/_site.yaml"]), all);
}

/// `gongkai check ARGS` in `dir`, expected to exit 2 with nothing on stdout: its stderr.
fn refused(dir: &std::path::Path, args: &[&str]) -> String {
    let out = crate::support::gongkai()
        .expect("binary")
        .current_dir(dir)
        .arg("check")
        .args(args)
        .assert()
        .code(2)
        .stdout("");
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn checking_one_record_reads_neither_the_other_units_nor_stops_at_their_errors() {
    let (_dir, project) = crate::support::example_project(false);
    // Another unit is broken: the full check stops at it, a check of qingling does not see it.
    std::fs::write(project.join("content/huashan/2020.yaml"), "year: [\n").expect("write");
    let err = refused(&project, &[]);
    assert!(err.contains("content/huashan/2020.yaml:"), "{err}");
    let findings = findings_json(&project, &["content/qingling/2023.yaml"]);
    assert!(!findings.is_empty());
    assert!(
        findings
            .iter()
            .all(|f| f["unit"] == "qingling" && f["year"] == 2023)
    );
    // The same unit's other year is loaded with it (years are compared), so its error is told.
    std::fs::write(project.join("content/qingling/2020.yaml"), "year: [\n").expect("write");
    let err = refused(&project, &["content/qingling/2023.yaml"]);
    assert!(err.contains("content/qingling/2020.yaml:"), "{err}");
}

#[test]
fn a_path_that_names_no_record_is_refused_with_what_is_expected() {
    let (_dir, project) = crate::support::example_project(false);
    std::fs::write(project.join("content/qingling/notes.txt"), "x").expect("write");
    std::fs::write(project.join("README.md"), "x").expect("write");
    for (path, said) in [
        (
            "content/qingling/1999.yaml",
            "找不到 `content/qingling/1999.yaml`",
        ),
        (
            "README.md",
            "`README.md` 不是内容文件夹 `content` 里的单位文件夹",
        ),
        ("content/qingling/notes.txt", "记录文件（`年度.yaml`）"),
    ] {
        let err = refused(&project, &[path]);
        assert!(err.contains(said), "{path}: {err}");
    }
}
