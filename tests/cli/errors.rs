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
mod layouts;
mod partial;
mod robustness;
mod tables;

use assert_cmd::Command;

use crate::support::{assert_text, fixture, load_invalid, load_site};

/// The message of a run with exactly one error.
fn one(diagnostic: &str) -> String {
    format!("error: {diagnostic}\n1 error in the content")
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
        &one("content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `1e3`
   |
10 |           weight: 1e3
   |                   ^"),
    );
}

#[test]
fn hex_nan_and_underscores_are_not_plain_decimals() {
    assert_text(
        &load_invalid("hex"),
        &one("content/qingling/2023.yaml:6:21: final_accounts.income.general_budget (一般公共预算财政拨款): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `0x1F`
  |
6 |     general_budget: 0x1F
  |                     ^"),
    );
    assert_text(
        &load_invalid("nan"),
        &one("content/qingling/2023.yaml:7:13: self_evaluation.execution.actual (执行数/实际完成值): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values) or a printed mark (`—`, `/`, `\"\"` (an empty cell), `unreadable` or `merged`), found `.nan`
  |
7 |     actual: .nan
  |             ^"),
    );
    assert_text(
        &load_invalid("underscore"),
        &one("content/qingling/2023.yaml:6:12: final_accounts.expenditure.total (合计): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `1_000`
  |
6 |     total: 1_000
  |            ^"),
    );
}

#[test]
fn an_unknown_field_is_named_with_the_fields_expected() {
    assert_text(
        &load_invalid("unknown_field"),
        &one("content/qingling/2023.yaml:10:11: self_evaluation.goals[0].indicators[0].weigth: unknown field `weigth`, expected one of `id`, `level1`, `level2`, `name`, `weight`, `target`, `actual`, `score`, `deviation`, `note`, `measure`, `direction`, `kind`, `status`, `nature`, `value`, `unit`, `definition`, `criteria`
   |
10 |           weigth: 4
   |           ^"),
    );
}

#[test]
fn a_duplicate_key_points_at_the_second_one() {
    assert_text(
        &load_invalid("duplicate_key"),
        &one("content/qingling/2023.yaml:11:11: self_evaluation.goals[0].indicators[0].weight (分值): duplicate key `weight`: a key may appear only once in a mapping
   |
11 |           weight: 5
   |           ^"),
    );
}

#[test]
fn a_string_where_a_mapping_belongs_says_what_was_found() {
    assert_text(
        &load_invalid("wrong_type"),
        &one("content/qingling/2023.yaml:4:18: self_evaluation (部门整体支出绩效自评表): expected a mapping, found `部门整体支出绩效自评表`
  |
4 | self_evaluation: 部门整体支出绩效自评表
  |                  ^"),
    );
}

#[test]
fn a_missing_required_field_points_at_its_mapping() {
    assert_text(
        &load_invalid("missing_field"),
        &one("content/qingling/2023.yaml:9:11: self_evaluation.goals[0].indicators[0].name (名称): missing required field `name`
  |
9 |         - target: ≥95%
  |           ^"),
    );
}

#[test]
fn the_year_field_must_match_the_file_name() {
    assert_text(
        &load_invalid("year_mismatch"),
        &one("content/qingling/2023.yaml:1:7: year (年度): expected 2023 (the year in the file name), found 2022
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
            "content/qingling: expected a `_unit.yaml` file in this unit folder (with `id: qingling` and the unit's name), found none",
        ),
    );
}

#[test]
fn the_unit_id_must_match_the_folder_name() {
    assert_text(
        &load_invalid("unit_id_mismatch"),
        &one("content/qingling/_unit.yaml:1:5: id (编号): expected `qingling` (the unit folder's name), found `qingling-jie`
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
            "content/Qing Ling: unit folder name: expected a unit id of 1 to 64 lowercase letters, digits and `-` (starting with a letter or digit), found `Qing Ling`",
        ),
    );
}

#[test]
fn stray_files_are_reported_not_ignored() {
    assert_text(
        &load_invalid("stray_file"),
        "error: content/notes.txt: unexpected file or folder: the content folder holds `_site.yaml` and one folder per unit
error: content/qingling/2023.yml: unexpected file or folder: a unit folder holds `_unit.yaml`, `<year>.yaml` records and `<year>/` narrative folders (YAML files here end in `.yaml`)
2 errors in the content",
    );
}

#[test]
fn tab_indentation_is_a_located_yaml_error() {
    assert_text(
        &load_invalid("tab_indentation"),
        &one("content/qingling/2023.yaml:5:1: a tab is used to indent this line: YAML indents with spaces only (two per level); replace the tab with spaces
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
        &one("content/qingling/2023.yaml:5:12: expected UTF-8 text, found an invalid byte sequence (byte 0xB2); save the file as UTF-8
  |
5 |   title: 青菱\u{FFFD}\u{FFFD}
  |              ^"),
    );
}

#[test]
fn an_empty_file_is_not_a_record() {
    assert_text(
        &load_invalid("empty_file"),
        &one("content/qingling/2023.yaml:1:1: expected a mapping, found an empty file"),
    );
}

#[test]
fn a_weight_suffix_that_disagrees_with_the_weight_is_an_error() {
    assert_text(
        &load_invalid("weight_suffix_conflict"),
        &one("content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): expected 4 as the name's suffix `（4分）` says, found 5
   |
10 |           weight: 5
   |                   ^"),
    );
}

#[test]
fn enum_values_list_the_choices() {
    assert_text(
        &load_invalid("bad_enum"),
        "error: content/qingling/2023.yaml:3:11: template (评分模板): expected one of `hubei`, `national`, `sichuan`, found `provincial`
  |
3 | template: provincial
  |           ^
error: content/qingling/2023.yaml:7:13: final_accounts.lines[0].fund: expected one of `general_budget`, `gov_fund`, `state_capital`, found `special`
  |
7 |       fund: special
  |             ^
2 errors in the content",
    );
}

const MULTIPLE: &str = "error: content/huashan/2020.yaml:5:5: projects[0].name (名称): expected the project's name, found none
  |
5 |   - goals: []
  |     ^
error: content/qingling/2022.yaml:6:12: final_accounts.income.total (合计): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `1e3`
  |
6 |     total: 1e3
  |            ^
error: content/qingling/2023.yaml:10:19: self_evaluation.goals[0].indicators[0].weight (分值): expected 4 as the name's suffix `(4分)` says, found 5
   |
10 |           weight: 5
   |                   ^
error: content/qingling/2023.yaml:11:22: self_evaluation.goals[0].indicators[0].direction (指标方向): expected `positive` or `negative`, found `up`
   |
11 |           direction: up
   |                      ^
error: content/qingling/_unit.yaml:3:7: sort: expected a whole number in digits (no `+`, hex, `_`, decimal point or leading zeros), found `first`
  |
3 | sort: first
  |       ^
5 errors in the content";

#[test]
fn every_error_of_every_file_is_reported_sorted_by_path() {
    assert_text(&load_invalid("multiple_errors"), MULTIPLE);
}

#[test]
fn gongkai_check_prints_every_error_and_exits_with_2() {
    let out = Command::cargo_bin("gongkai")
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
    let out = Command::cargo_bin("gongkai")
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
            .is_some_and(|m| m.ends_with("found `1e3`")),
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
        "error: content/qingling/2023.yaml:13:17: self_evaluation.goals[0].indicators[0].kind (指标类型): kind: quantitative needs a target with one number, such as ≥95%; found `明显提升`
   |
13 |           kind: quantitative
   |                 ^
error: content/qingling/2023.yaml:18:17: self_evaluation.goals[0].indicators[1].kind (指标类型): kind: quantitative needs an actual with one number, such as 98%; found `基本办结`
   |
18 |           kind: quantitative
   |                 ^
error: content/qingling/2023.yaml:23:22: self_evaluation.goals[0].indicators[2].direction (指标方向): direction: negative needs a target with one number, such as ≤5% (a qualitative indicator is scored by band, not by direction); found `不发生`
   |
23 |           direction: negative
   |                      ^
3 errors in the content",
    );
}

#[test]
fn issue18_keyboard_slips_are_named_in_plain_words_with_the_caret_on_the_slip() {
    // A full-width colon, a colon without its space, a tab, an unquoted `: ` inside a text.
    assert_text(
        &load_invalid("yaml_slips"),
        r#"error: content/qingling/2020.yaml:5:17: self_evaluation (部门整体支出绩效自评表): the colon after `reported_total` is a full-width `：`; YAML separates a key from its value with a half-width `:` and a space: `reported_total: 98`
  |
5 |   reported_total：98
  |                 ^
error: content/qingling/2021.yaml:5:17: self_evaluation (部门整体支出绩效自评表): a space is missing after the `:` of `reported_total`: write `reported_total: 98`
  |
5 |   reported_total:98
  |                 ^
error: content/qingling/2022.yaml:5:1: a tab is used to indent this line: YAML indents with spaces only (two per level); replace the tab with spaces
  |
5 |  reported_total: 98
  | ^
error: content/qingling/2023.yaml:6:18: the text after `name:` holds a colon and a space (`: `), which YAML reads as the start of another key; put the text in quotes: `name: "年度目标1: 提升服务"`
  |
6 |     - name: 年度目标1: 提升服务
  |                      ^
4 errors in the content"#,
    );
}

#[test]
fn issue18_every_independent_mistake_of_a_file_is_reported_after_a_syntax_error() {
    // A full-width colon (a syntax error: the library stops there), an unknown word two items
    // later, a number with an exponent, a text for an amount, a tab: five messages, each at
    // its line, the indicator after the left-out one still named `indicators[1]`.
    assert_text(
        &load_invalid("independent_mistakes"),
        r#"error: content/qingling/2023.yaml:11:17: the colon after `weight` is a full-width `：`; YAML separates a key from its value with a half-width `:` and a space: `weight: 5`
   |
11 |           weight：5
   |                 ^
error: content/qingling/2023.yaml:14:22: self_evaluation.goals[0].indicators[1].direction (指标方向): expected `positive` or `negative`, found `up`
   |
14 |           direction: up
   |                      ^
error: content/qingling/2023.yaml:16:15: self_evaluation.goals[1].weight (分值): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `1e3`
   |
16 |       weight: 1e3
   |               ^
error: content/qingling/2023.yaml:22:12: final_accounts.income.total (合计): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `很多`
   |
22 |     total: 很多
   |            ^
error: content/qingling/2023.yaml:24:1: a tab is used to indent this line: YAML indents with spaces only (two per level); replace the tab with spaces
   |
24 |  title: 绩效目标
   | ^
5 errors in the content"#,
    );
}
