//! Issue 18: messages are Chinese by default, English with `--lang en` or when the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`) says `en…`; `--lang` wins over the locale. The location,
//! field path, snippet and caret are the same in both.

use crate::support::{assert_text, fixture};

/// Runs `gongkai check --content content` in `tests/fixtures/invalid/<case>` with `LANG` set
/// to `lang` (or unset) and the extra `args`: (exit code, stderr).
fn check(case: &str, lang: Option<&str>, args: &[&str]) -> (Option<i32>, String) {
    let mut cmd = crate::support::gongkai().expect("binary built");
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    let out = cmd
        .current_dir(fixture(&format!("invalid/{case}")))
        .args(args)
        .args(["check", "--content", "content"])
        .output()
        .expect("gongkai runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SNIPPET: &str = "
   |
10 |           weight: 1e3
   |                   ^
";

fn english() -> String {
    format!(
        "error: content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `1e3`{SNIPPET}1 error in the content\n"
    )
}

fn chinese() -> String {
    format!(
        "错误：content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `1e3`{SNIPPET}内容中共有 1 处错误\n"
    )
}

#[test]
fn issue18_messages_are_chinese_without_a_flag_or_locale() {
    let (code, stderr) = check("exponent", None, &[]);
    assert_eq!(code, Some(2));
    assert_text(&stderr, &chinese());
}

#[test]
fn issue18_lang_en_gives_english_messages_with_the_same_location_and_caret() {
    let (code, stderr) = check("exponent", None, &["--lang", "en"]);
    assert_eq!(code, Some(2));
    assert_text(&stderr, &english());
    // `--lang` is global: it may also follow the command.
    let out = crate::support::gongkai()
        .expect("binary built")
        .current_dir(fixture("invalid/tab_indentation"))
        .args(["check", "--content", "content", "--lang", "en"])
        .output()
        .expect("gongkai runs");
    assert_text(
        &String::from_utf8_lossy(&out.stderr),
        "error: content/qingling/2023.yaml:5:1: a tab is used to indent this line: YAML indents with spaces only (two per level); replace the tab with spaces
  |
5 |  goals: []
  | ^
1 error in the content
",
    );
}

#[test]
fn issue18_an_english_locale_gives_english_messages() {
    let (code, stderr) = check("exponent", Some("en_US.UTF-8"), &[]);
    assert_eq!(code, Some(2));
    assert_text(&stderr, &english());
}

#[test]
fn issue18_lang_zh_wins_over_an_english_locale() {
    let (code, stderr) = check("exponent", Some("en_US.UTF-8"), &["--lang", "zh"]);
    assert_eq!(code, Some(2));
    assert_text(&stderr, &chinese());
}

#[test]
fn issue18_json_messages_follow_the_language_and_keep_their_keys() {
    let out = crate::support::gongkai()
        .expect("binary built")
        .current_dir(fixture("invalid/exponent"))
        .args([
            "--lang",
            "en",
            "check",
            "--content",
            "content",
            "--format",
            "json",
        ])
        .output()
        .expect("gongkai runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["count"], 1);
    assert_eq!(v["errors"][0]["label"], "分值");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("expected a plain decimal")),
        "{v}"
    );
}
