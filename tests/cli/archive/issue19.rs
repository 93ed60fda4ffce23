//! Issue 19: `archive/index.html` looks like the site and dates each snapshot in UTC; `diff`
//! names figures in Chinese without a field path in the label, says how many pages differ only
//! by the footer's build date, and refuses a tampered snapshot in English too.

use super::{Project, stderr, stdout};

#[test]
fn issue19_archive_index_is_styled_and_dates_snapshots_in_utc() {
    let p = Project::new();
    p.run(&["archive"]).success();
    p.cmd(&["archive", "--label", "later"])
        .env("SOURCE_DATE_EPOCH", "1735732245")
        .assert()
        .success();
    let index = std::fs::read_to_string(p.path.join("archive/index.html")).expect("index");
    assert!(index.contains("<html lang=\"zh-CN\">"), "{index}");
    assert!(
        index.contains("<time datetime=\"2024-06-30T00:00:00Z\">2024-06-30 00:00:00 UTC</time>"),
        "{index}"
    );
    assert!(
        index.contains("2025-01-01 11:50:45 UTC"),
        "seconds are shown: {index}"
    );
    assert!(
        !index.contains(">1719705600<") && !index.contains(">1735732245<"),
        "no raw epoch number as the date: {index}"
    );
    // The site's look: its font stack, its accent and its table head colour.
    for look in ["Noto Sans CJK SC", "#a61d24", "#e9edf2"] {
        assert!(index.contains(look), "{look} in {index}");
    }
    assert!(index.contains("<main"), "{index}");
}

#[test]
fn issue19_diff_labels_name_fields_in_chinese_without_their_paths() {
    let p = Project::new();
    p.run(&["archive"]).success();
    p.edit(
        "qingling/2023.yaml",
        "  reported_total: 92\n",
        "  reported_total: 91\n",
    );
    p.run(&["archive", "--label", "v2"]).success();
    let out = p
        .run(&[
            "diff",
            "--format",
            "json",
            "archive/2024-06-30",
            "archive/2024-06-30-v2",
        ])
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let figures = json["figures"].as_array().expect("figures");
    let label = |field: &str| {
        figures
            .iter()
            .find(|f| f["field"] == field)
            .and_then(|f| f["label"].as_str())
            .unwrap_or_else(|| panic!("{field} is listed: {figures:?}"))
            .to_owned()
    };
    assert_eq!(label("record.self_evaluation.reported_total"), "自评总分");
    assert_eq!(
        label("scores.self_evaluation.reported_total"),
        "自评总分（计算）"
    );
    for f in figures {
        let label = f["label"].as_str().unwrap_or_default();
        assert!(
            !label.contains("scores.") && !label.contains("self_evaluation."),
            "a field path in the label {label:?}"
        );
    }
    let text = stdout(&p.run(&["diff", "archive/2024-06-30", "archive/2024-06-30-v2"]));
    assert!(
        text.contains(
            "qingling 2023 自评总分（计算） 92 → 91  [scores.self_evaluation.reported_total]"
        ),
        "{text}"
    );
    assert!(!text.contains("(计算) scores."), "{text}");
}

#[test]
fn issue19_diff_of_the_same_content_built_on_two_days_names_only_the_footer_date() {
    let p = Project::new();
    p.run(&["archive"]).success();
    p.cmd(&["archive"])
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .assert()
        .success();
    let out = p
        .run(&["diff", "archive/2024-06-30", "archive/2025-01-01"])
        .success();
    let text = stdout(&out);
    assert!(
        !text.contains("~ 页面"),
        "no page listed as changed: {text}"
    );
    assert!(
        text.contains(
            "0 个数字有变化，新增 0 条记录，删除 0 条；0 个页面有变化，新增 0 个，删除 0 个\n"
        ),
        "{text}"
    );
    let json = p
        .run(&[
            "diff",
            "--format",
            "json",
            "archive/2024-06-30",
            "archive/2025-01-01",
        ])
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert!(json["pages_changed"].as_array().is_some_and(Vec::is_empty));
    let date_only = json["pages_date_only"].as_array().expect("pages_date_only");
    assert!(date_only.iter().any(|p| p == "index.html"), "{date_only:?}");
    assert!(date_only.len() > 10, "{date_only:?}");
    assert!(
        text.contains(&format!(
            "另有 {} 个页面仅页脚生成日期不同（2024-06-30 → 2025-01-01），未列出",
            date_only.len()
        )),
        "{text}"
    );

    let en = p
        .run(&[
            "--lang",
            "en",
            "diff",
            "archive/2024-06-30",
            "archive/2025-01-01",
        ])
        .success();
    assert!(
        stdout(&en).contains(
            "page(s) differ only by the footer's build date (2024-06-30 → 2025-01-01); not listed"
        ),
        "{}",
        stdout(&en)
    );
}

#[test]
fn issue19_a_real_change_beside_the_date_is_still_listed() {
    let p = Project::new();
    p.run(&["archive"]).success();
    p.edit(
        "qingling/2023.yaml",
        "    total: 11092.59\n",
        "    total: 11093.59\n",
    );
    p.cmd(&["archive"])
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .assert()
        .success();
    let text = stdout(
        &p.run(&["diff", "archive/2024-06-30", "archive/2025-01-01"])
            .success(),
    );
    assert!(
        text.contains("~ 页面 units/qingling/2023/index.html"),
        "{text}"
    );
    assert!(!text.contains("~ 页面 units/huashan/"), "{text}");
}

#[test]
fn issue19_diff_of_a_tampered_snapshot_fails_in_english_too() {
    let p = Project::new();
    p.run(&["archive"]).success();
    std::fs::write(
        p.snapshot("2024-06-30").join("site/index.html"),
        b"<p>tampered</p>",
    )
    .expect("tamper");
    let out = p.run(&["--lang", "en", "diff", "archive/2024-06-30", "content"]);
    let (code, err) = (out.get_output().status.code(), stderr(&out));
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(stdout(&out), "");
    assert!(err.contains("modified: site/index.html (sha256 "), "{err}");
    assert!(
        err.contains("diff: nothing compared: 1 snapshot(s) not intact"),
        "{err}"
    );
    assert!(!err.contains("0 figure(s) changed"), "{err}");
}
