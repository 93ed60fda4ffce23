//! Issue 15 regressions: `_site.yaml` validated once for `check` and `build` (theme folder,
//! `base_url`), strict years and numbers, terminal-safe output. Each case asserts the whole
//! message, as `gongkai check --content content` prints it inside the case folder.

use crate::support::{assert_text, fixture, load_invalid};

/// The message of a run with exactly one error.
fn one(diagnostic: &str) -> String {
    format!("错误：{diagnostic}\n内容中共有 1 处错误")
}

/// Runs `gongkai <args>` inside `tests/fixtures/invalid/<case>`: (exit code, stdout, stderr).
fn run_in(case: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = crate::support::gongkai()
        .expect("binary built")
        .current_dir(fixture(&format!("invalid/{case}")))
        .args(args)
        .output()
        .expect("gongkai runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const UNKNOWN_THEME: &str = "content/_site.yaml:2:8: theme: 应为 `default` 或 `themes/` 里某个文件夹的名字，实际为 `nosuch`（文件夹 `themes/nosuch` 不存在）
  |
2 | theme: nosuch
  |        ^";

#[test]
fn issue15_a_missing_theme_folder_is_a_located_site_error() {
    assert_text(&load_invalid("unknown_theme"), &one(UNKNOWN_THEME));
}

#[test]
fn issue15_check_and_build_refuse_a_missing_theme_alike() {
    let expected = format!("{}\n", one(UNKNOWN_THEME));
    let (code, _, stderr) = run_in("unknown_theme", &["check", "--content", "content"]);
    assert_eq!(code, Some(2), "check: {stderr}");
    assert_text(&stderr, &expected);
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("site");
    let output = output.to_str().expect("UTF-8 temp path");
    let (code, _, stderr) = run_in(
        "unknown_theme",
        &["build", "--content", "content", "--output", output],
    );
    assert_eq!(code, Some(2), "build: {stderr}");
    assert_text(&stderr, &expected);
}

/// Refused as any text holding a control character is (the URL check itself covers spaces
/// and non-characters, below).
#[test]
fn issue15_a_base_url_with_a_control_character_is_a_located_error() {
    assert_text(
        &load_invalid("base_url_control"),
        &one(
            r#"content/_site.yaml:2:11: base_url: 应为不含控制字符的文字，实际在引号中用转义写了 U+0001；请删去
  |
2 | base_url: "https://example.org/\u0001gongkai"
  |           ^"#,
        ),
    );
}

#[test]
fn issue15_a_base_url_with_a_non_character_stops_the_build_before_the_sitemap() {
    let expected = one(
        "content/_site.yaml:2:11: base_url: 网址中不能有空格、控制字符或非字符，实际在 `https://example.org/gongkai\u{FFFE}` 的第 28 个字符处有 U+FFFE
  |
2 | base_url: \"https://example.org/gongkai\\uFFFE\"
  |           ^",
    );
    assert_text(&load_invalid("base_url_noncharacter"), &expected);
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("site");
    let (code, _, stderr) = run_in(
        "base_url_noncharacter",
        &["build", "--content", "content", "--output"]
            .into_iter()
            .chain(output.to_str())
            .collect::<Vec<_>>(),
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert_text(&stderr, &format!("{expected}\n"));
    assert!(!output.join("sitemap.xml").exists(), "nothing is written");
}

/// The one error of a case whose indicator weight (line 10, column 19) is written `weight`.
fn weight_error(weight: &str, message: &str) -> String {
    one(&format!(
        "content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): {message}
   |
10 |           weight: {weight}
   |                   ^"
    ))
}

/// The one error of a case whose `year:` (line 1, column 7) is written `year`.
fn year_error(year: &str, message: &str) -> String {
    one(&format!(
        "content/qingling/2023.yaml:1:7: year (年度): {message}
  |
1 | year: {year}
  |       ^"
    ))
}

const WHOLE: &str = "应为用数字写的整数（不带 `+`、十六进制、下划线 `_`、小数点或前导零）";

#[test]
fn issue15_a_year_in_hex_or_with_a_plus_is_refused() {
    assert_text(
        &load_invalid("year_hex"),
        &year_error("0x7e4", &format!("{WHOLE}，实际为 `0x7e4`")),
    );
    assert_text(
        &load_invalid("year_plus"),
        &year_error("+2023", &format!("{WHOLE}，实际为 `+2023`")),
    );
    assert_text(
        &load_invalid("year_quoted"),
        &year_error(
            "'2023'",
            "应为不加引号的数字，实际为加了引号的 `2023`（请去掉引号）",
        ),
    );
}

#[test]
fn issue15_a_weight_written_minus_zero_quoted_or_with_leading_zeros_is_refused() {
    assert_text(
        &load_invalid("weight_negative_zero"),
        &weight_error(
            "-0",
            "应为普通小数，如 11092.59（零不带正负号：写 `0`），实际为 `-0`",
        ),
    );
    assert_text(
        &load_invalid("weight_quoted"),
        &weight_error(
            "\"12\"",
            "应为不加引号的数字，实际为加了引号的 `12`（请去掉引号）",
        ),
    );
    assert_text(
        &load_invalid("weight_leading_zeros"),
        &weight_error(
            "00012",
            "应为普通小数，如 11092.59（不要前导零：写 `12`、`0.5`），实际为 `00012`",
        ),
    );
    assert_text(
        &load_invalid("weight_negative"),
        &weight_error("-5", "分值应不小于 0，且不带正负号，实际为 -5"),
    );
}

/// A control character can reach the data only as an escape in a double-quoted scalar (YAML
/// refuses it raw); it would break the HTML it lands in and act on a terminal, so it is refused
/// where it is written. A tab stays allowed.
#[test]
fn issue15_a_control_character_written_as_an_escape_is_refused_where_it_is_written() {
    assert_text(
        &load_invalid("control_escape"),
        "错误：content/qingling/2023.yaml:9:17: self_evaluation.goals[0].indicators[0].name (名称): 应为不含控制字符的文字，实际在引号中用转义写了 U+0007；请删去
  |
9 |         - name: \"环境整治次数\\u0007\"
  |                 ^
错误：content/qingling/_unit.yaml:2:7: name (名称): 应为不含控制字符的文字，实际在引号中用转义写了 U+001B；请删去
  |
2 | name: \"青菱街道\\e]0;pwned\\a\"
  |       ^
内容中共有 2 处错误",
    );
}
