//! Integration tests: errors. Every invalid input names `file:line:col`, the field path and
//! what was expected and found, shows the line with a caret, and never panics.
//!
//! One fixture folder per case under `tests/fixtures/invalid/` (see its README); each test
//! asserts the whole message. `robustness` feeds broken and hostile bytes to the record parser;
//! `decimals` checks exact decimals by property; `hardening` holds the cases of issue 15.

mod amounts;
mod decimals;
mod funds;
mod hardening;
mod lang;
mod layouts;
mod partial;
mod robustness;
mod tables;

use crate::support::{assert_text, fixture, load_invalid, load_site};

/// The message of a run with exactly one error.
fn one(diagnostic: &str) -> String {
    format!("错误：{diagnostic}\n内容中共有 1 处错误")
}

#[test]
fn the_minimal_site_loads_with_defaults_and_inferences_filled_in() {
    let corpus = load_site("minimal");
    assert_eq!(corpus.site.title, "青菱街道预决算公开");
    assert_eq!(
        corpus.site.base_url.as_deref(),
        Some("https://example.org/gongkai")
    );
    assert_eq!(corpus.site.theme, "default");
    assert_eq!(corpus.site.thresholds.execution_low.to_string(), "85");
    assert_eq!(corpus.site.thresholds.completion.to_string(), "80");
    let unit = &corpus.units[0];
    assert_eq!(
        (unit.id.as_str(), unit.short_name.as_str(), unit.sort),
        ("qingling", "青菱街道", 1)
    );
    let years: Vec<u16> = unit.records.iter().map(|r| r.year.get()).collect();
    assert_eq!(years, [2022, 2023]);
    let record = &unit.records[1];
    assert_eq!(
        record.path,
        fixture("sites/minimal/content/qingling/2023.yaml")
            .display()
            .to_string()
    );
    let se = record.self_evaluation.as_ref().expect("self_evaluation");
    let budget = se.execution.as_ref().and_then(|e| e.budget);
    assert_eq!(budget.map(|b| b.to_string()).as_deref(), Some("11092.59"));
    let ind = &se.goals[0].indicators;
    assert_eq!(
        ind[0].name, "环境整治次数",
        "the weight suffix is split off the name"
    );
    assert_eq!(ind[0].weight.map(|w| w.to_string()).as_deref(), Some("4"));
    assert_eq!(ind[0].kind, gongkai::model::Kind::Quantitative);
    assert_eq!(
        ind[1].direction,
        gongkai::model::Direction::Negative,
        "安全生产事故 with target 0起"
    );
    assert_eq!(
        ind[2].kind,
        gongkai::model::Kind::Qualitative,
        "明显提升 has no number"
    );
    assert_eq!(ind[2].status, Some(gongkai::model::Status::Partial));
    let project = &record.projects[0].goals[0].indicators[0];
    assert_eq!(
        (project.name.as_str(), project.direction),
        ("投诉率", gongkai::model::Direction::Negative)
    );
    let fa = record.final_accounts.as_ref().expect("final_accounts");
    assert_eq!(fa.lines[1].fund, gongkai::model::Fund::GovFund);
    assert_eq!(fa.lines[0].fund, gongkai::model::Fund::GeneralBudget);
    assert_eq!(record.narratives[0].title, "部门决算情况说明");
    assert_eq!(record.narratives[0].slug, "01-qingkuang");
    let at = record
        .locator
        .locate("self_evaluation.goals[0].indicators[1].weight");
    assert_eq!((at.line, at.col), (24, 19));
}

#[test]
fn an_exponent_is_not_a_plain_decimal() {
    assert_text(
        &load_invalid("exponent"),
        &one("content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `1e3`
   |
10 |           weight: 1e3
   |                   ^"),
    );
}

#[test]
fn hex_nan_and_underscores_are_not_plain_decimals() {
    assert_text(
        &load_invalid("hex"),
        &one("content/qingling/2023.yaml:6:21: final_accounts.income.general_budget (一般公共预算财政拨款): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `0x1F`
  |
6 |     general_budget: 0x1F
  |                     ^"),
    );
    assert_text(
        &load_invalid("nan"),
        &one("content/qingling/2023.yaml:7:13: self_evaluation.execution.actual (执行数/实际完成值): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），或原文印的符号（`—`、`/`、`\"\"`（空单元格）、`unreadable` 或 `merged`），实际为 `.nan`
  |
7 |     actual: .nan
  |             ^"),
    );
    assert_text(
        &load_invalid("underscore"),
        &one("content/qingling/2023.yaml:6:12: final_accounts.expenditure.total (合计): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `1_000`
  |
6 |     total: 1_000
  |            ^"),
    );
}

#[test]
fn an_unknown_field_is_named_with_the_fields_expected() {
    assert_text(
        &load_invalid("unknown_field"),
        &one("content/qingling/2023.yaml:10:11: self_evaluation.goals[0].indicators[0].weigth: 未知字段 `weigth`，应为以下之一：`id`、`level1`、`level2`、`name`、`weight`、`target`、`actual`、`score`、`deviation`、`note`、`measure`、`direction`、`kind`、`status`、`nature`、`value`、`unit`、`definition`、`criteria`
   |
10 |           weigth: 4
   |           ^"),
    );
}

#[test]
fn a_duplicate_key_points_at_the_second_one() {
    assert_text(
        &load_invalid("duplicate_key"),
        &one("content/qingling/2023.yaml:11:11: self_evaluation.goals[0].indicators[0].weight (分值): 字段 `weight` 重复：同一层里每个字段只能写一次
   |
11 |           weight: 5
   |           ^"),
    );
}

#[test]
fn a_string_where_a_mapping_belongs_says_what_was_found() {
    assert_text(
        &load_invalid("wrong_type"),
        &one("content/qingling/2023.yaml:4:18: self_evaluation (部门整体支出绩效自评表): 应为若干“字段: 值”，实际为 `部门整体支出绩效自评表`
  |
4 | self_evaluation: 部门整体支出绩效自评表
  |                  ^"),
    );
}

#[test]
fn a_missing_required_field_points_at_its_mapping() {
    assert_text(
        &load_invalid("missing_field"),
        &one("content/qingling/2023.yaml:9:11: self_evaluation.goals[0].indicators[0].name (名称): 缺少必填字段 `name`
  |
9 |         - target: ≥95%
  |           ^"),
    );
}

#[test]
fn the_year_field_must_match_the_file_name() {
    assert_text(
        &load_invalid("year_mismatch"),
        &one("content/qingling/2023.yaml:1:7: year (年度): 应为 2023（与文件名中的年度一致），实际为 2022
  |
1 | year: 2022
  |       ^"),
    );
}

#[test]
fn a_unit_folder_needs_a_unit_file() {
    assert_text(
        &load_invalid("unit_without_unit_file"),
        &one(
            "content/qingling: 本单位文件夹里应有 `_unit.yaml` 文件（写明 `id: qingling` 和单位名称），实际没有",
        ),
    );
}

#[test]
fn the_unit_id_must_match_the_folder_name() {
    assert_text(
        &load_invalid("unit_id_mismatch"),
        &one("content/qingling/_unit.yaml:1:5: id (编号): 应为 `qingling`（与单位文件夹名一致），实际为 `qingling-jie`
  |
1 | id: qingling-jie
  |     ^"),
    );
}

#[test]
fn a_unit_folder_must_be_named_by_a_valid_id() {
    assert_text(
        &load_invalid("bad_unit_folder_name"),
        &one(
            "content/Qing Ling: 单位文件夹名：应为由 1 到 64 个小写字母、数字和 `-` 组成（以字母或数字开头）的单位编号，实际为 `Qing Ling`",
        ),
    );
}

#[test]
fn stray_files_are_reported_not_ignored() {
    assert_text(
        &load_invalid("stray_file"),
        "错误：content/notes.txt: 这里不应有这个文件或文件夹：content 文件夹里只放 `_site.yaml` 和每个单位一个文件夹
错误：content/qingling/2023.yml: 这里不应有这个文件或文件夹：单位文件夹里只放 `_unit.yaml`、`<年度>.yaml` 记录和 `<年度>/` 说明文件夹（这里的文件扩展名是 `.yaml`）
内容中共有 2 处错误",
    );
}

#[test]
fn tab_indentation_is_a_located_yaml_error() {
    assert_text(
        &load_invalid("tab_indentation"),
        &one("content/qingling/2023.yaml:5:1: 本行用制表符（Tab）缩进：只能用空格缩进（每级两个空格），请把制表符换成空格
  |
5 |  goals: []
  | ^"),
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let corpus = gongkai::load(&fixture("invalid/bom_is_accepted/content"));
    let corpus = corpus.unwrap_or_else(|e| panic!("a BOM should be skipped, but:\n{e}"));
    assert_eq!(corpus.site.title, "测试站点");
    assert_eq!(corpus.units[0].records[0].year.get(), 2023);
}

#[test]
fn invalid_utf8_is_located_at_the_first_bad_byte() {
    assert_text(
        &load_invalid("invalid_utf8"),
        &one("content/qingling/2023.yaml:5:12: 应为 UTF-8 编码的文字，实际有无法识别的字节（字节 0xB2）；请把文件另存为 UTF-8 编码
  |
5 |   title: 青菱\u{FFFD}\u{FFFD}
  |              ^"),
    );
}

#[test]
fn an_empty_file_is_not_a_record() {
    assert_text(
        &load_invalid("empty_file"),
        &one("content/qingling/2023.yaml:1:1: 应为若干“字段: 值”，实际文件是空的"),
    );
}

#[test]
fn a_weight_suffix_that_disagrees_with_the_weight_is_an_error() {
    assert_text(
        &load_invalid("weight_suffix_conflict"),
        &one("content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): 应为 4（与名称后的 `（4分）` 一致），实际为 5
   |
10 |           weight: 5
   |                   ^"),
    );
}

#[test]
fn enum_values_list_the_choices() {
    assert_text(
        &load_invalid("bad_enum"),
        "错误：content/qingling/2023.yaml:3:11: template (评分模板): 应为 `hubei`、`national`、`sichuan` 之一，实际为 `provincial`
  |
3 | template: provincial
  |           ^
错误：content/qingling/2023.yaml:7:13: final_accounts.lines[0].fund: 应为 `general_budget`、`gov_fund`、`state_capital` 之一，实际为 `special`
  |
7 |       fund: special
  |             ^
内容中共有 2 处错误",
    );
}

const MULTIPLE: &str = "错误：content/huashan/2020.yaml:5:5: projects[0].name (名称): 应填写项目名称，实际没有
  |
5 |   - goals: []
  |     ^
错误：content/qingling/2022.yaml:6:12: final_accounts.income.total (合计): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `1e3`
  |
6 |     total: 1e3
  |            ^
错误：content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): 应为 4（与名称后的 `(4分)` 一致），实际为 5
   |
10 |           weight: 5
   |                   ^
错误：content/qingling/2023.yaml:11:22: self_evaluation.goals[0].indicators[0].direction (指标方向): 应为 `positive` 或 `negative`，实际为 `up`
   |
11 |           direction: up
   |                      ^
错误：content/qingling/_unit.yaml:3:7: sort: 应为用数字写的整数（不带 `+`、十六进制、下划线 `_`、小数点或前导零），实际为 `first`
  |
3 | sort: first
  |       ^
内容中共有 5 处错误";

#[test]
fn every_error_of_every_file_is_reported_sorted_by_path() {
    assert_text(&load_invalid("multiple_errors"), MULTIPLE);
}

#[test]
fn gongkai_check_prints_every_error_and_exits_with_2() {
    let out = crate::support::gongkai()
        .expect("binary built")
        .current_dir(fixture("invalid/multiple_errors"))
        .args(["check", "--content", "content"])
        .output()
        .expect("gongkai runs");
    assert_eq!(out.status.code(), Some(2));
    assert_text(
        &String::from_utf8_lossy(&out.stderr),
        &format!("{MULTIPLE}\n"),
    );
}

#[test]
fn issue18_check_format_json_reports_invalid_content_as_json_with_exit_2() {
    let out = crate::support::gongkai()
        .expect("binary built")
        .current_dir(fixture("invalid/multiple_errors"))
        .args(["check", "--content", "content", "--format", "json"])
        .output()
        .expect("gongkai runs");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["count"], 5);
    let errors = v["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 5);
    let e = &errors[1];
    assert_eq!(e["location"]["path"], "content/qingling/2022.yaml");
    assert_eq!(
        (
            e["location"]["line"].as_u64(),
            e["location"]["col"].as_u64()
        ),
        (Some(6), Some(12))
    );
    assert_eq!(e["field"], "final_accounts.income.total");
    assert_eq!(e["label"], "合计");
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("实际为 `1e3`")),
        "{e}"
    );
    assert_eq!(
        errors[4]["label"],
        serde_json::Value::Null,
        "sort has no form name"
    );
}

#[test]
fn issue16_an_override_that_cannot_apply_is_an_error_at_its_line() {
    assert_text(
        &load_invalid("override_cannot_apply"),
        "错误：content/qingling/2023.yaml:13:17: self_evaluation.goals[0].indicators[0].kind (指标类型): kind: quantitative（定量指标）的年初目标值须含一个数字，如 ≥95%；实际为 `明显提升`
   |
13 |           kind: quantitative
   |                 ^
错误：content/qingling/2023.yaml:18:17: self_evaluation.goals[0].indicators[1].kind (指标类型): kind: quantitative（定量指标）的实际完成值须含一个数字，如 98%；实际为 `基本办结`
   |
18 |           kind: quantitative
   |                 ^
错误：content/qingling/2023.yaml:23:22: self_evaluation.goals[0].indicators[2].direction (指标方向): direction: negative（指标方向）要求年初目标值含一个数字，如 ≤5%（定性指标按档次评分，不看方向）；实际为 `不发生`
   |
23 |           direction: negative
   |                      ^
内容中共有 3 处错误",
    );
}

#[test]
fn issue18_keyboard_slips_are_named_in_plain_words_with_the_caret_on_the_slip() {
    // A full-width colon, a colon without its space, a tab, an unquoted `: ` inside a text.
    assert_text(
        &load_invalid("yaml_slips"),
        r#"错误：content/qingling/2020.yaml:5:17: self_evaluation (部门整体支出绩效自评表): `reported_total` 后的冒号是全角“：”，字段名和值之间应为半角冒号加一个空格：`reported_total: 98`
  |
5 |   reported_total：98
  |                 ^
错误：content/qingling/2021.yaml:5:17: self_evaluation (部门整体支出绩效自评表): `reported_total` 的冒号后缺一个空格：应写作 `reported_total: 98`
  |
5 |   reported_total:98
  |                 ^
错误：content/qingling/2022.yaml:5:1: 本行用制表符（Tab）缩进：只能用空格缩进（每级两个空格），请把制表符换成空格
  |
5 |  reported_total: 98
  | ^
错误：content/qingling/2023.yaml:6:18: `name:` 后的文字里有“冒号加空格”（`: `），会被当成另一个字段的开始；请给这段文字加引号：`name: "年度目标1: 提升服务"`
  |
6 |     - name: 年度目标1: 提升服务
  |                      ^
内容中共有 4 处错误"#,
    );
}

#[test]
fn issue18_every_independent_mistake_of_a_file_is_reported_after_a_syntax_error() {
    // A full-width colon (a syntax error: the library stops there), an unknown word two items
    // later, a number with an exponent, a text for an amount, a tab: five messages, each at
    // its line, the indicator after the left-out one still named `indicators[1]`.
    assert_text(
        &load_invalid("independent_mistakes"),
        r#"错误：content/qingling/2023.yaml:11:17: `weight` 后的冒号是全角“：”，字段名和值之间应为半角冒号加一个空格：`weight: 5`
   |
11 |           weight：5
   |                 ^
错误：content/qingling/2023.yaml:14:22: self_evaluation.goals[0].indicators[1].direction (指标方向): 应为 `positive` 或 `negative`，实际为 `up`
   |
14 |           direction: up
   |                      ^
错误：content/qingling/2023.yaml:16:15: self_evaluation.goals[1].weight (分值): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `1e3`
   |
16 |       weight: 1e3
   |               ^
错误：content/qingling/2023.yaml:22:12: final_accounts.income.total (合计): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `很多`
   |
22 |     total: 很多
   |            ^
错误：content/qingling/2023.yaml:24:1: 本行用制表符（Tab）缩进：只能用空格缩进（每级两个空格），请把制表符换成空格
   |
24 |  title: 绩效目标
   | ^
内容中共有 5 处错误"#,
    );
}
